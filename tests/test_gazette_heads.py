"""Heads of 令 and 公告 as gazettes and agencies' sites print them: a title line over a date-and-number line, 大寫
numerals in a formal date, brackets of vertical text, a Gregorian date under its label."""
from __future__ import annotations

from pipeline.parse.dates import parse_roc_date
from pipeline.parse.dispatch import parse_dispatch_no
from pipeline.parse.header_shapes import citation_header

from parse_text import parse


def test_order_amending_rules_is_a_letter_not_a_plan():
    d = parse("勞動部令\n中華民國113年3月1日勞動條3字第1130140123號\n"
              "修正「勞動部勞工權益基金補助作業要點」第三點,並自即日生效。\n"
              "附修正「勞動部勞工權益基金補助作業要點」第三點\n部 長 許銘春\n"
              "勞動部勞工權益基金補助作業要點第三點修正規定\n三、補助對象如下:\n(一)勞工。\n")
    assert d["schema"].startswith("gongwen/letter")
    assert (d["issuer"], d["doc_type"], d["date"]["iso"]) == ("勞動部", "令", "2024-03-01")
    assert (d["dispatch_no"]["text"], d["dispatch_no"]["word"]) == ("勞動條3字第1130140123號", "勞動條3")
    assert d["complete"] is True


def test_date_and_number_line_of_a_notice():
    head = citation_header("中華民國113年9月10日農林業字第1132401229號")
    assert (head.issuer, head.date.iso, head.dispatch_no.text) == (None, "2024-09-10", "農林業字第1132401229號")


def test_word_keeps_its_agency_abbreviation():
    head = citation_header("中華民國114年6月27日環部管字第1147113537號")
    assert (head.issuer, head.dispatch_no.word) == (None, "環部管")


def test_formal_date_in_capital_numerals():
    assert parse_roc_date("中華民國玖拾壹年陸月貳拾捌日").iso == "2002-06-28"
    assert parse_roc_date("中華民國壹佰零貳年拾月參日").iso == "2013-10-03"


def test_vertical_brackets_around_the_year_in_the_word():
    d = parse_dispatch_no("︵九一︶院台大二字第一七○七六號")
    assert (d.text, d.word, d.year) == ("(91)院台大二字第17076號", "(91)院台大二", 91)


def test_gregorian_date_under_its_label_is_the_date():
    d = parse("發文日期:2024/1/5\n發文字號:雲交工地字第1130800004A號\n主旨:舉辦道路拓寬工程第三次公聽會。\n")
    assert d["date"] == {"iso": "2024-01-05", "roc": "113年1月5日"}
    assert not any("stamp" in w for w in d["warnings"])


def test_labelled_values_whose_units_a_web_font_lost():
    d = parse("發文日期:中華民國113315\n發文字號:衛授食字第1131301234\n主旨:預告修正「食品添加物使用範圍及限量」草案\n")
    assert d["date"] == {"iso": "2024-03-15", "roc": "113年3月15日"}
    assert (d["dispatch_no"]["text"], d["dispatch_no"]["year"]) == ("衛授食字第1131301234號", 113)


def test_date_with_lost_units_reads_one_way_or_none():
    from pipeline.parse.dates import lost_units_date
    assert lost_units_date("中華民國 94 2 18").iso == "2005-02-18"
    assert lost_units_date("中華民國113222").iso == "2024-02-22"
    assert lost_units_date("中華民國1130305").iso == "2024-03-05"
    assert lost_units_date("中華民國10112") is None  # 101年1月12日 or 101年11月2日
    assert lost_units_date("中華民國113年2月22日") is None  # units kept: an ordinary date


def test_head_run_into_a_line_among_a_page_s_marks():
    d = parse("本文章最後由user01於2012-5-2 10:06編輯\n"
              "0 T6 t4 z$ ^6 Y% s交通部令中華民國101年4月30日交路字第1010012345號2 P) D# Z9 r\n"
              "修正「汽車運輸業管理規則」第三條,自即日生效。4 t; f# @6\n")
    assert (d["issuer"], d["doc_type"], d["date"]["iso"]) == ("交通部", "令", "2012-04-30")
    assert d["dispatch_no"]["text"] == "交路字第1010012345號"


def test_gazette_head_with_lost_date_units_in_a_run_together_page():
    d = parse("總統府公報 第7001號 1壹、總統令任免官員……1 ﹏﹏﹏ 總統令中華民國95 7 3任命王○○為內政部常務次長。"
              "總統陳水扁行政院院長蘇貞昌\n")
    assert (d["issuer"], d["doc_type"], d["date"]["iso"], d["dispatch_no"]) == ("總統", "令", "2006-07-03", None)
