"""Partial letters: a 函釋 body, a relaying bulletin, a cropped header give a record with complete=false and a
warning naming what is missing; only input with nothing of a letter is refused."""
from __future__ import annotations

import pytest

from pipeline.errors import InputError

from parse_text import parse


def test_ruling_body_without_header():
    d = parse("主旨：有關公司法第二十二條之一規定疑義一案，復如說明，請查照。\n說明：\n一、復貴公司113年3月1日函。\n"
              "二、按公司法第二十二條之一規定，公司應每年申報董事資料。\n")
    assert d["complete"] is False
    assert d["subject"] == "有關公司法第二十二條之一規定疑義一案，復如說明，請查照。"
    assert [i["text"] for i in d["sections"][0]["items"]] == [
        "復貴公司113年3月1日函。", "按公司法第二十二條之一規定，公司應每年申報董事資料。"]
    assert "partial record: no 發文機關, 發文日期, 發文字號 found" in d["warnings"]


def test_relaying_bulletin_keeps_its_text_as_body():
    d = parse("轉知教育部函，有關「113年度全國學生美術比賽」實施計畫一案，請鼓勵學生踴躍參加。\n"
              "聯絡人：王○○\n聯絡電話：03-1234567\n一、依據教育部113年4月2日臺教國署學字第1130045678號函辦理。\n"
              "二、報名期間自113年5月1日起至113年5月31日止。\n")
    assert d["complete"] is False  # its one-sentence lead before the items is the 主旨 (blind round J)
    assert d["subject"] == "轉知教育部函，有關「113年度全國學生美術比賽」實施計畫一案，請鼓勵學生踴躍參加。"
    assert d["contact"]["name"] == "王○○" and d["contact"]["phone"] == "03-1234567"
    body = d["sections"][0]
    assert body["name"] == "本文" and body["text"] == ""
    assert [i["marker"] for i in body["items"]] == ["一", "二"]
    assert d["references"][0]["dispatch_no"]["text"] == "臺教國署學字第1130045678號"
    assert d["periods"][0]["from"] == "2024-05-01" and d["periods"][0]["to"] == "2024-05-31"
    assert "partial record: no 發文機關, 發文日期, 發文字號 found" in d["warnings"]
    assert any(w.startswith("no body labels") and "本文" in w for w in d["warnings"])
    assert any("read as 主旨" in w for w in d["warnings"])


def test_cropped_header_only():
    d = parse("受文者：臺北市政府\n發文日期：中華民國113年4月22日\n發文字號：臺教國署學字第1130045678號\n")
    assert d["complete"] is False
    assert (d["recipient"], d["date"]["iso"], d["dispatch_no"]["number"]) == ("臺北市政府", "2024-04-22", "1130045678")
    assert "partial record: no 發文機關, 主旨 found" in d["warnings"]


def test_whole_letter_is_complete():
    d = parse("經濟部 函\n發文日期：中華民國113年3月4日\n發文字號：經商字第11302412340號\n主旨：請查照。\n")
    assert d["complete"] is True and not any(w.startswith("partial") for w in d["warnings"])


def test_a_relayed_notice_asking_its_recipients_before_numbered_items_is_a_partial_letter():
    d = parse("縣府教育處 RSS訂閱\n\n丹娜絲颱風暴風圈逐漸接近臺灣東南部海面, 請各校儘速完成防颱整備並注意師生安全。\n\n"
              "一、中央氣象署今( 6 )日 8 時 30 分發布海上颱風警報, 颱風中心位於鵝鑾鼻東南方海面。\n\n"
              "二、請各校檢查校舍排水設施, 並將貴重器材移置 2 樓以上。\n")
    assert d["complete"] is False
    assert d["subject"] == "丹娜絲颱風暴風圈逐漸接近臺灣東南部海面，請各校儘速完成防颱整備並注意師生安全。"
    assert [(i["marker"], i["text"]) for i in d["sections"][0]["items"]] == [
        ("一", "中央氣象署今(6)日8時30分發布海上颱風警報，颱風中心位於鵝鑾鼻東南方海面。"),
        ("二", "請各校檢查校舍排水設施，並將貴重器材移置2樓以上。")]


def test_numbered_items_signed_by_the_agency_name_are_a_partial_letter_of_that_issuer():
    # a utility's outage notice as a news site prints it: items, the agency's name on its own line (the 手冊's
    # 署名 of an agency), then its spokesman's lines — no title line, no labels
    d = parse("一、台灣自來水公司第三區管理處訂於103年3月26日上午9時起停水。\n"
              "二、停水範圍:公館鄉中義村全部。\n"
              "經濟部台灣自來水公司第三區管理處\n"
              "發言人:林秘書振宏\n")
    assert d["complete"] is False
    assert d["issuer"] == "經濟部台灣自來水公司第三區管理處"
    assert [(i["marker"], i["text"]) for i in d["sections"][0]["items"]] == [
        ("一", "台灣自來水公司第三區管理處訂於103年3月26日上午9時起停水。"), ("二", "停水範圍：公館鄉中義村全部。")]


@pytest.mark.parametrize("text", [
    "教育部昨日發布新聞稿，請各校注意颱風動態，並加強校園安全。\n",  # a request, no numbered items
    "颱風即將來襲，民眾應注意安全。\n一、儲備飲水。\n二、固定門窗。\n",  # items, no request of recipients
])
def test_a_request_or_items_alone_is_not_a_letter(text):
    with pytest.raises(InputError, match="not an official letter"):
        parse(text)


@pytest.mark.parametrize("text", ["買牛奶\n繳電費 電話：0912345678\n", "會議紀錄\n時間：上午9時\n地點：本府301會議室\n"])
def test_nothing_of_a_letter_is_refused(text):
    with pytest.raises(InputError, match="not an official letter"):
        parse(text)


def test_labels_inside_an_item_belong_to_the_cited_letter():
    d = parse("行政公告\n請同仁依限完成資通安全教育訓練\n發佈單位:資訊組\n"
              "  1. 依據市府來函:中華民國113年4月2日, 發文字號:府授資字第1130087654號\n"
              "  2. 請同仁於本年6月30日前完成資通安全通識教育3小時。\n")
    assert (d["date"], d["dispatch_no"]) == (None, None)
    assert d["complete"] is False
