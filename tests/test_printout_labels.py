"""A web database's printout of a letter names the issuer and the 文別 by label (發文單位 / 發文機關, 函類別, a
發文字號 ending in 號函); a document with none of these may name its 文別 by the words it calls itself (本令)."""
from __future__ import annotations

from pipeline.parse.printout_labels import labelled_issuer, labelled_type, self_named_type

from parse_text import parse


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
    assert "文別 read from the words the text names itself by (or its form): 令" in d["warnings"]


def test_self_words_of_two_types_name_none():
    assert self_named_type("本令自即日生效。對於本公告內容有意見者") is None
    assert self_named_type("對於本公告內容有意見者,請於六十日內陳述。") == "公告"
    assert self_named_type("本府令知各校辦理。") is None


def test_compilation_ruling_with_its_own_citation_after_the_text():
    text = ("公司法第128條\n●發起人得為法人\n按公司法第一百二十八條規定,政府或法人均得為發起人。本部八十年三月二日商"
            "二三四五六號函釋與此不符部分,不再援用。\n(經濟部九十一年五月二日經(九一)商字第○九一○二○八七六五○號函)\n")
    d = parse(text + text.split("\n", 2)[2])  # the page prints the ruling twice
    assert (d["issuer"], d["doc_type"], d["date"]["iso"]) == ("經濟部", "函", "2002-05-02")
    assert (d["dispatch_no"]["text"], d["dispatch_no"]["year"]) == ("經(91)商字第09102087650號", 91)
    # the letter itself is no reference; the ruling it sets aside (an old number without 字) is one
    assert [(r["text"], r["issuer"], r["dispatch_no"]["text"]) for r in d["references"]] == [
        ("本部八十年三月二日商二三四五六號函", "經濟部", "商23456號")]
    assert d["complete"] is False  # no 主旨: the text kept as 本文


def test_citation_line_between_text_and_explanation():
    d = parse("關於建築物外牆之認定疑義乙案,復請查照。\n行政院衛生署函 79.04.12.衛署藥字第861234號\n"
              "說明:復貴局79.03.30.(79)北市衛字第12345號函。\n")
    assert (d["issuer"], d["doc_type"], d["date"]["iso"], d["dispatch_no"]["text"]) == (
        "行政院衛生署", "函", "1990-04-12", "衛署藥字第861234號")
    assert [r["dispatch_no"]["text"] for r in d["references"]] == ["(79)北市衛字第12345號"]


def test_order_under_a_database_citation_label():
    d = parse("【函號】:\n臺灣省政府教育廳60/09/01教五第67890號令\n【內容】:\n各級學校教職員之進修,應依規定辦理。\n")
    assert (d["issuer"], d["doc_type"], d["date"]["iso"]) == ("臺灣省政府教育廳", "令", "1971-09-01")
    assert (d["dispatch_no"]["text"], d["dispatch_no"]["word"]) == ("教五第67890號", "教五")
    assert d["complete"] is True


def test_labels_in_a_database_s_brackets():
    d = parse("【發文單位】:財政部\n【發文字號】:台財稅字第10200012340號\n【發文日期】:民國102年01月08日\n"
              "【主旨】:營利事業出售土地之所得免納所得稅,請查照。\n【說明】:依據所得稅法第四條規定辦理。\n")
    assert (d["issuer"], d["date"]["iso"], d["dispatch_no"]["text"]) == ("財政部", "2013-01-08", "台財稅字第10200012340號")
    assert d["subject"] == "營利事業出售土地之所得免納所得稅，請查照。"
    assert [(s["name"], s["text"]) for s in d["sections"]] == [("說明", "依據所得稅法第四條規定辦理。")]


def test_number_label_holding_the_whole_citation_names_the_issuer():
    d = parse("發文字號:\n法務部 99.04.07 法律字第0999001234號書函\n發文日期:\n民國 99 年 04 月 07 日\n"
              "主 旨:關於民眾申請閱卷之法制疑義乙案,本部意見如說明,請 查照參考。\n說 明:復貴局99年2月5日函。\n")
    assert (d["issuer"], d["doc_type"], d["date"]["iso"]) == ("法務部", "書函", "2010-04-07")
    assert d["dispatch_no"]["text"] == "法律字第0999001234號"


def test_a_site_s_menu_heading_is_no_title_line():
    d = parse("臺北市立○○國民中學\n處室公告\n重申公務用資通訊產品不得使用大陸廠牌\n"
              "一、依市府112年8月17日府授資安字第11201338252號函辦理。\n")
    assert (d["issuer"], d["doc_type"]) == (None, None)
