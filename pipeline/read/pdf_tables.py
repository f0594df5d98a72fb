"""Ruled tables of a PDF page, found by pdfplumber (only for pages that have ruling lines)."""
from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.read.pdf_layout import is_wide, layout_tables

TEXT_SETTINGS = {"x_tolerance_ratio": 0.25}  # CJK: no spaces between characters and digits
DEDUPE_TOLERANCE = 2  # points: a glyph drawn twice this close is fake bold, kept once


@dataclass
class FoundTable:
    """A table on a page: its box (top-left origin) and rows of cell texts."""
    x0: float
    top: float
    x1: float
    bottom: float
    rows: list[list[str]]


def cell_lines_to_text(text: str | None) -> str:
    """Given a cell's text as visual lines, return it rejoined: wrapped lines joined, a numbered duty on its own line."""
    lines = [re.sub(r"\s+", " ", line).strip() for line in (text or "").split("\n")]
    out: list[str] = []
    for line in filter(None, lines):
        if out and not layout_tables()["starts"].match(line):
            space = not is_wide(out[-1][-1]) and not is_wide(line[0]) and out[-1][-1].isalpha() and line[0].isalpha()
            out[-1] += (" " if space else "") + line
        else:
            out.append(line)
    return "\n".join(out)


def page_tables(page) -> list[FoundTable]:
    """Given a pdfplumber page, return its ruled tables of at least two cells, fake-bold glyphs kept once."""
    page = page.dedupe_chars(tolerance=DEDUPE_TOLERANCE)
    found = []
    for table in page.find_tables():
        rows = [[cell_lines_to_text(cell) for cell in row] for row in table.extract(**TEXT_SETTINGS)]
        rows = [row for row in rows if any(row)]
        if sum(len(row) for row in rows) >= 2:
            x0, top, x1, bottom = table.bbox
            found.append(FoundTable(x0, top, x1, bottom, rows))
    return found
