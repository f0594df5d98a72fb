"""The RECORD_OR_INPUT arguments of ``render`` and ``export-di``: record JSON files or original letters, loaded alike."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Callable

import click

from pipeline.attach import load_with_attachments
from pipeline.errors import InputError
from pipeline.i18n import _, translate
from pipeline.read import read_bytes
from pipeline.records import Letter, from_dict

NOT_A_LETTER = "not an official letter: no 發文字號 and no 主旨 found"


def json_to_records(path: str) -> list:
    """Given a record JSON file (one record, or a list as `gongwen parse a b` prints), return its records."""
    try:
        data = json.loads(read_bytes(path).decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(path, f"not a valid record JSON file: {exc}") from None
    if data == []:
        raise InputError(path, "an empty list: no records")
    records = []
    for number, item in enumerate(data if isinstance(data, list) else [data], 1):
        where = f"record {number}: " if isinstance(data, list) else ""
        try:
            record = from_dict(item)
        except (ValueError, TypeError) as exc:
            raise InputError(path, f"{where}not a gongwen record: {exc}") from None
        if isinstance(record, Letter) and not record.dispatch_no and not record.subject:
            raise InputError(path, where + NOT_A_LETTER)
        records.append(record)
    return records


def load_inputs(path: str) -> tuple[list, list[str]]:
    """Given a record JSON file or an original letter (its attachment files parsed in), return its records and warnings."""
    if path.lower().endswith(".json"):
        return json_to_records(path), []
    record, warnings = load_with_attachments(path)
    return [record], warnings


def attachment_folder(path: str, explicit: str | None = None) -> Path:
    """Given the argument a record came from (and an explicit --attachments folder), return the folder of its
    attachment files: the explicit one, else the argument's own folder — never a path written inside a record."""
    return Path(explicit) if explicit else Path(path).parent


def error_line(path: str, exc: InputError | OSError, record=None) -> str:
    """Given an argument, the error it met and the record it met it in (if any), return the one-line message."""
    if isinstance(exc, OSError):
        return f"gongwen: {path}: " + _("cannot write output: {reason}").format(reason=exc.strerror or exc)
    own = exc.path in (None, path, record.source.path if record is not None else None)
    return f"gongwen: {path}: {translate(exc.reason)}" if own else f"gongwen: {path}: {exc}"


def warning_line(path: str, warning: str) -> str:
    """Given an argument and a warning about it, return the one-line warning."""
    return _("gongwen: warning: {path}: {warning}").format(path=path, warning=translate(warning))


def for_each_record(inputs: tuple[str, ...], handle: Callable[[str, object], None]) -> bool:
    """Given the arguments and what to do with each (argument, record), do it, print one line per warning
    or failure (the rest goes on), and return whether anything failed."""
    failed = False
    for path in inputs:
        try:
            records, warnings = load_inputs(path)
        except InputError as exc:
            click.echo(error_line(path, exc), err=True)
            failed = True
            continue
        for warning in warnings:
            click.echo(warning_line(path, warning), err=True)
        for record in records:
            try:
                handle(path, record)
            except (InputError, OSError) as exc:
                click.echo(error_line(path, exc, record), err=True)
                failed = True
    return failed
