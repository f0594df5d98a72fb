"""Inputs of the session's second review (rules written after the first review), each a letter whose text a rule of
this session lost or misread before its fix: a board's post row stopping at the letter's own labels and keeping the
digits after its date, a file list's label only before a file's name, a relay's item that names the letter it passes
on (no reprinted letter's head), a contact row under an item ending with a web address, a 令's own rows printed
under its 署名, an enumeration 「三、四年級」 under a paragraph, an English title under a label, and a building's notice
of a water outage (no authority's control)."""
from __future__ import annotations

import pytest

from pipeline.errors import InputError
from parse_text import parse


def test_a_board_row_glued_before_the_letters_labels_leaves_its_subject_and_items():
    d = parse("轉知農業部有關非洲豬瘟防疫措施公告 發布日期 2025/09/03 | 發佈單位: 農業處 主旨：轉知農業部有關非洲豬瘟防疫措施，"
              "請查照。說明：一、依據農業部114年9月1日農防字第1141234567號函辦理。二、請轉知所屬。\n")
    assert d["subject"] == "轉知農業部有關非洲豬瘟防疫措施，請查照。"
    assert [i["marker"] for i in d["sections"][0]["items"]] == ["一", "二"]


def test_a_board_rows_date_leaves_the_digits_of_the_text_after_it():
    d = parse("瀏覽人數: 114人 | 發布日期 2025/09/03 114年度國中教育會考報名事宜，請查照。說明：一、依據教育部114年9月1日"
              "臺教授國部字第1140012345號函辦理。二、請轉知學生。\n")
    assert d["subject"] == "114年度國中教育會考報名事宜，請查照。"


def test_a_sentence_opening_with_a_file_lists_words_stays_the_letters():
    d = parse("教育部　函\n受文者：各國民中小學\n發文日期：中華民國114年3月5日\n發文字號：臺教國署學字第1140012345號\n"
              "主旨：檢送「114年度校園安全實施計畫」1份，請查照。\n說明：\n"
              "相關附件請至本署網站下載（https://www.k12ea.gov.tw/files/plan114.pdf），如有疑問請洽承辦人。\n正本：各國民中小學\n")
    assert d["sections"][0]["text"].startswith("相關附件請至本署網站下載")


def test_a_relays_item_naming_the_letter_that_came_is_no_reprinted_letters_head():
    d = parse("一、教育部114年3月1日來函，臺教學(二)字第1140011111號\n函轉行政院有關校園防災演練事項，請轉知所屬。\n"
              "二、衛生福利部114年3月3日來函，衛授國字第1140022222號\n函轉流感疫苗接種注意事項，請轉知所屬。\n三、請各校依限辦理。\n")
    assert (d["issuer"], d["dispatch_no"]) == (None, None)
    assert [i["marker"] for i in d["sections"][0]["items"]] == ["一", "二", "三"]


def test_contact_rows_under_an_item_ending_with_a_web_address_are_the_contact():
    d = parse("轉知教育部辦理114年度防災教育研習\n一、依據教育部114年3月1日臺教學(二)字第1140011111號函辦理。\n"
              "二、研習日期：114年4月10日\n三、報名網址：https://www.inservice.edu.tw\n承辦人：王小明\n聯絡電話：02-12345678\n")
    assert (d["contact"]["name"], d["contact"]["phone"]) == ("王小明", "02-12345678")
    assert d["sections"][0]["items"][-1]["text"] == "報名網址：https://www.inservice.edu.tw"


def test_an_orders_date_and_number_printed_under_its_signature_are_its_own():
    d = parse("教育部　令\n修正「教育部補助大專校院辦理原住民族學生資源中心要點」第三點，並自即日生效。\n"
              "附修正「教育部補助大專校院辦理原住民族學生資源中心要點」第三點\n部長　鄭英耀\n"
              "發文日期：中華民國114年1月2日\n發文字號：臺教綜(五)字第1140000123B號\n")
    assert (d["date"]["iso"], d["dispatch_no"]["text"]) == ("2025-01-02", "臺教綜(五)字第1140000123B號")


def test_an_enumeration_of_grades_under_a_paragraph_is_no_item():
    d = parse("主旨：本校辦理114年度中年級游泳教學，請查照。\n說明：\n依據臺中市政府教育局114年3月1日中市教體字第1140011111號函辦理。\n"
              "三、四年級學生請於4月10日前繳交家長同意書。\n")
    assert d["sections"][0]["items"] == []
    assert d["sections"][0]["text"].endswith("三、四年級學生請於4月10日前繳交家長同意書。")


def test_a_buildings_water_outage_note_is_no_letter():
    with pytest.raises(InputError, match="not an official letter"):
        parse("社區公告欄\n一、停水時間：6月3日晚上10時至翌日上午6時\n二、停水範圍：本社區A、B棟\n請住戶提早儲水，造成不便敬請見諒。\n"
              "管理委員會 敬啟\n")


def test_a_wrapped_line_naming_a_learning_platform_stays_in_its_item():
    d = parse("主旨：請轉知所屬教師完成114年度資訊安全線上課程，請查照。\n說明：\n一、依據教育部114年3月1日臺教資(四)字第1140011111號函辦理。\n"
              "二、請各校教師於114年4月30日前至\nLMS數位學習平臺報名並登入\n完成課程。\n")
    assert d["sections"][0]["items"][1]["text"] == "請各校教師於114年4月30日前至LMS數位學習平臺報名並登入完成課程。"


def test_a_simplified_page_keeps_zheli_changqi_and_a_signature_after_an_extension_number():
    from pipeline.parse.script import to_traditional
    from pipeline.parse.signature import split_signature
    assert to_traditional("这里长期积水") == "這裡長期積水"
    assert split_signature("一、甲。\n四、聯絡人：王小明，電話：(02)2343-1401(分機12)局長 王大明") == (
        "一、甲。\n四、聯絡人：王小明，電話：(02)2343-1401(分機12)", "局長 王大明")
