"""Conventions found by blind round X (tests/data/real, x- stems: 農委會 公告 of 88-89 reprinted by an e-paper and a
forum, associations' and universities' posts relaying letters, a 衛生署 公告 of 93 — measured before the parser knew
them): a site's byline (「撰文者:」), its post dates (「文章建立日期:」), its link to a file (「pdf 2020….pdf」), a
university site's section heading (「學生公告」) and font-size widget (「字型設定:」) are the site's, in no field; a
category tag in ASCII brackets glued to the headline (「[制度]重申…」) is the site's filing, not the 主旨's; a post's
fields between its headline and its text (「單位 : …」, 「日期 : 2017-07-03」) end the paragraph read as the 主旨; and a
unit's name alone after the text's last sentence (「總務處事務暨環安組」) is the office that posted it, not the text."""
from __future__ import annotations

from pipeline.parse.letter import closing_paragraph, cut_posting_unit
from parse_text import parse

ASSOCIATION_POST = """最新消息

公告 2020/04/15

主旨:

請獸醫師於執行業務倘發現法定動物傳染病時,應通報所在地動物防疫主管機關。

說明:

 1.依據中華民國獸醫師公會全國聯合會109年4月8日全聯獸師中字第1090000176號函辦理。



撰文者:臺中市獸醫師公會

pdf 20200415124640675.pdf
"""


def test_a_sites_byline_and_file_link_after_the_post_enter_no_field():
    d = parse(ASSOCIATION_POST)
    assert d["sections"][0]["items"][0]["text"] == "依據中華民國獸醫師公會全國聯合會109年4月8日全聯獸師中字第1090000176號函辦理。"
    assert d["references"][0]["dispatch_no"]["text"] == "全聯獸師中字第1090000176號"


UNIVERSITY_POST = """字型設定:

學生公告

轉知~~教育部函轉農業部發布「寵物飼養與照顧指南-通則」

轉知~~教育部函轉農業部發布「寵物飼養與照顧指南-通則」,惠請協助轉知所屬學校師生踴躍宣導及參用。

說明:

一、依據農業部115年1月2日農護字第1140073567號函辦理。

二、農業部亦與人事行政總處公務人力發展學院合作錄製相關數位課程,供各界參用。

總務處事務暨環安組

文章建立日期:2026-01-12 文章最後更新日期:2026-01-12
"""


def test_a_university_sites_furniture_and_posting_office_stay_out_of_the_letter():
    d = parse(UNIVERSITY_POST)
    assert d["subject"] == "轉知~~教育部函轉農業部發布「寵物飼養與照顧指南-通則」，惠請協助轉知所屬學校師生踴躍宣導及參用。"
    assert [i["text"] for i in d["sections"][0]["items"]] == [
        "依據農業部115年1月2日農護字第1140073567號函辦理。",
        "農業部亦與人事行政總處公務人力發展學院合作錄製相關數位課程，供各界參用。"]
    assert d["issuer"] is None


def test_a_unit_name_alone_after_the_last_sentence_is_the_posting_office():
    assert cut_posting_unit("一、甲。\n二、乙。\n總務處事務暨環安組") == ("一、甲。\n二、乙。", "總務處事務暨環安組")
    assert cut_posting_unit("一、甲。\n二、乙，\n總務處") == ("一、甲。\n二、乙，\n總務處", None)  # no 「。」 above it
    assert cut_posting_unit("一、甲。\n二、乙。\n請各單位配合") == ("一、甲。\n二、乙。\n請各單位配合", None)  # no unit


def test_a_category_tag_in_ascii_brackets_glued_to_the_headline_is_the_sites():
    d = parse("[制度]重申本校公文處理相關原則,請各單位配合辦理,請查照。\n一、公文如需會簽,請影本同步會簽。\n二、請確實記錄收發文日期。\n")
    assert d["subject"] == "重申本校公文處理相關原則，請各單位配合辦理，請查照。"
    assert len(d["sections"][0]["items"]) == 2


POST_FIELDS = """東海大學秘書室-公告訊息-公告-「行政會議」議事資料印製原則,即起配合辦理

「行政會議」議事資料印製原則,即起配合辦理

  • 單位 : 東海大學秘書室
  • 分類 : 公告
  • 點閱 : 296
  • 日期 : 2017-07-03
為撙節紙張資源,爰訂定議事資料印製原則如說明,請轉知所屬即起配合辦理,請查照。

說明:
一、秘書室承理「行政會議」議事準備。
"""


def test_a_posts_fields_end_the_paragraph_read_as_its_subject():
    d = parse(POST_FIELDS)
    assert d["subject"] == "為撙節紙張資源，爰訂定議事資料印製原則如說明，請轉知所屬即起配合辦理，請查照。"
    assert closing_paragraph("甲乙\n日期：2017-07-03\n丙丁，\n戊己。") == "丙丁，\n戊己。"
    assert closing_paragraph("甲乙\n丙丁，\n戊己。") == "甲乙\n丙丁，\n戊己。"
