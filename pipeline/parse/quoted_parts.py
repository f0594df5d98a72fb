"""A compilation's row quoting a letter's parts by name, as 戶政事務所 sites print 內政部's 戶政解釋函令查詢系統 (法令彙編):
「序號 類別 收文日期 機關字號 法令摘要 法令內容」 on one line, the 機關字號 one citation or a chain of them (the city's
民政局 relaying 內政部 relaying 國發會: 「臺中市政府民政局108.1.28中市民戶字第…號/內政部108.1.25台內戶字第…號/…」, or
each after its date, 「2007/5/16內政部台內戶字第…號」), the 內容 naming the letter it quotes and each part it quotes
(「內政部函【說明二】、…【說明三】…」, data/publishers.toml [quoted_parts]). A stage before the letter's fields are read:
the row → the letter it quotes, its citation as a citation-form header, a 摘要 that is the letter's own 主旨 (ending with
a 期望語) as 主旨, each quoted item under 說明 by its number; the row's other columns dropped."""
from __future__ import annotations

import re
from functools import cache

from pipeline.parse.dates import DATE_RE
from pipeline.parse.dispatch import DISPATCH_RE
from pipeline.parse.header_shapes import HeadShapes, citation_header
from pipeline.parse.publisher_table import publisher_table
from pipeline.vocabulary import expectation_phrases, vocabulary

COLUMNS = re.compile(r"[ \t\u3000]")  # what stands between a row's columns
CHAIN = "/／"  # what stands between chained citations


@cache
def part_pattern() -> re.Pattern:
    """Return the pattern of a quoted item's name in brackets (「【說明二】」), the quoted letter's issuer and 文別
    before the first (「內政部函」), a list comma after it."""
    table = publisher_table()["quoted_parts"]
    kinds = "|".join(map(re.escape, sorted(vocabulary()["reference_kinds"]["names"], key=len, reverse=True)))
    opening, closing = map(re.escape, table["brackets"])
    return re.compile(rf"(?:(?P<issuer>[\u4e00-\u9fff]{{2,30}}?)(?P<kind>{kinds}))?{opening}{re.escape(table['section'])}"
                      rf"(?P<number>[一二三四五六七八九十]{{1,3}}){closing}[ \t]*[、，,：:]?[ \t]*")


@cache
def download_pattern() -> re.Pattern:
    """Return the pattern of the 附件下載 column's file type after a row's last quoted text."""
    return re.compile(rf"(?<=\S)(?i:{'|'.join(map(re.escape, publisher_table()['quoted_parts']['download']))})$")


def row_citations(head: str) -> list[tuple[HeadShapes, int]]:
    """Given a row's text before its first quoted part, return its citations (機關字號) as header shapes, each with
    where it ends."""
    out, start = [], 0
    for m in DISPATCH_RE.finditer(head):
        segment = COLUMNS.split(head[start:m.end()])[-1].lstrip(CHAIN)
        date = DATE_RE.search(segment)
        cited = citation_header(segment) or (date and citation_header(segment[date.start():]))
        if cited:  # a 類別 word before a date (「收養2010/10/29內政部…」) is the row's, not the citation's
            out.append((cited, m.end()))
        start = m.end()
    return out


def is_own_subject(summary: str) -> bool:
    """Given a row's 摘要, return whether it is the quoted letter's 主旨 itself: it ends with a 期望語 (「…乙案，請查照。」),
    not as a database's summary does (「…1案。」)."""
    return summary.rstrip("。").endswith(tuple(expectation_phrases(("peer", "subordinate"))))


def quoted_letter(text: str) -> str:
    """Given a letter's clean text, return it with a compilation's row quoting a letter's parts turned into that
    letter (module docstring); text without such a row unchanged."""
    table = publisher_table()["quoted_parts"]
    first = table["brackets"][0] + table["section"] in text and part_pattern().search(text)
    if not first:
        return text
    line_start = text.rfind("\n", 0, first.start()) + 1
    line_end = text.find("\n", first.start())
    line_end = len(text) if line_end < 0 else line_end
    head, cited = text[line_start:first.start()], row_citations(text[line_start:first.start()])
    named = [c for c in cited if first.group("issuer") and (c[0].issuer or "").endswith(first.group("issuer"))]
    named = named or cited[-1:]  # the letter the 內容 names, else the row's last
    lines = []
    if named:
        shape, end = named[0]
        kind = first.group("kind") or shape.doc_type or ""
        issuer = first.group("issuer") if first.group("issuer") and (shape.issuer or "").endswith(
            first.group("issuer")) else shape.issuer  # 「其他法令內政部」: the row's 類別 run into the issuer
        lines.append(f"{issuer or ''}{shape.date.roc if shape.date else ''}{shape.dispatch_no.text}{kind}")
        summary = head[max(end for _, end in cited):].strip()
        if summary and is_own_subject(summary):
            lines.append(f"主旨：{summary}")
    row = text[first.start():line_end]
    parts = list(part_pattern().finditer(row))
    lines.append(f"{table['section']}：")
    for m, after in zip(parts, [*(p.start() for p in parts[1:]), len(row)]):
        lines.append(f"{m.group('number')}、{download_pattern().sub('', row[m.end():after].strip())}")
    return text[:line_start] + "\n".join(lines) + text[line_end:]
