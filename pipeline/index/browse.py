"""Read-only queries the web catalogue needs: a faceted and paged search (the search
plan of plan.py, facet counts in SQL over the matched letters), a letter's header and recipients, the 收文登記簿
rows."""
from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field

from pipeline.index.engine import engine_of
from pipeline.index.match import engine_candidates
from pipeline.index.plan import matches_sql, order_sql, page_sql
from pipeline.index.search import best_column, letter_filters, query_to_terms, text_to_snippet

FACET_SQL = {  # each facet's value for a letter ``l``, as the page shows it and filters by it
    "issuer": "coalesce(l.issuer, '')",  # 發文機關
    "year": "substr(coalesce(l.date_iso, ''), 1, 4)",  # 年
    "doc_type": "coalesce(l.doc_type, '')",  # 文別
    "speed": "coalesce(l.speed, '')",  # 速別
    "secrecy": "coalesce(l.secrecy, '')",  # 密等
    "has_attachments": "CASE WHEN EXISTS (SELECT 1 FROM attachments a WHERE a.document_id = l.id) "
                       "THEN 'yes' ELSE 'no' END",  # 有附件
}
FACETS = tuple(FACET_SQL)
UNCLASSIFIED = "(l.secrecy IS NULL OR l.secrecy = '')"


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


@dataclass
class Page:
    """One page of search results: its rows, how many matched, and each facet's value counts over all matches."""
    rows: list[Row]
    total: int
    facets: dict[str, list[tuple[str, int]]] = field(default_factory=dict)


HEADER_SQL = ("SELECT l.id, l.issuer, l.date_iso, l.date_roc, l.dispatch_no, l.subject, l.doc_type, l.speed, "
              "l.secrecy, l.file_no, l.retention, (SELECT count(*) FROM attachments a WHERE a.document_id = l.id)")


def facet_counts(conn: sqlite3.Connection, matches: str, params: list) -> dict[str, list[tuple[str, int]]]:
    """Given a matches SELECT over letters and its parameters, return each facet's (value, count) pairs over the
    matches, counted in SQL, most frequent first (years newest first)."""
    values = ", ".join(f"{sql} AS {name}" for name, sql in FACET_SQL.items())
    counts = " UNION ALL ".join(f"SELECT '{name}', {name}, count(*) FROM f GROUP BY {name}" for name in FACETS)
    sql = (f"WITH f AS MATERIALIZED (SELECT {values} FROM ({matches}) m JOIN letters l ON l.id = m.id) {counts}")
    out: dict[str, list[tuple[str, int]]] = {name: [] for name in FACETS}
    for name, value, count in conn.execute(sql, params):
        out[name].append((value, count))
    for name, pairs in out.items():
        key = (lambda vc: vc[0]) if name == "year" else (lambda vc: (-vc[1], vc[0]))
        pairs.sort(key=key, reverse=name == "year")
    return out


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
    snippets and the facet counts of all matches (with query words, letters with a 密等 only
    ``with_secret_text``); no query words: every letter, newest first unless sorted otherwise."""
    terms = query_to_terms(query)
    chosen = [name for name in FACETS if filters.get(name)]
    where = [f"{FACET_SQL[name]} = ?" for name in chosen] + ([UNCLASSIFIED] if terms and not with_secret_text else [])
    matches, params = matches_sql(terms, engine_candidates(engine_of(conn)), (where, [filters[name] for name in chosen]),
                                  letters_only=True)
    order = sort if sort in ("date", "date-asc") else ("relevance" if terms else "date")
    rows = [Row(*row) for row in conn.execute(
        f"{HEADER_SQL}, m.score FROM ({page_sql(matches, order)}) m JOIN letters l ON l.id = m.id "
        f"ORDER BY {order_sql(order, 'm')}", params + [per_page, (page - 1) * per_page])]
    facets = facet_counts(conn, matches, params)
    add_snippets(conn, [r for r in rows if with_secret_text or not r.secrecy], terms, marks)
    return Page(rows, sum(count for _, count in facets["has_attachments"]), facets)


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
    sql = f"{HEADER_SQL}, 0.0 FROM letters l WHERE {' AND '.join(where) or 'TRUE'} ORDER BY l.date_iso DESC NULLS LAST, l.id"
    return [Row(*row) for row in conn.execute(sql, params)]
