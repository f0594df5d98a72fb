"""Numbered items as agencies publish them: numbering slips kept as written, not run into the item before."""
from __future__ import annotations

from pipeline.parse.items import text_to_items

from parse_text import parse

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


def test_a_marker_inside_a_quotation_after_a_colon_is_the_quoted_texts():
    # a 說明 item quoting a law's item 二 after 「：」 inside 「…」 (高雄市殯葬管理處 to 財政部): one item, not two
    d = parse("主旨：請釋示。\n說明：\n一、按細則第9條第2項第2款：「下列情形不適用前項但書規定：二、辦理公墓更新。」另查相關規定。\n"
              "二、請貴部釋示。\n")
    items = d["sections"][0]["items"]
    assert [i["marker"] for i in items] == ["一", "二"]
    assert items[0]["text"] == "按細則第9條第2項第2款：「下列情形不適用前項但書規定：二、辦理公墓更新。」另查相關規定。"
    run_in = parse("主旨：請查照。\n說明：一、時間：5月6日。二、地點：本府。\n")["sections"][0]["items"]  # outside quotes: items
    assert [i["marker"] for i in run_in] == ["一", "二"]
