"""`gongwen index optimize`: each full-text table of an SQLite index merged into one segment. Every batch leaves
FTS5 a few more segments (it merges them level by level, schema.MERGE_POLICY's automerge at a time), and a word is
looked up once a segment: after a backlog is loaded, one merge makes every lookup read one list. An index made
before the policy was set gets it here."""
from __future__ import annotations

import sqlite3
from pathlib import Path

from pipeline.errors import InputError
from pipeline.index.schema import GRAM_TABLES, MERGE_POLICY_SQL, open_index


def segment_count(conn: sqlite3.Connection) -> int:
    """Given an index connection, return how many segments its full-text tables have together."""
    return sum(conn.execute(f"SELECT count(DISTINCT segid) FROM {table}_idx").fetchone()[0] for table in GRAM_TABLES)


def optimize_index(path: str | Path) -> tuple[int, int]:
    """Given an SQLite index path, merge each full-text table into one segment and set its merge policy, in one
    transaction; return the segments (before, after); raise InputError when it is not a gongwen index or cannot be
    written."""
    conn = open_index(path)
    try:
        before = segment_count(conn)
        with conn:
            for table in GRAM_TABLES:
                conn.execute(f"INSERT INTO {table} ({table}) VALUES ('optimize')")
            for statement in MERGE_POLICY_SQL:
                conn.execute(statement)
        return before, segment_count(conn)
    except sqlite3.DatabaseError as exc:
        raise InputError(str(path), f"cannot optimize the index (SQLite: {exc})") from None
    finally:
        conn.close()
