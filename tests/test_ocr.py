"""Scanned letters: OCR'd scans of the sample letters (scripts/make_scans.py) parse to their records; the image
clean-up rules on drawn pages; hostile images get one line each."""
from __future__ import annotations

import ctypes
import json
import os
import struct
import subprocess
import sys
import zlib
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest
from PIL import Image, ImageDraw

from pipeline.errors import InputError
from pipeline.load import load_record
from pipeline.read import read_document
from pipeline.read.images import MAX_PIXELS
from pipeline.read.ocr import tesseract_version, trim_boxes, tsv_to_words, words_to_chars
from pipeline.read.pdf_layout import Char
from pipeline.read.scan_cleanup import drop_stamp_colours, fill_punched_holes, skew_angle, square_pixels
from pipeline.read.scan_rules import ruling_boxes
from pipeline.read.scanned import is_garbage
from pipeline.records import to_dict

ROOT = Path(__file__).resolve().parent.parent
SCANS = ROOT / "tests" / "data" / "scans"
SEED = json.loads((ROOT / "samples" / "expected" / "000_7274a88dd80a289e.json").read_text(encoding="utf-8"))
# .ci/run sets GONGWEN_REQUIRE_OCR=1 so that CI fails instead of skipping
needs_ocr = pytest.mark.skipif(
    tesseract_version() is None and os.environ.get("GONGWEN_REQUIRE_OCR") != "1",
    reason="Tesseract with chi_tra is not installed, so OCR tests are skipped; .ci/run installs it")
STAMP_TEXT = ("1080003321", "108.11.15", "收文")  # the blue 收文章's number, date and word


def parsed(name: str) -> dict:
    """Given a scan's file name, return its record as a dict."""
    return to_dict(load_record(str(SCANS / name)))


def wrong_entries(got: list[dict], expected: list[dict]) -> int:
    """Given two 正本/副本 lists, return how many entries differ (missing, extra or misread)."""
    names, wanted = [a["name"] for a in got], [a["name"] for a in expected]
    return max(len([n for n in names if n not in wanted]), len([n for n in wanted if n not in names]))


@needs_ocr
def test_skewed_speckled_sealed_200dpi_scan_gives_the_seed_record():
    record = parsed("hualien-200dpi-skewed-sealed.pdf")
    for key in ("date", "dispatch_no", "issuer", "recipient", "subject"):
        assert record[key] == SEED[key], key
    assert wrong_entries(record["cc_main"], SEED["cc_main"]) <= 1
    note = record["source"]["ocr"]
    assert note["engine"].startswith("tesseract") and note["engine"].endswith("chi_tra") and note["pages"] == [1]
    assert 60 < note["mean_confidence"] <= 100
    assert "page 1 read by OCR (deskewed -2.0°), mean confidence" in record["warnings"][0]
    assert not any(text in json.dumps(record, ensure_ascii=False) for text in STAMP_TEXT)  # stamp dropped by colour


@needs_ocr
def test_a_scan_with_punched_holes_gives_the_seed_record():
    record = parsed("hualien-200dpi-punched.pdf")
    for key in ("date", "dispatch_no", "issuer", "recipient", "subject"):
        assert record[key] == SEED[key], key
    assert wrong_entries(record["cc_main"], SEED["cc_main"]) <= 1
    assert not any(mark in json.dumps(record, ensure_ascii=False) for mark in ("●", "○○", "◎"))


def test_punched_holes_in_the_margin_are_painted_white_but_text_and_body_ink_stay():
    dpi = 200
    page = Image.new("L", (1654, 2339), 255)  # A4 at 200 dpi
    draw = ImageDraw.Draw(page)
    r = round(3 / 25.4 * dpi)
    for y in (800, 1500):  # two 6 mm holes 12 mm from the left edge
        draw.ellipse([95 - r, y - r, 95 + r, y + r], fill=40)
    draw.rectangle([800, 1100, 860, 1160], fill=0)  # a solid black cell in the body
    for x in range(300, 1300, 40):  # text strokes, 0.5 mm thick, in the margin and the body
        draw.rectangle([x, 150, x + 4, 190], fill=0)
    cleaned = fill_punched_holes(page, dpi)
    assert cleaned.getpixel((95, 800)) == 255 and cleaned.getpixel((95, 1500)) == 255
    assert cleaned.getpixel((830, 1130)) == 0  # body ink stays
    assert all(cleaned.getpixel((x + 2, 170)) == 0 for x in range(300, 1300, 40))  # strokes stay, even in the margin
    assert fill_punched_holes(Image.new("L", (400, 600), 255), 50).getbbox() == Image.new("L", (400, 600), 255).getbbox()


