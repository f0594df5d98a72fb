"""Read-only queries the web catalogue needs: a faceted and paged search, a letter's
header and recipients, the 收文登記簿 rows."""
from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass, field

from pipeline.index.engine import engine_of
from pipeline.index.match import word_condition
from pipeline.index.search import best_column, letter_filters, query_to_terms, text_to_snippet, words_score

FACETS = ("issuer", "year", "doc_type", "speed", "secrecy", "has_attachments")  # 發文機關 年 文別 速別 密等 有附件
FULL_WIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")
HEADER_SCORE = 1000.0  # a letter found by its 發文字號 or 發文機關 ranks above full-text hits


@dataclass
class Row:
    """A letter's header as the catalogue lists it, with its relevance score."""
    id: int
    issuer: str | None  # 發文機關
    date_iso: str | None
    date_roc: str | None
    dispatch_no: str | None  # 發文字號
    subject: str | None  # 主旨
    doc_type: str | None  # 文別
    speed: str | None  # 速別
    secrecy: str | None  # 密等
    file_no: str | None  # 檔號
    retention: str | None  # 保存年限
    attachment_count: int
    score: float = 0.0
    snippet: str = ""

    def facet(self, name: str) -> str:
        """Given a facet name, return this letter's value for it ("" when it has none)."""
        if name == "year":
            return (self.date_iso or "")[:4]
        if name == "has_attachments":
            return "yes" if self.attachment_count else "no"
        return getattr(self, name) or ""


@dataclass
class Page:
    """One page of search results: its rows, how many matched, and each facet's value counts over all matches."""
    rows: list[Row]
    total: int
    facets: dict[str, list[tuple[str, int]]] = field(default_factory=dict)


HEADER_SQL = ("SELECT l.id, l.issuer, l.date_iso, l.date_roc, l.dispatch_no, l.subject, l.doc_type, l.speed, "
              "l.secrecy, l.file_no, l.retention, (SELECT count(*) FROM attachments a WHERE a.document_id = l.id)")


def matching_rows(conn: sqlite3.Connection, terms: list[str], with_secret_text: bool, scored: bool = True) -> list[Row]:
    """Given query terms, return every letter whose text holds them all, scored by weighted occurrences when
    ``scored`` (no terms: every letter); letters with a 密等 match on their text only ``with_secret_text``."""
    score, params = words_score(terms) if scored and terms else ("0.0", [])
    where = []
    for term in terms:
        sql, term_params = word_condition(engine_of(conn), term)
        where.append(sql)
        params += term_params
    if terms and not with_secret_text:
        where.append("(l.secrecy IS NULL OR l.secrecy = '')")
    sql = f"{HEADER_SQL}, {score} FROM letters l JOIN documents d ON d.id = l.id WHERE {' AND '.join(where) or 'TRUE'}"
    return [Row(*row) for row in conn.execute(sql, params)]


def header_rows(conn: sqlite3.Connection, terms: list[str], with_secret: bool) -> list[Row]:
    """Given query terms, return the letters whose 發文字號 holds a term with digits (府政行字第1080251637號 or its
    digits; looked up by the number's index), scored above any full-text hit."""
    numbers = [re.findall(r"\d+", t.translate(FULL_WIDTH_DIGITS)) for t in terms]
    found = [(t, max(n, key=len)) for t, n in zip(terms, numbers) if n]
    if not found:
        return []
    term, number = found[0]
    where = "l.dispatch_number = ? AND instr(l.dispatch_no, ?) > 0"
    if not with_secret:
        where += " AND (l.secrecy IS NULL OR l.secrecy = '')"
    sql = f"{HEADER_SQL}, {HEADER_SCORE} FROM letters l WHERE {where}"
    return [Row(*row) for row in conn.execute(sql, (number, term.translate(FULL_WIDTH_DIGITS)))]


