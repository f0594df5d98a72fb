"""How a batch reports as it goes: a bar on a terminal, periodic plain lines elsewhere, one line a file
with --verbose, nothing with --quiet; and its closing summary as a short table."""
from __future__ import annotations

import os
import shutil
import sys
import time

import click

from pipeline.i18n import _, translate

BAR_WIDTH = 24
LOG_EVERY_SECONDS = 10.0  # off a terminal, a line at most this often (and at the end)


def use_colour(stream) -> bool:
    """Given an output stream, return whether to colour it: only on a terminal, never with NO_COLOR set."""
    return stream.isatty() and not os.environ.get("NO_COLOR")


def clock(seconds: float) -> str:
    """Given seconds, return them as H:MM:SS or M:SS."""
    minutes, secs = divmod(int(seconds + 0.5), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def rate_and_eta(done: int, total: int, elapsed: float) -> tuple[float, float | None]:
    """Given files done of total and the seconds elapsed, return files a second and the seconds still to go."""
    rate = done / elapsed if elapsed > 0 else 0.0
    return rate, ((total - done) / rate if rate else None)


def bar_line(done: int, total: int, elapsed: float, current: str, width: int) -> str:
    """Given the progress, the current file and the terminal width, return one bar line to draw."""
    rate, eta = rate_and_eta(done, total, elapsed)
    filled = BAR_WIDTH * done // total if total else BAR_WIDTH
    head = (f"[{'#' * filled}{'-' * (BAR_WIDTH - filled)}] {done}/{total} {rate:.1f}/s "
            f"ETA {clock(eta) if eta is not None else '--:--'} ")
    room = max(width - len(head) - 1, 0)
    tail = current if len(current) <= room else "…" + current[-(room - 1):] if room > 1 else ""
    return head + tail


def starting_line(total: int, reused: int) -> str:
    """Given the files to parse and those unchanged, return the line a batch starts with."""
    return _("gongwen batch: {total} file(s) to parse, {reused} unchanged since the last run").format(
        total=total, reused=reused)


class QuietProgress:
    """No progress at all (--quiet)."""

    def start(self, total: int, reused: int) -> None: ...
    def done(self, rel: str, result: dict) -> None: ...
    def finish(self) -> None: ...


class LogProgress:
    """Plain lines on stderr (not a terminal): a line at most every LOG_EVERY_SECONDS, or one a file when verbose."""

    def __init__(self, verbose: bool = False, every: float = LOG_EVERY_SECONDS):
        self.verbose, self.every = verbose, every

    def start(self, total: int, reused: int) -> None:
        self.total, self.count, self.failed = total, 0, 0
        self.started = self.last = time.monotonic()
        click.echo(starting_line(total, reused), err=True)

    def done(self, rel: str, result: dict) -> None:
        self.count += 1
        self.failed += not result["ok"]
        now = time.monotonic()
        if self.verbose:
            status = _("parsed") if result["ok"] else _("failed: {reason}").format(reason=translate(result["reason"]))
            click.echo(f"gongwen batch: [{self.count}/{self.total}] {rel}: {status}", err=True)
        elif now - self.last >= self.every:
            self.last = now
            self.line(now)

    def line(self, now: float) -> None:
        """Write one periodic line: how far, how fast, how long still."""
        rate, eta = rate_and_eta(self.count, self.total, now - self.started)
        left = _(", about {time} left").format(time=clock(eta)) if eta is not None and self.count < self.total else ""
        click.echo(_("gongwen batch: {done}/{total} parsed ({failed} failed), {rate} files/s").format(
            done=self.count, total=self.total, failed=self.failed, rate=f"{rate:.1f}") + left, err=True)

    def finish(self) -> None:
        if not self.verbose and self.total:
            self.line(time.monotonic())


class BarProgress:
    """A bar redrawn on the terminal: files done/total, rate, time left, current file."""

    def __init__(self, stream=None):
        self.stream = stream or sys.stderr

    def start(self, total: int, reused: int) -> None:
        self.total, self.count, self.started = total, 0, time.monotonic()
        click.echo(starting_line(total, reused), err=True)

    def done(self, rel: str, result: dict) -> None:
        self.count += 1
        width = shutil.get_terminal_size((80, 24)).columns
        line = bar_line(self.count, self.total, time.monotonic() - self.started, rel, width)
        self.stream.write("\r" + line.ljust(width - 1)[: width - 1])
        self.stream.flush()

    def finish(self) -> None:
        if self.count:
            self.stream.write("\n")
            self.stream.flush()


def choose_progress(quiet: bool, verbose: bool, stream=None):
    """Given --quiet/--verbose and the stream (stderr), return the progress reporter that fits."""
    stream = stream or sys.stderr
    if quiet:
        return QuietProgress()
    if verbose or not stream.isatty():
        return LogProgress(verbose=verbose)
    return BarProgress(stream)


def summary_table(summary, output: str) -> list[str]:
    """Given a batch Summary and the output folder, return the closing summary as table lines."""
    c = summary.counts
    letters = c.get("parsed", 0)
    partial = _(" ({n} partial)").format(n=summary.partial) if summary.partial else ""
    index = summary.index
    rows = [(_("letters"), f"{letters}{partial}"),
            (_("attachments"), str(c.get("attachment-of", 0))),
            (_("duplicates"), str(c.get("skipped-duplicate", 0))),
            (_("skipped"), str(c.get("skipped", 0))),
            (_("failed"), str(c.get("failed", 0))),
            *[("", f"{path}: {translate(reason)}") for path, reason in summary.failures],
            (_("parsed now"), _("{n} ({reused} unchanged)").format(n=summary.parsed_now, reused=summary.reused)),
            (_("index"), _("{added} added, {replaced} replaced, {removed} removed").format(
                added=index.get("added", 0), replaced=index.get("replaced", 0), removed=index.get("removed", 0))),
            (_("time"), f"{summary.seconds:.1f} s → {output}")]
    return [f"  {pad(name, 12)} {value}" for name, value in rows]


def pad(text: str, width: int) -> str:
    """Given a label and a display width, return it padded to that width (a CJK character counts two)."""
    shown = sum(2 if ord(ch) > 0x2E7F else 1 for ch in text)
    return text + " " * max(width - shown, 0)
