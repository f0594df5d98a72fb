"""Conventions found by blind round Y (tests/data/real, y- stems: 立法院公報's 質詢事項, an OCR'd 臺東縣政府 函, a PDF's
text extracted as one line, a 縣府公報 letter reprinted by a law database — measured before the parser knew them):
a gazette prints a letter under its agenda item, the 案由 (「(一)行政院函送…，請查照案。」) over the letter's own
citation in brackets (「(行政院函 中華民國105年9月30日院臺專字第1050092879號)」, a printing may lose its 「(」, a PDF's
reader may run it onto the 案由's line): the 案由 is the letter's 主旨, the citation its head, what follows its text; the
gazette's running header (「立法院公報 第110卷 第6期 院會紀錄」), its headings (「質詢事項」, 「甲、行政院答復部分」) and
立法院's forwarding number (「(立法院函 編號:9-2-2-174)」) enter no field."""
from __future__ import annotations

from parse_text import parse

GAZETTE_ANSWER = """立法院公報 第105卷 第30期 院會紀錄

質詢事項

甲、行政院答復部分

(一)行政院函送余委員宛如就推廣電子發票問題所提質詢之書面答復,請查照案。

(行政院函 中華民國105年4月8日院臺專字第1050016514號)

(立法院函 編號:9-1-7-185)

余委員就推廣電子發票問題所提質詢,經交據財政部查復如下:

一、持續辦理推廣活動,透過各種活動場合宣導持載具索取電子發票。

二、推動公用事業導入電子發票。
"""


def test_a_gazettes_agenda_item_is_the_subject_and_its_bracketed_citation_the_head():
    d = parse(GAZETTE_ANSWER)
    assert d["issuer"] == "行政院" and d["doc_type"] == "函"
    assert d["date"]["iso"] == "2016-04-08"
    assert d["dispatch_no"]["text"] == "院臺專字第1050016514號"
    assert d["subject"] == "行政院函送余委員宛如就推廣電子發票問題所提質詢之書面答復，請查照案。"
    assert d["complete"] is True
    [body] = d["sections"]
    assert body["name"] == "本文"
    assert body["text"] == "余委員就推廣電子發票問題所提質詢，經交據財政部查復如下："
    assert [i["text"] for i in body["items"]] == ["持續辦理推廣活動，透過各種活動場合宣導持載具索取電子發票。",
                                                 "推動公用事業導入電子發票。"]


def test_a_citation_that_lost_its_opening_bracket_or_runs_on_the_agenda_line_still_heads_the_letter():
    lost = GAZETTE_ANSWER.replace("(行政院函 中華", "行政院函 中華")
    joined = GAZETTE_ANSWER.replace("請查照案。\n\n(行政院函", "請查照案。(行政院函")
    for text in (lost, joined):
        d = parse(text)
        assert d["issuer"] == "行政院"
        assert d["dispatch_no"]["text"] == "院臺專字第1050016514號"
        assert d["subject"] == "行政院函送余委員宛如就推廣電子發票問題所提質詢之書面答復，請查照案。"
        assert d["sections"][0]["text"] == "余委員就推廣電子發票問題所提質詢，經交據財政部查復如下："


SCANNED_LETTER = """檔號:
-保存年限:
臺東縣政府函
.地址: 95001臺東市中山路276號
承辦人:王小明
:受文者:臺東縣消防局
:發文日期:中華民國115年9月29日
發文字號:府國資字第1150219578號
.速別:普通件
‧主旨:函轉數位發展部辦理115年「資料通識講座課程」,請依
業務需求自行報名參加,請查照。
:說明:
:一、依據數位發展部115年9月24日來函辦理。
正本:臺東縣各機關
"""


def test_stray_marks_ocr_reads_before_a_label_or_an_item_are_no_part_of_a_value():
    d = parse(SCANNED_LETTER)
    assert d["recipient"] == "臺東縣消防局"
    assert d["contact"]["name"] == "王小明"
    assert d["date"]["iso"] == "2026-09-29"
    assert d["subject"] == "函轉數位發展部辦理115年「資料通識講座課程」，請依業務需求自行報名參加，請查照。"
    assert d["sections"] == [{"name": "說明", "text": "", "items": [
        {"marker": "一", "number": 1, "text": "依據數位發展部115年9月24日來函辦理。", "children": []}]}]


