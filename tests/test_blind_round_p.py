"""Conventions found by blind round P (tests/data/real, p- stems: 行政院公報 records carrying 開會通知單 as agencies
print them, hearing and 公示送達 公告, 書函 — measured before the parser knew them): the gazette prints after a 公告
the letter it serves or the form it announces, after the 署名 or under a line 「附件」; a contact in an item's text
(「（地址：…，電話：…）」) is no header, so the second 主旨 is that later letter's, not the document's."""
from __future__ import annotations

from pipeline.parse.labels import header_between
from pipeline.parse.references import find_references
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


LAND_PURCHASE_FORM = """行政院國軍退除役官兵輔導委員會臺北榮民總醫院開會通知單
中華民國96年9月10日
北總補字第0960017715號
開會事由： 協議價購市民謝婷國等土地四筆暨地上建物事宜。
開會時間： 96年12月28日（星期五）上午10時
開會地點： 本院介壽堂會議室
主 持 人：雷　副院長
聯絡人及電話：徐嘉強　(02)2875-7012
出 席 者：謝婷國〈11266台北市北投區立農街二段292號二樓〉、潘翰凱〈11279台北市北投區榮華三路34號〉、本院醫務企管部（請派員）、工務室（請派員）
列 席 者：臺北市政府地政處〈台北市信義區市府路一號〉、臺北市北投區公所〈台北市北投區新市街30號4樓〉
副　　本：本院醫務企管部、工務室
備　　註：均含附件。※當日會議，土地暨房屋所有權人（繼承人）務請準時出席。
附件　行政院國軍退除役官兵輔導委員會臺北榮民總醫院協議價購說明書
協議價購標的： 台北市北投區崇仰段三小段251（140.58m2）地號土地及地上建物部份。
一、 本院為應擴建新門診整體規劃，需用台端所有之土地。
二、 聯絡人：徐嘉強先生　　電話：28757012
"""


def test_a_mailing_address_in_brackets_after_an_attendee_is_not_its_name():
    m = parse(LAND_PURCHASE_FORM)["meeting"]
    assert [a["name"] for a in m["attendees"]] == ["謝婷國", "潘翰凱", "本院醫務企管部", "工務室"]
    assert [a["name"] for a in m["observers"]] == ["臺北市政府地政處", "臺北市北投區公所"]
    assert (m["chair"], m["start"]) == ("雷副院長", "2007-12-28T10:00")


def test_an_attachment_line_set_apart_by_a_space_names_the_forms_attachment():
    d = parse(LAND_PURCHASE_FORM)
    assert d["attachments"] == [{"title": "行政院國軍退除役官兵輔導委員會臺北榮民總醫院協議價購說明書", "file": None,
                                 "kind": None, "content": None}]
    assert d["sections"] == [{"name": "備註", "text": "均含附件。※當日會議，土地暨房屋所有權人（繼承人）務請準時出席。",
                              "items": []}]
    assert d["contact"]["name"] == "徐嘉強" and d["contact"]["phone"] == "(02)2875-7012"


def test_the_agencys_name_closing_a_form_ends_its_last_field():
    d = parse("交通部民用航空局臺北國際航空站開會通知單\n發文日期：中華民國102年1月22日\n發文字號：北站總字第10200009531號\n"
              "開會事由：召開用地取得之第4次公聽會。\n開會時間：中華民國102年2月6日（星期三）上午9時00分\n"
              "開會地點：本站第1會議室\n主 持 人：陳副主任昭諭\n聯絡人及電話：陳雅宏(02)87703516\n"
              "交通部民用航空局臺北國際航空站\nTop\n")
    assert d["contact"]["name"] == "陳雅宏" and d["contact"]["phone"] == "(02)87703516"
    assert (d["doc_type"], d["complete"], d["signature"]) == ("開會通知單", True, None)


def test_a_number_joined_without_its_word_shares_the_citation_before():
    refs = find_references("經本局以102年7月30日場管字第10200242611號函及10200242612號函送協議價購會議紀錄。")
    assert [(r.text, r.dispatch_no.text, r.dispatch_no.year, r.date.roc) for r in refs] == [
        ("本局以102年7月30日場管字第10200242611號函", "場管字第10200242611號", 102, "102年7月30日"),
        ("10200242612號函", "場管字第10200242612號", 102, "102年7月30日")]
    assert find_references("依本部113年1月5日臺教字第1130001234號函及第3條規定辦理。")[1:] == []


def test_a_rule_cited_before_the_letter_is_no_part_of_its_issuer():
    refs = find_references("依內政部訂頒「申請徵收前需用土地人舉行公聽會與給予地所有權人陳述意見機會作業要點」規定及"
                           "內政部101年11月20日台內地字第1010362274號函：「…請補正」，重新召開本次公聽會。")
    assert [(r.issuer, r.text) for r in refs] == [("內政部", "內政部101年11月20日台內地字第1010362274號函")]
