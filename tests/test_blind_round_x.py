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


OLDER_NOTICE = """行政院農業委員會 公告

中華民國八十九年十月十九日 (八九)農牧字第八九00四0三四八號

副  本: 本會秘書室(請刊登公報),法規會
主  旨: 公告具攻擊性寵物及其出入公共場所該採取之防護措施。
依  據: 動物保護法第二十條第三項。

公告事項:

自民國九十年六月一日起,二十三公斤以上或有攻擊性紀錄之犬隻,出入公共場所應戴口罩。

            主任委員 陳 希 煌
"""


def test_an_older_notice_prints_its_copies_in_the_head_above_the_subject():
    d = parse(OLDER_NOTICE)
    assert [c["name"] for c in d["cc_copy"]] == ["本會秘書室", "法規會"]
    assert d["subject"] == "公告具攻擊性寵物及其出入公共場所該採取之防護措施。"
    assert d["date"]["iso"] == "2000-10-19" and d["dispatch_no"]["number"] == "890040348"
    assert [s["name"] for s in d["sections"]] == ["依據", "公告事項"]
    assert d["signature"] == "主任委員 陳希煌"


def test_a_sites_download_tag_after_an_attachment_name_is_no_part_of_its_title():
    from pipeline.parse.attachment_list import parse_attachments
    assert [a.title for a in parse_attachments("中華中藥典 [ ZIP 檔 ]")] == ["中華中藥典"]
    assert [a.title for a in parse_attachments("報名表［PDF］")] == ["報名表"]
    assert [a.title for a in parse_attachments("[附件一]實施計畫")] == ["[附件一]實施計畫"]  # a tag before it stays


FORUM_PAGE = """愛心快遞門戶動物保護法 › 行政規則 › 查看內容

中華民國88年8月5日(88)農牧字第88040229號

一、 主旨:辦理寵物登記應檢具之預防注射證明文件為狂犬病預防注射文件。
二、 依據:寵物登記管理辦法第三條第一項第二款。

路過

雷人

最新評論

本網站屬愛心快遞所有 |聯繫我們

Powered by Discuz! X1
"""


def test_a_text_that_numbers_its_parts_writes_any_documents_labels_after_the_numbers():
    d = parse(FORUM_PAGE)
    assert d["subject"] == "辦理寵物登記應檢具之預防注射證明文件為狂犬病預防注射文件。"
    assert d["sections"] == [{"name": "依據", "text": "寵物登記管理辦法第三條第一項第二款。", "items": []}]
    assert d["dispatch_no"]["text"] == "(88)農牧字第88040229號" and d["date"]["iso"] == "1999-08-05"
    d = parse("一、主旨:檢送會議紀錄1份,請查照。\n二、說明:依據本部函辦理。\n")
    assert d["subject"] == "檢送會議紀錄1份，請查照。"  # the next part's number is no part of the 主旨
    d = parse("主旨:檢送會議紀錄1份,請查照。\n說明:\n一、依據本部函辦理。\n二、依據:另案辦理。\n")
    assert [s["name"] for s in d["sections"]] == ["說明"]  # 主旨 without 「一、」: 依據 after 「二、」 stays an item's word


def test_a_bracket_year_repeated_at_the_numbers_start_numbers_the_year_first():
    from pipeline.parse.dispatch import parse_dispatch_no
    n = parse_dispatch_no("(89)農牧字第890040348號")
    assert (n.word, n.number, n.year, n.serial) == ("(89)農牧", "890040348", 89, "0040348")
    n = parse_dispatch_no("(八九)農牧字第八九00四0三四八號")  # as 台灣農業電子報 printed it
    assert (n.text, n.year, n.serial) == ("(89)農牧字第890040348號", 89, "0040348")
    assert parse_dispatch_no("(75)台內勞字第410304號").serial == "410304"  # a number not opening with the year
    assert parse_dispatch_no("(89)府秘四字第8903834200號").serial == "8903834200"  # ten digits: not the older form
