"""Inputs from session 23's independent review: pages the session's new rules first read wrongly."""
from __future__ import annotations

import pytest

from pipeline.errors import InputError

from parse_text import parse


@pytest.mark.parametrize("text", [
    # a news story: 請 only inside 申請, and words any prose uses (辦理, 配合, 規定)
    "中央社記者陳小華台北7日電\n教育部今天宣布，明年起大專校院學生申請就學貸款的門檻將放寬，家庭年收入在148萬元以下者均可辦理。\n"
    "相關規定已於日前修正，各校將依新制配合調整作業流程。\n",
    "【公告】春節營業時間調整\n本公司門市於春節期間營業時間調整如下，請於營業時間內前往辦理退換貨。\n造成不便，敬請見諒。\n",
    "1.依序點選「校務行政系統」、「忘記密碼」，進入重設頁面。\n2.輸入學號及身分證字號，系統將寄送驗證信至信箱。\n",
    "1.依個人口味準備紅豆200公克，洗淨後浸泡一晚。\n2.將紅豆放入電鍋，外鍋加水兩杯，蒸熟即可。\n",
])
def test_pages_that_ask_nobody_in_the_official_register_are_still_refused(text):
    with pytest.raises(InputError, match="not an official letter"):
        parse(text)


def test_a_private_notice_in_the_official_register_is_a_partial_record_not_a_letter_of_any_kind():
    # the register rule's known reach: a notice stating its grounds (依據…辦理) and asking by a deadline reads as part
    # of a letter even from a private school; the record says it is partial and names no issuer, 文別 or number
    record = parse("2024暑期夏令營報名須知\n- 依據本補習班收費標準辦理，報名費新台幣5,000元。\n- 請於7月1日前完成繳費，逾期恕不受理。\n")
    assert (record["complete"], record["doc_type"], record["issuer"], record["dispatch_no"]) == (False, None, None, None)


def test_sub_items_under_a_date_that_is_not_their_weekday_stay_items():
    record = parse("主旨：辦理教師研習，請查照。\n說明：\n一、依據本府函辦理。\n二、研習日期：113年10月5日\n"
                   "(一)上午場：9時至12時，對象為國小教師。\n(二)下午場：13時至16時，對象為國中教師。\n")
    assert [c["marker"] for c in record["sections"][0]["items"][1]["children"]] == ["(一)", "(二)"]


def test_a_date_and_where_or_by_whom_something_is_posted_cites_nothing():
    record = parse("主旨：鑑定結果公告，請查照。\n說明：\n一、依據本局函辦理。\n"
                   "二、本案鑑定結果已於113年8月1日於各區公所公告，並將於113年8月20日由本局公告於本局網站。\n")
    assert [r["text"] for r in record["references"]] == []


def test_a_post_field_row_with_a_comma_over_the_headline_is_no_part_of_the_subject():
    record = parse("單位：學務處生活輔導組，日期：2024-08-01\n轉知教育部有關防制校園霸凌宣導事宜，請查照。\n說明：\n"
                   "一、依據教育部113年7月1日臺教學（五）字第1130012345號函辦理。\n二、請各班導師加強宣導。\n")
    assert record["subject"] == "轉知教育部有關防制校園霸凌宣導事宜，請查照。"


def test_a_file_caption_row_after_a_closing_quote_is_no_part_of_the_item():
    record = parse("主旨：修正條文，請查照。\n說明：\n一、依據本局函辦理。\n二、修正條文請至本局網站下載專區「法規資料」\n"
                   "相關檔案：修正條文對照表.pdf，修正總說明.pdf\n")
    assert record["sections"][0]["items"][1]["text"] == "修正條文請至本局網站下載專區「法規資料」"


def test_a_notice_board_named_inside_an_item_is_the_letters_words():
    record = parse("主旨：宣導防詐騙，請查照。\n說明：\n一、依據本府函辦理。\n二、請各鄉鎮市公所以下列方式宣導：\n"
                   "張貼於各村里公佈欄\n刊登於公所網站及跑馬燈\n")
    assert "張貼於各村里公佈欄" in record["sections"][0]["items"][1]["text"]
