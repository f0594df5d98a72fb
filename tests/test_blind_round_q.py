"""Conventions found by blind round Q (tests/data/real, q- stems: central agencies' own 函釋 systems — 環境部's
行政函釋, 勞動部's 勞動法令查詢系統, 經濟部's 公司法解釋令, NCC's — and old letters as they reprint them, measured before
the parser knew them): a printout pads a two-character label to the width of a four-character one wherever it stands
(「容: 主    旨:」); 環境部's 行政函釋 system draws its field labels 主題 / 內容 with an icon for the first character
(「題:」, 「容:」) and prints 單位業務分類, 停止適用日期 and 相關法規 rows; a ruling compilation's article heading may leave
out 第 and 條 (「公司法241」); a law database prints the letter an 附件 names under it, that letter's 全文內容 included."""
from __future__ import annotations

from pipeline.parse.labels import mend_line_labels

from parse_text import parse

MOENV_PAGE = """行政函釋內容

_本系統行政函釋內容係函釋作成當時之公文原文,其內所引述法規之名稱及條次可能因法規嗣後異動而有所不同
題: 廢/停有關違反水污染防治法第32條未經核准將廢(污)水注入地下水體或排放於土壤者,農地的認定方式
發文機關: 行政院環境保護署
發文字號: 環署水字第0980031109號函
發文日期: 民國 98 年 04 月 17 日
停止適用日期: 民國 110 年 02 月 18 日
單位業務分類: 水質保護/水污染防治
容: 主    旨:有關違反水污染防治法第 32 條未經核准將廢(污)水注入地下水體或排
          放於土壤者,農地的認定方式,復如說明,請查照。
說    明:有關農地之認定請依據「農業發展條例」第 3  條第 10、11 款規定進行認定。
相關法規:
"""


def test_a_padded_two_character_label_after_other_text_stays_one_label():
    assert mend_line_labels("容: 主    旨:有關農地") == "容: 主旨:有關農地"
    assert mend_line_labels("說    明:一、依據") == "說明:一、依據"
    assert mend_line_labels("發文日期：113年    發文字號：府教字第1號") == "發文日期：113年\n發文字號：府教字第1號"  # columns


def test_the_moenv_ruling_systems_rows_and_icon_labels_enter_no_field():
    d = parse(MOENV_PAGE)
    assert (d["doc_type"], d["issuer"], d["complete"]) == ("函", "行政院環境保護署", True)
    assert d["date"]["iso"] == "2009-04-17" and d["dispatch_no"]["text"] == "環署水字第0980031109號"
    assert d["subject"] == "有關違反水污染防治法第32條未經核准將廢（污）水注入地下水體或排放於土壤者，農地的認定方式，復如說明，請查照。"
    assert d["sections"] == [{"name": "說明", "text": "有關農地之認定請依據「農業發展條例」第3條第10、11款規定進行認定。",
                              "items": []}]


def test_the_moenv_content_icon_before_full_text_opens_the_letters_text():
    d = parse(MOENV_PAGE.replace("容: 主    旨:有關違反", "容: 全文內容:一、有關違反").replace("說    明:有關", "二、有關"))
    assert (d["doc_type"], d["complete"], d["subject"]) == ("函", False, None)
    assert [s["name"] for s in d["sections"]] == ["本文"] and d["sections"][0]["text"] == ""
    assert [i["marker"] for i in d["sections"][0]["items"]] == ["一", "二"]
    assert d["sections"][0]["items"][1]["text"] == "有關農地之認定請依據「農業發展條例」第3條第10、11款規定進行認定。"


COMPILATION = """101年解釋令: 101.02 101.03

101年2月

公司法241

●所稱虧損係指累積虧損

一、查公司法第228條第1項規定,董事會應於營業年度終了編造會計表冊。
二、按本法第241條規定,公司無虧損者,得依股東會特別決議之方法發給新股或現金。

(101.2.13 經商字第10102004270號)
"""


def test_a_compilations_article_heading_without_jo_is_furniture():
    for heading in ("公司法241", "公司法26條、26條之1", "公司法第二三○條"):
        d = parse(COMPILATION.replace("公司法241", heading))
        assert d["sections"][0]["name"] == "本文" and d["sections"][0]["text"] == "", heading
        assert [i["marker"] for i in d["sections"][0]["items"]] == ["一", "二"]
        assert d["dispatch_no"]["text"] == "經商字第10102004270號" and d["date"]["iso"] == "2012-02-13"


REPRINTED_WITH_ITS_CITED_LETTER = """發文單位: 內政部
發文字號: (75)台內勞字第 416670 號函
發文日期: 民國 75 年 06 月 25 日
要  旨:
休息時間應否計入正常工作時間疑義
全文內容:一、勞動基準法第三十五條規定:勞工繼續工作四小時,至少應有三十分鐘之休息。
          二、原適用工廠法之事業單位,仍應依本部 65.03.01 台內勞字第六六八六七四號函辦理。

附    件:內政部  函
                                                中華民國 65 年 3  月 1  日
                                                台內勞字第 668674 號
全文內容:工廠法第八條明定成年工人實際工作時間以八小時為原則,中間休息不包
     括在內。
"""


def test_the_full_text_of_the_letter_an_attachment_names_is_the_attachments():
    d = parse(REPRINTED_WITH_ITS_CITED_LETTER)
    assert [s["name"] for s in d["sections"]] == ["本文"]
    assert [i["marker"] for i in d["sections"][0]["items"]] == ["一", "二"]
    assert [a["title"] for a in d["attachments"]] == ["內政部函"]
    assert d["dispatch_no"]["text"] == "(75)台內勞字第416670號" and d["date"]["iso"] == "1986-06-25"
    assert [(r["issuer"], r["dispatch_no"]["text"]) for r in d["references"]] == [("內政部", "台內勞字第668674號")]
    assert any(w.startswith("attachment text after the body kept in no field (4 line(s))") for w in d["warnings"])


MOF_RULING_PAGE = """財政部主管法規共用系統
現在位置:
法規內容
友善列印
法規內容
法規名稱:
空置之非住家用房屋一律按非住家非營業用稅率課徵
公發布日:
民國 75 年 11 月 26 日
發文字號:
台財稅第7575088號
法規體系:
財政部賦稅署
法規功能按鈕區
法規內容
條文檢索
空置房屋,其使用執照所載用途為非住家用(包括營業用與非營業用)者,自
75
年
7
月
1
日起一律按非住家非營業用稅率課徵房屋稅。
"""


def test_an_older_number_without_zi_under_its_label_is_read_as_written():
    d = parse(MOF_RULING_PAGE)
    assert d["dispatch_no"] == {"text": "台財稅第7575088號", "word": "台財稅", "number": "7575088", "year": 75,
                                "serial": "75088", "branch": None}
    assert d["date"]["iso"] == "1986-11-26"


def test_the_mof_systems_category_buttons_and_tabs_enter_no_field():
    d = parse(MOF_RULING_PAGE)
    assert (d["doc_type"], d["issuer"], d["complete"], d["subject"]) == (None, None, False, None)
    assert d["sections"] == [{"name": "本文", "text": "空置房屋，其使用執照所載用途為非住家用（包括營業用與非營業用）者，自75年7月1日"
                                                  "起一律按非住家非營業用稅率課徵房屋稅。", "items": []}]
