"""Which database holds the index: given an --index value (a file path: SQLite, embedded, the default; a
postgresql:// URL: a PostgreSQL server shared by several desks and batches), open, create or check it there."""
from __future__ import annotations

import importlib
import re
from contextlib import nullcontext
from pathlib import Path

from pipeline.errors import InputError
from pipeline.index import schema

URL_SCHEMES = ("postgresql://", "postgres://")


def is_postgres(target: str | Path) -> bool:
    """Given an --index value, return whether it names a PostgreSQL database (a postgresql:// URL)."""
    return str(target).startswith(URL_SCHEMES)


def shown(target: str | Path) -> str:
    """Given an --index value, return it as messages show it (a URL's password hidden)."""
    return re.sub(r"(password=)[^&]*", r"\1***", re.sub(r"(://[^:/@]*):[^@]*@", r"\1:***@", str(target)))


def engine_of(conn) -> str:
    """Given an index connection, return its engine: "sqlite" or "postgresql"."""
    return getattr(conn, "engine", "sqlite")


def postgres_schema():
    """Return the PostgreSQL schema module; raise InputError when psycopg (the optional extra) is not installed."""
    try:
        return importlib.import_module("pipeline.index.postgres_schema")
    except ModuleNotFoundError as exc:
        if exc.name != "psycopg":
            raise
        raise InputError(None, "an index on PostgreSQL needs psycopg: pip install 'gongwen[postgresql]'") from None


def create_index(target: str | Path):
    """Given an index path or URL, return a connection to the index there, creating (or upgrading) its schema;
    raise InputError if it cannot."""
    return postgres_schema().create_index(str(target)) if is_postgres(target) else schema.create_index(target)


def check_index(target: str | Path) -> None:
    """Given the index a batch is to write, raise InputError (one line) unless it is an index of ours or can
    become one (a new file, an empty database, an older PostgreSQL index the batch upgrades)."""
    if is_postgres(target):
        postgres_schema().open_index(str(target), writing=True).close()
    elif Path(target).exists():
        schema.check_index(target)


def open_index(target: str | Path, thorough: bool = False):
    """Given the path or URL of an existing index, return a connection for reading it; raise InputError when it is
    missing or not ours (or, for an SQLite file when ``thorough``, damaged)."""
    return postgres_schema().open_index(str(target)) if is_postgres(target) else schema.open_index(target, thorough)


def open_read_only(target: str | Path):
    """Given the path or URL of an existing index, return a connection that cannot change it (SQLite: opened
    read-only; PostgreSQL: the role needs only SELECT); raise InputError when it is missing or not ours."""
    return postgres_schema().open_index(str(target)) if is_postgres(target) else schema.open_read_only(target)


def write_lock(conn):
    """Given an index connection, return a context that holds its write lock: on PostgreSQL an advisory lock (one
    batch writes at a time, from any machine); SQLite locks the file itself."""
    return conn.write_lock() if engine_of(conn) == "postgresql" else nullcontext()
