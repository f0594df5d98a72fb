"""Which documents may hold the query words: the candidates step of the search plan (pipeline/index/plan.py), the
one part each engine does its own way. A candidate condition may let through documents that do not match (the
plan verifies each word with instr() afterwards) but never leaves out one that does.

SQLite: the FTS5 table of character grams (document_grams), any word length. PostgreSQL: pg_trgm's GIN index
(LIKE) for 3+ characters; for 1–2 the GIN index of each document's distinct characters and character pairs."""
from __future__ import annotations

from pipeline.index.plan import Candidates, is_number_term, term_to_grams

TRIGRAM = 3  # trigram indexes find nothing shorter than this
CONTENT = "{d}.subject || '\n' || {d}.body || '\n' || {d}.attachments"  # one text: no word spans two columns


def content(alias: str = "d") -> str:
    """Given the alias of the documents table, return the SQL of its searched text (the three columns joined)."""
    return CONTENT.format(d=alias)


def like_pattern(term: str) -> str:
    """Given a word, return the LIKE pattern (escape character \\) matching any text that contains it."""
    return "%" + term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def sqlite_candidates(terms: list[str]) -> tuple[str, list]:
    """Given query terms, return the SQLite condition on documents ``d`` true of every document having all their
    grams, and its parameter: an FTS5 query of quoted gram tokens (a one-character term: its code as a prefix)."""
    parts = []
    for term in terms:
        grams, prefix = term_to_grams(term)
        parts += [f'"{gram}"' for gram in sorted(grams)] + ([f'"{prefix}" *'] if prefix else [])
    return "d.seq IN (SELECT rowid FROM document_grams WHERE document_grams MATCH ?)", [" AND ".join(parts)]


def postgres_word(term: str) -> tuple[str, list]:
    """Given a query word, return the PostgreSQL condition true of exactly the documents ``d`` whose text holds it."""
    if len(term) < TRIGRAM:
        return "d.grams @> ARRAY[CAST(? AS text)]", [term]
    return f"({content()}) LIKE ? ESCAPE '\\'", [like_pattern(term)]


def postgres_candidates(terms: list[str]) -> tuple[str, list]:
    """Given query terms, return the PostgreSQL condition on documents ``d`` true of the documents holding every
    term (a number term: in the text or the letter's own 發文字號), and its parameters."""
    conditions, params = [], []
    for term in terms:
        sql, term_params = postgres_word(term)
        if is_number_term(term):
            sql = f"({sql} OR d.id IN (SELECT n.id FROM letters n WHERE n.dispatch_no LIKE ? ESCAPE '\\'))"
            term_params = term_params + [like_pattern(term)]
        conditions.append(sql)
        params += term_params
    return " AND ".join(conditions), params


def engine_candidates(engine: str) -> Candidates:
    """Given an engine ("sqlite" or "postgresql"), return its candidates function."""
    return postgres_candidates if engine == "postgresql" else sqlite_candidates
