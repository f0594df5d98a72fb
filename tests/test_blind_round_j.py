"""Conventions found by blind round J (tests/data/real, j- stems: letters measured before the parser knew them):
a relay's one-sentence lead before its numbered items is its 主旨 (the items its 說明), a headline is not; an
outermost item after one a page lost keeps its number (五、 then 七、); 「本公告」 inside a quoted title names the
quoted notice, not the document; school and office sites' bylines, share buttons, news headings, last-modified
stamps, icon-labelled unit fields, a bulletin's header and a bulleted file line are furniture."""
from __future__ import annotations

from pathlib import Path

from pipeline.parse.items import text_to_items
from pipeline.parse.printout_labels import self_named_type

from parse_text import parse

REAL = Path(__file__).parent / "data" / "real"


def real(stem: str) -> str:
    return (REAL / f"{stem}.txt").read_text(encoding="utf-8")


def test_a_one_sentence_lead_before_items_is_the_subject():
    d = parse(real("j-hlc-chanhom-typhoon-second-notice-relay-104"))
    assert d["subject"] == "教育部校安中心昌鴻颱風第二號通報，請學校儘速至校安中心網頁完成點閱，請查照。"
    section = d["sections"][0]
    assert (section["name"], section["text"]) == ("本文", "")
    assert any("read as 主旨" in w for w in d["warnings"])
    d = parse(real("j-ehlg-cabbage-registration-relay-108"))
    assert d["subject"].startswith("甘藍種植登記作業將於本(108)年8月1日啟動")
    assert d["sections"][0]["items"][2]["text"].endswith("則仍須於該土地所在農會辦理申報及勘查。")  # no footer


def test_a_headline_or_several_sentences_stay_the_body_text():
    d = parse("教育部校安中心颱風整備通報-請各園所做好防颱準備\n一、依據教育部函辦理。\n二、請完成填報。\n")
    assert d["subject"] is None and d["sections"][0]["text"] == "教育部校安中心颱風整備通報-請各園所做好防颱準備"
    d = parse("颱風將至。請各校防範。\n一、依據教育部函辦理。\n二、請完成填報。\n")
    assert d["subject"] is None and d["sections"][0]["text"] == "颱風將至。請各校防範。"


def test_an_item_after_a_lost_one_keeps_its_number():
    _, items = text_to_items("一、甲。\n二、乙。\n四、丁。\n")
    assert [(i.marker, i.number) for i in items] == [("一", 1), ("二", 2), ("四", 4)]
    _, items = text_to_items("一、甲。\n二、乙，詳見第四、五點。\n")  # not at a line's start: no item
    assert [i.number for i in items] == [1, 2]
    _, items = text_to_items("一、甲。\n二、乙。\n五、戊。\n")  # two lost: not read as an item
    assert [i.number for i in items] == [1, 2] and items[1].text == "乙。五、戊。"
    d = parse(real("j-hlc-chanhom-typhoon-second-notice-relay-104"))
    assert [i["marker"] for i in d["sections"][0]["items"]] == ["一", "二", "三", "四", "五", "七"]


def test_a_quoted_title_names_no_document_type():
    assert self_named_type("函轉衛生福利部公告「為防治嚴重特殊傳染性肺炎，進入本公告所示場所應佩戴口罩」，請查照。") is None
    assert self_named_type("對於本公告內容如有意見，請於期限內提出。") == "公告"
    d = parse(real("j-gtma-tc-mask-notice-relay-112"))
    assert d["doc_type"] is None
    assert [r["dispatch_no"]["text"] for r in d["references"]] == ["衛授疾字第1120200448A號"]


def test_site_furniture_around_relayed_letters():
    d = parse(real("j-sgps-tn-danger-area-evacuation-relay-108"))  # 「王思涵 - 學務組 | 2019-12-20 | 點閱數: 218」
    assert d["sections"][0]["text"] == "" and len(d["sections"][0]["items"]) == 4
    d = parse(real("j-ehlg-cabbage-registration-relay-108"))  # share buttons, 最新訊息, 「:農業課」, 最後異動時間
    assert not any("Facebook" in s["text"] or "農業課" in s["text"] for s in d["sections"])
    d = parse(real("j-hlc-chanhom-typhoon-second-notice-relay-104"))  # RSS訂閱, 日期從, 關鍵字 over the post number
    assert "61484" not in d["subject"]
