"""``gongwen export-di``: write letters as 公文電子交換 DI files with their roster and attachments."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from pipeline.errors import InputError
from pipeline.exchange.di_write import letter_to_package
from pipeline.exchange.files import write_package
from pipeline.load import load_record
from pipeline.read import read_bytes
from pipeline.records import Letter, from_dict


def load_letter(name: str) -> tuple[Letter, Path | None]:
    """Given a JSON record or an input letter's path, return the Letter and the folder its attachment files are in."""
    if name.lower().endswith(".json"):
        try:
            record = from_dict(json.loads(read_bytes(name)))
        except (ValueError, TypeError) as exc:
            raise InputError(name, f"not a gongwen record: {exc}") from None
        original = Path(record.source.path) if record.source.path else None
        folder = original.parent if original and original.parent.is_dir() else Path(name).parent
    else:
        record, folder = load_record(name), Path(name).parent
    if not isinstance(record, Letter):
        raise InputError(name, f"is a {type(record).__name__.lower()} record, not a letter: no DI")
    return record, folder


@click.command("export-di")
@click.argument("inputs", nargs=-1, required=True)
@click.option("-o", "--output", "output", required=True, type=click.Path(file_okay=False),
              help="Folder for the .di, .sw and attachment files.")
def export_di(inputs, output):
    """Write each RECORD_OR_INPUT (a JSON record or a letter file) as a DI in OUTPUT, with .sw and attachments."""
    failed = False
    for name in inputs:
        try:
            letter, folder = load_letter(name)
            written, notes = write_package(letter_to_package(letter), Path(output), folder)
        except InputError as exc:
            click.echo(f"gongwen: {name}: {exc.reason}", err=True)
            failed = True
            continue
        except OSError as exc:
            click.echo(f"gongwen: {output}: cannot write: {exc.strerror or exc}", err=True)
            failed = True
            continue
        for note in notes:
            click.echo(f"gongwen: {name}: {note}", err=True)
        for path in written:
            click.echo(str(path))
    sys.exit(1 if failed else 0)
