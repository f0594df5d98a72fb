"""Blind round V: pages refused as "not an official letter" that hold part of a letter — a relay paragraph that asks,
an office's call asking in 公文 words over its items, an agency's web notice whose sentence opens with 公告."""
from __future__ import annotations

import pytest

from pipeline.errors import InputError

from parse_text import parse


def test_a_relay_paragraph_that_asks_is_part_of_a_letter():
    text = ("轉知文化部為推廣社區劇場,歡迎有意願之團隊參與徵選,徵選期間至114年5月31日止,"
            "請協助轄內團體踴躍參加,報名方式請至活動網頁(https://example.tw)\n")
    d = parse(text)
    assert d["complete"] is False
    assert d["subject"] is None
    assert d["sections"][0]["name"] == "本文"
    assert d["sections"][0]["text"].startswith("轉知文化部為推廣社區劇場，歡迎")
    assert d["sections"][0]["items"] == []


def test_a_lead_sentence_asking_in_letter_words_over_items_is_the_subject():
    text = ("114年度「產學合作研究計畫」即日起受理申請至114年3月20日校內截止,詳細說明請參閱申請須知,敬請踴躍提出申請。\n"
            "一、申請資格:本校專任教師。\n"
            "二、申請文件:計畫書一式3份。\n")
    d = parse(text)
    assert d["complete"] is False
    assert d["subject"] == ("114年度「產學合作研究計畫」即日起受理申請至114年3月20日校內截止，詳細說明請參閱申請須知，"
                            "敬請踴躍提出申請。")
    assert [i["text"] for i in d["sections"][0]["items"]] == ["申請資格：本校專任教師。", "申請文件：計畫書一式3份。"]


def test_an_announcing_sentence_over_items_is_the_subject_and_its_post_header_the_pages():
    text = """跳到主要內容

中華民國交通部

:::
訊息公告
2025-03-02 09:30
公路局

公告調整監理業務受理窗口分工事宜。

點閱數17
有關監理業務受理窗口分工調整如下

一、調整前:第一窗口受理全部業務。

二、調整後:第一窗口受理汽車業務,第二窗口受理機車業務。
"""
    d = parse(text)
    assert (d["issuer"], d["doc_type"]) == (None, None)
    assert d["subject"] == "公告調整監理業務受理窗口分工事宜。"
    section = d["sections"][0]
    assert section["text"] == "有關監理業務受理窗口分工調整如下"
    assert [i["text"] for i in section["items"]] == ["調整前：第一窗口受理全部業務。",
                                                    "調整後：第一窗口受理汽車業務，第二窗口受理機車業務。"]


@pytest.mark.parametrize("text", [
    "轉知本週天氣晴朗,氣溫回升,午後山區偶有陣雨。\n",
    "轉傳這則訊息,請大家小心詐騙電話,千萬不要匯款。\n",  # a chat message forwarded, no letter relayed
    "公告\n一、儲備飲水。\n二、關閉瓦斯。\n",
    "市長今天出席轉運站啟用典禮。\n一、典禮於上午舉行。\n二、現場民眾踴躍。\n",
    "本館新展即將登場，敬請期待。\n一、展期：五月一日起。\n二、地點：本館一樓。\n",  # a courtesy phrase asks nothing
])
def test_a_page_with_nothing_of_a_letter_is_still_refused(text):
    with pytest.raises(InputError, match="not an official letter"):
        parse(text)
