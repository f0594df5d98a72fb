"""Conventions found by blind round Y (tests/data/real, y- stems: 立法院公報's 質詢事項, an OCR'd 臺東縣政府 函, a PDF's
text extracted as one line, a 縣府公報 letter reprinted by a law database — measured before the parser knew them):
a gazette prints a letter under its agenda item, the 案由 (「(一)行政院函送…，請查照案。」) over the letter's own
citation in brackets (「(行政院函 中華民國105年9月30日院臺專字第1050092879號)」, a printing may lose its 「(」, a PDF's
reader may run it onto the 案由's line): the 案由 is the letter's 主旨, the citation its head, what follows its text; the
gazette's running header (「立法院公報 第110卷 第6期 院會紀錄」), its headings (「質詢事項」, 「甲、行政院答復部分」) and
立法院's forwarding number (「(立法院函 編號:9-2-2-174)」) enter no field."""
from __future__ import annotations

from parse_text import parse

GAZETTE_ANSWER = """立法院公報 第105卷 第30期 院會紀錄

質詢事項

甲、行政院答復部分

(一)行政院函送余委員宛如就推廣電子發票問題所提質詢之書面答復,請查照案。

(行政院函 中華民國105年4月8日院臺專字第1050016514號)

(立法院函 編號:9-1-7-185)

余委員就推廣電子發票問題所提質詢,經交據財政部查復如下:

一、持續辦理推廣活動,透過各種活動場合宣導持載具索取電子發票。

二、推動公用事業導入電子發票。
"""


def test_a_gazettes_agenda_item_is_the_subject_and_its_bracketed_citation_the_head():
    d = parse(GAZETTE_ANSWER)
    assert d["issuer"] == "行政院" and d["doc_type"] == "函"
    assert d["date"]["iso"] == "2016-04-08"
    assert d["dispatch_no"]["text"] == "院臺專字第1050016514號"
    assert d["subject"] == "行政院函送余委員宛如就推廣電子發票問題所提質詢之書面答復，請查照案。"
    assert d["complete"] is True
    [body] = d["sections"]
    assert body["name"] == "本文"
    assert body["text"] == "余委員就推廣電子發票問題所提質詢，經交據財政部查復如下："
    assert [i["text"] for i in body["items"]] == ["持續辦理推廣活動，透過各種活動場合宣導持載具索取電子發票。",
                                                 "推動公用事業導入電子發票。"]


def test_a_citation_that_lost_its_opening_bracket_or_runs_on_the_agenda_line_still_heads_the_letter():
    lost = GAZETTE_ANSWER.replace("(行政院函 中華", "行政院函 中華")
    joined = GAZETTE_ANSWER.replace("請查照案。\n\n(行政院函", "請查照案。(行政院函")
    for text in (lost, joined):
        d = parse(text)
        assert d["issuer"] == "行政院"
        assert d["dispatch_no"]["text"] == "院臺專字第1050016514號"
        assert d["subject"] == "行政院函送余委員宛如就推廣電子發票問題所提質詢之書面答復，請查照案。"
        assert d["sections"][0]["text"] == "余委員就推廣電子發票問題所提質詢，經交據財政部查復如下："
