"""Citation conventions found by session 18's blind round U7 (tests/data/real: u7- stems): an older number cited
without 字, and a law database's source note closing a letter's text. Each input below is written in the shape those
pages have, not copied from them."""
from __future__ import annotations

from parse_text import parse
from pipeline.parse.references import find_references


def cited(text: str) -> list[tuple]:
    """Given 說明 text, return each reference's (issuer, 發文字號 as text, year, serial)."""
    return [(r.issuer, r.dispatch_no and r.dispatch_no.text, r.dispatch_no and r.dispatch_no.year,
             r.dispatch_no and r.dispatch_no.serial) for r in find_references(text)]


def test_an_undated_number_without_its_word_mark_is_cited_after_its_issuer():
    text = "說明：依據財政部臺財稅第810456123號函辦理。"
    assert cited(text) == [("財政部", "臺財稅第810456123號", 81, "0456123")]
    # words before a number that are no agency's 字 cite nothing
    assert find_references("說明：依本局第5號公告辦理。") == []
    assert find_references("說明：依教育部體育署第12號函辦理。") == []  # a unit's name, not a 字
    assert find_references("說明：請於校務系統(公務填報第5123號函)填報。") == []  # no agency before it


def test_an_undated_number_without_its_word_mark_in_chinese_numerals():
    text = "說明：依據省稅務局稅二字第八一三三四五六號函副本轉財政部臺財稅第八一0四五六一二三號函（如附件）辦理。"
    refs = find_references(text)
    assert [(r.issuer, r.text, r.dispatch_no.text) for r in refs] == [
        ("省稅務局", "省稅務局稅二字第八一三三四五六號函", "稅二字第8133456號"),
        ("財政部", "財政部臺財稅第八一0四五六一二三號函", "臺財稅第810456123號")]


def test_a_source_note_after_the_text_gives_the_issuer_and_date():
    text = ("主旨：有關汽車燃料使用費之徵收疑義一案，請查照。\n"
            "說明：依據財政部臺財稅第810456123號函辦理。(臺灣省交通處公路局81.05.20. )\n"
            "汽車燃料使用費，按各型車輛之汽缸總排氣量計徵之。")
    record = parse(text)
    assert record["issuer"] == "臺灣省交通處公路局"
    assert record["date"] == {"iso": "1992-05-20", "roc": "81年5月20日"}
    assert record["dispatch_no"] is None
    assert record["sections"][-1]["text"] == "依據財政部臺財稅第810456123號函辦理。"
    # a bracket naming the writer itself (本府) is no source note: the text goes on
    record = parse(text.replace("臺灣省交通處公路局", "本府"))
    assert record["issuer"] is None and "汽缸總排氣量" in record["sections"][-1]["text"]


def test_a_source_note_run_into_the_page_text_with_its_number():
    text = ("主旨：有關道路挖掘管理疑義一案，請查照。\n"
            "說明：復貴局81年3月2日函。(高雄市政府\n"
            "85.06.28. 高市建五字第12345號函)道路挖掘應先申請許可。")
    record = parse(text)
    assert record["issuer"] == "高雄市政府"
    assert record["date"]["iso"] == "1996-06-28"
    assert record["dispatch_no"]["text"] == "高市建五字第12345號"
    assert record["sections"][-1]["text"] == "復貴局81年3月2日函。"


def test_a_source_note_closing_an_item_with_items_after_it_cites_a_ruling():
    d = parse("主旨：有關里長選舉疑義一案，復如說明，請查照。\n說明：\n一、復貴府113年3月1日府民字第1130012345號函。\n"
              "二、按本部前已函釋在案。(內政部85.06.28.台內民字第8504567號函)\n三、本案請依上開函釋辦理。\n四、請轉知所屬。\n")
    assert (d["issuer"], d["date"], d["dispatch_no"]) == (None, None, None)
    assert [i["marker"] for i in d["sections"][0]["items"]] == ["一", "二", "三", "四"]
    assert [r["dispatch_no"]["text"] for r in d["references"]] == ["府民字第1130012345號", "台內民字第8504567號"]


def test_a_modern_ten_digit_number_keeps_its_own_year_after_a_word_opening_with_a_year():
    from pipeline.parse.dispatch import parse_dispatch_no
    assert (parse_dispatch_no("105教字第1120012345號").year, parse_dispatch_no("84台中特四字第1190656號").year) == (112, 84)


def test_a_certificates_number_given_as_a_labelled_value_is_no_citation():
    d = parse("主旨：公告本院評定消費者保護團體績效。\n依據：消費者保護法第二十八條。\n公告事項：\n"
              "一、團體名稱：財團法人中華民國消費者文教基金會。\n二、立案證書字號：台（六九）高字第二六九三八號函。\n"
              "三、依據本院103年5月1日院臺消字第1030123456號函辦理。\n")
    assert [r["dispatch_no"]["text"] for r in d["references"]] == ["院臺消字第1030123456號"]
