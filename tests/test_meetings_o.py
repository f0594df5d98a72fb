"""Conventions found by session 20's blind round wave 17 (tests/data/real: o3-cpami-…-notice-107, o5-fju-…-99): a
開會通知單 a site flattened onto one line, and a regulation printed after the letter that sends it. Each input below is
written in the shape those pages have, not copied from them."""
from __future__ import annotations

from parse_text import parse

FLAT_NOTICE = ("抄本 號: 保存年限: 1 1 交通部公路局 開會通知單 受文者:如行文單位 發文日期:中華民國1130305"
               "發文字號:路綜字第1130012345速別:普通件 密等及解密條件或保密期限: 附件:如備註二 "
               "開會事由:「公路養護制度檢討」第2次會議 開會時間:1130312(星期二)上午930開會地點:本局第一會議室"
               "(臺北市中正區某路1號) 主持人:陳副局長明德 聯絡人及電話:王小明2345-6789 [email protected] "
               "出席者:本局養護組、本局工務組、新北市政府 列席者:本局政風室 副本:本局秘書室 備註: "
               "一、請準時出席。 二、檢附會議資料1份,請攜帶與會。")


def test_a_notice_attachment_pointing_at_its_own_remarks_is_none():
    assert parse(FLAT_NOTICE)["attachments"] == []


def test_a_time_without_its_colon_ends_where_the_place_label_runs_on():
    meeting = parse(FLAT_NOTICE)["meeting"]
    assert meeting["time"] == "1130312（星期二）上午930"
    assert meeting["start"] == "2024-03-12T09:30"
    assert meeting["place"] == "本局第一會議室（臺北市中正區某路1號）"


def test_a_label_after_an_email_a_site_hid_opens_a_part_of_its_own():
    record = parse(FLAT_NOTICE)
    assert (record["contact"]["name"], record["contact"]["unit"]) == ("王小明", None)
    assert [a["name"] for a in record["meeting"]["attendees"]] == ["本局養護組", "本局工務組", "新北市政府"]


def test_numbers_apart_after_the_retention_label_are_no_retention():
    assert parse(FLAT_NOTICE)["retention"] is None
    assert parse("保存年限: 5\n交通部公路局 函\n主旨：請查照。\n")["retention"] == "5"


def test_a_regulation_printed_after_the_letter_under_its_title_is_in_no_field():
    text = ("主旨:函送本校清寒學生助學金申請事宜,請查照並公布週知。\n說明:\n"
            "一、本辦法業經本校委員會修正通過。\n"
            "二、相關表件請逕至網站下載。\n申請同學請於3月5日前送交系辦公室。\n"
            "某某大學清寒學生助學金實施辦法\n"
            "一、本辦法依據本校學生就學補助實施辦法訂定之。\n"
            "二、申請對象:本校學生因家境清寒影響就學者。\n")
    record = parse(text)
    assert [(i["marker"], i["text"]) for i in record["sections"][0]["items"]] == [
        ("一", "本辦法業經本校委員會修正通過。"), ("二", "相關表件請逕至網站下載。申請同學請於3月5日前送交系辦公室。")]
    assert record["attachments"] == []
    assert any(w.startswith("attachment text after the body kept in no field") for w in record["warnings"])

