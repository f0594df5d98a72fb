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