@needs_ocr
def test_fax_tiff_gives_the_seed_date_and_number():
    record = parsed("hualien-fax.tif")
    assert record["source"]["format"] == "image"
    assert record["date"] == SEED["date"] and record["dispatch_no"] == SEED["dispatch_no"]
    assert record["recipient"] == SEED["recipient"]


@needs_ocr
def test_rotated_greyscale_jpeg_is_turned_upright():
    record = parsed("hualien-150dpi-rotated.jpg")
    assert record["date"] == SEED["date"] and record["dispatch_no"] == SEED["dispatch_no"]
    assert any("turned 270°" in w for w in record["warnings"])


@needs_ocr
def test_two_page_fax_reads_both_pages_like_its_pdf():
    record = parsed("dongyu-two-page-fax.tif")
    text_layer = to_dict(load_record(str(ROOT / "samples" / "inbox" / "dongyu-1130012345-two-pages.pdf")))
    assert record["source"]["ocr"]["pages"] == [1, 2]
    assert record["date"] == text_layer["date"] and record["dispatch_no"] == text_layer["dispatch_no"]
    last_item = text_layer["sections"][0]["items"][-1]["text"]  # on page 2
    assert last_item[:20] in json.dumps(record["sections"], ensure_ascii=False)


@needs_ocr
def test_scanned_ruled_division_table_gives_its_units_from_the_ruling_lines():
    record = parsed("division-ruled-200dpi.pdf")
    bundle = to_dict(load_record(str(ROOT / "samples" / "bundles" / "hualien-1080251637-with-attachments.pdf")))
    division = next(a["content"] for a in bundle["attachments"] if a["kind"] == "division")
    assert record["schema"].startswith("gongwen/division@") and record["title"] == division["title"]
    assert [row["unit"] for row in record["rows"]] == [row["unit"] for row in division["rows"]]
    assert [len(row["duties"]) for row in record["rows"]] == [len(row["duties"]) for row in division["rows"]]
    exact = sum(a == b for row, other in zip(record["rows"], division["rows"]) for a, b in zip(row["duties"], other["duties"]))
    assert exact >= 3  # of 7 duties; the others differ by a misread character or two


@needs_ocr
def test_progress_line_per_page_on_long_files(tmp_path):
    pages = [Image.open(SCANS / "dongyu-two-page-fax.tif")]
    pages[0].seek(0)
    first = pages[0].copy()
    pages[0].seek(1)
    frames = [first, pages[0].copy(), first]
    path = tmp_path / "three.tif"
    frames[0].save(path, compression="group4", dpi=(204, 196), save_all=True, append_images=frames[1:])
    done = subprocess.run([sys.executable, "-m", "pipeline.cli", "parse", str(path)], capture_output=True, text=True)
    assert [line for line in done.stderr.splitlines() if "OCR page" in line] == [
        f"gongwen: {path}: OCR page {n}/3" for n in (1, 2, 3)]


def with_garbage_text_layer(source: Path, target: Path) -> None:
    """Given a scanned PDF, write it with an invisible text layer of Big5 bytes read as Latin-1 (a broken font map)."""
    pdf = pdfium.PdfDocument(str(source))
    page = pdf[0]
    mojibake = "¥D¦®¡G¤½¤å¡A½Ð¬d·Ó¡C µo¤å¦r¸¹¡G©²¬F¦æ¦r²Ä\0".encode("utf-16-le")
    for line in range(6):
        text = pdfium_c.FPDFPageObj_NewTextObj(pdf.raw, b"Helvetica", ctypes.c_float(10))
        pdfium_c.FPDFText_SetText(text, ctypes.cast(ctypes.c_char_p(mojibake), ctypes.POINTER(pdfium_c.FPDF_WCHAR)))
        pdfium_c.FPDFTextObj_SetTextRenderMode(text, pdfium_c.FPDF_TEXTRENDERMODE_INVISIBLE)
        pdfium_c.FPDFPageObj_Transform(text, 1, 0, 0, 1, 60, 700 - 40 * line)
        pdfium_c.FPDFPage_InsertObject(page.raw, text)
    pdfium_c.FPDFPage_GenerateContent(page.raw)
    pdf.save(str(target))


@needs_ocr
def test_a_garbage_text_layer_is_ocrd(tmp_path):
    path = tmp_path / "garbage-layer.pdf"
    with_garbage_text_layer(SCANS / "hualien-200dpi-skewed-sealed.pdf", path)
    assert "¥D¦®" in pdfium.PdfDocument(str(path))[0].get_textpage().get_text_range()
    record = to_dict(load_record(str(path)))
    assert record["source"]["ocr"]["pages"] == [1]
    for key in ("date", "dispatch_no", "issuer", "recipient", "subject"):
        assert record[key] == SEED[key], key


