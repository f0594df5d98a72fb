"""Which documents hold the query words, exactly: the word lookups of the search plan (pipeline/index/plan.py),
the one part each engine does its own way.

SQLite: the FTS5 table of character grams with their positions (document_grams), a word being the phrase of its
character pairs — exact, so no text is read. PostgreSQL: pg_trgm's GIN index (LIKE, rechecked by PostgreSQL) for
3+ characters; for 1–2 the GIN index of each document's distinct characters and character pairs."""
from __future__ import annotations

from typing import NamedTuple

from pipeline.index.plan import SCAN, TEXT_COLUMNS, WordIndex, is_number_term, term_to_phrase, term_to_query

TRIGRAM = 3  # trigram indexes find nothing shorter than this
PROBE = 1000  # PostgreSQL: the newest documents a one-word tier reads before its GIN index (a page in 50 letters)
CONTENT = "{d}.subject || '\n' || {d}.body || '\n' || {d}.attachments"  # one text: no word spans two columns


def content(alias: str = "d") -> str:
    """Given the alias of the documents table, return the SQL of its searched text (the three columns joined)."""
    return CONTENT.format(d=alias)


def like_pattern(term: str) -> str:
    """Given a word, return the LIKE pattern (escape character \\) matching any text that contains it."""
    return "%" + term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def sqlite_query(terms: list[str]) -> str:
    """Given query terms, return the FTS5 query of the gram table true of the documents holding all of them (a term
    written like a 發文字號 also in the letter's own)."""
    return " AND ".join(term_to_query(term, TEXT_COLUMNS + (("own",) if is_number_term(term) else ()))
                        for term in terms)


def sqlite_matches(terms: list[str]) -> tuple[str, list]:
    """Given query terms, return the SQLite condition on documents ``d`` true of exactly those holding them all."""
    return "d.seq IN (SELECT rowid FROM document_grams WHERE document_grams MATCH ?)", [sqlite_query(terms)]


def sqlite_in_subject(term: str) -> tuple[str, list]:
    """Given a term, return the SQLite condition on documents ``d`` true of exactly those whose 主旨 holds it."""
    return ("d.seq IN (SELECT rowid FROM document_grams WHERE document_grams MATCH ?)",
            [term_to_query(term, ("subject",))])


def postgres_word(term: str, alias: str = "d") -> tuple[str, list]:
    """Given a query word and the alias of the documents table, return the PostgreSQL condition true of exactly the
    documents whose text holds it."""
    if len(term) < TRIGRAM:
        return f"{alias}.grams @> ARRAY[CAST(? AS text)]", [term]
    return f"({content(alias)}) LIKE ? ESCAPE '\\'", [like_pattern(term)]


def postgres_matches(terms: list[str]) -> tuple[str, list]:
    """Given query terms, return the PostgreSQL condition on documents ``d`` true of the documents holding every
    term (a number term: in the text or the letter's own 發文字號), and its parameters."""
    conditions, params = [], []
    for term in terms:
        sql, term_params = postgres_word(term)
        if is_number_term(term):  # a union, not OR: each side is looked up in its own trigram index
            text, term_params = postgres_word(term, "x")
            sql = (f"d.id IN (SELECT x.id FROM documents x WHERE {text}"
                   f" UNION SELECT n.id FROM letters n WHERE n.dispatch_no LIKE ? ESCAPE '\\')")
            term_params = term_params + [like_pattern(term)]
        conditions.append(sql)
        params += term_params
    return " AND ".join(conditions), params


class Tier(NamedTuple):
    """The documents of one score tier of a one-word search, as the engine reads them newest first: FROM what,
    WHERE which condition (with its parameters), the column of their seq (plan.SEQ_SPAN: date order), and how many
    of the newest documents to read first (0: none; the engine's own index yields a word's documents in order)."""
    source: str  # FROM …, with {documents} where the documents table goes, as ``d`` (letters ``l`` are joined after)
    condition: str
    params: list
    seq: str
    probe: int = 0


def sqlite_tiers(term: str) -> tuple[Tier, Tier]:
    """Given one word, return its SQLite tiers: the documents whose 主旨 holds it (the small subject_grams table),
    and all that hold it (FTS5 yields both in rowid order)."""
    return (Tier("subject_grams g JOIN {documents} d ON d.seq = g.rowid", "g.subject_grams MATCH ?",
                 [term_to_phrase(term)], "g.rowid"),
            Tier("document_grams g JOIN {documents} d ON d.seq = g.rowid", "g.document_grams MATCH ?",
                 [term_to_query(term, TEXT_COLUMNS)], "g.rowid"))


def postgres_tiers(term: str) -> tuple[Tier, Tier]:
    """Given one word, return its PostgreSQL tiers: the documents whose 主旨 holds it (GIN indexes of the subject's
    grams and trigrams), and all that hold it (those of the whole text). A GIN index yields documents in no order
    and the planner cannot tell a common word from a rare one (it guesses a LIKE's matches): the newest PROBE
    documents are read first (documents_seq), which finds a common word's page at once; a word too rare for that
    is looked up in its GIN index and its matches sorted."""
    if len(term) < TRIGRAM:
        subject = "d.subject_grams @> ARRAY[CAST(? AS text)]", [term]
    else:
        subject = "d.subject LIKE ? ESCAPE '\\'", [like_pattern(term)]
    return (Tier("{documents} d", *subject, "d.seq", PROBE), Tier("{documents} d", *postgres_word(term), "d.seq", PROBE))


WORD_INDEXES = {
    "sqlite": WordIndex(sqlite_matches, sqlite_in_subject),
    "postgresql": WordIndex(postgres_matches, SCAN.in_subject),  # a 主旨 is short: read, not looked up
}
TIERS = {"sqlite": sqlite_tiers, "postgresql": postgres_tiers}


def engine_words(engine: str) -> WordIndex:
    """Given an engine ("sqlite" or "postgresql"), return its word index."""
    return WORD_INDEXES[engine]


def engine_tiers(engine: str, term: str) -> tuple[Tier, Tier]:
    """Given an engine and one word, return the two tiers of its search (主旨 hits, all hits)."""
    return TIERS[engine](term)
