"""Citation forms missed in session 17's blind round V (tests/data/real: v1- … v4- stems). Each input below is written
in the shape those pages have, not copied from them."""
from __future__ import annotations

from parse_text import parse
from pipeline.parse.dispatch import parse_dispatch_no
from pipeline.parse.references import find_references


def cited(text: str) -> list[tuple]:
    """Given 說明 text, return each reference's (issuer as written, 字, 發文字號, date)."""
    return [(r.issuer_from, r.dispatch_no and r.dispatch_no.word, r.dispatch_no and r.dispatch_no.text,
             r.date and r.date.iso) for r in find_references(text)]


def test_yi_before_the_word_of_a_citation_sharing_the_kind_after_it_is_the_verb():
    text = ("二、查本府於103年3月5日以北府教字第1032345678號及本(108)年5月6日以新北府教字第1080812345號函請各校"
            "加強宣導。")
    assert cited(text) == [("本府", "北府教", "北府教字第1032345678號", "2014-03-05"),
                           (None, "新北府教", "新北府教字第1080812345號", "2019-05-06")]


def test_yi_before_the_word_of_a_citation_without_its_kind_is_the_verb():
    text = "一、依據本局112年4月7日以高市教字第1123456789號辦理。"
    assert cited(text) == [("本局", "高市教", "高市教字第1123456789號", "2023-04-07")]


def test_yi_after_a_cited_issuer_without_a_date_is_the_verb():
    assert cited("二、查本府前以北府教字第1032345678號函請各校辦理在案。") == [
        ("本府", "北府教", "北府教字第1032345678號", None)]
    assert cited("三、本部並以經商字第09812345670號函知各縣市政府。") == [("本部", "經商", "經商字第09812345670號", None)]
    assert cited("二、查本案前以府授教字第1032345678號函請各校辦理在案。") == [(None, "府授教", "府授教字第1032345678號", None)]
    refs = find_references("一、案經教育部以臺教學(二)字第1070012345號函知在案。")
    assert (refs[0].issuer, refs[0].dispatch_no.word) == ("教育部", "臺教學(二)")


def test_a_number_without_zi_and_di_may_hold_its_year_in_brackets():
    text = "依本部80年3月12日經(80)商104567號函釋規定，商號名稱不得使用該字樣。"
    refs = find_references(text, issuer="經濟部")
    assert [(r.text, r.issuer, r.kind) for r in refs] == [("本部80年3月12日經(80)商104567號函", "經濟部", "函")]
    number = refs[0].dispatch_no
    assert (number.text, number.word, number.number, number.year, number.serial) == (
        "經(80)商104567號", "經(80)商", "104567", 80, "104567")
    refs = find_references("本部七十五年八月一日商三四五六七號函釋仍應維持。")  # no year written: none read
    assert (refs[0].dispatch_no.text, refs[0].dispatch_no.year) == ("商34567號", None)


def test_a_year_after_tai_in_chinese_numerals_is_the_numbers_year():
    number = parse_dispatch_no("台八十八消保法字第○○一二三號")
    assert (number.word, number.number, number.year, number.serial) == ("台八十八消保法", "00123", 88, "00123")
    assert parse_dispatch_no("台財稅一字第12345號").year is None


def test_a_private_persons_letter_cited_by_its_date_is_a_letter_without_issuer():
    refs = find_references("一、依據台端98年3月4日信函辦理。")
    assert [(r.text, r.kind, r.issuer, r.issuer_from, r.date.iso, r.dispatch_no) for r in refs] == [
        ("台端98年3月4日信函", "函", None, None, "2009-03-04", None)]
    assert find_references("一、復臺端98年3月4日信函。")[0].text == "臺端98年3月4日信函"


RULING_PAGE = """相關法規條文:公司法第18條
函釋字號:經商字第10801234560號函
發布日期:108年2月3日

△公司名稱使用「工作室」字樣無不可
一、按公司名稱應使用我國文字,且不得與他公司名稱相同。
二、本部81年5月6日經(81)商212345號函,不再援用。
(經濟部108年2月3日經商字第10801234560號函)
"""


def test_a_ruling_pages_number_row_is_the_rulings_own_number_no_reference():
    d = parse(RULING_PAGE)
    assert d["dispatch_no"]["text"] == "經商字第10801234560號"
    assert (d["issuer"], d["date"]["iso"], d["doc_type"]) == ("經濟部", "2019-02-03", "函")
    assert [r["dispatch_no"]["text"] for r in d["references"]] == ["經(81)商212345號"]
    assert d["references"][0]["issuer"] == "經濟部"


def test_a_ruling_pages_rows_and_its_summary_marked_by_a_triangle_enter_no_field():
    d = parse(RULING_PAGE)
    assert d["sections"][0]["text"] == ""
    assert [item["marker"] for item in d["sections"][0]["items"]] == ["一", "二"]
