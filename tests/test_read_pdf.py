"""PDF reader: text and paragraphs, fake bold, binding line, headers and footers, tables, bundles, bad PDFs."""
from __future__ import annotations

import ctypes
import io
import json
import subprocess
import sys
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest

from pipeline.blocks import PAGE_BREAK, PARAGRAPH, TABLE
from pipeline.errors import InputError
from pipeline.load import load_record
from pipeline.read.pdf import read_pdf
from pipeline.read.pdf_layout import (Char, Line, chars_to_rows, columns_to_lines, drop_binding_line, drop_margin_numbers,
                                      drop_headers_and_footers, lines_to_paragraphs, rows_to_segments,
                                      segments_to_columns)
from pipeline.records import to_dict

ROOT = Path(__file__).resolve().parent.parent
INBOX, BAD = ROOT / "samples" / "inbox", ROOT / "samples" / "bad"
SEED_TEXT = INBOX / "000_7274a88dd80a289e.txt"
LETTER = INBOX / "hualien-1080251637.pdf"
TWO_PAGES = INBOX / "dongyu-1130012345-two-pages.pdf"
BUNDLE = ROOT / "samples" / "bundles" / "hualien-1080251637-with-attachments.pdf"
UNSEEN = ROOT / "tests" / "data" / "unseen_pdf"  # agency-style letters made by make_pdfs.py there
GONGWEN = str(Path(sys.executable).parent / "gongwen")


def read(path: Path):
    return read_pdf(path.read_bytes(), str(path))


def texts(doc, page: int | None = None) -> list[str]:
    return [b.text for b in doc.blocks if b.kind == PARAGRAPH and (page is None or b.page == page)]


# ---------- the seed letter ----------

SEED_LETTER_PARAGRAPHS = [
    "檔 號:",  # 保存年限 stands 6 em to its right: another column
    "保存年限:",
    "花蓮縣政府 函",  # drawn twice (fake bold) in the PDF, read once
    "地址:97001花蓮縣花蓮市府前路17號",
    "承辦人:許明浩 電話:8222944",
    "電子信箱:zzzrobert@hl.gov.tw",
    "受文者:花蓮縣萬榮鄉明利國民小學",
    "發文日期:中華民國108年11月12日 發文字號:府政行字第1080251637號",
    "速別:普通件",
    "密等及解密條件或保密期限:",
    "附件:花蓮縣政府辦理第15任總統副總統及第10屆立法委員選舉期間專案安全維護計畫、花蓮縣政府辦理第15任總統副總統及"
    "第10屆立法委員選舉期間維護工作分工表(376550000A1080251637_118_ATTACH1.odt、376550000A1080251637_118_ATTACH2.odt)",
    "主旨:檢送「本府第15任總統副總統及第10屆立法委員選舉期間專案安全維護計畫」1案及維護工作分工表1份,請據以加強安全"
    "維護措施,請查照。",
    "說明:",
    "一、依據法務部廉政署108年10月14日廉政字第10807018360號函辦理。",
    "二、旨皆專案維護期間,自候選人競選活動期間至投票日止(108年12月14日起至109年1月11日止,共29天),請依據旨揭計畫及"
    "分工表加強各項安全維護措施,以保障選舉期間機關安全。",
    "正本:本府各處(本府政風處除外)、本府所屬一-二級機關、本縣各公立國民中-小學、本縣各鄉鎮市公所、縣長室、副縣長室、"
    "秘書長室、參議室、秘書辦公室、消費者保護官室",
    "副本:本府政風處、花蓮縣警察局政風室、花蓮縣消防局政風室、花蓮縣文化局政風室、花蓮縣環境保護局政風室、花蓮縣衛生局政風室、"
    "花蓮縣地方稅務局政風室、花蓮縣花蓮地政事務所政風室、花蓮縣吉安鄉公所政風室、花蓮縣玉里鎮公所政風室、"
    "花蓮縣花蓮市公所政風室電2009/11/33",
]


