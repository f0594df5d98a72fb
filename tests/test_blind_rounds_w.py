"""Conventions found by session 16's look at the corpus letters still missed and by its blind rounds (tests/data/real:
w1- … stems). Each input below is written in the shape those pages have, not copied from them."""
from __future__ import annotations

import pytest

from parse_text import parse
from pipeline.parse.references import find_references


def cited(text: str) -> list[tuple]:
    """Given 說明 text, return each reference's (issuer, as written, 發文字號)."""
    return [(r.issuer, r.issuer_from, r.dispatch_no and r.dispatch_no.text) for r in find_references(text)]


def test_a_plan_cited_before_a_letter_is_no_part_of_the_letters_issuer():
    text = "一、依本府交通安全教育宣導實施計畫及本府交通局113年9月2日北市交安字第1133040120號函辦理。"
    assert cited(text) == [(None, "本府交通局", "北市交安字第1133040120號")]
    text = "一、依據本縣校園安全維護要點暨教育部113年9月2日臺教學(五)字第1130088123號函辦理。"
    assert cited(text) == [("教育部", None, "臺教學(五)字第1130088123號")]


def test_a_name_holding_a_conjunction_stays_whole():
    text = "一、依據教育部國民及學前教育署113年9月2日臺教國署學字第1130108123號函辦理。"
    assert cited(text)[0][0] == "教育部國民及學前教育署"


def test_a_citation_by_the_third_party_word_is_the_agency_named_before():
    text = ("主旨：轉知衛生福利部函，有關「醫療機構設置標準」第3條，業經該部於中華民國113年8月26日以衛部醫字第"
            "1131665432號令修正發布，請查照。")
    assert cited(text) == [("衛生福利部", "該部", "衛部醫字第1131665432號")]
    assert cited("說明：該府113年8月26日府教字第1130123456號函諒達。") == [(None, "該府", "府教字第1130123456號")]


def test_a_citation_naming_no_issuer_takes_the_issuer_of_the_same_word_that_year():
    text = ("一、農業部113年5月1日農授漁字第1131234567號函。二、前揭規定業於113年6月3日以農授漁字第1131234999號令修正；"
            "另99年1月4日農授漁字第0991234000號函停止適用。")
    assert cited(text) == [("農業部", None, "農授漁字第1131234567號"), ("農業部", None, "農授漁字第1131234999號"),
                           (None, None, "農授漁字第0991234000號")]


def test_a_citation_dated_by_month_and_day_ends_the_chain_joined_before_it():
    text = ("一、依據本府113年3月1日府農字第1130041234號函轉農業部113年2月20日農糧字第1131234567號及農會聯合社"
            "2月15日113農聯企字第052號函辦理。")
    assert cited(text) == [(None, "本府", "府農字第1130041234號"), ("農業部", None, "農糧字第1131234567號"),
                           ("農會聯合社", None, "113農聯企字第052號")]
    assert [r.date and r.date.iso for r in find_references(text)] == ["2024-03-01", "2024-02-20", None]


def test_lines_opening_with_empty_brackets_are_items_whose_numbers_the_page_lost():
    text = """主旨：本校辦理「校園植樹月」活動，請踴躍參加。
說明：
一、依據本府教育局114年2月3日北市教綜字第1143012345號函辦理。
()活動主旨：推廣校園綠化。
()參加資格及辦法：本校教職員工生皆可報名。
()報名期間：自即日起至3月1日止。
二、聯絡人：總務處○○○。
"""
    d = parse(text)
    assert d["subject"] == "本校辦理「校園植樹月」活動，請踴躍參加。"
    item = d["sections"][0]["items"][0]
    assert [(c["marker"], c["number"], c["text"]) for c in item["children"]] == [
        ("()", None, "活動主旨：推廣校園綠化。"), ("()", None, "參加資格及辦法：本校教職員工生皆可報名。"),
        ("()", None, "報名期間：自即日起至3月1日止。")]
    assert [i["marker"] for i in d["sections"][0]["items"]] == ["一", "二"]
    relayed = parse(text.replace("主旨：", "").replace("說明：\n", ""))
    assert relayed["subject"] != "推廣校園綠化。" and "活動主旨" not in (relayed["subject"] or "")


def test_a_notice_a_page_ran_onto_one_line_with_its_posts_fields():
    text = ("最新公告 公告本鄉113年度低收入戶春節慰問金發放事宜。 歷史訊息 | 發布日期: 2025/01/06~2025/02/06 | "
            "瀏覽人數: 88人 | 聯絡資訊: 社會課 04-8521234 公告事項: 一、發放對象為本鄉低收入戶。 二、發放方式如下: "
            "(一)匯入戶頭。 (二)現金領取。 三、領取期間自114年1月10日起至1月20日止。\n")
    d = parse(text)
    assert (d["doc_type"], d["complete"]) == ("公告", False)
    assert d["subject"] == "公告本鄉113年度低收入戶春節慰問金發放事宜。"
    assert [(s["name"], [i["marker"] for i in s["items"]]) for s in d["sections"]] == [("公告事項", ["一", "二", "三"])]
    assert [c["marker"] for c in d["sections"][0]["items"][1]["children"]] == ["(一)", "(二)"]
    assert [(p["from"], p["to"]) for p in d["periods"]] == [("2025-01-10", "2025-01-20")]


