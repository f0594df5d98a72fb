"""Citation conventions found by session 20's blind round wave 16 (tests/data/real: q1-, q5- stems). Each input below
is written in the shape those pages have, not copied from them."""
from __future__ import annotations

from parse_text import parse


def test_a_citation_joined_after_an_authorized_one_takes_its_issuer():
    # 臺教授國部: 教育部 authorizing 國教署 (授權發文), so the 字 is 教育部's, as the joined 臺教文(三) is
    text = ("臺南市政府教育局 函\n發文日期：中華民國114年3月3日\n發文字號：南市教小字第1140301234號\n"
            "主旨：轉知教育部有關兩岸交流活動登錄事宜，請查照。\n"
            "說明：\n一、依據教育部114年2月10日臺教授國部字第1140012345A號函、113年10月8日臺教文（三）字第1130098765A號函"
            "暨教育部國民及學前教育署114年1月5日臺教國署原字第1140001234A號函辦理。\n二、請依規定辦理。\n")
    refs = parse(text)["references"]
    assert [(r["issuer"], r["dispatch_no"]["word"]) for r in refs] == [
        ("教育部", "臺教授國部"), ("教育部", "臺教文(三)"), ("教育部國民及學前教育署", "臺教國署原")]
    # the parent's 字 after a subordinate agency's (no 授 in it) still names no issuer
    text = ("主旨：請查照。\n說明：依據教育部國民及學前教育署114年1月5日臺教國署學字第1140001234號函及"
            "113年9月2日臺教學（五）字第1130087654號令辦理。\n")
    assert [r["issuer"] for r in parse(text)["references"]] == ["教育部國民及學前教育署", None]


def test_an_associations_short_name_and_office_code_are_one_word():
    # 台區電工會南: a trade association's short name (會 after the abbreviation 電工) and its office's code, no full name
    text = ("轉知經濟部有關工程材料漲價因應措施\n發文日期 2009-03-10\n發文字號 台區電工會南字第 98123 號\n"
            "主旨:\n轉知經濟部有關工程材料漲價因應措施,請知照。\n說明:\n"
            "一、依本會98年3月2日台區電工會北字第98100號函辦理。\n")
    record = parse(text)
    assert record["issuer"] is None
    assert record["dispatch_no"]["word"] == "台區電工會南"
    assert record["complete"] is False
    ref = record["references"][0]
    assert (ref["issuer"], ref["issuer_from"]) == (None, "本會")


def test_a_full_name_ending_in_a_bodys_kind_is_still_split_off_its_word():
    text = "主旨：請查照。\n說明：依據臺北市電器商業同業公會北電字第1130012號函辦理。\n"
    ref = parse(text)["references"][0]
    assert (ref["issuer"], ref["dispatch_no"]["word"]) == ("臺北市電器商業同業公會", "北電")
    undated = parse("主旨：請查照。\n說明：依據台區電工會南字第98123號函辦理。\n")["references"][0]
    assert (undated["issuer"], undated["dispatch_no"]["word"]) == (None, "台區電工會南")


def test_a_dated_number_followed_by_a_verb_of_publishing_is_a_kindless_citation():
    from pipeline.parse.references import find_references
    refs = find_references("一、依據行政院105年11月14日院授主預督字第1050102642A號公布。")
    assert [(r.text, r.kind, r.date.iso, r.dispatch_no.text) for r in refs] == [
        ("行政院105年11月14日院授主預督字第1050102642A號", None, "2016-11-14", "院授主預督字第1050102642A號")]
