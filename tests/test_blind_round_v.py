"""Conventions found by blind round V (tests/data/real, v- stems: 新竹縣政府's urban-planning site printing its 公告
with their header block, two 彰化縣 school posts relaying a letter — measured before the parser knew them): a known
title and a name after the last sentence's 「。」 (on a line of its own, or run onto that sentence by a PDF paragraph)
are the 署名 whatever the name ends with (「縣長 楊文科」: a sentence never ends without punctuation); a head's 「… 出國」 line and the deputy's 「… 代行」 line run into one are still the head's
署名 over the deputy's."""
from __future__ import annotations

from pipeline.parse.signature import as_signature, split_signature
from parse_text import parse

CROPPED = """依據:都市計畫法第19條規定。
公告事項:
一、公開展覽日期:自民國111年9月14日起計30天。
二、任何公民或團體對計畫案如有意見,得於公開展覽期間內,以書面向本府產業發展處提出。
縣長 楊文科
"""


def test_a_known_title_and_a_name_alone_under_the_last_sentence_is_the_signature():
    d = parse(CROPPED)
    assert d["signature"] == "縣長 楊文科"
    assert d["sections"][1]["items"][1]["text"] == "任何公民或團體對計畫案如有意見，得於公開展覽期間內，以書面向本府產業發展處提出。"
    assert as_signature("縣長楊文科") is None  # alone: 文科 may be a unit, as 里長辦公處's 辦公處 is
    assert split_signature("一、甲。\n二、乙，\n縣長楊文科") == ("一、甲。\n二、乙，\n縣長楊文科", None)  # no 「。」 above
    assert split_signature("一、甲。\n里長辦公處") == ("一、甲。\n里長辦公處", None)  # 里長 is no known title


def test_a_head_abroad_and_the_deputy_run_into_one_line_sign_as_the_head():
    assert split_signature("查詢。\n縣長 楊文科 出國副縣長 陳見賢 代行") == ("查詢。", "縣長 楊文科")
    assert split_signature("點選本計畫案名查詢。縣長楊文科出國副縣長陳見賢代行") == ("點選本計畫案名查詢。", "縣長 楊文科")
    assert split_signature("查詢。\n縣長 楊文科 出國\n副縣長 陳見賢 代行") == ("查詢。", "縣長 楊文科")
    assert split_signature("請查照。副縣長陳見賢代行") == ("請查照。副縣長陳見賢代行", None)  # 代行 with no head before it


def test_a_known_title_and_name_run_onto_the_last_sentence_after_its_full_stop_is_the_signature():
    assert split_signature("一、甲。\n(五)點選計畫案名查詢。縣長楊文科") == ("一、甲。\n(五)點選計畫案名查詢。", "縣長 楊文科")
    assert split_signature("一、請洽本府。局長辦公室電話") == ("一、請洽本府。局長辦公室電話", None)  # 辦公室電話: no name
    assert split_signature("一、甲。\n二、請洽縣長楊文科") == ("一、甲。\n二、請洽縣長楊文科", None)  # no 「。」 before it
