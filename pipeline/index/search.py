"""Search the index with the plan of pipeline/index/plan.py: the documents holding every word as an exact
substring, found in the engine's word index (pipeline/index/match.py; SQLite: the FTS5 table of character grams
with positions, any word length), ranked by where the words are (主旨 first; one word: a tier at a time, newest
first, reading only the hits shown — pipeline/index/tiers.py); a term written like a 發文字號 (whole or its digits,
府政行字第1080251637號, 1080251637, 0251637) also finds the letter that bears it; filters (issuer, recipient, dates)
work with or without query words."""
from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass

from pipeline.index.engine import engine_of
from pipeline.index.match import engine_words
from pipeline.index.plan import WordIndex, matches_sql, order_sql, page_sql
from pipeline.index.tiers import answers_by_tier, tiered_search
from pipeline.index.write import blob_to_record

SNIPPET_WIDTH = 64
HIT_FIELDS = ("d.id", "d.kind", "nullif(d.subject, '')", "l.issuer", "l.date_iso", "l.dispatch_no", "d.source_path",
              "d.record_path")  # what a hit shows before its score, over documents d and letters l
HIT_TEXTS = "d.subject, d.body, d.attachments"  # and after it: the texts its snippet is cut from
FULL_WIDTH = {code: code - 0xFEE0 for code in range(0xFF10, 0xFF5B) if chr(code).isalnum()}  # ０-９ Ａ-Ｚ ａ-ｚ


@dataclass
class Hit:
    """One search result."""
    id: int
    kind: str  # letter | plan | division
    title: str | None  # 主旨 or title
    issuer: str | None
    date: str | None  # ISO
    dispatch_no: str | None
    source_path: str | None
    record_path: str | None
    score: float
    snippet: str


def query_to_terms(query: str) -> list[str]:
    """Given a query string, return its terms (split on ASCII and full-width spaces, full-width digits and Latin
    letters made ASCII as the records write them, duplicates dropped)."""
    terms = []
    for term in re.split(r"[\s\u3000]+", query.translate(FULL_WIDTH).strip()):
        if term and term not in terms:
            terms.append(term)
    return terms


def letter_filters(issuer: str | None, since: str | None, until: str | None,
                   recipient: str | None = None) -> tuple[list[str], list]:
    """Given the filters (發文機關 or 受文者/正本/副本 containing; ISO dates inclusive), return their SQL conditions
    over letters ``l`` (and documents ``d`` / ``l.id``) and their parameters."""
    conditions = [(issuer, "instr(l.issuer, ?) > 0"),
                  (recipient, "EXISTS (SELECT 1 FROM recipients r WHERE r.document_id = l.id AND instr(r.name, ?) > 0)"),
                  (since, "l.date_iso >= ?"),
                  (until, "l.date_iso <= ?")]
    chosen = [(sql, value) for value, sql in conditions if value]
    return [sql for sql, _ in chosen], [value for _, value in chosen]


def build_query(terms: list[str], issuer: str | None, since: str | None, until: str | None, limit: int,
                recipient: str | None = None, words: WordIndex | None = None) -> tuple[str, list]:
    """Given terms and filters, return the SQL and its parameters of the ``limit`` best matching documents with
    what a hit shows (``words``: the engine's word index, SQLite's by default)."""
    matches, params = matches_sql(terms, words or engine_words("sqlite"), letter_filters(issuer, since, until, recipient))
    sql = (f"SELECT {', '.join(HIT_FIELDS)}, m.score, {HIT_TEXTS} FROM ({page_sql(matches, 'relevance')}) m"
           f" JOIN documents d ON d.id = m.id LEFT JOIN letters l ON l.id = m.id ORDER BY {order_sql('relevance', 'm')}")
    return sql, params + [limit, 0]


def ranked_rows(conn: sqlite3.Connection, ranked: list[tuple[int, int]]) -> list[tuple]:
    """Given the (id, score) of ranked documents, return each one's hit row (HIT_FIELDS, score, HIT_TEXTS), in that
    order."""
    if not ranked:
        return []
    sql = (f"SELECT {', '.join(HIT_FIELDS)}, {HIT_TEXTS} FROM documents d LEFT JOIN letters l ON l.id = d.id"
           f" WHERE d.id IN ({', '.join('?' * len(ranked))})")
    rows = {row[0]: row for row in conn.execute(sql, [doc_id for doc_id, _ in ranked])}
    width = len(HIT_FIELDS)
    return [(*rows[doc_id][:width], score, *rows[doc_id][width:]) for doc_id, score in ranked]


def text_to_snippet(text: str, terms: list[str], marks: tuple[str, str], width: int = SNIPPET_WIDTH) -> str:
    """Given a text, the query terms and (open, close) marks, return a window around the first hit, hits marked."""
    flat = re.sub(r"\s+", " ", text).strip()
    if not terms:
        return flat[:width] + ("…" if len(flat) > width else "")
    pattern = re.compile("|".join(re.escape(t) for t in sorted(terms, key=len, reverse=True)))
    first = pattern.search(flat)
    start = max(0, (first.start() if first else 0) - width // 3)
    end = min(len(flat), start + width)
    window = pattern.sub(lambda m: f"{marks[0]}{m.group(0)}{marks[1]}", flat[start:end])
    return ("…" if start else "") + window + ("…" if end < len(flat) else "")


def best_column(texts: tuple[str, str, str], terms: list[str]) -> str:
    """Given the (subject, body, attachments) texts, return the first that holds the most distinct terms."""
    return max(texts, key=lambda text: (sum(t in text for t in terms), -texts.index(text)))


def search(conn: sqlite3.Connection, query: str, issuer: str | None = None, since: str | None = None,
           until: str | None = None, limit: int = 20, marks: tuple[str, str] = ("«", "»"),
           recipient: str | None = None) -> list[Hit]:
    """Given a query and filters (ISO dates; 受文者/正本/副本 containing ``recipient``), return the ranked hits, each
    with its snippet; with no query words, the documents the filters select, newest first (none without a filter)."""
    terms = query_to_terms(query)
    if not terms and not (issuer or since or until or recipient):
        return []
    engine = engine_of(conn)
    if answers_by_tier(terms):
        rows = ranked_rows(conn, tiered_search(conn, engine, terms[0], since, until,
                                               letter_filters(issuer, since, until, recipient), limit))
    else:
        rows = conn.execute(*build_query(terms, issuer, since, until, limit, recipient, engine_words(engine)))
    hits = []
    for row in rows:
        doc_id, kind, title, issuer_, date, dispatch, source, record_path, score, *texts = row
        snippet = text_to_snippet(best_column(tuple(texts), terms), terms, marks)
        hits.append(Hit(doc_id, kind, title, issuer_, date, dispatch, source, record_path, round(score, 4), snippet))
    return hits


def record_of(conn: sqlite3.Connection, doc_id: int) -> dict:
    """Given a document id, return its stored record dict."""
    return blob_to_record(conn.execute("SELECT stored FROM documents WHERE id = ?", (doc_id,)).fetchone()[0])
