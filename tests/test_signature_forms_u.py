"""Conventions found by session 18's blind round u2 (tests/data/real: u2- stems): a 署名 written with a colon, and a
函釋 compilation's own markings. Each input below is written in the shape those pages have, not copied from them."""
from __future__ import annotations

from parse_text import parse
from pipeline.parse.page_edges import is_letter_line
from pipeline.parse.signature import as_signature

UNION_NOTICE = """臺中市水電工程職業工會   公告

受文者:本會會員

發文日期:中華民國110年3月2日

發文字號:中水電字第1100300021號

主    旨:

通知本會會員出席第8屆第2次會員大會,請準時出席。

說  明:

一、本會訂於110年3月20日(星期六)上午10時假本會禮堂召開會員大會。

二、出席時請攜帶會員證或身分證。

 

                              {signature}        

 

臺中市水電工程職業工會會員大會議事規則

第一條:本規則依本會章程第20條訂定之。

第二條:會員大會由理事長召集並擔任主席。

第三條:出席會員發言,應先舉手經主席同意。
"""


def test_a_signature_written_with_a_colon_is_the_signature_and_ends_the_text():
    record = parse(UNION_NOTICE.format(signature="理事長: 陳○○"))
    assert record["signature"] == "理事長 陳○○"
    items = record["sections"][-1]["items"]
    assert [item["marker"] for item in items] == ["一", "二"]
    assert items[-1]["text"] == "出席時請攜帶會員證或身分證。"  # the rules printed after the 署名 enter no section


def test_a_colon_signature_needs_a_signatorys_known_title_not_a_contact_rows_label():
    assert parse(UNION_NOTICE.format(signature="主任委員：林○○"))["signature"] == "主任委員 林○○"
    assert as_signature("校長：王大明") == "校長 王大明"
    assert as_signature("聯絡人：王○○") is None
    assert as_signature("承辦人：股長王○○") is None
    assert as_signature("承辦人:林小姐") is None


def test_a_signature_written_with_a_colon_is_no_page_furniture():
    assert is_letter_line("理事長: 陳○○")  # a PDF's page-edge reading keeps it as the letter's


RULING_ENTRY = """12.◆公告期間計算
查祭祀公業條例第十二條所定公告期間之計算,應自公告之翌日起算,至期間末日終止,如末日為星期日、國定假日或其他休息日時,以其休息日之次日代之。
(內政部99年3月8日內授中民字第0990031234號函)
(祭祀公業條例第十二條)
"""


def test_a_compilation_entry_heading_and_its_article_note_enter_no_field():
    record = parse(RULING_ENTRY)
    assert record["dispatch_no"]["text"] == "內授中民字第0990031234號"
    [section] = record["sections"]
    assert section["items"] == []
    assert section["text"].startswith("查祭祀公業條例第十二條所定公告期間之計算")
    assert section["text"].endswith("以其休息日之次日代之。")
