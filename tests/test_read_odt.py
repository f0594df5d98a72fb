"""ODT/FODT reader: list numbers rebuilt from list styles, tables, page breaks, inline white space, hostile files."""
from __future__ import annotations

import io
import subprocess
import sys
import tracemalloc
import zipfile
from pathlib import Path

import pytest

from pipeline.blocks import HEADING, LIST_ITEM, PAGE_BREAK, PARAGRAPH, TABLE
from pipeline.errors import InputError
from pipeline.load import load_record
from pipeline.read.odt import read_odt

ROOT = Path(__file__).resolve().parent.parent
INBOX, BAD = ROOT / "samples" / "inbox", ROOT / "samples" / "bad"
PLAN = INBOX / "376550000A1080251637_118_ATTACH1.odt"
DIVISION = INBOX / "376550000A1080251637_118_ATTACH2.odt"
PLAN_FLAT = ROOT / "samples" / "converted" / "376550000A1080251637_118_ATTACH1.fodt"
GONGWEN = str(Path(sys.executable).parent / "gongwen")
MIMETYPE = b"application/vnd.oasis.opendocument.text"
NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
      'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
      'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
      'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
      'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
      'xmlns:xml="http://www.w3.org/XML/1998/namespace"')


def read(path: Path):
    return read_odt(path.read_bytes(), str(path))


def shown(doc) -> list[tuple[str, str | None, str]]:
    """(kind, marker, text) of every non-table block."""
    return [(b.kind, b.marker, b.text) for b in doc.blocks if b.kind not in (TABLE, PAGE_BREAK)]


def flat(body: str, styles: str = "") -> bytes:
    """A flat ODT (.fodt) with the given automatic styles and body."""
    return (f'<?xml version="1.0" encoding="UTF-8"?><office:document {NS} office:version="1.2" '
            f'office:mimetype="application/vnd.oasis.opendocument.text">'
            f"<office:automatic-styles>{styles}</office:automatic-styles>"
            f"<office:body><office:text>{body}</office:text></office:body></office:document>").encode()


