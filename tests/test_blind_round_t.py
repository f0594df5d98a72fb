"""Conventions found by blind round T (tests/data/real, t- stems: central agencies as their own sites, law databases
and the sites relaying them publish their letters, measured before the parser knew them): a ruling's own citation in
brackets may close the last line of its text right after its 。 (a county 人事處's 函釋 page); a law site prints its
heading over a regulation's one history entry (「第 1 次修法(114.11.20)」) and the regulation's 立法總說明 after it."""
from __future__ import annotations

from parse_text import parse

PERSONNEL_PAGE = """跳到主要內容區塊

選單開關

:::

人事法規函釋

列印[另開新視窗]
颱風來襲經通報權責機關宣布停止辦公及上課,公務人員原已請假可否予以扣除及應如何扣除?
日期:103-06-09

一、公務人員事假、病假或產前假期間遇停止辦公時,得按時扣除請假時數。 二、公務人員於本(94)年 8月31日休假期間,權責機關宣布於下午4時後停止辦公,似無法再視同放假扣除假期。(行政院人事行政局94年11月14日局考字第 0940065703號函)


上版日期:103-06-09
close
"""


def test_a_rulings_own_citation_closing_its_last_line_after_the_full_stop_is_its_head_not_text():
    d = parse(PERSONNEL_PAGE)
    assert (d["doc_type"], d["issuer"]) == ("函", "行政院人事行政局")
    assert d["date"]["iso"] == "2005-11-14" and d["dispatch_no"]["text"] == "局考字第0940065703號"
    assert d["references"] == []
    body = d["sections"][0]
    assert body["name"] == "本文" and [i["marker"] for i in body["items"]] == ["一", "二"]
    assert body["items"][1]["text"].endswith("似無法再視同放假扣除假期。")  # no citation, no 上版日期, no close
    assert body["text"] == "颱風來襲經通報權責機關宣布停止辦公及上課，公務人員原已請假可否予以扣除及應如何扣除？"


def test_a_bracketed_citation_inside_the_text_stays_text_and_a_reference():
    d = parse(PERSONNEL_PAGE.replace("扣除假期。(行政院", "扣除假期(行政院"))  # no sentence end before it: cited, not own
    assert d["dispatch_no"] is None and d["issuer"] is None
    assert [r["dispatch_no"]["text"] for r in d["references"]] == ["局考字第0940065703號"]


LAW_SITE_ENTRY = """第 1 次修法(114.11.20)
中華民國一百十四年十一月二十一日原住民族委員會原民綜字第 1140057083 號令訂定發布全文 11 條;並自發布日施行
立法總說明
《平埔原住民族群民族成員身分認定要件公告及徵詢民族意願實施辦法總說明(114.11.21 訂定)》 按憲法法庭於一百十一年十月二十八日一百十一年憲判字第十七號判決主文第一項及第三項明示,爰訂定本辦法。
"""


def test_a_law_sites_heading_over_one_history_entry_and_the_explanation_after_it_enter_no_field():
    d = parse(LAW_SITE_ENTRY)
    assert (d["doc_type"], d["issuer"], d["complete"]) == ("令", "原住民族委員會", True)
    assert d["date"]["iso"] == "2025-11-21" and d["dispatch_no"]["text"] == "原民綜字第1140057083號"
    assert d["subject"] == "訂定發布全文11條；並自發布日施行"


def test_an_explanation_heading_before_the_entry_has_ended_still_wraps_it():
    d = parse(LAW_SITE_ENTRY.replace("11 條;並自發布日施行\n立法總說明", "11 條;並自\n立法總說明"))
    assert d["subject"] != "訂定發布全文11條；並自"  # the entry had not ended: the heading is no regulation's yet


UNIVERSITY_RELAY = """跳到主要內容區

【轉知】衛生福利部製作「禁止攜帶電子煙或加熱菸入境」之宣導單張一案,請貴校廣為周知,請查照。

一、依衛生福利部本(114)年5月21日衛授國字第1140760779號函辦理。

二、請本部國民及學前教育署轉知高級中等以下學校配合辦理。

瀏覽數:
"""


def test_a_sites_category_tag_before_the_headline_and_its_skip_link_are_not_the_subject():
    d = parse(UNIVERSITY_RELAY)
    assert d["subject"] == "衛生福利部製作「禁止攜帶電子煙或加熱菸入境」之宣導單張一案，請貴校廣為周知，請查照。"
    assert [i["marker"] for i in d["sections"][0]["items"]] == ["一", "二"]
    assert d["references"][0]["dispatch_no"]["text"] == "衛授國字第1140760779號"