@needs_ocr
def test_a_good_text_layer_is_never_ocrd():
    doc = read_document(str(ROOT / "samples" / "inbox" / "hualien-1080251637.pdf"))
    assert doc.ocr is None and not any("OCR" in w for w in doc.warnings)


def test_without_tesseract_a_scan_says_what_to_install(monkeypatch):
    monkeypatch.setattr("pipeline.read.ocr.tesseract_version", lambda: None)
    for name in ("hualien-fax.tif", "hualien-200dpi-skewed-sealed.pdf"):
        with pytest.raises(InputError) as caught:
            read_document(str(SCANS / name))
        assert str(caught.value).endswith(": needs OCR: install Tesseract OCR with its Traditional Chinese model "
                                          "(Debian: apt-get install tesseract-ocr tesseract-ocr-chi-tra)")


# ---------- clean-up and geometry rules on drawn pages (no OCR engine needed) ----------

def test_red_seal_and_blue_stamp_are_painted_white_but_black_text_under_them_stays():
    page = Image.new("RGB", (60, 20), "white")
    draw = ImageDraw.Draw(page)
    draw.rectangle([0, 0, 19, 19], fill=(205, 30, 35))  # seal ink
    draw.rectangle([20, 0, 39, 19], fill=(40, 60, 185))  # stamp ink
    draw.rectangle([5, 5, 9, 9], fill=(20, 10, 10))  # black text under the seal (multiplied: still dark)
    draw.rectangle([45, 5, 49, 9], fill=(0, 0, 0))
    grey = drop_stamp_colours(page)
    assert grey.mode == "L" and grey.getpixel((2, 2)) == 255 and grey.getpixel((30, 10)) == 255
    assert grey.getpixel((7, 7)) < 40 and grey.getpixel((47, 7)) == 0


@pytest.mark.parametrize("angle", [-3.0, 2.0])
def test_skew_is_found_from_text_lines(angle):
    page = Image.new("L", (1200, 1600), 255)
    draw = ImageDraw.Draw(page)
    for row in range(20):
        draw.rectangle([150, 150 + row * 60, 1050, 180 + row * 60], fill=0)
    turned = page.rotate(angle, fillcolor=255)
    assert abs(skew_angle(turned) + angle) <= 0.2


def test_ruling_lines_are_found_and_text_strokes_are_not():
    page = Image.new("L", (1000, 700), 255)
    draw = ImageDraw.Draw(page)
    for y in (100, 300, 600):
        draw.line([(100, y), (900, y)], fill=90, width=2)  # light, as thin rules come out of a scan
    for x in (100, 400, 900):
        draw.line([(x, 100), (x, 600)], fill=90, width=2)
    draw.rectangle([450, 150, 530, 160], fill=0)  # a stroke of 一: 80 px, under 0.6 inch at 200 dpi
    horizontal, vertical = ruling_boxes(page, 200)
    assert sorted((b[1], b[0]) for b in horizontal) == [(100, 100), (300, 100), (600, 100)]
    assert all(900 <= b[2] <= 903 for b in horizontal)
    assert sorted(b[0] for b in vertical) == [100, 400, 900]


def test_fax_pixels_are_made_square():
    page, dpi = square_pixels(Image.new("1", (1728, 1100)), (204.0, 98.0))
    assert page.size == (1728, 2290) and dpi == 204.0


TSV = "\n".join(["level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext",
                 "4\t1\t1\t1\t1\t0\t100\t200\t400\t50\t-1\t",
                 "5\t1\t1\t1\t1\t1\t100\t205\t400\t45\t94.7\t依據",  # runs on over the next word
                 "5\t1\t1\t1\t1\t2\t200\t205\t100\t45\t93.0\t法務",
                 "5\t1\t1\t1\t1\t3\t310\t230\t8\t8\t3.0\t.",  # a speck read unsure: noise
                 "5\t1\t1\t1\t1\t4\t330\t205\t50\t45\t0.0\t函"])  # a real word Tesseract scores 0


def test_tsv_words_keep_their_lines_and_lose_specks_and_run_on_boxes():
    words = tsv_to_words(TSV)
    assert [(w.text, w.left, w.width) for w in words] == [("依據", 100, 100), ("法務", 200, 100), ("函", 330, 50)]
    chars = words_to_chars(words, 72.0)
    assert [(c.text, c.x0, c.x1, c.top, c.bottom, c.size) for c in chars[:3]] == [
        ("依", 100, 150, 200, 250, 50), ("據", 150, 200, 200, 250, 50), ("法", 200, 250, 200, 250, 50)]
    assert trim_boxes([]) == []