def test_a_word_ending_in_a_label_over_items_is_no_label():
    d = parse("主旨：請依限辦理，請查照。\n說明：\n一、請各校辦理下列事項：\n(一)填報。\n(二)回傳。\n")
    assert [s["name"] for s in d["sections"]] == ["說明"]


def test_clause_openers_short_names_with_wei_and_this_year_written_jin():
    assert cited("三、惟按教育部國民及學前教育署114年3月5日臺教國署國字第1140023456號函示，…") == [
        ("教育部國民及學前教育署", None, "臺教國署國字第1140023456號")]
    text = ("一、教育部體育署（以下簡稱為體育署）110年5月20日臺教體署學(二)字第1100017890號函。"
            "二、體育署110年5月21日臺教體署學(二)字第1100018000號函。")
    assert [r[0] for r in cited(text)] == ["教育部體育署", "教育部體育署"]
    text = "一、依教育部今(109)年9月22日臺教學(六)字第1090137742號函辦理。"
    assert [(r.issuer, r.date.iso) for r in find_references(text)] == [("教育部", "2020-09-22")]
    assert cited("二、台灣軍管區於70.9.16以隍丙字第1075號令規定。")[0][0] == "台灣軍管區"


def test_a_period_this_year_written_jin_and_a_board_caption_ending_the_page():
    text = ("112年度學生兵籍調查\n一、依教育部112年9月22日臺教學(六)字第1120137742號函辦理。\n"
            "二、請於今(112)年10月14日上午10時至11月30日下午5時上網申報。\n三、惠請廣為宣導。\n【附件】\n")
    d = parse(text)
    assert d["subject"] is None and [s["name"] for s in d["sections"]] == ["本文"]
    assert [i["marker"] for i in d["sections"][0]["items"]] == ["一", "二", "三"]
    assert [(p["from"], p["to"]) for p in d["periods"]] == [("2023-10-14", "2023-11-30")]


def test_a_boards_post_relaying_a_letters_items_under_a_relay_headline_is_a_partial_letter():
    d = parse("某某大學 公告資訊系統\n轉知:歡迎本校學生參加暑期海外志工服務\n一、僑務委員會辦理海外志工服務已逾十年。\n"
              "二、檢送活動簡章(如附件),鼓勵踴躍報名。\n")
    assert d["complete"] is False
    assert [(s["name"], s["text"], [i["marker"] for i in s["items"]]) for s in d["sections"]] == [
        ("本文", "轉知：歡迎本校學生參加暑期海外志工服務", ["一", "二"])]
    d = parse("轉衛生局宣導登革熱防治,請同學落實清除孳生源\n一、近期本市出現本土病例。\n二、請落實巡、倒、清、刷。\n")
    assert d["sections"][0]["text"].startswith("轉衛生局宣導") and len(d["sections"][0]["items"]) == 2


@pytest.mark.parametrize("text, subject", [
    # a headline whose clause asks the recipients (請有意…) is the 主旨 without its 。
    ("文化部為推動社區營造,請有意申請之單位於本(113)年5月31日前提報計畫書\n一、本部自107年起補助社區營造計畫。\n"
     "二、申請資格如附件。\n", "文化部為推動社區營造，請有意申請之單位於本(113)年5月31日前提報計畫書"),
    # an office's notice whose item 一 rests on its committee's resolution is part of a letter
    ("本校貴賓臨時停車證停車費用，自本(111)年8月1日起調整為每日150元。\n\n一、依據本校111年6月1日車輛管理委員會"
     "會議決議,本校停車費用由原60元調整為150元。\n二、請各單位配合辦理。\n",
     "本校貴賓臨時停車證停車費用，自本(111)年8月1日起調整為每日150元。"),
])
def test_a_headline_over_items_that_asks_or_rests_on_a_resolution_is_the_subject(text, subject):
    d = parse(text)
    assert d["subject"] == subject
    assert [i["marker"] for i in d["sections"][0]["items"]] == ["一", "二"]


def test_news_under_a_heading_that_relays_nothing_is_still_refused():
    from pipeline.errors import InputError
    with pytest.raises(InputError, match="not an official letter"):
        parse("轉運站啟用典禮\n市長今天出席轉運站啟用典禮，現場民眾踴躍。\n")


