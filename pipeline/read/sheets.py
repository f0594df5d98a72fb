"""Spreadsheet readers: .xlsx and .ods sheets into blocks (a 分工表 or name list as a table).

Each sheet becomes a TABLE block of cell texts (a wrapped cell's lines joined by newlines; a
merged range's value in its top-left cell, the covered cells empty, as the ODT reader gives
them). The sheet's leading rows that hold a single filled cell (the 表名 row, usually merged
across the table) become paragraphs above it. Sheets are parted by page breaks. Both packages
are zips of XML read like an ODT: entries counted, parts capped, no DTD, no entities.
"""
from __future__ import annotations

import posixpath
import re
from xml.etree.ElementTree import Element

from pipeline.blocks import PAGE_BREAK, PARAGRAPH, TABLE, Block, Document
from pipeline.errors import InputError
from pipeline.read.officezip import open_office_zip, read_part
from pipeline.read.safezip import read_member

MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PACKAGE_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
ODS_MIMETYPE = "application/vnd.oasis.opendocument.spreadsheet"
MAX_CELLS = 200_000  # filled cells in one workbook; a 分工表 has dozens
MAX_COLUMN = 1024  # a filled cell farther right than this is refused (A1-style references reach 16384)
CELL_REF = re.compile(r"^([A-Z]{1,3})(\d{1,7})$")


def x(local: str) -> str:
    """Given a SpreadsheetML local name, return its Clark name."""
    return f"{{{MAIN_NS}}}{local}"


def column_index(letters: str) -> int:
    """Given column letters (A, Z, AA), return the 0-based column index."""
    index = 0
    for letter in letters:
        index = index * 26 + ord(letter) - ord("A") + 1
    return index - 1


def rows_to_blocks(rows: list[list[str]], page: int) -> list[Block]:
    """Given a sheet's rows of cell texts, return its blocks: leading one-cell rows as paragraphs, the rest a table."""
    rows = trim_columns([row for row in rows if any(cell.strip() for cell in row)])
    blocks = []
    while rows and sum(1 for cell in rows[0] if cell.strip()) == 1 and len(rows) > 1:
        blocks.append(Block(PARAGRAPH, next(c for c in rows.pop(0) if c.strip()).strip(), page=page))
    if rows:
        blocks.append(Block(TABLE, page=page, rows=rows))
    return blocks


def trim_columns(rows: list[list[str]]) -> list[list[str]]:
    """Given rows, return them padded to one width: the rightmost column that has a filled cell."""
    width = max((i + 1 for row in rows for i, cell in enumerate(row) if cell.strip()), default=0)
    return [(row + [""] * width)[:width] for row in rows]


def sheets_to_document(sheets: list[list[list[str]]], fmt: str, path: str | None) -> Document:
    """Given every sheet's rows, return the Document: sheets parted by page breaks."""
    blocks: list[Block] = []
    for rows in sheets:
        sheet_blocks = rows_to_blocks(rows, page=1)
        if not sheet_blocks:
            continue
        page = blocks[-1].page + 1 if blocks else 1
        if blocks:
            blocks.append(Block(PAGE_BREAK, page=page - 1))
        for block in sheet_blocks:
            block.page = page
        blocks += sheet_blocks
    if not blocks:
        raise InputError(path, "empty spreadsheet: no filled cells")
    return Document(blocks=blocks, format=fmt, path=path)


# ---------- .xlsx ----------

def shared_strings(root: Element | None) -> list[str]:
    """Given the sharedStrings.xml root, return the strings (rich text runs joined, phonetic guides left out)."""
    if root is None:
        return []
    return [(item.findtext(x("t")) or "") + "".join(run.findtext(x("t")) or "" for run in item.findall(x("r")))
            for item in root.iter(x("si"))]


def cell_value(cell: Element, strings: list[str]) -> str:
    """Given a c element and the shared strings, return the cell's text as shown (numbers without a trailing .0)."""
    kind = cell.get("t")
    if kind == "inlineStr":
        return "".join(t.text or "" for t in cell.iter(x("t")))
    raw = cell.findtext(x("v"))
    if raw is None:
        return ""
    if kind == "s":
        index = int(raw) if raw.strip().isdigit() else -1
        return strings[index] if 0 <= index < len(strings) else ""
    if kind == "b":
        return "TRUE" if raw.strip() == "1" else "FALSE"
    if kind in ("str", "e"):
        return raw
    try:
        number = float(raw)
    except ValueError:
        return raw
    return str(int(number)) if number.is_integer() and abs(number) < 1e15 else raw


