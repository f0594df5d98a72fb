"""What the index commands (search, show, refs, catalogue) share: the --index option and opening the index."""
from __future__ import annotations

import sys

import click

from pipeline.errors import InputError

DEFAULT_INDEX = "output/index.sqlite"

index_option = click.option("--index", "index_path", default=DEFAULT_INDEX, show_default=True,
                             type=click.Path(dir_okay=False), help="The index written by `gongwen batch`.")


def fail(command: str, error: InputError | str, code: int = 1):
    """Given a command name and an error, print it as one line on stderr and exit with ``code``."""
    click.echo(f"gongwen {command}: {error}", err=True)
    sys.exit(code)


def open_or_fail(command: str, path: str):
    """Given a command name and an index path, return a connection, or exit with a one-line error."""
    from pipeline.index.schema import open_index
    try:
        return open_index(path)
    except InputError as exc:
        fail(command, exc)
