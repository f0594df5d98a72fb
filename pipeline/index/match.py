"""Which documents hold the query words, exactly: the word lookups of the search plan (pipeline/index/plan.py),
the one part each engine does its own way.

SQLite: the FTS5 table of character grams with their positions (document_grams), a word being the phrase of its
character pairs — exact, so no text is read. PostgreSQL: several words, pg_trgm's GIN index (LIKE, rechecked by
PostgreSQL) for 3+ characters, for 1–2 the RUM index of each document's distinct characters, character pairs and
triples; one word, that RUM index read in seq order (the word itself up to 3 characters; else its triples, and the
text)."""
from __future__ import annotations

import re
from typing import NamedTuple

from pipeline.index.plan import (SCAN, TEXT_COLUMNS, WordIndex, digit_tokens, is_number_term, scan_match_sql,
                                 term_to_phrase, term_to_query)

TRIGRAM = 3  # trigram indexes find nothing shorter than this
CONTENT = "{d}.subject || '\n' || {d}.body || '\n' || {d}.attachments"  # one text: no word spans two columns


def content(alias: str = "d") -> str:
    """Given the alias of the documents table, return the SQL of its searched text (the three columns joined)."""
    return CONTENT.format(d=alias)


def like_pattern(term: str) -> str:
    """Given a word, return the LIKE pattern (escape character \\) matching any text that contains it."""
    return "%" + term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


LONG_RUN = re.compile(r"[0-9]{6,}")  # a run of 6+ digits (a 發文字號's serial) is in few documents: theirs are read


def is_long_number(term: str) -> bool:
    """Given a term, return whether it holds a run of 6+ digits: its digit 4-grams find a handful of documents,
    whose texts are read to check it, where the phrase of its character pairs (「00」, 「10」 …) would read long lists."""
    return bool(LONG_RUN.search(term))


def sqlite_query(terms: list[str]) -> str:
    """Given query terms, return the FTS5 query of the gram table true of the documents holding all of them (a term
    written like a 發文字號 also in the letter's own; a long number: of a few more, sqlite_matches checks them)."""
    return " AND ".join(f'(numbers : "{" ".join(digit_tokens(term))}")' if is_long_number(term) else
                        term_to_query(term, TEXT_COLUMNS + (("own",) if is_number_term(term) else ()))
                        for term in terms)


def sqlite_matches(terms: list[str]) -> tuple[str, list]:
    """Given query terms, return the SQLite condition on documents ``d`` true of exactly those holding them all."""
    checks = [scan_match_sql(term) for term in terms if is_long_number(term)]
    return (" AND ".join(["d.seq IN (SELECT rowid FROM document_grams WHERE document_grams MATCH ?)",
                          *(sql for sql, _ in checks)]),
            [sqlite_query(terms), *(p for _, params in checks for p in params)])


def sqlite_in_subject(term: str) -> tuple[str, list]:
    """Given a term, return the SQLite condition on documents ``d`` true of exactly those whose 主旨 holds it (a long
    number: read, among its few documents)."""
    if is_long_number(term):
        return SCAN.in_subject(term)
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
    """The documents of one score tier of a one-word search, as the engine reads them newest first: FROM what, WHERE
    which condition of its index (with its parameters), the column of their seq (plan.SEQ_SPAN: date order), the
    condition of a seq range, the key and ORDER BY that read them newest first from the index; the condition read
    from the texts themselves (for the newest few documents), how many of the newest documents to look in first,
    and the planner settings its reads need."""
    source: str  # FROM …, the documents as ``d`` (letters ``l`` are joined after)
    condition: str
    params: list
    seq: str
    seq_range: str  # … BETWEEN ? AND ?
    key: str  # the value it orders by ({high}: the highest seq searched)
    order: str  # ORDER BY …
    scan: tuple[str, list]
    probe: int = 0  # 0: none (see tiers.newest_rows)
    settings: tuple[str, ...] = ()


