"""The division-table parser: blocks of a 分工表 → a Division record (unit → duties).

blocks → blocks_to_cell_rows (a real table's rows, or flattened text split at tabs)
→ split_title → find_columns → cell_rows_to_raw_rows (wrapped units and duties
rejoined, repeated titles and headers skipped) → raw_row_to_row (duties split at
their numbers) → Division.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from pipeline.blocks import PAGE_BREAK, TABLE, Block
from pipeline.parse.clean import WHITESPACE, drop_page_furniture, join_wrapped, normalise_line
from pipeline.parse.items import ANY_MARKER, LEVEL, MARKERS, number_of
from pipeline.parse.titles import (SAME_TITLE, SENTENCE_PUNCTUATION, is_attachment_label, is_title_line, join_title,
                                   title_similarity)
from pipeline.records import Division, DivisionRow
from pipeline.vocabulary import vocabulary

DUTY_END = ("。", "！", "？", "!", "?")
UNIT_MAX = 25  # a unit name is short; longer text is a duty
INDEX_CELL = re.compile(r"^[(（]?[\d一二三四五六七八九十]{1,3}[)）]?[.、．]?$")


@dataclass
class CellRow:
    """One row as read: its cells (a tab-split text line, or a table row), and whether it came from a table."""
    cells: list[str]
    from_table: bool = False
    starts_table: bool = False  # the first row of a table (a table continued from the previous page starts here)


@dataclass
class RawRow:
    """A row being assembled: the pieces of its unit name and of its duty text."""
    unit: list[str]
    duty: list[str] = field(default_factory=list)


@dataclass
class Columns:
    """Which cell holds the unit and which the duties (index columns such as 項次 dropped)."""
    unit: int = 0
    duty: int = 1


def _words(key: str) -> set[str]:
    """Given a [division] vocabulary key, return its words."""
    return set(vocabulary()["division"][key])


@cache
def unit_suffixes() -> tuple[str, ...]:
    """Return the endings of unit names: agency suffixes plus collective names and sub-units."""
    return tuple(vocabulary()["agency_suffixes"]["endings"] + vocabulary()["division"]["unit_suffixes"])


def is_unit_name(text: str) -> bool:
    """Given text, return whether it reads as a unit name: short, no punctuation, an agency or unit ending, and not
    the opening of a numbered paragraph (「一、依據…教育會」: a 分工表 numbers its rows in a 項次 column, not in the unit)."""
    if len("".join(text.split())) > 2 * UNIT_MAX:  # (a line of text: no need to normalise it to tell)
        return False
    text = normalise_line(text)
    return (0 < len(text) <= UNIT_MAX and not SENTENCE_PUNCTUATION.search(text) and text.endswith(unit_suffixes())
            and not ANY_MARKER.match(text))


def is_division_title(text: str) -> bool:
    """Given a line, return whether it names a division table (分工表 …)."""
    return is_title_line(text) and any(word in text for word in vocabulary()["division"]["title_words"])


def is_header_row(cells: list[str]) -> bool:
    """Given a row's cells, return whether every filled cell is a column header (單位, 工作項目, 項次 …)."""
    words = _words("unit_headers") | _words("duty_headers") | _words("index_headers") | _words("other_headers")
    filled = [WHITESPACE.sub("", c) for c in cells if c.strip()]
    return len(filled) >= 2 and all(c in words for c in filled)


def blocks_to_cell_rows(blocks: list[Block]) -> list[CellRow]:
    """Given a division table's blocks, return its rows: table rows as they are, text lines split at tabs."""
    rows = []
    for block in blocks:
        if block.kind == PAGE_BREAK:
            continue
        if block.kind == TABLE:
            filled = [row for row in block.rows or [] if any(c.strip() for c in row)]
            rows += [CellRow(list(row), True, i == 0) for i, row in enumerate(filled)]
            continue
        kept, _ = drop_page_furniture([block.text])
        if kept and kept[0].strip():
            rows.append(CellRow(line_to_cells(kept[0].rstrip())))
    return rows


def line_to_cells(line: str) -> list[str]:
    """Given a flattened table line, return its cells: split at tabs, or, where extraction left a space for the
    column gap, at the first space after a unit name or header (「南投縣政府消防局 1.督導…」, 「單位 工作事項」)."""
    if "\t" in line:
        return line.split("\t")
    first, space, rest = line.strip().partition(" ")
    if space and rest and (is_unit_name(first) or is_header_row([first, rest])):
        return [first, rest]
    return [line]


def split_title(rows: list[CellRow]) -> tuple[str | None, list[CellRow]]:
    """Given cell rows, return the title (the one-cell lines before the table, possibly two) and the rest."""
    lines: list[str] = []
    start = 0
    for i, row in enumerate(rows):
        filled = [c for c in row.cells if c.strip()]
        if len(filled) != 1 or not is_title_line(filled[0]) or is_unit_name(filled[0]):
            break
        start = i + 1
        if not is_attachment_label(filled[0]):
            lines.append(filled[0])
        if is_division_title(filled[0]):
            break
    return join_title(lines), rows[start:]