def test_seed_letter_paragraphs_in_reading_order():
    doc = read(LETTER)
    assert doc.format == "pdf"
    assert [b.kind for b in doc.blocks] == [PARAGRAPH] * len(SEED_LETTER_PARAGRAPHS)
    assert texts(doc) == SEED_LETTER_PARAGRAPHS
    assert {b.page for b in doc.blocks} == {1}
    assert doc.warnings == ["removed 1 page header/footer line(s): 「第1頁，共1頁」"]


def without(record: dict, *keys: str) -> dict:
    return {k: v for k, v in record.items() if k not in keys}


def parsed(path: Path) -> dict:
    proc = subprocess.run([GONGWEN, "parse", str(path)], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


def test_a_ligature_glyphs_letters_share_one_box_and_are_all_read():
    # a word processor's sans font sets 「ffi」 as one glyph: PDFium gives f, f, i in that glyph's box, in one text
    # object (fake bold draws a glyph again as an object of its own, and that repeat is still dropped)
    doc = read(ROOT / "tests" / "data" / "real" / "s6-hakka-tycg-social-engineering-notice.pdf")
    assert "Office" in "".join(texts(doc))
    assert "Ofice" not in "".join(texts(doc))


def one_font_pdf(stream: bytes) -> bytes:
    """Given a page's content stream (Helvetica as /F1), return a one-page PDF holding it."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> "
               b"/Contents 4 0 R >>",
               b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream),
               b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def test_fake_bold_drawn_again_offset_inside_one_text_object_is_read_once():
    # each glyph drawn a second time 2 pt to its right within one TJ: the repeat is offset, no ligature's letter
    stream = b"BT /F1 24 Tf 100 700 Td [(B) 584 (B) 83 (o) 473 (o) 83 (l) 139 (l) 83 (d) 473 (d)] TJ ET"
    doc = read_pdf(one_font_pdf(stream), "fake-bold.pdf")
    assert "".join(texts(doc)) == "Bold"


def test_bundle_pdf_gives_the_seed_texts_letter_record():
    text_record, pdf_record = parsed(SEED_TEXT), parsed(BUNDLE)
    assert pdf_record["source"]["format"] == "pdf"
    # the warnings name how each format's page footer was removed; every other field is equal
    for attachment in text_record["attachments"] + pdf_record["attachments"]:
        attachment["content"].pop("warnings")  # the text lost three list numbers that the PDF has
        attachment["content"].pop("source")
    assert without(pdf_record, "source", "warnings") == without(text_record, "source", "warnings")
    assert [a["kind"] for a in pdf_record["attachments"]] == ["plan", "division"]


def test_letter_pdf_gives_the_seed_texts_letter_fields():
    text_record = to_dict(load_record(str(SEED_TEXT)))
    pdf_record = to_dict(load_record(str(LETTER)))
    for attachment in text_record["attachments"]:  # the letter PDF alone carries no attachment content
        attachment["kind"] = attachment["content"] = None
    assert without(pdf_record, "source", "warnings") == without(text_record, "source", "warnings")


# ---------- a two-page letter: binding line, page footers, paragraphs over lines ----------

def test_two_page_letter_loses_binding_line_and_footers():
    doc = read(TWO_PAGES)
    assert [b.kind for b in doc.blocks].count(PAGE_BREAK) == 1
    assert doc.warnings == ["removed binding-line text (裝訂線) on page(s) 1, 2",
                            "removed 2 page header/footer line(s): 「第 1頁，共 2頁」、「第 2頁，共 2頁」"]
    every = "".join(texts(doc))
    assert "|" not in every and "頁，共" not in every
    assert not any(t in ("裝", "訂", "線") for t in texts(doc))
    page1, page2 = texts(doc, 1), texts(doc, 2)
    assert page1[:3] == ["檔 號：", "保存年限：", "東嶼縣政府 函"]
    assert "電子信箱：sflin@dongyu.gov.tw" in page1  # shares its row with 裝: still whole
    assert page1[-1] == ("四、颱風或豪雨期間，如有停止上班上課之必要，依本府「天然災害停止上班及上課作業規定」辦理，"
                         "並請各校於本府網站公告後，以簡訊、電話或網路社群等方式通知學生家長。")
    assert page2[0].startswith("五、校園如有災情") and page2[0].endswith("並持續回報處理情形。")
    assert page2[-2:] == ["正本：本縣各公私立國民中小學", "副本：本府教育處學務管理科、本府消防局、本縣海濱市公所(均含附件)"]


def test_two_page_letter_record():
    letter = load_record(str(TWO_PAGES))
    assert letter.issuer == "東嶼縣政府" and letter.dispatch_no.text == "東府教學字第1130012345號"
    assert [item.marker for item in letter.sections[0].items] == ["一", "二", "三", "四", "五", "六", "七"]
    assert letter.contact.email == "sflin@dongyu.gov.tw"


# ---------- a bundle: letter, plan, ruled table over two pages ----------

def test_bundle_pages_plan_lines_and_ruled_tables():
    doc = read(BUNDLE)
    assert [b.page for b in doc.blocks if b.kind == PAGE_BREAK] == [1, 2, 3, 4, 5]
    page2 = texts(doc, 2)
    assert page2[:4] == ["花蓮縣政府辦理", "第15任總統副總統及第10屆立法委員選舉期間專案安全維護計畫", "壹、依據",
                         "依據法務部廉政署108年10月14日廉政字第10807018360號書函辦理。"]
    assert "三、政風處:副處長陳螢松: 0918221817;行政科科長黃家康: 0920783638。" in texts(doc, 4)
    tables = [b for b in doc.blocks if b.kind == TABLE]
    assert [t.page for t in tables] == [5, 6]
    assert [row[0] for row in tables[0].rows] == ["本府各處及所屬各級機關", "本府行政暨研考", "本府教育處", "本府觀光處",
                                                  "本府人事處"]
    assert tables[0].rows[3][1] == ("1. 請協助機關強化機關資通安全管理、電腦週邊設備檢管,積極蒐報網路安全情資及影響國家安全之"
                                    "資安事件。\n2. 請加強委外廠商之監督,並注意慶典期間電腦機房門禁管制措施及監視。")
    assert tables[1].rows == [["本府政風處", "訂定第15任總統副總統及第10屆立法委員選舉期間維護工作計畫,蒐報危安情資並適時陳報。"]]
    title = "花蓮縣政府第15任總統副總統及第10屆立法委員選舉期間維護工作分工表"
    assert texts(doc, 5) == [title] and texts(doc, 6) == [title]  # a repeated title is not a page header


# ---------- bad PDFs ----------

BAD_FILES = {
    "truncated.pdf": "truncated PDF: no %%EOF end marker (file cut short?)",
    "encrypted.pdf": "encrypted PDF: needs a password to open",
}


@pytest.mark.parametrize("name", sorted(BAD_FILES))
def test_bad_pdf_through_the_command(name):
    path = BAD / name
    proc = subprocess.run([GONGWEN, "parse", str(path)], capture_output=True, text=True, timeout=30)
    assert (proc.returncode, proc.stdout, proc.stderr) == (1, "", f"gongwen: {path}: {BAD_FILES[name]}\n")


def pdf_bytes(document: pdfium.PdfDocument) -> bytes:
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_corrupt_and_blank_pdfs():
    with pytest.raises(InputError, match=r"^x.pdf: not a PDF: no %PDF- header$"):
        read_pdf("主旨：這是改名為 .pdf 的文字檔。\n".encode(), "x.pdf")
    with pytest.raises(InputError, match=r"^x.pdf: corrupt PDF: cannot be parsed$"):
        read_pdf(b"%PDF-1.7\nthis is not a PDF body\n%%EOF\n", "x.pdf")
    blank = pdfium.PdfDocument.new()
    blank.new_page(595, 842)
    with pytest.raises(InputError, match=r"^x.pdf: no text: every page is blank$"):
        read_pdf(pdf_bytes(blank), "x.pdf")


def test_a_scanned_page_inside_a_text_pdf_is_a_warning_without_ocr(monkeypatch):
    monkeypatch.setattr("pipeline.read.scanned.tesseract_version", lambda: None)  # OCR: tests/test_ocr.py
    merged = pdfium.PdfDocument.new()
    merged.import_pages(pdfium.PdfDocument(LETTER.read_bytes()))
    merged.import_pages(pdfium.PdfDocument((BAD / "scanned-no-text.pdf").read_bytes()))
    doc = read_pdf(pdf_bytes(merged), "mixed.pdf")
    assert "page 2 has no usable text layer: needs OCR: install Tesseract OCR with its Traditional Chinese model " \
           "(Debian: apt-get install tesseract-ocr tesseract-ocr-chi-tra)" in doc.warnings
    assert texts(doc) == SEED_LETTER_PARAGRAPHS


# ---------- layout rules on hand-placed characters ----------

def row_of(text: str, x: float, top: float, size: float = 16.0, advance: float | None = None) -> list[Char]:
    step = advance or size
    return [Char(ch, x + i * step, x + (i + 1) * step, top, top + size, size) for i, ch in enumerate(text)]


def test_a_row_keeps_its_glyphs_in_order_where_a_loose_box_reaches_over_the_one_before():
    # PDFium's loose box of 「號」 starts where the 「5」 before it starts (臺北市大安區健康服務中心's address), and 「轉」's
    # left of the 「1」 before it: ordered by their centres, 「3段15號」 and 「27335831轉6268」 read as printed
    chars = [Char(t, x0, x1, 130, 143, 16) for t, x0, x1 in
             [("段", 379.5, 395.1), ("1", 395.1, 401.0), ("5", 401.0, 407.0), ("號", 400.9, 418.8)]]
    chars += [Char(t, x0, x1, 160, 174, 16) for t, x0, x1 in
              [("3", 418.8, 424.8), ("1", 424.8, 430.7), ("轉", 424.4, 442.6), ("6", 442.6, 448.5)]]
    assert ["".join(c.text for c in row) for row in chars_to_rows(chars)] == ["段15號", "31轉6"]


def test_rows_join_cjk_without_spaces_and_latin_words_with_them():
    chars = row_of("中華民國", 70, 100) + row_of("108", 136, 100.5, advance=8) + row_of("年", 162, 100)
    chars += row_of("abc", 70, 130, advance=8) + row_of("def", 70 + 3 * 8 + 4, 130, advance=8)
    rows = rows_to_segments(chars_to_rows(chars))
    assert [[seg.text for seg in row] for row in rows] == [["中華民國108年"], ["abc def"]]


def test_a_short_glyph_below_the_baseline_stays_on_its_row_in_its_place():
    # an ASCII comma's tight box hangs below the baseline: its centre 0.45 em below the row's, past ROW_TOLERANCE
    comma = Char(",", 495.5, 499.9, 193.4, 198.4, 16)
    chars = row_of("概況", 463.5, 180.7) + [comma] + row_of("並聽", 499.9, 180.7) + row_of("取土地", 191.5, 211.8)
    chars.append(Char(".", 80, 84, 236, 240, 16))  # a short glyph below every row's band: a row of its own
    rows = rows_to_segments(chars_to_rows(chars))
    assert [[seg.text for seg in row] for row in rows] == [["概況,並聽"], ["取土地"], ["."]]


def test_commas_of_justified_lines_read_in_their_place():
    doc = read(ROOT / "tests" / "data" / "real" / "f-yunlin-south-road-hearing-notice-104.pdf")  # ASCII commas
    assert texts(doc)[-3:] == [
        "公告事項公告: 土地徵收條例第十條第二項。一、事由:說明「站區南側道路改善工程」之興辦事業計畫概況,並聽取土地所有權人及"
        "利害關係人意見。",
        "二、時間及地點:104年5月29日下午2時30分整,於雲林縣虎尾鎮公所中山堂。",
        "三、公聽會當天如遇天災或人力無法抗拒情事,主辦單位或主持人得終止會議之進行,並另行公告再行召開公聽會事宜。"]
    doc = read(ROOT / "tests" / "data" / "unseen5" / "hakka-twopage-period.pdf")  # full-width 「，」 with tight boxes
    assert "（一）協調場地及周邊交通管制，並於活動期間派員協助維持秩序。" in texts(doc, 1)
    assert "六、為推廣客家語言，活動現場之主持、解說及文宣應以客語為主，並輔以華語或其他語言，請貴府督導承辦單位確實辦理，" \
           "以落實國家語言發展法之精神。" in texts(doc, 2)


def test_binding_glyphs_sharing_rows_with_body_text_are_dropped_but_a_left_aligned_body_is_not():
    # a 10 pt ┊ column 30.6 pt left of 16 pt text: under 2 em of the text, so on the same rows as the body
    body = [row_of(f"{n}、第{n}行文字內容", 79.5, 100 + 40 * n) for n in range(1, 9)]
    column = [row_of(ch, 38.9, 103 + 20 * i, size=10) for i, ch in enumerate("┊┊┊┊裝┊┊┊┊訂┊┊┊┊線┊")]
    chars = [c for row in body + column for c in row]
    kept, removed = drop_binding_line(chars, 595, 842)
    assert "".join(c.text for c in removed) == "┊┊┊┊裝┊┊┊┊訂┊┊┊┊線┊"
    rows = rows_to_segments(chars_to_rows(kept))
    assert [seg.text for row in rows for seg in row] == [f"{n}、第{n}行文字內容" for n in range(1, 9)]
    assert drop_binding_line([c for row in body for c in row], 595, 842)[1] == []  # line starts stack at the margin


def test_binding_line_drawn_as_bars_close_to_the_margin_is_dropped_but_a_number_column_is_not():
    # a 公文系統 drawing the line as 12 pt 「|」 bars 14 pt left of 16 pt text (under an em), 裝 訂 線 among them
    body = [row_of(f"{n}、第{n}行文字內容", 62, 60 + 40 * n) for n in range(1, 16)]
    bars = [row_of(ch, 42, 60 + 14 * i, size=12) for i, ch in enumerate("||||||裝||||||訂||||||線|||")]
    kept, removed = drop_binding_line([c for row in body + bars for c in row], 595, 842)
    assert "".join(c.text for c in removed) == "||||||裝||||||訂||||||線|||"
    assert "".join(c.text for c in kept) == "".join(f"{n}、第{n}行文字內容" for n in range(1, 16))
    numbers = [row_of(str(n), 42, 60 + 40 * n, size=12) for n in range(1, 10)]  # a table's 項次 as close: text
    assert drop_binding_line([c for row in body + numbers for c in row], 595, 842)[1] == []


def test_a_number_alone_in_a_side_margin_outside_the_text_is_dropped():
    # a printing system's sheet count: 「8」 right of page 1's text, 「97」 left of page 2's (15 pt, beside no row)
    body = [row_of(f"{n}、第{n}行文字內容", 70, 100 + 30 * n) for n in range(1, 9)]
    chars = [c for row in body for c in row]
    right = row_of("8", 567, 704, size=15, advance=7.5)
    left = row_of("97", 12, 704, size=15, advance=7.5)
    kept, removed = drop_margin_numbers(chars + right + left, 595)
    assert "".join(c.text for c in removed) == "897" and kept == chars
    column = [c for n in range(1, 9) for c in row_of(str(n), 70, 100 + 30 * n, size=12)]  # a table's 項次: text
    assert drop_margin_numbers(column + [c for row in body for c in row_of(row[0].text, 100, row[0].top)], 595)[1] == []
    far = [c for n in range(1, 9) for c in row_of(str(n), 30, 100 + 30 * n, size=12)]  # a column of them: text
    assert drop_margin_numbers(chars + far, 595)[1] == []
    close = row_of("4", 567, 753, size=15, advance=7.5)  # a quarter em past the text's right edge (560) is enough
    assert "".join(c.text for c in drop_margin_numbers(chars + row_of("一", 544, 400) + close, 595)[1]) == "4"
    beside = row_of("12", 20, 130, size=12)  # a number on a row of text (a line number 12 pt from it) stays too
    near = row_of("一", 38, 130, size=16)
    assert drop_margin_numbers(chars + beside + near, 595)[1] == []


def test_binding_line_beside_the_body_column_stays_when_text_stands_in_its_column():
    # single characters stacked at the edge in the body's own column (a wrapped 「線」 line) are text
    body = [row_of("第一行文字內容", 40, 100 + 40 * n) for n in range(8)]
    alone = [row_of(ch, 40, 120 + 80 * i) for i, ch in enumerate("裝訂線")]
    assert drop_binding_line([c for row in body + alone for c in row], 595, 842)[1] == []


def test_binding_line_of_three_glyphs_one_beside_a_label_is_removed_from_every_block():
    doc = read(UNSEEN / "kaohsiung-epb-sameline-email.pdf")
    assert doc.warnings[0] == "removed binding-line text (裝訂線) on page(s) 1"
    assert "受文者：高雄市鳳山區公所" in texts(doc)  # 裝 stood on its row
    assert "一、依據環境部113年5月20日環空字第1131045678號函及「空氣污染防制法」第32條規定辦理。" in texts(doc)  # 訂 split it
    assert not [t for t in texts(doc) if t[0] in "裝訂線┊"]


@pytest.mark.parametrize("name", ["hsinchu-county-three-levels", "keelung-city-table-header", "moe-shuhan-reply",
                                  "wra-explanation-and-measures", "taichung-city-twopage"])
def test_binding_line_of_rule_glyphs_leaves_no_glyph_in_the_blocks(name):
    doc = read(UNSEEN / f"{name}.pdf")
    pages = sorted({b.page for b in doc.blocks})
    assert doc.warnings[0] == f"removed binding-line text (裝訂線) on page(s) {', '.join(map(str, pages))}"
    assert not [t for t in texts(doc) if "┊" in t or t[0] in "裝訂線"]
    assert [t for t in texts(doc) if t.startswith(("主旨：", "說明："))]


# ---------- a row of far-apart parts: the title beside the address block ----------

def test_title_beside_an_address_block_is_a_line_of_its_own_before_the_block():
    doc = read(UNSEEN / "keelung-city-table-header.pdf")
    assert texts(doc)[:8] == ["檔 號：113/020101/3", "保存年限：5年", "基隆市政府 函", "地址：202201基隆市中正區義一路1號",
                              "承辦人：葉宗翰", "電話：02-24201122分機2205", "傳真：02-24225678",
                              "電子信箱：yeh2205@mail.klcg.gov.tw"]
    doc = read(UNSEEN / "kaohsiung-epb-sameline-email.pdf")  # the block's first line beside the title, wrapped
    assert texts(doc)[2:5] == ["高雄市政府環境保護局 函", "地址：830203高雄市鳳山區光復路二段132號", "承辦人：鄭雅文"]
    assert "電子信箱：kcepb.airquality.section2@mail.kcg.gov.tw" in texts(doc)


def test_segments_stand_apart_by_font_size_or_three_ems_a_spaced_label_stays_whole():
    rows = rows_to_segments(chars_to_rows(
        row_of("檔", 363, 40, size=12) + row_of("號：1", 399, 40, size=12)  # 2 em: a letter-spaced label
        + row_of("地址：甲", 306, 80, size=12) + row_of("承辦人：乙", 306, 98, size=12)
        + row_of("某某市政府函", 123, 112, size=20) + row_of("電話：丙", 306, 116, size=12)
        + row_of("傳真：丁", 306, 134, size=12) + row_of("甲", 80, 200) + row_of("乙", 80 + 16 + 48, 200)))
    columns = segments_to_columns(rows)
    assert [[line.text for line in row] for row in columns] == [
        ["檔 號：1"], ["地址：甲"], ["承辦人：乙"], ["某某市政府函", "電話：丙"], ["傳真：丁"], ["甲", "乙"]]
    assert [line.text for line in columns_to_lines(columns)] == [
        "檔 號：1", "某某市政府函", "地址：甲", "承辦人：乙", "電話：丙", "傳真：丁", "甲", "乙"]


def line(text: str, top: float, x0: float = 72, x1: float = 520, size: float = 16) -> Line:
    return Line(text, x0, x1, top, top + size, size)


def test_page_numbers_and_repeated_footers_go_a_repeated_header_stays_once():
    pages = [[line("機關內部文件", 40), line(f"本文第{n}頁", 300), line("東嶼縣政府", 790), line(f"- {n} -", 810)]
             for n in (1, 2, 3)]
    kept, removed = drop_headers_and_footers(pages, [842] * 3)
    assert [[x.text for x in page] for page in kept] == [["機關內部文件", "本文第1頁"], ["本文第2頁"], ["本文第3頁"]]
    assert removed == ["東嶼縣政府", "- 1 -", "機關內部文件", "東嶼縣政府", "- 2 -", "機關內部文件", "東嶼縣政府", "- 3 -"]


def test_wrapped_lines_rejoin_until_a_marker_or_a_short_line():
    lines = [line("主旨:檢送計畫1案,請", 100), line("查照。", 128, x0=120, x1=168),
             line("說明:", 156, x1=120), line("一、依據某某函辦理,並請各", 184, x0=88),
             line("校配合。", 212, x0=120, x1=184), line("二、另案辦理。", 240, x0=88, x1=200),
             line("另請各校配合。", 268, x0=120, x1=232)]
    assert [p.text for p in lines_to_paragraphs(lines)] == [
        "主旨:檢送計畫1案,請查照。", "說明:", "一、依據某某函辦理,並請各校配合。", "二、另案辦理。", "另請各校配合。"]


def test_a_line_is_full_against_the_right_edge_of_its_own_font_size():
    header = Line("地址：某市某路1號（一個比內文更寬的12pt行）", 80, 560, 40, 52, 12)
    lines = [header, Line("二、訪視期間自113年4月8日起至113年5月31", 80, 522.7, 100, 116, 16, text_x1=522.7),
             Line("日止，由本府教育局到校訪視，請查照。", 112, 538.7, 122, 138, 16, lead=16, text_x1=538.7),
             Line("三、訪視項目如下：", 80, 224, 144, 160, 16, text_x1=224)]
    assert [p.text for p in lines_to_paragraphs(lines)] == [
        header.text, "二、訪視期間自113年4月8日起至113年5月31日止，由本府教育局到校訪視，請查照。", "三、訪視項目如下："]


def test_wrapped_body_lines_and_a_bracketed_file_name_rejoin():
    doc = read(UNSEEN / "taichung-city-twopage.pdf")  # hanging 「。」 passes the margin; 12 pt header above
    page1 = texts(doc, 1)
    assert "附件：臺中市113年度高級中等學校防災教育訪視實施計畫（387000000A1130067890_1_ATTACH1.pdf）" in page1
    assert ("二、本計畫訪視期間自113年4月8日起至113年5月31日止，由本府教育局會同防災教育輔導團委員到校訪視，"
            "各校訪視日期另以電子郵件通知。") in page1
    assert "（四）防災器材、避難設施及疏散路線之檢查與維護情形。" in page1
    doc = read(UNSEEN / "keelung-city-table-header.pdf")  # 「（」 cannot end a line: the file name went down whole
    assert "附件：基隆市113年度冬令救助實施計畫（376570000A1130256789_1_ATTACH1.odt）" in texts(doc)


def test_first_pages_title_repeated_as_a_header_is_removed_and_noted():
    doc = read(UNSEEN / "taichung-city-twopage.pdf")
    assert texts(doc, 1)[2] == "臺 中 市 政 府 函"  # below 檔號 and 保存年限: not in the top two lines
    assert texts(doc, 2)[0] == "資料請以紙本8份備用。"
    assert doc.warnings[1] == "removed 3 page header/footer line(s): 「第1頁 共2頁」、「臺 中 市 政 府 函」、「第2頁 共2頁」"


# ---------- a grid drawn as one stroked path (another producer's way of ruling a table) ----------

def grid_pdf(cells: list[list[str]], x0: float = 100, top: float = 700, width: float = 150, height: float = 40) -> bytes:
    """A one-page PDF with a table ruled by one path of many segments, Helvetica text in its cells."""
    doc = pdfium.PdfDocument.new()
    page = doc.new_page(595, 842)
    rows, cols = len(cells), len(cells[0])
    path = pdfium_c.FPDFPageObj_CreateNewPath(x0, top)
    for r in range(rows + 1):
        pdfium_c.FPDFPath_MoveTo(path, x0, top - r * height)
        pdfium_c.FPDFPath_LineTo(path, x0 + cols * width, top - r * height)
    for c in range(cols + 1):
        pdfium_c.FPDFPath_MoveTo(path, x0 + c * width, top)
        pdfium_c.FPDFPath_LineTo(path, x0 + c * width, top - rows * height)
    pdfium_c.FPDFPath_SetDrawMode(path, pdfium_c.FPDF_FILLMODE_NONE, True)
    pdfium_c.FPDFPage_InsertObject(page.raw, path)
    font = pdfium_c.FPDFText_LoadStandardFont(doc.raw, b"Helvetica")
    for r, row in enumerate(cells):
        for c, text in enumerate(row):
            for n, part in enumerate(text.split("\n")):
                obj = pdfium_c.FPDFPageObj_CreateTextObj(doc.raw, font, 10)
                wide = ctypes.create_string_buffer((part + "\0").encode("utf-16-le"))
                pdfium_c.FPDFText_SetText(obj, ctypes.cast(wide, ctypes.POINTER(ctypes.c_ushort)))
                pdfium_c.FPDFPageObj_Transform(obj, 1, 0, 0, 1, x0 + c * width + 5, top - r * height - 12 - 11 * n)
                pdfium_c.FPDFPage_InsertObject(page.raw, obj)
    page.gen_content()
    return pdf_bytes(doc)


def test_a_ruled_box_of_labelled_fields_is_read_as_lines_not_as_a_table():
    doc = read_pdf(grid_pdf([["File no.:", "113/050301/2"], ["Retention:", "10 years"]]), "fields.pdf")
    assert [(b.kind, b.text) for b in doc.blocks] == [(PARAGRAPH, "File no.: 113/050301/2"),
                                                      (PARAGRAPH, "Retention: 10 years")]
    doc = read_pdf(grid_pdf([["Unit", "Duties"], ["Finance:", "accounts"], ["Audit", "review"]]), "table.pdf")
    assert [b.rows for b in doc.blocks if b.kind == TABLE] == [[["Unit", "Duties"], ["Finance:", "accounts"],
                                                               ["Audit", "review"]]]
    path = ROOT / "tests" / "data" / "unseen6" / "hpa-file-no-table.pdf"  # 檔號 and 保存年限 framed at the top right
    assert texts(read(path))[:3] == ["檔號：113/050301/2", "保存年限：10年", "衛生福利部國民健康署 函"]
    record = parsed(path)
    assert (record["file_no"], record["retention"]) == ("113/050301/2", "10年")


def test_table_ruled_by_one_path_with_wrapped_cells():
    data = grid_pdf([["Unit", "Duties"], ["Finance office", "1. check the\naccounts\n2. report"], ["Audit", "review"]])
    doc = read_pdf(data, "grid.pdf")
    tables = [b for b in doc.blocks if b.kind == TABLE]
    assert len(tables) == 1
    assert tables[0].rows == [["Unit", "Duties"], ["Finance office", "1. check the accounts\n2. report"],
                              ["Audit", "review"]]
    assert texts(doc) == []
