"""Scanned pages → the PDF reader's pages: each image cleaned, turned upright and level, OCR'd into characters.

A page image goes: drop_stamp_colours → page_rotation → deskew → ruling_boxes (erased) → despeckle →
read_words → words_to_chars → drop_binding_line → page_tables → OcrPage, and the pages then take the PDF reader's own
path (headers and footers, lines, paragraphs) in pages_to_blocks, so the same letter parser runs.
Used for images (pipeline.read.images) and for PDF pages without a usable text layer.
"""
from __future__ import annotations

import math
import re
import sys
import unicodedata
from dataclasses import dataclass, field
from operator import attrgetter

from PIL import Image

from pipeline.blocks import PAGE_BREAK, PARAGRAPH, Block
from pipeline.errors import InputError
from pipeline.read.ocr import (INSTALL, mean_confidence, page_rotation, read_words, require_engine,
                               tesseract_version, words_to_chars)
from pipeline.read.pdf_layout import Char, drop_binding_line, drop_headers_and_footers
from pipeline.read.pdf_tables import page_tables
from pipeline.read.scan_cleanup import deskew, despeckle, drop_stamp_colours, fill_punched_holes
from pipeline.read.scan_rules import boxes_to_edges, erase, ruling_boxes
from pipeline.records import OcrNote

MISREAD_STOPS = (",", "，")  # what OCR makes of a paragraph's closing 。 (a letter's paragraph never ends in a comma)
MAX_OCR_PAGES = 300  # one file's pages read by OCR (images: pages a file)
MAX_PIXELS = 60_000_000  # one page image: an A4 at 600 dpi has 35 M; more is a bomb or a poster
GARBAGE_SHARE = 0.3  # a text layer is garbage when this share of its characters is unreadable
PROGRESS_FROM = 3  # files with this many pages to OCR report each page on stderr
POINTS = 72.0
ACCENTED = re.compile("[\u0080-\u02ff]")  # Latin-1 and Latin Extended letters: what a font without a Unicode map gives


@dataclass
class OcrPage:
    """One OCR'd page in PDF points: its characters, size, the words' confidences, and what was undone."""
    number: int
    width: float
    height: float
    chars: list[Char] = field(default_factory=list)
    confidence: float = 0.0
    words: int = 0
    rotation: int = 0
    skew: float = 0.0
    has_binding: bool = False
    tables: list = field(default_factory=list)  # pdf_tables.FoundTable: tables found by their ruling lines
    frames: list = field(default_factory=list)  # pdf_frames.Frame: none (a scan's stamps go by their colour)
    margin_numbers: list = field(default_factory=list)  # none: a scan's margins are cleaned as an image


def image_to_page(image: Image.Image, dpi: float, number: int, path: str | None) -> OcrPage:
    """Given a page image (square pixels) and its resolution, return the page OCR'd, its ruled tables found."""
    grey = fill_punched_holes(drop_stamp_colours(image), dpi)
    clean = despeckle(grey)
    rotation = page_rotation(clean, path)
    clean, skew = deskew(turn(clean, rotation))
    # rules are found on the page not despeckled (a thin rule would not survive the median), turned alike
    horizontal, vertical = ruling_boxes(turn(turn(grey, rotation), skew), dpi)
    words = read_words(erase(clean, horizontal + vertical), dpi, path)
    width, height = clean.width * POINTS / dpi, clean.height * POINTS / dpi
    chars, binding = drop_binding_line(words_to_chars(words, dpi), width, height) if words else ([], [])
    ruled = len(horizontal) >= 2 and len(vertical) >= 2
    tables = page_tables(boxes_to_edges(horizontal + vertical, dpi), chars) if ruled and chars else []
    return OcrPage(number, width, height, chars, mean_confidence(words), sum(len(w.text) for w in words),
                   rotation, skew, bool(binding), tables)


def turn(grey: Image.Image, angle: float) -> Image.Image:
    """Given a grey page and an angle (degrees, Pillow's sense), return it turned: quarter turns without loss,
    others (skew) with bicubic resampling and white corners."""
    if not angle:
        return grey
    if angle % 90 == 0:
        return grey.rotate(angle, expand=True, fillcolor=255)
    return grey.rotate(angle, resample=Image.BICUBIC, fillcolor=255)


def is_garbage(chars: list[Char]) -> bool:
    """Given a page's text-layer characters, return whether they are unreadable: mostly private-use, unassigned or
    replacement characters, or (with no CJK at all) mostly Latin-1 accents, as a font without a Unicode map gives."""
    text = "".join(map(attrgetter("text"), chars))
    if text.isprintable():  # no control, private-use, unassigned or surrogate character: a scan in C, the usual case
        odd = text.count("\ufffd")
    else:
        odd = sum(text.count(ch) for ch in set(text)
                  if unicodedata.category(ch) in ("Co", "Cn", "Cs", "Cc") or ch == "\ufffd")
    if odd > GARBAGE_SHARE * len(text):
        return True
    accented = len(ACCENTED.findall(text))
    return accented > GARBAGE_SHARE * len(text) and not any(unicodedata.east_asian_width(ch) in ("W", "F")
                                                             for ch in set(text))


def progress(path: str | None, done: int, total: int) -> None:
    """Given a file and how many of its pages are OCR'd, print a progress line on stderr (long files only)."""
    if total >= PROGRESS_FROM:
        print(f"gongwen: {path}: OCR page {done}/{total}", file=sys.stderr, flush=True)


