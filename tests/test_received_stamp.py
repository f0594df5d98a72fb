"""The receiving side's 收文 stamp becomes the record's `received` and never stays in another field."""
from __future__ import annotations

import pytest

from pipeline.parse.letter import blocks_to_letter
from pipeline.read.text import read_text

HEAD = """臺北市政府 函
受文者：教育部
發文日期：中華民國113年3月28日
發文字號：府教字第1130001234號
主旨：請查照。
正本：教育部
"""


def parsed(tail: str):
    return blocks_to_letter(read_text((HEAD + tail).encode("utf-8"), "letter.txt").blocks)


@pytest.mark.parametrize("tail", [
    "副本：臺北市政府教育局、本府秘書處 收文號：1130004567 收文日期：113/04/02\n",  # glued to the last 副本 entry
    "副本：臺北市政府教育局、本府秘書處\n收文日期：113.04.02\n收文號：1130004567\n",  # at the foot, other order
    "副本：臺北市政府教育局、本府秘書處\n教育部 收文號:1130004567 收文日期:113年4月2日\n",  # with the unit's name
    "副本：臺北市政府教育局、本府秘書處\n1130004567 收文日期:113/04/02\n",  # the number without its label (a barcode's)
])
def test_the_stamp_becomes_received_and_leaves_the_copies_whole(tail):
    letter = parsed(tail)
    assert letter.received.number == "1130004567"
    assert (letter.received.date.iso, letter.received.date.roc) == ("2024-04-02", "113年4月2日")
    assert [a.name for a in letter.cc_copy] == ["臺北市政府教育局", "本府秘書處"]


def test_no_stamp_no_received():
    assert parsed("副本：臺北市政府教育局\n").received is None


def test_a_stamp_glued_to_a_line_of_the_letter_leaves_that_line():
    # the PDF's row ran the stamp onto an item or onto the 署名: the line is the letter's, not the unit's name
    text = ("臺北市政府 函\n受文者：教育部\n發文日期：中華民國113年3月28日\n發文字號：府教字第1130001234號\n主旨：請查照。\n"
            "說明：\n一、依據本府規定辦理。\n二、檢附圖片1份。 收文號：1130004567 收文日期：113/04/02\n市長蔣萬安 收文號：1130004567\n")
    letter = blocks_to_letter(read_text(text.encode("utf-8"), "letter.txt").blocks)
    assert [i.text for i in letter.sections[0].items] == ["依據本府規定辦理。", "檢附圖片1份。"]
    assert letter.signature == "市長 蔣萬安" and letter.received.number == "1130004567"


def test_a_receiving_systems_label_of_number_and_date_alone_is_the_stamp():
    # the receiving unit's name over its 收文號 and 收文日期 without words, at a page's foot inside an item that goes
    # on over the page (内政部 to 財政部, its barcode label's digits): the number opens with the date's 民國 year
    text = ("內政部 函\n受文者：財政部\n發文日期：中華民國112年10月6日\n發文字號：台內宗字第1120137077號\n主旨：請查照。\n"
            "說明：\n一、依據規定辦理。\n二、得由私法人與主辦\n財政部\n1120067393 112.10.06\n\f機關簽訂投資契約。\n正本：財政部\n")
    letter = blocks_to_letter(read_text(text.encode("utf-8"), "letter.txt").blocks)
    assert (letter.received.number, letter.received.date.iso) == ("1120067393", "2023-10-06")
    assert letter.sections[0].items[1].text == "得由私法人與主辦機關簽訂投資契約。"
    copy = text.replace("正本：財政部\n", "正本：財政部\n副本：本府民政局、\n臺南市立安平國民中學\n1120067399 112.10.07\n")
    letter = blocks_to_letter(read_text(copy.encode("utf-8"), "letter.txt").blocks)  # a 副本 entry over it is no unit's
    assert [a.name for a in letter.cc_copy] == ["本府民政局", "臺南市立安平國民中學"]
    other_year = text.replace("1120067393 112.10.06", "1120067393 111.10.06")  # not a 收文 label: text
    assert blocks_to_letter(read_text(other_year.encode("utf-8"), "letter.txt").blocks).received is None


