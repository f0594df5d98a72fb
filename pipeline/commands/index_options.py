"""What the index commands (search, show, refs, catalogue) share: the --index option, opening the index, and
reading a 發文字號 the user typed."""
from __future__ import annotations

import sys

import click

from pipeline.errors import InputError
from pipeline.i18n import N_, translate

DEFAULT_INDEX = "output/index.sqlite"

index_option = click.option("--index", "index_path", default=DEFAULT_INDEX, show_default=True,
                             type=click.Path(dir_okay=False),
                             help="The index written by `gongwen batch`: a file, or a postgresql:// URL.")


def fail(command: str, error: InputError | str, code: int = 1):
    """Given a command name and an error, print it as one line on stderr and exit with ``code``."""
    click.echo(f"gongwen {command}: {error if isinstance(error, InputError) else translate(error)}", err=True)
    sys.exit(code)


def open_or_fail(command: str, path: str, thorough: bool = False):
    """Given a command name and an index path or URL, return a connection, or exit with a one-line error (checking the
    whole file first when ``thorough``: a command that reads every row never gives partial data)."""
    from pipeline.index.engine import open_index
    try:
        return open_index(path, thorough)
    except InputError as exc:
        fail(command, exc)


def query_to_dispatch(text: str):
    """Given a 發文字號 as the user types it (府政行字第1080251637號, 臺教資（四）字第1120109876號, full-width digits,
    or the digits alone), return it as the parser reads a letter's DispatchNo; raise InputError when it is none."""
    from pipeline.parse.dispatch import parse_dispatch_no
    dispatch = parse_dispatch_no(text) or parse_dispatch_no(f"第{text.strip()}號")
    if dispatch is None:
        raise InputError(None, f"not a dispatch number (發文字號): {text!r}; write it as 府政行字第1080251637號 or 1080251637")
    return dispatch


def number_or_fail(command: str, text: str):
    """Given a command name and a 發文字號 as typed, return it read (query_to_dispatch), or exit with a one-line
    error when it is none."""
    try:
        return query_to_dispatch(text)
    except InputError as exc:
        fail(command, exc)


def no_letter_numbered(command: str, text: str, index_path: str):
    """Given a command name, a 發文字號 as typed and the index, exit with the one-line error that no letter has it."""
    fail(command, N_(f"no letter numbered {text} in {index_path}"))


def letters_numbered(command: str, text: str, index_path: str):
    """Given a command name, a 發文字號 as typed and the index, return (connection, the letters with that number),
    or exit with a one-line error when the number is unreadable or no letter has it."""
    from pipeline.index.refs import find_letters
    dispatch = number_or_fail(command, text)
    conn = open_or_fail(command, index_path)
    letters = find_letters(conn, dispatch.word, dispatch.number)
    if not letters:
        no_letter_numbered(command, text, index_path)
    return conn, letters
