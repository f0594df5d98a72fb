"""``gongwen export-di``: write letters as 公文電子交換 DI files with their roster and attachments."""
from __future__ import annotations

import sys
from pathlib import Path

import click

from pipeline.commands.inputs import attachment_folder, for_each_record
from pipeline.errors import InputError
from pipeline.exchange.di_write import letter_to_package
from pipeline.exchange.files import write_package
from pipeline.files import prepare_folder
from pipeline.i18n import translate
from pipeline.records import Letter


def export_letter(record, path: str, folder: Path, attachments: str | None = None) -> tuple[list[Path], list[str]]:
    """Given a record, the argument it came from, the output folder (and the --attachments folder), write its DI
    package; return paths and notes."""
    if not isinstance(record, Letter):
        raise InputError(path, f"is a {type(record).__name__.lower()} record, not a letter: no DI")
    return write_package(letter_to_package(record), folder, attachment_folder(path, attachments))


@click.command("export-di")
@click.argument("inputs", nargs=-1, required=True)
@click.option("-o", "--output", "output", required=True, type=click.Path(file_okay=False),
              help="Folder for the .di, .sw and attachment files.")
@click.option("--attachments", "attachments", default=None, type=click.Path(file_okay=False, exists=True),
              help="Folder of the attachment files (default: the folder of each RECORD_OR_INPUT).")
def export_di(inputs, output, attachments):
    """Write each RECORD_OR_INPUT (a JSON record or a letter file) as a DI in OUTPUT, with .sw and attachments."""
    folder = Path(output)
    try:
        prepare_folder(folder, "output folder")
    except InputError as exc:
        click.echo(f"gongwen: {exc}", err=True)
        sys.exit(1)
    def export_one(path: str, record) -> None:
        written, notes = export_letter(record, path, folder, attachments)
        for note in notes:
            click.echo(f"gongwen: {path}: {translate(note)}", err=True)
        for target in written:
            click.echo(str(target))

    failed = for_each_record(inputs, export_one)
    sys.exit(1 if failed else 0)
