"""Header fields recognised by their shape on unlabelled lines: dates, 發文字號, citation-form headers."""
from __future__ import annotations

import pytest

from pipeline.blocks import PARAGRAPH, Block
from pipeline.parse.header_shapes import citation_header, contact_line, shapes_in_lines
from pipeline.parse.letter import blocks_to_letter

# (line, issuer, 文別, ISO date, 發文字號 text)
CITATION_HEADERS = [
    ("107年2月9日衛授食字第1071300456號", None, None, "2018-02-09", "衛授食字第1071300456號"),
    ("111年8月3日交路字第1110019876號函", None, "函", "2022-08-03", "交路字第1110019876號"),
    ("行政院公共工程委員會 106.09.21 工程企字第10600299220號函", "行政院公共工程委員會", "函", "2017-09-21",
     "工程企字第10600299220號"),
    ("內政部108年8月8日內授消字第1080822222號令", "內政部", "令", "2019-08-08", "內授消字第1080822222號"),
    ("108年8月8日內政部內授消字第1080822222號函", "內政部", "函", "2019-08-08", "內授消字第1080822222號"),
    ("財政部 102/01/08 台財稅字第10100712340號函", "財政部", "函", "2013-01-08", "台財稅字第10100712340號"),
    # a compilation prints a ruling's own citation after its text, in brackets, in Chinese numerals
    ("（交通部八十八年三月五日交路（八八）字第○一二三四五號函）", "交通部", "函", "1999-03-05", "交路(88)字第012345號"),
    ("(經濟部九十一年五月二日經(九一)商字第○九一○二○八七六五○號令)", "經濟部", "令", "2002-05-02",
     "經(91)商字第09102087650號"),
    # the 文別 after the issuer, a dot after the day
    ("行政院衛生署函 79.04.12.衛署藥字第861234號", "行政院衛生署", "函", "1990-04-12", "衛署藥字第861234號"),
    # older numbers without 字; a slash date
    ("財政部74/03/08台財稅第12345號函", "財政部", "函", "1985-03-08", "台財稅第12345號"),
    ("臺灣省政府教育廳60/09/01教五第67890號令", "臺灣省政府教育廳", "令", "1971-09-01", "教五第67890號"),
    # as a site lists rulings: the subject in brackets after the citation, a space before 字
    ("交通部航港局107.08.08.航舶字第1070061234號函(小船管理規則第五條之疑義)", "交通部航港局", "函", "2018-08-08",
     "航舶字第1070061234號"),
    ("交通部106.11.23.交航(一) 字第10698001234號(修正「臺中港航道圖」)", "交通部", None, "2017-11-23",
     "交航(一)字第10698001234號"),
    ("（內政部八十七年十月十四日台八七內營字第八七一二三四五號函釋）", "內政部", "函", "1998-10-14",
     "台八七內營字第8712345號"),
    # a typist's 0 among Chinese digits
    ("內政部營建署93.5.20營署綜字第0九三00三二一四五號函", "內政部營建署", "函", "2004-05-20", "營署綜字第0930032145號"),
]


@pytest.mark.parametrize("line, issuer, kind, iso, number", CITATION_HEADERS,
                         ids=[f"cite{i}" for i in range(len(CITATION_HEADERS))])
def test_citation_header(line, issuer, kind, iso, number):
    head = citation_header(line)
    assert (head.issuer, head.doc_type, head.date.iso, head.dispatch_no.text) == (issuer, kind, iso, number)


NOT_HEADERS = [
    "依據法務部廉政署108年10月14日廉政字第10807018360號函辦理。",  # a citation inside a sentence
    "復貴府106年8月1日府採字第1060012345號函。",
    "107年2月30日衛授食字第1071300456號",  # no such day
    "主旨：請查照。",
    "（依據財政部74/03/08台財稅第12345號函辦理）",  # a citation in a sentence, in brackets
    "第三條第12345號",
]


@pytest.mark.parametrize("line", NOT_HEADERS, ids=[f"plain{i}" for i in range(len(NOT_HEADERS))])
def test_not_a_citation_header(line):
    assert citation_header(line) is None


def test_a_citation_header_run_into_the_first_line_of_text_keeps_the_text():
    found, rest = shapes_in_lines("行政解釋\n交通部觀光局花東縱谷國家風景區管理處 112.05.05. 觀谷管字第 11203001642 號公告"
                                  "公告「某禁止事項」施行區域24處，並自即日生效")
    assert (found.issuer, found.doc_type, found.date.iso, found.dispatch_no.text) == (
        "交通部觀光局花東縱谷國家風景區管理處", "公告", "2023-05-05", "觀谷管字第11203001642號")
    assert rest == "行政解釋\n公告「某禁止事項」施行區域24處，並自即日生效"
    cited, _ = shapes_in_lines("轉知教育部112年1月5日臺教授國字第1120001234號函有關事項")
    assert cited.dispatch_no is None  # a sentence about another letter, not the document's own head


def test_bare_date_and_number_lines_are_taken_out():
    found, rest = shapes_in_lines("經濟部公告\n中華民國97年3月4日\n經商字第09702412340號")
    assert (found.date.iso, found.dispatch_no.text, found.dispatch_no.year) == ("2008-03-04", "經商字第09702412340號", 97)
    assert rest == "經濟部公告"


def test_chinese_numeral_date_and_number_lines():
    found, rest = shapes_in_lines("教育部 函\n一○二年一月八日\n臺教字第一○二○○一二三四五一號")
    assert (found.date.iso, found.dispatch_no.text, found.dispatch_no.number) == (
        "2013-01-08", "臺教字第10200123451號", "10200123451")
    assert rest == "教育部 函"


