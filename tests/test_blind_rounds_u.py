"""Conventions found by blind rounds U1–U4 (tests/data/real, u- stems, measured before the parser knew them): a site
numbering a notice's items 「一.」 with a full stop as the 手冊 numbers them 「一、」, and a school board's post row whose
category is long (「政令宣導與教師研習訊息 / 張貼者 訓育組長」)."""
from __future__ import annotations

import pytest

from pipeline.errors import InputError
from parse_text import parse

ITEMS_WITH_FULL_STOPS = """一.本府原訂於111年9月2日召開第一次公聽會,因故延期至111年9月5日。
二.說明本市「潭子區潭興路拓寬工程」之興辦事業概況,依社會、經濟、文化及生態評估本興辦事業之公益性並聽取土地所有權人之意見。
"""


def test_a_notices_items_numbered_with_full_stops_are_its_items():
    d = parse(ITEMS_WITH_FULL_STOPS)
    assert d["complete"] is False
    assert [s["name"] for s in d["sections"]] == ["本文"]
    items = d["sections"][0]["items"]
    assert [i["marker"] for i in items] == ["一", "二"]
    assert items[0]["text"] == "本府原訂於111年9月2日召開第一次公聽會，因故延期至111年9月5日。"


def test_short_items_with_full_stops_are_no_letter():
    with pytest.raises(InputError, match="not an official letter"):
        parse("一.儲備飲水。\n二.準備手電筒。\n")  # a public advisory's short items


BOARD_POST = """有關大陸委員會113年6月27日宣布調升中國大陸及香港澳門旅遊警示,學校辦理赴陸港澳教育交流活動應注意事項,詳如說明,請查照。

上一則公告 下一則公告

政令宣導與教師研習訊息 / 張貼者 訓育組長


張貼日期: 2024-07-30 11:33:09  點閱:378


一、 依據教育部國民及學前教育署113年7月26日臺教國署原字第1130082586號函辦理。
二、 自本年6月27日起赴中國大陸旅遊警示調升為「橙色」,爰請加強宣導當前兩岸情勢。
"""


def test_a_board_posts_long_category_and_poster_row_enters_no_field():
    d = parse(BOARD_POST)
    assert d["subject"].startswith("有關大陸委員會113年6月27日")
    assert d["sections"][0]["text"] == ""
    assert [i["marker"] for i in d["sections"][0]["items"]] == ["一", "二"]
