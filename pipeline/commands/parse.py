"""``gongwen parse``: print the record of each file as JSON."""
from __future__ import annotations

import json
import sys

import click

from pipeline.errors import InputError
from pipeline.failures import debugging, internal_error
from pipeline.load import load_record
from pipeline.records import to_dict


@click.command()
@click.argument("files", nargs=-1, required=True)
@click.option("--pretty", is_flag=True, help="Indent the JSON.")
@click.option("--format", "fmt", type=click.Choice(["json", "yaml", "text"]), default="json", show_default=True,
              help="json (the record), yaml (the same record), or text: the letter laid out for a person to read.")
def parse(files, pretty, fmt):
    """Parse FILE... (text, PDF, ODT, DI; - for stdin) and print the record(s) as JSON, YAML or readable text."""
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
        except Exception as exc:  # a bug in gongwen: one line for this file, the others go on
            if debugging():
                raise
            click.echo(f"gongwen: {name}: {internal_error(exc)}", err=True)
            failed = True
            continue
        records.append(to_dict(record))
    if records and fmt == "text":
        from pipeline.record_text import record_to_text
        click.echo("\n".join(map(record_to_text, records)), nl=False)
    elif records:
        out = records[0] if len(files) == 1 else records
        if fmt == "yaml":
            import yaml
            click.echo(yaml.safe_dump(out, allow_unicode=True, sort_keys=False), nl=False)
        else:
            click.echo(json.dumps(out, ensure_ascii=False, indent=2 if pretty else None))
    sys.exit(1 if failed else 0)
