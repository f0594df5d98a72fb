"""PDF reader: text in reading order per page, page furniture removed, ruled tables as tables.

Speed: pypdfium2 (PDFium, C++) gives every page's characters and ruling lines, an order of
magnitude faster than pdfplumber's pdfminer parse (pure Python); pdfplumber's table finder
then runs on PDFium's ruling lines for pages that have them. See README "Readers".
"""
from __future__ import annotations

import ctypes
import struct
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cache
from typing import NamedTuple

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from pipeline.blocks import PAGE_BREAK, PARAGRAPH, STAMP, TABLE, Block, Document
from pipeline.errors import InputError
from pipeline.limits import MAX_PAGES
from pipeline.read.pdf_layout import (Char, Line, chars_to_rows, columns_to_lines, drop_binding_line,
                                      drop_headers_and_footers, drop_margin_numbers, lines_to_paragraphs,
                                      rows_to_segments, segments_to_columns)
from pipeline.read.pdf_columns import split_unruled_tables
from pipeline.read.pdf_frames import COPY_MARK, RECEIVED, Frame, boxes_to_frames
from pipeline.read.pdf_tables import FoundTable, edges_to_cell_groups, fields_to_lines, groups_to_tables, path_edges
from pipeline.read.scanned import mend_paragraph_ends, ocr_pdf_pages

EOF_WINDOW = 1024  # %%EOF must stand within the last 1024 bytes (as PDF readers require)
DUPLICATE_TOLERANCE = 0.15  # ems: the same glyph drawn again this close is fake bold
SOFT_HYPHEN = "\ufffe"  # what PDFium gives for a hyphen that breaks a word at a line's end (「E-」 / 「mail」)


@dataclass
class PageText:
    """What one page holds: its size, characters (binding line removed), ruled tables, whether it has images and a binding line."""
    number: int
    width: float
    height: float
    chars: list[Char] = field(default_factory=list)
    tables: list[FoundTable] = field(default_factory=list)
    has_image: bool = False
    has_binding: bool = False
    frames: list[Frame] = field(default_factory=list)  # 收文 stamps and copy marks, their text out of chars
    margin_numbers: list[str] = field(default_factory=list)  # sheet counts dropped from its side margins


def open_document(data: bytes, path: str | None) -> pdfium.PdfDocument:
    """Given PDF bytes, return the opened document; raise InputError when truncated, encrypted or corrupt."""
    if b"%PDF-" not in data[:EOF_WINDOW]:
        raise InputError(path, "not a PDF: no %PDF- header")
    if b"%%EOF" not in data[-EOF_WINDOW:]:
        raise InputError(path, "truncated PDF: no %%EOF end marker (file cut short?)")
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        code = getattr(exc, "err_code", None)
        if code == pdfium_c.FPDF_ERR_PASSWORD:
            raise InputError(path, "encrypted PDF: needs a password to open") from None
        if code == pdfium_c.FPDF_ERR_SECURITY:
            raise InputError(path, "encrypted PDF: unsupported security handler") from None
        raise InputError(path, "corrupt PDF: cannot be parsed") from None


def page_chars(textpage) -> list[Char]:
    """Given a PDFium text page, return its characters (loose boxes, top-left origin), fake-bold repeats dropped."""
    raw = textpage.raw
    height = textpage.page.get_height()
    box = pdfium_c.FS_RECTF()
    box_ref = ctypes.byref(box)
    read_box = struct.Struct("4f").unpack_from  # FS_RECTF: left, top, right, bottom
    calls = fast_calls()
    loose_box, font_size, is_generated = calls.loose_box, calls.font_size, calls.is_generated
    chars: list[Char] = []
    last_seen: dict[str, tuple[int, Char]] = {}  # each text's latest glyph and its index, to spot one drawn twice
    space = False
    for index, text in enumerate(page_unicode(raw)):
        if text.isspace() or text < " ":  # PDFium's generated spaces and line ends are whitespace too
            space = space or (text.isspace() and not is_generated(raw, index))
            continue
        if not loose_box(raw, index, box_ref):
            continue
        left, top, right, bottom = read_box(box)
        size = font_size(raw, index) or (top - bottom)
        char = Char(text, left, right, height - top, height - bottom, size, space)
        space = False
        seen_at, previous = last_seen.get(text, (-1, None))
        limit = DUPLICATE_TOLERANCE * size
        if (previous is None or not (abs(previous.x0 - left) <= limit and abs(previous.top - char.top) <= limit)
                or same_box(previous, char) and ligature_part(raw, seen_at, index)):
            chars.append(char)  # not the same glyph drawn again in place (fake bold)
            last_seen[text] = index, char
    return chars


