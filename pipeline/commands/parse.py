"""``gongwen parse``: print the record of each file as JSON."""
from __future__ import annotations

import json
import sys

import click

from pipeline.errors import InputError
from pipeline.load import load_record
from pipeline.records import to_dict


@click.command()
@click.argument("files", nargs=-1, required=True)
@click.option("--pretty", is_flag=True, help="Indent the JSON.")
def parse(files, pretty):
    """Parse FILE... (text, PDF, ODT, DI; - for stdin) and print the record(s) as JSON."""
    records, failed = [], False
    for name in files:
        try:
            if name == "-":
                record = load_record("<stdin>", sys.stdin.buffer.read())
            else:
                record = load_record(name)
        except InputError as exc:
            click.echo(f"gongwen: {exc}", err=True)
            failed = True
            continue
        records.append(to_dict(record))
    if records:
        out = records[0] if len(files) == 1 else records
        click.echo(json.dumps(out, ensure_ascii=False, indent=2 if pretty else None))
    sys.exit(1 if failed else 0)
