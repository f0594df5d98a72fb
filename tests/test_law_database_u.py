"""Conventions of a law database's 行政令函 page (公路局's 監理法規檢索系統) found by blind round u12: a ministry's 司 as
the issuer of its citation row, the 公(發)布日 row dating the page, and the 「本  文:」 row over a ruling printed as
question and answer. Each input below is written in the shape those pages have, not copied from them."""
from __future__ import annotations

from parse_text import parse
from pipeline.parse.header_shapes import citation_header

HEAD = """現在位置:監理法規檢索系統 > 行政令函
字級:

行政令函

"""

RULING = HEAD + """發文字號: 交通部路政司80.03.07.交路(八○)字第00512號函
公(發)布日: 080.03.07
要  旨:
  汽車停放於騎樓是否違規
本  文:
  汽車停放於騎樓,是否屬違規停車?
    一、查道路交通管理處罰條例第三條第一款已將騎樓列為道路,自應
        依同條例第五十六條之規定處理。
    二、至騎樓設有停車格位者,不在此限。(交通部路政司 80.
     03.07. 交路(八○)字第00512號函)
"""


def test_a_ministrys_department_issues_a_citation_form_header():
    head = citation_header("交通部路政司80.03.07.交路(八○)字第00512號函")
    assert head is not None
    assert (head.issuer, head.doc_type, head.date.roc, head.dispatch_no.text) == (
        "交通部路政司", "函", "80年3月7日", "交路(80)字第00512號")
    assert citation_header("財政部賦稅司 81.11.20. 台財稅字第811680431號函").issuer == "財政部賦稅司"


def test_a_law_database_row_citing_a_departments_ruling_gives_its_issuer_and_date():
    d = parse(RULING)
    assert d["issuer"] == "交通部路政司"
    assert d["date"] == {"iso": "1991-03-07", "roc": "80年3月7日"}
    assert d["dispatch_no"]["text"] == "交路(80)字第00512號"
    assert d["doc_type"] == "函"


def test_the_text_row_keeps_a_ruling_printed_as_question_and_answer():
    d = parse(RULING)
    assert d["subject"] is None
    [section] = d["sections"]
    assert section["name"] == "本文"
    assert section["text"] == "汽車停放於騎樓，是否屬違規停車？"
    assert [i["marker"] for i in section["items"]] == ["一", "二"]
    assert section["items"][1]["text"] == "至騎樓設有停車格位者，不在此限。"  # the database's citation closes it
    assert d["references"] == []


def test_the_text_row_keeps_an_answer_without_items():
    d = parse(HEAD + """發文字號: 交通部路政司80.03.07.交路(八○)字第00512號函
公(發)布日: 080.03.07
要  旨:
  機車附載幼童之年齡限制
本  文:
  機車附載幼童有無年齡限制?
  查道路交通安全規則第八十八條已有明文,請依規定辦理。
""")
    [section] = d["sections"]
    assert section["text"] == "機車附載幼童有無年齡限制？查道路交通安全規則第八十八條已有明文，請依規定辦理。"


def test_the_published_date_row_dates_a_number_cited_without_its_issuer():
    d = parse(HEAD + """發文字號: 交路(八○)字第00512號函
公(發)布日: 080.03.07
要  旨:
  汽車停放於騎樓是否違規
本  文:
  汽車停放於騎樓,是否屬違規停車?
    一、查騎樓為道路,應依規定處理。
""")
    assert d["dispatch_no"]["text"] == "交路(80)字第00512號"
    assert d["date"] == {"iso": "1991-03-07", "roc": "80年3月7日"}