def test_a_document_systems_rows_name_the_receipt_and_list_the_files_in_brackets():
    text = """檔  號: 113/030402 收發文號: 1130004567
保存年限: 5 收發日期: 113年04月08日
教育部體育署 函
受 文 者: 國立○○高級中學
發文日期: 中華民國113年04月01日
發文字號: 臺教體署學(二)字第1130014000號
附  件: (2件) 如主旨( 0014000_簡章(附件1).pdf、0014000_報名表.odt,共二個電子檔案 ) 1131300001_1_0014000_簡章(附件1).pdf (附件1)
1131300001_2_0014000_報名表.odt (附件2)
主 旨: 檢送「113年度學校體育績優表揚」簡章及報名表各1份，請查照。
"""
    d = parse(text)
    assert d["dispatch_no"]["text"] == "臺教體署學(二)字第1130014000號" and d["issuer"] == "教育部體育署"
    assert d["received"] == {"number": "1130004567", "date": {"iso": "2024-04-08", "roc": "113年4月8日"}}
    assert [(a["title"], a["file"]) for a in d["attachments"]] == [
        (None, "0014000_簡章(附件1).pdf"), (None, "0014000_報名表.odt")]


def test_an_issuer_before_the_word_only_where_the_rest_opens_with_its_code():
    from pipeline.parse.header_shapes import issuer_before_word
    from pipeline.parse.dispatch import DISPATCH_RE, match_to_dispatch

    def split(text):
        named, number = issuer_before_word(match_to_dispatch(DISPATCH_RE.fullmatch(text)))
        return named, number.text
    assert split("臺教體署學(一)字第1130013000號") == (None, "臺教體署學(一)字第1130013000號")
    assert split("行政院農業委員會農漁字第0941330985號") == ("行政院農業委員會", "農漁字第0941330985號")
    assert split("行政院勞工委員會臺85勞安3字第107981號") == ("行政院勞工委員會", "臺85勞安3字第107981號")


def test_an_agency_code_read_from_exchange_files_without_the_letters_number():
    from pipeline.parse.attachment_list import code_from_files
    from pipeline.records import Attachment
    files = [Attachment(title=None, file="A55000000A108600132202-1.odt")]
    assert code_from_files(files, None) == "A55000000A"
    assert code_from_files([Attachment(title=None, file="report-2024-1.odt")], None) is None


def test_punctuation_beyond_brackets_and_spaced_semicolons_and_a_lost_labels_colon():
    from pipeline.parse.clean import normalise_line, strip_lead_marks
    assert normalise_line("二、競賽類別(燈籠設計): (1)國小組") == "二、競賽類別（燈籠設計）：(1)國小組"
    assert normalise_line("洽服務專線: 0800-800-236 ; 07-3800089 轉 6700 。") == "洽服務專線：0800-800-236；07-3800089轉6700。"
    assert normalise_line("http://a.b/c?x=1;y=2") == "http://a.b/c?x=1;y=2"
    assert strip_lead_marks(": | 為鼓勵閱讀，請查照。 |").startswith("為鼓勵閱讀")


def test_a_posts_title_closed_by_an_expectation_over_the_header_rows_is_the_subject():
    text = ("跳到主要內容區塊\n轉知行政院主計總處函以，修正「支出憑證處理要點」第3點，自即日生效，請查照。\n"
            "發文日期:中華民國112年8月18日\n發文字號:府授主會決字第1120134146號\n說明\n"
            "一、依行政院主計總處112年8月14日主會財字第1121500597A號函及主會財字第1121500597B號函辦理。\n"
            "二、請貴機關配合辦理。\n")
    d = parse(text)
    assert d["subject"] == "轉知行政院主計總處函以，修正「支出憑證處理要點」第3點，自即日生效，請查照。"
    assert [(r["issuer"], r["dispatch_no"]["word"], r["date"] and r["date"]["iso"]) for r in d["references"]] == [
        ("行政院主計總處", "主會財", "2023-08-14"), ("行政院主計總處", "主會財", None)]


def test_a_boards_title_row_and_its_field_rows_over_the_letters_labels():
    text = ("| [類別] 標題 | [11410956] 轉知「校園植樹」活動實施計畫1份，歡迎踴躍參加，如說明，請查照。 |\n|---|---|\n"
            "| 單位 / 發佈人 | 社教科 / 教師 |\n| 時間 / 點閱 | 2025-11-04 09:44 / 36 |\n| 內容 |\n"
            "說明: 一、依據本府114年11月3日府教社字第1140431096號函辦理。 二、請踴躍參加。\n")
    d = parse(text)
    assert d["subject"] == "轉知「校園植樹」活動實施計畫1份，歡迎踴躍參加，如說明，請查照。"
    assert [i["marker"] for i in d["sections"][0]["items"]] == ["一", "二"]
    d = parse(text.replace("，歡迎踴躍參加，如說明，請查照。", "活動"))
    assert d["subject"] is None


