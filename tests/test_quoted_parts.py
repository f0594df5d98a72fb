"""A compilation's row quoting a letter's items by name (內政部's 戶政解釋函令查詢系統 as 戶政事務所 sites print it,
tests/data/real u- stems): the row is the letter it quotes."""
from __future__ import annotations

from pathlib import Path

from pipeline.parse.quoted_parts import quoted_letter

from parse_text import parse

REAL = Path(__file__).parent / "data" / "real"


def real(stem: str) -> str:
    return (REAL / f"{stem}.txt").read_text(encoding="utf-8")


def head(d: dict) -> tuple:
    return d["doc_type"], d["issuer"], d["date"]["roc"], d["dispatch_no"]["text"]


def test_the_letter_the_content_names_among_a_relay_chain():
    """「臺中市政府民政局…號/內政部…號/國家發展委員會…號 … 內政部函【說明二】、…」: 內政部's letter, not the relays'."""
    d = parse(real("u-dali-hr-missing-person-phone-ruling-108"))
    assert head(d) == ("函", "內政部", "108年1月25日", "台內戶字第1080103571號")
    assert [(s["name"], [i["marker"] for i in s["items"]]) for s in d["sections"]] == [("說明", ["二"])]
    assert d["subject"] is None and d["complete"] is False  # the database's 摘要 (「…1案。」) is no 主旨


def test_dates_before_the_issuers_and_several_quoted_items():
    d = parse(real("u-dali-hr-overseas-moveout-ruling-96"))
    assert head(d) == ("函", "內政部", "96年5月16日", "台內戶字第0960077574號")
    assert [i["marker"] for i in d["sections"][0]["items"]] == ["二", "三", "四"]
    assert [r["dispatch_no"]["text"] for r in d["references"]] == ["台(90)內戶字第9070523號", "台(90)內戶字第9069766號"]


def test_a_summary_ending_with_the_wish_is_the_letter_s_own_subject():
    d = parse(real("u-miaoli-hr-adoption-court-ruling-99"))
    assert (d["issuer"], d["date"]["iso"], d["dispatch_no"]["text"]) == ("內政部", "2010-10-29", "台內戶字第0990212938號")
    assert d["subject"] == "有關戶政事務所辦理收養經法院認可裁定確定之催告及逕為登記乙案，請查照。"
    assert d["sections"][0]["items"][0]["text"] == "兼復桃園縣政府99年10月20日府民戶字第0990417054號函。"


def test_the_row_s_category_run_into_the_issuer_and_its_download_column_are_dropped():
    d = parse(real("u-taiping-hr-dv-annotation-ruling-112"))
    assert head(d) == ("函", "內政部", "112年12月13日", "台內戶字第1120245271號")
    assert d["sections"][0]["items"][-1]["text"].endswith("政府社政主管機關洽詢。")


def test_text_without_a_quoted_item_is_left_as_it_is():
    text = "主旨：請查照。\n說明：\n一、【說明】請參閱附件。\n"
    assert quoted_letter(text) == text
