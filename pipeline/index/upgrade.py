"""`gongwen index upgrade`: turn an index of an earlier schema version into this one, in place, in one transaction
(a failure leaves the old index as it was)."""
from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from pipeline.errors import InputError
from pipeline.index.plan import SEQ_SPAN, day_key, document_tokens
from pipeline.index.schema import SCHEMA, SCHEMA_VERSION, SQLITE_HEADER, UPGRADABLE, connect, file_header, index_state
from pipeline.index.write import document_to_blob, insert_grams, record_to_json


def create_tables(conn: sqlite3.Connection) -> None:
    """Given a connection inside a transaction, create the tables of this schema that are missing, one statement at a
    time (executescript would commit)."""
    statement = ""
    for line in SCHEMA.splitlines(keepends=True):
        statement += line
        if sqlite3.complete_statement(statement):
            conn.execute(statement)
            statement = ""


def fill_grams(conn: sqlite3.Connection) -> None:
    """Given a connection inside a transaction, write every document's gram tokens into the gram table."""
    rows = conn.execute("SELECT d.seq, d.kind, d.subject, d.body, d.attachments, l.dispatch_no FROM documents d"
                        " LEFT JOIN letters l ON l.id = d.id ORDER BY d.seq")
    for seq, kind, subject, body, attachments, dispatch_no in rows.fetchall():
        texts = {"subject": subject, "body": body, "attachments": attachments}
        insert_grams(conn, seq, document_tokens(texts, dispatch_no if kind == "letter" else None))


def upgrade_2_to_3(conn: sqlite3.Connection) -> None:
    """Given a version-2 index inside a transaction, make it version 3: the documents gain a dense seq, their
    distinct terms and their record compressed; the trigram table gives way to the gram table; the per-document
    term counts give way to the document frequencies (the keywords, computed over the whole corpus, stay); the
    grams are written by the next step."""
    conn.execute("DROP TRIGGER IF EXISTS documents_ai")
    conn.execute("DROP TRIGGER IF EXISTS documents_ad")
    conn.execute("DROP TABLE IF EXISTS documents_fts")
    conn.execute("PRAGMA legacy_alter_table = ON")  # the other tables keep referring to `documents`
    conn.execute("ALTER TABLE documents RENAME TO documents_v2")
    conn.execute("PRAGMA legacy_alter_table = OFF")
    create_tables(conn)
    rows = conn.execute(
        "SELECT d.id, d.kind, d.digest, d.scope, d.source_path, d.record_path, d.subject, d.body,"
        " d.attachments, d.record_json, (SELECT group_concat(term, ' ') FROM (SELECT term FROM"
        " document_terms t WHERE t.document_id = d.id ORDER BY term)) FROM documents_v2 d ORDER BY d.id")
    for (doc_id, kind, digest, scope, source, record_path, subject, body, attachments, record_json,
         terms) in rows.fetchall():
        conn.execute(
            "INSERT INTO documents (id, kind, digest, scope, source_path, record_path, subject, body, attachments,"
            " stored) VALUES (?,?,?,?,?,?,?,?,?,?)",
            (doc_id, kind, digest, scope, source, record_path, subject, body, attachments,
             document_to_blob(record_to_json(json.loads(record_json)), (terms or "").split())))
    conn.execute("INSERT INTO term_df (term, df) SELECT term, count(*) FROM document_terms GROUP BY term")
    conn.execute("DROP TABLE documents_v2")
    conn.execute("DROP TABLE document_terms")


def upgrade_3_to_4(conn: sqlite3.Connection) -> None:
    """Given a version-3 index inside a transaction, make it version 4: letters count their attachments; documents
    are indexed by scope (the tables' creation adds it); the gram table, of pairs with their positions since 4, is
    written by the next step."""
    conn.execute("ALTER TABLE letters ADD COLUMN attachment_count INTEGER NOT NULL DEFAULT 0")
    conn.execute("UPDATE letters SET attachment_count = (SELECT count(*) FROM attachments a WHERE a.document_id = letters.id)")


def upgrade_4_to_5(conn: sqlite3.Connection) -> None:
    """Given a version-4 index inside a transaction, make it version 5: each document's seq in date order (day
    × SEQ_SPAN + its place in the day, by old seq), the 主旨 pairs in subject_grams too (the gram tables are
    written again under the new seqs), the documents counted once in totals."""
    rows = conn.execute("SELECT d.seq, l.date_iso FROM documents d LEFT JOIN letters l ON l.id = d.id"
                        " AND d.kind = 'letter' ORDER BY d.seq").fetchall()
    conn.execute("UPDATE documents SET seq = -seq")  # out of the way of the new numbers
    next_in_day: dict[int, int] = {}
    for seq, date_iso in rows:
        day = day_key(date_iso)
        next_in_day[day] = next_in_day.get(day, 0) + 1
        conn.execute("UPDATE documents SET seq = ? WHERE seq = ?", (day * SEQ_SPAN + next_in_day[day], -seq))
    conn.execute("DROP TABLE IF EXISTS document_grams")
    conn.execute("DROP TABLE IF EXISTS subject_grams")
    create_tables(conn)
    fill_grams(conn)
    conn.execute("UPDATE totals SET value = (SELECT count(*) FROM documents) WHERE name = 'documents'")


UPGRADES = {2: upgrade_2_to_3, 3: upgrade_3_to_4, 4: upgrade_4_to_5}  # from version → the function that makes it the next


def upgrade_index(path: str | Path) -> int:
    """Given an index path, upgrade it in place to this schema version; return the version it had (this version:
    nothing done); raise InputError when it is not a gongwen index or its version cannot be upgraded."""
    p = Path(path)
    if not p.is_file():
        raise InputError(str(path), "no index here: give --index PATH")
    if file_header(p) != SQLITE_HEADER:
        raise InputError(str(path), "not a gongwen index: not an SQLite database")
    tables, version, _ = index_state(p, thorough=False)
    if "documents" not in tables:
        raise InputError(str(path), "not a gongwen index: an SQLite database without a documents table")
    if version == SCHEMA_VERSION:
        return version
    if version not in UPGRADABLE:
        raise InputError(str(path), f"index schema version {version} cannot be upgraded to {SCHEMA_VERSION}: "
                                    "re-run the batch into a new index")
    conn = connect(p)
    conn.isolation_level = None  # transactions by hand: foreign keys must be off around the table swap
    try:
        conn.execute("PRAGMA foreign_keys = OFF")
        conn.execute("BEGIN IMMEDIATE")
        try:
            step = version
            while step != SCHEMA_VERSION:
                UPGRADES[step](conn)
                step += 1
            conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("VACUUM")  # give the space of the dropped tables back
    except sqlite3.DatabaseError as exc:
        raise InputError(str(path), f"cannot upgrade the index (SQLite: {exc})") from None
    finally:
        conn.close()
    return version
