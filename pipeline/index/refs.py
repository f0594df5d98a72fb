"""Look letters up by 發文字號 and follow citations both ways: what a letter cites, what cites it."""
from __future__ import annotations

import sqlite3
from dataclasses import dataclass

WORD_MATCHES = "(CAST(? AS TEXT) IS NULL OR {col} IS NULL OR {col} = ?)"


@dataclass
class LetterRef:
    """A letter in the index, as refs lists it."""
    id: int
    issuer: str | None
    date: str | None
    dispatch_no: str | None
    subject: str | None


@dataclass
class Citation:
    """A cited document: as the letter wrote it, and the indexed letter it resolves to (None: unresolved)."""
    text: str
    kind: str | None
    issuer: str | None
    date: str | None
    dispatch_no: str | None
    resolved: LetterRef | None


LETTER_COLUMNS = "l.id, l.issuer, l.date_iso, l.dispatch_no, l.subject"


def find_letters(conn: sqlite3.Connection, word: str | None, number: str) -> list[LetterRef]:
    """Given a 發文字號's 字 as the parser writes it (ASCII brackets; None: any) and its digits, return the indexed
    letters with that 發文字號."""
    rows = conn.execute(
        f"SELECT {LETTER_COLUMNS} FROM letters l WHERE l.dispatch_number = ? AND "
        + WORD_MATCHES.format(col="l.dispatch_word") + " ORDER BY l.date_iso NULLS FIRST, l.id",
        (number, word, word))
    return [LetterRef(*row) for row in rows]


def cites(conn: sqlite3.Connection, letter_id: int) -> list[Citation]:
    """Given a letter id, return the documents it cites, each resolved to an indexed letter when there is one."""
    out = []
    rows = conn.execute("SELECT text, kind, issuer, date_iso, dispatch_no, dispatch_word, dispatch_number "
                        "FROM citations WHERE document_id = ? ORDER BY position", (letter_id,)).fetchall()
    for text, kind, issuer, date, dispatch, word, number in rows:
        found = find_letters(conn, word, number) if number else []
        out.append(Citation(text, kind, issuer, date, dispatch, found[0] if found else None))
    return out


def citing(conn: sqlite3.Connection, word: str | None, number: str) -> list[LetterRef]:
    """Given a 發文字號's 字 (None: any) and digits, return the indexed letters that cite a document so numbered."""
    rows = conn.execute(
        f"SELECT DISTINCT {LETTER_COLUMNS} FROM citations c JOIN letters l ON l.id = c.document_id "
        "WHERE c.dispatch_number = ? AND " + WORD_MATCHES.format(col="c.dispatch_word")
        + " ORDER BY l.date_iso NULLS FIRST, l.id", (number, word, word))
    return [LetterRef(*row) for row in rows]


def cited_by(conn: sqlite3.Connection, letter: LetterRef) -> list[LetterRef]:
    """Given an indexed letter, return the other indexed letters that cite it."""
    word = conn.execute("SELECT dispatch_word, dispatch_number FROM letters WHERE id = ?", (letter.id,)).fetchone()
    if not word or not word[1]:
        return []
    return [other for other in citing(conn, word[0], word[1]) if other.id != letter.id]
