"""`gongwen index check`: is the index whole? SQLite's integrity check and the FTS5 gram index's own check, or
PostgreSQL's search indexes valid; every stored record readable."""
from __future__ import annotations

import sqlite3
from pathlib import Path

from pipeline.i18n import N_
from pipeline.index.engine import is_postgres, open_index
from pipeline.index.schema import check_index, connect
from pipeline.index.write import blob_to_record


def record_problems(conn) -> tuple[int, list[str]]:
    """Given an index connection, return (its number of documents, one problem for each unreadable record and one
    when the running total of documents is not their number)."""
    count, problems = 0, []
    for doc_id, stored in conn.execute("SELECT id, stored FROM documents"):
        count += 1
        try:
            blob_to_record(stored)
        except sqlite3.DatabaseError:
            problems.append(N_(f"document {doc_id}: its record is not readable JSON"))
    total = conn.execute("SELECT value FROM totals WHERE name = 'documents'").fetchone()
    if total is None or total[0] != count:
        problems.append(N_(f"the running total of documents is {total[0] if total else 'missing'}, the index holds {count}"))
    return count, problems


def postgres_problems(url: str) -> tuple[int, list[str]]:
    """Given a PostgreSQL index URL, return (its number of documents, the problems found: an invalid index (a
    failed build), an unreadable record)."""
    conn = open_index(url)
    try:
        broken = [name for (name,) in conn.execute(
            "SELECT c.relname FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid "
            "WHERE i.indrelid = ANY (CAST(? AS regclass[])) AND NOT (i.indisvalid AND i.indisready) ORDER BY 1",
            ("{documents,letters,citations,term_df}",))]
        count, problems = record_problems(conn)
    finally:
        conn.close()
    return count, [f"PostgreSQL index {name} is not valid: REINDEX INDEX {name}" for name in broken] + problems


def index_problems(path: str | Path) -> tuple[int, list[str]]:
    """Given an index path or URL, return (its number of documents, the problems found: empty when whole); raise
    InputError when it is not a gongwen index at all."""
    if is_postgres(path):
        return postgres_problems(str(path))
    check_index(path, thorough=False, empty_ok=False)
    conn = connect(path)
    problems: list[str] = []
    try:
        verdicts = [row[0] for row in conn.execute("PRAGMA integrity_check(20)")]
        if verdicts != ["ok"]:
            problems += [N_(f"SQLite integrity_check: {v}") for v in verdicts]
        for table in ("document_grams", "subject_grams"):
            try:
                conn.execute(f"INSERT INTO {table} ({table}) VALUES ('integrity-check')")
            except sqlite3.DatabaseError as exc:
                problems.append(N_(f"full-text index does not match the documents: {exc}"))
            except MemoryError:  # FTS5 reports sizes read from damaged pages as more memory than there is
                problems.append(N_("full-text index is damaged: SQLite ran out of memory reading it"))
        count, unreadable = record_problems(conn)
        problems += unreadable
    except sqlite3.DatabaseError as exc:
        problems.append(N_(f"SQLite: {exc}"))
        count = 0
    finally:
        conn.close()
    return count, problems
