"""``gongwen batch``: parse every file of an inbox into records, register, manifest and the index."""
from __future__ import annotations

import sys

import click

from pipeline.commands.progress import choose_progress, summary_table, use_colour
from pipeline.errors import InputError
from pipeline.i18n import _, translate


@click.command()
@click.argument("inbox", type=click.Path(file_okay=False))
@click.option("-o", "--output", required=True, type=click.Path(file_okay=False),
              help="Output folder: records/, register.csv, manifest.json, index.sqlite.")
@click.option("--jobs", type=click.IntRange(min=1), default=None,
              help="Worker processes, at least 1 (default: the machine's cores).")
@click.option("--index", "index_path", default=None, type=click.Path(dir_okay=False),
              help="Index file (default: OUTPUT/index.sqlite).")
@click.option("-q", "--quiet", is_flag=True, help="No progress and no summary: only failures and the exit status.")
@click.option("-v", "--verbose", is_flag=True, help="A line for every file instead of a progress bar.")
def batch(inbox, output, jobs, index_path, quiet, verbose):
    """Parse every file under INBOX (letters with their attachment files) into OUTPUT and the index.

    On a terminal a bar shows files done/total, rate, time left and the current file; elsewhere a plain line
    comes every 10 s. The summary table closes the run (stdout).

    Exit status: 0 when no input failed, 1 for a wrong inbox, output or index, 2 when some inputs failed (see
    OUTPUT/manifest.json), 130 when interrupted. Links and special files (FIFOs, devices) are listed as
    skipped and not read; OUTPUT and the index are never read as inputs."""
    from pipeline.batch.run import run_batch, validate_settings
    try:
        settings = validate_settings({"inbox": inbox, "output": output, "index": index_path, "jobs": jobs})
    except InputError as exc:
        click.echo(f"gongwen batch: {exc}", err=True)
        sys.exit(1)
    progress = choose_progress(quiet, verbose)
    try:
        summary = run_batch(settings, progress)
    except InputError as exc:
        click.echo(f"gongwen batch: {exc}", err=True)
        sys.exit(1)
    except KeyboardInterrupt:
        click.echo("\n" + _("gongwen batch: interrupted; run the same command again to finish (parsed files are kept)"),
                   err=True)
        sys.exit(130)
    colour = use_colour(sys.stderr)
    for rel, reason in summary.skipped:
        click.echo(_("gongwen batch: skipped: {path}: {reason}").format(path=rel, reason=translate(reason)), err=True)
    for rel, reason in summary.failures:
        message = _("gongwen batch: failed: {path}: {reason}").format(path=rel, reason=translate(reason))
        click.echo(click.style(message, fg="red") if colour else message, err=True)
    if not quiet:
        click.echo(_("gongwen batch: summary"))
        for line in summary_table(summary, output):
            click.echo(line)
    sys.exit(summary.exit_code)
