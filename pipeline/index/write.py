"""Write documents into the index: rows from record dicts, a diff against what is there, corpus keywords."""
from __future__ import annotations

import hashlib
import json
import sqlite3
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from pipeline.index.text import record_to_texts
from pipeline.records import LETTER_SCHEMA

KEYWORDS_PER_DOCUMENT = 10


@dataclass
class IndexEntry:
    """One document to index: its stable key, record, where its JSON lives, and its jieba term counts."""
    key: str  # letter: issuer + 發文字號; a document without them: its source
    record: dict
    record_path: str | None = None
    terms: Counter = field(default_factory=Counter)


def key_to_id(key: str) -> int:
    """Given a document key, return its stable positive 63-bit row id."""
    return int.from_bytes(hashlib.sha256(key.encode("utf-8")).digest()[:8], "big") >> 1


def record_to_json(record: dict) -> str:
    """Given a record dict, return the JSON the index stores: its fields in the record's own order, as parse prints."""
    return json.dumps(record, ensure_ascii=False)


def entry_to_digest(entry: IndexEntry) -> str:
    """Given an entry, return the sha256 of everything it writes (unchanged entries are not rewritten)."""
    payload = json.dumps([entry.key, record_to_json(entry.record), entry.record_path, sorted(entry.terms.items())],
                         ensure_ascii=False)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def _date(value: dict | None, key: str) -> str | None:
    """Given a RocDate dict or None, return its ``key`` (iso / roc) or None."""
    return value.get(key) if value else None


def insert_letter_rows(conn: sqlite3.Connection, doc_id: int, letter: dict) -> None:
    """Given a document id and a letter record dict, insert its header, attachment, recipient and citation rows."""
    dispatch = letter.get("dispatch_no") or {}
    conn.execute(
        "INSERT INTO letters VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        (doc_id, letter.get("issuer"), _date(letter.get("date"), "iso"), _date(letter.get("date"), "roc"),
         dispatch.get("text"), dispatch.get("word"), dispatch.get("number"), letter.get("subject"),
         letter.get("doc_type"), letter.get("speed"), (letter.get("secrecy") or {}).get("level"),
         letter.get("file_no"), letter.get("retention"),
         None if letter.get("complete") is None else int(letter["complete"])))
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


def insert_entry(conn: sqlite3.Connection, entry: IndexEntry, digest: str, scope: str) -> None:
    """Given an entry, its digest and scope, insert its document, full text, letter rows and term counts."""
    doc_id = key_to_id(entry.key)
    record = entry.record
    schema = record.get("schema")
    kind = "letter" if schema == LETTER_SCHEMA else schema.split("/")[-1].split("@")[0]
    texts = record_to_texts(record)
    conn.execute(
        "INSERT INTO documents (id, kind, digest, scope, title, source_path, record_path, record_json, subject, body,"
        " attachments) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
        (doc_id, kind, digest, scope, record.get("subject") if kind == "letter" else record.get("title"),
         (record.get("source") or {}).get("path"), entry.record_path,
         record_to_json(record), texts["subject"], texts["body"], texts["attachments"]))
    if kind == "letter":
        insert_letter_rows(conn, doc_id, record)
    conn.executemany("INSERT INTO document_terms VALUES (?,?,?)",
                     [(doc_id, term, tf) for term, tf in sorted(entry.terms.items())])


def delete_document(conn: sqlite3.Connection, doc_id: int) -> None:
    """Given a document id, delete it and every row that hangs from it (its full text too)."""
    for table in ("keywords", "document_terms", "citations", "recipients", "attachments"):
        conn.execute(f"DELETE FROM {table} WHERE document_id = ?", (doc_id,))
    conn.execute("DELETE FROM letters WHERE id = ?", (doc_id,))
    conn.execute("DELETE FROM documents WHERE id = ?", (doc_id,))


def refresh_keywords(conn: sqlite3.Connection, per_document: int = KEYWORDS_PER_DOCUMENT) -> None:
    """Recompute every document's top TF-IDF keywords with IDF from the indexed corpus itself."""
    conn.execute("DELETE FROM keywords")
    conn.execute(
        """
        WITH n AS (SELECT count(*) AS docs FROM documents),
             df AS (SELECT term, count(*) AS df FROM document_terms GROUP BY term),
             total AS (SELECT document_id, sum(tf) AS tf_sum FROM document_terms GROUP BY document_id),
             scored AS (
                SELECT t.document_id, t.term,
                       round(t.tf * 1.0 / total.tf_sum * (ln((1.0 + n.docs) / (1.0 + df.df)) + 1.0), 6) AS weight
                FROM document_terms t JOIN df USING (term) JOIN total USING (document_id), n),
             ranked AS (
                SELECT document_id, term, weight,
                       row_number() OVER (PARTITION BY document_id ORDER BY weight DESC, term) AS rank
                FROM scored)
        INSERT INTO keywords (document_id, rank, term, weight)
        SELECT document_id, rank, term, weight FROM ranked WHERE rank <= ?
        """, (per_document,))


def sync_index(conn: sqlite3.Connection, entries: Iterable[IndexEntry], scope: str) -> dict[str, int]:
    """Given every document one inbox (scope) should have in the index, make it so: add, replace, remove; return counts.

    The entries are read once, one at a time (a batch makes each as it goes), in one transaction."""
    present = dict(conn.execute("SELECT id, digest FROM documents WHERE scope = ?", (scope,)))
    seen: set[int] = set()
    counts = {"added": 0, "replaced": 0, "removed": 0, "unchanged": 0}
    with conn:
        for entry in entries:
            doc_id, digest = key_to_id(entry.key), entry_to_digest(entry)
            if doc_id in seen:
                continue
            seen.add(doc_id)
            if present.get(doc_id) == digest:
                counts["unchanged"] += 1
                continue
            if doc_id in present:
                delete_document(conn, doc_id)
                counts["replaced"] += 1
            else:
                counts["added"] += 1
            insert_entry(conn, entry, digest, scope)
        for doc_id in sorted(set(present) - seen):
            delete_document(conn, doc_id)
            counts["removed"] += 1
        if counts["added"] or counts["replaced"] or counts["removed"]:
            refresh_keywords(conn)
    return counts
