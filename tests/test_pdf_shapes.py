"""What the PDF reader knows by its shape: a boxed 收文 stamp (at the page foot, or turned at the top right) becomes
the record's `received` and leaves 副本 whole; a boxed 「正本」/「副本」 beside the title is no part of the title.

The PDFs are made by tests/data/pdf_shapes/make_pdfs.py (LibreOffice); the values below are what was laid out.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.blocks import PARAGRAPH, STAMP
from pipeline.load import load_record
from pipeline.parse.clean import stamp_to_furniture
from pipeline.read.pdf import read_pdf
from pipeline.read.pdf_frames import COPY_MARK, RECEIVED, drawn_text, frame_kind
from pipeline.read.pdf_layout import Char
from pipeline.records import to_dict

SHAPES = Path(__file__).resolve().parent / "data" / "pdf_shapes"
FOOT, TURNED = SHAPES / "stamp-foot-boxed.pdf", SHAPES / "stamp-top-right-turned.pdf"
COPIES = ["臺北市政府秘書處", "臺北市政府警察局", "臺北市政府消防局", "臺北市政府衛生局", "臺北市政府社會局",
          "本局中等教育科", "本局學生事務及特殊教育科"]


def record(path: Path) -> dict:
    return to_dict(load_record(str(path)))


@pytest.mark.parametrize("path", [FOOT, TURNED], ids=["foot-boxed", "top-right-turned"])
def test_a_boxed_stamp_becomes_received_and_leaves_the_copies_whole(path):
    letter = record(path)
    assert letter["received"] == {"number": "1130004567", "date": {"iso": "2024-04-02", "roc": "113年4月2日"}}
    assert [a["name"] for a in letter["cc_copy"]] == COPIES
    assert [a["name"] for a in letter["cc_main"]] == ["臺北市立建國高級中學", "臺北市立北一女子高級中學"]
    assert (letter["issuer"], letter["doc_type"], letter["dispatch_no"]["text"]) == (
        "臺北市政府教育局", "函", "北市教中字第1130001234號")
    assert letter["complete"] is True


def test_the_stamp_is_a_block_of_its_own_where_it_stands():
    foot, turned = read_pdf(FOOT.read_bytes()), read_pdf(TURNED.read_bytes())
    foot_kinds = [(b.kind, b.text) for b in foot.blocks]
    assert foot_kinds[-2:] == [(STAMP, "收文號：1130004567\n收文日期：113/04/02"), (PARAGRAPH, "局長 湯志民")]
    assert (turned.blocks[0].kind, turned.blocks[0].text) == (STAMP, "收文：113.4.2\n第1130004567號")  # top right
    for doc in (foot, turned):
        assert not any("收文" in b.text for b in doc.blocks if b.kind == PARAGRAPH)


@pytest.mark.parametrize("path, mark", [(FOOT, "正本"), (TURNED, "副本")])
def test_a_boxed_copy_mark_beside_the_title_is_no_part_of_it(path, mark):
    doc = read_pdf(path.read_bytes())
    assert doc.blocks[0 if path == FOOT else 1].text == "臺北市政府教育局 函"
    assert f"removed the boxed mark 「{mark}」 on page 1" in doc.warnings


def test_the_two_printings_give_the_same_letter():
    foot, turned = record(FOOT), record(TURNED)
    for letter in (foot, turned):
        for key in ("source", "warnings", "received"):
            letter.pop(key)
    assert foot == turned


def char(text: str, x: float, top: float, size: float = 10.0) -> Char:
    return Char(text, x, x + size, top, top + size, size)


def test_drawn_text_follows_the_drawing_order_in_any_direction():
    upright = [char("收", 0, 0), char("文", 10, 0), char("1", 0, 14), char("2", 10, 14)]
    turned = [char("收", 0, 20), char("文", 0, 10), char("1", 14, 20), char("2", 14, 10)]  # a quarter turn
    assert drawn_text(upright) == drawn_text(turned) == "收文\n12"


@pytest.mark.parametrize("text, kind", [
    ("收文號：1130004567\n收文日期：113/04/02", RECEIVED),
    ("收文：113.4.2\n第1130004567號", RECEIVED),
    ("正 本", COPY_MARK),
    ("副本", COPY_MARK),
    ("收文者請查照", None),  # words of a letter in a box, no stamp
    ("注意事項", None),
])
def test_what_a_framed_box_is(text, kind):
    assert frame_kind(text) == kind


@pytest.mark.parametrize("text, number, date", [
    ("收文號：1130004567\n收文日期：113/04/02", "1130004567", "113/04/02"),
    ("收文日期：113/04/02\n收文號：1130004567", "1130004567", "113/04/02"),
    ("收文：113.4.2\n第1130004567號", "1130004567", "113.4.2"),
    ("建國高中\n收文 113年4月2日\n1130004567", "1130004567", "113年4月2日"),
    ("收文日期：113/04/02", None, "113/04/02"),
])
def test_a_stamp_blocks_number_and_date(text, number, date):
    found = stamp_to_furniture(text)
    assert (found.received_number, found.received_date) == (number, date)


UNRULED = SHAPES / "division-unruled.pdf"
BUNDLE = Path(__file__).resolve().parent.parent / "samples" / "bundles" / "hualien-1080251637-with-attachments.pdf"
SEED_DIVISION = Path(__file__).resolve().parent.parent / "samples" / "inbox" / "376550000A1080251637_118_ATTACH2.odt"


def test_an_unruled_division_table_gives_the_rows_of_the_ruled_one():
    unruled = record(UNRULED)
    bundle = record(BUNDLE)
    ruled = next(a["content"] for a in bundle["attachments"] if a["kind"] == "division")
    assert len(unruled["rows"]) == 6
    assert (unruled["title"], unruled["rows"]) == (ruled["title"], ruled["rows"])
    assert unruled["rows"][3] == {"unit": "本府觀光處", "duties": [
        "請協助機關強化機關資通安全管理、電腦週邊設備檢管，積極蒐報網路安全情資及影響國家安全之資安事件。",
        "請加強委外廠商之監督，並注意慶典期間電腦機房門禁管制措施及監視。"]}


def test_the_unruled_table_block_holds_the_cells_as_written():
    from pipeline.read.odt import read_odt
    seed = [row for b in read_odt(SEED_DIVISION.read_bytes()).blocks if b.kind == "table" for row in b.rows]
    tables = [b.rows for b in read_pdf(UNRULED.read_bytes()).blocks if b.kind == "table"]
    assert tables == [seed]  # 「本府各處及所屬各級」+「機關」 wrapped in its column, 1. and 2. on lines of their own


def grid(lines: list[tuple[str, str]], column: float = 100.0, size: float = 10.0, pitch: float = 14.0):
    """Given (left, right) texts a line, return the rows of characters of two columns (right one at ``column``)."""
    rows = []
    for n, (left, right) in enumerate(lines):
        top = n * pitch
        rows.append([Char(t, i * size, (i + 1) * size, top, top + size, size) for i, t in enumerate(left)]
                    + [Char(t, column + i * size, column + (i + 1) * size, top, top + size, size)
                       for i, t in enumerate(right)])
    return rows


def test_aligned_columns_make_a_table_but_a_list_or_labelled_fields_do_not():
    from pipeline.read.pdf_columns import split_unruled_tables
    units = grid([("本府教育處", "請強化門禁"), ("本府人事處", "請公告提醒"), ("本府政風處", "請蒐報情資"),
                  ("", "並適時陳報。")])
    tables, left = split_unruled_tables(units)
    assert [t.rows for t in tables] == [[["本府教育處", "請強化門禁"], ["本府人事處", "請公告提醒"],
                                         ["本府政風處", "請蒐報情資並適時陳報。"]]] and left == []
    items = grid([("一、", "結合行政力量"), ("二、", "蒐報預警資料"), ("三、", "採取應變措施")])
    fields = grid([("地址：", "臺北市市府路1號"), ("承辦人：", "林俊宏"), ("傳真：", "02-2723-1234")])
    for rows in (items, fields):
        assert split_unruled_tables(rows) == ([], rows)
