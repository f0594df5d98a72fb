"""Conventions found by blind round M (tests/data/real, m- stems: letters as associations and firms reprint them,
measured before the parser knew them): a receiving association's posting names the recipient 收文單位 and gives its
own receipt number in 字號 form (收文字號 「北市師會字第2565號」); an association site's heading over the letter's
files (「相關公文檔案：」) is furniture; a school site's post fields printed as 「name value」 rows (公告主旨, 發佈日期,
公告類別 …, the value glued on once normalised) enter no field and 「公告內容」 opens the text; a letter cited as the one
that came (「…100年4月29日來函（FDA藥字第1001402515號）」) is a reference with its bracketed number."""
from __future__ import annotations

from pipeline.parse.references import find_references

from parse_text import parse

POSTED = """法令訊息

修正臺北市建築執照申請有關特殊結構委託審查人員資格,自106年8月31日起生效

發文單位 臺北市政府都市發展局
發文日期 2017-08-17
發文字號 北市都授建字第10634947500號
收文單位 臺北市建築師公會
收文日期 2017-08-18
收文字號 北市師會字第2565號

主旨:修正臺北市建築執照申請有關特殊結構委託審查人員資格,請查照轉知貴會會員。

說明:
一、審查人員參加其審查機關、團體變更者,應向本局報備。
"""


def test_a_receiving_associations_posting_gives_recipient_and_its_receipt_in_zihao_form():
    d = parse(POSTED)
    assert d["issuer"] == "臺北市政府都市發展局"
    assert d["recipient"] == "臺北市建築師公會"
    assert d["received"] == {"number": "北市師會字第2565號", "date": {"iso": "2017-08-18", "roc": "106年8月18日"}}
    assert d["subject"] == "修正臺北市建築執照申請有關特殊結構委託審查人員資格，請查照轉知貴會會員。"
    assert d["dispatch_no"]["text"] == "北市都授建字第10634947500號"


def test_a_receiving_associations_posting_as_a_table_gives_its_receipt():
    # the same posting with its rows as a site's table prints them, a cell rule after each label and value (zb-arch)
    table = POSTED.replace("收文單位 臺北市建築師公會\n收文日期 2017-08-18\n", "")
    for label in ("發文單位", "發文日期", "發文字號", "收文字號"):
        table = "\n".join(f"{line.replace(' ', ' | ', 1)} |" if line.startswith(label) else line
                          for line in table.split("\n"))
    assert "收文字號 | 北市師會字第2565號 |" in table
    d = parse(table)
    assert d["received"] == {"number": "北市師會字第2565號", "date": None}
    assert (d["issuer"], d["dispatch_no"]["text"]) == ("臺北市政府都市發展局", "北市都授建字第10634947500號")


def test_a_receipt_number_of_digits_still_reads_and_a_stamp_keeps_its_number():
    d = parse(POSTED.replace("收文字號 北市師會字第2565號", "收文字號 1060002565"))
    assert d["received"]["number"] == "1060002565"


def test_an_association_sites_heading_over_the_letters_files_is_furniture():
    d = parse("發文機關:臺北縣政府衛生局\n發文日期:99年12月3日\n發文字號:北衛藥字第0990167984號\n\n"
              "主旨:\n惠請協助轉知貴會所屬食品業者會員,請 查照。\n\n說明:\n一、依據行政院衛生署99年11月29日署授食字第0991303789號函。\n"
              "二、檢送該公告影本1份。\n\n相關公文檔案:\n")
    assert d["sections"][0]["items"][1]["text"] == "檢送該公告影本1份。"
    assert any("相關公文檔案" in w for w in d["warnings"])


