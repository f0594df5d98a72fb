"""``gongwen batch``: parse every file of an inbox into records, register, manifest and the index."""
from __future__ import annotations

import sqlite3
import sys

import click

from pipeline.commands.progress import choose_progress, summary_table, use_colour
from pipeline.errors import InputError
from pipeline.i18n import _, translate


@click.command()
@click.argument("inbox", type=click.Path())  # a missing inbox, or a file given as a folder: one line (validate_settings)
@click.option("-o", "--output", required=True, type=click.Path(),
              help="Output folder: records/, register.csv, manifest.json, index.sqlite.")
@click.option("--jobs", type=click.IntRange(min=1), default=None,
              help="Worker processes, at least 1 (default: the machine's cores).")
@click.option("--index", "index_path", default=None, type=click.Path(dir_okay=False),
              help="Index file (default: OUTPUT/index.sqlite).")
@click.option("--scheduler", default=None, metavar="tcp://HOST:PORT",
              help="Parse on this Dask distributed cluster instead of local worker processes (--jobs is then "
                   "unused); every worker needs this gongwen and the inbox at the same path.")
@click.option("-q", "--quiet", is_flag=True, help="No progress and no summary: only failures and the exit status.")
@click.option("-v", "--verbose", is_flag=True, help="A line for every file instead of a progress bar.")
@click.option("--time-limit", type=click.FloatRange(min=0), default=None,
              help="Seconds one file may take to parse; a file over it fails (default 60; 0: no limit).")
@click.option("--memory-limit", type=click.IntRange(min=0), default=None,
              help="Megabytes one file may use while parsed; a file over it fails (default 1024; 0: no limit).")
def batch(inbox, output, jobs, index_path, scheduler, quiet, verbose, time_limit, memory_limit):
    """Parse every file under INBOX (letters with their attachment files) into OUTPUT and the index.

    On a terminal a bar shows files done/total, rate, time left and the current file; elsewhere a plain line
    comes every 10 s. The summary table closes the run (stdout).

    Exit status: 0 when no input failed, 1 for a wrong inbox, output or index, 2 when some inputs failed (see
    OUTPUT/manifest.json), 130 when interrupted. Links and special files (FIFOs, devices) are listed as
    skipped and not read; OUTPUT and the index are never read as inputs."""
    from pipeline.batch.run import run_batch, validate_settings
    try:
        settings = validate_settings({"inbox": inbox, "output": output, "index": index_path, "jobs": jobs,
                                      "scheduler": scheduler, "time_limit": time_limit, "memory_limit": memory_limit})
    except InputError as exc:
        click.echo(f"gongwen batch: {exc}", err=True)
        sys.exit(1)
    progress = choose_progress(quiet, verbose)
    try:
        summary = run_batch(settings, progress)
    except InputError as exc:
        click.echo(f"gongwen batch: {exc}", err=True)
        sys.exit(1)
    except OSError as exc:  # a full disk, a folder where a file goes: earlier outputs stay whole (atomic writes)
        where = exc.filename or output
        click.echo(f"gongwen batch: {where}: cannot write: {exc.strerror or exc}; "
                   "earlier outputs are kept, run the same command again when fixed", err=True)
        sys.exit(1)
    except sqlite3.OperationalError as exc:  # SQLite: database or disk is full
        click.echo(f"gongwen batch: {settings.index}: cannot write the index: {exc}; the index is as it was "
                   "before this batch, run the same command again when fixed", err=True)
        sys.exit(1)
    except KeyboardInterrupt:
        click.echo("\n" + _("gongwen batch: interrupted; run the same command again to finish (parsed files are kept)"),
                   err=True)
        sys.exit(130)
    finally:
        settings.close()  # the output folder's lock (also released if the process is killed), the cluster
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