LIGATURE_BOX = 0.01  # points: a ligature's letters share its glyph's box exactly (fake bold is drawn offset)


def same_box(a: Char, b: Char) -> bool:
    """Given two characters, return whether they stand in one box (a ligature glyph's letters)."""
    return all(abs(p - q) <= LIGATURE_BOX for p, q in ((a.x0, b.x0), (a.x1, b.x1), (a.top, b.top), (a.bottom, b.bottom)))


def ligature_part(raw, seen_at: int, index: int) -> bool:
    """Given a PDFium text page and the indexes of two like characters in one place, return whether the second is the
    next letter of one ligature glyph (「ﬀ」 in 「Oﬃce」 gives f, f, i in one box, same_box): it follows the first
    directly in the same text object (fake bold draws the glyph again offset, or as a text object of its own)."""
    if index != seen_at + 1:
        return False
    text_object = pdfium_c.FPDFText_GetTextObject
    first = ctypes.cast(text_object(raw, seen_at), ctypes.c_void_p).value
    return first is not None and first == ctypes.cast(text_object(raw, index), ctypes.c_void_p).value


class FastCalls(NamedTuple):
    """PDFium functions called once per character or page object, without ctypes' argument checks (fast_calls)."""
    loose_box: Callable  # FPDFText_GetLooseCharBox(text page, index, byref(FS_RECTF)) -> bool
    font_size: Callable  # FPDFText_GetFontSize(text page, index) -> double
    is_generated: Callable  # FPDFText_IsGenerated(text page, index) -> 1 for a space PDFium made up, 0, -1
    count_objects: Callable  # FPDFPage_CountObjects(page) -> int
    page_object: Callable  # FPDFPage_GetObject(page, index) -> page object
    object_type: Callable  # FPDFPageObj_GetType(page object) -> FPDF_PAGEOBJ_*
    count_form_objects: Callable  # FPDFFormObj_CountObjects(form object) -> int
    form_object: Callable  # FPDFFormObj_GetObject(form object, c_ulong index) -> page object


@cache
def fast_calls() -> FastCalls:
    """Return the PDFium functions called thousands of times a page without declared argument types (PDFium's handles,
    ctypes references and ints pass as they are) and keeping the GIL (each call is short): they cost half as much as
    pypdfium2's checked ones. Their arguments must be of the right C types: no check catches a wrong one."""
    def typed(function, restype):
        return ctypes.PYFUNCTYPE(restype)(ctypes.cast(function, ctypes.c_void_p).value)
    return FastCalls(typed(pdfium_c.FPDFText_GetLooseCharBox, ctypes.c_int),
                     typed(pdfium_c.FPDFText_GetFontSize, ctypes.c_double),
                     typed(pdfium_c.FPDFText_IsGenerated, ctypes.c_int),
                     typed(pdfium_c.FPDFPage_CountObjects, ctypes.c_int),
                     typed(pdfium_c.FPDFPage_GetObject, pdfium_c.FPDF_PAGEOBJECT),
                     typed(pdfium_c.FPDFPageObj_GetType, ctypes.c_int),
                     typed(pdfium_c.FPDFFormObj_CountObjects, ctypes.c_int),
                     typed(pdfium_c.FPDFFormObj_GetObject, pdfium_c.FPDF_PAGEOBJECT))


