"""PDF reader: text in reading order per page, page furniture removed, ruled tables as tables.

Speed: pypdfium2 (PDFium, C++) gives every page's characters with their boxes, an order of
magnitude faster than pdfplumber (pdfminer, pure Python); pdfplumber is opened only for
pages that carry ruling lines, to find their tables. See README "Readers".
"""
from __future__ import annotations

import ctypes
import io
from dataclasses import dataclass, field

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from pipeline.blocks import PAGE_BREAK, PARAGRAPH, TABLE, Block, Document
from pipeline.errors import InputError
from pipeline.read.pdf_layout import (Char, Line, chars_to_rows, drop_binding_line, drop_headers_and_footers,
                                      lines_to_paragraphs, rows_to_segments, segments_to_lines)

EOF_WINDOW = 1024  # %%EOF must stand within the last 1024 bytes (as PDF readers require)
DUPLICATE_TOLERANCE = 0.15  # ems: the same glyph drawn again this close is fake bold
RULE_THICKNESS = 2.0  # points: a path thinner than this is a ruling line
RULE_MIN_LENGTH = 10.0  # points


@dataclass
class PageText:
    """What one page holds: its size, characters, ruling-line count and whether it has images."""
    number: int
    width: float
    height: float
    chars: list[Char] = field(default_factory=list)
    rules: tuple[int, int] = (0, 0)  # horizontal, vertical ruling lines
    has_image: bool = False


def open_document(data: bytes, path: str | None) -> pdfium.PdfDocument:
    """Given PDF bytes, return the opened document; raise InputError when truncated, encrypted or corrupt."""
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
    chars: list[Char] = []
    space = False
    for index in range(pdfium_c.FPDFText_CountChars(raw)):
        code = pdfium_c.FPDFText_GetUnicode(raw, index)
        if pdfium_c.FPDFText_IsGenerated(raw, index):
            continue
        text = chr(code) if code else ""
        if not text or text.isspace() or code < 32:
            space = space or text.isspace()
            continue
        if not pdfium_c.FPDFText_GetLooseCharBox(raw, index, ctypes.byref(box)):
            continue
        size = pdfium_c.FPDFText_GetFontSize(raw, index) or (box.top - box.bottom)
        char = Char(text, box.left, box.right, height - box.top, height - box.bottom, size, space)
        space = False
        if not is_repeat(chars, char):
            chars.append(char)
    return chars


def is_repeat(chars: list[Char], char: Char) -> bool:
    """Given the characters so far and a new one, return whether it repeats a recent one in place (fake bold)."""
    limit = DUPLICATE_TOLERANCE * char.size
    return any(c.text == char.text and abs(c.x0 - char.x0) <= limit and abs(c.top - char.top) <= limit
               for c in chars[-4:])


def page_rules(page) -> tuple[int, int, bool]:
    """Given a PDFium page, return its counts of horizontal and vertical ruling lines and whether it has images."""
    horizontal = vertical = 0
    has_image = False
    for obj in page.get_objects(max_depth=2):
        if obj.type == pdfium_c.FPDF_PAGEOBJ_IMAGE:
            has_image = True
        elif obj.type == pdfium_c.FPDF_PAGEOBJ_PATH:
            left, bottom, right, top = obj.get_bounds()
            width, height = right - left, top - bottom
            if height <= RULE_THICKNESS and width >= RULE_MIN_LENGTH:
                horizontal += 1
            elif width <= RULE_THICKNESS and height >= RULE_MIN_LENGTH:
                vertical += 1
            elif width >= RULE_MIN_LENGTH and height >= RULE_MIN_LENGTH and is_stroked_box(obj):
                horizontal, vertical = horizontal + 2, vertical + 2  # a drawn cell box: four rules
    return horizontal, vertical, has_image


def is_stroked_box(obj) -> bool:
    """Given a PDFium path object, return whether it is an outlined (stroked, unfilled) box of at most 5 segments."""
    fill, stroke = ctypes.c_int(), ctypes.c_int()
    if not pdfium_c.FPDFPath_GetDrawMode(obj.raw, ctypes.byref(fill), ctypes.byref(stroke)):
        return False
    return bool(stroke.value) and not fill.value and pdfium_c.FPDFPath_CountSegments(obj.raw) <= 5


