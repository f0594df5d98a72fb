"""Write documents into the index: rows from record dicts, their grams, a diff against what is there, the
document frequencies kept as documents come and go, and the keywords of the documents added."""
from __future__ import annotations

import hashlib
import heapq
import json
import math
import pickle
import sqlite3
import tempfile
import zlib
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property, partial
from itertools import islice
from typing import IO

from pipeline.index.engine import engine_of
from pipeline.index.plan import GRAM_COLUMNS, SEQ_SPAN, day_key, document_tokens
from pipeline.index.text import record_to_texts
from pipeline.records import LETTER_SCHEMAS_READ

KEYWORDS_PER_DOCUMENT = 10
ROUNDING_MARGIN = 1e-6  # a weight this far below a rounded one may round up to it (rounding is to 6 places)
LOOKUP_CHUNK = 500  # terms looked up in one statement (under SQLite's bound-parameter limit)
KEYWORD_CHUNK = 500  # documents whose keywords are written together (their terms read back from a spill file)


@dataclass
class Prepared:
    """What inserting an entry stores that is a function of the entry alone, computed ahead (a batch's workers do it,
    so its one writer only writes): its digest, full-text columns, gram tokens and SQLite blob."""
    digest: str
    texts: dict[str, str]
    tokens: dict[str, str]
    blob: bytes  # document_to_blob for SQLite (PostgreSQL's is made as it is written)


@dataclass
class IndexEntry:
    """One document to index: its stable key, record, where its JSON lives, its jieba term counts, and what
    inserting it stores, when computed ahead."""
    key: str  # letter: issuer + 發文字號; a document without them: its source
    record: dict
    record_path: str | None = None
    terms: Counter = field(default_factory=Counter)
    prepared: Prepared | None = None

    @cached_property
    def record_json(self) -> str:
        """The record as the index stores it (record_to_json), encoded once for its digest and its blob."""
        return record_to_json(self.record)


def key_to_id(key: str) -> int:
    """Given a document key, return its stable positive 63-bit row id."""
    return int.from_bytes(hashlib.sha256(key.encode("utf-8")).digest()[:8], "big") >> 1


def record_to_json(record: dict) -> str:
    """Given a record dict, return the JSON the index stores: its fields in the record's own order, as parse prints."""
    return json.dumps(record, ensure_ascii=False)


def document_to_blob(record_json: str, terms: list[str], engine: str = "sqlite") -> bytes | str:
    """Given a record as record_to_json wrote it, its distinct terms and the engine, return what the index stores of
    them: {"record", "terms"} as JSON (json.dumps of the pair, joined from its parts), zlib-compressed in SQLite
    (PostgreSQL compresses large values itself)."""
    text = f'{{"record": {record_json}, "terms": {json.dumps(terms, ensure_ascii=False)}}}'
    return text if engine == "postgresql" else zlib.compress(text.encode("utf-8"))


def blob_to_document(blob: bytes) -> dict:
    """Given what the index stores of a document, return {"record", "terms"}; raise sqlite3.DatabaseError when it
    is damaged (as SQLite does for a damaged page, so every command reports a damaged index the same way)."""
    try:
        return json.loads(blob if isinstance(blob, str) else zlib.decompress(blob).decode("utf-8"))
    except (TypeError, ValueError, zlib.error) as exc:
        raise sqlite3.DatabaseError(f"a stored record is damaged ({exc})") from None


def blob_to_record(blob: bytes) -> dict:
    """Given what the index stores of a document, return its record dict."""
    return blob_to_document(blob)["record"]


def entry_to_digest(entry: IndexEntry) -> str:
    """Given an entry, return the sha256 of everything it writes (unchanged entries are not rewritten)."""
    payload = json.dumps([entry.key, entry.record_json, entry.record_path, sorted(entry.terms.items())],
                         ensure_ascii=False)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def record_to_kind(record: dict) -> str:
    """Given a record dict, return its documents.kind: letter, plan or division."""
    schema = record.get("schema")
    return "letter" if schema in LETTER_SCHEMAS_READ else schema.split("/")[-1].split("@")[0]


