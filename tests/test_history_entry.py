"""A regulation's history entry (法規沿革) as law databases print it is the one document it names: its own date,
issuer, 發文字號, 文別 and (what it did) subject; a 會銜 entry gives the further issuers; the regulation's own date
beside it is in no field. Texts as the real corpus stores them (tests/data/real, e- and f- stems)."""
from __future__ import annotations

from pathlib import Path

from pipeline.parse.dispatch import checked_by_date, parse_dispatch_no
from pipeline.parse.history_entry import entry_spans, history_entry

from parse_text import parse

REAL = Path(__file__).parent / "data" / "real"


def real(stem: str) -> str:
    return (REAL / f"{stem}.txt").read_text(encoding="utf-8")


def test_law_database_page_with_one_entry_is_that_order():
    d = parse(real("f-cca-order-94-1129172"))
    assert (d["doc_type"], d["issuer"], d["complete"]) == ("令", "行政院文化建設委員會", True)
    assert (d["date"]["roc"], d["dispatch_no"]["text"]) == ("94年12月16日", "文參字第0941129172號")
    assert d["subject"] == "訂定發布全文三條，並自發布日施行"
    assert (d["sections"], d["references"]) == ([], [])


def test_regulation_date_above_the_entry_is_not_the_documents():
    d = parse(real("f-moe-order-102-1020166329b"))  # 中華民國97年2月13日 stands above: the regulation's first date
    assert (d["date"]["iso"], d["dispatch_no"]["number"], d["dispatch_no"]["serial"]) == ("2013-11-22", "1020166329B", "0166329B")
    assert any("中華民國97年2月13日" in w for w in d["warnings"])


def test_joint_entry_gives_co_issuers():
    d = parse(real("e-moi-mol-joint-order-108"))
    assert (d["issuer"], d["dispatch_no"]["text"]) == ("內政部", "台內營字第1080817184號")
    assert [(c["issuer"], c["dispatch_no"]["text"]) for c in d["co_issuers"]] == [("勞動部", "勞動發特字第10830017992號")]
    assert d["subject"] == "會銜訂定發布全文九條，自發布日施行"


def test_numbered_entry_in_chinese_numerals_wrapped_over_lines():
    d = parse(real("f-moi-fire-order-112-1120827499"))
    assert (d["doc_type"], d["issuer"], d["date"]["iso"]) == ("令", "內政部", "2023-12-21")
    assert d["dispatch_no"]["text"] == "台內消字第1120827499號"
    assert d["subject"] == "訂定發布全文10條；並自發布日施行"


def test_letter_entry_is_a_letter():
    d = parse(real("f-moi-police-letter-80-921450"))
    assert (d["doc_type"], d["issuer"], d["date"]["roc"]) == ("函", "內政部", "80年5月15日")
    assert (d["dispatch_no"]["number"], d["dispatch_no"]["year"]) == ("921450", None)


def test_history_of_several_entries_names_no_one_document():
    text = ("中華民國99年2月3日總統華總一義字第09900022481號令制定公布全文31條\n"
            "中華民國100年1月26日總統華總一義字第10000015651號令修正公布第29、30條條文")
    assert len(entry_spans(text.split("\n"))) == 2
    assert history_entry(text) is None


def test_sentence_citing_a_letter_is_no_entry():
    assert history_entry("依據內政部108年8月8日內授消字第1080822123號函辦理。") is None
    assert history_entry("中華民國108年8月8日") is None


def test_old_number_year_must_be_the_dates_year():
    number = parse_dispatch_no("臺內社字第6988507號")
    assert (number.year, number.serial) == (69, "88507")  # the older numbers' rule reads 69 …
    assert (checked_by_date(number, 78).year, checked_by_date(number, 78).serial) == (None, None)  # … not the 78年 it was sent
    assert checked_by_date(parse_dispatch_no("衛署醫字第88045678號"), 88).year == 88
    assert checked_by_date(parse_dispatch_no("台內營字第1080817184號"), 107).year == 108  # a 10-digit number's year stands


def test_entry_of_the_regulation_a_gazette_order_issues_is_not_its_head():
    d = parse("財政部令\n中華民國99年7月1日\n台財稅字第09900263680號\n"
              "訂定「海峽兩岸海運協議及空運補充協議稅收互免辦法」。\n附「海峽兩岸海運協議及空運補充協議稅收互免辦法」\n"
              "部　　長　李述德\n海峽兩岸海運協議及空運補充協議稅收互免辦法\n"
              "99年7月1日財政部台財稅字第09900263680號令訂定發布\n"
              "第　一　條 本辦法依臺灣地區與大陸地區人民關係條例第二十九條之一第二項規定訂定之。\n")
    assert (d["issuer"], d["doc_type"], d["date"]["iso"]) == ("財政部", "令", "2010-07-01")
    assert d["dispatch_no"]["text"] == "台財稅字第09900263680號"
    assert d["subject"] == "訂定「海峽兩岸海運協議及空運補充協議稅收互免辦法」。"
