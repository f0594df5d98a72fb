"""Word and spreadsheet inputs: .docx/.doc/.rtf letters and .xlsx/.ods/.xls 分工表 give the records of their ODT
counterparts (files made by scripts/make_formats.py); hostile packages get one-line errors."""
from __future__ import annotations

import io
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from pipeline.blocks import HEADING, LIST_ITEM, TABLE
from pipeline.errors import InputError
from pipeline.load import load_record
from pipeline.read import detect_format, read_document
from pipeline.read.docx import read_docx
from pipeline.read.sheets import MAX_COLUMN, read_xlsx
from pipeline.records import to_dict

ROOT = Path(__file__).resolve().parent.parent
FORMATS = ROOT / "tests" / "data" / "formats"
INBOX = ROOT / "samples" / "inbox"
PLAN_ODT = INBOX / "376550000A1080251637_118_ATTACH1.odt"
DIVISION_ODT = INBOX / "376550000A1080251637_118_ATTACH2.odt"
HAS_SOFFICE = any(Path(d, "soffice").exists() for d in os.environ.get("PATH", "").split(os.pathsep))
needs_libreoffice = pytest.mark.skipif(  # .ci/run sets GONGWEN_REQUIRE_LIBREOFFICE=1: required there
    not HAS_SOFFICE and os.environ.get("GONGWEN_REQUIRE_LIBREOFFICE") != "1",
    reason="LibreOffice (soffice) is not installed, so .doc/.rtf/.xls conversion is skipped; .ci/run installs it")


def record(path: Path) -> dict:
    """Given a file, return its parsed record as a dict without its source or reader notes."""
    out = to_dict(load_record(str(path)))
    out.pop("source")
    out["warnings"] = [w for w in out["warnings"] if "LibreOffice" not in w]
    return out


def test_docx_letter_numbers_come_from_numbering_xml():
    doc = read_document(str(FORMATS / "seed-letter-numbered.docx"))
    items = [(b.marker, b.text[:6]) for b in doc.blocks if b.kind == LIST_ITEM]
    assert items == [("一、", "依據法務部廉"), ("二、", "旨皆專案維護")]
    with zipfile.ZipFile(FORMATS / "seed-letter-numbered.docx") as package:  # the numbers are not in the text
        assert "一、依據" not in package.read("word/document.xml").decode()
        assert "%1、" in package.read("word/numbering.xml").decode()


def test_docx_letter_gives_the_record_of_its_odt():
    docx, odt = record(FORMATS / "seed-letter-numbered.docx"), record(FORMATS / "seed-letter-numbered.odt")
    assert docx == odt
    assert docx["dispatch_no"]["text"] == "府政行字第1080251637號" and docx["date"]["iso"] == "2019-11-12"
    assert [(i["marker"], i["text"][:8]) for i in docx["sections"][0]["items"]] == [
        ("一", "依據法務部廉政署"), ("二", "旨皆專案維護期間")]
    assert len(docx["cc_main"]) == 10 and docx["cc_copy"][-1]["name"] == "花蓮縣花蓮市公所政風室"


@pytest.mark.parametrize("name, odt", [("plan.docx", PLAN_ODT), ("division.docx", DIVISION_ODT)])
def test_docx_plan_and_division_give_the_records_of_their_odt(name, odt):
    assert record(FORMATS / name) == record(odt)


def test_docx_plan_blocks_equal_the_odt_blocks():
    shown = lambda doc: [(b.kind, b.marker, b.text, b.level, b.rows, b.page) for b in doc.blocks]  # noqa: E731
    docx, odt = read_document(str(FORMATS / "plan.docx")), read_document(str(PLAN_ODT))
    assert shown(docx) == shown(odt)
    assert [b.marker for b in docx.blocks if b.kind == HEADING][:3] == ["壹、", "貳、", "參、"]


@pytest.mark.parametrize("name", ["division.xlsx", "division.ods"])
def test_spreadsheet_division_gives_the_record_of_the_odt_table(name):
    assert record(FORMATS / name) == record(DIVISION_ODT)


def test_xlsx_merged_title_and_unit_and_wrapped_cell():
    doc = read_document(str(FORMATS / "division.xlsx"))
    assert doc.format == "xlsx" and doc.blocks[0].text.endswith("維護工作分工表")
    rows = doc.blocks[1].rows
    assert rows[0] == ["單位", "工作項目"]
    assert rows[4][0] == "本府觀光處" and rows[5][0] == "" and rows[5][1].startswith("2.請加強委外廠商")
    assert "\n" in rows[-1][1]


@needs_libreoffice
@pytest.mark.parametrize("name, odt", [("seed-letter-numbered.doc", FORMATS / "seed-letter-numbered.odt"),
                                       ("division.xls", DIVISION_ODT)])