def entry_to_prepared(entry: IndexEntry, digest: str | None = None) -> Prepared:
    """Given an entry (and its digest, when known), return what inserting it stores that depends on it alone."""
    record = entry.record
    texts = record_to_texts(record)
    dispatch_no = (record.get("dispatch_no") or {}).get("text") if record_to_kind(record) == "letter" else None
    return Prepared(digest or entry_to_digest(entry), texts, document_tokens(texts, dispatch_no),
                    document_to_blob(entry.record_json, sorted(entry.terms)))


def _date(value: dict | None, key: str) -> str | None:
    """Given a RocDate dict or None, return its ``key`` (iso / roc) or None."""
    return value.get(key) if value else None


def insert_letter_rows(conn: sqlite3.Connection, doc_id: int, letter: dict) -> None:
    """Given a document id and a letter record dict, insert its header, attachment, recipient and citation rows."""
    dispatch = letter.get("dispatch_no") or {}
    conn.execute(
        "INSERT INTO letters VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        (doc_id, letter.get("issuer"), _date(letter.get("date"), "iso"), _date(letter.get("date"), "roc"),
         dispatch.get("text"), dispatch.get("word"), dispatch.get("number"), letter.get("subject"),
         letter.get("doc_type"), letter.get("speed"), (letter.get("secrecy") or {}).get("level"),
         letter.get("file_no"), letter.get("retention"),
         None if letter.get("complete") is None else int(letter["complete"]), len(letter.get("attachments") or [])))
    conn.executemany(
        "INSERT INTO attachments VALUES (?,?,?,?,?)",
        [(doc_id, i, a.get("title"), a.get("file"), a.get("kind")) for i, a in enumerate(letter.get("attachments") or [])])
    recipients = [("recipient", 0, letter["recipient"], False)] if letter.get("recipient") else []
    for role, key in (("main", "cc_main"), ("copy", "cc_copy")):
        recipients += [(role, i, a["name"], a.get("with_attachments", False)) for i, a in enumerate(letter.get(key) or [])]
    conn.executemany("INSERT INTO recipients VALUES (?,?,?,?,?)", [(doc_id, *r) for r in recipients])
    conn.executemany(
        "INSERT INTO citations VALUES (?,?,?,?,?,?,?,?,?)",
        [(doc_id, i, r.get("text") or "", r.get("kind"), r.get("issuer"), _date(r.get("date"), "iso"),
          (r.get("dispatch_no") or {}).get("text"), (r.get("dispatch_no") or {}).get("word"),
          (r.get("dispatch_no") or {}).get("number"))
         for i, r in enumerate(letter.get("references") or [])])


def next_seq(conn: sqlite3.Connection, date_iso: str | None) -> int:
    """Given a document's ISO date (or None), return the seq it is to have: the next free one of its day."""
    low = day_key(date_iso) * SEQ_SPAN
    last = conn.execute("SELECT max(seq) FROM documents WHERE seq >= ? AND seq < ?", (low, low + SEQ_SPAN)).fetchone()[0]
    return (last if last is not None else low) + 1


def largest_place(conn: sqlite3.Connection) -> int:
    """Return the largest n (seq = day × SEQ_SPAN + n) any document of any day has: a batch places its documents
    after it."""
    return conn.execute(f"SELECT coalesce(max(seq % {SEQ_SPAN}), 0) FROM documents").fetchone()[0]


def placed_seq(record: dict, base: int, place: int) -> int:
    """Given a record, the largest place of any day before a batch (largest_place) and the document's place in the
    batch's inbox (from 0), return its seq: in its day, after every document indexed before, in inbox order (the
    same whichever order the batch writes its documents in)."""
    date_iso = _date(record.get("date"), "iso") if record_to_kind(record) == "letter" else None
    return day_key(date_iso) * SEQ_SPAN + base + place + 1


def insert_grams(conn: sqlite3.Connection, seq: int, tokens: dict[str, str], delete: bool = False) -> None:
    """Given a document's seq and its gram tokens by column, add them to the gram tables (or, ``delete``, take the
    same tokens out of them: a contentless FTS5 table is told what to remove)."""
    for table, columns in (("document_grams", GRAM_COLUMNS), ("subject_grams", ("subject",))):
        command, marks = (f"{table}, ", "'delete', ") if delete else ("", "")
        conn.execute(f"INSERT INTO {table} ({command}rowid, {', '.join(columns)}) VALUES ({marks}?{', ?' * len(columns)})",
                     (seq, *(tokens[column] for column in columns)))


