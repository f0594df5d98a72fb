"""Citation conventions found by session 20's blind rounds R1–R6 (tests/data/real: r3-, r4- stems): a verb of the
letter's own action before the cited issuer, a citation ending at its number before an issuing verb or the title it
issued, and a sender's number opening with its year and 年. Each input is written in the shape of those pages."""
from __future__ import annotations

from parse_text import parse


def refs_of(text: str) -> list[dict]:
    """Given a letter's text, return its references."""
    return parse(text)["references"]


def test_a_verb_of_the_letters_own_action_is_no_part_of_the_cited_issuer():
    text = ("金融監督管理委員會 令\n發文日期：中華民國95年3月2日\n發文字號：金管銀(一)字第09500012340號\n"
            "一、修正內政部90年5月4日台內地字第0900012345號函「土地登記申報表」之表二。\n"
            "二、內政部90年5月4日台內地字第0900012345號函自即日起停止適用。\n")
    refs = refs_of(text)
    assert [(r["issuer"], r["text"]) for r in refs] == [("內政部", "內政部90年5月4日台內地字第0900012345號函")]


def test_a_revising_verb_before_the_issuer_is_dropped_too():
    text = ("金融監督管理委員會 令\n發文字號：金管銀(一)字第09500012340號\n"
            "一、修訂經濟部88年7月9日經商字第88012345號函「公司登記表」之附註。\n")
    assert [r["issuer"] for r in refs_of(text)] == ["經濟部"]


def test_a_number_followed_by_the_issued_title_ends_the_citation():
    text = ("臺中市立某某高級中學 開會通知單\n依據：\n"
            "一、交通部92年3月5日交路字第0920001234號「汽車運輸業管理規則」修正條文。\n")
    refs = refs_of(text)
    assert [(r["issuer"], r["kind"], r["date"]["roc"], r["dispatch_no"]["text"]) for r in refs] == [
        ("交通部", None, "92年3月5日", "交路字第0920001234號")]


def test_a_number_followed_by_an_issuing_verb_ends_the_citation_its_bracketed_year_in_the_word():
    text = ("臺中市立某某高級中學 開會通知單\n依據：\n"
            "一、國防部93年10月6日(93)勁勇字第001234號頒「後備軍人管理作業規定」。\n")
    refs = refs_of(text)
    assert [(r["issuer"], r["kind"], r["text"]) for r in refs] == [
        ("國防部", None, "國防部93年10月6日(93)勁勇字第001234號")]
    number = refs[0]["dispatch_no"]
    assert (number["word"], number["year"], number["serial"]) == ("(93)勁勇", 93, "001234")


def test_a_word_with_its_year_in_chinese_numerals_a_latin_o_for_zero():
    text = ("某某高級中學 開會通知單\n依據：\n"
            "一、行政院80年4月12日台八O交字第12345號「公路監理辦法」。\n")
    refs = refs_of(text)
    assert [(r["issuer"], r["dispatch_no"]["word"], r["dispatch_no"]["year"]) for r in refs] == [
        ("行政院", "台八O交", 80)]


def test_a_senders_number_opening_with_its_year_and_nian_after_the_cited_date():
    text = ("行政院公平交易委員會 函\n受文者：○○實業股份有限公司\n發文日期：中華民國88年5月6日\n"
            "發文字號：(88)公參字第8801234號\n主旨：貴公司所詢事項，復請查照。\n說明：\n"
            "一、復 貴公司88年4月20日88年大同字第027號函。\n")
    refs = refs_of(text)
    assert len(refs) == 1
    ref = refs[0]
    assert (ref["issuer"], ref["issuer_from"], ref["date"]["roc"]) == ("○○實業股份有限公司", "貴公司", "88年4月20日")
    number = ref["dispatch_no"]
    assert (number["text"], number["word"], number["year"], number["serial"]) == (
        "88年大同字第027號", "88年大同", 88, "027")
