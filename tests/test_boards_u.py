"""Conventions for what boards and aggregators print around a post, and for posts that only relay a letter, found by
session 18's blind round u8 (tests/data/real: u8- … stems). Each input below is written in the shape those pages have,
not copied from them."""
from __future__ import annotations

import pytest

from parse_text import parse
from pipeline.errors import InputError


def test_a_post_row_glued_between_headline_and_text_is_the_boards():
    text = ("公告資訊 【公告】115年海棠颱風災後溪流自由撿拾漂流木公告(115年8月1日起) 發布日期 2026/07/28~2026/08/28 | "
            "發佈單位: 農業處林務科 | 更新日期 2026/07/28 | 瀏覽人數: 56人 《置頂》 本府115年7月27日府農林字第1150251234號"
            "公告、嘉義縣政府115年7月25日府農林字第1150123456號公告。\n"
            "一、依據森林法第15條第5項規定辦理。\n二、當地居民得自由撿拾清理不具標售價值漂流木。\n")
    d = parse(text)
    assert d["subject"] == "本府115年7月27日府農林字第1150251234號公告、嘉義縣政府115年7月25日府農林字第1150123456號公告。"
    assert d["issuer"] is None and d["date"] is None and d["dispatch_no"] is None
    assert [i["text"] for i in d["sections"][0]["items"]] == ["依據森林法第15條第5項規定辦理。",
                                                              "當地居民得自由撿拾清理不具標售價值漂流木。"]


def test_a_post_row_with_a_tab_before_it_after_the_posts_sentence_is_the_boards_whole():
    text = ("主旨:本校辦理防災演練,請查照。 最新消息 | 發布日期: 2026/09/01 | 發佈單位: 學務處 | 瀏覽人數: 12人\n"
            "說明:依據本校計畫辦理。\n")
    assert parse(text)["subject"] == "本校辦理防災演練，請查照。"


def test_an_aggregators_unit_and_source_link_rows_are_no_part_of_the_text():
    text = """公告本所受理115年度稻草再利用補助申請,請農民踴躍申請。
發佈日期:2026-03-02 00:00:00
發佈單位:三灣鄉
發佈部門:農業課
原始連接:https://www.example.gov.tw/News_Content.aspx?n=12&s=3456
公告本所受理115年度稻草再利用補助申請,請農民踴躍申請。
一、受理期間:115年3月2日起至3月20日止。
二、受理單位:本所農業課。
"""
    d = parse(text)
    assert d["subject"] == "公告本所受理115年度稻草再利用補助申請，請農民踴躍申請。"
    assert d["sections"][0]["text"] == ""
    assert [i["marker"] for i in d["sections"][0]["items"]] == ["一", "二"]


def test_a_pin_tag_before_a_posts_text_is_the_boards():
    text = "《置頂》公告本校115學年度新生報到事宜。\n公告事項:\n一、報到日期:115年8月20日。\n二、報到地點:本校活動中心。\n"
    assert parse(text)["subject"] == "公告本校115學年度新生報到事宜。"
    text = "[置頂] 轉知教育部函,有關校園食品安全事項,請查照。\n說明:依據本校計畫辦理。\n"
    assert parse(text)["subject"] == "轉知教育部函，有關校園食品安全事項，請查照。"


def test_a_list_that_goes_on_in_another_style_keeps_its_count():
    text = ("主旨:公告本縣115年度漂流木撿拾事宜。\n公告事項:\n1.依據森林法辦理。\n"
            "2.撿拾者須接受檢查登記。三、撿拾期間自115年8月1日起。四、遇颱風警報時本公告立即失效。\n")
    items = parse(text)["sections"][0]["items"]
    assert [(i["marker"], i["number"]) for i in items] == [("1", 1), ("2", 2), ("三", 3), ("四", 4)]
    assert items[1]["text"] == "撿拾者須接受檢查登記。"


def test_a_relay_sentence_with_the_posts_date_glued_before_it_is_part_of_a_letter():
    text = "20180315轉知衛生福利部國民健康署辦理107年「校園健康飲食」徵選活動實施計畫1份,請參閱。\n"
    d = parse(text)
    assert d["complete"] is False and d["subject"] is None and d["date"] is None
    assert d["sections"][0]["text"] == ("20180315轉知衛生福利部國民健康署辦理107年「校園健康飲食」徵選活動實施計畫1份，"
                                        "請參閱。")
    with pytest.raises(InputError):  # a dated news line that relays nothing stays out
        parse("20180315市長出席校園健康飲食徵選活動頒獎典禮，請民眾踴躍參觀。\n")


REPRINTS = """會務報導

一、衛生福利部疾病管制署

      114年05月02日來函,疾管防字第 1140500321 號                                      承辦人:林小華

主 旨:

請協助轉知所屬會員加強登革熱病媒蚊孳生源清除工作,請查照。

說 明:

一、

依據本署114年4月30日防疫會議決議辦理。

二、內政部消防署

      114年05月09日來函,消署預字第1140600412號                                               承辦人:陳大明

主 旨:

請加強宣導住宅用火災警報器設置,請查照轉知。
"""


def test_a_columns_first_reprinted_letter_takes_its_head_from_the_sender_and_came_lines():
    d = parse(REPRINTS)
    assert (d["issuer"], d["doc_type"], d["date"]["roc"]) == ("衛生福利部疾病管制署", "函", "114年5月2日")
    assert d["dispatch_no"]["text"] == "疾管防字第1140500321號"
    assert d["contact"]["name"] == "林小華"
    assert d["subject"] == "請協助轉知所屬會員加強登革熱病媒蚊孳生源清除工作，請查照。"


def test_a_second_reprinted_letter_ends_the_first():
    d = parse(REPRINTS)
    assert [(s["name"], [i["text"] for i in s["items"]]) for s in d["sections"]] == [
        ("說明", ["依據本署114年4月30日防疫會議決議辦理。"])]
    assert d["references"] == [] and d["complete"] is True
    assert any("內政部消防署" in w for w in d["warnings"])


def test_a_reprint_head_printed_on_one_line_is_read_the_same():
    text = ("一、衛生福利部疾病管制署114年05月02日來函，疾管防字第1140500321號承辦人：林小華\n"
            "主旨：\n請協助轉知所屬會員加強登革熱病媒蚊孳生源清除工作，請查照。\n"
            "說明：\n一、依據本署114年4月30日防疫會議決議辦理。\n")
    d = parse(text)
    assert (d["issuer"], d["doc_type"], d["dispatch_no"]["text"]) == ("衛生福利部疾病管制署", "函", "疾管防字第1140500321號")
    assert d["contact"]["name"] == "林小華"
    text = "一、依據教育部114年05月02日來函，臺教學(五)字第1140050321號辦理。\n二、請各校轉知所屬教職員工。\n"
    d = parse(text)  # an item citing a letter that came is no reprint head
    assert d["issuer"] is None and d["dispatch_no"] is None
    assert d["sections"][0]["items"][0]["text"] == "依據教育部114年05月02日來函，臺教學（五）字第1140050321號辦理。"
