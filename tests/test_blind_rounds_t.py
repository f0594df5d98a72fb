"""Conventions found by session 19's blind rounds T1–T6 and RP1 (tests/data/real: t1-…t6-, rp1- stems). Each input
below is written in the shape those pages have, not copied from them."""
from __future__ import annotations

import pytest
from parse_text import parse

from pipeline.errors import InputError
from pipeline.parse.references import find_references


def cited(text: str) -> list[tuple]:
    """Given 說明 text, return each reference's (text, kind, date as ISO, 發文字號 as text)."""
    return [(r.text, r.kind, r.date and r.date.iso, r.dispatch_no and r.dispatch_no.text) for r in find_references(text)]


def test_a_citation_followed_by_a_verb_of_receipt_without_its_kind():
    text = "一、本府112年3月6日府社助字第1120045678號諒達。"
    assert cited(text) == [("本府112年3月6日府社助字第1120045678號", None, "2023-03-06", "府社助字第1120045678號")]
    assert cited("一、前揭本府112年3月6日府社助字第1120045678號函諒悉。")[0][1] == "函"


def test_a_citation_whose_typist_left_out_its_hao_before_the_kind():
    text = "說明：另依本部92年5月20日台內營字第0920081234函，管理負責人得由區分所有權人推選。"
    assert cited(text) == [("本部92年5月20日台內營字第0920081234函", "函", "2003-05-20", "台內營字第0920081234號")]
    assert cited("說明：依本部92年5月20日台內營字第09200812函辦理。") == [
        ("本部92年5月20日台內營字第09200812函", "函", "2003-05-20", "台內營字第09200812號")]
    assert find_references("說明：請填報第0920081234函報名表。") == []  # no date, no 字: no citation


def test_a_relay_headline_over_one_paragraph_is_a_partial_letter_under_the_site_lines():
    text = ("Your browser does not support JavaScript!\n分類清單\nRecent\n數據載入中...\n"
            "轉知教育部函釋有關學生兼任助理勞動權益疑義\n"
            "依「專科以上學校學習與勞動權益保障指導原則」規定，學習型助理與學校間不具僱傭關係，學校應訂定相關規範，"
            "以保障學生權益。\n瀏覽數\n將此文章推薦給親友\n")
    record = parse(text)
    assert record["complete"] is False
    assert record["sections"] == [{"name": "本文", "items": [], "text": (
        "轉知教育部函釋有關學生兼任助理勞動權益疑義依「專科以上學校學習與勞動權益保障指導原則」規定，學習型助理與學校間"
        "不具僱傭關係，學校應訂定相關規範，以保障學生權益。")}]
    # a head over the headline stays the letter's: 「代花蓮縣政府公告」 is its title line
    kept = parse("代花蓮縣政府公告\n函轉內政部有關清明掃墓期間防災事項:\n為避免發生公墓火災，請規劃防災，並加強宣導，請查照。\n")
    assert (kept["issuer"], kept["doc_type"]) == ("花蓮縣政府", "公告")


def test_a_relay_headline_over_no_paragraph_is_still_refused():
    with pytest.raises(InputError):
        parse("轉知教育部函釋有關學生兼任助理勞動權益疑義\n瀏覽數\n將此文章推薦給親友\n")


def test_a_label_heading_a_later_part_of_a_relay_that_numbers_its_own_parts():
    text = ("一、依據南市教特(三)字第1140501234號函辦理(如附件)\n二、說明:\n1、依據特殊教育法第20條規定辦理。\n"
            "2、倘學生經評估有特殊教育需求，應函報本局知悉。\n")
    record = parse(text)
    assert [s["name"] for s in record["sections"]] == ["本文"]
    items = record["sections"][0]["items"]
    assert [(i["number"], i["text"]) for i in items] == [
        (1, "依據南市教特（三）字第1140501234號函辦理（如附件）"), (2, "說明：")]
    assert [c["text"] for c in items[1]["children"]] == ["依據特殊教育法第20條規定辦理。", "倘學生經評估有特殊教育需求，應函報本局知悉。"]
    # parts that each open with a label stay the letter's labels
    labelled = parse("一、依據：本部112年3月1日臺教字第1120012345號函。\n二、說明：請各校配合辦理。\n")
    assert "說明" in [s["name"] for s in labelled["sections"]]


