"""``gongwen catalogue``: export the archival catalogue (檔案目錄) of the index as CSV."""
from __future__ import annotations

from pathlib import Path

import click

from pipeline.commands.index_options import fail, index_option, open_or_fail
from pipeline.i18n import _


@click.command()
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False, allow_dash=True),
              help="The CSV file to write; - for standard output.")
@index_option
def catalogue(output, index_path):
    """Write 檔號, 保存年限, 案由/主旨, 發文機關, 日期, 字號, 附件 of every indexed letter to a CSV (UTF-8 with BOM)."""
    from pipeline.files import write_atomic
    from pipeline.index.catalogue import HEADER, catalogue_rows
    from pipeline.spreadsheet import csv_bytes
    conn = open_or_fail("catalogue", index_path, thorough=True)
    rows = catalogue_rows(conn)
    if output == "-":
        with click.open_file("-", "wb") as stdout:  # standard output's bytes, left open
            stdout.write(csv_bytes(HEADER, rows))
        return
    target = Path(output)
    if not target.parent.is_dir():
        fail("catalogue", f"{target.parent}: " + _("no such folder"))
    try:
        write_atomic(target, csv_bytes(HEADER, rows))
    except OSError as exc:
        fail("catalogue", f"{target}: " + _("cannot write: {reason}").format(reason=exc.strerror or exc))
    click.echo(_("gongwen catalogue: {n} letter(s) → {target}").format(n=len(rows), target=target))
