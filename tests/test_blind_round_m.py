"""Conventions found by blind round M (tests/data/real, m- stems: letters as associations and firms reprint them,
measured before the parser knew them): a receiving association's posting names the recipient 收文單位 and gives its
own receipt number in 字號 form (收文字號 「北市師會字第2565號」); an association site's heading over the letter's
files (「相關公文檔案：」) is furniture."""
from __future__ import annotations

from parse_text import parse

POSTED = """法令訊息

修正臺北市建築執照申請有關特殊結構委託審查人員資格,自106年8月31日起生效

發文單位 臺北市政府都市發展局
發文日期 2017-08-17
發文字號 北市都授建字第10634947500號
收文單位 臺北市建築師公會
收文日期 2017-08-18
收文字號 北市師會字第2565號

主旨:修正臺北市建築執照申請有關特殊結構委託審查人員資格,請查照轉知貴會會員。

說明:
一、審查人員參加其審查機關、團體變更者,應向本局報備。
"""


def test_a_receiving_associations_posting_gives_recipient_and_its_receipt_in_zihao_form():
    d = parse(POSTED)
    assert d["issuer"] == "臺北市政府都市發展局"
    assert d["recipient"] == "臺北市建築師公會"
    assert d["received"] == {"number": "北市師會字第2565號", "date": {"iso": "2017-08-18", "roc": "106年8月18日"}}
    assert d["subject"] == "修正臺北市建築執照申請有關特殊結構委託審查人員資格，請查照轉知貴會會員。"
    assert d["dispatch_no"]["text"] == "北市都授建字第10634947500號"


def test_a_receipt_number_of_digits_still_reads_and_a_stamp_keeps_its_number():
    d = parse(POSTED.replace("收文字號 北市師會字第2565號", "收文字號 1060002565"))
    assert d["received"]["number"] == "1060002565"


def test_an_association_sites_heading_over_the_letters_files_is_furniture():
    d = parse("發文機關:臺北縣政府衛生局\n發文日期:99年12月3日\n發文字號:北衛藥字第0990167984號\n\n"
              "主旨:\n惠請協助轉知貴會所屬食品業者會員,請 查照。\n\n說明:\n一、依據行政院衛生署99年11月29日署授食字第0991303789號函。\n"
              "二、檢送該公告影本1份。\n\n相關公文檔案:\n")
    assert d["sections"][0]["items"][1]["text"] == "檢送該公告影本1份。"
    assert any("相關公文檔案" in w for w in d["warnings"])
