"""Read-only queries the web catalogue needs: a faceted and paged search (the search
plan of plan.py, facet counts in SQL over the matched letters), a letter's header and recipients, the 收文登記簿
rows."""
from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field

from pipeline.index.engine import engine_of
from pipeline.index.match import engine_words
from pipeline.index.plan import matches_sql, order_sql
from pipeline.index.search import best_column, letter_filters, query_to_terms, text_to_snippet

FACET_SQL = {  # each facet's value for a letter ``l``, as the page shows it and filters by it
    "issuer": "coalesce(l.issuer, '')",  # 發文機關
    "year": "substr(coalesce(l.date_iso, ''), 1, 4)",  # 年
    "doc_type": "coalesce(l.doc_type, '')",  # 文別
    "speed": "coalesce(l.speed, '')",  # 速別
    "secrecy": "coalesce(l.secrecy, '')",  # 密等
    "has_attachments": "CASE WHEN l.attachment_count > 0 THEN 'yes' ELSE 'no' END",  # 有附件
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
              "l.secrecy, l.file_no, l.retention, l.attachment_count")


FACET_COLUMNS = "".join(f", {sql} AS {name}" for name, sql in FACET_SQL.items())  # the facets as matches' columns


def page_and_facets_sql(matches: str, order: str) -> str:
    """Given a matches SELECT over letters with the FACET_COLUMNS and an ORDERS key, return one statement that
    evaluates the matches once and gives rows (part, score or facet values…, count): part 0 a page of them (score,
    id, its place in the order; LIMIT and OFFSET bound last), part 1 the number of matches with each combination
    of facet values."""
    order_by = order_sql(order, "f")
    blanks = ", NULL" * (len(FACETS) - 2)
    return (f"WITH f AS MATERIALIZED ({matches}) "
            f"SELECT * FROM (SELECT 0, CAST(f.score AS text), CAST(f.id AS text){blanks}, "
            f"row_number() OVER (ORDER BY {order_by}) FROM (SELECT * FROM f ORDER BY {order_by} LIMIT ? OFFSET ?) f) p "
            f"UNION ALL SELECT 1, {', '.join(FACETS)}, count(*) FROM f GROUP BY {', '.join(FACETS)}")


def combinations_to_facets(combinations: list[tuple]) -> dict[str, list[tuple[str, int]]]:
    """Given (facet values…, count) rows, return each facet's (value, count) pairs, most frequent first (years
    newest first)."""
    totals: dict[str, dict[str, int]] = {name: {} for name in FACETS}
    for *values, count in combinations:
        for name, value in zip(FACETS, values):
            totals[name][value] = totals[name].get(value, 0) + count
    out = {}
    for name, counts in totals.items():
        key = (lambda vc: vc[0]) if name == "year" else (lambda vc: (-vc[1], vc[0]))
        out[name] = sorted(counts.items(), key=key, reverse=name == "year")
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
    matches, params = matches_sql(terms, engine_words(engine_of(conn)), (where, [filters[name] for name in chosen]),
                                  letters_only=True, columns=FACET_COLUMNS)
    order = sort if sort in ("date", "date-asc") else ("relevance" if terms else "date")
    places, combinations = [], []
    for part, *values, count in conn.execute(page_and_facets_sql(matches, order),
                                             params + [per_page, (page - 1) * per_page]):
        if part == 0:
            places.append((count, int(values[1]), float(values[0])))
        else:
            combinations.append((*values, count))
    places.sort()
    ids = [doc_id for _, doc_id, _ in places]
    headers = {row[0]: row for row in conn.execute(
        f"{HEADER_SQL} FROM letters l WHERE l.id IN ({','.join('?' * len(ids))})", ids)} if ids else {}
    rows = [Row(*headers[doc_id], score=score) for _, doc_id, score in places]
    add_snippets(conn, [r for r in rows if with_secret_text or not r.secrecy], terms, marks)
    return Page(rows, sum(count for *_, count in combinations), combinations_to_facets(combinations))


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
