"""``gongwen index check`` and ``gongwen index rebuild``: for the archivist, is the index whole, and make it anew
from the records."""
from __future__ import annotations

import sys
from pathlib import Path

import click

from pipeline.commands.index_options import fail, index_option
from pipeline.errors import InputError


@click.group()
def index():
    """Check the index, or rebuild it from the records a batch wrote."""


@index.command()
@index_option
def check(index_path):
    """Check the whole index: SQLite's integrity check, the full-text index, every stored record.
    Exit 0 when whole, 1 when damaged (one line a problem)."""
    from pipeline.index.check import index_problems
    try:
        count, problems = index_problems(index_path)
    except InputError as exc:
        fail("index check", exc)
    for problem in problems:
        click.echo(f"gongwen index check: {index_path}: {problem}", err=True)
    if problems:
        fail("index check", f"{index_path}: damaged; repair it with `gongwen index rebuild --index {index_path}`")
    click.echo(f"gongwen index check: {index_path}: ok, {count} document(s)")
    sys.exit(0)


@index.command()
@index_option
@click.option("--records", "records_dir", default=None, type=click.Path(file_okay=False),
              help="The records folder of the batch (default: beside the index, INDEX_FOLDER/records).")
def rebuild(index_path, records_dir):
    """Make the index anew from the record files of its batch and put it in place of the old one (the next batch
    parses every input again: the parse cache lives in the index)."""
    from pipeline.index.rebuild import rebuild_index
    index_file = Path(index_path)
    records = Path(records_dir) if records_dir else index_file.parent / "records"
    try:
        count = rebuild_index(index_file, records)
    except InputError as exc:
        fail("index rebuild", exc)
    except OSError as exc:
        fail("index rebuild", f"{exc.filename or index_file}: cannot write: {exc.strerror or exc}")
    click.echo(f"gongwen index rebuild: {count} document(s) from {records} → {index_file}")
