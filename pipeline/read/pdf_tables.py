"""Ruled tables of a PDF page: PDFium's ruling lines through pdfplumber's table finder, cells filled from PDFium's characters.

pdfplumber finds tables from edges with pure functions (merge_edges → edges_to_intersections →
intersections_to_cells → cells_to_tables); feeding it PDFium's path geometry instead of
pdfminer's avoids parsing the page a second time in Python (about 20 ms a page).
"""
from __future__ import annotations

import ctypes
import re
from dataclasses import dataclass

import pypdfium2.raw as pdfium_c
from pdfplumber.table import (Table, TableSettings, cells_to_tables, edges_to_intersections,
                              intersections_to_cells, merge_edges)
from pdfplumber.utils import filter_edges

from pipeline.read.pdf_layout import (Char, centred, chars_to_rows, is_wide, layout_tables, rows_to_segments,
                                      segments_to_lines)

RULE_THICKNESS = 2.0  # points: a path thinner than this is one ruling line
MIN_SEGMENT = 3.0  # points: shorter path segments are not ruling lines
SETTINGS = TableSettings.resolve(None)  # pdfplumber's defaults: lines strategy, 3 pt snap and join


@dataclass
class FoundTable:
    """A table on a page: its box (top-left origin) and rows of cell texts."""
    x0: float
    top: float
    x1: float
    bottom: float
    rows: list[list[str]]


def edge(x0: float, top: float, x1: float, bottom: float) -> dict:
    """Given a line's box (top-left origin), return it as a pdfplumber edge."""
    horizontal = (x1 - x0) >= (bottom - top)
    if horizontal:
        top = bottom = (top + bottom) / 2
    else:
        x0 = x1 = (x0 + x1) / 2
    return {"x0": x0, "x1": x1, "top": top, "bottom": bottom, "width": x1 - x0, "height": bottom - top,
            "orientation": "h" if horizontal else "v", "object_type": "line"}


def path_edges(obj, page_height: float) -> list[dict]:
    """Given a raw PDFium path object, return its horizontal and vertical segments as edges (top-left origin)."""
    bounds = [ctypes.c_float() for _ in range(4)]
    if not pdfium_c.FPDFPageObj_GetBounds(obj, *map(ctypes.byref, bounds)):
        return []
    left, bottom, right, top = (value.value for value in bounds)
    if min(right - left, top - bottom) <= RULE_THICKNESS:  # a thin line or a thin filled bar
        if max(right - left, top - bottom) < MIN_SEGMENT:
            return []
        return [edge(left, page_height - top, right, page_height - bottom)]
    matrix = pdfium_c.FS_MATRIX()
    if not pdfium_c.FPDFPageObj_GetMatrix(obj, ctypes.byref(matrix)):
        return []
    a, b, c, d, e, f = matrix.a, matrix.b, matrix.c, matrix.d, matrix.e, matrix.f
    x, y = ctypes.c_float(), ctypes.c_float()
    points: list[tuple[float, float]] = []
    start = None
    edges = []
    for index in range(pdfium_c.FPDFPath_CountSegments(obj)):
        segment = pdfium_c.FPDFPath_GetPathSegment(obj, index)
        pdfium_c.FPDFPathSegment_GetPoint(segment, ctypes.byref(x), ctypes.byref(y))
        point = (a * x.value + c * y.value + e, page_height - (b * x.value + d * y.value + f))
        kind = pdfium_c.FPDFPathSegment_GetType(segment)
        if kind == pdfium_c.FPDF_SEGMENT_LINETO and points:
            edges += straight_edge(points[-1], point)
        if kind == pdfium_c.FPDF_SEGMENT_MOVETO:
            start = point
        points.append(point)
        if pdfium_c.FPDFPathSegment_GetClose(segment) and start is not None:
            edges += straight_edge(point, start)
    return edges


def straight_edge(p: tuple[float, float], q: tuple[float, float]) -> list[dict]:
    """Given two points, return the edge between them when it is horizontal or vertical and long enough."""
    (x0, y0), (x1, y1) = p, q
    if abs(x1 - x0) >= MIN_SEGMENT and abs(y1 - y0) <= RULE_THICKNESS or \
            abs(y1 - y0) >= MIN_SEGMENT and abs(x1 - x0) <= RULE_THICKNESS:
        return [edge(min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1))]
    return []


def edges_to_cell_groups(edges: list[dict]) -> tuple[list[list[tuple]], list[tuple]]:
    """Given a page's edges, return its tables as groups of cell boxes (pdfplumber's lines strategy) and the cells
    that stand alone (a framed box)."""
    s = SETTINGS
    merged = merge_edges(edges, s.snap_x_tolerance, s.snap_y_tolerance, s.join_x_tolerance, s.join_y_tolerance)
    merged = filter_edges(merged, min_length=s.edge_min_length)
    intersections = edges_to_intersections(merged, s.intersection_x_tolerance, s.intersection_y_tolerance)
    cells = intersections_to_cells(intersections)
    groups = cells_to_tables(cells)  # groups of two cells or more
    grouped = {cell for group in groups for cell in group}
    return groups, [cell for cell in cells if cell not in grouped]


def cell_text(box: tuple, placed: list[tuple[float, float, Char]]) -> str:
    """Given a cell's box and the table's characters with their centres (centred), return the text of the characters
    whose centre lies inside it (chars_to_cell_text)."""
    x0, top, x1, bottom = box
    return chars_to_cell_text([c for x, y, c in placed if x0 <= x <= x1 and top <= y <= bottom])


