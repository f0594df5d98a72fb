"""Conventions found by session 20's blind rounds R1–R6 and the web printouts earlier rounds left (tests/data/real:
r1-…r6-, t19- stems). Each input below is written in the shape those pages have, not copied from them."""
from __future__ import annotations

from parse_text import parse


def test_a_breadcrumb_ends_the_site_header_over_a_relayed_letter():
    text = ("112招生榜單03\n112招生榜單02\n箭頭圖示\n學校簡介\n粉絲專頁圖示 粉絲專頁\n\n"
            "聯絡信箱:office@abc.ptc.edu.tw\n日間請撥:(08)7654321\n佈告欄圖示 教務處\n"
            "目前位置 : 首頁 / 教務處 / 轉知教育部有關推動校園閱讀計畫,請踴躍參加\n\n"
            "轉知教育部有關推動校園閱讀計畫,請踴躍參加\n\n張貼人:○○○\n時間:2023-10-02\n\n"
            "一、依教育部112年9月20日臺教國署國字第1120123456號函辦理。\n\n"
            "二、請各處室 鼓勵學生踴躍參加。\n")
    record = parse(text)
    assert record["complete"] is False
    assert record["sections"] == [{"name": "本文", "text": "轉知教育部有關推動校園閱讀計畫，請踴躍參加", "items": [
        {"marker": "一", "number": 1, "text": "依教育部112年9月20日臺教國署國字第1120123456號函辦理。", "children": []},
        {"marker": "二", "number": 2, "text": "請各處室鼓勵學生踴躍參加。", "children": []}]}]
    assert [r["dispatch_no"]["text"] for r in record["references"]] == ["臺教國署國字第1120123456號"]


def test_lines_of_a_letter_over_a_breadcrumb_stay():
    text = ("臺東縣政府 函\n目前位置 : 首頁 / 公告\n發文日期：中華民國112年9月20日\n發文字號：府教字第1120123456號\n"
            "主旨：請查照。\n")
    record = parse(text)
    assert (record["issuer"], record["dispatch_no"]["text"], record["subject"]) == ("臺東縣政府", "府教字第1120123456號", "請查照。")


def test_cell_rules_and_bullets_between_fields_run_onto_one_line_part_them():
    text = ("花蓮縣政府 函 | 地址: 970270 花蓮縣花蓮市府前路 17 號 承辦人:劉春霞 | 受文者:花蓮縣西富國民小學 | 發文日期: | "
            "中華民國 110 年 9 月 17 日 | 發文字號: | 府教終字第 1100186786 號 | 主旨: | 請鼓勵學生參與,請查照。 |\n")
    record = parse(text)
    assert (record["issuer"], record["doc_type"], record["recipient"]) == ("花蓮縣政府", "函", "花蓮縣西富國民小學")
    assert (record["date"]["iso"], record["dispatch_no"]["text"]) == ("2021-09-17", "府教終字第1100186786號")
    assert record["subject"] == "請鼓勵學生參與，請查照。"
    bullets = ("• 發文機關: 行政院農業委員會 • 發文日期: 中華民國 110 年 06 月 21 日 • 發文字號: 農授金字第1105084661號 "
               "• 主旨: 有關貴會辦理政策性農業專案貸款,請查照。 • 說明: 一、為引導資金挹注農業。 • 正本:設有信用部之農漁會 •\n")
    record = parse(bullets)
    assert record["issuer"] == "行政院農業委員會"
    assert record["subject"] == "有關貴會辦理政策性農業專案貸款，請查照。"
    assert record["cc_main"] == [{"name": "設有信用部之農漁會", "with_attachments": False}]
    # a site's own field after a bar stays in its post row (dropped whole), not a field of the letter
    post = parse("歷史訊息 | 發布日期: 2024/10/28 | 瀏覽人數: 71人\n主旨:公告本縣救助地區。\n")
    assert post["subject"] == "公告本縣救助地區。" and post["date"] is None


def test_a_boards_bracketed_tag_line_of_date_office_and_hits_is_the_sites():
    text = ("有關役男出境應經核准乙案\n【20231210/學務處/512】\n\n一、依據內政部役政署112年12月3日役署徵字第1128040149號函辦理。\n"
            "二、請宣導役男出國前申請核准。\n")
    record = parse(text)
    assert record["sections"][0]["text"] == "有關役男出境應經核准乙案"
    assert [i["number"] for i in record["sections"][0]["items"]] == [1, 2]


def test_a_post_title_printed_again_over_bare_items_stays_once():
    text = ("跳到主要內容區\n:::\n\n【宣導】役男出境應經申請核准\n\n"
            "最後更新日期 : 2025-12-16 資訊群組 : 教官室 公告分類 : 00共用-最新消息,07教官室-公告\n"
            "【宣導】役男出境應經申請核准\n\n一、依「役男出境處理辦法」第4條規定,役齡男子出境應經核准。\n二、檢附宣導資料1份。\n瀏覽數:\n")
    record = parse(text)
    assert record["sections"][0]["text"] == "役男出境應經申請核准"
    assert [i["text"] for i in record["sections"][0]["items"]] == [
        "依「役男出境處理辦法」第4條規定，役齡男子出境應經核准。", "檢附宣導資料1份。"]