def test_a_headline_printed_again_as_the_labelled_subject_keeps_the_labelled_copy():
    text = ("2025-07-01\n更正公告本市第二市場停車場訂於今114年8月底前完成月票抽籤作業。\n主旨: |\n"
            "更正公告本市第二市場停車場訂於今114年8月底前完成月票抽籤作業。 |\n依據: |\n本市公有停車場收費自治條例第6條。 |\n")
    d = parse(text)
    assert d["subject"] == "更正公告本市第二市場停車場訂於今114年8月底前完成月票抽籤作業。"


def test_items_after_a_subject_closed_by_an_expectation_are_the_body_and_files_under_it_attachments():
    text = ("| 主旨: |\n檢送「114年度流感疫苗接種計畫」1份,請配合辦理,請查照。 |\n| 一、 |\n依據教育部114年9月4日臺教國署學字第"
            "1140087270號函辦理。 |\n| 二、 |\n請學校加強宣導。 |\n387040000E_1140083441_print.pdf\n"
            "387040000E_1140083441_ATTACH1.pdf\n|\n")
    d = parse(text)
    assert d["subject"] == "檢送「114年度流感疫苗接種計畫」1份，請配合辦理，請查照。"
    assert [(s["name"], [i["marker"] for i in s["items"]]) for s in d["sections"]] == [("本文", ["一", "二"])]
    assert [a["file"] for a in d["attachments"]] == ["387040000E_1140083441_ATTACH1.pdf"]


def test_a_page_of_items_one_of_which_sends_documents_is_part_of_a_letter():
    text = ("公告 王小明 - 最新消息 | 2025-07-11 | 點閱數: 25\n一、推薦原則如下:\n(一)未滿18歲者。\n(二)推薦人數以5人為原則。\n"
            "二、檢送衛生福利部推選說明及填報表各1份。\n")
    d = parse(text)
    assert d["complete"] is False and [i["marker"] for i in d["sections"][0]["items"]] == ["一", "二"]


def test_item_numbers_spaced_from_their_stop_in_a_sites_table_and_a_download_link_for_the_attachment():
    text = ("| 主旨: |\n| 請各會員旅行社申請補助時務必以確實資料提出，請查照。 |\n| 說明: |\n| 1 .\n|\n依據交通部觀光局111年8月26日"
            "觀業字第1113001868號函辦理。 |\n| 2 .\n|\n常見態樣如下：\n(一)以不實單據申請。\n(二)借用他社名義申請。 |\n"
            "| 附件:\n公文 下載\n|\n")
    d = parse(text)
    items = d["sections"][0]["items"]
    assert [(i["marker"], [c["marker"] for c in i["children"]]) for i in items] == [("1", []), ("2", ["(一)", "(二)"])]
    assert d["attachments"] == []


def test_a_file_named_from_the_label_word_under_the_label_is_the_attachment():
    d = parse("主旨：公告修訂收費區位置附表。\n公告事項：\n一、詳如附件。\n附件:\n附件-國道高速公路通行費徵收計畫.pdf\n")
    assert [a["file"] for a in d["attachments"]] == ["附件-國道高速公路通行費徵收計畫.pdf"]


def test_item_one_headed_by_a_label_word_over_an_unlabelled_item_two():
    d = parse("國科會修正「補助計畫作業要點」第五點，並自即日生效。\n\n一、說明:國科會修正「補助計畫作業要點」第五點。\n\n"
              "二、檢附修正後要點(請點選)。\n")
    assert d["subject"] == "國科會修正「補助計畫作業要點」第五點，並自即日生效。"
    assert [(s["name"], [i["text"][:3] for i in s["items"]]) for s in d["sections"]] == [("本文", ["說明：", "檢附修"])]
    d = parse("一、主旨：修正要點，請查照。\n二、說明：依據本部函辦理。\n")
    assert d["subject"] == "修正要點，請查照。" and [s["name"] for s in d["sections"]] == ["說明"]


def test_a_posts_gregorian_date_and_board_category_under_its_headline_are_the_sites():
    d = parse("109-2 師生活動經費補助申請規定\n2021-01-04• 最新消息\n一、依據「師生活動經費補助要點」辦理。\n"
              "二、請各社團於期限內申請，逾期不受理。\n")
    assert d["sections"][0]["text"] == "109-2師生活動經費補助申請規定"


def test_review_undated_citations_by_pronoun_and_long_names_keep_their_issuer():
    refs = find_references("依本局北市教國字第1133000011號函辦理。", issuer="臺北市政府教育局")
    assert [(r.issuer, r.issuer_from, r.dispatch_no.word, r.text) for r in refs] == [
        ("臺北市政府教育局", "本局", "北市教國", "本局北市教國字第1133000011號函")]
    refs = find_references("依中華郵政股份有限公司營字第1130000011號函辦理。")
    assert [(r.issuer, r.dispatch_no.word) for r in refs] == [("中華郵政股份有限公司", "營")]