def test_relaying_bulletin_slash_date_and_contact_line():
    found, rest = shapes_in_lines("學務處\n103/5/6\n聯絡人：王小明 (02)2345-6789#123")
    assert (found.date.iso, found.date.roc) == ("2014-05-06", "103年5月6日")
    assert (found.contact_name, found.phone) == ("王小明", "(02)2345-6789#123")
    assert rest == "學務處"


def test_contact_line_forms():
    assert contact_line("陳○○ 03-8222944") == ("陳○○", "03-8222944")
    assert contact_line("8222944") == (None, "8222944")
    assert contact_line("1080251637") is None  # a number, not a phone
    assert contact_line("主旨：請查照。") is None


def test_first_date_wins_and_later_dates_stay():
    found, rest = shapes_in_lines("中華民國97年3月4日\n97年3月5日")
    assert found.date.iso == "2008-03-04" and rest == "97年3月5日"


def letter(lines: list[str]):
    """Given lines of a letter, return its parsed record."""
    return blocks_to_letter([Block(PARAGRAPH, line) for line in lines])


def test_bulletin_header_without_labels_fills_the_letter():
    record = letter(["經濟部公告", "中華民國97年3月4日", "經商字第09702412340號",
                     "主旨：公告「公司登記規費收費準則」修正草案。", "依據：公司法第438條。"])
    assert (record.issuer, record.doc_type, record.date.iso, record.dispatch_no.text) == (
        "經濟部", "公告", "2008-03-04", "經商字第09702412340號")
    assert record.complete and record.references == []


def test_citation_headed_interpretation_is_the_letter_itself():
    record = letter(["行政院公共工程委員會 106.09.21 工程企字第10600299220號函",
                     "主旨：有關政府採購法第22條適用疑義，復如說明，請查照。",
                     "說明：", "一、復貴府106年8月1日府採字第1060012345號函。"])
    assert (record.issuer, record.doc_type, record.date.iso, record.dispatch_no.number) == (
        "行政院公共工程委員會", "函", "2017-09-21", "10600299220")
    assert [r.dispatch_no.text for r in record.references] == ["府採字第1060012345號"]  # only the cited one
    assert record.complete


def test_citation_header_without_issuer_gives_a_partial_letter():
    record = letter(["111年8月3日交路字第1110019876號函", "主旨：有關汽車運輸業管理規則適用疑義一案，請查照。"])
    assert (record.doc_type, record.date.iso, record.dispatch_no.text) == ("函", "2022-08-03", "交路字第1110019876號")
    assert record.issuer is None and record.complete is False


def test_labelled_date_wins_over_a_bare_line():
    record = letter(["花蓮縣政府 函", "發文日期：中華民國108年11月12日", "發文字號：府政行字第1080251637號",
                     "主旨：請查照。"])
    assert (record.date.iso, record.dispatch_no.text) == ("2019-11-12", "府政行字第1080251637號")


def test_bare_lines_after_a_labelled_contact_block():
    record = letter(["花蓮縣政府 函", "地址：97001花蓮縣花蓮市府前路17號", "承辦人：許明浩", "電話：03-8222944",
                     "中華民國108年11月12日", "府政行字第1080251637號", "主旨：請查照。"])
    assert (record.date.iso, record.dispatch_no.text, record.contact.phone) == (
        "2019-11-12", "府政行字第1080251637號", "03-8222944")


def test_citation_under_a_database_label():
    found, rest = shapes_in_lines("【函號】：\n財政部74/03/08台財稅第12345號函\n【法條】：\n所得稅法第4條")
    assert (found.issuer, found.doc_type, found.date.iso, found.dispatch_no.text) == (
        "財政部", "函", "1985-03-08", "台財稅第12345號")
    assert rest == "【法條】：\n所得稅法第4條"
    found, rest = shapes_in_lines("解釋函\n公布日期文號內政部77年6月1日台內地字第601234號函")
    assert (found.issuer, found.date.iso, found.dispatch_no.text) == ("內政部", "1988-06-01", "台內地字第601234號")
    assert rest == "解釋函"


def test_gregorian_date_line_is_a_posting_date():
    found, rest = shapes_in_lines("2015-03-02\n函轉內政部有關建築法第七十七條之二解釋令。")
    assert found.date is None and found.posted == "2015-03-02"
    assert rest == "函轉內政部有關建築法第七十七條之二解釋令。"


def test_compilation_heading_before_the_subject():
    found, rest = shapes_in_lines("經濟部水利署（函）（河川區域與都市計畫競合）中華民國95年3月8日經水河字第09553012340號")
    assert (found.issuer, found.doc_type, found.date.iso, found.dispatch_no.text) == (
        "經濟部水利署", "函", "2006-03-08", "經水河字第09553012340號")
    assert rest == ""
    # after a page's running title: the issuer is not told apart from it, the rest still counts; a number left blank
    found, rest = shapes_in_lines("12土地使用管制相關函釋內政部（函）（容積競合）中華民國90年1月5日台90內營字第號")
    assert (found.issuer, found.doc_type, found.date.iso, found.dispatch_no) == (None, "函", "2001-01-05", None)
    assert rest == "12土地使用管制相關函釋內政部台90內營字第號"


def test_a_line_citing_another_letter_is_no_head():
    assert citation_header("轉知教育部113年3月1日臺教學(二)字第1130023456號函") is None
    assert citation_header("復貴府113年3月1日府教字第1130023456號函") is None
    assert citation_header("經濟部113年3月1日經商字第11302012340號函").issuer == "經濟部"
    found, rest = shapes_in_lines("1. 依據內政部令中華民國100年4月15日台內營字第1000802323號辦理。")
    assert (found.issuer, found.date) == (None, None)
