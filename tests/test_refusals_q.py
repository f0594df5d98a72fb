"""Conventions found where session 20's blind round wave 16 (tests/data/real: q1-…q6- stems) saw whole documents
refused: a relayed 說明 posted as a bulleted list, an office's own 公告 headed by its parts. Each input below is written
in the shape those pages have, not copied from them."""
from __future__ import annotations

import pytest

from parse_text import parse
from pipeline.errors import InputError


def test_a_bullet_before_the_grounds_of_a_relayed_letter_does_not_hide_them():
    page = ("宣導 王小明 - 總務處 | 2022-03-10 | 點閱數: 120\n\n\n"
            "  • 依據臺中市政府教育局 111年 3月 8 日防汛整備會議結論辦理。\n"
            "  • 汛期將至,請學校落實下列整備事項:\n"
            "    1. 清理校內排水溝渠,確保排水通暢。\n"
            "    2. 檢查抽水機運作情形。\n")
    record = parse(page)
    assert record["complete"] is False
    assert record["sections"][0]["text"] == ("依據臺中市政府教育局111年3月8日防汛整備會議結論辦理。"
                                             "汛期將至，請學校落實下列整備事項：")
    assert [item["text"] for item in record["sections"][0]["items"]] == ["清理校內排水溝渠，確保排水通暢。",
                                                                          "檢查抽水機運作情形。"]
    page = ("活動花絮 | 2022-03-10\n\n"
            "  • 本校師生於3月8日參觀科學博物館,收穫豐富。\n"
            "  • 學生分組完成學習單,表現優異。\n")
    with pytest.raises(InputError):  # a news post's bullets stating no grounds: nothing of a letter
        parse(page)


def test_a_headline_naming_a_notice_over_items_headed_by_its_parts_is_the_offices_notice():
    page = ("圖書館閉館整修公告\n\n"
            "因應館舍整修工程,請師生於閉館期間改至分館借閱,以維讀者權益公告\n\n"
            "一、 公告事由:本館地下室漏水,須進行防水整修工程,工期約兩週。\n\n"
            "二、 配合事項:請各系轉知學生\n\n"
            "(ㄧ)閉館期間改至分館辦理借還書。\n\n"
            "(二)到期書籍自動展延至開館後一週。\n\n"
            "圖書館 敬啟\n")
    record = parse(page)
    assert record["doc_type"] == "公告"
    assert record["subject"] == "因應館舍整修工程，請師生於閉館期間改至分館借閱，以維讀者權益公告"
    items = record["sections"][0]["items"]
    assert record["sections"][0]["text"] == ""
    assert [item["marker"] for item in items] == ["一", "二"]
    assert items[0]["text"] == "公告事由：本館地下室漏水，須進行防水整修工程，工期約兩週。"
    assert [(c["marker"], c["text"]) for c in items[1]["children"]] == [("(一)", "閉館期間改至分館辦理借還書。"),
                                                                          ("(二)", "到期書籍自動展延至開館後一週。")]
    # the same items under a news headline: still the library's notice in the official register (本館, 轉知, 配合,
    # 辦理) asking the departments to pass it on — a partial record (session 23's [register] rule), not a refusal
    news = parse(page.replace("圖書館閉館整修公告", "圖書館整修工程順利完成").replace("以維讀者權益公告", "以維讀者權益"))
    assert news["complete"] is False
    assert [item["marker"] for item in news["sections"][0]["items"]] == ["一", "二"]


def test_a_bopomofo_one_in_an_items_brackets_is_the_marker_one():
    text = ("主旨：請配合節約用電。\n說明：\n一、請各單位配合下列事項：\n(ㄧ)離開辦公室隨手關燈。\n"
            "(二)冷氣溫度設定於26度以上。\n")
    children = parse(text)["sections"][0]["items"][0]["children"]
    assert [c["marker"] for c in children] == ["(一)", "(二)"]
