"""CSV that a clerk's spreadsheet opens safely: UTF-8 with BOM (Excel on Windows), formula cells neutralised."""
from __future__ import annotations

import codecs
import csv
import io
from collections.abc import Iterable, Iterator

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")  # what Excel would run as a formula


def neutralise_cell(value) -> str:
    """Given a cell value, return it as text that a spreadsheet will not run (a leading ' before = + - @)."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def csv_chunks(header: list[str], rows: Iterable[list]) -> Iterator[bytes]:
    """Given a header and rows (read one at a time), yield CSV bytes line by line: UTF-8 with BOM, CRLF lines, every
    cell neutralised."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header)
    yield codecs.BOM_UTF8 + buffer.getvalue().encode("utf-8")
    for row in rows:
        buffer.seek(0)
        buffer.truncate()
        writer.writerow([neutralise_cell(cell) for cell in row])
        yield buffer.getvalue().encode("utf-8")


def csv_bytes(header: list[str], rows: Iterable[list]) -> bytes:
    """Given a header and rows, return CSV bytes: UTF-8 with BOM, CRLF lines, every cell neutralised."""
    return b"".join(csv_chunks(header, rows))