def test_review_third_party_word_means_the_agency_named_before_never_the_writer_nor_a_word():
    text = ("本局前以113年1月2日北市教國字第1133000011號函知在案。臺北市政府警察局來函表示，該局業以113年2月1日"
            "北市警交字第1133000022號函辦理。")
    assert [r.issuer for r in find_references(text, issuer="臺北市政府教育局")] == ["臺北市政府教育局", "臺北市政府警察局"]
    text = ("依據內政部113年1月2日台內人字第1130000011號函辦理。旨揭函轉法務部意見，該部業以113年2月1日法律字第"
            "11303500222號函釋。")
    assert [r.issuer for r in find_references(text)] == ["內政部", "法務部"]
    assert cited("為強化學校內部控制，請各校依該部113年2月1日臺教綜字第1130000022號函辦理。") == [
        (None, "該部", "臺教綜字第1130000022號")]


def test_review_massage_unions_and_generic_county_words():
    assert cited("依據臺北市視障按摩職業工會113年3月1日北視按字第1130000011號函辦理。")[0][0] == "臺北市視障按摩職業工會"
    text = "依據花蓮縣政府113年3月1日府教學字第1130000011號函及本案前經113年2月1日府教學字第1130000022號函辦理。"
    assert [r[0] for r in cited(text)] == ["花蓮縣政府", None]


def test_review_blank_markers_number_anew_under_each_item_and_leave_the_text_alone():
    d = parse("主旨：辦理活動，請查照。\n說明：\n一、活動說明：\n()活動主旨：推廣。\n()參加資格：學生。\n二、報名方式如下：\n"
              "()線上報名。\n()傳真報名。\n")
    items = d["sections"][0]["items"]
    assert [(i["text"], [c["text"] for c in i["children"]]) for i in items] == [
        ("活動說明：", ["活動主旨：推廣。", "參加資格：學生。"]), ("報名方式如下：", ["線上報名。", "傳真報名。"])]


def test_review_attachment_titles_with_brackets_and_joined_titles_in_a_systems_file_list():
    from pipeline.parse.attachment_list import parse_attachments
    files = "( 376550000A_1130000001_ATTACH1.pdf、376550000A_1130000001_ATTACH2.odt,共二個電子檔案 )"
    assert [(a.title, a.file) for a in parse_attachments("(2件) 實施計畫(草案)" + files)] == [
        ("實施計畫（草案）", "376550000A_1130000001_ATTACH1.pdf"), (None, "376550000A_1130000001_ATTACH2.odt")]
    assert [a.title for a in parse_attachments("(2件) 實施計畫及報名表" + files)] == ["實施計畫", "報名表"]


def test_review_a_spaced_decimal_is_no_item_and_a_repeated_label_value_stays():
    from pipeline.parse.clean import normalise_line
    assert normalise_line("1 . 5 公尺之走道") != "1.5公尺之走道" and not normalise_line("1 . 5 公尺之走道").startswith("1.")
    d = parse("受文者：\n國立臺灣師範大學附屬高級中學\n發文日期：中華民國113年1月2日\n發文字號：北市教國字第1133000011號\n"
              "主旨：請查照。\n正本：\n國立臺灣師範大學附屬高級中學\n")
    assert d["recipient"] == "國立臺灣師範大學附屬高級中學" and [e["name"] for e in d["cc_main"]] == ["國立臺灣師範大學附屬高級中學"]


def test_review_headlines_that_only_begin_with_zhuan_relay_nothing():
    from pipeline.errors import InputError
    with pytest.raises(InputError):
        parse("轉學生招生說明會\n一、時段：上午9時。\n二、地點：本校禮堂。\n")


def test_letter_at_2_records_are_read_as_letter_at_3():
    from pipeline.records import LETTER_SCHEMA, from_dict
    record = from_dict({"schema": "gongwen/letter@2", "subject": "請查照。", "sections": [
        {"name": "說明", "text": "", "items": [{"marker": "一", "number": 1, "text": "依據。", "children": []}]}]})
    assert record.schema == LETTER_SCHEMA == "gongwen/letter@3" and record.sections[0].items[0].number == 1


