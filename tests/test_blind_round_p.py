"""Conventions found by blind round P (tests/data/real, p- stems: 行政院公報 records carrying 開會通知單 as agencies
print them, hearing and 公示送達 公告, 書函 — measured before the parser knew them): the gazette prints after a 公告
the letter it serves or the form it announces, after the 署名 or under a line 「附件」; a contact in an item's text
(「（地址：…，電話：…）」) is no header, so the second 主旨 is that later letter's, not the document's."""
from __future__ import annotations

from pipeline.parse.labels import header_between
from pipeline.parse.signature import as_signature

from parse_text import parse

SERVED_LETTER = """教育部公告
中華民國105年1月11日
臺教授體部字第1050001306C號
主　　旨：公示送達本部104年10月29日臺教授體部字第1040028411號書函。
依　　據：行政程序法第78條、第80條及第81條。
公告事項：
一、 旨揭書函之應受送達人財團法人高爾夫大學文教基金會，經由郵務投遞無法送達，特以本公告代為送達。
二、 旨揭書函現由本部體育署保管，應受送達人得於上班時間赴該署領取（地址：臺北市中山區朱崙街20號，電話：02-87711835）。
附件
教育部書函
中華民國104年10月29日
臺教授體部字第1040028411號
主　　旨：為協助推動財團法人高爾夫大學文教基金會會務案，請於104年11月30日前完成改善，請查照。
說　　明：
一、 依據民法第32條、第34條規定辦理。
正　　本：林怡君董事、財團法人高爾夫大學文教基金會
教 育 部
Top
"""


def test_a_served_letter_under_a_bare_attachment_line_is_the_attachment_not_the_document():
    d = parse(SERVED_LETTER)
    assert d["subject"] == "公示送達本部104年10月29日臺教授體部字第1040028411號書函。"
    assert [s["name"] for s in d["sections"]] == ["依據", "公告事項"] and len(d["sections"][1]["items"]) == 2
    assert d["attachments"] == [{"title": "教育部書函", "file": None, "kind": None, "content": None}]
    assert d["cc_main"] == [] and [r["dispatch_no"]["text"] for r in d["references"]] == ["臺教授體部字第1040028411號"]


def test_the_agencys_title_under_the_attachment_line_names_the_attachment():
    d = parse(SERVED_LETTER.replace("教育部書函\n中華民國104年10月29日", "教育部公告\n中華民國104年10月29日"))
    assert d["attachments"][0]["title"] == "教育部公告"
    assert d["subject"] == "公示送達本部104年10月29日臺教授體部字第1040028411號書函。"


def test_a_letter_printed_after_the_signature_of_a_公告_with_a_phone_in_an_item_stays_out():
    d = parse("交通部民用航空局公告\n中華民國102年8月15日\n場管字第1020026393號\n"
              "主　　旨：公示送達本局協議價購會議開會通知單予劉君等人。\n依　　據：行政程序法第78條。\n公告事項：\n"
              "一、本局以102年7月17日場管字第1020022847號開會通知單召開協議價購會議，前開文件存放於本局場站組"
              "（聯絡電話：02-87701283平先生）。\n局　　長　沈　啟\n交通部民用航空局函\n中華民國102年8月15日\n"
              "場管字第1020026394號\n主　　旨：檢送公示送達公告1份，惠請張貼公告周知，請查照。\n說　　明：\n"
              "一、依據行政程序法第78條規定辦理。\n局　　長　沈　啟\n")
    assert d["subject"] == "公示送達本局協議價購會議開會通知單予劉君等人。"
    assert [s["name"] for s in d["sections"]] == ["依據", "公告事項"] and d["signature"] == "局長 沈啟"
    assert [r["kind"] for r in d["references"]] == ["開會通知單"]


def test_header_between_ignores_contacts_in_items_and_the_attachment_label_the_body_has():
    text = "主旨：甲。\n一、領取（電話：02-1234）。\n附件：\n教育部書函\n主旨：乙。"
    assert header_between(text, 3, text.rindex("主旨"), ("subject", "appended")) is False
    headline = "主旨：甲。\n發文日期：中華民國105年1月11日\n主旨：甲。"
    assert header_between(headline, 3, headline.rindex("主旨"), ("subject", "appended")) is True


HEARING = """行政院國家科學委員會中部科學工業園區管理局公告
中華民國102年2月1日
中建字第1020002780C號
主　　旨：「興辦中部科學工業園區台中園區用地擴建」公聽會。
依　　據：土地徵收條例第10條第2項暨其施行細則第10條規定。
公告事項：
一、事由：「興辦中部科學工業園區台中園區用地擴建」用地計畫公聽會。
二、時間：102年2月21日（星期四）下午2時。
三、地點：本局401簡報室（台中市西屯區中科路2號4樓）。
四、說明：本次公聽會將說明興辦事業概況，並聽取土地所有權人及利害關係人之意見。
五、聯絡方式：
(一) 聯絡電話：04-25658588分機7726。
(二) 傳真號碼：04-25658388。
局　　長　楊文科　請假
副 局 長　陳銘煌　代行
Top
"""


def test_a_label_word_after_an_item_marker_continuing_the_items_is_the_items_own():
    d = parse(HEARING)
    assert [s["name"] for s in d["sections"]] == ["依據", "公告事項"]
    items = d["sections"][1]["items"]
    assert [i["marker"] for i in items] == ["一", "二", "三", "四", "五"]
    assert items[3]["text"] == "說明：本次公聽會將說明興辦事業概況，並聽取土地所有權人及利害關係人之意見。"
    assert items[4]["children"][1]["text"] == "傳真號碼：04-25658388。"


def test_a_bulletin_numbering_its_parts_keeps_its_labels():
    d = parse("一、主旨：轉知增設社區採檢站，請查照。\n二、說明：依據高雄市政府110年6月11日高市府衛疾管字第11002540700號函辦理。\n")
    assert d["subject"].startswith("轉知增設社區採檢站，請查照。") and [s["name"] for s in d["sections"]] == ["說明"]
    assert d["sections"][0]["text"] == "依據高雄市政府110年6月11日高市府衛疾管字第11002540700號函辦理。"


def test_a_head_on_leave_signs_over_the_deputy_whatever_the_name_ends_with():
    assert parse(HEARING)["signature"] == "局長 楊文科"
    assert as_signature("局長 楊文科 請假") == "局長 楊文科"
    assert as_signature("里長辦公處") is None
