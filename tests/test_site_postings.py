"""Letters as sites post them: a 主旨 without its label, a heading over a date, the files listed under 附件."""
from __future__ import annotations

from pipeline.load import load_record


def text_to_record(text: str):
    """Given a letter's text, return its record."""
    return load_record("letter.txt", text.encode("utf-8"))


# a school relaying its county's letter (d-cjes in the real-letter corpus): the 主旨's last 。 lost, its 說明's
# second item pointing back at it (旨揭)
RELAYED = """民國114年9月18日修正發布之公務人員請假規則施行日期,業經考試院、行政院於114年10月9日會同發布,第3條身心調適假部分自114年10月10日施行,其餘自115年1月1日施行

一、依據本府人事處案陳銓敘部114年10月9日部法二字第1145884567號函辦理。

二、旨揭請假規則修正條文,銓敘部前以114年9月25日部法二字第1145877790號函轉知。
"""

# a school site's post (d-taes): its headline is a phrase, not a sentence, though an item says 旨揭
POSTED = """114年國家防災日-全民地震避難演練暨防災宣導活動

一、依本府114年9月9日府授消減字第1140142373號函辦理。

二、旨揭計畫活動內容摘要如下：
"""


def test_a_sentence_without_its_last_full_stop_that_an_item_points_back_at_is_the_subject():
    record = text_to_record(RELAYED)
    assert record.subject == ("民國114年9月18日修正發布之公務人員請假規則施行日期，業經考試院、行政院於114年10月9日會同發布，"
                              "第3條身心調適假部分自114年10月10日施行，其餘自115年1月1日施行")
    assert [(s.name, s.text, [i.marker for i in s.items]) for s in record.sections] == [("本文", "", ["一", "二"])]


def test_a_headline_stays_the_bodys_text_though_an_item_points_back_at_it():
    record = text_to_record(POSTED)
    assert record.subject is None
    assert record.sections[0].text == "114年國家防災日-全民地震避難演練暨防災宣導活動"


def test_a_word_ending_a_line_over_a_label_is_no_label_a_line_cut():
    # a university's post (w-nccu): its section heading 「相關公告」 over the post's date; 「公告」 + 「日期：」 is no 公告日期
    record = text_to_record("首頁 / 最新消息 / 相關公告\n日期:2024-07-01\n\n主旨:本校辦理變電站停電保養事宜,請查照。\n"
                            "事項:\n  1. 為確保本校高低壓變電站設備正常運作。\n")
    assert record.date is None and record.subject == "本校辦理變電站停電保養事宜，請查照。"
    cut = text_to_record("臺北市政府 函\n發文日\n期：中華民國113年3月5日\n發文字號：府授教字第1130061234號\n主旨：請查照。\n")
    assert cut.date.iso == "2024-03-05"  # a label a line break cut at the line's start is still one label


def test_a_sites_list_of_the_files_posted_with_a_notice_is_an_attachment_a_file():
    # 農業部's site (c-moa): under the 附件 after the body, a file a line, each with its link and a separator
    record = text_to_record(
        "主旨:公告知本國家森林遊樂區範圍修正。\n公告事項:\n一、併附範圍修正圖及地號對照明細表。\n附件:\n"
        "範圍修正圖(pdf)(https://www.moa.gov.tw/files/publication/7750/A01_1.pdf);\n"
        "地號對照明細表(pdf)(https://www.moa.gov.tw/files/publication/7750/A01_2.pdf);\n")
    assert [(a.title, a.file) for a in record.attachments] == [
        ("範圍修正圖(pdf)(https://www.moa.gov.tw/files/publication/7750/A01_1.pdf)", None),
        ("地號對照明細表(pdf)(https://www.moa.gov.tw/files/publication/7750/A01_2.pdf)", None)]