def insert_entry(conn: sqlite3.Connection, entry: IndexEntry, digest: str, scope: str, seq: int | None = None) -> None:
    """Given an entry, its digest and scope (and its seq; by default the next free one of its day), insert its
    document, grams, letter rows and its terms' document frequencies (from its parts computed ahead, when it has
    them)."""
    doc_id = key_to_id(entry.key)
    record = entry.record
    kind = record_to_kind(record)
    prepared = entry.prepared or entry_to_prepared(entry, digest)
    texts = prepared.texts
    engine = engine_of(conn)
    if seq is None:
        seq = next_seq(conn, _date(record.get("date"), "iso") if kind == "letter" else None)
    blob = prepared.blob if engine == "sqlite" else document_to_blob(entry.record_json, sorted(entry.terms), engine)
    conn.execute(
        "INSERT INTO documents (seq, id, kind, digest, scope, source_path, record_path, subject, body, attachments,"
        " stored) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
        (seq, doc_id, kind, digest, scope, (record.get("source") or {}).get("path"), entry.record_path,
         texts["subject"], texts["body"], texts["attachments"], blob))
    if engine == "sqlite":  # PostgreSQL keeps its grams in a generated column
        insert_grams(conn, seq, prepared.tokens)
    if kind == "letter":
        insert_letter_rows(conn, doc_id, record)
    conn.executemany("INSERT INTO term_df (term, df) VALUES (?, 1) ON CONFLICT (term) DO UPDATE"
                     " SET df = term_df.df + 1",
                     [(term,) for term in sorted(entry.terms)])
    conn.execute("UPDATE totals SET value = value + 1 WHERE name = 'documents'")


def delete_document(conn: sqlite3.Connection, doc_id: int) -> None:
    """Given a document id, delete it and every row that hangs from it (its grams and document frequencies too)."""
    seq, subject, body, attachments, stored = conn.execute(
        "SELECT seq, subject, body, attachments, stored FROM documents WHERE id = ?", (doc_id,)).fetchone()
    terms = blob_to_document(stored)["terms"]
    if engine_of(conn) == "sqlite":
        dispatch_no = conn.execute("SELECT dispatch_no FROM letters WHERE id = ?", (doc_id,)).fetchone()
        tokens = document_tokens({"subject": subject, "body": body, "attachments": attachments},
                                 dispatch_no[0] if dispatch_no else None)
        insert_grams(conn, seq, tokens, delete=True)
    conn.executemany("UPDATE term_df SET df = df - 1 WHERE term = ?", [(t,) for t in terms])
    conn.executemany("DELETE FROM term_df WHERE term = ? AND df <= 0", [(t,) for t in terms])
    for table in ("keywords", "citations", "recipients", "attachments"):
        conn.execute(f"DELETE FROM {table} WHERE document_id = ?", (doc_id,))
    conn.execute("DELETE FROM letters WHERE id = ?", (doc_id,))
    conn.execute("DELETE FROM documents WHERE id = ?", (doc_id,))
    conn.execute("UPDATE totals SET value = value - 1 WHERE name = 'documents'")


def frequencies_to_idf(df: dict[str, int], documents: int) -> dict[str, float]:
    """Given document frequencies by term and the number of documents, return each term's IDF:
    ln((1 + N) / (1 + df)) + 1."""
    return {term: math.log((1 + documents) / (1 + n)) + 1 for term, n in df.items()}


def terms_to_keywords(terms: Counter, idf: dict[str, float],
                      per_document: int = KEYWORDS_PER_DOCUMENT) -> list[tuple[str, float]]:
    """Given a document's term counts and the IDF of its terms, return its top (term, TF-IDF weight) pairs:
    tf / Σtf × idf, rounded to 6 places, heaviest first, ties by term."""
    total = sum(terms.values())
    weights = {term: tf / total * idf[term] for term, tf in terms.items()}
    if len(weights) > per_document:  # only terms that can round to the per_document-th weight or above are ranked
        floor = round(sorted(weights.values(), reverse=True)[per_document - 1], 6) - ROUNDING_MARGIN
        weights = {term: weight for term, weight in weights.items() if weight >= floor}
    return heapq.nsmallest(per_document, ((term, round(weight, 6)) for term, weight in weights.items()),
                           key=lambda tw: (-tw[1], tw[0]))


