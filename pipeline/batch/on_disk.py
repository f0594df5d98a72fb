"""A mapping that moves to disk as it grows: texts to values, pickled, in memory while it is small, then in a private
temp SQLite database (deleted when closed, or when the process dies), so a batch holds what it knows of each input
there and its memory does not grow with the inbox, while a small batch does not pay a query for each read."""
from __future__ import annotations

import pickle
import sqlite3
from collections.abc import Iterator, MutableMapping

CACHE_KIB = 256  # each temp database's page cache (SQLite's default is 2,000 KiB)
MEMORY_KEYS = 4096  # keys a DiskDict holds in memory; with one more, all of them move to its temp database


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
    """Texts to values: up to MEMORY_KEYS keys in memory, beyond that on disk; iterated in the texts' order (code point
    order: as Python sorts them, and as SQLite compares their UTF-8 bytes); each read gives a fresh copy of the value
    set. Each method reads ``memory`` once: a reader in another thread sees the keys whole before or after they move."""

    def __init__(self):
        self.memory: dict[str, bytes] | None = {}  # key → pickled value; None once the keys moved to disk
        self.conn: sqlite3.Connection | None = None
        self.places: dict[str, int] | None = None  # in memory: key → its place in order, once asked after a change
        self.numbered = False  # on disk: whether the keys are numbered (table places), once asked after a change

    def move_to_disk(self, memory: dict[str, bytes]) -> None:
        """Given the keys held in memory, write them all to a new temp database and read from there on."""
        conn = temp_database()
        conn.execute("CREATE TABLE kv (k TEXT PRIMARY KEY, v BLOB) WITHOUT ROWID")
        conn.executemany("INSERT INTO kv VALUES (?, ?)", memory.items())
        self.conn, self.memory = conn, None

    def __setitem__(self, key: str, value) -> None:
        data, memory = pickle.dumps(value, pickle.HIGHEST_PROTOCOL), self.memory
        self.places, self.numbered = None, False
        if memory is None:
            self.conn.execute("INSERT OR REPLACE INTO kv VALUES (?, ?)", (key, data))
            return
        memory[key] = data
        if len(memory) > MEMORY_KEYS:
            self.move_to_disk(memory)

    def __getitem__(self, key: str):
        memory = self.memory
        if memory is not None:
            return pickle.loads(memory[key])
        row = self.conn.execute("SELECT v FROM kv WHERE k = ?", (key,)).fetchone()
        if row is None:
            raise KeyError(key)
        return pickle.loads(row[0])

    def __delitem__(self, key: str) -> None:
        memory = self.memory
        self.places, self.numbered = None, False
        if memory is not None:
            del memory[key]
        elif self.conn.execute("DELETE FROM kv WHERE k = ?", (key,)).rowcount == 0:
            raise KeyError(key)

    def __contains__(self, key) -> bool:
        memory = self.memory
        if memory is not None:
            return isinstance(key, str) and key in memory
        return isinstance(key, str) and self.conn.execute("SELECT 1 FROM kv WHERE k = ?", (key,)).fetchone() is not None

    def __iter__(self) -> Iterator[str]:
        memory = self.memory
        if memory is not None:
            return iter(sorted(memory))
        return (k for (k,) in self.conn.execute("SELECT k FROM kv ORDER BY k"))

    def values(self) -> Iterator:
        """Yield the values in their keys' order, read one at a time."""
        return (v for _, v in self.items())

    def items(self) -> Iterator[tuple[str, object]]:
        """Yield (key, value) in the keys' order, read one at a time."""
        memory = self.memory
        if memory is not None:
            return ((k, pickle.loads(v)) for k, v in sorted(memory.items()))
        return ((k, pickle.loads(v)) for k, v in self.conn.execute("SELECT k, v FROM kv ORDER BY k"))

    def __len__(self) -> int:
        memory = self.memory
        if memory is not None:
            return len(memory)
        return self.conn.execute("SELECT count(*) FROM kv").fetchone()[0]

    def position(self, key: str) -> int:
        """Given a key, return its place among the keys in order, from 0 (every key numbered once, when first asked
        after a change)."""
        memory = self.memory
        if memory is not None:
            if self.places is None:
                self.places = {k: n for n, k in enumerate(sorted(memory))}
            return self.places[key]
        if not self.numbered:  # every key numbered in one statement
            self.conn.execute("DROP TABLE IF EXISTS places")
            self.conn.execute("CREATE TABLE places (k TEXT PRIMARY KEY, place INTEGER) WITHOUT ROWID")
            self.conn.execute("INSERT INTO places SELECT k, row_number() OVER (ORDER BY k) - 1 FROM kv")
            self.numbered = True
        row = self.conn.execute("SELECT place FROM places WHERE k = ?", (key,)).fetchone()
        if row is None:
            raise KeyError(key)
        return row[0]

    def close(self) -> None:
        """Forget the values: the memory they held, or their database."""
        self.memory, self.places = {}, None
        if self.conn is not None:
            self.conn.close()
