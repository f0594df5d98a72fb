"""Conventions for the items of a relay published without body labels, found by blind round U15 (tests/data/real:
u15- stems). Each input below is written in the shape those pages have, not copied from them."""
from __future__ import annotations

from parse_text import parse


WRAPPED_RELAY = """一、依據教育部107年5月2日臺教資(六)字第1070061234號函辦理。
二、請於期限內,函送申請表及佐證資料一式2份,公文正本寄至:某某大學
環境教育中心王大明教授收(地址:80424高雄市鼓山區蓮海路7
0號),並副知本局。
三、倘有任何疑問請洽本計畫聯絡人:某某大學李小華小姐,
聯絡電話:07-525-2000分機5123。
"""


def test_an_address_in_brackets_on_an_items_wrapped_line_is_the_items_text():
    record = parse(WRAPPED_RELAY)
    assert record["address"] is None
    assert record["sections"][0]["items"][1]["text"].endswith("（地址：80424高雄市鼓山區蓮海路70號），並副知本局。")


def test_a_contact_label_a_wrap_puts_at_a_lines_start_is_the_items_text():
    record = parse(WRAPPED_RELAY)
    assert record["contact"]["phone"] is None
    assert [item["marker"] for item in record["sections"][0]["items"]] == ["一", "二", "三"]
    assert record["sections"][0]["items"][2]["text"] == ("倘有任何疑問請洽本計畫聯絡人：某某大學李小華小姐，"
                                                         "聯絡電話：07-525-2000分機5123。")


def test_a_contact_row_under_the_items_last_sentence_stays_the_letters_contact():
    record = parse(WRAPPED_RELAY + "承辦單位: 體育保健科\n連絡電話: 03-8462860#351\n")
    assert record["contact"]["phone"] == "03-8462860#351"
    assert record["sections"][0]["items"][2]["text"].endswith("分機5123。")


def test_a_sites_category_row_under_the_items_enters_no_field():
    text = "一、依據教育部107年5月2日臺教資(六)字第1070061234號函辦理。\n二、請各校踴躍參加。\n分類:教導處公告\n"
    record = parse(text)
    assert record["issuer"] is None and record["doc_type"] is None
    assert record["sections"][0]["items"][1]["text"] == "請各校踴躍參加。"


def test_a_paragraph_over_a_lone_later_item_is_the_text_and_the_item_keeps_its_number():
    text = ("為維護學生健康,請各校於空氣品質指標(AQI)達「紅色」時,避免學生長時間戶外活動。\n"
            "三、本局已於局網建置「空氣品質公告」專區,惠請各校於校網加入連結並公告周知。\n")
    record = parse(text)
    section = record["sections"][0]
    assert record["subject"] is None
    assert section["text"] == "為維護學生健康，請各校於空氣品質指標(AQI)達「紅色」時，避免學生長時間戶外活動。"
    assert [(item["marker"], item["number"]) for item in section["items"]] == [("三", 3)]


def test_an_e_learning_boards_menu_breadcrumb_post_title_and_byline_enter_no_field():
    text = ("LMS行政E化暨班級社群線上手冊登入\n"
            "位置: 學務處 > 公告\n"
            "「防制登革熱宣導」\n"
            "by schooladmin, 2018-05-02 09:15:07, 人氣(42)\n"
            "    請各校加強校園積水容器清除,落實巡檢,並將執行情形登錄於系統。\n"
            "三、本局將不定期派員抽查,請各校確實辦理。\n")
    record = parse(text)
    assert record["sections"][0]["text"] == "請各校加強校園積水容器清除，落實巡檢，並將執行情形登錄於系統。"
    assert record["subject"] is None and record["issuer"] is None and record["date"] is None
