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


def test_a_database_print_of_labelled_cells_reads_as_its_fields():
    from pipeline.read.pdf_tables import fields_to_lines
    rows = [["發文單位 行政院公共工程委員會", ""], ["發文日期", "98/03/19"], ["發文字號 工程促字第09800114010號函", ""],
            ["主旨", "貴局函詢…疑義乙案，復請查照。"], ["說明：一、復貴局98年1月16日…號函。\n二、有關…。", ""],
            ["正本", "行政院衛生署疾病管制局"], ["解釋法條", "促進民間參與公共建設法第3條(點)"]]
    assert fields_to_lines(rows) == [
        "發文單位：行政院公共工程委員會", "發文日期：98/03/19", "發文字號：工程促字第09800114010號函",
        "主旨：貴局函詢…疑義乙案，復請查照。", "說明：一、復貴局98年1月16日…號函。", "二、有關…。",
        "正本：行政院衛生署疾病管制局", "解釋法條：促進民間參與公共建設法第3條(點)"]
    side_by_side = [["發文日期：中華民國一0八年十一月二十日", "發文字號：屏市建字10834787500號"], ["速別：", "密等："],
                    ["主旨：核發證明書", ""]]
    assert fields_to_lines(side_by_side) == ["發文日期：中華民國一0八年十一月二十日", "發文字號：屏市建字10834787500號",
                                              "速別：", "密等：", "主旨：核發證明書"]
    assert fields_to_lines([["鄉鎮市區", "段小段"], ["屏東市", "民生段"]]) is None  # a table of data, no fields


def test_a_date_in_chinese_numerals_may_print_its_zero_as_a_digit():
    letter = parse("屏東市公所 函\n受文者：如行文單位\n發文日期：中華民國一0八年十一月二十日\n發文字號：屏市建字第10834787500號\n"
                   "速別：密等級解密條件或保密期限：\n主旨：核發證明書，請查照。\n")
    assert letter["date"] == {"iso": "2019-11-20", "roc": "108年11月20日"}
    assert letter["speed"] is None  # the cell beside an empty 速別 holds the next field's label, no 速別