def test_a_school_stamp_drawn_in_a_box_an_exchange_stamp_and_a_decision_note_leave_the_copies_whole():
    # 彰化縣政府 to its schools as one received it: the exchange stamp's date glued to the last 副本 entry and its time
    # on the next line, the 決行 note, the school's stamp drawn with ■ between its characters, its number under it
    text = ("彰化縣政府 函\n受文者：本縣各國民小學\n發文日期：中華民國107年7月10日\n發文字號：府計資字第1070230045B號\n"
            "附件：調查表(共2個電子檔)(0230045BA0C_ATTCH6.odt、0230045BA0C_ATTCH9.odt)\n主旨：請填復，請查照。\n"
            "正本：本縣各國民小學\n副本：本府計畫處2018-07-10\n14:56:57\n本案依分層負責規定授權主管處長決行\n"
            "■人■事■室■■■ ■收■文:■10■7/■07■/1■1\n1070002402 ■有■附■件■■■■\n")
    letter = blocks_to_letter(read_text(text.encode("utf-8"), "letter.txt").blocks)
    assert [a.name for a in letter.cc_copy] == ["本府計畫處"]
    assert (letter.received.number, letter.received.date.iso) == ("1070002402", "2018-07-11")
    assert [(a.title, a.file) for a in letter.attachments] == [("調查表", "0230045BA0C_ATTCH6.odt"),
                                                               (None, "0230045BA0C_ATTCH9.odt")]


def test_a_copy_mark_read_as_the_first_line_is_no_list_of_recipients():
    # OCR of a scanned 令 reads its boxed 「正本」 mark as a line above the head: the head and the order stand
    text = "正本\n檔號：\n保存年限：\n財政部令\n發文日期：中華民國112年6月20日\n發文字號：台財促字第11225516260號\n訂定「某作業辦法」。\n"
    letter = blocks_to_letter(read_text(text.encode("utf-8"), "letter.txt").blocks)
    assert (letter.issuer, letter.doc_type, letter.dispatch_no.text) == ("財政部", "令", "台財促字第11225516260號")
    assert letter.subject == "訂定「某作業辦法」。" and letter.cc_main == []
    beside = text.replace("正本\n檔號：\n", "檔號：\n正本\n")  # OCR reading the mark after 檔號, on its row
    letter = blocks_to_letter(read_text(beside.encode("utf-8"), "letter.txt").blocks)
    assert (letter.dispatch_no.text, letter.cc_main) == ("台財促字第11225516260號", [])


def test_what_only_looks_like_a_stamp_stays_the_letters():
    # a western date ending a line, a time alone, a cited number beside a 收文 date, a masked number (review)
    text = ("臺北市政府 函\n受文者：教育部\n發文日期：中華民國113年3月28日\n發文字號：府教字第1130001234號\n主旨：請查照。\n"
            "說明：\n一、依據教育部113年10月1日臺教國署字第1130098765號函辦理。收文日期:113/11/07\n"
            "二、活動期間：2024-04-01至2024-04-30\n三、報到時間如下：\n14:00:00\n四、聯絡電話09■■■■■123。\n")
    letter = blocks_to_letter(read_text(text.encode("utf-8"), "letter.txt").blocks)
    items = [i.text for i in letter.sections[0].items]
    assert items[0] == "依據教育部113年10月1日臺教國署字第1130098765號函辦理。"
    assert letter.references[0].dispatch_no.text == "臺教國署字第1130098765號"
    assert (letter.received.number, letter.received.date.iso) == (None, "2024-11-07")
    assert items[1:] == ["活動期間：2024-04-01至2024-04-30", "報到時間如下：14:00:00", "聯絡電話09■■■■■123。"]