def test_a_gazettes_copy_list_ends_at_the_signature_or_at_the_text_the_letter_sends():
    head = "考試院 函\n受文者：立法院\n發文日期：中華民國92年3月4日\n發文字號：考台組貳一字第09200012345號\n主旨：函送「公務人員陞遷法」修正草案，請查照審議。\n"
    d = parse(head + "正本：立法院\n副本：銓敘部　行政院人事行政局（均含附件）\n院 長　許 水 德\n公務人員陞遷法修正草案總說明\n"
              "公務人員陞遷法於民國八十九年五月十七日公布，同年七月十六日施行。\n")
    assert d["signature"] == "院長 許水德"
    assert [(e["name"], e["with_attachments"]) for e in d["cc_copy"]] == [("銓敘部", True), ("行政院人事行政局", True)]
    d = parse(head + "正本：立法院\n副本：法務部（含附件）、行政院法規會（含附件）\n監獄組織通則\n"
              "中華民國三十五年一月十九日國民政府制定公布全文22條。\n")
    assert [e["name"] for e in d["cc_copy"]] == ["法務部", "行政院法規會"]
    d = parse(head + "正本：立法院\n副本：法源資訊股份有限公司、勞動部職業安全衛生署、勞動部勞動條件及就業\n平等司(含附件)\n")
    assert [e["name"] for e in d["cc_copy"]][-1] == "勞動部勞動條件及就業平等司"


def test_fields_a_site_numbers_one_by_one_are_the_letters_own():
    d = parse("  1. 發文日期:110年7月9日。\n  2. 發文字號:中市生甲字第1100002037號。\n  3. 主旨:有關靈堂暫停使用一案,請查照。\n"
              "  4. 說明:\n    1. 本案自本(110)年7月9日起施工。\n    2. 請所屬會員配合辦理。\n  5. 受文者:臺中市殯葬商業同業公會。\n")
    assert (d["date"]["iso"], d["dispatch_no"]["text"], d["recipient"]) == (
        "2021-07-09", "中市生甲字第1100002037號", "臺中市殯葬商業同業公會")
    assert [i["text"] for i in d["sections"][0]["items"]] == ["本案自本(110)年7月9日起施工。", "請所屬會員配合辦理。"]
    quoted = parse("主旨：轉知市府來函，請查照。\n說明：\n一、市府來函：\n1. 發文日期：111年3月8日\n2. 發文字號：府教字第1110000011號\n")
    assert quoted["date"] is None and quoted["dispatch_no"] is None


def test_a_dashed_post_date_is_no_letter_date_and_a_bracketed_year_alone_opens_a_date():
    d = parse("107-07-27\n一、本部補助各大專校院開設課程，請轉知所屬踴躍申請。\n二、受理期間自(107)年8月1日至9月30日止。\n")
    assert d["date"] is None
    assert [p["text"] for p in d["periods"]] == ["(107)年8月1日至9月30日止"]


def test_a_presidential_order_cited_by_its_number_names_its_issuer_after_it():
    assert cited("二、公務人員退休資遣撫卹法業奉106年8月9日華總一義字第10600095491號總統令公布。") == [
        ("總統", None, "華總一義字第10600095491號")]
    assert cited("中華民國111年12月21日總統令") == []


def test_numbered_items_over_the_copy_list_without_labels_are_the_body_not_the_subject():
    d = parse("一、復貴府101年2月7日府農林字第1010500548號函。 二、有關申請造林計畫之應備文件已明定於實施要點第7點。 "
              "正本:臺中市政府 副本:本會林務局\n")
    assert d["subject"] is None
    assert [(s["name"], [i["marker"] for i in s["items"]]) for s in d["sections"]] == [("本文", ["一", "二"])]


def test_a_copy_mark_under_a_pages_furniture_over_the_head_rows_is_no_copy_list():
    text = ("台灣釣權會 -- 本會公函\n正在加載......\nindex\n會員帳號 :\n會員密碼 :\n首頁 > 公文公函 > 本會公函\n\n 正本\n\n"
            "發文方式:郵寄                         檔號:\n保存年限:\n台灣釣權會 函\n受文者:交通部臺中港務局\n發文日期:中華民國94年9月28日\n"
            "發文字號:(94)釣權字第0928號\n主旨:建議開放北堤供民眾垂釣，請查照。\n")
    d = parse(text)
    assert d["cc_main"] == [] and d["subject"] == "建議開放北堤供民眾垂釣，請查照。"


def test_a_period_written_this_year_without_its_number_takes_the_year_stated_before():
    from pipeline.parse.dates import find_periods
    periods, _ = find_periods("一、自103年12月1日至本(104)年7月31日止辦理借用計畫。二、本年9月1日至12月31日止再次辦理。")
    assert [(p.from_, p.to, p.text) for p in periods] == [
        ("2014-12-01", "2015-07-31", "103年12月1日至本(104)年7月31日止"), ("2015-09-01", "2015-12-31", "本年9月1日至12月31日止")]
    assert find_periods("本年9月1日至12月31日止辦理。")[0] == []


