"""Web-page conventions found by session 20's blind round wave 17 (tests/data/real: o1-…o6- stems): a post's share
bar, a site's contact card under the letter, a board's category joined to the headline by a hyphen, a browser notice
in English and English run onto a bilingual notice's last line. Each input below is written in the shape those pages
have, not copied from them."""
from __future__ import annotations

from parse_text import parse

BOARD_PAGE = ("新竹縣國民教育網logo圖片\n移至主要內容區\n網站導覽\n"
              " 現在位置:  首頁 / 健康促進 \n"
              "{headline}\n"
              "首頁 列表\n"
              "點擊 複製連結 開新視窗 分享至Facebook平台 開新視窗 分享至LINE 開新視窗 分享至twitter平台\n\n"
              "一、依據本府衛生局113年04月02日竹衛疾字第1130012345號函辦理。\n\n"
              "二、請各校加強宣導學生落實手部衛生,倘有疑似個案,務必盡速通報。\n\n\n"
              "相關檔案\n\n流感防治宣導單.pdf\n\n相關連結\n\n衛生局防疫專區\n\n\n"
              "新竹縣政府教育處體育保健科\n"
              "地址:302新竹縣竹北市光明六路10號 傳真:03-5551234\n"
              "聯繫方式:請點選網站上方業務職掌查詢電話。\n"
              "最後更新時間:2025-03-14\n回頂端\n")
HEADLINE = "檢送「校園流感防治宣導單」1份,請查照。"


def test_a_share_bar_under_the_headline_enters_no_field():
    record = parse(BOARD_PAGE.format(headline=HEADLINE))
    assert record["sections"][0]["text"] == ""
    assert [item["marker"] for item in record["sections"][0]["items"]] == ["一", "二"]


def test_a_site_contact_card_under_the_last_item_is_the_sites():
    record = parse(BOARD_PAGE.format(headline=HEADLINE))
    assert (record["issuer"], record["address"], record["contact"]["fax"]) == (None, None, None)
    assert record["sections"][0]["items"][-1]["text"] == "請各校加強宣導學生落實手部衛生，倘有疑似個案，務必盡速通報。"
    assert record["attachments"] == []
    assert [(r["issuer"], r["issuer_from"]) for r in record["references"]] == [(None, "本府衛生局")]


def test_a_board_category_joined_by_a_hyphen_is_no_part_of_the_subject_a_hyphen_inside_it_is():
    record = parse(BOARD_PAGE.format(headline="衛生保健-" + HEADLINE))
    assert record["subject"] == "檢送「校園流感防治宣導單」1份，請查照。"
    record = parse("主旨:檢送本縣113年度國中小學生健康檢查-口腔檢查結果1份,請查照。\n說明:依本府衛生局函辦理。\n")
    assert record["subject"] == "檢送本縣113年度國中小學生健康檢查-口腔檢查結果1份，請查照。"


def test_an_english_browser_notice_and_a_page_title_over_relayed_items_enter_no_field():
    text = ("Your browser does not support JavaScript!\n教育部政令宣導\n\n"
            "(一)依個人資料保護法規定,蒐集個人資料應告知當事人蒐集之目的,始符合規定。\n\n\n"
            "(二)請各校定期檢視校內網站,對於已逾保存期限之個人資料應立即刪除,以維護當事人之權益。\n")
    record = parse(text)
    assert record["sections"][0]["text"] == ""
    assert [item["marker"] for item in record["sections"][0]["items"]] == ["(一)", "(二)"]


def test_english_run_onto_the_last_chinese_line_after_its_full_stop_enters_no_field():
    text = ("主旨:檢送「115年青年海外研習計畫簡章」1份,請鼓勵學生踴躍報名。\n說明:\n"
            "一、本計畫選送青年赴海外參訪見習。\n"
            "二、詳情請至本會網站(網址:https://example.gov.tw)參閱。 SUBJECT: Distribution of the Youth Overseas "
            "Program Brochure, Encouraging Students to Apply.\n"
            "Explanation:\n"
            "1. The program selects young people to visit and intern abroad for seven days.\n"
            "2. For details please see the commission's website and its program page.\n")
    record = parse(text)
    items = record["sections"][-1]["items"]
    assert items[-1]["text"] == "詳情請至本會網站（網址：https://example.gov.tw）參閱。"
    assert len(items) == 2
