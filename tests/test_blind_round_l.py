"""Conventions found by blind round L (tests/data/real, l- stems: 行政院公報 records measured before the parser knew
them): Big5-converted pages carry CJK compatibility ideographs; the gazette marks a late-printed document's date
「（補登）」 and ends its pages with a 「Top」 link; 中央銀行's head signs as 總裁; a 會銜 order names its issuers a line
each and gives each number a line; a committee signs a 函 with its own name; 貴會 is the one 正本 when the gazette
leaves out the 受文者 line; older rulings are cited by their year alone; a cited number in Chinese numerals keeps its
letter suffix; a 附 line names its attachment without the 。 that ends it, even where a PDF ran it into the order;
text set on a grid of full-width characters has no columns."""
from __future__ import annotations

from pipeline.read.pdf_columns import split_unruled_tables
from pipeline.read.pdf_layout import Char

from parse_text import parse

MND_NOTICE = """國防部公告
中華民國104年3月30日
國作整備字第1040000835號
主　　旨：預告「國軍協助災害防救辦法」第十六條修正草案。
依　　據：\ufa08政程序法第151條及第154條。
公告事項：
一、主管機關：國防部。
二、對於本公告內容如有意見或修正建議，請於本公告刊登公報之日起10日內陳述意見。
部　　長　高廣圻
"""


def test_compatibility_ideographs_read_as_the_ideographs_they_stand_for():
    d = parse(MND_NOTICE)
    assert d["sections"][0] == {"name": "依據", "text": "行政程序法第151條及第154條。", "items": []}
    assert "\ufa08" not in str(d) and d["signature"] == "部長 高廣圻"


def test_a_late_printed_orders_date_and_its_attachment_line():
    d = parse("內政部令\n中華民國95年3月9日（補登）\n台內民字第0950045320號\n"
              "修正「紀念日及節日實施辦法」第二條、第三條條文。\n附修正「紀念日及節日實施辦法」第二條、第三條條文。\n"
              "部　　長　李逸洋\n紀念日及節日實施辦法第二條、第三條修正條文\n第　二　條 紀念日如下：\nTop\n")
    assert d["date"] == {"iso": "2006-03-09", "roc": "95年3月9日"} and d["complete"] is True
    assert d["subject"] == "修正「紀念日及節日實施辦法」第二條、第三條條文。"
    assert [a["title"] for a in d["attachments"]] == ["修正「紀念日及節日實施辦法」第二條、第三條條文"]


def test_a_pdf_paragraph_that_ran_the_attachment_line_into_the_order():
    d = parse("經濟部令\n中華民國95年7月19日\n經水字第09504604000號\n"
              "訂定「自來水事業技術人員考驗合格證書收費標準」。附「自來水事業技術人員考驗合格證書收費標準」。\n部　　長　黃營杉\n")
    assert d["subject"] == "訂定「自來水事業技術人員考驗合格證書收費標準」。"
    assert [a["title"] for a in d["attachments"]] == ["「自來水事業技術人員考驗合格證書收費標準」"]


def test_the_central_banks_notice_signed_by_its_governor_and_the_pages_top_link():
    d = parse("中央銀行公告\n中華民國97年6月26日\n台央業字第0970034134號\n"
              "主　　旨： 公告本行重貼現率調整事項。\n依　　據： 中央銀行法第21條。\n公告事項：\n"
              "一、 本行重貼現率由年息3.5%調升為年息3.625%。\n二、 調整後各類新臺幣存款準備率如次：\n"
              "(一) 支票存款：12%。\n(二) 定期儲蓄存款：4.75%。\n總　　裁　彭淮南\nTop\n")
    assert (d["issuer"], d["signature"], d["complete"]) == ("中央銀行", "總裁 彭淮南", True)
    assert d["sections"][1]["items"][1]["children"][1]["text"] == "定期儲蓄存款：4.75%。"
    d = parse("教育部公告\n中華民國105年2月5日\n臺教社（一）字第1050017194A號\n主　　旨：本部委託國立臺灣師範大學為認證機構。\n"
              "公告事項：\n一、 依前揭規定辦理。\n二、 本部委託國立臺灣師範大學辦理認可事宜。\nTop\n")
    assert d["sections"][-1]["items"][-1]["text"] == "本部委託國立臺灣師範大學辦理認可事宜。"


