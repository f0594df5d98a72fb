"""A web database's printout of a letter names the issuer and the 文別 by label (發文單位 / 發文機關, 函類別, a
發文字號 ending in 號函); a document with none of these may name its 文別 by the words it calls itself (本令)."""
from __future__ import annotations

from pipeline.blocks import Document
from pipeline.parse.document import document_to_record
from pipeline.parse.printout_labels import labelled_issuer, labelled_type, self_named_type
from pipeline.read.text import text_to_blocks
from pipeline.records import to_dict


def parse(text: str) -> dict:
    """Given a document's text, return its record as a dict."""
    return to_dict(document_to_record(Document(blocks=text_to_blocks(text), path="input.txt")))


RULING_PRINTOUT = """行政函釋
發文單位: 經濟部
發文字號: 經商字第 10402412340 號
發文日期: 民國 104 年 03 月 02 日
主    旨:有關公司法第一百七十七條之一規定疑義乙案,復如說明,請  查照。
說    明:一、復  貴公司一百零四年二月十日函。
          二、按股東會以視訊會議為之者,應依公司章程規定辦理。
"""


def test_ruling_printout_gives_issuer_from_its_label():
    d = parse(RULING_PRINTOUT)
    assert d["issuer"] == "經濟部"
    assert (d["date"]["iso"], d["dispatch_no"]["text"]) == ("2015-03-02", "經商字第10402412340號")
    assert d["doc_type"] is None  # no 文別 written: left empty, judged as a 函
    assert d["complete"] is True


def test_issuer_label_on_the_line_after_and_mid_line():
    assert parse(RULING_PRINTOUT.replace("發文單位: 經濟部", "發文單位:\n經濟部"))["issuer"] == "經濟部"
    text = "  • 公司之董事會應在國內舉行 發文機關:經濟部\n發文字號:經商字第10402412340號\n發文日期:民國104年3月2日\n"
    assert parse(text)["issuer"] == "經濟部"


def test_type_label_names_the_type():
    d = parse("發文機關:衛生福利部\n函類別:公告\n發文日期:中華民國106年10月12日\n發文字號:衛授食字第1061301241號\n"
              "主旨:預告修正「食品添加物使用範圍及限量暨規格標準」草案。\n")
    assert (d["issuer"], d["doc_type"], d["complete"]) == ("衛生福利部", "公告", True)


def test_number_ending_in_its_type():
    d = parse("發文單位: 內政部\n發文字號: (76)台內勞字第 512345 號函\n發文日期: 民國 76 年 06 月 01 日\n"
              "全文內容:事業單位之僱用人員均屬純勞工身分,復請查照。\n")
    assert (d["issuer"], d["doc_type"]) == ("內政部", "函")
    assert d["dispatch_no"]["text"] == "(76)台內勞字第512345號"


def test_labelled_values():
    assert labelled_issuer({"issuer": "行政院勞工委員會\n"}) == "行政院勞工委員會"
    assert labelled_issuer({"issuer": "請見附件 http://x"}) is None
    assert labelled_type({"type_label": "令"}) == "令"
    assert labelled_type({"type_label": "其他"}) is None
    assert labelled_type({"dispatch_no": "勞動1字第0980130937號公告"}) == "公告"
    assert labelled_type({"dispatch_no": "勞動1字第0980130937號"}) is None


def test_order_named_by_its_own_words():
    d = parse("一、依據證券交易法第二十二條第一項規定辦理。\n二、本令自即日生效;本會一百零二年三月一日金管證發字第"
              "一○二○○○一二三四號令,自即日廢止。\n")
    assert d["doc_type"] == "令"
    assert d["subject"].startswith("一、依據證券交易法第二十二條第一項規定辦理。")
    assert "文別 read from the words the text names itself by: 令" in d["warnings"]


def test_self_words_of_two_types_name_none():
    assert self_named_type("本令自即日生效。對於本公告內容有意見者") is None
    assert self_named_type("對於本公告內容有意見者,請於六十日內陳述。") == "公告"
    assert self_named_type("本府令知各校辦理。") is None