def ocr_note(engine: str, pages: list[OcrPage]) -> OcrNote:
    """Given the engine and the OCR'd pages, return the record's note: engine, mean confidence, pages."""
    total = sum(p.words for p in pages)
    confidence = sum(p.confidence * p.words for p in pages) / total if total else 0.0
    return OcrNote(engine=engine, mean_confidence=round(confidence, 1), pages=[p.number for p in pages])


def page_warnings(pages: list[OcrPage]) -> list[str]:
    """Given OCR'd pages, return what was undone on them and pages where OCR found no text."""
    out = []
    for page in pages:
        turned = [f"turned {page.rotation}°"] if page.rotation else []
        turned += [f"deskewed {page.skew:+.1f}°"] if page.skew else []
        detail = f" ({', '.join(turned)})" if turned else ""
        out.append(f"page {page.number} read by OCR{detail}, mean confidence {page.confidence:.0f}"
                   if page.chars else f"page {page.number}: OCR found no text")
    return out


def pages_to_blocks(pages: list) -> tuple[list[Block], list[str]]:
    """Given PDF-reader pages (text-layer or OCR'd), return their blocks with page breaks and the furniture removed."""
    from pipeline.read.pdf import page_to_blocks, page_to_lines
    layouts = [page_to_lines(page) for page in pages]
    page_lines, page_tables = [lines for lines, _ in layouts], [tables for _, tables in layouts]
    page_lines, removed = drop_headers_and_footers(page_lines, [p.height for p in pages])
    blocks: list[Block] = []
    for page, lines, tables in zip(pages, page_lines, page_tables):
        if blocks:
            blocks.append(Block(PAGE_BREAK, page=page.number - 1))
        blocks += page_to_blocks(page.number, lines, tables)
    return blocks, removed


def mend_paragraph_ends(blocks: list[Block], pages: list[int]) -> list[Block]:
    """Given blocks and the pages read by OCR, return them with an OCR'd paragraph's final comma (a misread 。)
    made a full stop."""
    for block in blocks:
        if block.kind == PARAGRAPH and block.page in pages and block.text.endswith(MISREAD_STOPS):
            block.text = block.text[:-1] + "。"
    return blocks



RENDER_DPI = (150, 300)  # a scanned PDF page is rendered at its image's own resolution, kept within these
DEFAULT_RENDER_DPI = 200


def needs_ocr(page) -> bool:
    """Given a PDF reader's page, return whether it must be OCR'd: an image with no text layer, or a garbage one."""
    return (not page.chars and page.has_image) or is_garbage(page.chars)


def scan_resolution(pdf_page) -> float:
    """Given a PDFium page, return the resolution its largest image was scanned at (within RENDER_DPI)."""
    import pypdfium2.raw as pdfium_c
    best = (0, DEFAULT_RENDER_DPI)
    for obj in pdf_page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=2):
        try:
            width_px, _ = obj.get_px_size()
            left, _, right, _ = obj.get_bounds() if hasattr(obj, "get_bounds") else obj.get_pos()  # pypdfium2 5 / 4
        except Exception:  # noqa: BLE001 - a damaged image object: its size is unknown, the default serves
            continue
        if right - left > 1 and width_px > best[0]:
            best = (width_px, width_px / ((right - left) / POINTS))
    dpi = float(min(max(round(best[1]), RENDER_DPI[0]), RENDER_DPI[1]))
    width, height = pdf_page.get_size()
    fits = (MAX_PIXELS / max(width * height / POINTS ** 2, 1e-6)) ** 0.5  # a huge page is rendered coarser
    return min(dpi, float(int(fits)))


def ocr_pdf_pages(pdf, pages: list, path: str | None) -> tuple[list, OcrNote | None, list[str]]:
    """Given an open PDFium document and its reader pages, return the pages with those that need it OCR'd
    (a good text layer is never OCR'd), the OCR note and warnings. Without an OCR engine the pages stay as they are,
    and a file with no text at all gets the error saying what to install."""
    wanted = [p for p in pages if needs_ocr(p)]
    if not wanted:
        return pages, None, []
    if len(wanted) > MAX_OCR_PAGES:
        raise InputError(path, f"{len(wanted)} pages need OCR (limit {MAX_OCR_PAGES}, about 5 s a page): refused")
    if not any(p.chars and not is_garbage(p.chars) for p in pages):
        engine = require_engine(path, "no text layer" if not any(p.chars for p in pages) else "text layer unreadable")
    else:
        engine = tesseract_version()
        if engine is None:
            return pages, None, [f"page {p.number} has no usable text layer: needs OCR: {INSTALL}" for p in wanted]
    done: list[OcrPage] = []
    out = []
    for page in pages:
        if page not in wanted:
            out.append(page)
            continue
        pdf_page = pdf[page.number - 1]
        width, height = pdf_page.get_size()
        if not all(math.isfinite(side) and side > 0 for side in (width, height)):
            raise InputError(path, f"page {page.number} has no valid size ({width:g} × {height:g} pt): cannot OCR it")
        dpi = scan_resolution(pdf_page)
        ocr_page = image_to_page(pdf_page.render(scale=dpi / POINTS).to_pil(), dpi, page.number, path)
        pdf_page.close()
        done.append(ocr_page)
        out.append(ocr_page)
        progress(path, len(done), len(wanted))
    return out, ocr_note(engine, done), page_warnings(done)