def page_unicode(raw) -> list[str]:
    """Given a PDFium text page, return each character's text by index ("" for none, 「-」 for a soft hyphen): the
    page's text in one call, or character by character when that text does not line up with the indexes (a character
    outside the BMP, a character without Unicode)."""
    count = pdfium_c.FPDFText_CountChars(raw)
    buffer = ctypes.create_string_buffer(2 * count + 2)
    written = pdfium_c.FPDFText_GetText(raw, 0, count, ctypes.cast(buffer, ctypes.POINTER(ctypes.c_ushort)))
    if written == count + 1:
        texts = list(buffer.raw[: 2 * count].decode("utf-16-le", errors="replace"))
    else:
        texts = [chr(code) if (code := pdfium_c.FPDFText_GetUnicode(raw, index)) else "" for index in range(count)]
    return ["-" if text == SOFT_HYPHEN else text for text in texts] if SOFT_HYPHEN in texts else texts


def page_geometry(page) -> tuple[list[dict], bool]:
    """Given a PDFium page, return its ruling-line edges (top-left origin) and whether it has images."""
    height = page.get_height()
    edges: list[dict] = []
    has_image = False
    for obj, kind in page_objects(page.raw):
        if kind == pdfium_c.FPDF_PAGEOBJ_IMAGE:
            has_image = True
        elif kind == pdfium_c.FPDF_PAGEOBJ_PATH:
            edges += path_edges(obj, height)
    return edges, has_image


def page_objects(raw_page) -> Iterator[tuple[object, int]]:
    """Given a raw PDFium page, yield its page objects (raw handles) with their types, and those of its form
    XObjects one level down."""
    calls = fast_calls()
    for index in range(calls.count_objects(raw_page)):
        obj = calls.page_object(raw_page, index)
        if not obj:
            continue
        kind = calls.object_type(obj)
        yield obj, kind
        if kind == pdfium_c.FPDF_PAGEOBJ_FORM:
            for inner in range(calls.count_form_objects(obj)):
                child = calls.form_object(obj, ctypes.c_ulong(inner))
                if child:
                    yield child, calls.object_type(child)


def page_count(pdf: pdfium.PdfDocument, path: str | None) -> int:
    """Given an open PDFium document, return its number of pages; raise InputError past MAX_PAGES."""
    count = len(pdf)
    if count > MAX_PAGES:
        raise InputError(path, f"{count} pages (limit {MAX_PAGES:,}): refused")
    return count


def open_page(pdf: pdfium.PdfDocument, index: int, path: str | None):
    """Given an open document and a page index, return the page; raise InputError when the page tree is broken."""
    try:
        return pdf[index]
    except (pdfium.PdfiumError, IndexError, ValueError):
        raise InputError(path, f"corrupt PDF: page {index + 1} cannot be loaded (broken page tree)") from None


def document_pages(pdf: pdfium.PdfDocument, path: str | None = None) -> list[PageText]:
    """Given an open PDFium document, return every page's characters, size, ruling lines and tables."""
    pages = []
    count = page_count(pdf, path)
    for index in range(count):
        page = open_page(pdf, index, path)
        width, height = page.get_size()
        textpage = page.get_textpage()
        chars = page_chars(textpage)
        edges, has_image = page_geometry(page)
        ruled = sum(e["orientation"] == "h" for e in edges) >= 2 and sum(e["orientation"] == "v" for e in edges) >= 2
        groups, boxes = edges_to_cell_groups(edges) if ruled and chars else ([], [])
        frames, chars = boxes_to_frames(boxes, chars)  # a stamp's glyphs are its own, even in the margin
        chars, binding = drop_binding_line(chars, width, height)
        chars, margin = drop_margin_numbers(chars, width)
        tables = groups_to_tables(groups, chars)
        pages.append(PageText(index + 1, width, height, chars, tables, has_image, bool(binding), frames,
                              [c.text for c in margin]))
        textpage.close()
        page.close()
    return pages


def outside_tables(chars: list[Char], tables: list) -> list[Char]:
    """Given characters and tables on a page, return the characters whose centre lies outside every table."""
    if not tables:
        return chars
    boxes = [(t.x0, t.top, t.x1, t.bottom) for t in tables]
    return [c for c in chars if not any(x0 <= (c.x0 + c.x1) / 2 <= x1 and top <= (c.top + c.bottom) / 2 <= bottom
                                        for x0, top, x1, bottom in boxes)]