def test_a_web_address_alone_over_a_relayed_letter_is_the_page_s():
    text = ("https://news.example.edu.tw/modules/news/index.php?page=department&cate_id=10&id=106125\n"
            "一、依據本府112年12月25日府教特字第1120251234號函辦理。\n二、補助基準：學生每人每學期最高補助2萬元，請踴躍申請。\n")
    record = parse(text)
    assert record["sections"][0]["text"] == ""
    assert [i["number"] for i in record["sections"][0]["items"]] == [1, 2]


def test_files_under_their_own_numbered_attachment_labels_after_the_text():
    text = ("一、本府訂於108年3月辦理防災校園輔導訪視，請受訪視學校準備資料，詳如附件。\n"
            "二、請受訪視學校於訪視前一週上傳資料，請查照。\n\n"
            "附件1 訪視重點說明.docx\n附件2 輔導訪視期程表.docx \n\n附件3 演練腳本空白範例.xlsx\n")
    record = parse(text)
    assert [(a["title"], a["file"]) for a in record["attachments"]] == [
        (None, "訪視重點說明.docx"), (None, "輔導訪視期程表.docx"), (None, "演練腳本空白範例.xlsx")]
    assert not any("kept in no field" in w for w in record["warnings"])
    # a line that is no file under its label keeps the lines out of the attachments
    mixed = parse(text.replace("附件3 演練腳本空白範例.xlsx", "相關資訊請洽承辦人"))
    assert mixed["attachments"] == []


def test_a_ruling_s_points_run_on_after_a_stop_and_the_database_s_repeal_note():
    text = ("二、本部72年12月31日台財稅第39235號函規定應就漏稅總額處罰，且罰鍰得對遺產執行。又對遺產執行時，繼承人亦應為"
            "執行義務人。三、我國遺產稅係採總遺產稅制，即就被繼承人所遺財產總額計稅，仍得對遺產執行。\n"
            "(本部110年3月29日台財稅字第11004543002號令廢止本函)\n")
    record = parse(text)
    assert (record["doc_type"], record["issuer"], record["date"], record["dispatch_no"]) == (None, None, None, None)
    items = record["sections"][0]["items"]
    assert [i["number"] for i in items] == [2, 3]
    assert items[1]["text"] == "我國遺產稅係採總遺產稅制，即就被繼承人所遺財產總額計稅，仍得對遺產執行。"
    assert [r["dispatch_no"]["text"] for r in record["references"]] == ["台財稅第39235號"]
    # a numeral enumerating grades after a stop is no item
    grades = parse("一、本校辦理課後照顧，請家長踴躍報名。三、四年級學生於週三下午上課，請查照。\n")
    assert len(grades["sections"][0]["items"]) == 1


def test_a_joined_citation_takes_the_issuer_before_it_only_under_the_same_agency_s_word():
    refs = find_references("一、依據教育部國民及學前教育署105年11月24日臺教國署學字第1050139471號函及103年1月16日"
                           "臺教學(五)字第1030006876A號令辦理。")
    assert [r.issuer for r in refs] == ["教育部國民及學前教育署", None]
    refs = find_references("二、行政院82年6月28日台82人政字第22024號函及84年4月8日台84人政考字第05984號函規定。")
    assert [r.issuer for r in refs] == ["行政院", "行政院"]  # the year inside an older 字 aside: one agency's


def test_a_page_printing_the_last_items_again_and_an_office_s_tag_over_the_headline():
    text = ("【課外活動組】 教育部體育署函轉交通部辦理世界自行車日環騎活動\n一、 依據交通部114年3月28日交路字第1145001234號函辦理。\n"
            "二、 交通部於114年6月3日辦理環騎活動，規劃以46段路線分段同步環騎。\n"
            "三、 請協助轉知所屬學生社團組隊參加，以利聯繫各路段主辦窗口。\n"
            "二、 交通部於114年6月3日辦理環騎活動，規劃以46段路線分段同步環騎。\n"
            "三、 請協助轉知所屬學生社團組隊參加，以利聯繫各路段主辦窗口。\n瀏覽數:\n")
    section = parse(text)["sections"][0]
    assert section["text"] == "教育部體育署函轉交通部辦理世界自行車日環騎活動"
    assert [i["number"] for i in section["items"]] == [1, 2, 3]
    assert section["items"][2]["text"] == "請協助轉知所屬學生社團組隊參加，以利聯繫各路段主辦窗口。"


