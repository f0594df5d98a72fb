"""A gazette's agenda item over a letter it prints whole (立法院公報's 質詢事項: 「(一)行政院函送…所提質詢之書面答復，
請查照案。」 over the letter's citation in brackets, 「(行政院函 中華民國105年9月30日院臺專字第1050092879號)」, and the
letter's text). The item's 案由 is the letter's 主旨 as the gazette words it, the bracketed citation the letter's head,
what follows the letter's text. A stage after the publisher's notes: the letter's text → the same text labelled so."""
from __future__ import annotations

import re
from functools import cache

from pipeline.parse.header_shapes import citation_header
from pipeline.parse.publisher_notes import TEXT_LABEL
from pipeline.vocabulary import vocabulary

SUBJECT_LABEL = "主旨："


@cache
def agenda_item_pattern() -> re.Pattern:
    """Return the pattern of an agenda item's line: its marker, its 案由 ending as an item asks the house
    (vocabulary.toml [agenda_items]), and the citation when a PDF's reader joined it to that line (「…請查照案。(行政院函
    …號)」)."""
    ends = "|".join(map(re.escape, vocabulary()["agenda_items"]["ends"]))
    return re.compile(rf"[ \t]*[(（][一二三四五六七八九十百]+[)）][ \t]*(?P<cause>\S.*?(?:{ends}))[ \t]*(?P<cite>[(（].*)?")


def whole_brackets(line: str) -> str:
    """Given a line, return it with the opening bracket a printing lost before its closing one put back
    (「行政院函 中華民國111年4月14日院臺專字第1110085217號)」)."""
    if line.endswith((")", "）")) and not line.startswith(("(", "（")):
        return "(" + line
    return line


def label_agenda_item(text: str) -> str:
    """Given a letter's text, return it with a gazette's agenda item over the letter labelled: the bracketed citation
    first (the head), the 案由 as 主旨, the text after the citation as the letter's text (全文內容). A text without an
    item whose next line is a citation naming a 文別 is returned as it is."""
    if not any(end in text for end in vocabulary()["agenda_items"]["ends"]):
        return text
    lines = text.split("\n")
    for i, line in enumerate(lines):
        if not (m := agenda_item_pattern().fullmatch(line)):
            continue
        if m.group("cite"):
            cite, after = m.group("cite").strip(), i + 1
        else:
            j = next((k for k in range(i + 1, len(lines)) if lines[k].strip()), None)
            cite, after = (whole_brackets(lines[j].strip()), j + 1) if j is not None else ("", i + 1)
        if (head := citation_header(cite)) is None or head.doc_type is None:
            return text
        rest = lines[after:]
        while rest and not rest[0].strip():
            rest.pop(0)
        body = [TEXT_LABEL + rest[0].strip(), *rest[1:]] if rest else []
        return "\n".join([*lines[:i], cite, SUBJECT_LABEL + m.group("cause"), *body])
    return text