def package(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in members.items():
            z.writestr(name, data)
    return out.getvalue()


# ---------- the plan: headings numbered 壹、 by the outline style, lists 一、 (一) 1、 by a list style ----------

def test_plan_headings_are_numbered_from_the_outline_style():
    headings = [(b.marker, b.text, b.level) for b in read(PLAN).blocks if b.kind == HEADING]
    assert headings == [("壹、", "依據", 1), ("貳、", "目的", 1), ("參、", "任務", 1), ("肆、", "執行", 1),
                        ("伍、", "狀況通報", 1), ("陸、", "本計畫奉核後實施,如有未盡事宜得隨時修正補充之。", 1)]


def test_plan_list_numbers_are_rebuilt_with_levels():
    items = [(b.marker, b.level) for b in read(PLAN).blocks if b.kind == LIST_ITEM]
    assert items == [
        ("一、", 1), ("二、", 1), ("三、", 1),  # 參 任務
        ("一、", 1), ("二、", 1),  # 肆 執行: 二、 continues the list after 工作期程's text (continue-numbering)
        ("(一)", 2), ("1、", 3), ("2、", 3), ("3、", 3), ("4、", 3),
        ("(二)", 2), ("1、", 3), ("2、", 3), ("3、", 3), ("4、", 3),
        ("(三)", 2), ("1、", 3), ("2、", 3), ("3、", 3), ("4、", 3),
        ("一、", 1), ("二、", 1), ("三、", 1), ("四、", 1),  # 伍 狀況通報 starts again at 一
    ]


def test_plan_numbers_are_not_in_the_text_and_text_is_whole():
    blocks = read(PLAN).blocks
    period = next(b for b in blocks if b.text.startswith("第15任總統副總統及第10屆立法委員競選活動期間"))
    assert period.kind == PARAGRAPH and period.marker is None
    assert period.text.endswith("每日競選活動時間為上午7時至下午10時止。")
    first_duty = next(b for b in blocks if b.marker == "1、")
    assert first_duty.text.startswith("遵守保密措施,並依規定方式傳遞公務機密")
    assert [b.text for b in blocks[:2]] == ["花蓮縣政府辦理", "第15任總統副總統及第10屆立法委員選舉期間專案安全維護計畫"]


def test_libreoffice_flat_odt_gives_the_same_blocks_with_soft_page_breaks():
    odt, fodt = read(PLAN), read(PLAN_FLAT)
    assert fodt.format == "fodt"
    assert shown(fodt) == shown(odt)
    breaks = [b for b in fodt.blocks if b.kind == PAGE_BREAK]
    assert breaks and fodt.blocks[-1].page == len(breaks) + 1
    pages = [b.page for b in fodt.blocks]
    assert pages == sorted(pages)


def test_plan_odt_parses_to_the_plan_tree():
    plan = load_record(str(PLAN))
    assert [(n.marker, n.title) for n in plan.sections] == [
        ("壹", "依據"), ("貳", "目的"), ("參", "任務"), ("肆", "執行"), ("伍", "狀況通報"),
        ("陸", plan.sections[5].title)]
    execution = plan.sections[3]
    assert [(c.marker, c.title) for c in execution.children] == [("一", "工作期程"), ("二", "工作要項")]
    assert [(c.marker, len(c.children)) for c in execution.children[1].children] == [("(一)", 4), ("(二)", 4),
                                                                                     ("(三)", 4)]


# ---------- the division table ----------

def test_division_table_rows_cells_and_second_page():
    doc = read(DIVISION)
    kinds = [(b.kind, b.page) for b in doc.blocks]
    assert kinds == [(PARAGRAPH, 1), (TABLE, 1), (PAGE_BREAK, 1), (PARAGRAPH, 2), (TABLE, 2)]
    title = "花蓮縣政府第15任總統副總統及第10屆立法委員選舉期間維護工作分工表"
    assert doc.blocks[0].text == title and doc.blocks[3].text == title  # title repeated on page 2
    first, second = doc.blocks[1].rows, doc.blocks[4].rows
    assert [row[0] for row in first] == ["本府各處及所屬各級機關", "本府行政暨研考", "本府教育處", "本府觀光處", "本府人事處"]
    assert first[3][1] == ("1.請協助機關強化機關資通安全管理、電腦週邊設備檢管,積極蒐報網路安全情資及影響國家安全之資安事件。\n"
                           "2.請加強委外廠商之監督,並注意慶典期間電腦機房門禁管制措施及監視。")
    assert second == [["本府政風處", "訂定第15任總統副總統及第10屆立法委員選舉期間維護工作計畫,蒐報危安情資並適時陳報。"]]


def test_division_odt_parses_to_six_rows():
    division = load_record(str(DIVISION))
    assert [(r.unit, len(r.duties)) for r in division.rows] == [
        ("本府各處及所屬各級機關", 1), ("本府行政暨研考", 1), ("本府教育處", 1), ("本府觀光處", 2), ("本府人事處", 1),
        ("本府政風處", 1)]


# ---------- inline white space, notes, numbering details (hand-written flat ODT) ----------

LIST_STYLES = (
    '<text:list-style style:name="L1">'
    '<text:list-level-style-number text:level="1" style:num-format="一, 二, 三, ..." style:num-suffix="、"/>'
    '<text:list-level-style-number text:level="2" style:num-format="1" style:num-prefix="(" style:num-suffix=")"/>'
    '</text:list-style>'
    '<text:list-style style:name="L2"><text:list-level-style-number text:level="1" style:num-format="1" '
    'style:num-suffix="." text:start-value="3"/><text:list-level-style-number text:level="2" style:num-format="1" '
    'style:num-suffix="." text:display-levels="2"/></text:list-style>'
    '<text:list-style style:name="B1"><text:list-level-style-bullet text:level="1" text:bullet-char="●"/>'
    '</text:list-style>'
    '<style:style style:name="Break" style:family="paragraph"><style:paragraph-properties fo:break-before="page"/>'
    '</style:style>'
    '<style:style style:name="Child" style:family="paragraph" style:parent-style-name="Break"/>'
)


def test_inline_spaces_tabs_line_breaks_and_footnotes():
    body = ('<text:p>檔<text:s text:c="3"/>號：<text:tab/>A<text:line-break/>B  \n  C'
            '<text:note text:note-class="footnote"><text:note-citation>1</text:note-citation><text:note-body>'
            '<text:p>註釋內容</text:p></text:note-body></text:note>。<office:annotation><text:p>批註</text:p>'
            '</office:annotation></text:p>')
    doc = read_odt(flat(body, LIST_STYLES), "x.fodt")
    assert [(b.kind, b.marker, b.text) for b in doc.blocks] == [
        (PARAGRAPH, None, "檔   號：\tA\nB C。"), (PARAGRAPH, "註1：", "註釋內容")]
    assert doc.warnings == ["1 footnote(s) kept as paragraphs 註N： after their paragraph"]


def test_start_value_continue_list_headers_bullets_and_display_levels():
    body = ('<text:list text:style-name="L1" xml:id="a"><text:list-item><text:p>甲</text:p></text:list-item>'
            '<text:list-header><text:p>無號</text:p></text:list-header>'
            '<text:list-item><text:p>乙</text:p><text:p>乙的第二段</text:p><text:list><text:list-item><text:p>乙1'
            '</text:p></text:list-item></text:list></text:list-item></text:list>'
            '<text:p>插入</text:p>'
            '<text:list text:style-name="L1" text:continue-list="a"><text:list-item><text:p>丙</text:p>'
            '</text:list-item><text:list-item text:start-value="9"><text:p>玖</text:p></text:list-item></text:list>'
            '<text:list text:style-name="L2"><text:list-item><text:p>三</text:p><text:list><text:list-item>'
            '<text:p>三之一</text:p></text:list-item></text:list></text:list-item></text:list>'
            '<text:list text:style-name="B1"><text:list-item><text:p>圓點</text:p></text:list-item></text:list>')
    doc = read_odt(flat(body, LIST_STYLES), "x.fodt")
    assert [(b.kind, b.marker, b.level, b.text) for b in doc.blocks] == [
        (LIST_ITEM, "一、", 1, "甲"), (PARAGRAPH, None, None, "無號"), (LIST_ITEM, "二、", 1, "乙"),
        (PARAGRAPH, None, None, "乙的第二段"), (LIST_ITEM, "(1)", 2, "乙1"), (PARAGRAPH, None, None, "插入"),
        (LIST_ITEM, "三、", 1, "丙"), (LIST_ITEM, "九、", 1, "玖"),
        (LIST_ITEM, "3.", 1, "三"), (LIST_ITEM, "3.1.", 2, "三之一"), (LIST_ITEM, None, 1, "圓點")]


def test_hard_and_soft_page_breaks_count_pages():
    body = ('<text:p>一頁</text:p><text:p text:style-name="Child">二頁</text:p><text:soft-page-break/>'
            '<text:p>三頁<text:soft-page-break/>跨頁</text:p><text:p>四頁</text:p>'
            '<table:table><table:table-row><table:table-cell table:number-columns-repeated="2"><text:p>格</text:p>'
            '</table:table-cell><table:covered-table-cell/></table:table-row><table:table-row>'
            '<table:table-cell><text:p>第一段</text:p><text:p>第二段</text:p></table:table-cell></table:table-row>'
            '<table:table-row><table:table-cell/></table:table-row></table:table>')
    doc = read_odt(flat(body, LIST_STYLES), "x.fodt")
    assert [(b.kind, b.page, b.text) for b in doc.blocks if b.kind != TABLE] == [
        (PARAGRAPH, 1, "一頁"), (PAGE_BREAK, 1, ""), (PARAGRAPH, 2, "二頁"), (PAGE_BREAK, 2, ""),
        (PARAGRAPH, 3, "三頁跨頁"), (PAGE_BREAK, 3, ""), (PARAGRAPH, 4, "四頁")]
    table = doc.blocks[-1]
    assert table.page == 4 and table.rows == [["格", "格", ""], ["第一段\n第二段"]]


# ---------- hostile and broken files: one-line errors, fast, bounded memory ----------

BAD_FILES = {
    "not-odf.odt": "not an ODF document: zip has no mimetype entry",
    "no-content.odt": "not a readable ODT: no content.xml",
    "malformed-xml.odt": "content.xml is not well-formed XML (line 2, column 222)",
    "entity-bomb.odt": "content.xml declares entity 'lol': refused (entity expansion, e.g. billion laughs)",
    "external-entity.odt": "content.xml declares external entity 'xxe' (file:///etc/passwd): refused (XXE)",
    "zip-bomb.odt": "content.xml would decompress to 104857906 bytes (limit 33554432): refused as a zip bomb",
}


@pytest.mark.parametrize("name", sorted(BAD_FILES))
def test_bad_odt_is_refused_with_bounded_memory(name):
    path = BAD / name
    data = path.read_bytes()
    tracemalloc.start()
    with pytest.raises(InputError) as caught:
        read_odt(data, str(path))
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert str(caught.value) == f"{path}: {BAD_FILES[name]}"
    assert peak < 2 * 1024 * 1024, f"{name} peaked at {peak} bytes"  # time: bench/bad_inputs.py


@pytest.mark.parametrize("name", sorted(BAD_FILES))
def test_bad_odt_through_the_command(name):
    path = BAD / name
    proc = subprocess.run([GONGWEN, "parse", str(path)], capture_output=True, text=True, timeout=30)
    assert proc.returncode == 1
    assert proc.stdout == ""
    assert proc.stderr == f"gongwen: {path}: {BAD_FILES[name]}\n"


@pytest.mark.parametrize("data, message", [
    (b"PK\x03\x04 not really a zip", "not a readable ODT: damaged or not a zip file"),
    (package({"mimetype": b"application/vnd.oasis.opendocument.spreadsheet", "content.xml": b"<x/>"}),
     "not an ODF text document: mimetype is 'application/vnd.oasis.opendocument.spreadsheet'"),
    (package({"mimetype": MIMETYPE, "content.xml": b"\x00\x01",
              "META-INF/manifest.xml": b"<manifest:encryption-data/>"}),
     "password-protected ODT: cannot read encrypted content"),
    (package({"mimetype": MIMETYPE, **{f"f{i}": b"" for i in range(1001)}}),
     "zip has 1002 entries (limit 1000): refused"),
    (flat("<text:p/>").replace(b"<office:document ", b'<!DOCTYPE d [<!ENTITY e "x">]><office:document '),
     "flat ODT declares entity 'e': refused (entity expansion, e.g. billion laughs)"),
    (b'<?xml version="1.0"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"/>',
     "not a flat ODF text document (root document-content, mimetype None)"),
    (flat("<text:p> </text:p>"), "empty document: no text"),
])
def test_other_broken_inputs(data, message):
    with pytest.raises(InputError) as caught:
        read_odt(data, "in.odt")
    assert str(caught.value) == f"in.odt: {message}"
