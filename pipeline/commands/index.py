"""``gongwen index check``, ``rebuild``, ``upgrade`` and ``optimize``: for the archivist, is the index whole, make
it anew from the records, bring an older index to this version, merge its full-text tables after a large load."""
from __future__ import annotations

import sys
from pathlib import Path

import click

from pipeline.commands.index_options import fail, index_option
from pipeline.errors import InputError
from pipeline.i18n import N_, _, translate


@click.group()
def index():
    """Check the index, rebuild it from the records a batch wrote, upgrade an older one, or optimize it."""


@index.command()
@index_option
def check(index_path):
    """Check the whole index: SQLite's integrity check and full-text index (PostgreSQL: its search indexes are
    valid), every stored record. Exit 0 when whole, 1 when damaged (one line a problem)."""
    from pipeline.index.check import index_problems
    from pipeline.index.engine import is_postgres, shown
    try:
        count, problems = index_problems(index_path)
    except InputError as exc:
        fail("index check", exc)
    where = shown(index_path)
    for problem in problems:
        click.echo(f"gongwen index check: {where}: {translate(problem)}", err=True)
    if problems and is_postgres(index_path):
        fail("index check", N_(f"{where}: damaged"))
    if problems:
        fail("index check", N_(f"{where}: damaged; repair it with `gongwen index rebuild --index {index_path}`"))
    click.echo(translate(N_(f"gongwen index check: {where}: ok, {count} document(s)")))
    sys.exit(0)


def other_inboxes(index_file: Path, scope: str | None) -> list[tuple[str, int]]:
    """Given an index file and the inbox of the records it is to be rebuilt from, return (inbox, documents) of each
    other inbox whose documents it holds (an index shared by several output folders); [] when it cannot be read."""
    import sqlite3
    if scope is None or not index_file.is_file():
        return []
    try:
        conn = sqlite3.connect(f"{index_file.resolve().as_uri()}?mode=ro", uri=True)
        try:
            return conn.execute("SELECT scope, COUNT(*) FROM documents WHERE scope != ? GROUP BY scope ORDER BY scope",
                                (scope,)).fetchall()
        finally:
            conn.close()
    except sqlite3.Error:  # damaged or not an index: nothing to keep that rebuilding would lose
        return []


@index.command()
@index_option
@click.option("--records", "records_dir", default=None, type=click.Path(file_okay=False),
              help="The records folder of the batch (default: beside the index, INDEX_FOLDER/records).")
def rebuild(index_path, records_dir):
    """Make the index anew from the record files of its batch and put it in place of the old one (the next batch
    parses every input again: the parse cache lives in the index)."""
    from pipeline.batch.claim import claimed_inbox
    from pipeline.index.engine import is_postgres
    from pipeline.index.rebuild import rebuild_index
    if is_postgres(index_path):
        fail("index rebuild", _("an index on PostgreSQL is shared by many batches, not rebuilt from one batch's "
                                "records: run each batch again into an empty database"))
    index_file = Path(index_path)
    records = Path(records_dir) if records_dir else index_file.parent / "records"
    try:
        others = other_inboxes(index_file, claimed_inbox(records.parent))
        if others:
            raise InputError(str(index_file), f"also holds {sum(n for _, n in others)} document(s) of other inboxes "
                                              f"({', '.join(inbox for inbox, _ in others)}) that {records} lacks, "
                                              "so a rebuild would lose them: batch each inbox again into a new index "
                                              "instead")
        count = rebuild_index(index_file, records)
    except InputError as exc:
        fail("index rebuild", exc)
    except OSError as exc:
        fail("index rebuild", N_(f"{exc.filename or index_file}: cannot write: {exc.strerror or exc}"))
    click.echo(translate(N_(f"gongwen index rebuild: {count} document(s) from {records} → {index_file}")))


@index.command()
@index_option
def upgrade(index_path):
    """Upgrade an index written by an earlier gongwen to this version, in place (nothing changes if it fails)."""
    from pipeline.index.schema import SCHEMA_VERSION
    from pipeline.index.upgrade import upgrade_index
    try:
        version = upgrade_index(index_path)
    except InputError as exc:
        fail("index upgrade", exc)
    if version == SCHEMA_VERSION:
        click.echo(_("gongwen index upgrade: {index}: already version {version}").format(index=index_path,
                                                                                       version=version))
    else:
        click.echo(_("gongwen index upgrade: {index}: version {old} → {new}").format(index=index_path, old=version,
                                                                                   new=SCHEMA_VERSION))


@index.command()
@index_option
def optimize(index_path):
    """Merge the full-text tables of an SQLite index into one segment each (after loading a backlog: every word
    lookup then reads one list). Takes about a minute a million letters; searches wait while it writes."""
    from pipeline.index.engine import is_postgres
    from pipeline.index.optimize import optimize_index
    if is_postgres(index_path):
        fail("index optimize", _("an index on PostgreSQL keeps its own indexes (autovacuum): nothing to optimize"))
    try:
        before, after = optimize_index(index_path)
    except InputError as exc:
        fail("index optimize", exc)
    click.echo(_("gongwen index optimize: {index}: full-text segments {before} → {after}").format(
        index=index_path, before=before, after=after))
