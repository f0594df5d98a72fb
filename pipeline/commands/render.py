"""``gongwen render``: write replies, circulars and division tables from records or letters."""
from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from pipeline.commands.inputs import for_each_record
from pipeline.errors import InputError
from pipeline.files import prepare_folder
from pipeline.i18n import _, translate
from pipeline.render.formats import WRITERS
from pipeline.render.numbering import REGISTER_NAME
from pipeline.render.produce import KINDS, not_renderable, render_record
from pipeline.render.profile import load_profile
from pipeline.render.templates import ENV_VAR as TEMPLATES_VAR


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
@click.option("--templates", "templates", type=click.Path(file_okay=False),
              help=f"Our agency's own templates folder; default ${TEMPLATES_VAR}, else the templates shipped with gongwen.")
def render(kind, inputs, formats, output, profile_path, no_number, register_path, templates):
    """Render KIND (ack | circular | table) for each INPUT: a record JSON file or an original letter."""
    if templates:
        os.environ[TEMPLATES_VAR] = templates
    folder = Path(output)
    try:
        profile = load_profile(profile_path)
        prepare_folder(folder, "output folder")
    except InputError as exc:
        click.echo(f"gongwen: {exc}", err=True)
        sys.exit(1)
    register = None if no_number else Path(register_path or folder / REGISTER_NAME)
    formats = list(dict.fromkeys(formats))
    def render_one(path: str, record) -> None:
        reason = not_renderable(kind, record, profile)
        if reason:
            click.echo(_("gongwen: {path}: nothing to render as {kind}: {reason}").format(
                path=path, kind=kind, reason=translate(reason)), err=True)
            return
        level = getattr(getattr(record, "secrecy", None), "level", None)
        if level and kind != "table":
            click.echo(_("gongwen: warning: {path}: the incoming letter is {level}: what is written about it carries "
                         "the same 密等; handle it as classified").format(path=path, level=level), err=True)
        usable = [f for f in formats if not (kind == "table" and f == "di")] or formats  # only di: its own error
        if usable != formats:
            click.echo(_("gongwen: {path}: a division table is not a letter: it has no DI form, --format di skipped "
                         "({written} written)").format(path=path, written=", ".join(usable)), err=True)
        for target in render_record(kind, record, profile, usable, folder, register):
            click.echo(str(target))

    failed = for_each_record(inputs, render_one)
    sys.exit(1 if failed else 0)