def test_old_formats_are_read_through_libreoffice(name, odt):
    assert record(FORMATS / name) == record(odt)


@needs_libreoffice
def test_rtf_letter_is_read_through_libreoffice():
    rtf, odt = record(FORMATS / "seed-letter-numbered.rtf"), record(FORMATS / "seed-letter-numbered.odt")
    # LibreOffice's RTF export wrote the list pattern's 、 as \'3f (?), so only the items' numbers differ
    assert rtf["sections"][0]["text"].startswith("一？依據法務部廉政署")
    assert {k: v for k, v in rtf.items() if k != "sections"} == {k: v for k, v in odt.items() if k != "sections"}


# ---------- Word numbering rules, on small hand-made packages ----------

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def docx(body: str, numbering: str = "", styles: str = "") -> bytes:
    """Given document body XML (and numbering/styles XML inside their roots), return .docx bytes."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as package:
        package.writestr("word/document.xml", f'<w:document {W}><w:body>{body}</w:body></w:document>')
        package.writestr("word/numbering.xml", f"<w:numbering {W}>{numbering}</w:numbering>")
        package.writestr("word/styles.xml", f"<w:styles {W}>{styles}</w:styles>")
    return out.getvalue()


def para(text: str, num: int | None = None, ilvl: int = 0, style: str | None = None) -> str:
    """Given text and an optional numbering instance/level or style, return a w:p."""
    props = (f'<w:pStyle w:val="{style}"/>' if style else "") + \
        (f'<w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num}"/></w:numPr>' if num is not None else "")
    return f'<w:p><w:pPr>{props}</w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>'


LEVELS = ('<w:abstractNum w:abstractNumId="0">'
          '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="taiwaneseCountingThousand"/><w:lvlText w:val="%1、"/></w:lvl>'
          '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="taiwaneseCountingThousand"/><w:lvlText w:val="(%2)"/></w:lvl>'
          '<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/></w:lvl>'
          '<w:lvl w:ilvl="3"><w:numFmt w:val="bullet"/><w:lvlText w:val="●"/></w:lvl></w:abstractNum>'
          '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
          '<w:num w:numId="2"><w:abstractNumId w:val="0"/>'
          '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="3"/></w:lvlOverride></w:num>')


def test_levels_restart_deeper_counts_and_show_their_patterns():
    body = "".join([para("甲", 1), para("乙", 1, 1), para("丙", 1, 1), para("丁", 1, 2), para("戊", 1),
                    para("己", 1, 1), para("庚", 1, 3), para("辛", 2), para("壬", 0)])
    blocks = read_docx(docx(body, LEVELS), "x.docx").blocks
    assert [(b.marker, b.text, b.level) for b in blocks] == [
        ("一、", "甲", 1), ("(一)", "乙", 2), ("(二)", "丙", 2), ("1.", "丁", 3), ("二、", "戊", 1),
        ("(一)", "己", 2), (None, "庚", None), ("三、", "辛", 1), (None, "壬", None)]


def test_numbering_through_a_style_and_headings_by_outline_level():
    styles = ('<w:style w:type="paragraph" w:styleId="Item"><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr>'
              '</w:pPr></w:style><w:style w:type="paragraph" w:styleId="Heading1"><w:basedOn w:val="Item"/>'
              '<w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style>')
    blocks = read_docx(docx(para("依據", style="Heading1") + para("說明", style="Item"), LEVELS, styles), "x").blocks
    assert [(b.kind, b.marker, b.text) for b in blocks] == [(HEADING, "一、", "依據"), (LIST_ITEM, "二、", "說明")]


def test_table_cells_spans_and_vertical_merges():
    cell = lambda text, props="": f"<w:tc><w:tcPr>{props}</w:tcPr>{para(text)}</w:tc>"  # noqa: E731
    span, restart, merged = '<w:gridSpan w:val="2"/>', '<w:vMerge w:val="restart"/>', "<w:vMerge/>"
    body = ("<w:tbl>"
            f"<w:tr>{cell('表名', span)}</w:tr>"
            f"<w:tr>{cell('本府觀光處', restart)}{cell('1.甲')}</w:tr>"
            f"<w:tr>{cell('', merged)}{cell('2.乙')}</w:tr></w:tbl>")
    [table] = read_docx(docx(body), "x").blocks
    assert table.kind == TABLE and table.rows == [["表名", ""], ["本府觀光處", "1.甲"], ["", "2.乙"]]


# ---------- hostile and broken packages ----------

def zipped(parts: dict[str, bytes]) -> bytes:
    """Given part names and bytes, return them as a zip."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        for name, data in parts.items():
            package.writestr(name, data)
    return out.getvalue()


