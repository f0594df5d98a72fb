"""CSV that a clerk's spreadsheet opens safely: UTF-8 with BOM (Excel on Windows), formula cells neutralised."""
from __future__ import annotations

import csv
import io

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")  # what Excel would run as a formula


def neutralise_cell(value) -> str:
    """Given a cell value, return it as text that a spreadsheet will not run (a leading ' before = + - @)."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def csv_bytes(header: list[str], rows: list[list]) -> bytes:
    """Given a header and rows, return CSV bytes: UTF-8 with BOM, CRLF lines, every cell neutralised."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows([neutralise_cell(cell) for cell in row] for row in rows)
    return buffer.getvalue().encode("utf-8-sig")