def find_columns(rows: list[CellRow]) -> Columns:
    """Given cell rows, return which column holds the unit and which the duties, from a header row if any."""
    for row in rows:
        if is_header_row(row.cells):
            keys = [WHITESPACE.sub("", c) for c in row.cells]
            unit = next((i for i, k in enumerate(keys) if k in _words("unit_headers")), None)
            duty = next((i for i, k in enumerate(keys) if k in _words("duty_headers")), None)
            others = [i for i, k in enumerate(keys)
                      if k and k not in _words("index_headers") | _words("other_headers")]
            unit = unit if unit is not None else next((i for i in others if i != duty), 0)
            duty = duty if duty is not None else next((i for i in others if i != unit), unit + 1)
            return Columns(unit, duty)
    wide = [r.cells for r in rows if len(r.cells) >= 3]
    if wide and all(INDEX_CELL.match(c[0].strip()) or not c[0].strip() for c in wide):
        return Columns(1, 2)  # a running number (項次) before unit and duties
    return Columns()


def duty_goes_on(row: RawRow) -> bool:
    """Given a row, return whether its duty text stops mid-sentence (so a next line without a tab continues it)."""
    return bool(row.duty) and not normalise_line(row.duty[-1]).endswith(DUTY_END)


def unit_is_incomplete(row: RawRow) -> bool:
    """Given a row, return whether its unit name and its duty text both stop mid-way (so the next line continues them)."""
    unit_open = not is_unit_name(join_wrapped("\n".join(row.unit)))
    return unit_open and (not row.duty or duty_goes_on(row))


def continues_numbering(row: RawRow, duty: str) -> bool:
    """Given the row above and a duty cell, return whether the duty takes up the row's numbering (2. after 1.)."""
    m = re.match(r"\s*(\d{1,2})[.、．]", duty)
    return bool(m) and int(m.group(1)) > 1 and bool(
        re.search(rf"(?:^|\n)\s*{int(m.group(1)) - 1}[.、．]", "\n".join(row.duty)))


def cell_rows_to_raw_rows(rows: list[CellRow], columns: Columns, title: str | None) -> tuple[list[RawRow], list[str]]:
    """Given the table's cell rows, return its rows with wrapped units and duties rejoined, plus warnings."""
    out: list[RawRow] = []
    warnings: list[str] = []
    for row in rows:
        cells = row.cells
        filled = [c for c in cells if c.strip()]
        if not filled or is_header_row(cells) or all(is_attachment_label(c) for c in filled):
            continue
        if len(filled) == 1 and title and title_similarity(filled[0], title, SAME_TITLE) >= SAME_TITLE:
            continue  # the title repeated on the next page
        if len(cells) == 1:  # a text line without a tab: a unit name alone, or duty text
            text = cells[0]
            if is_unit_name(text) and not (out and duty_goes_on(out[-1])):
                out.append(RawRow([text]))
            elif out and not out[-1].duty and unit_is_incomplete(out[-1]) and is_title_line(text):
                out[-1].unit.append(text)
            elif out:
                out[-1].duty.append(text)
            else:
                warnings.append(f"text before the first row skipped: {normalise_line(text)}")
            continue
        unit = cells[columns.unit] if columns.unit < len(cells) else ""
        duty = cells[columns.duty] if columns.duty < len(cells) else ""
        duty_parts = duty.split("\n") if duty.strip() else []
        if out and (columns.unit > 0 and not cells[0].strip() or continues_numbering(out[-1], duty)):
            out[-1].unit += [u for u in unit.split("\n") if u.strip()]  # no 項次, or duty 2. after 1.: the same row
            out[-1].duty += duty_parts
        elif not unit.strip():
            if out:
                out[-1].duty += duty_parts
            else:
                warnings.append(f"duty without a unit skipped: {normalise_line(duty)}")
        elif out and unit_is_incomplete(out[-1]) and (row.starts_table or not row.from_table):
            out[-1].unit += unit.split("\n")
            out[-1].duty += duty_parts
        else:
            out.append(RawRow(unit.split("\n"), duty_parts))
    return out, warnings


def split_duties(parts: list[str]) -> list[str]:
    """Given a cell's duty lines, return its duties: split at numbers 1. 2. (or 一、 (一) (1)) and after a sentence end."""
    duties: list[list[str]] = []
    last: tuple[str, int] | None = None  # the kind and number of the last numbered duty
    for part in parts:
        text = part.strip()
        if not text:
            continue
        m = ANY_MARKER.match(text)
        if m:
            kind = m.lastgroup
            number = number_of(kind, MARKERS[LEVEL[kind]][1].match(text).group("n"))
            if number == 1 and last is None or last and last == (kind, (number or 0) - 1):
                last = (kind, number)
                duties.append([text[m.end():].strip()])
                continue
        if duties and not normalise_line(duties[-1][-1]).endswith(DUTY_END):
            duties[-1].append(text)
        else:
            duties.append([text])
    return [join_wrapped("\n".join(d)) for d in duties if join_wrapped("\n".join(d))]


def raw_row_to_row(row: RawRow) -> DivisionRow:
    """Given an assembled row, return its DivisionRow: the unit as one name, the duties as a list."""
    return DivisionRow(unit=join_wrapped("\n".join(row.unit)), duties=split_duties(row.duty))


def blocks_to_division(blocks: list[Block]) -> Division:
    """Given a division table's blocks (a real table or flattened text), return its Division record."""
    rows = blocks_to_cell_rows(blocks)
    title, rows = split_title(rows)
    raw_rows, warnings = cell_rows_to_raw_rows(rows, find_columns(rows), title)
    result = [raw_row_to_row(r) for r in raw_rows]
    warnings += [f"row without duties: {r.unit}" for r in result if not r.duties]
    return Division(title=title, rows=result, warnings=warnings)
