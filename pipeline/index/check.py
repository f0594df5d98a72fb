"""`gongwen index check`: is the index whole? SQLite's integrity check, the FTS5 index against its content, every
stored record readable."""
from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from pipeline.index.schema import check_index, connect


def index_problems(path: str | Path) -> tuple[int, list[str]]:
    """Given an index path, return (its number of documents, the problems found: empty when whole); raise
    InputError when it is not a gongwen index at all."""
    check_index(path, thorough=False, empty_ok=False)
    conn = connect(path)
    problems: list[str] = []
    try:
        verdicts = [row[0] for row in conn.execute("PRAGMA integrity_check(20)")]
        if verdicts != ["ok"]:
            problems += [f"SQLite integrity_check: {v}" for v in verdicts]
        try:
            conn.execute("INSERT INTO documents_fts(documents_fts) VALUES ('integrity-check')")
        except sqlite3.DatabaseError as exc:
            problems.append(f"full-text index does not match the documents: {exc}")
        count = 0
        for doc_id, record_json in conn.execute("SELECT id, record_json FROM documents"):
            count += 1
            try:
                json.loads(record_json)
            except (TypeError, ValueError):
                problems.append(f"document {doc_id}: its record is not readable JSON")
    except sqlite3.DatabaseError as exc:
        problems.append(f"SQLite: {exc}")
        count = 0
    finally:
        conn.close()
    return count, problems