def page_to_lines(page: PageText) -> tuple[list[Line], list[FoundTable]]:
    """Given a page, return its visual lines in reading order (tables' text excluded), a row's far-apart parts as lines of their own, and its tables: the ruled ones and those laid out in aligned columns without ruling lines."""
    unruled, rows = split_unruled_tables(chars_to_rows(outside_tables(page.chars, page.tables)))
    return columns_to_lines(segments_to_columns(rows_to_segments(rows))), page.tables + unruled


def page_to_blocks(number: int, lines: list[Line], tables: list, stamps: list[Frame] = ()) -> list[Block]:
    """Given a page's lines in reading order, its tables and its 收文 stamps, return its blocks: paragraphs in that order, each table or stamp before the first paragraph below its top."""
    blocks = []
    pending = sorted([*tables, *stamps], key=lambda placed: placed.top)
    for paragraph in lines_to_paragraphs(lines):
        while pending and pending[0].top < paragraph.top:
            blocks += placed_blocks(number, pending.pop(0))
        blocks.append(Block(PARAGRAPH, paragraph.text, page=number))
    return blocks + [block for placed in pending for block in placed_blocks(number, placed)]


def placed_blocks(number: int, placed: FoundTable | Frame) -> list[Block]:
    """Given a page number and a found table or 收文 stamp, return its table or stamp block; a ruled box of labelled
    fields (fields_to_lines) gives a paragraph a row."""
    if isinstance(placed, Frame):
        return [Block(STAMP, placed.text, page=number)]
    lines = fields_to_lines(placed.rows)
    if lines:
        return [Block(PARAGRAPH, line, page=number) for line in lines]
    return [Block(TABLE, page=number, rows=placed.rows)]


def frame_warnings(pages: list[PageText]) -> list[str]:
    """Given a document's pages, return a warning for each copy mark removed (a boxed 「正本」 beside the title)."""
    return [f"removed the boxed mark 「{frame.text}」 on page {page.number}" for page in pages for frame in page.frames
            if frame.kind == COPY_MARK]


def read_pdf(data: bytes, path: str | None = None) -> Document:
    """Given PDF bytes, return the Document: paragraphs and tables per page, page breaks between pages."""
    pdf = open_document(data, path)
    try:
        pages = document_pages(pdf, path)
        pages, ocr, ocr_warnings = ocr_pdf_pages(pdf, pages, path)  # scanned pages (pipeline.read.scanned)
    finally:
        pdf.close()
    if not pages:
        raise InputError(path, "PDF has no pages")
    if not any(p.chars for p in pages):
        raise InputError(path, "OCR found no text on any page" if ocr else "no text: every page is blank")
    warnings = ocr_warnings + frame_warnings(pages)
    layouts = [page_to_lines(page) for page in pages]
    page_lines, page_tables = [lines for lines, _ in layouts], [tables for _, tables in layouts]
    bindings = [page.number for page in pages if page.has_binding]
    page_lines, removed = drop_headers_and_footers(page_lines, [p.height for p in pages])
    if bindings:
        warnings.append(f"removed binding-line text (裝訂線) on page(s) {', '.join(map(str, bindings))}")
    warnings += [f"removed a number in the margin of page {page.number}: 「{''.join(page.margin_numbers)}」"
                 for page in pages if page.margin_numbers]
    if removed:
        shown = "、".join(f"「{text}」" for text in dict.fromkeys(removed))
        warnings.append(f"removed {len(removed)} page header/footer line(s): {shown}")
    blocks: list[Block] = []
    for page, lines, tables in zip(pages, page_lines, page_tables):
        if blocks:
            blocks.append(Block(PAGE_BREAK, page=page.number - 1))
        blocks += page_to_blocks(page.number, lines, tables, [f for f in page.frames if f.kind == RECEIVED])
    if ocr:
        mend_paragraph_ends(blocks, ocr.pages)
    return Document(blocks=blocks, format="pdf", warnings=warnings, path=path, ocr=ocr)
