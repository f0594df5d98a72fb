"""The outgoing dispatch-number register (發文字號): a SQLite file in the output folder.

Each key (what is sent, in reply to which letter, to whom) gets one number, the
next serial of its ROC year and 字; BEGIN IMMEDIATE makes concurrent processes
take turns, so no two keys ever share a number and a re-render reuses its own.
"""
from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

from pipeline.errors import InputError
from pipeline.records import DispatchNo, roc_year

REGISTER_NAME = "dispatch-register.sqlite"
BUSY_TIMEOUT_S = 120

SCHEMA_SQL = """
CREATE TABLE IF NOT EXISTS dispatch (
    year INTEGER NOT NULL,        -- ROC year
    word TEXT NOT NULL,           -- 發文代字
    serial INTEGER NOT NULL,      -- 流水號
    number TEXT NOT NULL,         -- 明利小字第1150000001號
    key TEXT NOT NULL UNIQUE,     -- kind | incoming issuer + dispatch no | unit
    issued_at TEXT NOT NULL,
    PRIMARY KEY (year, word, serial)
)"""


def format_number(word: str, year: int, serial: int, digits: int) -> str:
    """Given 字, ROC year, serial and serial width, return 「{字}字第{year}{serial}號」."""
    return f"{word}字第{year}{serial:0{digits}d}號"


def number_to_dispatch(number: str, word: str) -> DispatchNo | None:
    """Given a number from the register ("" for none) and its 字, return it as a DispatchNo."""
    if not number:
        return None
    digits = number[len(word) + 2:-1]
    return DispatchNo.of(word, digits, year=int(digits[:3]), serial=digits[3:])


def number_key(kind: str, incoming: str, unit: str = "") -> str:
    """Given a document kind, the incoming letter's identity and a unit, return the register key."""
    return "|".join((kind, incoming, unit))


def assign_number(register: Path, key: str, word: str, digits: int, year: int | None = None) -> str:
    """Given a register file and a key, return the key's number, taking the next serial if new."""
    year = year or roc_year(dt.date.today())
    try:
        con = sqlite3.connect(register, timeout=BUSY_TIMEOUT_S, isolation_level=None)
    except sqlite3.Error as exc:
        raise InputError(str(register), f"cannot open the dispatch register: {exc}") from None
    try:
        con.execute("BEGIN IMMEDIATE")
        con.execute(SCHEMA_SQL)
        row = con.execute("SELECT number FROM dispatch WHERE key = ?", (key,)).fetchone()
        if row:
            con.execute("COMMIT")
            return row[0]
        (last,) = con.execute(
            "SELECT COALESCE(MAX(serial), 0) FROM dispatch WHERE year = ? AND word = ?", (year, word)
        ).fetchone()
        number = format_number(word, year, last + 1, digits)
        con.execute(
            "INSERT INTO dispatch (year, word, serial, number, key, issued_at) VALUES (?, ?, ?, ?, ?, ?)",
            (year, word, last + 1, number, key, dt.datetime.now().isoformat(timespec="seconds")),
        )
        con.execute("COMMIT")
        return number
    except sqlite3.Error as exc:
        if con.in_transaction:
            con.execute("ROLLBACK")
        raise InputError(str(register), f"dispatch register: {exc}") from None
    finally:
        con.close()
