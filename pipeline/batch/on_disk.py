"""A mapping kept on disk: texts to values, pickled in a private temp SQLite database (deleted when closed, or when
the process dies), so a batch holds what it knows of each input there and its memory does not grow with the inbox."""
from __future__ import annotations

import pickle
import sqlite3
from collections.abc import Iterator, MutableMapping

CACHE_KIB = 256  # each temp database's page cache (SQLite's default is 2,000 KiB)


def temp_database() -> sqlite3.Connection:
    """Return a connection to a new private temp SQLite database: on disk, unnamed (gone when closed or when the
    process dies), written without a journal or syncs, with a small page cache (a batch holds a dozen of them; the
    file system caches the rest), usable from the thread that reads and the one that writes."""
    conn = sqlite3.connect("", isolation_level=None, check_same_thread=False)
    conn.execute("PRAGMA journal_mode = OFF")
    conn.execute("PRAGMA synchronous = OFF")
    conn.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
    return conn


class DiskDict(MutableMapping):
    """Texts to values, on disk; iterated in the texts' order (SQLite compares them by their UTF-8 bytes: code point
    order, as Python sorts); each read gives a fresh copy of the value set."""

    def __init__(self):
        self.conn = temp_database()
        self.conn.execute("CREATE TABLE kv (k TEXT PRIMARY KEY, v BLOB) WITHOUT ROWID")

    def __setitem__(self, key: str, value) -> None:
        self.conn.execute("INSERT OR REPLACE INTO kv VALUES (?, ?)", (key, pickle.dumps(value, pickle.HIGHEST_PROTOCOL)))

    def __getitem__(self, key: str):
        row = self.conn.execute("SELECT v FROM kv WHERE k = ?", (key,)).fetchone()
        if row is None:
            raise KeyError(key)
        return pickle.loads(row[0])

    def __delitem__(self, key: str) -> None:
        if self.conn.execute("DELETE FROM kv WHERE k = ?", (key,)).rowcount == 0:
            raise KeyError(key)

    def __contains__(self, key) -> bool:
        return isinstance(key, str) and self.conn.execute("SELECT 1 FROM kv WHERE k = ?", (key,)).fetchone() is not None

    def __iter__(self) -> Iterator[str]:
        return (k for (k,) in self.conn.execute("SELECT k FROM kv ORDER BY k"))

    def values(self) -> Iterator:
        """Yield the values in their keys' order, read one at a time."""
        return (pickle.loads(v) for (v,) in self.conn.execute("SELECT v FROM kv ORDER BY k"))

    def items(self) -> Iterator[tuple[str, object]]:
        """Yield (key, value) in the keys' order, read one at a time."""
        return ((k, pickle.loads(v)) for k, v in self.conn.execute("SELECT k, v FROM kv ORDER BY k"))

    def __len__(self) -> int:
        return self.conn.execute("SELECT count(*) FROM kv").fetchone()[0]

    def close(self) -> None:
        """Close the database: its values are gone."""
        self.conn.close()