def test_a_school_posts_field_rows_enter_no_field_and_its_content_label_opens_the_text():
    d = parse("校園公告\n\n公告主旨 長庚紀念醫院暫停急診保護案件服務案相關訊息。\n發佈日期 2024 年 8 月 21 日\n發佈單位 衛生組\n"
              "公告類別 行政公告\n公告等級 轉知\n點閱次數 300\n公告內容\n\n"
              "一、依據臺北市政府衛生局113年8月16日北市衛心字第11330520211號函辦理。\n\n二、衛生局來文影本1份如附件。\n")
    assert d["subject"] is None and d["date"] is None
    assert d["sections"] == [{"name": "本文", "text": "", "items": [
        {"marker": "一", "number": 1, "text": "依據臺北市政府衛生局113年8月16日北市衛心字第11330520211號函辦理。", "children": []},
        {"marker": "二", "number": 2, "text": "衛生局來文影本1份如附件。", "children": []}]}]


def test_a_law_databases_date_and_number_label_is_not_a_post_field():
    d = parse("公布日期文號內政部76年2月3日台內地字第473327號函\n要旨：土地登記疑義。\n全文內容：復請查照。\n")
    assert d["issuer"] == "內政部" and d["date"]["iso"] == "1987-02-03"


def test_a_letter_cited_as_the_one_that_came_keeps_its_bracketed_number():
    refs = find_references("行政院衛生署食品藥物管理局100年4月29日來函（FDA藥字第1001402515號）告知本會周知。")
    assert [(r.issuer, r.kind, r.date.iso, r.dispatch_no.text) for r in refs] == [
        ("行政院衛生署食品藥物管理局", "函", "2011-04-29", "FDA藥字第1001402515號")]
    assert refs[0].text == "行政院衛生署食品藥物管理局100年4月29日來函（FDA藥字第1001402515號）"


def test_a_number_of_one_to_three_digits_is_a_number():
    # an association (or an older office) numbering its letters from 1 each year: 「建師全聯(87)字第503號」
    refs = find_references("依據本部營建署案陳貴會87.08.01.建師全聯(87)字第503號函辦理。", None, "內政部")
    assert [(r.issuer_from, r.date.iso, r.dispatch_no.text, r.dispatch_no.word, r.dispatch_no.year) for r in refs] == [
        ("貴會", "1998-08-01", "建師全聯(87)字第503號", "建師全聯(87)", 87)]


def test_a_compilations_bracketed_citation_after_the_text_closes_the_document():
    d = parse("最新法令動態﹝111.01﹞\n要 旨:訂定公開發行股票公司應採電子投票之適用範圍。\n全文內容:\n"
              "一、上市(櫃)公司及興櫃公司召開股東會時,應將電子方式列為表決權行使管道之一。\n"
              "二、本令自中華民國112年1月1日生效。\n(金管會111.1.18金管證交字第1110380064號令)\n"
              "註:金管會111.1.18金管證交字第1110380064號令將興櫃公司納入規範。\n")
    assert (d["doc_type"], d["issuer"], d["date"]["iso"], d["dispatch_no"]["text"]) == (
        "令", "金管會", "2022-01-18", "金管證交字第1110380064號")
    assert d["subject"] == ("一、上市（櫃）公司及興櫃公司召開股東會時，應將電子方式列為表決權行使管道之一。"
                            "二、本令自中華民國112年1月1日生效。")
    assert d["references"] == [] and d["complete"] is True


def test_an_associations_header_gives_its_hall_address_and_the_unit_before_the_officers_name():
    d = parse("受文者\n 本會全體會員 會址:台北市104松江路350號\n速別\n 最速件 傳真:(02)2542-3704\n"
              "承辦人:大陸業務組  林志豪\n\n主旨:有關放寬國家形象館申請攤位門檻乙案,惠請提供相關意見,請 查照。\n")
    assert d["recipient"] == "本會全體會員" and d["address"] == "台北市104松江路350號"
    assert d["contact"] == {"name": "林志豪", "unit": "大陸業務組", "phone": None, "fax": "(02)2542-3704", "email": None}
    assert d["speed"] == "最速件"
