"""Item and label conventions found by session 20's blind rounds (tests/data/real: r3-cksh-, r3-elsh- stems): a list
numbered anew under a notice's own sub-heading, a ※ before a label. Each input below is written in the shape those
pages have, not copied from them."""
from __future__ import annotations

from parse_text import parse


def items_of(record: dict, name: str) -> list[tuple[str, int, str]]:
    """Given a record and a section's name, return its items' markers, numbers and texts."""
    section = next(s for s in record["sections"] if s["name"] == name)
    return [(i["marker"], i["number"], i["text"]) for i in section["items"]]


def test_a_list_restarting_under_a_sub_heading_stays_items_of_the_section():
    text = ("公告受理115年度教師進修申請。\n依據:\n一、教師法第35條。\n二、本校教師進修實施要點。\n公告事項:\n"
            "一、申請對象:\n本校專任教師。\n二、申請期間:民國115年3月1日至3月31日止。\n申請程序:\n"
            "一、填寫申請表。\n二、送人事室彙辦。\n三、經教評會審議。\n檢附文件:\n一、聘書影本。\n二、進修計畫。\n")
    record = parse(text)
    assert items_of(record, "公告事項") == [
        ("一", 1, "申請對象：本校專任教師。"), ("二", 2, "申請期間：民國115年3月1日至3月31日止。申請程序："),
        ("一", 1, "填寫申請表。"), ("二", 2, "送人事室彙辦。"), ("三", 3, "經教評會審議。檢附文件："),
        ("一", 1, "聘書影本。"), ("二", 2, "進修計畫。")]


def test_a_reference_mark_before_a_label_is_its_bullet():
    text = ("公告受理115年度教師進修申請。\n依據:\n一、教師法第35條。\n二、本校教師進修實施要點。\n※公告事項:\n"
            "一、申請對象:本校專任教師。\n二、申請期間:民國115年3月1日至3月31日止。\n※受理單位:本校人事室。\n")
    record = parse(text)
    assert items_of(record, "依據")[-1] == ("二", 2, "本校教師進修實施要點。")
    assert items_of(record, "公告事項")[-1] == ("二", 2, "申請期間：民國115年3月1日至3月31日止。※受理單位：本校人事室。")