def test_a_school_board_s_document_format_notice_under_the_letter_is_the_site_s():
    text = ("說明:\n一、依據衛生福利部113年11月18日衛授家字第1130661234號函辦理轉知。\n"
            "二、本案聯絡人:該部社會及家庭署柯小姐 04-2250-2860 ,電子郵件: sfaa@sfaa.gov.tw 。\n"
            "為提供使用者有文書軟體選擇的權利,本公告系統之文件為ODF或PDF開放文件格式, 建議您安裝免費開源軟體。\n")
    record = parse(text)
    assert record["doc_type"] is None
    assert record["sections"][0]["items"][1]["text"].endswith("sfaa@sfaa.gov.tw。")


def test_a_cited_issuer_after_the_words_measuring_a_case_against_it():
    refs = find_references("二、至如有符合銓敘部112年7月7日部法一字第11255919391號令所定情形者，免報備查。")
    assert [(r.issuer, r.text) for r in refs] == [("銓敘部", "銓敘部112年7月7日部法一字第11255919391號令")]


def test_a_section_name_after_xia_lie_points_at_the_items_below():
    record = parse("一、本校將辦理社交工程演練，敬請全體教職員配合下列說明:\n(一)勿開啟來路不明之郵件。\n(二)勿點選郵件中之連結。\n"
                   "二、演練期間為114年5月1日至5月31日，請查照。\n")
    assert [s["name"] for s in record["sections"]] == ["本文"]
    assert [c["text"] for c in record["sections"][0]["items"][0]["children"]] == ["勿開啟來路不明之郵件。", "勿點選郵件中之連結。"]


def test_a_contact_label_wrapped_inside_an_item_s_open_bracket_is_the_item_s():
    text = ("一、依據教育部114年9月1日臺教文字第1140012345號函辦理。\n二、如有相關疑問請洽文化部○○○小姐(聯絡電話:02-8512-\n"
            "6220、電子信箱:abc0101@moc.gov.tw)。\n")
    record = parse(text)
    assert record["contact"]["email"] is None
    assert record["sections"][0]["items"][1]["text"] == (
        "如有相關疑問請洽文化部○○○小姐（聯絡電話：02-8512-6220、電子信箱：abc0101@moc.gov.tw）。")


def test_a_transcription_s_page_foot_ends_the_copy_lists_and_the_attachment_after_them_is_no_entry():
    text = ("客家委員會 函 發文日期:中華民國101年8月20日 發文字號:客會產字第1010013844號 主旨:檢送本會作業要點乙份,請 查照。"
            " 說明:請轉知所屬。 正本:教育部、經濟部、縣(市)政府 第1頁 共2頁 11060 16756 06016 副本:本會產業經濟處"
            " 101/08/20 電子公文 10:46:20 交換章 裝 訂 756 線 第2頁 共2頁 客家委員會推展客家青年創業補助作業要點"
            " 一、本會為落實客庄在地繁榮目標,協助客家青年返鄉創業\n")
    record = parse(text)
    assert [e["name"] for e in record["cc_main"]] == ["教育部", "經濟部", "縣（市）政府"]
    assert [e["name"] for e in record["cc_copy"]] == ["本會產業經濟處"]


def test_a_list_an_item_sets_out_after_a_colon_keeps_its_own_markers():
    text = ("說明：\n一、復貴部105年11月18日勞動發就字第1050512345號函。\n"
            "二、按本法第18條規定，該措施得包括下列事項：一、配置管理之人員。二、界定個人資料之範圍。三、風險評估機制。"
            "三、次按本法第12條規定，應查明後通知當事人。\n")
    items = parse(text)["sections"][0]["items"]
    assert [i["number"] for i in items] == [1, 2, 3]
    assert items[1]["text"].endswith("二、界定個人資料之範圍。三、風險評估機制。")
    assert items[2]["text"] == "次按本法第12條規定，應查明後通知當事人。"


