"""A 令 printed without its title line (a web reprint, 行政院公報's static page): its own date-and-number line over
the order and the head's 署名, then the plan it issues; and a 發文字號 whose 字 opens with the ROC year."""
from __future__ import annotations

from parse_text import parse

from pipeline.parse.dispatch import parse_dispatch_no
from pipeline.parse.header_shapes import citation_header

REPRINTED_ORDER = """中華民國112年3月15日衛部醫字第1121660123號

訂定「醫療機構緊急應變演練實施計畫」,並自中華民國一百十二年四月一日生效。

部  長 王大明

醫療機構緊急應變演練實施計畫

一、衛生福利部為強化醫療機構之緊急應變能力,依醫療法相關規定,特訂定本計畫。

二、本計畫辦理方式如下:

(一)演練梯次:每年度辦理二梯次為原則。

(二)演練方式:採實地演練為原則,必要時得採桌上推演。
"""

GAZETTE_STATIC_ORDER = """每日即時刊登行政院及所屬各機關公布之法令規章等資訊

對於本網站提供之相關資訊,如有任何疑義,請逕向公(發)布機關洽詢。

中華民國112年6月8日(補登) 發事字第1122500321號

修正「青年職涯探索補助計畫」部分規定,並自即日生效。

附修正「青年職涯探索補助計畫」

 

署  長 陳志明

 

青年職涯探索補助計畫修正規定

一、勞動部勞動力發展署(以下簡稱本署)為協助青年探索職涯方向,特訂定本計畫。

二、本計畫補助對象為年滿十五歲至二十九歲之青年。
"""


def test_order_without_title_line_is_a_letter():
    record = parse(REPRINTED_ORDER)
    assert record["schema"].startswith("gongwen/letter")
    assert record["doc_type"] == "令"
    assert record["date"]["iso"] == "2023-03-15"
    assert record["dispatch_no"]["text"] == "衛部醫字第1121660123號"
    assert record["subject"] == "訂定「醫療機構緊急應變演練實施計畫」，並自中華民國一百十二年四月一日生效。"
    assert record["signature"] == "部長 王大明"
    assert record["issuer"] is None and record["complete"] is False
    assert record["sections"] == []


def test_gazette_static_order_keeps_its_attachment_line_and_drops_the_banner():
    record = parse(GAZETTE_STATIC_ORDER)
    assert record["doc_type"] == "令"
    assert record["date"]["iso"] == "2023-06-08"
    assert record["dispatch_no"]["word"] == "發事"
    assert record["subject"] == "修正「青年職涯探索補助計畫」部分規定，並自即日生效。"
    assert [a["title"] for a in record["attachments"]] == ["修正「青年職涯探索補助計畫」"]
    assert record["signature"] == "署長 陳志明"


def test_gazette_note_between_date_and_number_is_no_part_of_the_word():
    head = citation_header("中華民國112年6月8日(補登) 發事字第1122500321號")
    assert head is not None and head.date.iso == "2023-06-08"
    assert head.dispatch_no.text == "發事字第1122500321號"


def test_word_opening_with_the_year_gives_the_year():
    number = parse_dispatch_no("85台內字第1234567號")
    assert (number.year, number.serial) == (85, "1234567")


def test_cited_number_whose_word_opens_with_the_year():
    record = parse("內政部 函\n發文日期：中華民國96年3月19日\n發文字號：內授字第0960012345號\n"
                   "主旨：有關退休人員年資採計疑義，請查照。\n"
                   "說明：依據本部85年3月2日85台內字第1234567號函辦理。\n")
    cited = record["references"][0]["dispatch_no"]
    assert (cited["word"], cited["year"], cited["serial"]) == ("85台內", 85, "1234567")
