"""An attachment printed after the sentence that sends it: where its text begins, and the name the letter gives it."""
from __future__ import annotations

import re
from functools import cache

from pipeline.records import Attachment
from pipeline.vocabulary import vocabulary


@cache
def sent_name() -> re.Pattern:
    """Return the pattern of a document the letter sends by its name in 「」 (「檢送「…措施」一份」, 「附訂定「…事項」1份」):
    a sending word, at most a verb between (訂定, 修正), the name, its count (vocabulary.toml [attachments])."""
    vocab = vocabulary()["attachments"]
    words = "|".join(map(re.escape, vocab["sending_words"]))
    count = rf"[0-9０-９一二三四五六七八九十]+[{vocab['count_words']}]"
    return re.compile(rf"(?:{words})(?P<title>[^「」\n，,。]{{0,4}}「(?P<name>[^「」\n]{{4,60}})」[^「」\n，,。]{{0,8}}?)"
                      rf"(?:{count})?。?[ \t]*$", re.M)


def sent_names(text: str) -> dict[str, str]:
    """Given a letter's text, return the names of the documents it sends, each with the attachment's title (the name
    with the verb and the part before and after it, without the count: 「訂定「…事項」」)."""
    return {m.group("name"): m.group("title").strip() for m in sent_name().finditer(text)}


def cut_at_restated_name(value: str) -> tuple[str, Attachment | None, str]:
    """Given a section's text, return the text before a line that is wholly the name of a document an earlier line
    sends (the attachment's title printed over its points, their numbering starting anew: 「附訂定「X」1份。」 over 「X」
    and 「一、…」), the attachment, and the text from that line on; (value, None, "") when there is none."""
    names = sent_names(value)
    if not names:
        return value, None, ""
    lines = value.splitlines(keepends=True)
    start = 0
    for i, line in enumerate(lines):
        name = re.sub(r"\s", "", line)
        if name in names and start > 0 and (i + 1 == len(lines) or FIRST_POINT.match(lines[i + 1].strip())):
            return value[:start].rstrip("\n"), Attachment(title=names[name]), value[start:].strip()
        start += len(line)
    return value, None, ""


# the attached document's own first point under its title (一、, 第一條, (一), 1.): its numbering starts anew
FIRST_POINT = re.compile(r"(?:一[、．.]|第\s*一\s*條|[(（]一[)）]|1[.、．])")
REGULATION_NAME = re.compile(r"[^\s、，,。：:；;「」]{4,40}")  # a name on a line of its own, no sentence's marks


def is_regulation_name(line: str) -> bool:
    """Given a line, return whether it is wholly a regulation's name (「輔仁大學清寒助學金實施辦法」: ends with 辦法,
    要點, 須知 …, vocabulary.toml [regulations])."""
    name = line.strip()
    return bool(REGULATION_NAME.fullmatch(name)) and name.endswith(tuple(vocabulary()["regulations"]["endings"]))


def cut_at_printed_regulation(value: str) -> tuple[str, str]:
    """Given a section's text, return the text before a line that is wholly a regulation's name, after a sentence's
    end, over a point numbered anew with the marker the section's own points began with above it (a sub-list under
    the name, 「(一)」 under 「一、」, is the section's; the regulation the letter sends,
    printed after it under its title: 「…送交至系辦公室。」 over 「○○實施辦法」 over 「一、本辦法依據…」), and the text
    from that line on; (value, "") when there is none."""
    lines = value.splitlines(keepends=True)
    start, first = 0, None  # first: the marker the section's own points began with
    for i, line in enumerate(lines):
        below = FIRST_POINT.match(lines[i + 1].strip()) if first and i + 1 < len(lines) else None
        if (below and below.group() == first and lines[i - 1].rstrip().endswith("。") and is_regulation_name(line)):
            return value[:start].rstrip("\n"), value[start:].strip()
        first = first or (m.group() if (m := FIRST_POINT.match(line.strip())) else None)
        start += len(line)
    return value, ""


def title_by_name(first_line: str, text: str) -> str | None:
    """Given the first line of an 附件 printed after the body and the letter's text, return the name of the document
    the letter sends that the line opens with (its title run into its points: 「…各項措施 壹 本院已推行…」); None when
    it opens with none."""
    line = re.sub(r"\s", "", first_line)
    return next((name for name in sorted(sent_names(text), key=len, reverse=True) if line.startswith(name)), None)
