"""Head conventions found by session 20's blind round wave 18 (tests/data/real: n2-, n4-, n6- stems). Each input below
is written in the shape those pages have, not copied from them."""
from __future__ import annotations

from parse_text import parse


def test_a_bureau_bulletins_post_fields_in_bar_cells_leave_the_relayed_items_a_letter():
    text = ("教育局公告 123456\n|\n公告單位:學管科 | 公告人:王小明 |\n公告期間:2025/03/03~2025/03/10 | "
            "發佈日:2025/03/03 09:10:11 |\n簽收:準時簽收 |\n公文文號:無 |\n附件:無 | |\n標題:請貴校加強校園安全 | |\n"
            "一、依據教育部114年2月27日臺教學字第1140012345號函辦理。\n二、請貴校加強校園安全巡查，以維護學生安全。\n"
            "瀏覽人數:321 |\n")
    record = parse(text)
    assert record["complete"] is False
    assert record["attachments"] == [] and record["subject"] is None
    assert record["sections"] == [{"name": "本文", "text": "", "items": [
        {"marker": "一", "number": 1, "text": "依據教育部114年2月27日臺教學字第1140012345號函辦理。", "children": []},
        {"marker": "二", "number": 2, "text": "請貴校加強校園安全巡查，以維護學生安全。", "children": []}]}]


def test_a_notices_own_date_in_chinese_numerals_and_a_latin_o_in_its_number():
    text = ("公告日期: 中華民國八十九年五月卅日\n\n公告文號: 北市人團聘工字第八OO一二號\n\n"
            "主旨: 本會公開徵求會員。\n\n說明:\n一. 本會以保障會員權益為宗旨。\n")
    record = parse(text)
    assert record["doc_type"] == "公告"
    assert record["date"] == {"iso": "2000-05-30", "roc": "89年5月30日"}
    assert record["dispatch_no"]["text"] == "北市人團聘工字第80012號"
    assert (record["dispatch_no"]["word"], record["issuer"]) == ("北市人團聘工", None)


def test_a_gregorian_date_under_a_date_label_alone_is_its_value():
    text = "案由\n請市府改善校園照明。\n發文日期\n2014/06/03\n發文字號\n南議教育字第1030012345號\n"
    record = parse(text)
    assert record["date"] == {"iso": "2014-06-03", "roc": "103年6月3日"}


def test_a_gazette_head_that_lost_its_units_reads_the_date_by_its_numbers_year():
    text = ("行政院公報資訊網\n\n行政院衛生署公告 中華民國100315\n衛署醫字第1000012345\n\n"
            "主  旨:預告修正「醫療機構設置標準」草案。\n\n依  據:行政程序法第一百五十四條第一項。\n")
    record = parse(text)
    assert (record["issuer"], record["doc_type"]) == ("行政院衛生署", "公告")
    assert record["date"] == {"iso": "2011-03-15", "roc": "100年3月15日"}
    assert record["dispatch_no"]["text"] == "衛署醫字第1000012345號"


def test_a_gazette_head_run_onto_one_line_with_its_number_that_lost_its_mark():
    text = ("行政院衛生署公告中華民國100315衛署醫字第1000012345\n主旨：預告修正「醫療機構設置標準」草案。\n"
            "依據：行政程序法第一百五十四條第一項。\n")
    record = parse(text)
    assert record["issuer"] == "行政院衛生署"
    assert record["date"]["iso"] == "2011-03-15"
    assert record["dispatch_no"]["number"] == "1000012345"


def test_a_number_line_that_lost_its_mark_under_a_bare_date_is_the_number():
    text = ("公告「某某園區環境影響說明書」審查結論。\n\n中華民國103117\n環署綜字第1030001234\n"
            "主  旨:公告「某某園區環境影響說明書」審查結論。\n依  據:環境影響評估法第7條第2項。\n")
    record = parse(text)
    assert record["dispatch_no"]["text"] == "環署綜字第1030001234號"
    assert record["date"] is None  # 103年1月17日 or 103年11月7日: no one reading


def test_a_gazette_head_that_lost_its_units_and_its_type_still_names_issuer_and_date():
    text = ("網站導覽\n某某國小行政網頁\n教育部體育署補助學校體育活動實施要點\n\n教育部體育署 中華民國105617\n"
            "臺教體署學(一)字第1050012345A\n\n修正「教育部體育署補助學校體育活動實施要點」,並自即日生效。\n\n"
            "附修正「教育部體育署補助學校體育活動實施要點」\n\n署  長 ○○○\n\n"
            "教育部體育署補助學校體育活動實施要點修正規定\n\n"
            "一、教育部體育署(以下簡稱本署)為推展學校體育活動,特訂定本要點。\n")
    record = parse(text)
    assert record["issuer"] == "教育部體育署"
    assert record["date"] == {"iso": "2016-06-17", "roc": "105年6月17日"}
    assert record["dispatch_no"]["number"] == "1050012345A"
