"""Numbered items as agencies publish them: numbering slips kept as written, not run into the item before."""
from __future__ import annotations

from pipeline.parse.items import text_to_items

# as a school's notice of its 校務會議 printed its members (e-tsvs in the real-letter corpus), blank lines and all
MEMBERS = """三、依據本校校務會議組織及運作要點第三條規定，本會議組織成員如下，請全數出席：

(一)校長

(二)各單位主管

(二)全體專任教師(含代理教師,不含編制外代理教師)

(三)職員代表

四、會議資料於校務會議前，掛載於本校網頁首頁。"""


def test_a_line_repeating_the_number_before_it_is_a_new_item_numbered_as_written():
    _, items = text_to_items(MEMBERS)
    assert [i.marker for i in items] == ["三", "四"]
    assert [(c.marker, c.text) for c in items[0].children] == [
        ("(一)", "校長"), ("(二)", "各單位主管"), ("(二)", "全體專任教師(含代理教師,不含編制外代理教師)"),
        ("(三)", "職員代表")]


def test_a_repeated_number_run_on_inside_a_sentence_is_no_item():
    _, items = text_to_items("一、依第一點(一)辦理，並依(一)所定期限回報。\n二、其餘依規定。")
    assert [(i.marker, i.text) for i in items] == [("一", "依第一點(一)辦理，並依(一)所定期限回報。"),
                                                  ("二", "其餘依規定。")]
