"""``gongwen show``: print the record of an indexed letter, found by its 發文字號."""
from __future__ import annotations

import json
import sys

import click

from pipeline.commands.index_options import index_option, letters_numbered


@click.command()
@click.argument("dispatch_no")
@index_option
@click.option("--pretty", is_flag=True, help="Indent the JSON.")
def show(dispatch_no, index_path, pretty):
    """Print the record (JSON, as `gongwen parse` prints it) of the letter numbered DISPATCH_NO
    (府政行字第1080251637號 or 1080251637); a list when several indexed letters have that number."""
    from pipeline.index.search import record_of
    conn, letters = letters_numbered("show", dispatch_no, index_path)
    records = [record_of(conn, letter.id) for letter in letters]
    click.echo(json.dumps(records[0] if len(records) == 1 else records, ensure_ascii=False, indent=2 if pretty else None))
    sys.exit(0)