def document_frequencies(conn: sqlite3.Connection, terms: set[str]) -> dict[str, int]:
    """Given terms, return their document frequencies in the index."""
    ordered, out = sorted(terms), {}
    for start in range(0, len(ordered), LOOKUP_CHUNK):
        chunk = ordered[start:start + LOOKUP_CHUNK]
        out.update(conn.execute(f"SELECT term, df FROM term_df WHERE term IN ({','.join('?' * len(chunk))})", chunk))
    return out


def add_keywords(conn: sqlite3.Connection, entries: list[IndexEntry]) -> None:
    """Given entries just inserted, write their keywords, IDF from the index as it is now (their own terms
    counted)."""
    if not entries:
        return
    documents = conn.execute("SELECT value FROM totals WHERE name = 'documents'").fetchone()[0]
    idf = frequencies_to_idf(document_frequencies(conn, set().union(*(e.terms for e in entries))), documents)
    conn.executemany("INSERT INTO keywords (document_id, rank, term, weight) VALUES (?,?,?,?)",
                     [(doc_id, rank, term, weight) for doc_id, e in ((key_to_id(e.key), e) for e in entries)
                      for rank, (term, weight) in enumerate(terms_to_keywords(e.terms, idf), 1)])


def spilled_entries(spill: IO[bytes]) -> Iterator[list[IndexEntry]]:
    """Given a spill file of pickled (key, term counts) pairs, yield them from its start as entries (their terms
    only), KEYWORD_CHUNK at a time."""
    spill.seek(0)
    pairs = iter(partial(pickle.load, spill), None)
    while chunk := list(islice(pairs, KEYWORD_CHUNK)):
        yield [IndexEntry(key, {}, None, terms) for key, terms in chunk]


def sync_index(conn: sqlite3.Connection, entries: Iterable[IndexEntry], scope: str) -> dict[str, int]:
    """Given every document one inbox (scope) should have in the index, make it so: add, replace, remove, then the
    keywords of the documents added or replaced (IDF as the index stands after them); return counts.

    The entries are read once, one at a time (a batch makes each as it goes), in one transaction; the terms of
    those inserted wait for their keywords in a spill file, and the documents read so far are noted in a temp table
    (each looked up in the index as it comes), not in memory: a batch's memory does not grow with its letters."""
    counts = {"added": 0, "replaced": 0, "removed": 0, "unchanged": 0}
    with conn, tempfile.TemporaryFile() as spill:
        conn.execute("CREATE TEMP TABLE IF NOT EXISTS seen_documents (id BIGINT PRIMARY KEY)")
        conn.execute("DELETE FROM seen_documents")
        for entry in entries:
            doc_id, digest = key_to_id(entry.key), entry.prepared.digest if entry.prepared else entry_to_digest(entry)
            if conn.execute("INSERT INTO seen_documents VALUES (?) ON CONFLICT (id) DO NOTHING", (doc_id,)).rowcount == 0:
                continue  # read before
            present = conn.execute("SELECT digest FROM documents WHERE id = ? AND scope = ?", (doc_id, scope)).fetchone()
            if present and present[0] == digest:
                counts["unchanged"] += 1
                continue
            if present:
                delete_document(conn, doc_id)
                counts["replaced"] += 1
            else:
                counts["added"] += 1
            insert_entry(conn, entry, digest, scope)
            pickle.dump((entry.key, entry.terms), spill)
        for (doc_id,) in conn.execute("SELECT id FROM documents WHERE scope = ? AND id NOT IN "
                                      "(SELECT id FROM seen_documents) ORDER BY id", (scope,)).fetchall():
            delete_document(conn, doc_id)
            counts["removed"] += 1
        conn.execute("DROP TABLE seen_documents")
        pickle.dump(None, spill)  # the end of the spilled entries
        for chunk in spilled_entries(spill):
            add_keywords(conn, chunk)
    return counts
