"""Conventions found by blind round K (tests/data/real, k- stems: letters measured before the parser knew them):
a hearing notice set out as numbered items headed by its time and place is part of a letter; items a web page
ran together on one line, each set apart by a space, are items; an administrative rule's points (一、, 肆 整理)
under a law database's history entry are the rule's text, not the entry's; a bracketed 民國 year opens the 字, never
ends the issuer; a date-first citation names an issuer only when its 字 abbreviates that agency; a school site's
list byline and hit counter, a city site's post-field line, a city law database's rule code and rule kind, and a
news page's file heading after the letter are furniture."""
from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.errors import InputError
from pipeline.parse.history_entry import history_entry
from pipeline.parse.items import split_run_in
from pipeline.parse.references import find_references, split_issuer_word

from parse_text import parse

REAL = Path(__file__).parent / "data" / "real"


def real(stem: str) -> str:
    return (REAL / f"{stem}.txt").read_text(encoding="utf-8")


def test_items_headed_by_a_meetings_time_and_place_are_part_of_a_letter():
    d = parse("一、辦理「南區污水下水道可行性評估案」公聽會，廣泛蒐集意見。\n二、時間：中華民國113年3月5日（二）上午10時。\n"
              "三、地點：本市南區區公所3樓禮堂。\n四、聯絡單位：水利局\n")
    assert d["complete"] is False and d["subject"] is None
    assert [i["text"] for i in d["sections"][0]["items"]][1:3] == ["時間：中華民國113年3月5日（二）上午10時。", "地點：本市南區區公所3樓禮堂。"]
    d = parse("一、開會事由：辦理綜合規劃公聽會。\n二、開會時間及地點：\n(一)第一場：109年7月15日下午7時整沙鹿區公所禮堂。\n")
    assert d["sections"][0]["items"][1]["children"][0]["text"] == "第一場：109年7月15日下午7時整沙鹿區公所禮堂。"
    with pytest.raises(InputError):  # items naming no meeting's time and place: nothing of a letter
        parse("一、本週菜單如下。\n二、時間到了請排隊。\n")


def test_items_run_together_on_one_line_are_items():
    line = "一、辦理公聽會。 二、時間:112年7月24日下午2時。 三、議程: (一)13:45~14:00 報到 (二)14:00~14:10 主席致詞 四、散會。"
    assert split_run_in(line).split("\n") == [
        "一、辦理公聽會。", "二、時間:112年7月24日下午2時。", "三、議程:", "(一)13:45~14:00 報到", "(二)14:00~14:10 主席致詞",
        "四、散會。"]
    assert split_run_in("依本辦法 (一) 之規定辦理。") == "依本辦法 (一) 之規定辦理。"  # one spaced marker: no list
    d = parse(real("k-taichung-edb-dajia-market-bot-hearing-112"))
    agenda = d["sections"][0]["items"][3]
    assert (agenda["text"], [c["text"] for c in agenda["children"]][-1]) == ("議程：", "15:20~15:30總結")
    assert [i["marker"] for i in d["sections"][0]["items"]] == ["一", "二", "三", "四", "五", "六", "七"]


def test_an_administrative_rules_points_under_a_history_entry_are_no_part_of_it():
    text = ("北市01-03-2005\n行政規則：屬行政程序法第159條第2項第1款\n民國 97 年 04 月 23 日\n"
            "中華民國97年4月23日臺北市政府府授秘文字第09730325800號函修正發布第2、5點條文及修正附表一至附表\n"
            "三、附表五；並自即日起生效\n肆 整理\n十四、同一案卷內之案件，應依序排列整齊入卷。\n")
    entry, _, _ = history_entry(text)
    assert entry.subject == "修正發布第2、5點條文及修正附表一至附表三、附表五；並自即日起生效"  # 三、 wraps the entry
    d = parse(text)
    assert (d["doc_type"], d["issuer"], d["date"]["iso"]) == ("函", "臺北市政府", "2008-04-23")
    assert d["subject"] == "修正發布第2、5點條文及修正附表一至附表三、附表五；並自即日起生效" and d["sections"] == []
    d = parse("民國 89 年 05 月 02 日\n中華民國89年5月2日臺北市政府(89)府秘四字第8903834200號函訂定發布全文14點;並自89年6月1日施行\n"
              "  • 一、臺北市政府為增進會議效率，特訂定本注意事項。\n  • 二、出、列席會議人員均應遵守本注意事項。\n")
    assert d["subject"] == "訂定發布全文14點；並自89年6月1日施行" and d["sections"] == []
    assert (d["issuer"], d["dispatch_no"]["text"], d["dispatch_no"]["year"]) == ("臺北市政府", "(89)府秘四字第8903834200號", 89)


def test_a_bracketed_year_opens_the_word_and_a_date_first_citation_needs_its_issuers_abbreviation():
    assert split_issuer_word("臺北市政府(89)府秘四") == ("臺北市政府", "(89)府秘四")
    refs = find_references("會議因疫情延期（110年5月18日臺教國署學字第1100061794B號函諒達），資訊更新如下。")
    assert (refs[0].issuer, refs[0].dispatch_no.word, refs[0].dispatch_no.number) == (None, "臺教國署學", "1100061794B")
    refs = find_references("依據108年8月8日內政部內授消字第1080823018號函辦理。")
    assert (refs[0].issuer, refs[0].dispatch_no.text) == ("內政部", "內授消字第1080823018號")


def test_site_furniture_around_notices_and_law_database_pages():
    d = parse("人氣52\nteacher01 - 最新公告 | 2022-03-01 09:05:33\n一、依據教育部111年2月24日臺教國署學字第1110014493號函辦理。\n"
              "二、請轉知所屬。\n人氣52\n")
    assert d["sections"][0]["text"] == "" and d["sections"][0]["items"][-1]["text"] == "請轉知所屬。"
    d = parse("主旨：檢送公聽會會議紀錄1份，請查照。\n說明：\n一、旨案公聽會已召開完畢。\n二、尚有意見者，請於114年2月28日前郵寄陳述書，逾期視為無意見。\n會議紀錄：\n")
    assert d["sections"][0]["items"][-1]["text"].endswith("逾期視為無意見。")
    d = parse("公布單位:公共運輸及捷運工程處 / 聯絡電話:04-22289111分機61622 / 公布日期:2020-07-18\n"
              "一、開會事由：辦理捷運綜合規劃公聽會。\n二、開會時間及地點：109年7月15日下午7時整區公所禮堂。\n")
    assert d["contact"]["phone"] is None and d["sections"][0]["text"] == ""
    d = parse(real("k-taipei-meeting-rules-letter-89"))
    assert d["sections"] == [] and d["subject"] == "訂定發布全文14點；並自89年6月1日施行"
