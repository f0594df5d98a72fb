"""``gongwen batch``: parse every file of an inbox into records, register, manifest and the index."""
from __future__ import annotations

import sys

import click

from pipeline.errors import InputError


class LogProgress:
    """Progress as plain log lines on stderr (when stderr is not a terminal)."""

    def start(self, total: int, reused: int) -> None:
        self.total, self.count = total, 0
        click.echo(f"gongwen batch: {total} file(s) to parse, {reused} unchanged since the last run", err=True)

    def done(self, rel: str, result: dict) -> None:
        self.count += 1
        status = "parsed" if result["ok"] else f"failed: {result['reason']}"
        click.echo(f"gongwen batch: [{self.count}/{self.total}] {rel}: {status}", err=True)

    def finish(self) -> None:
        pass


class BarProgress:
    """Progress as a bar on the terminal; failures are listed after it."""

    def start(self, total: int, reused: int) -> None:
        self.bar = click.progressbar(length=total, label=f"parsing ({reused} unchanged)", file=sys.stderr,
                                     show_pos=True)
        self.bar.__enter__()

    def done(self, rel: str, result: dict) -> None:
        self.bar.update(1)

    def finish(self) -> None:
        self.bar.__exit__(None, None, None)


def summary_lines(summary, output: str) -> list[str]:
    """Given a batch Summary and the output folder, return the closing lines."""
    c = summary.counts
    idx = summary.index
    return [
        f"{sum(c.values())} input(s): {c['parsed']} parsed, {c['attachment-of']} attachment(s), "
        f"{c['failed']} failed, {c['skipped-duplicate']} duplicate(s), {c['skipped']} skipped",
        f"parsed now {summary.parsed_now}, unchanged {summary.reused}; index: {idx.get('added', 0)} added, "
        f"{idx.get('replaced', 0)} replaced, {idx.get('removed', 0)} removed; {summary.seconds:.1f} s → {output}",
    ]


@click.command()
@click.argument("inbox", type=click.Path(file_okay=False))
@click.option("-o", "--output", required=True, type=click.Path(file_okay=False),
              help="Output folder: records/, register.csv, manifest.json, index.sqlite.")
@click.option("--jobs", type=click.IntRange(min=1), default=None,
              help="Worker processes, at least 1 (default: the machine's cores).")
@click.option("--index", "index_path", default=None, type=click.Path(dir_okay=False),
              help="Index file (default: OUTPUT/index.sqlite).")
def batch(inbox, output, jobs, index_path):
    """Parse every file under INBOX (letters with their attachment files) into OUTPUT and the index.

    Exit status: 0 when no input failed, 2 when some failed (see OUTPUT/manifest.json). Links and special
    files (FIFOs, devices) are listed as skipped and not read; OUTPUT and the index are never read as inputs."""
    from pipeline.batch.run import run_batch, validate_settings
    try:
        settings = validate_settings({"inbox": inbox, "output": output, "index": index_path, "jobs": jobs})
    except InputError as exc:
        click.echo(f"gongwen batch: {exc}", err=True)
        sys.exit(1)
    progress = BarProgress() if sys.stderr.isatty() else LogProgress()
    try:
        summary = run_batch(settings, progress)
    except InputError as exc:
        click.echo(f"gongwen batch: {exc}", err=True)
        sys.exit(1)
    except KeyboardInterrupt:
        click.echo("\ngongwen batch: interrupted; run the same command again to finish (parsed files are kept)",
                   err=True)
        sys.exit(130)
    for rel, reason in summary.skipped:
        click.echo(f"gongwen batch: skipped: {rel}: {reason}", err=True)
    for rel, reason in summary.failures:
        click.echo(f"gongwen batch: failed: {rel}: {reason}", err=True)
    for line in summary_lines(summary, output):
        click.echo(f"gongwen batch: {line}")
    sys.exit(summary.exit_code)