FIRE_DATABASE = """函釋(含執法疑義)及公告

純文字複製 友善列印 轉成Word
共 1 筆 / 現在第 1 筆
發文機關:
內政部
發文字號:
內授消字第0960824997號
發文日期:
96/08/31
要  旨:
消防安全法令執法疑義
全文內容:內政部 96 年 8  月 23 日消防安全法令執法疑義研討會決議事項
                                                內政部 96 年 8  月 31 日
                                                內授消字第 0960824997 號函
     提案一:各類場所具室外走廊者,其樓地板面積認定疑義。
                  決議:該場所之樓地板面積得扣除室外走廊部分。
"""


def test_a_databases_full_text_repeating_the_letters_date_block_is_its_head_not_text():
    d = parse(FIRE_DATABASE)
    assert (d["doc_type"], d["issuer"]) == ("函", "內政部")  # 文別 from the date block's 「號函」
    assert d["date"]["iso"] == "2007-08-31" and d["dispatch_no"]["text"] == "內授消字第0960824997號"
    assert d["references"] == []
    assert d["sections"] == [{"name": "本文", "items": [], "text": (
        "內政部96年8月23日消防安全法令執法疑義研討會決議事項提案一：各類場所具室外走廊者，其樓地板面積認定疑義。"
        "決議：該場所之樓地板面積得扣除室外走廊部分。")}]


LAW_PAGE_ORDER = """法規內容

法規名稱: 教育人員留職停薪辦法1070427核釋
公發布日: 民國 107 年 04 月 27 日
發文字號: 臺教人(三)字第1070020912B號 令
法規體系: 教育通用
法規功能按鈕區

一、教育人員之配偶經公費留學考試而出國進修者,得依本款規定申請留職停薪。

二、本部8732日台(87)人(二)字第87015720號書函、8772日台(87)人(二)字第87067443號書函、10296日臺教人(三)字第1020127377號函,均自即日起停止適用。
"""


def test_a_law_database_page_dates_its_order_by_the_rules_dates_and_its_fields_are_no_text():
    d = parse(LAW_PAGE_ORDER)
    assert d["doc_type"] == "令" and d["dispatch_no"]["text"] == "臺教人(三)字第1070020912B號"
    assert d["date"]["iso"] == "2018-04-27"  # 公發布日: the order the page publishes
    assert d["subject"].startswith("一、教育人員之配偶") and "法規" not in d["subject"]
    amended = parse(LAW_PAGE_ORDER.replace("發文字號:", "修正日期: 民國 109 年 02 月 03 日\n發文字號:"))
    assert amended["date"]["iso"] == "2020-02-03"  # the number is then the latest amending document's


def test_cited_letters_whose_dates_lost_year_and_month_keep_their_numbers_without_the_day():
    refs = parse(LAW_PAGE_ORDER)["references"]
    assert [(r["date"], r["dispatch_no"]["word"], r["text"][:5]) for r in refs] == [
        (None, "台(87)人(二)", "本部873"), (None, "台(87)人(二)", "8772日"), (None, "臺教人(三)", "10296")]


EMAIL_RULING = """經濟部智慧財產局令函日期:113-08-20
經濟部智慧財產局令函案號:電子郵件1130820
令函要旨:
一、按著作權法第3條第1項第1款規定,著作須符合「原創性」及「創作性」二要件,合先說明。
二、列車車體係以機械製造生產之「工業產品」,不受本法保護。
Comments
"""


def test_a_sites_ruling_fields_name_the_issuer_before_the_label_and_an_email_number_is_read_as_written():
    d = parse(EMAIL_RULING)  # no longer refused as "not an official letter"
    assert d["issuer"] == "經濟部智慧財產局" and d["date"]["iso"] == "2024-08-20"
    assert d["dispatch_no"] == {"text": "電子郵件1130820", "word": "電子郵件", "number": "1130820", "year": 113,
                                "serial": "0820", "branch": None}
    body = d["sections"][0]
    assert body["name"] == "本文" and [i["marker"] for i in body["items"]] == ["一", "二"]
    assert body["items"][1]["text"].endswith("不受本法保護。")  # the blog's 「Comments」 is no text


def test_a_numbered_word_holding_zi_and_di_is_no_bare_email_number():
    from pipeline.parse.dispatch import labelled_dispatch_no
    assert labelled_dispatch_no("衛授食字第1121303458").text == "衛授食字第1121303458號"  # 號 lost, not a bare number
    assert labelled_dispatch_no("電子郵件1130820").word == "電子郵件"


