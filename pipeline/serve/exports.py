"""The 檔案目錄 as downloads: CSV (the project's safe spreadsheet CSV) and XLSX (openpyxl)."""
from __future__ import annotations

import io

from pipeline.spreadsheet import csv_bytes, neutralise_cell

__all__ = ["csv_bytes", "xlsx_bytes"]


def xlsx_bytes(header: list[str], rows: list[list], sheet: str = "檔案目錄") -> bytes:
    """Given a header and rows, return an XLSX workbook of one sheet, every cell text that cannot run as a formula."""
    from openpyxl import Workbook
    book = Workbook()
    ws = book.active
    ws.title = sheet
    ws.append(header)
    for row in rows:
        ws.append([neutralise_cell(cell) for cell in row])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
