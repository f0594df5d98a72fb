"""Rows kept on disk with a sort key and read back in its order: a private temp SQLite database (deleted when
closed, on_disk.temp_database) holds and sorts them, so a batch keeps none of its register's rows in memory."""
from __future__ import annotations

import pickle
from collections.abc import Iterator

from pipeline.batch.on_disk import temp_database


class SortedRows:
    """Rows with keys of ``width`` texts, given back ordered by key as Python orders tuples (then as added)."""

    def __init__(self, width: int):
        self.width = width
        self.conn = temp_database()  # rows may be added from one thread, read from another
        self.conn.execute(f"CREATE TABLE rows ({''.join(f'k{n} TEXT, ' for n in range(width))}row BLOB)")

    def add(self, key: tuple[str, ...], row: list) -> None:
        """Given a key of texts and a row, keep the row."""
        self.conn.execute(f"INSERT INTO rows VALUES ({'?, ' * self.width}?)",
                          (*key, pickle.dumps(row, pickle.HIGHEST_PROTOCOL)))

    def remove(self, key: tuple[str, ...]) -> None:
        """Given a key, forget the rows kept under it."""
        self.conn.execute(f"DELETE FROM rows WHERE {' AND '.join(f'k{n} = ?' for n in range(self.width))}", key)

    def in_order(self) -> Iterator[list]:
        """Yield the rows by key (SQLite compares texts by their UTF-8 bytes: code point order, as Python does)."""
        order = ", ".join(f"k{n}" for n in range(self.width))
        for (row,) in self.conn.execute(f"SELECT row FROM rows ORDER BY {order}, rowid"):
            yield pickle.loads(row)

    def close(self) -> None:
        """Close the database: its rows are gone."""
        self.conn.close()
