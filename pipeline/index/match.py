"""Which documents hold a query word, as an SQL condition for each engine: an index narrows the candidates, and
the result is exact (a case-sensitive substring of the document's text, as instr() finds it) in both.

SQLite: FTS5 trigram candidates verified by instr() for 3+ characters; instr() over every document for 1–2.
PostgreSQL: pg_trgm's GIN index (LIKE) for 3+ characters; for 1–2 the GIN index of each document's distinct
characters and character pairs (column grams, exact by itself)."""
from __future__ import annotations

TRIGRAM = 3  # trigram indexes find nothing shorter than this
CONTENT = "{d}.subject || '\n' || {d}.body || '\n' || {d}.attachments"  # one text: no word spans two columns


def content(alias: str = "d") -> str:
    """Given the alias of the documents table, return the SQL of its searched text (the three columns joined)."""
    return CONTENT.format(d=alias)


def like_pattern(term: str) -> str:
    """Given a word, return the LIKE pattern (escape character \\) matching any text that contains it."""
    return "%" + term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def word_condition(engine: str, term: str, alias: str = "d") -> tuple[str, list]:
    """Given an engine ("sqlite" or "postgresql"), a query word and the documents table's alias, return the SQL
    condition true of exactly the documents whose text contains the word, and its parameters."""
    text = content(alias)
    if engine == "postgresql":
        if len(term) < TRIGRAM:
            return f"{alias}.grams @> ARRAY[CAST(? AS text)]", [term]
        return f"({text}) LIKE ? ESCAPE '\\'", [like_pattern(term)]
    exact = f"instr({text}, ?) > 0"
    if len(term) < TRIGRAM:
        return exact, [term]
    fts = f"{alias}.id IN (SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?)"
    return f"{fts} AND {exact}", ['"' + term.replace('"', '""') + '"', term]


def number_condition(engine: str, term: str, alias: str = "l") -> tuple[str, list]:
    """Given an engine, a 發文字號 as typed (whole or some of its digits) and the letters table's alias, return the
    SQL condition true of the letters whose own 發文字號 contains it, and its parameters."""
    if engine == "postgresql":
        return f"{alias}.dispatch_no LIKE ? ESCAPE '\\'", [like_pattern(term)]
    return f"instr({alias}.dispatch_no, ?) > 0", [term]