FLATTENED = ("檔號 : 保存年限 : 教育部函地址 :10051 臺北市中正區中山南路 5 號傳真 :(02)23976778 聯絡人 : 陳怡君電話 :(02)77365123 "
             "受文者 : 大葉大學 裝 訂 線 發文日期 : 中華民國 102 年 3 月 7 日發文字號 : 臺教文 ( 五 ) 字第 1020034060 號速別 : 普通件"
             "密等及解密條件或保密期限 : 附件 : 彙復表 主旨 : 有關僑生座談意見彙復表,請查照 正本 : 國防醫學院副本 : 僑務委員會 "
             "102/03/07 電子公文 12:30:39 交換章 第 1 頁共 1 頁\n")


def test_a_transcriptions_inline_binding_line_and_exchange_stamp_enter_no_field():
    d = parse(FLATTENED)
    assert (d["issuer"], d["recipient"], d["dispatch_no"]["text"]) == ("教育部", "大葉大學", "臺教文(五)字第1020034060號")
    assert d["cc_copy"] == [{"name": "僑務委員會", "with_attachments": False}]
    assert any("交換章" in w for w in d["warnings"])


def test_a_period_whose_start_leaves_out_its_day_before_qi_is_a_period():
    from pipeline.parse.dates import find_periods
    periods, warnings = find_periods("一、公告期間:自民國114年10月30起至114年11月29日止,計30日。")
    assert [(p.from_, p.to, p.days, p.stated_days) for p in periods] == [("2025-10-30", "2025-11-29", 31, 30)]
    # without 起 too, when the end gives its month and day (session 20's n5-mkhs: 「108年8月15至8月16日」)
    assert [(p.from_, p.to) for p in find_periods("114年10月30至11月29日")[0]] == [("2025-10-30", "2025-11-29")]


def test_an_area_code_opening_a_wrapped_line_is_no_item_and_the_labels_after_it_stand():
    wrapped = ("檔號：保存年限：教育部函地址：10051臺北市中正區中山南路5號傳真：\n"
               "(02)23976778聯絡人：陳怡君電話：(02)77365123受文者：大葉大學發文日期：中華民國102年3月7日"
               "發文字號：臺教文（五）字第1020034060號速別：普通件主旨：請查照。正本：國防醫學院\n")
    d = parse(wrapped)
    assert (d["recipient"], d["date"]["iso"], d["speed"]) == ("大葉大學", "2013-03-07", "普通件")
    assert (d["contact"]["name"], d["contact"]["fax"]) == ("陳怡君", "(02)23976778")


def test_the_stamp_at_page_ones_foot_is_the_letters_where_an_attachment_starts_on_that_page():
    from pipeline.blocks import PAGE_BREAK, PARAGRAPH, Block, Document
    from pipeline.parse.document import document_to_record
    from pipeline.parse.letter import blocks_to_letter
    lines = ["教育部 函", "受文者：大葉大學", "發文日期：中華民國102年3月7日", "發文字號：臺教文（五）字第1020034060號",
             "主旨：檢送彙復表，請查照。", "正本：大葉大學", "第 1 頁共 1 頁", "彙復表", "壹、居留簽證相關事宜",
             "收文號：1020002345 收文日期：102/03/08"]
    blocks = [Block(PARAGRAPH, line, page=1) for line in lines] + [Block(PAGE_BREAK, page=1)]
    for letter in (blocks_to_letter(blocks), document_to_record(Document(blocks=blocks, path="received.txt"))):
        assert (letter.received.number, letter.received.date.iso) == ("1020002345", "2013-03-08")


def test_copies_a_flattened_page_sets_apart_by_spaces_are_entries():
    d = parse("教育部 函\n受文者：大葉大學\n發文日期：中華民國102年3月7日\n發文字號：臺教文（五）字第1020034060號\n主旨：請查照。\n"
              "正本 : 教育部國民及學前教育署 公私立大專校院 國防醫學院副本 : 僑務委員會 國際及兩岸教育司 ( 兩岸事務科 僑生及外生事務科 ) "
              "102/03/07 電子公文 12:30:39 交換章\n")
    assert [a["name"] for a in d["cc_main"]] == ["教育部國民及學前教育署", "公私立大專校院", "國防醫學院"]
    assert [a["name"] for a in d["cc_copy"]] == ["僑務委員會", "國際及兩岸教育司（兩岸事務科僑生及外生事務科）"]
    one = parse("教育部 函\n發文日期：中華民國102年3月7日\n發文字號：臺教文字第1020034060號\n主旨：請查照。\n正本 : 國立 臺灣大學\n")
    assert [a["name"] for a in one["cc_main"]] == ["國立臺灣大學"]  # 國立 ends no name: one entry, its gap closed
