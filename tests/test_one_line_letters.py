"""Letters whose extraction ran every line into one (a PDF copied from a viewer, a text field pasted whole): the 署名
closing the text is found where it is glued to a contact item's e-mail address or phone number, and where its
characters were set apart by spaces (「部長 陳 駿 季」)."""
from __future__ import annotations

import json
from pathlib import Path

from pipeline.parse.signature import split_signature
from parse_text import parse

CORPUS = Path(__file__).parent / "data" / "real"


def test_a_signature_run_onto_an_e_mail_address_closing_the_last_item_is_the_signature():
    assert split_signature("一、甲。\n(六)電子郵件：aphia@aphia.gov.tw部長陳駿季") == (
        "一、甲。\n(六)電子郵件：aphia@aphia.gov.tw", "部長 陳駿季")
    assert split_signature("一、甲。\n(四)電話：02-23431401局長 林○○") == ("一、甲。\n(四)電話：02-23431401", "局長 林○○")


def test_a_title_after_a_latin_character_with_no_name_or_a_word_that_is_no_title_stays_text():
    assert split_signature("一、甲。\n(六)網址：https://www.moa.gov.tw局長室") == (
        "一、甲。\n(六)網址：https://www.moa.gov.tw局長室", None)
    assert split_signature("一、甲。\n二、請至https://www.moa.gov.tw查詢下載") == (
        "一、甲。\n二、請至https://www.moa.gov.tw查詢下載", None)


def test_a_whole_letter_on_one_line_keeps_its_signature_with_spaced_characters_and_its_last_item():
    stem = "x8-moa-aphia-decapod-iridovirus-repeal-draft-114"  # a 農業部 預告 closing with its contact items
    text = (CORPUS / f"{stem}.txt").read_text(encoding="utf-8")
    expected = json.loads((CORPUS / f"{stem}.json").read_text(encoding="utf-8"))
    one_line = " ".join(line.strip() for line in text.splitlines() if line.strip())
    assert one_line.endswith("aphia@aphia.gov.tw 部長 陳 駿 季")
    d = parse(one_line)
    assert d["signature"] == "部長 陳駿季"
    assert d["sections"] == expected["sections"]
    assert d["sections"][-1]["items"][-1]["children"][-1]["text"] == "電子郵件：aphia@aphia.gov.tw"
