"""``gongwen render``: write replies, circulars and division tables from records or letters."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from pipeline.errors import InputError
from pipeline.load import load_record
from pipeline.read import read_bytes
from pipeline.records import from_dict
from pipeline.render.formats import WRITERS
from pipeline.render.numbering import REGISTER_NAME
from pipeline.render.produce import KINDS, not_renderable, render_record
from pipeline.render.profile import load_profile


def load_inputs(path: str) -> list:
    """Given a record JSON file (one record or a list) or an original letter, return its records."""
    if not path.lower().endswith(".json"):
        return [load_record(path)]
    try:
        data = json.loads(read_bytes(path).decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(path, f"not a valid record JSON file: {exc}") from None
    try:
        return [from_dict(d) for d in (data if isinstance(data, list) else [data])]
    except (ValueError, TypeError, AttributeError, KeyError) as exc:
        raise InputError(path, f"not a gongwen record: {exc}") from None


@click.command()
@click.argument("kind", type=click.Choice(KINDS))
@click.argument("inputs", nargs=-1, required=True)
@click.option("--format", "formats", multiple=True, type=click.Choice(sorted(WRITERS)), default=("odt",),
              show_default=True, help="Output format; repeat for several.")
@click.option("-o", "--output", "output", default="output/rendered", show_default=True,
              help="Folder for the rendered files (created if missing).")
@click.option("--profile", "profile_path", help="Our agency's profile (TOML); default $GONGWEN_PROFILE, else the sample.")
@click.option("--no-number", is_flag=True, help="Leave 發文字號 blank (numbered by another system).")
@click.option("--register", "register_path",
              help=f"Dispatch-number register (SQLite); default OUTPUT/{REGISTER_NAME}.")
def render(kind, inputs, formats, output, profile_path, no_number, register_path):
    """Render KIND (ack | circular | table) for each INPUT: a record JSON file or an original letter."""
    try:
        profile = load_profile(profile_path)
        folder = Path(output)
        folder.mkdir(parents=True, exist_ok=True)
    except InputError as exc:
        click.echo(f"gongwen: {exc}", err=True)
        sys.exit(1)
    except OSError as exc:
        click.echo(f"gongwen: {output}: cannot create the output folder: {exc.strerror or exc}", err=True)
        sys.exit(1)
    register = None if no_number else Path(register_path or folder / REGISTER_NAME)
    formats = list(dict.fromkeys(formats))
    failed = False
    for path in inputs:
        try:
            records = load_inputs(path)
            for record in records:
                reason = not_renderable(kind, record)
                if reason:
                    click.echo(f"gongwen: {path}: nothing to render as {kind}: {reason}", err=True)
                    continue
                for target in render_record(kind, record, profile, formats, folder, register):
                    click.echo(str(target))
        except InputError as exc:
            click.echo(f"gongwen: {exc}" if exc.path == path else f"gongwen: {path}: {exc}", err=True)
            failed = True
        except OSError as exc:
            click.echo(f"gongwen: {path}: cannot write output: {exc.strerror or exc}", err=True)
            failed = True
        except (TypeError, ValueError, AttributeError, KeyError) as exc:  # a record JSON off the schema
            click.echo(f"gongwen: {path}: record does not fit its schema ({type(exc).__name__}: {exc})", err=True)
            failed = True
    sys.exit(1 if failed else 0)