def test_a_widgets_loading_caption_over_a_relay_is_the_sites():
    text = ("學務處\nRecent數據載入中... |\n大專校院在學役男因奉派出境者，依規定應經申請核准。\n"
            "說明: 一、依內政部役政署103年11月14日役署徵字第1030023819號函辦理。 二、請各校依規定辦理。\n")
    assert parse(text)["subject"] == "大專校院在學役男因奉派出境者，依規定應經申請核准。"


def test_a_posts_related_links_and_file_captions_under_the_last_item_are_the_sites():
    text = ("一、依據教育部113年5月2日臺教國署學字第1130051234號函辦理。\n\n二、請協助加強宣導。\n\n三、檢送宣導單張3份。\n\n"
            "相關連結 目前無資料\n相關檔案 點選檔名時,會以開新視窗方式呈現\n附件一(jpg檔)\n附件二(pdf檔)\n")
    items = parse(text)["sections"][0]["items"]
    assert items[-1]["text"] == "檢送宣導單張3份。"


def test_a_file_link_run_onto_an_items_last_sentence_is_the_sites():
    text = ("| 一、 | 依據法務部106年6月23日法律決字第10603508191號函辦理。 |\n"
            "| 二、 | 請於106年7月17日前公開於電腦網站。https://www.abc.hlc.edu.tw/uploads/tadnews/file/Attach001.xlsx |\n")
    items = parse(text)["sections"][0]["items"]
    assert items[-1]["text"] == "請於106年7月17日前公開於電腦網站。"


def test_a_sidebar_link_ending_in_a_bracketed_note_ends_no_sentence():
    text = ("| 一、 | 請向教職員工生宣導，入境時勿攜帶動植物檢疫物。 |\n"
            "| 二、 | 違規攜帶豬肉產品入境遭查獲，第1次裁罰新臺幣20萬元罰鍰。 |\n"
            "教育部反霸凌專線1953\n輔導信箱 5366@abc.tyc.edu.tw(我想聊聊)\n性別平等專區\n")
    items = parse(text)["sections"][0]["items"]
    assert items[-1]["text"] == "違規攜帶豬肉產品入境遭查獲，第1次裁罰新臺幣20萬元罰鍰。"
    # a line of the letter closing a bracket after a clause, or on attachments, still ends its sentence
    kept = parse("主旨：請查照。\n說明：\n一、請各校鼓勵學生參加，\n報名表（如附件）\n")
    assert kept["sections"][0]["items"][0]["text"] == "請各校鼓勵學生參加，報名表（如附件）"


def test_a_boards_tag_run_onto_the_headlines_line_is_the_sites():
    text = ("有關役男出境應經核准乙案【20231210/學務處/512】\n一、依據內政部役政署112年12月3日役署徵字第1128040149號函辦理。\n"
            "二、請宣導役男出國前申請核准。\n")
    assert parse(text)["sections"][0]["text"] == "有關役男出境應經核准乙案"


def test_a_body_label_ending_a_word_inside_an_item_is_the_items_text():
    text = ("一、依據考選部114年6月2日選試字第1140001234號函辦理。\n"
            "二、考試舉辦時間，敬請考生協助配合交通管制（如附件圖示），分區管制說明:\n(一)圖資大樓:停止開放。\n(二)體育館:照常開放。\n")
    record = parse(text)
    assert [s["name"] for s in record["sections"]] == ["本文"]
    item = record["sections"][0]["items"][1]
    assert item["text"] == "考試舉辦時間，敬請考生協助配合交通管制（如附件圖示），分區管制說明："
    assert [c["text"] for c in item["children"]] == ["圖資大樓：停止開放。", "體育館：照常開放。"]
    # after a sentence's end the label opens its part, run onto one line or not
    one_line = parse("主旨：請查照。說明：一、依據本府規定辦理。\n")
    assert [s["name"] for s in one_line["sections"]] == ["說明"]


def test_a_web_copys_return_marks_are_line_breaks():
    text = ("旨揭服務說明如下:↵\n(一)服務對象:本府所屬各級學校專任教師。↵\n(二)服務內容:提供心理困擾之諮商輔導。↵\n"
            "(三)服務流程:由學校轉介提出申請。\n")
    record = parse(text)
    assert record["sections"][0]["text"] == "旨揭服務說明如下："
    assert [i["text"] for i in record["sections"][0]["items"]] == [
        "服務對象：本府所屬各級學校專任教師。", "服務內容：提供心理困擾之諮商輔導。", "服務流程：由學校轉介提出申請。"]


def test_a_news_posts_source_row_over_the_letters_items_is_one_line():
    text = ("跳到主要內容區塊\n\n公告本府本(105)年風災學校復建經費，核定1,632萬元，請於106年5月28日前完工。\n\n"
            "  • 日期:105-11-15\n  • 資料來源:公共工程科\n\n"
            "一、依據行政院105年11月14日院授主預督字第1050102642A號函辦理。\n二、各項復建工程應依核定地點及內容辦理。\n")
    record = parse(text)
    assert record["subject"] == "公告本府本(105)年風災學校復建經費，核定1,632萬元，請於106年5月28日前完工。"
    assert [i["number"] for i in record["sections"][0]["items"]] == [1, 2]
