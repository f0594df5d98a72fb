"""A page in simplified characters — a Taiwanese site's zh_cn view of a letter written in traditional ones — is read in
traditional characters, as the letter was written; a traditional letter quoting a simplified name stays as it is."""
from __future__ import annotations

from parse_text import parse

SIMPLIFIED_RELAY = """内政部国土管理署检送有关租金补贴专案计画自115年起不再接受无税籍建物之新案申请,公告宣导周知。
一、 依据内政部国土管理署115年1月28日国署住字第1151020709号函办理。
二、 为协助查询建物资料,该署已于本专案计画申请页面建置相关连结,请各校协助转知学生周知,并以多元方式加强宣导。
"""


def test_a_page_in_simplified_characters_is_read_in_traditional_ones():
    d = parse(SIMPLIFIED_RELAY)
    items = d["sections"][0]["items"]
    assert items[0]["text"] == "依據內政部國土管理署115年1月28日國署住字第1151020709號函辦理。"
    assert [(r["issuer"], r["dispatch_no"]["text"], r["date"]["iso"]) for r in d["references"]] == [
        ("內政部國土管理署", "國署住字第1151020709號", "2026-01-28")]
    assert d["warnings"][0].startswith("written in simplified characters")


def test_a_traditional_letter_quoting_a_simplified_name_stays_as_written():
    d = parse("主旨：轉知「中国国际进口博览会」(上海)相關注意事項，請查照。\n說明：依據大陸委員會113年10月1日函辦理。\n")
    assert d["subject"] == "轉知「中国国际进口博览会」（上海）相關注意事項，請查照。"
    assert not any("simplified" in w for w in d["warnings"])


def test_a_traditional_letter_quoting_many_simplified_names_stays_as_written():
    text = ("大陸委員會 函\n承辦人：游淑郁\n受文者：各里里長\n發文日期：中華民國113年3月1日\n發文字號：陸教字第1130001234號\n"
            "主旨：有關「中华人民共和国学历证书」及「国务院台湾事务办公室」發布之規定，請查照。\n說明：依總統公布之法律辦理。\n")
    d = parse(text)
    assert (d["contact"]["name"], d["recipient"]) == ("游淑郁", "各里里長")
    assert d["subject"] == "有關「中华人民共和国学历证书」及「国务院台湾事务办公室」發布之規定，請查照。"
    assert not any("simplified" in w for w in d["warnings"])


def test_a_simplified_page_keeps_a_villages_li_and_the_words_a_taiwanese_letter_writes():
    d = parse(SIMPLIFIED_RELAY.replace("请各校协助转知学生周知", "请中正里办公处及各里长协助转知总统公布之规定"))
    assert "請中正里辦公處及各里長協助轉知總統公布之規定" in d["sections"][0]["items"][1]["text"]
