"""A regulation's history entry (法規沿革) as law databases print it: the one document that enacted or amended it.

全國法規資料庫 and the cities' 法規查詢系統 print a regulation's history as entries 「[1.]中華民國<date><issuer><發文字號>
<文別><what it did>」 (「中華民國112年12月21日內政部台內消字第1120827499號令訂定發布全文10條」); a 會銜 entry names each
issuer with its own number, joined by 、 (「內政部台內營字第…號、勞動部勞動發特字第…號令會銜訂定發布…」, data/vocabulary.toml
[history]). A page holding one entry publishes that document: the entry is its own date, issuer, 發文字號 (the further
issuers are its co_issuers) and 文別, and what it did is its subject. A bare 民國 date line beside the entry is the
regulation's own (公發布日), in no field.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from pipeline.parse.clean import join_clean
from pipeline.parse.dates import DATE_RE, match_to_date, whole_date
from pipeline.parse.dispatch import DISPATCH_RE, match_to_dispatch, whole_dispatch_no
from pipeline.parse.references import is_agency, split_issuer_word
from pipeline.records import CoIssuer, DispatchNo, RocDate
from pipeline.vocabulary import vocabulary

MARKER = r"(?:\d{1,3}[.、．])?"  # an entry's number in the history (「1.」)


@dataclass
class HistoryEntry:
    """What a regulation's history entry says of its document."""
    date: RocDate
    issuer: str
    dispatch_no: DispatchNo
    doc_type: str  # 文別: 令, 函, 公告 …
    subject: str  # what the document did (訂定發布全文10條 …)
    co_issuers: list[CoIssuer] = field(default_factory=list)  # 會銜: the further issuers, each with its number


@cache
def entry_pattern() -> re.Pattern:
    """Return the pattern of a whole history entry: [number] date, the issuers with their numbers, the 文別, then
    what it did (opening with one of the history's action words)."""
    kinds = "|".join(map(re.escape, sorted(vocabulary()["reference_kinds"]["names"], key=len, reverse=True)))
    actions = "|".join(map(re.escape, vocabulary()["history"]["actions"]))
    return re.compile(rf"{MARKER}(?P<date>{DATE_RE.pattern})(?P<numbers>.+?號)(?P<kind>{kinds})"
                      rf"(?P<action>(?:{actions}).*)", re.S)


@cache
def opener_pattern() -> re.Pattern:
    """Return the pattern of a line opening an entry: [number] a 民國 date followed by more text."""
    return re.compile(rf"{MARKER}(?:{DATE_RE.pattern})(?=\S)")


# a further 會銜 issuer that signed on another day gives its own date before its name (「…第03522號、10月24日行政院
# 臺法字第12323號令會銜…」): the entry's date is the first issuer's
OWN_DAY = re.compile(r"^(?:\d{2,3}年)?\d{1,2}月\d{1,2}日")
# a regulation's chapter, section or article heading (中央法規標準法: 條, 章, 節): the regulation itself, not the entry
ARTICLE_HEADING = re.compile(r"^第[\d一二三四五六七八九十百]+[章節條]")
# an administrative rule's point (行政規則 — 要點, 注意事項 — are written in points 「一、」, grouped under headings
# 「壹、總則」, 「肆 整理」): the regulation itself once the entry has ended as entries end (「…並自即日生效」); after
# an entry cut short by a line's end (「…及修正附表一至附表」 / 「三、附表五…」) the line still wraps the entry
POINT_HEADING = re.compile(r"^(?:[一二三四五六七八九十百]+、|[壹貳參肆伍陸柒捌玖拾]{1,3}[、 \t\u3000]*[\u4e00-\u9fff]{1,12}$)")
ENTRY_END = re.compile(r"(?:施行|生效|實施|適用|廢止|條文|[條點])[。；;]?$")
# a page running the regulation's first article onto the entry's own line once the entry has ended as entries end
# (「…號令訂定發布全文六十四條第一條本細則依…」): the line breaks before the heading 第一條 (not 「第1條條文」, an entry's)
RUN_ON_ARTICLE = re.compile(r"(?<=條)(?=第[一1]條(?![條之])\S)")


