"""A PostgreSQL index connection that runs the index's shared SQL (written with sqlite3's ``?`` placeholders) the way
an sqlite3 connection does: ``execute``/``executemany``, ``with conn:`` as one transaction, ``close``."""
from __future__ import annotations

import re
from contextlib import contextmanager
from functools import lru_cache

import psycopg
from psycopg.types.numeric import FloatLoader

from pipeline.errors import InputError
from pipeline.index.engine import shown

QUOTED = re.compile(r"('(?:[^']|'')*')")  # SQL string literals: a ? inside them is not a placeholder
WRITE_LOCK = 0x676F6E6777656E  # "gongwen": the advisory lock one batch holds while it writes the index


def server_error(url: str, exc: psycopg.Error) -> InputError:
    """Given a URL and a psycopg error, return it as a one-line InputError."""
    return InputError(shown(url), f"PostgreSQL: {' '.join(str(exc).split()) or type(exc).__name__}")


@lru_cache(maxsize=256)
def to_pyformat(sql: str) -> str:
    """Given SQL with ``?`` placeholders, return it with psycopg's ``%s`` (a literal ``%`` doubled)."""
    parts = QUOTED.split(sql.replace("%", "%%"))
    return "".join(part if i % 2 else part.replace("?", "%s") for i, part in enumerate(parts))


class PgConnection:
    """A psycopg connection in autocommit mode: each statement stands alone unless run inside ``with conn:``."""
    engine = "postgresql"

    def __init__(self, raw: psycopg.Connection, url: str):
        self.raw = raw
        self.url = url
        self._transaction = None

    def execute(self, sql: str, params=()) -> psycopg.Cursor:
        """Given SQL with ``?`` placeholders and its parameters, run it; return the cursor holding its rows (raise
        InputError when the server is lost or full)."""
        try:
            return self.raw.execute(to_pyformat(sql), tuple(params))
        except psycopg.OperationalError as exc:
            raise server_error(self.url, exc) from None

    def executemany(self, sql: str, rows) -> None:
        """Given SQL with ``?`` placeholders and parameter rows, run it once a row."""
        rows = [tuple(row) for row in rows]
        try:
            if rows:
                with self.raw.cursor() as cursor:
                    cursor.executemany(to_pyformat(sql), rows)
        except psycopg.OperationalError as exc:
            raise server_error(self.url, exc) from None

    def __enter__(self) -> PgConnection:
        self._transaction = self.raw.transaction()
        self._transaction.__enter__()
        return self

    def __exit__(self, *exc) -> None:
        transaction, self._transaction = self._transaction, None
        transaction.__exit__(*exc)

    @contextmanager
    def write_lock(self):
        """Hold the index's write lock (a session advisory lock): batches from any machine write one at a time."""
        self.raw.execute("SELECT pg_advisory_lock(%s)", (WRITE_LOCK,))
        try:
            yield
        finally:
            self.raw.execute("SELECT pg_advisory_unlock(%s)", (WRITE_LOCK,))

    def close(self) -> None:
        """Close the connection."""
        self.raw.close()


def connect(url: str) -> PgConnection:
    """Given a postgresql:// URL, return a connection (numeric results as float, as SQLite gives them); raise
    InputError when the server cannot be reached or refuses."""
    try:
        raw = psycopg.connect(url, autocommit=True, prepare_threshold=None, connect_timeout=10)
    except psycopg.Error as exc:
        raise server_error(url, exc) from None
    raw.adapters.register_loader("numeric", FloatLoader)
    return PgConnection(raw, url)