def test_garbage_text_layers():
    chars = lambda text: [Char(ch, i, i + 1, 0, 1, 1) for i, ch in enumerate(text)]  # noqa: E731
    assert is_garbage(chars("\ue001\ue002\ue003主旨"))  # private-use glyphs
    assert is_garbage(chars("¥D¦®¡G¤½¤å"))  # Big5 read as Latin-1
    assert not is_garbage(chars("主旨：檢送計畫1份，請查照。"))
    assert not is_garbage(chars("Re: meeting on 2019-11-12"))


# ---------- hostile and broken images ----------

def png_header(width: int, height: int) -> bytes:
    """Given a size, return a PNG whose header claims it (and whose data is a few bytes): a decompression bomb."""
    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(b"\0" * 64)) + chunk(b"IEND", b""))


def tiny_png() -> bytes:
    import io
    out = io.BytesIO()
    Image.new("L", (40, 40), 255).save(out, "PNG")
    return out.getvalue()


HOSTILE = [
    ("bomb.png", png_header(30000, 30000), f"image of more than {MAX_PIXELS} pixels: refused as a decompression bomb"),
    ("big.png", png_header(9000, 9000), f"page 1 is 9000×9000 pixels (limit {MAX_PIXELS}): refused as a decompression bomb"),
    ("cut.png", tiny_png()[:60], "damaged image: page 1 cannot be decoded (image file is truncated)"),
    ("junk.png", b"\x89PNG\r\n\x1a\nthis is not a png", "not a readable image (PNG, JPEG or TIFF): damaged or of another kind"),
    ("junk.jpg", b"\xff\xd8\xff\xe0 broken", "not a readable image (PNG, JPEG or TIFF): damaged or of another kind"),
]


@pytest.mark.parametrize("name, data, message", HOSTILE)
def test_hostile_images_get_one_line(name, data, message, monkeypatch):
    monkeypatch.setattr("pipeline.read.images.require_engine", lambda path, why: "tesseract test")
    with pytest.raises(InputError) as caught:
        read_document(name, data)
    assert str(caught.value) == f"{name}: {message}"


def test_too_many_pages_to_ocr_is_refused(monkeypatch):
    monkeypatch.setattr("pipeline.read.scanned.MAX_OCR_PAGES", 1)
    with pytest.raises(InputError) as caught:
        read_document("two.pdf", (SCANS / "division-ruled-200dpi.pdf").read_bytes())
    assert str(caught.value) == "two.pdf: 2 pages need OCR (limit 1, about 5 s a page): refused"


def test_hostile_image_through_the_command(tmp_path):
    path = tmp_path / "bomb.png"
    path.write_bytes(png_header(30000, 30000))
    done = subprocess.run([sys.executable, "-m", "pipeline.cli", "parse", str(path)], capture_output=True, text=True)
    assert (done.returncode, done.stdout) == (1, "")
    assert done.stderr == f"gongwen: {path}: image of more than {MAX_PIXELS} pixels: refused as a decompression bomb\n"


@needs_ocr
def test_batch_reads_scans_and_new_formats_and_says_which_pages_were_ocrd(tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for source in (SCANS / "hualien-fax.tif", ROOT / "tests" / "data" / "formats" / "division.xlsx",
                   ROOT / "tests" / "data" / "formats" / "plan.docx"):
        (inbox / source.name).write_bytes(source.read_bytes())
    (inbox / "broken.png").write_bytes(b"\x89PNG\r\n\x1a\nbroken")
    done = subprocess.run([sys.executable, "-m", "pipeline.cli", "batch", str(inbox), "-o", str(tmp_path / "out")],
                          capture_output=True, text=True)
    assert done.returncode == 2 and "Traceback" not in done.stderr  # 2: one input failed, the rest went on
    manifest = json.loads((tmp_path / "out" / "manifest.json").read_text(encoding="utf-8"))
    entries = {e["path"]: e for e in manifest["inputs"]}
    assert (entries["hualien-fax.tif"]["status"], entries["hualien-fax.tif"]["kind"]) == ("parsed", "letter")
    assert entries["hualien-fax.tif"]["ocr_pages"] == [1]
    assert (entries["division.xlsx"]["kind"], entries["plan.docx"]["kind"]) == ("division", "plan")
    assert "ocr_pages" not in entries["division.xlsx"]
    assert entries["broken.png"] == {"path": "broken.png", "sha256": entries["broken.png"]["sha256"], "status": "failed",
                                     "reason": "not a readable image (PNG, JPEG or TIFF): damaged or of another kind"}