ONE_LINE_PDF = ("檔號:7672保存年限:高雄市政府捷運工程局函地址:80203高雄市苓雅區四維三路2號10樓承辦單位:綜合規劃科80757承辦人:"
                "陳建宏高雄市三民區博愛一路28號7樓電話:07-3368333#3815傳真:07-3314366受文者:鼎漢國際工程顧問股份有限公司"
                "發文日期:中華民國112年11月17日發文字號:高市捷綜字第11232085500號速別:普通件主旨:檢送審查會議紀錄乙份,請查照。")


def test_the_recipients_postcode_and_address_run_onto_the_contact_fields_are_no_part_of_them():
    d = parse(ONE_LINE_PDF)
    assert d["contact"]["name"] == "陳建宏"
    assert d["contact"]["unit"] == "綜合規劃科"
    assert d["contact"]["phone"] == "07-3368333#3815"
    assert d["recipient"] == "鼎漢國際工程顧問股份有限公司"


def test_a_binding_line_glyph_glued_between_a_value_and_the_next_label_is_no_part_of_the_value():
    d = parse(ONE_LINE_PDF.replace("速別:普通件主旨:", "速別:普通件附件:審查會議紀錄裝主旨:"))
    assert [a["title"] for a in d["attachments"]] == ["審查會議紀錄"]
    assert d["subject"] == "檢送審查會議紀錄乙份，請查照。"


PASSED_ON_ANSWER = """(七十一)行政院函送孫委員就連續假期疏運問題所提質詢之書面答復,請查照案。

(行政院函 中華民國104年12月22日院臺專字第1040069440號)

孫委員所提質詢,經交據交通部查復如下:

一、本部已於104年10月30日函請各疏運單位事先擬妥疏運計畫。
"""


def test_in_an_answer_a_letter_passes_on_本部_is_the_answering_agency():
    d = parse(PASSED_ON_ANSWER)
    [ref] = d["references"]
    assert ref["issuer"] == "交通部" and ref["issuer_from"] == "本部"
    assert ref["date"]["iso"] == "2015-10-30"


def test_a_gazette_numbered_by_issue_gives_its_masthead_and_contents_to_no_field():
    # 總統府公報: its name over 「第7635號」 on the cover and every page, wavy rules, 目次 with dotted leaders
    d = parse("﹏﹏﹏﹏﹏﹏總統府公報\n第7635號\n中華民國111年12月21日（星期三）\n﹏﹏﹏﹏﹏﹏目 次\n"
              "增訂並修正促進民間參與公共建設法條文··················2\n一、總統活動紀要·························12\n"
              "總統府公報\n第7635號\n總統令\n中華民國111年12月21日\n華總一經字第11100107761號\n"
              "茲增訂促進民間參與公共建設法第九條之一條文，公布之。\n總 統 蔡英文\n")
    assert (d["doc_type"], d["issuer"], d["dispatch_no"]["text"]) == ("令", "總統", "華總一經字第11100107761號")
    assert d["signature"] == "總統 蔡英文"
    assert "公報" not in d["subject"] and "··" not in d["subject"]


def test_leaders_of_an_expense_list_and_a_bare_number_line_stay_text():
    # review: a 簽's expense list with ellipsis leaders, and a line that is only 「第12號」, are the letter's
    d = parse("某校 簽\n主旨：辦理研習。\n說明：\n一、經費如下：\n(一)講師鐘點費……………2000\n(二)印刷費………………1500\n"
              "二、場地為\n第12號\n教室。\n擬辦：奉核後辦理。\n")
    items = d["sections"][0]["items"]
    assert [c["text"] for c in items[0]["children"]] == ["講師鐘點費……………2000", "印刷費………………1500"]
    assert items[1]["text"] == "場地為第12號教室。"
