"""The 收文登記簿 (register.csv): one row a letter, UTF-8 with BOM for Excel, formula cells neutralised."""
from __future__ import annotations

from collections.abc import Iterable, Iterator

from pipeline.parse.completeness import missing_in_record
from pipeline.spreadsheet import csv_chunks

# 缺漏: for a partial record (a 函釋 body, a cropped header), the fields its 文別 requires that it lacks; blank when whole
PLACE_WIDTH = 3  # a row's place: date, 發文字號, source
HEADER = ["來文機關", "發文日期", "發文字號", "主旨", "速別", "密等", "附件數", "受文者", "來源檔案", "缺漏"]


def letter_to_register_row(letter: dict, source: str) -> list:
    """Given a letter record dict and its source file (relative to the inbox), return its register row."""
    return [
        letter.get("issuer"),
        (letter.get("date") or {}).get("roc"),
        (letter.get("dispatch_no") or {}).get("text"),
        letter.get("subject"),
        letter.get("speed"),
        (letter.get("secrecy") or {}).get("level"),
        len(letter.get("attachments") or []),
        letter.get("recipient"),
        source,
        "、".join(missing_in_record(letter)) if letter.get("complete") is False else "",
    ]


def letter_to_register_entry(source: str, letter: dict) -> tuple[tuple[str, str, str], list]:
    """Given a letter's source file and record dict, return (its place in the register, its row): rows go by date,
    then 發文字號, then source (PLACE_WIDTH texts)."""
    order = ((letter.get("date") or {}).get("iso") or "", (letter.get("dispatch_no") or {}).get("text") or "", source)
    return order, letter_to_register_row(letter, source)


def register_chunks(rows: Iterable[list]) -> Iterator[bytes]:
    """Given the register's rows in place order (read one at a time), yield register.csv's bytes piece by piece."""
    return csv_chunks(HEADER, rows)