def document_pages(pdf: pdfium.PdfDocument) -> list[PageText]:
    """Given an open PDFium document, return every page's characters, size and rules."""
    pages = []
    for index in range(len(pdf)):
        page = pdf[index]
        width, height = page.get_size()
        textpage = page.get_textpage()
        horizontal, vertical, has_image = page_rules(page)
        pages.append(PageText(index + 1, width, height, page_chars(textpage), (horizontal, vertical), has_image))
        textpage.close()
        page.close()
    return pages


def ruled_page_tables(data: bytes, pages: list[PageText]) -> dict[int, list]:
    """Given the PDF bytes and its pages, return the tables of each page that has ruling lines (pdfplumber)."""
    ruled = [p.number for p in pages if p.rules[0] >= 2 and p.rules[1] >= 2 and p.chars]
    if not ruled:
        return {}
    import pdfplumber
    from pipeline.read.pdf_tables import page_tables
    with pdfplumber.open(io.BytesIO(data)) as plumb:
        return {number: page_tables(plumb.pages[number - 1]) for number in ruled}


def outside_tables(chars: list[Char], tables: list) -> list[Char]:
    """Given characters and tables on a page, return the characters that lie outside every table."""
    def inside(c: Char, t) -> bool:
        x, y = (c.x0 + c.x1) / 2, (c.top + c.bottom) / 2
        return t.x0 <= x <= t.x1 and t.top <= y <= t.bottom
    return [c for c in chars if not any(inside(c, t) for t in tables)]


def page_to_lines(page: PageText, tables: list) -> tuple[list[Line], str]:
    """Given a page and its tables, return its visual lines (tables' text excluded) and any binding-line text."""
    rows = rows_to_segments(chars_to_rows(outside_tables(page.chars, tables)))
    rows, binding = drop_binding_line(rows, page.width)
    return segments_to_lines(rows), binding


def page_to_blocks(number: int, lines: list[Line], tables: list) -> list[Block]:
    """Given a page's lines and tables, return its blocks in reading order (top to bottom)."""
    items = [(line.top, Block(PARAGRAPH, line.text, page=number)) for line in lines_to_paragraphs(lines)]
    items += [(table.top, Block(TABLE, page=number, rows=table.rows)) for table in tables]
    return [block for _, block in sorted(items, key=lambda item: item[0])]


def read_pdf(data: bytes, path: str | None = None) -> Document:
    """Given PDF bytes, return the Document: paragraphs and tables per page, page breaks between pages."""
    pdf = open_document(data, path)
    try:
        pages = document_pages(pdf)
    finally:
        pdf.close()
    if not pages:
        raise InputError(path, "PDF has no pages")
    if not any(p.chars for p in pages):
        raise InputError(path, "no text layer: needs OCR" if any(p.has_image for p in pages)
                         else "no text: every page is blank")
    warnings = [f"page {p.number} has no text layer (image only): needs OCR" for p in pages if not p.chars and p.has_image]
    tables = ruled_page_tables(data, pages)
    page_lines, bindings = [], []
    for page in pages:
        lines, binding = page_to_lines(page, tables.get(page.number, []))
        page_lines.append(lines)
        if binding:
            bindings.append(page.number)
    page_lines, removed = drop_headers_and_footers(page_lines, [p.height for p in pages])
    if bindings:
        warnings.append(f"removed binding-line text (裝訂線) on page(s) {', '.join(map(str, bindings))}")
    if removed:
        shown = "、".join(f"「{text}」" for text in dict.fromkeys(removed))
        warnings.append(f"removed {len(removed)} page header/footer line(s): {shown}")
    blocks: list[Block] = []
    for page, lines in zip(pages, page_lines):
        if blocks:
            blocks.append(Block(PAGE_BREAK, page=page.number - 1))
        blocks += page_to_blocks(page.number, lines, tables.get(page.number, []))
    return Document(blocks=blocks, format="pdf", warnings=warnings, path=path)