def test_a_bulletin_closed_by_ci_zhi_over_its_addressees_dated_by_its_time_of_issue():
    text = ("公佈日期查詢:\n公佈單位:\n教育部校安中心颱風第一號通報\n教育部校安中心颱風第一號通報\n113年9月29日08時\n"
            "一、中央氣象署將於9月29日上午08時30分發布海上颱風警報。\n二、請各校注意防颱準備。\n此致\n各公私立大專校院\n"
            "各直轄市政府教育局\n各縣市聯絡處\n本部高等教育司\n本部終身教育司\n")
    d = parse(text)
    assert d["date"]["iso"] == "2024-09-29" and d["issuer"] is None
    assert [e["name"] for e in d["cc_main"]] == ["各公私立大專校院", "各直轄市政府教育局", "各縣市聯絡處", "本部高等教育司",
                                                 "本部終身教育司"]
    assert d["sections"][0]["text"] == "" and [i["marker"] for i in d["sections"][0]["items"]] == ["一", "二"]


def test_a_school_sites_post_title_field_glued_to_a_relayed_citation_is_the_sites():
    text = (":::\n校園公告\n公告主旨 衛生福利部111年3月28日衛授疾字第1110200317號公 告修正「防疫措施裁罰規 定」公告\n"
            "發佈日期 2022 年 4 月 11 日\n發佈單位 衛生保健組\n公告內容\n說明:\n一、依衛生福利部111年3月28日衛授疾字第"
            "1110200317A號函辦理。\n二、建議各機關督導所屬落實執行。\n")
    d = parse(text)
    assert (d["issuer"], d["date"], d["dispatch_no"], d["doc_type"]) == (None, None, None, None)


def test_same_year_month_day_interpretive_orders_and_book_title_issuers():
    text = ("(一)依據財政部107年5月28日台財稅字第10700561960號令(如附影本)、同年月日台財稅字第10700561961號函及"
            "台財稅字第10700561962號函辦理。")
    refs = find_references(text)
    assert [(r.issuer, r.kind, r.date and r.date.iso, r.dispatch_no.word) for r in refs] == [
        ("財政部", "令", "2018-05-28", "台財稅"), ("財政部", "函", "2018-05-28", "台財稅"), ("財政部", "函", None, "台財稅")]
    assert cited("依《中區國稅局》中區國稅四字第1072006461B號函。") == [("中區國稅局", None, "中區國稅四字第1072006461B號")]
    refs = find_references("二、本局於107年1月31日以經標二字第10720000130號解釋令釋示在案。", issuer="經濟部標準檢驗局")
    assert [(r.kind, r.issuer) for r in refs] == [("令", "經濟部標準檢驗局")]


def test_a_posts_empty_contact_fields_over_the_letters_labels_are_no_card_and_no_name():
    text = ("國籍函釋令宣導\n有關外國人居留證明書\n日期:99-05-04    聯絡人:    聯絡資訊:\n標題:有關外國人居留證明書\n說明:\n"
            "一、 內政部98年6月2日台內戶字第0980077728號函復略於:\n二、 請戶政事務所依居留事由分段記載。\n"
            "類別:[國籍函釋令宣導]\n上版日期:99-05-04\n")
    d = parse(text)
    assert d["contact"]["name"] is None
    assert [(s["name"], [i["marker"] for i in s["items"]]) for s in d["sections"]][-1] == ("說明", ["一", "二"])
    assert [r["issuer"] for r in d["references"]] == ["內政部"]


def test_an_attachment_word_a_sentence_points_at_is_no_label():
    d = parse("RE:有關腸病毒防治事項~請貴園配合辦理落實防治工作。 ~查核作業重點及防治手冊 如以下附件: |\n")
    assert d["sections"][0]["text"].endswith("查核作業重點及防治手冊如以下附件：") and d["attachments"] == []


def test_a_section_label_set_apart_by_a_space_inside_a_run_together_line_opens_its_section():
    d = parse("臺南市政府 公告 發文日期：中華民國110年12月2日 發文字號：府都規字第1101456789號 主旨：公告本市新市區"
              "細部計畫公開展覽。 依據：都市計畫法第19條及第28條 公告事項： 一、公開展覽時間：自民國110年12月3日起30天。 "
              "二、公開展覽地點：本府公告欄。\n")
    assert [(s["name"], s["text"], len(s["items"])) for s in d["sections"]] == [
        ("依據", "都市計畫法第19條及第28條", 0), ("公告事項", "", 2)]


def test_review_b_sub_items_naming_a_contact_are_no_numbered_fields():
    d = parse("臺南市政府教育局 函\n發文日期：中華民國113年9月2日\n發文字號：南市教安字第1130123456號\n"
              "請貴校薦派教師參加本局113年度校園安全研習。\n一、研習日期：113年9月27日。\n二、報名方式：\n"
              "1.聯絡人：本局學安科王小明\n2.電話：06-2991111\n三、請於9月20日前報名。\n")
    assert d["subject"] == "請貴校薦派教師參加本局113年度校園安全研習。"
    assert [i["marker"] for i in d["sections"][0]["items"]] == ["一", "二", "三"]