def sheet_rows(root: Element, strings: list[str], counted: list[int], path: str | None) -> list[list[str]]:
    """Given a worksheet root and the shared strings, return its rows of cell texts (counting filled cells)."""
    cells: dict[tuple[int, int], str] = {}
    next_row = 0
    for row in root.iter(x("row")):
        r = row.get("r")
        row_index = int(r) - 1 if r and r.isdigit() else next_row
        next_row = row_index + 1
        next_column = 0
        for cell in row.findall(x("c")):
            match = CELL_REF.match(cell.get("r") or "")
            column = column_index(match.group(1)) if match else next_column
            next_column = column + 1
            text = cell_value(cell, strings)
            if not text.strip():
                continue
            if column >= MAX_COLUMN:
                raise InputError(path, f"cell {cell.get('r')} lies beyond column {MAX_COLUMN}: refused")
            counted[0] += 1
            if counted[0] > MAX_CELLS:
                raise InputError(path, f"spreadsheet has more than {MAX_CELLS} filled cells: refused")
            cells[(row_index, column)] = text.replace("\r\n", "\n")
    if not cells:
        return []
    width = max(c for _, c in cells) + 1
    rows = sorted({r for r, _ in cells})
    return [[cells.get((r, c), "") for c in range(width)] for r in rows]


def workbook_sheet_parts(package, path: str | None) -> list[str]:
    """Given an open .xlsx zip, return its worksheet part names in workbook order."""
    workbook = read_part(package, "xl/workbook.xml", path)
    rels = read_part(package, "xl/_rels/workbook.xml.rels", path)
    targets = {}
    for rel in (rels.iter(f"{{{PACKAGE_REL_NS}}}Relationship") if rels is not None else []):
        target = rel.get("Target") or ""
        name = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join("xl", target))
        targets[rel.get("Id")] = name
    parts = []
    for sheet in workbook.iter(x("sheet")):
        name = targets.get(sheet.get(f"{{{REL_NS}}}id"))
        if name and name in package.NameToInfo:
            parts.append(name)
    return parts


def read_xlsx(data: bytes, path: str | None = None) -> Document:
    """Given .xlsx bytes, return the Document: one table (and title paragraphs) per sheet."""
    package = open_office_zip(data, path, "XLSX", "xl/workbook.xml")
    strings = shared_strings(read_part(package, "xl/sharedStrings.xml", path))
    counted = [0]
    sheets = [sheet_rows(read_part(package, part, path), strings, counted, path)
              for part in workbook_sheet_parts(package, path)]
    return sheets_to_document(sheets, "xlsx", path)


# ---------- .ods ----------

def read_ods(data: bytes, path: str | None = None) -> Document:
    """Given .ods bytes, return the Document: one table (and title paragraphs) per sheet."""
    from pipeline.read.odt import TABLE_EL, BlockWalker, Styles, q
    package = open_office_zip(data, path, "ODS", "content.xml")
    mimetype = read_member(package, "mimetype", path, limit=256).decode("ascii", "replace").strip() \
        if "mimetype" in package.NameToInfo else ""
    if mimetype != ODS_MIMETYPE:
        raise InputError(path, f"not an ODF spreadsheet: mimetype is '{mimetype[:80]}'")
    content = read_part(package, "content.xml", path)
    body = content.find(f"{q('office:body')}/{q('office:spreadsheet')}")
    if body is None:
        raise InputError(path, "not an ODF spreadsheet: no office:spreadsheet body")
    walker = BlockWalker(Styles())
    sheets = []
    for table in body.iter(TABLE_EL):
        try:
            rows = walker.rows_of(table, [0])
        except RecursionError:
            raise InputError(path, "content.xml nests elements too deeply: refused") from None
        if sum(1 for row in rows for cell in row if cell.strip()) > MAX_CELLS:
            raise InputError(path, f"spreadsheet has more than {MAX_CELLS} filled cells: refused")
        sheets.append(rows)
    return sheets_to_document(sheets, "ods", path)
