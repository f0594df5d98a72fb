"""What a document says of itself outside a title line: the labels of a web database's printout of a letter
(法規資料庫, 行政函釋: 發文單位 / 發文機關 → issuer, 函類別 → 文別 as in the DI, a 發文字號 written with its 文別 after
it, 「(75)台內勞字第 410304 號函」, or as a citation with the issuer before it), the words a document names itself by
in its text (本令, 本公告) and its text's own form."""
from __future__ import annotations

import re

from pipeline.parse.clean import join_clean
from pipeline.parse.dates import parse_roc_date
from pipeline.parse.doc_types import doc_type_table, types_by_form, types_by_self_words
from pipeline.parse.header_shapes import citation_header
from pipeline.records import RocDate
from pipeline.vocabulary import vocabulary

NAME = re.compile(r"[\u4e00-\u9fff（）()]{2,40}")
QUOTED = re.compile(r"「[^「」]*」|『[^『』]*』")  # a title quoted in the text: another document's words (「…本公告所示場所…」)


def labelled_issuer(values: dict[str, str]) -> str | None:
    """Given header label values, return the issuer a 發文單位 / 發文機關 label names, or the 發文字號 value when it
    is a citation-form header (「內政部 104.09.24 台內民字第1040434548號函」), else None."""
    value = join_clean(values.get("issuer", "").strip().split("\n")[0])
    cited = citation_header(join_clean(values.get("dispatch_no", "").strip().split("\n")[0]))
    return value if NAME.fullmatch(value) else cited.issuer if cited else None


def labelled_type(values: dict[str, str]) -> str | None:
    """Given header label values, return the 文別 a 函類別 label names, or that ends the 發文字號 value (「…號函」; a
    compiler's serial in brackets after it, 「…號函(0八七)」, is none of it), else None."""
    names = sorted(doc_type_table()["types"], key=len, reverse=True)
    value = join_clean(values.get("type_label", "").strip().split("\n")[0])
    if value in names:
        return value
    number = join_clean(values.get("dispatch_no", "").strip().split("\n")[0])
    m = re.search(rf"號[ \t]*({'|'.join(map(re.escape, names))})(?:[ \t]*[(（][^()（）]{{1,8}}[)）])?$", number)
    return m.group(1) if m else None


def without_quotes(text: str) -> str:
    """Given text, return it without what it quotes (「…」, 『…』: another document's words), quotes within quotes too."""
    while (unquoted := QUOTED.sub("", text)) != text:  # the innermost first
        text = unquoted
    return text


def self_named_type(text: str) -> str | None:
    """Given a document's text, return the 文別 whose words it names itself by (「本令自即日生效」), when one only;
    words inside a quoted title (「為防治…，進入本公告所示場所應佩戴口罩…」) are the quoted document's, not its own."""
    text = without_quotes(text)
    found = [name for name, words in types_by_self_words() if any(w in text for w in words)]
    return found[0] if len(found) == 1 else None


def form_named_type(text: str) -> str | None:
    """Given a document's text, return the 文別 whose own form it has (a 令's 「修正「○○」第八條之一。附修正「○○」…」),
    when one only."""
    found = [name for name, form in types_by_form() if form.search(text)]
    return found[0] if len(found) == 1 else None


def law_page_date(text: str) -> RocDate | None:
    """Given the text of a law database page's head (before its labels, and its rows' values), return the date of the
    document its 發文字號 names: the last of the rule's 公發布日, 修正日期 and 廢止 / 停止適用日期 it prints
    (vocabulary.toml [law_page]), else None."""
    labels = "|".join(map(re.escape, sorted(vocabulary()["law_page"]["dates"], key=len, reverse=True)))
    found = [parse_roc_date(join_clean(m.group(1)))
             for m in re.finditer(rf"^[ \t]*(?:{labels})[ \t]*[:：][ \t]*(.+?)[ \t]*$", text, re.M)]
    found = [d for d in found if d]
    return max(found, key=lambda d: d.iso) if found else None
