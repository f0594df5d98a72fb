"""What a batch shows a person: a moving bar on a terminal (a real pseudo-terminal), periodic plain lines
elsewhere, a line a file with --verbose, nothing with --quiet, and the summary table."""
from __future__ import annotations

import os
import pty
import re
import select
import subprocess
import time
from pathlib import Path

from test_batch import GONGWEN, write_letter

from pipeline.commands.progress import bar_line, clock, rate_and_eta


def make_inbox(folder: Path, letters: int) -> Path:
    inbox = folder / "inbox"
    inbox.mkdir()
    for n in range(letters):
        write_letter(inbox, f"letter-{n:03d}.txt", n)
    (inbox / "empty.txt").write_bytes(b"")
    return inbox


def run_on_terminal(args: list[str], env: dict | None = None) -> tuple[int, str]:
    """Run a command with a pseudo-terminal as its stdin, stdout and stderr; return its exit status and all it wrote."""
    leader, follower = pty.openpty()
    proc = subprocess.Popen(args, stdin=follower, stdout=follower, stderr=follower, close_fds=True,
                            env={**os.environ, "COLUMNS": "100", **(env or {})})
    os.close(follower)
    chunks, deadline = [], time.monotonic() + 300
    while time.monotonic() < deadline:
        ready, _, _ = select.select([leader], [], [], 0.5)
        if ready:
            try:
                data = os.read(leader, 65536)
            except OSError:  # the terminal closed: the command is done
                break
            if not data:
                break
            chunks.append(data)
        elif proc.poll() is not None:
            break
    os.close(leader)
    return proc.wait(timeout=60), b"".join(chunks).decode("utf-8", "replace")


def test_a_terminal_shows_a_moving_bar_and_the_summary_table(tmp_path):
    inbox = make_inbox(tmp_path, 500)
    status, screen = run_on_terminal([GONGWEN, "batch", str(inbox), "-o", str(tmp_path / "out"), "--jobs", "2"])
    assert status == 2  # empty.txt failed
    bars = re.findall(r"\r\[([#-]{24})\] (\d+)/501 [\d.]+/s ETA [\d:-]+ ", screen)
    counts = [int(n) for _, n in bars]
    assert len(bars) == 501 and counts == sorted(counts) and counts[-1] == 501  # it moved, file by file
    assert bars[0][0].count("#") < bars[-1][0].count("#") == 24
    assert re.search(r"\r\[[#-]{24}\] \d+/501 .*letter-\d{3}\.txt", screen)  # the current file is named
    assert "\x1b[31mgongwen batch: failed: empty.txt: empty file" in screen  # red on a terminal
    table = screen[screen.index("gongwen batch: summary"):]
    assert re.search(r"  letters +500\r?\n  attachments +0\r?\n  duplicates +0\r?\n  skipped +0\r?\n"
                     r"  failed +1\r?\n  +empty\.txt: empty file\r?\n", table), table


def test_no_colour_with_no_color_set(tmp_path):
    inbox = make_inbox(tmp_path, 3)
    status, screen = run_on_terminal([GONGWEN, "batch", str(inbox), "-o", str(tmp_path / "out")], {"NO_COLOR": "1"})
    assert status == 2 and "gongwen batch: failed: empty.txt: empty file" in screen and "\x1b[" not in screen


def test_off_a_terminal_plain_periodic_lines_verbose_each_file_quiet_nothing(tmp_path):
    inbox = make_inbox(tmp_path, 40)
    plain = subprocess.run([GONGWEN, "batch", str(inbox), "-o", str(tmp_path / "a")], capture_output=True, text=True)
    assert plain.returncode == 2 and "\r" not in plain.stderr
    assert plain.stderr.splitlines()[0] == "gongwen batch: 41 file(s) to parse, 0 unchanged since the last run"
    assert re.search(r"^gongwen batch: 41/41 parsed \(1 failed\), [\d.]+ files/s$", plain.stderr, re.M)
    assert "] letter-" not in plain.stderr and "gongwen batch: summary" in plain.stdout
    verbose = subprocess.run([GONGWEN, "batch", str(inbox), "-o", str(tmp_path / "b"), "--verbose"],
                             capture_output=True, text=True)
    assert len(re.findall(r"^gongwen batch: \[\d+/41\] \S+: (parsed|failed: .+)$", verbose.stderr, re.M)) == 41
    quiet = subprocess.run([GONGWEN, "batch", str(inbox), "-o", str(tmp_path / "c"), "--quiet"],
                           capture_output=True, text=True)
    assert quiet.returncode == 2 and quiet.stdout == ""
    assert quiet.stderr == "gongwen batch: failed: empty.txt: empty file\n"


def test_bar_arithmetic():
    assert clock(65) == "1:05" and clock(3725) == "1:02:05"
    assert rate_and_eta(10, 50, 5.0) == (2.0, 20.0) and rate_and_eta(0, 50, 0.0) == (0.0, None)
    line = bar_line(12, 24, 6.0, "a/very/long/path/of/a/letter.pdf", 60)
    assert line.startswith("[############------------] 12/24 2.0/s ETA 0:06 ") and len(line) <= 59
    assert line.endswith("letter.pdf") and "…" in line