def test_a_cited_issuer_after_si_the_word_for_what_followed():
    refs = find_references("二、嗣行政院於102年7月16日以院授人培字第1020041234號函修正規定。")
    assert [(r.issuer, r.text) for r in refs] == [("行政院", "行政院於102年7月16日以院授人培字第1020041234號函")]


def test_a_web_address_wrapped_inside_and_a_big5_converter_s_backslash():
    record = parse("一、本系統提供網路作業服務功\\能，請至網址h\nttps://gnweb.example.com.tw/GNWeb登入首頁。\n"
                   "二、如有疑問，請洽承辦人，請查照。\n")
    assert record["sections"][0]["items"][0]["text"] == (
        "本系統提供網路作業服務功能，請至網址https://gnweb.example.com.tw/GNWeb登入首頁。")
    # a backslash a text writes between two words (a site's menu path) stays
    menu = parse("一、表件可至該會網站點選口腔衛生\\各公會口腔衛生活動下載。\n二、請查照。\n")
    assert "口腔衛生\\各公會" in menu["sections"][0]["items"][0]["text"]


def test_an_order_reposted_with_the_rules_it_issues_is_a_letter_not_a_plan():
    text = ("教育部體育署補助推動學校游泳及水域運動實施要點\n教育部體育署 中華民國104520\n臺教體署學(二)字第1040013937E\n"
            "修正「教育部體育署補助推動學校游泳及水域運動實施要點」，並自即日生效。\n"
            "附修正「教育部體育署補助推動學校游泳及水域運動實施要點」\n署　　長　何卓飛\n"
            "教育部體育署補助推動學校游泳及水域運動實施要點修正規定\n一、本署為擴展學生水域運動體驗學習機會，特訂定本要點。\n"
            "二、補助對象：各級學校。\n")
    record = parse(text)
    assert record["schema"].startswith("gongwen/letter")
    assert (record["doc_type"], record["signature"]) == ("令", "署長 何卓飛")
    assert record["attachments"][0]["title"] == "修正「教育部體育署補助推動學校游泳及水域運動實施要點」"


def test_a_site_s_rating_rows_picture_widget_and_comment_box_enter_no_field():
    text = ("文章推薦指數: 80 %\n投票人數:10人\n主旨：有關公務人員出國進修疑義一案，請查照。\n說明：依本會92年1月2日公保字第0920001234號函辦理。\n"
            "請為這篇文章評分?\n")
    record = parse(text)
    assert record["subject"] == "有關公務人員出國進修疑義一案，請查照。"
    assert record["sections"][0]["text"] == "依本會92年1月2日公保字第0920001234號函辦理。"
    draft = parse("公告事項：\n一、訂定依據。（草案第一條）\n二、明訂施行日期。（草案第二條）\n|\n圖表附件: |\n|\n發表建議區\n無任何建議。\n")
    assert draft["sections"][0]["items"][1]["text"] == "明訂施行日期。（草案第二條）"
    widget = parse("公告事項：\n一、產製私菸供自用不罰。\n二、本公告自即日生效。\n    • 相關圖片\n      1. 產製私菸及私酒供自用不罰之數量限制\n")
    assert [i["text"] for i in widget["sections"][0]["items"]] == ["產製私菸供自用不罰。", "本公告自即日生效。"]


def test_a_subject_closed_by_its_request_then_a_site_s_heading_and_items_run_onto_its_line():
    text = ("主旨:[公告]轉知教育部115年受理學生提案一案,請依說明辦理,請查照。 摘要: 一、依據教育部114年10月16日臺教學(三)字第"
            "1142801234號函辦理。 二、請協助將本案資訊公告於學校網頁。 三、檢附提案單1份供參。\n")
    record = parse(text)
    assert record["subject"] == "轉知教育部115年受理學生提案一案，請依說明辦理，請查照。"
    assert [i["number"] for i in record["sections"][0]["items"]] == [1, 2, 3]