def chars_to_cell_text(chars: list[Char]) -> str:
    """Given a cell's characters, return its text: wrapped lines joined, each numbered duty on its own line; a label
    in a column of its own left of the text (a field's label cell merged with its value's, 「說明」 beside its items)
    opens the text with its colon."""
    if not chars:
        return ""
    rows = rows_to_segments(chars_to_rows(chars))
    label, rows = side_label(rows)
    lines = [re.sub(r"\s+", " ", line.text).strip() for line in segments_to_lines(rows)]
    out: list[str] = []
    for line in filter(None, lines):
        if out and not layout_tables()["starts"].match(line):
            space = out[-1][-1].isalpha() and line[0].isalpha() and not is_wide(out[-1][-1]) and not is_wide(line[0])
            out[-1] += (" " if space else "") + line
        else:
            out.append(line)
    return label + "\n".join(out)


def side_label(rows: list[list[Line]]) -> tuple[str, list[list[Line]]]:
    """Given a cell's rows of segments, return a letter's label standing alone left of every other row's text (its
    column's rule not drawn), with its colon, and the rows without it; else "" and the rows."""
    for i, row in enumerate(rows):
        first = row[0]
        label = layout_tables()["label_cell"].fullmatch(first.text.strip())
        others = [r[0].x0 for j, r in enumerate(rows) if j != i] + [seg.x0 for seg in row[1:]]
        if label and others and first.x1 < min(others):
            return label.group("label") + "：", rows[:i] + ([row[1:]] if row[1:] else []) + rows[i + 1:]
    return "", rows


def page_tables(edges: list[dict], chars: list[Char]) -> list[FoundTable]:
    """Given a page's edges and characters, return its ruled tables (at least two cells), rows of cell texts."""
    return groups_to_tables(edges_to_cell_groups(edges)[0], chars)


def groups_to_tables(groups: list[list[tuple]], chars: list[Char]) -> list[FoundTable]:
    """Given a page's groups of cell boxes and its characters, return its ruled tables (at least two filled cells),
    rows of cell texts."""
    found = []
    for cells in groups:
        table = Table(None, cells)
        x0, top, x1, bottom = table.bbox
        within = [(x, y, c) for x, y, c in centred(chars) if x0 <= x <= x1 and top <= y <= bottom]
        rows = [[cell_text(box, within) if box else "" for box in row.cells] for row in table.rows]
        rows = [row for row in rows if any(row)]
        if sum(len(row) for row in rows) >= 2:
            found.append(FoundTable(*table.bbox, rows))
    return found


def fields_to_lines(rows: list[list[str]]) -> list[str] | None:
    """Given a ruled table's rows of cell texts, return its rows as lines when it is a box of labelled fields — at most
    two cells a row, more than half the rows' first cell ending in a colon or opening with a letter's label
    (「檔號：」|「113/050301/2」, 「保存年限：」|「10年」;
    a database's print: 「發文日期」|「98/03/19」, 「發文單位 行政院公共工程委員會」; two fields side by side:
    「發文日期：…」|「發文字號：…」), as an unruled block of labelled fields is not a table either —, else None."""
    cells = [[cell for cell in row if cell] for row in rows]
    if not cells or any(len(row) > 2 for row in cells):
        return None
    label_cell = layout_tables()["label_cell"]
    if sum(bool(label_cell.match(row[0])) or row[0].endswith((":", "：")) for row in cells) * 2 <= len(cells):
        return None
    if any(len(row) == 2 and all(bare_label(cell, label_cell) for cell in row) for row in cells):
        return None  # a header row of labels alone (「日期」|「地點」, 「承辦單位」|「聯絡電話」) heads a table of data
    return [line for row in cells for line in field_row_lines(row, label_cell) if line.strip()]


def bare_label(cell: str, label_cell: re.Pattern) -> bool:
    """Given a cell's text and the label pattern, return whether it is a letter's label alone, no colon nor value."""
    m = label_cell.match(cell)
    return bool(m) and not cell[m.end():].strip() and not m.group("colon").strip()


FIELD_NAME = re.compile(r"[\u4e00-\u9fff]{2,6}")  # a field's name in a box of labelled fields: a few Chinese characters


def field_row_lines(row: list[str], label_cell: re.Pattern) -> list[str]:
    """Given a row of a box of labelled fields, return its lines: a label without its colon, alone in its cell or set
    apart by a space from its value, given one (「主旨」|「…」 → 「主旨：…」), as a field name of a few Chinese
    characters alone beside its value is (the box's own field, 「解釋法條」); two labelled cells side by side a line each; a
    value's own lines (a 說明's items) kept."""
    first = label_cell.match(row[0])
    if len(row) == 2 and not first and FIELD_NAME.fullmatch(row[0]):  # the box's own field 「解釋法條」|「…」
        return (row[0] + "：" + row[1]).split("\n")
    if first and not first.group("colon").strip():
        text = first.group("label") + "：" + "\n".join([row[0][first.end():].strip(), *row[1:]]).strip()
        return text.split("\n")
    if len(row) == 2 and first and label_cell.match(row[1]):
        return [cell.replace("\n", "") for cell in row]
    if len(row) == 1:
        return row[0].split("\n")
    row = [cell.replace("\n", "") for cell in row]
    return [" ".join(row) if len(row) == 2 and not is_wide(row[0][-1]) and not is_wide(row[1][0]) else "".join(row)]
