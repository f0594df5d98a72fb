"""A newsletter's column reprinting the letters its association received (「政令宣導」): each letter numbered under its
sender's name (「一、行政院農業委員會動植物防疫檢疫局」) over the line saying when it came and its 發文字號 (「103年03月06日
來函，防檢一字第1031471245A號」), then its 主旨 and 說明. The first such head is the letter's own; a later one opens another
letter, which no field of this record holds. A stage after the publisher's notes are dropped."""
from __future__ import annotations

import re
from functools import cache

from pipeline.parse.dates import DATE_RE, match_to_date
from pipeline.parse.dispatch import DISPATCH_RE, whole_dispatch_no
from pipeline.parse.header_shapes import cites_another
from pipeline.parse.items import ANY_MARKER
from pipeline.parse.labels import label_regex
from pipeline.parse.title_line import agency_line
from pipeline.vocabulary import vocabulary

_S = r"[ \t]*"
SENTENCE_END = "。"


@cache
def came_line_pattern() -> re.Pattern:
    """Return the pattern of a reprint's line saying when the letter came, its 文別 and its 發文字號 (「103年03月06日
    來函，防檢一字第1031471245A號」), and what the line runs on with after the number (a contact's row)."""
    kinds = "|".join(map(re.escape, sorted(vocabulary()["reference_kinds"]["names"], key=len, reverse=True)))
    came = "|".join(map(re.escape, vocabulary()["reprints"]["came"]))
    return re.compile(rf"{_S}(?P<date>{DATE_RE.pattern}){_S}(?:{came})(?P<kind>{kinds}){_S}[，,]?{_S}"
                      rf"(?P<dispatch>{DISPATCH_RE.pattern.replace('?P<', '?P<n_')}){_S}(?P<rest>.*)")


def reprint_head(line: str) -> tuple[str, str] | None:
    """Given a line, return the citation-form head a reprint's numbered sender and 來函 line on it give (「行政院農業
    委員會動植物防疫檢疫局103年03月06日防檢一字第1031471245A號函」, as a letter's own head is cited) and the text run on
    after the number (a contact's row, no sentence); else None: an item citing a letter that came (「一、依據教育部…來函，
    …號辦理。」) is the text's."""
    marker = ANY_MARKER.match(line.lstrip())
    if not marker:
        return None
    body = line.lstrip()[marker.end():]
    for m in came_line_pattern().finditer(body):
        sender = agency_line(body[:m.start()])
        dispatch = whole_dispatch_no(m.group("dispatch"))
        if (sender and not cites_another(sender) and dispatch and SENTENCE_END not in m.group("rest")
                and match_to_date(DATE_RE.fullmatch(m.group("date")))):
            return f"{sender}{m.group('date')}{dispatch.text}{m.group('kind')}", m.group("rest").strip()
    return None


@cache
def letter_row() -> re.Pattern:
    """Return the pattern of a line a reprinted letter's head stands over: its 主旨 or its contact's row (「承辦人：…」),
    labels and colon (a relay's item going on with its sentence is neither)."""
    labels = vocabulary()["labels"]
    variants = [v for k in ("subject", "contact_name", "contact_name_phone", "phone") for v in labels[k]]
    return re.compile(rf"[ \t]*(?:{'|'.join(label_regex(v) for v in variants)})[ \t]*[:：]")


def joined_heads(lines: list[str]) -> list[tuple[int, int, tuple[str, str]]]:
    """Given lines, return each reprint head among them as (its first line, the line after it, what it gives): the
    numbered sender alone over the 來函 line, or both on one line."""
    heads, i = [], 0
    while i < len(lines):
        pair = lines[i] + (lines[i + 1].strip() if i + 1 < len(lines) else "")
        if (head := reprint_head(lines[i])) is not None:
            heads.append((i, i + 1, head))
        elif i + 1 < len(lines) and (head := reprint_head(pair)) is not None:
            heads.append((i, i + 2, head))
            i += 1
        i += 1
    return heads


def read_reprints(text: str) -> tuple[str, list[str]]:
    """Given a letter's text, return it with the reprint head it opens with written as its citation-form head (the
    text run on after the number on the line below), up to the next reprint head (another letter the column reprints),
    and the lines of those later letters; (text, []) when the text opens with no reprint head, or with one whose line
    no 主旨 or contact row follows (a relay's item: 「一、教育部…來函，…號」 over 「函轉行政院…，請轉知所屬。」)."""
    lines = text.split("\n")
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    # (whether the text opens with a head its lines down to the first one's and the next tell: the rest are read then)
    if first is None or not (opening := joined_heads(lines[:first + 2])) or opening[0][0] != first:
        return text, []
    heads = joined_heads(lines)
    _, after, (head, rest) = heads[0]
    below = next((line for line in lines[after:] if line.strip()), "")
    if not rest and not letter_row().match(below):  # a relay's item whose sentence goes on under the number
        return text, []
    end = heads[1][0] if len(heads) > 1 else len(lines)
    own = [head, *([rest] if rest else []), *lines[after:end]]
    return "\n".join(own), [line for line in lines[end:] if line.strip()]
