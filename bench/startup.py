"""How quickly each command starts (make bench): the time of `gongwen --help` (which lists every command, so
loads them all) is the baseline. A sub-command imports only its own module (pipeline/cli.py), so
`gongwen parse --help` (start-up alone) should take no more than that, and a whole run adds its own work.
Prints medians over repeated runs of fresh processes and their ratios to --help; writes
output/bench-startup.json."""
from __future__ import annotations

import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RUNS = 9
LETTER = ROOT / "samples" / "inbox" / "taipei-edu-oneline.txt"


def median_seconds(args: list[str]) -> float:
    """Given gongwen's arguments, return the median wall time of RUNS fresh processes running them."""
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "pipeline.cli", *args], cwd=ROOT, capture_output=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def imported_modules(args: list[str]) -> int:
    """Given gongwen's arguments, return how many modules the command imports."""
    code = ("import sys; from pipeline.cli import main\n"
            "try:\n main(sys.argv[1:])\nexcept SystemExit:\n pass\n"
            "print(len(sys.modules), file=sys.stderr)")
    done = subprocess.run([sys.executable, "-c", code, *args], cwd=ROOT, capture_output=True, text=True)
    return int(done.stderr.strip().splitlines()[-1])


def main() -> None:
    """Print the table and write output/bench-startup.json."""
    with tempfile.TemporaryDirectory() as tmp:
        index = Path(tmp) / "index.sqlite"
        subprocess.run([sys.executable, "-m", "pipeline.cli", "batch", "samples/inbox", "-o", tmp], cwd=ROOT,
                       capture_output=True)
        commands = {"--help": ["--help"], "parse --help": ["parse", "--help"], "search --help": ["search", "--help"],
                    "parse": ["parse", str(LETTER)],
                    "search": ["search", "選舉", "--index", str(index)], "render ack": ["render", "ack", str(LETTER),
                    "--format", "txt", "-o", str(Path(tmp) / "rendered")]}
        rows = {name: (median_seconds(args), imported_modules(args)) for name, args in commands.items()}
    base = rows["--help"][0]
    print(f"{'command':<14} {'median s':>9} {'× --help':>9} {'modules':>8}")
    for name, (seconds, modules) in rows.items():
        print(f"{name:<14} {seconds:9.3f} {seconds / base:9.2f} {modules:8d}")
    out = ROOT / "output" / "bench-startup.json"
    out.write_text(json.dumps({n: {"seconds": s, "ratio": s / base, "modules": m} for n, (s, m) in rows.items()}, indent=1))


if __name__ == "__main__":
    main()