def test_review_b_undated_words_opening_with_a_verb_character_stay_whole():
    assert cited("依據經授商字第11352012340號函辦理。")[0][2] == "經授商字第11352012340號"


def test_review_b_ci_zhi_never_lists_the_issuer_a_signature_or_a_salutation():
    head = "教育部 書函\n發文日期：中華民國113年9月2日\n發文字號：臺教學(二)字第1130012345號\n主旨：請查照。\n說明：請轉知所屬。\n"
    d = parse(head + "此致\n各公私立大專校院\n教育部\n")
    assert [e["name"] for e in d["cc_main"]] == ["各公私立大專校院"]
    d = parse(head + "此致\n敬禮\n")
    assert d["cc_main"] == []


def test_review_b_a_copy_lists_wrapped_names_stay_whole_before_the_signature():
    d = parse("臺北市政府 函\n發文日期：中華民國113年3月4日\n發文字號：府授民字第1130012345號\n主旨：函送里鄰調整案，請查照。\n"
              "正本：內政部\n副本：本府民政局、臺北市各里辦公\n處(請張貼公告欄)\n市長　蔣萬安\n里鄰調整說明：本案依規定辦理。\n")
    assert [e["name"] for e in d["cc_copy"]] == ["本府民政局", "臺北市各里辦公處"] and d["signature"] == "市長 蔣萬安"


def test_items_of_clauses_posted_alone_are_a_relayed_explanation():
    d = parse("一、外交部為持續提供我國青年學子參與國際交流機會，本年恢復辦理國際青年大使交流計畫。\n\n"
              "二、本計畫即日起至7月14日止受理報名，歡迎35歲以下大專院校學生踴躍報名。\n")
    assert d["complete"] is False and [i["marker"] for i in d["sections"][0]["items"]] == ["一", "二"]


def test_a_relayed_paragraph_opening_with_its_grounds_that_asks_is_part_of_a_letter():
    d = parse("轉知 管理員 - 總務處 | 2016-03-08 | 點閱數: 661\n\n依據行政院環境保護署空氣品質網預報(如附件1),105年3月5日至7日"
              "中南部地區空氣品質不良,請隨時注意空氣品質監測情形,並依本部公告之處理措施辦理。\n")
    assert d["complete"] is False and d["sections"][0]["text"].startswith("依據行政院環境保護署空氣品質網預報（如附件1），105年")


def test_lost_number_markers_run_on_after_a_colon_are_items():
    d = parse("說明:\n一、依核能安全委員會函辦理。\n二、所稱「核子原料」係指: ()鈾礦物,其含鈾成分在百分之五以上者。 "
              "()任何物理或化學形式之鈾、釷,其含量在百分之五以上者。\n")
    item = d["sections"][0]["items"][1]
    assert item["text"] == "所稱「核子原料」係指：" and [c["marker"] for c in item["children"]] == ["()", "()"]


def test_a_notices_headline_with_post_fields_after_it_is_the_subject():
    d = parse("公告本市大稻埕公園地下停車場自103年1月11日起採差別停車費率。• 發布機關：臺北市停車管理工程處\n類別：交通運輸\n"
              "依據：停車場法第25條。\n公告事項：\n一、停車費率調整如后。\n二、上述費率調整於活動結束後恢復。\n")
    assert d["subject"] == "公告本市大稻埕公園地下停車場自103年1月11日起採差別停車費率。"


def test_a_boards_gap_after_an_items_marker_keeps_the_item_on_its_line():
    d = parse("2021-06-22\n\n\n一、     因應國內疫情嚴峻,且暑假即將到來,請各校(園)持續落實各項防疫措施。\n\n"
              "二、     放暑假前,請各校(園)透過學校網站向學生、家長宣導。\n")
    assert [(i["marker"], i["text"][:4]) for i in d["sections"][0]["items"]] == [("一", "因應國內"), ("二", "放暑假前")]


def test_a_note_in_brackets_between_the_number_and_the_kind():
    text = "一、依據教育部國民及學前教育署111年10月5日臺教國署原字第1110121805號(核定)函暨112年2月24日臺教國署原字第1120019912號(撥付)函辦理。"
    assert [(r.kind, r.dispatch_no.number) for r in find_references(text)] == [("函", "1110121805"), ("函", "1120019912")]


def test_a_heading_line_ending_in_a_label_word_is_no_label():
    d = parse("主旨：召募老人文康中心志工。\n依據：「老人文康中心志願服務隊服務規則」。\n114年度老人文康中心志工召募作業說明:\n"
              "一、召募條件\n(一)年滿18歲者。\n二、召募對象：退休人員。\n")
    assert [s["name"] for s in d["sections"]] == ["依據"]
    assert d["sections"][0]["text"].endswith("114年度老人文康中心志工召募作業說明：")