def test_a_cited_number_in_chinese_numerals_keeps_its_letter_suffix():
    d = parse("行政院農業委員會公告\n中華民國102年9月25日\n農林務字第1021751063號\n"
              "主　　旨：廢止「本會八十年一月二十五日農林字第○○三○○四二A號公告有關虎山森林遊樂區之地點及範圍部分」。\n"
              "依　　據：森林遊樂區設置管理辦法第七條第三項。\n")
    [cited] = d["references"]
    assert (cited["kind"], cited["issuer"], cited["issuer_from"]) == ("公告", "行政院農業委員會", "本會")
    assert cited["date"]["iso"] == "1991-01-25"
    assert (cited["dispatch_no"]["text"], cited["dispatch_no"]["number"]) == ("農林字第0030042A號", "0030042A")


def test_a_joint_order_names_its_issuers_a_line_each_and_their_numbers_likewise():
    d = parse("經濟部\n內政部令\n中華民國95年8月8日\n經商字第09502418890號\n內授中社字第0950702768號\n"
              "修正「商業團體分業標準」中「理電髮美容材料商業」為「美容美髮材料商業」。\n"
              "附商業團體分業標準「美容美髮材料商業」團體業別及業務範圍。\n部　　長　黃營杉\n部　　長　李逸洋\n")
    assert (d["issuer"], d["dispatch_no"]["text"]) == ("經濟部", "經商字第09502418890號")
    assert [(c["issuer"], c["dispatch_no"]["text"]) for c in d["co_issuers"]] == [("內政部", "內授中社字第0950702768號")]
    assert d["subject"] == "修正「商業團體分業標準」中「理電髮美容材料商業」為「美容美髮材料商業」。"
    assert d["signature"] == "部長 黃營杉"


def test_a_letter_signed_by_its_agency_replies_to_its_one_copy():
    d = parse("行政院自由貿易港區協調委員會函\n中華民國94年5月19日（補登）\n經協字第0940000819號\n"
              "主　　旨：有關「本國勞工」之範疇，釋如說明，復請　查照並轉知所屬。\n說　　明：\n"
              "一、復　貴會94年2月14日勞職外字第0940500624A號函。\n二、得納入「本國勞工」之範疇。\n"
              "行政院自由貿易港區協調委員會\n正　　本：行政院勞工委員會\n")
    assert d["date"]["iso"] == "2005-05-19" and d["signature"] is None
    assert d["sections"][0]["items"][1]["text"] == "得納入「本國勞工」之範疇。"
    assert d["cc_main"] == [{"name": "行政院勞工委員會", "with_attachments": False}]
    [cited] = d["references"]
    assert (cited["issuer"], cited["issuer_from"], cited["dispatch_no"]["number"]) == ("行政院勞工委員會", "貴會", "0940500624A")


def test_older_rulings_cited_by_their_year_alone():
    d = parse("財政部令\n中華民國104年6月12日\n台財稅字第10404578020號\n核釋隱名合夥營利事業之盈餘分配課徵所得稅規定：\n"
              "一、 應併入出名營業人所得課徵綜合所得稅。\n二、 廢止本部44年台財稅發第7014號令及63年9月4日台財稅第36543號函。\n"
              "部　　長　張盛和\n")
    first, second = d["references"]
    assert (first["text"], first["issuer"], first["issuer_from"], first["date"]) == (
        "本部44年台財稅發第7014號令", "財政部", "本部", None)
    assert (first["dispatch_no"]["word"], first["dispatch_no"]["number"]) == ("台財稅發", "7014")
    assert (second["issuer"], second["issuer_from"], second["date"]["iso"]) == ("財政部", None, "1974-09-04")


def full_width_rows(lines: list[str], size: float = 10.0, pitch: float = 14.0) -> list[list[Char]]:
    """Given lines, return their rows of characters set on a grid of full-width characters (an ideographic space
    leaves its cell empty), as a gazette's PDF sets them."""
    return [[Char(t, i * size, (i + 1) * size, n * pitch, n * pitch + size, size)
             for i, t in enumerate(line) if t != "\u3000"] for n, line in enumerate(lines)]


def test_text_on_a_full_width_grid_is_no_table():
    rows = full_width_rows(["國防部公告", "中華民國104年3月30日", "主　　旨：預告修正草案。", "依　　據：行政程序法。",
                            "公告事項：", "一、主管機關：國防部。", "部　　長　高廣圻"])
    assert split_unruled_tables(rows) == ([], rows)
