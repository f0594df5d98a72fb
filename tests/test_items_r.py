"""Item and label conventions found by session 20's blind rounds (tests/data/real: r3-cksh-, r3-elsh-, r4-ftc- stems):
a list numbered anew under a notice's own sub-heading, a ※ before a label, a site's 備註 under a 函's 說明. Each
input below is written in the shape those pages have, not copied from them."""
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


def test_a_sites_remark_under_a_letters_explanation_enters_no_field():
    text = ("行政院公平交易委員會 函\n受文者:○○股份有限公司\n發文日期:中華民國90年5月2日\n"
            "發文字號:(90)公參字第9001234號\n主旨:有關貴公司函詢事業廣告事宜,復請查照。\n說明:\n"
            "一、復貴公司90年4月20日函。\n二、依公平交易法第21條規定,事業不得為虛偽不實之廣告。\n"
            "備註:此則函釋所引公平交易法第21條,已移列於現行法第21條第1項。\n\n更新時間:2015-05-29 17:32:05\n")
    record = parse(text)
    assert [s["name"] for s in record["sections"]] == ["說明"]
    assert items_of(record, "說明")[-1] == ("二", 2, "依公平交易法第21條規定，事業不得為虛偽不實之廣告。")
    # a 文別 that has a 備註 part keeps it
    text = ("臺南市政府 開會通知單\n發文日期：中華民國115年3月2日\n發文字號：府教字第1150012345號\n"
            "開會事由：召開教師進修說明會\n開會時間：中華民國115年3月10日上午10時\n開會地點：本府會議室\n"
            "備註：請準時出席。\n")
    assert [s["name"] for s in parse(text)["sections"]][-1] == "備註"
