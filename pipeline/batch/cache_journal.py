"""The parse results of a batch that writes its SQLite index while it parses. The index's transaction stays open
from the first result to the last document (a killed batch leaves the index as it was), so the results it stores
in the index's parse cache are committed only at the end; each is also committed at once to a journal beside the
outputs (OUTPUT/.gongwen-parsed.sqlite), so a batch killed mid-way keeps what its workers parsed: the next run
moves the journal's results into the parse cache before anything else, and parses only the rest."""
from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from pathlib import Path

from pipeline.batch.on_disk import CACHE_KIB

JOURNAL_NAME = ".gongwen-parsed.sqlite"
UPSERT = ("INSERT INTO parsed VALUES (?,?,?,?) ON CONFLICT (path) DO UPDATE SET sha256 = excluded.sha256, "
          "fingerprint = excluded.fingerprint, result = excluded.result")


def journal_path(output: Path) -> Path:
    """Given the output folder, return where its parse results journal lies."""
    return output / JOURNAL_NAME


def remove_journal(output: Path) -> None:
    """Given the output folder, remove its journal (and SQLite's own journal beside it)."""
    for path in (journal_path(output), Path(f"{journal_path(output)}-journal")):
        path.unlink(missing_ok=True)


def recover_journal(output: Path, conn) -> None:
    """Given the output folder and the index, move the results a killed batch left in its journal into the index's
    parse cache (committed), then remove the journal; a journal that cannot be read (a crash of the machine while
    it was written) is only removed: its files are parsed again."""
    path = journal_path(output)
    if path.exists():
        try:
            journal = sqlite3.connect(str(path))
            try:
                rows = journal.execute("SELECT path, sha256, fingerprint, result FROM parsed")
                with conn:
                    while chunk := rows.fetchmany(500):
                        conn.executemany(UPSERT, chunk)
            finally:
                journal.close()
        except sqlite3.DatabaseError:
            pass
    remove_journal(output)


class CacheJournal:
    """The journal of one batch's parse results: each saved is committed at once (without waiting for the disk: a
    journal lost with the machine only costs parsing its files again)."""

    def __init__(self, output: Path):
        self.output = output
        self.conn = sqlite3.connect(str(journal_path(output)), isolation_level=None)
        self.conn.execute("PRAGMA synchronous = OFF")
        self.conn.execute(f"PRAGMA cache_size = -{CACHE_KIB}")  # written only: a small page cache
        self.conn.execute("CREATE TABLE IF NOT EXISTS parsed (path TEXT PRIMARY KEY, sha256 TEXT, fingerprint TEXT,"
                          " result TEXT)")

    def save(self, rows: Iterable[tuple[str, str, str, str]]) -> None:
        """Given parse cache rows (path, sha256, fingerprint, result), commit them to the journal."""
        with self.conn:
            self.conn.execute("BEGIN")
            self.conn.executemany(UPSERT, rows)

    def close(self) -> None:
        """Close the journal (kept on disk until remove_journal)."""
        self.conn.close()
