"""Conventions found by session 24's waves (tests/data/real: s1-… stems and the misses left from earlier waves). Each
input below is written in the shape those pages have, not copied from them."""
from __future__ import annotations

from parse_text import parse


def markers(items: list[dict]) -> list[tuple[str, list]]:
    """Given items, return each item's marker with its children's, as nested pairs."""
    return [(item["marker"], markers(item["children"])) for item in items]




HEAD = "臺北市政府教育局 函\n發文日期：中華民國113年11月20日\n發文字號：北市教體字第1133000001號\n主旨：有關校園流感疫苗接種站，請查照。\n說明：\n"


def test_a_sub_item_after_a_lost_one_still_opens_an_item_after_a_sentences_end():
    record = parse(HEAD + "一、依據本府衛生局開會通知單續辦。\n二、接種站資訊如下：\n（一）接種時間：113年11月30日（星期六）上午9時至12時。\n"
                   "（三）接種對象：學校師生及家長。\n（四）疫苗廠牌：現場揭露。\n")
    assert markers(record["sections"][0]["items"]) == [("一", []), ("二", [("(一)", []), ("(三)", []), ("(四)", [])])]
    assert record["sections"][0]["items"][1]["children"][1]["text"] == "接種對象：學校師生及家長。"


def test_a_lost_sub_item_on_a_run_on_line_and_in_table_cells():
    run_on = parse(HEAD + "一、接種站資訊如下： (一)接種時間：上午9時至12時。 (三)接種對象：學校師生。 (四)疫苗廠牌：現場揭露。\n")
    cells = parse(HEAD + "一、活動資訊如下： |\n(一) |\n活動名稱：文化體驗營。 |\n(二) |\n活動時間：5月14日至15日。 |\n"
                  "(四) |\n參加對象：原住民族籍學生。 |\n")
    assert [c["number"] for c in run_on["sections"][0]["items"][0]["children"]] == [1, 3, 4]
    assert [c["text"] for c in cells["sections"][0]["items"][0]["children"]] == [
        "活動名稱：文化體驗營。", "活動時間：5月14日至15日。", "參加對象：原住民族籍學生。"]


def test_a_bracketed_number_two_past_inside_a_sentence_is_no_item():
    record = parse(HEAD + "一、報名分三梯次：（一）梯次於上午，另（三）梯次延後辦理，詳如附件。\n")
    assert record["sections"][0]["items"][0]["children"][0]["marker"] == "(一)"
    assert len(record["sections"][0]["items"][0]["children"]) == 1