def opens_regulation(line: str, entry: str) -> bool:
    """Given a line after an entry and the entry's text so far, return whether the line opens the regulation: its
    article heading, or once the entry has ended as entries end, a point heading or the heading of its explanation
    (「立法總說明」)."""
    ended = ENTRY_END.search(entry.strip())
    explains = line.strip() in vocabulary()["history"]["explanations"]
    return bool(ARTICLE_HEADING.match(line) or ended and (POINT_HEADING.match(line) or explains))


def issuers_and_numbers(run: str) -> list[tuple[str, DispatchNo]] | None:
    """Given the run between an entry's date and its 文別, return each issuer with its 發文字號 (joined by the
    history's joint words), else None when a part is not an agency followed by a number."""
    joints = "|".join(map(re.escape, vocabulary()["history"]["joints"]))
    pairs = []
    for i, part in enumerate(re.split(rf"(?<=號)(?:{joints})", run)):
        part = OWN_DAY.sub("", part) if i else part
        whole = whole_dispatch_no(part)
        issuer, word = split_issuer_word(whole.word) if whole and whole.word else (None, "")
        if not issuer or not word or not is_agency(issuer):
            return None
        pairs.append((issuer, match_to_dispatch(DISPATCH_RE.fullmatch(word + whole.text[len(whole.word):]))))
    return pairs or None


def read_entry(text: str) -> HistoryEntry | None:
    """Given an entry's text (its lines joined), return what it says of its document, else None."""
    m = entry_pattern().fullmatch(text.strip())
    date = match_to_date(DATE_RE.fullmatch(m.group("date"))) if m else None
    pairs = issuers_and_numbers(m.group("numbers")) if date else None
    if not pairs:
        return None
    (issuer, number), further = pairs[0], pairs[1:]
    return HistoryEntry(date=date, issuer=issuer, dispatch_no=number, doc_type=m.group("kind"),
                        subject=m.group("action").strip(),
                        co_issuers=[CoIssuer(issuer=i, dispatch_no=n) for i, n in further])


def entry_spans(lines: list[str]) -> list[tuple[int, int]]:
    """Given lines, return (first, end) of each history entry: a line opening with a date and more text, with the
    lines after it that open no entry and neither are a bare date nor open the regulation (an entry wrapped over
    lines)."""
    spans = []
    for i, line in enumerate(lines):
        if opener_pattern().match(line) and not whole_date(line):
            spans.append([i, i + 1])
        elif spans and spans[-1][1] == i and line.strip() and not whole_date(line) and \
                not opens_regulation(line, "".join(lines[spans[-1][0]:i])):
            spans[-1][1] = i + 1
    return [tuple(s) for s in spans]


def history_entry(text: str) -> tuple[HistoryEntry, str, list[str]] | None:
    """Given a document's head text, return its history entry when the text holds exactly one, the text without it
    and without the regulation's bare date lines, and those date lines; else None. An entry under a line that is
    wholly a 發文字號 is the attached regulation's (a gazette prints a 令's own date and number above its order, and
    the regulation it issues, with its history, after the 署名): it is not the page's head."""
    lines = [part for line in text.split("\n")
             for part in (RUN_ON_ARTICLE.split(line, 1) if opener_pattern().match(line) else [line])]
    spans = entry_spans(lines)
    if len(spans) != 1:
        return None
    first, end = spans[0]
    if any(whole_dispatch_no(line) for line in lines[:first]):
        return None
    entry = read_entry(join_clean("\n".join(lines[first:end])))
    if entry is None:
        return None
    after = lines[end:]
    entry_text = "".join(lines[first:end])
    regulation = next((i for i, line in enumerate(after) if opens_regulation(line, entry_text)), len(after))
    rest = lines[:first] + after[:regulation]  # from its first 章/節/條 on, the regulation itself: in no field
    dates = [line.strip() for line in rest if whole_date(line)]
    return entry, "\n".join(line for line in rest if not whole_date(line)), dates