BOMB = (b'<?xml version="1.0"?><!DOCTYPE w [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>'
        b'<w:document ' + W.encode() + b'><w:body><w:p><w:r><w:t>&b;</w:t></w:r></w:p></w:body></w:document>')
XXE = (b'<?xml version="1.0"?><!DOCTYPE w [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
       b'<w:document ' + W.encode() + b'><w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>')
HOSTILE = [
    ("x.docx", zipped({"word/document.xml": BOMB}),
     "word/document.xml declares entity 'a': refused (entity expansion, e.g. billion laughs)"),
    ("x.docx", zipped({"word/document.xml": XXE}),
     "word/document.xml declares external entity 'x' (file:///etc/passwd): refused (XXE)"),
    ("x.docx", zipped({"word/document.xml": b"<w:document " + W.encode() + b"> " + b" " * (40 << 20) + b"</w:document>"}),
     "word/document.xml would decompress to 41943137 bytes (limit 33554432): refused as a zip bomb"),
    ("x.docx", zipped({"word/other.xml": b"<a/>"}), "not a readable DOCX: zip has no word/document.xml"),
    ("x.docx", b"PK\x03\x04 not really a zip", "not a readable DOCX: damaged or not a zip file"),
    ("x.docx", zipped({"word/document.xml": b"<w:document " + W.encode() + b"><w:body><w:p>"}),
     "word/document.xml is not well-formed XML (line 1, column 96)"),
    ("x.docx", zipped({"word/document.xml": b"<w:document " + W.encode() + b"><w:body/></w:document>"}),
     "empty document: no text"),
    ("x.docx", zipped({"word/document.xml": b"<w:document " + W.encode() + b"><w:body><w:p>" + b"<w:hyperlink>" * 50000
                        + b"</w:hyperlink>" * 50000 + b"</w:p></w:body></w:document>"}),
     "word/document.xml: elements nested deeper than 128 levels: refused"),  # the shared XML parser's cap
    ("x.xlsx", zipped({"xl/workbook.xml": BOMB.replace(b"w:document", b"workbook")}),
     "xl/workbook.xml declares entity 'a': refused (entity expansion, e.g. billion laughs)"),
    ("x.ods", zipped({"mimetype": b"application/vnd.oasis.opendocument.text", "content.xml": b"<a/>"}),
     "not an ODF spreadsheet: mimetype is 'application/vnd.oasis.opendocument.text'"),
]


@pytest.mark.parametrize("name, data, message", HOSTILE)
def test_hostile_packages_get_one_line(name, data, message):
    with pytest.raises(InputError) as caught:
        read_document(name, data)
    assert str(caught.value) == f"{name}: {message}"


def test_xlsx_cell_far_right_is_refused():
    main = b'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
    rels = b'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
    data = zipped({
        "xl/workbook.xml": b"<workbook " + main + b" " + rels + b'><sheets><sheet name="a" r:id="r1"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels": b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
                                      b'relationships"><Relationship Id="r1" Target="worksheets/s.xml"/></Relationships>',
        "xl/worksheets/s.xml": b"<worksheet " + main + b'><sheetData><row r="1"><c r="XFD1" t="inlineStr"><is><t>x'
                               b"</t></is></c></row></sheetData></worksheet>"})
    with pytest.raises(InputError, match=f"cell XFD1 lies beyond column {MAX_COLUMN}: refused"):
        read_xlsx(data, "x.xlsx")


@pytest.mark.parametrize("name, data, fmt", [
    ("a.bin", zipped({"word/document.xml": b"<a/>"}), "docx"), ("a", zipped({"xl/workbook.xml": b"<a/>"}), "xlsx"),
    ("a.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100, "doc"), ("a.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "xls"),
    ("a.txt", b"{\\rtf1 hello}", "rtf"), ("a.odt", zipped({"mimetype": b"application/vnd.oasis.opendocument.text"}), "odt"),
    ("scan", b"\x89PNG\r\n\x1a\n....", "image"), ("fax.tif", b"II*\x00....", "image")])
def test_formats_are_recognised_by_content(name, data, fmt):
    assert detect_format(name, data) == fmt


def test_doc_without_libreoffice_says_what_to_install(tmp_path):
    env = {**os.environ, "PATH": str(Path(sys.executable).parent)}
    done = subprocess.run([sys.executable, "-m", "pipeline.cli", "parse", str(FORMATS / "seed-letter-numbered.doc")],
                          capture_output=True, text=True, env=env, cwd=ROOT)
    assert done.returncode != 0 and "Traceback" not in done.stderr
    assert done.stderr.strip().splitlines() == [
        f"gongwen: {FORMATS / 'seed-letter-numbered.doc'}: reading .doc needs LibreOffice: install it "
        "(Debian: apt-get install libreoffice-writer-nogui) or save the file as .docx"]
