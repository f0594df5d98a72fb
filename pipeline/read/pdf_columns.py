"""Tables without ruling lines: columns found from where the words of consecutive rows start.

A chain on a page's rows of characters: rows_to_starts (where each row's words start after a gap) →
starts_to_boundaries (column starts shared by several rows) → boundary_regions (runs of rows no word crosses)
→ region_to_table (rows split at the boundaries, wrapped lines of a cell joined by the gaps between rows).
A 分工表 laid out with aligned columns and no borders thus gives the rows a ruled one gives.
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from pipeline.read.pdf_layout import Char, layout_tables
from pipeline.read.pdf_tables import FoundTable, chars_to_cell_text

WORD_GAP = 0.8  # ems of empty space before a character that starts a word (and may start a column)
ALIGNED = 0.3  # ems within which the starts of one column's words line up
CROSSING = 0.1  # ems a character may reach past a column start without running across it
TOUCHING = 0.25  # ems of space under which a character before a column start runs on into the one at it
MIN_ROWS = 3  # rows with words on both sides of a column start that make a table
ROW_GAP = 2.5  # ems between rows beyond which a table ends
CELL_GAP = 1.25  # a gap between rows over this many times the table's line pitch parts two table rows


@dataclass
class Region:
    """A run of rows (indexes into the page's rows, end exclusive) and the column starts it is split at."""
    start: int
    end: int
    boundaries: list[float]


def em(row: list[Char]) -> float:
    """Given a row of characters, return its em: the largest font size on it."""
    return max(max([c.size for c in row]), 1.0)


def rows_to_starts(rows: list[list[Char]], ems: list[float]) -> list[list[float]]:
    """Given rows of characters (left to right) and their ems, return for each row the x where its words start after
    a gap of WORD_GAP ems (its first character included)."""
    out = []
    for row, size in zip(rows, ems):
        gap = WORD_GAP * size
        out.append([row[0].x0] + [c.x0 for p, c in zip(row, row[1:]) if c.x0 - p.x1 >= gap])
    return out


def starts_to_boundaries(starts: list[list[float]], ems: list[float]) -> list[float]:
    """Given each row's word starts and its em, return the candidate column starts: an x where words start after a
    gap, not at the row's beginning, on MIN_ROWS rows or more (within ALIGNED ems)."""
    inner = sorted((x, size) for size, xs in zip(ems, starts) for x in xs[1:])
    out: list[float] = []
    group: list[float] = []
    for x, size in inner:
        if group and x - group[0] > ALIGNED * size:
            if len(group) >= MIN_ROWS:
                out.append(group[0])
            group = []
        group.append(x)
    if len(group) >= MIN_ROWS:
        out.append(group[0])
    return out


def splits_at(row: list[Char], x: float, size: float) -> bool:
    """Given a row (left to right), a column start and the row's em, return whether no character of the row runs
    across it: none of those starting before it reaches past it, and the one starting at it does not follow the
    one before with no space between (text set on a grid of full-width characters — 「主　　旨：預告…」 under
    「國防部公告」 — has a character starting at every em without any column there)."""
    tolerance = CROSSING * size
    start, end = x - tolerance, x + tolerance
    before = None
    for c in row:
        if c.x0 >= start:
            return before is None or c.x0 - before.x1 >= TOUCHING * size
        if c.x1 > end:
            return False
        before = c
    return True


def sides(row: list[Char], x: float, size: float) -> tuple[bool, bool]:
    """Given a row (left to right), a column start and the row's em, return whether it has characters left of it and
    from it on."""
    start = x - CROSSING * size
    return row[0].x0 < start, row[-1].x0 >= start


def row_gaps(rows: list[list[Char]]) -> list[float]:
    """Given a page's rows, return each row's distance below the row above it (0 for the first)."""
    tops = [min([c.top for c in row]) for row in rows]
    bottoms = [max([c.bottom for c in row]) for row in rows]
    return [0.0] + [top - bottom for top, bottom in zip(tops[1:], bottoms)]


def boundary_regions(rows: list[list[Char]], ems: list[float], gaps: list[float], x: float) -> list[tuple[int, int]]:
    """Given a page's rows, their ems, the gaps above them and a column start, return the runs of rows it splits
    (start, end exclusive): no character runs across it, no gap of ROW_GAP ems between rows, from a row with words on
    both sides to the last row with words from it on, MIN_ROWS rows with words on both sides."""
    splits = [splits_at(row, x, size) for row, size in zip(rows, ems)]
    left, right = zip(*[sides(row, x, size) for row, size in zip(rows, ems)])
    runs, start = [], None
    for i in range(len(rows)):
        near = start is not None and gaps[i] <= ROW_GAP * ems[i]
        continued = i + 1 < len(rows) and splits[i + 1] and right[i + 1]  # a wrapped first cell above it belongs in
        stray = not right[i] and not continued  # words left of x only, and no row goes on
        if start is not None and (not (near and splits[i]) or stray):
            runs.append((start, i))
            start = None
        if start is None and splits[i] and left[i] and right[i]:
            start = i
    if start is not None:
        runs.append((start, len(rows)))
    out = []
    for start, end in runs:
        while end > start and not right[end - 1]:
            end -= 1
        if sum(left[i] and right[i] for i in range(start, end)) >= MIN_ROWS:
            out.append((start, end))
    return out


def rows_to_regions(rows: list[list[Char]]) -> list[Region]:
    """Given a page's rows of characters, return its unruled tables as regions of rows with their column starts
    (several column starts sharing a run of rows make one table)."""
    if len(rows) < MIN_ROWS:
        return []
    ems = [em(row) for row in rows]
    boundaries = starts_to_boundaries(rows_to_starts(rows, ems), ems)
    gaps = row_gaps(rows) if boundaries else []
    regions: list[Region] = []
    for x in boundaries:
        for start, end in boundary_regions(rows, ems, gaps, x):
            same = next((r for r in regions if r.start < end and start < r.end), None)
            if same is None:
                regions.append(Region(start, end, [x]))
            elif all(splits_at(rows[i], x, ems[i]) for i in range(max(same.start, start), min(same.end, end))):
                same.start, same.end = min(same.start, start), max(same.end, end)
                same.boundaries = sorted([*same.boundaries, x])
    return sorted(regions, key=lambda r: r.start)


def is_table(rows: list[list[Char]], region: Region) -> bool:
    """Given a page's rows and a region of aligned columns, return whether it is a table: not a list (every line's
    first column an item marker: 「一、」 「1、」), nor text running across a column start (crossed), nor a block of
    labelled fields (most of them a label: 「地址：」)."""
    first = [text for row in rows[region.start:region.end]
             if (text := chars_to_cell_text(first_cell(row, region.boundaries)).strip())]
    markers = layout_tables()["starts"]
    if all(markers.match(cell) and len(markers.match(cell).group()) == len(cell) for cell in first):
        return False
    if any(crossed(rows[region.start:region.end], start) for start in region.boundaries):
        return False
    return sum(cell.endswith((":", "：")) for cell in first) * 2 < len(first)


CROSSED_SHARE = 1 / 3  # more than this share of the rows filling both sides running across a column start: none


def crossed(rows: list[list[Char]], start: float) -> bool:
    """Given a region's rows and a column start, return whether text runs across it in more than a third of the rows
    that fill both its sides (an OCR'd paragraph's letter spacing lining up by chance, 「訂定「促進 民間 參與…」); a table's
    column stands apart in nearly every row (one long first cell may reach close to it)."""
    sides = [side for row in rows if (side := row_sides(row, start))]
    return bool(sides) and sum(gap < WORD_GAP * size for gap, size in sides) > CROSSED_SHARE * len(sides)


def row_sides(row: list[Char], start: float) -> tuple[float, float] | None:
    """Given a row and a column start, return the gap between the row's characters on either side of it and the row's
    em, or None when one side is empty."""
    tolerance = CROSSING * em(row)
    left = [c.x1 for c in row if c.x0 < start - tolerance]
    right = [c.x0 for c in row if c.x0 >= start - tolerance]
    return (min(right) - max(left), em(row)) if left and right else None


def first_cell(row: list[Char], boundaries: list[float]) -> list[Char]:
    """Given a row and its table's column starts (ascending), return its characters in the first column."""
    start = boundaries[0] - CROSSING * em(row)
    return [char for char in row if char.x0 < start]


def row_cells(row: list[Char], boundaries: list[float]) -> list[list[Char]]:
    """Given a row and its table's column starts (ascending), return its characters by column."""
    cells: list[list[Char]] = [[] for _ in range(len(boundaries) + 1)]
    tolerance = CROSSING * em(row)
    starts = [x - tolerance for x in boundaries]
    for char in row:
        cells[bisect_right(starts, char.x0)].append(char)
    return cells


def region_to_table(rows: list[list[Char]], region: Region) -> FoundTable:
    """Given a page's rows and a table's region, return the table, cells' lines joined: where wider gaps part its rows
    (cell padding: over CELL_GAP line pitches), a table row starts where the first column has words after such a gap
    or after a line without them; where no gap does, at every line with words in the first column."""
    members = rows[region.start:region.end]
    tops = [min(c.top for c in row) for row in members]
    steps = [b - a for a, b in zip(tops, tops[1:])]
    pitch = min((step for step in steps if step > 0), default=0.0)
    padded = any(step > CELL_GAP * pitch for step in steps)
    grouped: list[list[list[Char]]] = []  # table rows: cells of characters
    first_filled = False
    for i, row in enumerate(members):
        cells = row_cells(row, region.boundaries)
        opens = bool(cells[0]) and (not grouped or not first_filled or not padded or steps[i - 1] > CELL_GAP * pitch)
        if opens:
            grouped.append(cells)
        else:
            for cell, more in zip(grouped[-1], cells):
                cell += more
        first_filled = bool(cells[0])
    table_rows = [[chars_to_cell_text(cell) for cell in cells] for cells in grouped]
    every = [c for row in members for c in row]
    return FoundTable(min(c.x0 for c in every), min(c.top for c in every), max(c.x1 for c in every),
                      max(c.bottom for c in every), table_rows)


def split_unruled_tables(rows: list[list[Char]]) -> tuple[list[FoundTable], list[list[Char]]]:
    """Given a page's rows of characters (ruled tables' text already out), return its unruled tables and the rows
    that are not part of one."""
    found = [(region, region_to_table(rows, region)) for region in rows_to_regions(rows) if is_table(rows, region)]
    if not found:
        return [], rows
    inside = {i for region, _ in found for i in range(region.start, region.end)}
    return [table for _, table in found], [row for i, row in enumerate(rows) if i not in inside]