def rows_to_facets(rows: list[Row]) -> dict[str, list[tuple[str, int]]]:
    """Given rows, return each facet's (value, count) pairs, most frequent first (years newest first)."""
    out = {}
    for name in FACETS:
        counts: dict[str, int] = {}
        for row in rows:
            value = row.facet(name)
            counts[value] = counts.get(value, 0) + 1
        key = (lambda vc: vc[0]) if name == "year" else (lambda vc: (-vc[1], vc[0]))
        out[name] = sorted(counts.items(), key=key, reverse=name == "year")
    return out


def sort_rows(rows: list[Row], sort: str) -> list[Row]:
    """Given rows and a sort ("date": newest first, "date-asc", else relevance), return them sorted."""
    if sort == "date":
        return sorted(rows, key=lambda r: (r.date_iso or "", r.id), reverse=True)
    if sort == "date-asc":
        return sorted(rows, key=lambda r: (r.date_iso or "9999", r.id))
    return sorted(rows, key=lambda r: (-r.score, "~" if not r.date_iso else "", r.date_iso or "", r.id))


def add_snippets(conn: sqlite3.Connection, rows: list[Row], terms: list[str], marks: tuple[str, str]) -> None:
    """Given page rows and query terms, set each row's snippet from its best-matching text, hits marked."""
    if not rows or not terms:
        return
    marks_ = ",".join("?" * len(rows))
    texts = {row[0]: row[1:] for row in conn.execute(
        f"SELECT id, subject, body, attachments FROM documents WHERE id IN ({marks_})", [r.id for r in rows])}
    for row in rows:
        if row.id in texts:
            row.snippet = text_to_snippet(best_column(texts[row.id], terms), terms, marks)


def search_page(conn: sqlite3.Connection, query: str, filters: dict[str, str], sort: str = "relevance",
                page: int = 1, per_page: int = 20, with_secret_text: bool = False,
                marks: tuple[str, str] = ("\x02", "\x03")) -> Page:
    """Given a query, facet filters ({facet: value}), a sort and a page number, return that page of letters with
    snippets (not for letters with a 密等 unless ``with_secret_text``) and the facet counts of all matches."""
    terms = query_to_terms(query)
    rows = matching_rows(conn, terms, with_secret_text, scored=sort == "relevance")
    if terms:
        found = {r.id for r in rows}
        rows += [r for r in header_rows(conn, terms, with_secret_text) if r.id not in found]
    rows = [r for r in rows if all(r.facet(name) == value for name, value in filters.items() if name in FACETS)]
    ordered = sort_rows(rows, sort if terms else ("date" if sort == "relevance" else sort))
    shown = ordered[(page - 1) * per_page: page * per_page]
    add_snippets(conn, [r for r in shown if with_secret_text or not r.secrecy], terms, marks)
    return Page(shown, len(rows), rows_to_facets(rows))


def letter_header(conn: sqlite3.Connection, letter_id: int) -> Row | None:
    """Given a document id, return its letter header (None when it is not an indexed letter)."""
    row = conn.execute(f"{HEADER_SQL}, 0.0 FROM letters l WHERE l.id = ?", (letter_id,)).fetchone()
    return Row(*row) if row else None


def document_source(conn: sqlite3.Connection, doc_id: int) -> tuple[str | None, str | None] | None:
    """Given a document id, return its (source path, record path), None when there is no such document."""
    return conn.execute("SELECT source_path, record_path FROM documents WHERE id = ?", (doc_id,)).fetchone()


def register_rows(conn: sqlite3.Connection, issuer: str = "", since: str = "", until: str = "") -> list[Row]:
    """Given optional filters (發文機關 contains; ISO dates inclusive), return the letters by date, newest first:
    the 收文登記簿."""
    where, params = letter_filters(issuer, since, until)
    sql = (f"{HEADER_SQL}, 0.0 FROM letters l WHERE {' AND '.join(where) or 'TRUE'} "
           "ORDER BY l.date_iso DESC NULLS LAST, l.id")
    return [Row(*row) for row in conn.execute(sql, params)]