def test_a_joint_committee_s_fields_joined_by_a_comma_are_one_issuer():
    record = parse("立法院法制、經濟及能源委員會函\n受文者：本院議事處\n主旨：本會審查「經濟部水利署組織條例草案」案，請查照。\n")
    assert (record["issuer"], record["co_issuers"]) == ("立法院法制、經濟及能源委員會", [])
    joint = parse("財政部、經濟部 函\n主旨：有關產業創新條例之適用一案，請查照。\n")
    assert joint["issuer"] == "財政部"  # two agencies' names: a 會銜 title, its first the issuer


def test_a_board_s_numbered_list_of_the_exchange_files_gives_the_attachments():
    text = ("一、依銓敘部113年5月13日部法一字第11357031234號函辦理，並檢附原函影本1份。\n二、請於文到後3個月內依規定辦理。\n\n"
            "  •  \n    1) 376736800A_1130134314_ATTACH1.pdf\n  •  \n    2) 376736800A_1130134314_ATTACH2.pdf\n"
            "  •  \n    3) 376736800A_1130134314_print.pdf\n")
    assert [a["file"] for a in parse(text)["attachments"]] == [
        "376736800A_1130134314_ATTACH1.pdf", "376736800A_1130134314_ATTACH2.pdf"]


def test_a_flattened_table_s_cell_bar_between_a_label_and_its_value():
    record = parse("訊息內容 |\n轉知縣府來函\n主旨: |有關本縣「113年軍民聯合防空(萬安47號)演習」,請各\n校依說明配合辦理,請查照。 |\n"
                   "一、 |依據本府113年5月1日府消管字第1130171234號函辦理。 |\n二、 |請各校配合辦理。 |\n")
    assert record["subject"] == "有關本縣「113年軍民聯合防空（萬安47號）演習」，請各校依說明配合辦理，請查照。"


def test_a_post_s_title_printed_again_under_its_header_rows():
    title = "本所辦理114年度農用機具補助,請申請者於114年3月1日至5月31日止公告期間內辨理"
    text = (f"{title}\n發佈日期:2025-02-21 00:00:00\n發佈單位:中埔鄉\n{title}\n"
            "本所為辦理農用機具補助,請申請者於114年3月1日起至114年5月31日止向本所提出申請,並請依公告事項辦理。\n"
            "一、依照上開規定,請欲提出補助申請者,配合下列事項辦理:\n(一)申請時間:114年3月1日起至114年5月31日止。\n"
            "(二)資格條件:設籍本鄉鄉民。\n二、申請時請填具「申請人利益衝突迴避聲明書」,並檢具相關文件。\n")
    record = parse(text)
    assert record["subject"] == "本所為辦理農用機具補助，請申請者於114年3月1日起至114年5月31日止向本所提出申請，並請依公告事項辦理。"


def test_a_list_printed_again_and_cut_short_where_the_page_ends():
    text = ("說明:\n一、依據財團法人遠哲科學教育基金會114年8月19日114遠(企)字第1140000123號函辦理。\n"
            "二、請各校推薦符合資格之學生，並於9月30日前送件。\n三、餘相關申請資格及條件，請詳閱實施辦法(如附件)。\n"
            "一、依據財團法人遠哲科學教育基金會114\n")
    items = parse(text)["sections"][0]["items"]
    assert [i["number"] for i in items] == [1, 2, 3]
    assert items[2]["text"] == "餘相關申請資格及條件，請詳閱實施辦法（如附件）。"


def test_a_quoted_clause_s_marker_a_wrap_set_at_a_line_s_start_stays_the_quotation_s():
    text = ("一、本案請各校配合辦理。\n二、依據國民中小學開設本土語文課程應注意事項第2點第1項\n規定:「學校應於開課前,依下列規定調查學生選習意願:\n"
            "(一)新生:應於新生報到時,辦理選習本土語文類別之調查,作\n為開設本土語文課程之依據。」依同點第2項規定,以於每年5月31日前完成為原則。\n"
            "三、請各校依調查表辦理選習作業:\n(一)新生:請於新生報到時辦理調查。\n")
    items = parse(text)["sections"][0]["items"]
    assert [(i["number"], len(i["children"])) for i in items] == [(1, 0), (2, 0), (3, 1)]
    assert "（一）新生：應於新生報到時" in items[1]["text"]