ROWID_RANGE = "g.rowid BETWEEN ? AND ?"  # FTS5 reads only that range


def sqlite_tiers(term: str) -> tuple[Tier, Tier]:
    """Given one word, return its SQLite tiers: the documents whose 主旨 holds it (the small subject_grams table),
    and all that hold it (FTS5 yields both in rowid order)."""
    return (Tier("subject_grams g JOIN documents d ON d.seq = g.rowid", "g.subject_grams MATCH ?",
                 [term_to_phrase(term)], "g.rowid", ROWID_RANGE, "g.rowid", "g.rowid DESC", SCAN.in_subject(term)),
            Tier("document_grams g JOIN documents d ON d.seq = g.rowid", "g.document_grams MATCH ?",
                 [term_to_query(term, TEXT_COLUMNS)], "g.rowid", ROWID_RANGE, "g.rowid", "g.rowid DESC",
                 scan_match_sql(term)))


GRAM = 3  # the longest grams of a document (migration 7): characters, pairs and triples


def term_grams(term: str) -> list[str]:
    """Given a word, return grams every text holding it has: itself when it is at most GRAM characters, else the
    triples that cover it — from every third character, and its last (so 「檢送本府」 is 「檢送本」 and 「送本府」)."""
    if len(term) <= GRAM:
        return [term]
    return [term[i:i + GRAM] for i in sorted({*range(0, len(term) - GRAM, GRAM), len(term) - GRAM})]


def postgres_gram_word(term: str, grams: str, text: str) -> tuple[str, list]:
    """Given a word, a grams column and the SQL of the text it was made from, return the condition true of exactly
    the documents whose text holds the word: their grams hold its grams (a RUM index), and a word longer than a
    gram is in the text itself (its triples could be apart)."""
    condition, params = f"{grams} @> CAST(? AS text[])", [term_grams(term)]
    if len(term) > GRAM:
        condition, params = f"{condition} AND ({text}) LIKE ? ESCAPE '\\'", params + [like_pattern(term)]
    return condition, params


NEWEST_FIRST = "d.seq <=| CAST({high} AS bigint)"  # RUM: the distance below the highest seq, read from the index;
# a float8 difference, so at seqs near 2 × 10^17 up to 32 neighbours of a day tie (tiers.exact_rows)
SEQ_FILTER = "d.seq + 0 BETWEEN ? AND ?"  # checked on the rows read (+ 0: no index key; the RUM index's seq keys,
# scanned alone for a narrow range, would be read whole and sorted) — NEWEST_FIRST already starts at the highest
ORDERED_SCAN = ("SET LOCAL enable_bitmapscan = off", "SET LOCAL enable_sort = off", "SET LOCAL jit = off")  # the
# planner guesses a word's documents (the statistics of an array's elements keep only the commonest): never read them
# all, then sort; and a plan costed 10^10 for what is disabled is not worth compiling (200 ms for a 4 ms search)
PROBE = 300  # the newest documents a PostgreSQL tier reads first: a common word's page is there


def postgres_tiers(term: str) -> tuple[Tier, Tier]:
    """Given one word, return its PostgreSQL tiers: the documents whose 主旨 holds it, and all that hold it. A RUM
    index of their grams yields them in seq order (migration 6) but reads the whole list of each gram first, which
    for a common word costs more than reading the texts of the newest PROBE documents: those are read first."""
    return (Tier("documents d", *postgres_gram_word(term, "d.subject_grams", "d.subject"), "d.seq", SEQ_FILTER,
                 NEWEST_FIRST, NEWEST_FIRST, SCAN.in_subject(term), PROBE, ORDERED_SCAN),
            Tier("documents d", *postgres_gram_word(term, "d.grams", content()), "d.seq", SEQ_FILTER, NEWEST_FIRST,
                 NEWEST_FIRST, scan_match_sql(term), PROBE, ORDERED_SCAN))


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
