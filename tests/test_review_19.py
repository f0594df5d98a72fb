"""Inputs an independent review of session 19's rules wrote (from a clean clone), each a case those rules got wrong
before they were narrowed: a news story or a chat message under a relay word, a vote count and an item naming the ODF
format dropped as furniture, figures after a page's footer, two web addresses on their own lines, a ministry's own
numbers joined after its citation."""
from __future__ import annotations

import pytest
from parse_text import parse

from pipeline.errors import InputError
from pipeline.parse.references import find_references


@pytest.mark.parametrize("text", [
    "轉傳假訊息恐觸法 警方呼籲民眾查證\n近日網路流傳不實訊息，警方表示，民眾若任意轉傳，恐觸犯社會秩序維護法，請大家查證後再分享。\n",
    "轉傳：\n各位家長好，明天因颱風停課，請大家留意學校通知，並轉告親友。\n",
    "轉知單位主管 校長遭指霸凌\n本報訊，某國小校長遭家長指控，教育局表示，將組成調查小組釐清，並依法處理。\n",
])
def test_a_relay_word_over_a_news_story_or_a_chat_message_is_no_letter(text):
    with pytest.raises(InputError):
        parse(text)


def test_a_vote_count_and_an_item_naming_the_odf_format_stay_the_letter_s():
    vote = parse("臺南市○○區○○里辦公處　公告\n主旨：公告本里113年度里民大會提案表決結果。\n公告事項：\n"
                 "一、提案一表決結果如下：\n出席人數：120人\n投票人數：118人\n贊成：100票，反對：18票，通過。\n二、本案將函送區公所辦理。\n")
    assert "投票人數：118人" in vote["sections"][-1]["items"][0]["text"]
    odf = parse("主旨：有關本府所屬機關網站提供下載文件格式一案，請查照。\n一、依據國家發展委員會113年3月1日發資字第1131000001號函辦理。\n"
                "二、各機關網站提供民眾下載之文件，應以ODF或PDF開放文件格式提供。\n三、請各機關於113年6月30日前完成檢視。\n")
    assert [i["number"] for i in odf["sections"][0]["items"]] == [1, 2, 3]


def test_figures_after_a_page_footer_and_two_addresses_on_their_own_lines_are_kept():
    figures = parse("臺南市政府　函\n發文字號：府主預字第1130500001號\n主旨：檢送預算分配表1份，請查照。\n"
                    "說明：各區分配數如下（單位：千元）：第1頁 共2頁 12000 15000 18000 21000\n正本：本市各區公所\n")
    assert figures["sections"][0]["text"] == "各區分配數如下（單位：千元）：12000 15000 18000 21000"
    urls = parse("臺南市政府　函\n發文字號：府教體字第1130500001號\n主旨：請轉知所屬教師參閱資源網站，請查照。\n"
                 "說明：相關資源請參閱下列網址：\nhttps://www.edu.tw/News.aspx\nhttps://depart.moe.edu.tw/ED2300/\n")
    assert urls["sections"][0]["text"].endswith("https://www.edu.tw/News.aspx https://depart.moe.edu.tw/ED2300/")


def test_a_ministry_s_numbers_issued_in_its_name_keep_its_issuer_when_joined():
    refs = find_references("一、依據內政部112年3月1日台內營字第1120801234號函及112年6月2日內授營建管字第1120812345號函辦理。")
    assert [r.issuer for r in refs] == ["內政部", "內政部"]
    refs = find_references("二、本部44年台財稅發第7014號令、63年9月4日台財稅第36543號函規定。")
    assert refs[0].issuer == refs[1].issuer
