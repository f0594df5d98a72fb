"""Conventions found by session 17's blind rounds (tests/data/real: v1- … stems) and its look at the letters still
missed. Each input below is written in the shape those pages have, not copied from them."""
from __future__ import annotations

from parse_text import parse

HEAD = "臺中縣梧棲區漁會 函\n受文者：交通部臺中港務局\n發文日期：中華民國94年9月28日\n發文字號：中區漁字第0940000312號\n"


def test_two_whole_phone_numbers_set_apart_stay_apart():
    letter = parse(HEAD + "聯絡人：○○○\n聯絡電話：04-22052948  0928799438\n主旨：請惠予協助，請查照。\n")
    assert letter["contact"]["phone"] == "04-22052948 0928799438"


def test_a_phone_number_with_spaces_inside_is_one_number():
    letter = parse(HEAD + "聯絡人：○○○\n電話：(04) 2205 2948 轉 312\n主旨：請惠予協助，請查照。\n")
    assert letter["contact"]["phone"] == "(04)22052948轉312"
    letter = parse(HEAD + "聯絡人：○○○\n電話：0928 799 438\n主旨：請惠予協助，請查照。\n")
    assert letter["contact"]["phone"] == "0928799438"
