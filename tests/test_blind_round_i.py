"""Conventions found by blind round I (tests/data/real, i- stems: letters measured before the parser knew them):
a relayed 說明 with no label, number or date is still part of a letter when its first item states its grounds;
「詳如說明：」 points at the 說明 and is no label; school sites' post fields, byline and an office's contact card
are furniture; 本(111)年 dates; a period's end written with 民國; an extension written 「分機:」; a glyph of the
binding line set apart by one space; a label wrapped over two lines; a database's category before a citation-form
head; a 規範基礎 tab's statute; a short name an agency is given (下稱保訓會) cited later."""
from __future__ import annotations

from pathlib import Path

from pipeline.parse.contact import phone_numbers
from pipeline.parse.dates import find_periods, parse_roc_date
from pipeline.parse.references import find_references

from parse_text import parse

REAL = Path(__file__).parent / "data" / "real"


def real(stem: str) -> str:
    return (REAL / f"{stem}.txt").read_text(encoding="utf-8")


def test_items_opening_with_their_grounds_are_part_of_a_letter():
    d = parse(real("i-lsps-kl-covid-autumn-relay-109"))  # no label, number, date, 期望語 or 旨揭
    assert d["complete"] is False
    items = d["sections"][0]["items"]
    assert d["sections"][0]["name"] == "本文"
    assert items[0]["text"] == "依據中央流行疫情指揮中心109年11月18日指示辦理。"
    assert [c["marker"] for c in items[1]["children"]] == ["(一)", "(二)", "(三)"]
    assert items[-1]["text"].endswith("最新指示及公文配合辦理。")  # 「返回頁首」 is the site's


def test_a_section_named_after_ru_is_no_label():
    d = parse(real("i-hlc-earthquake-drill-dates-relay-101"))
    section = d["sections"][0]
    assert section["name"] == "本文"
    assert section["text"].endswith("敬請各校詳閱教育部實施計畫並配合辦理，詳如說明：")
    assert [i["marker"] for i in section["items"]] == ["一", "二", "三", "四"]


def test_post_fields_age_byline_and_contact_card_are_furniture():
    d = parse(real("i-gmes-tyc-school-disease-weekly-relay-103"))
    assert d["subject"] == "本(103)年第49週「定點學校傳染病監視週報」。"
    d = parse(real("i-lit-dengue-guideline-relay-112"))
    assert d["subject"].startswith("轉知衛生福利部疾病管制署「登革熱/屈公病防治工作指引」")  # not 「學生事務處轉知…」
    assert d["sections"][0]["items"][-1]["text"].endswith("登革熱防治中心之聯合稽查作業。")
    assert d["address"] is None and d["contact"]["phone"] is None  # the office's card, not the letter's
    d = parse(real("i-cksh-tp-flu-conjunctivitis-relay-113"))
    assert d["sections"][0]["items"][-1]["text"] == "相關防疫訊息請參閱衛生福利部疾病管制署網頁"


def test_this_year_in_brackets_and_a_period_ending_with_minguo():
    assert parse_roc_date("本( 111 )年 6 月 23 日").iso == "2022-06-23"
    refs = find_references("函轉衛生福利部於本(111)年6月23日以衛授疾字第1110100867號公告修正「傳染病分類」案")
    assert [(r.issuer, r.kind, r.date.iso, r.dispatch_no.text) for r in refs] == [
        ("衛生福利部", "公告", "2022-06-23", "衛授疾字第1110100867號")]
    (period,), _ = find_periods("公開展覽期間:自民國114年4月17日起至民國114年5月19日止共33天。")
    assert (period.from_, period.to, period.days, period.stated_days) == ("2025-04-17", "2025-05-19", 33, 33)


def test_extension_label_glyph_and_wrapped_label_in_a_printed_letter():
    assert phone_numbers("02-23212200分機:8512 傳真:") == "02-23212200分機8512"
    assert phone_numbers("(02)2720-8889轉1234") == "(02)2720-8889轉1234"
    d = parse(real("i-moea-social-enterprise-shuhan-106"))
    assert (d["doc_type"], d["issuer"], d["recipient"]) == ("書函", "經濟部", "如行文單位")
    assert d["contact"] == {"name": "林志遠", "unit": None, "phone": "02-23212200分機8512", "fax": None,
                            "email": "cylin3@moea.gov.tw"}
    d = parse("經濟部 書函\n承辦人：林志遠\n電話：02-23212200 電子信\n箱：cylin3@moea.gov.tw\n受文者：如行文單位\n"
              "發文字號：經商字第10602341570號\n主旨：復請查照。")
    assert d["contact"]["email"] == "cylin3@moea.gov.tw"


def test_database_category_and_the_statute_under_a_ruling():
    d = parse(real("i-moi-land-ruling-basis-111"))
    assert (d["issuer"], d["date"]["iso"], d["dispatch_no"]["text"], d["doc_type"]) == (
        "內政部", "2022-08-02", "台內地字第1110038406號", "函")
    assert d["sections"] == [] and d["subject"] is None  # 建築法第八條 is the statute, not the ruling


def test_a_short_name_given_earlier_names_the_agency_in_full():
    refs = find_references("一、依公務人員保障暨培訓委員會(下稱保訓會)115年2月10日公護字第1159060030號函辦理。"
                           "二、上開規定說明詳如保訓會114年12月26日公護字第1149060038號函。")
    assert [(r.issuer, r.dispatch_no.text) for r in refs] == [
        ("公務人員保障暨培訓委員會", "公護字第1159060030號"), ("公務人員保障暨培訓委員會", "公護字第1149060038號")]


def test_site_heading_gongao_number_names_a_gongao_and_an_empty_field_gives_no_section():
    d = parse(real("i-yunlin-urban-plan-exhibition-114"))
    assert (d["doc_type"], d["dispatch_no"]["text"]) == ("公告", "府城都一字第1143608110B號")
    assert [s["name"] for s in d["sections"]] == ["本文"]  # 「公告依據」 left empty by the site
    assert any("has no text" in w for w in d["warnings"])
