"""Benchmark: how fast hostile and broken inputs are refused, against parsing a good letter.

Run by ``make bench``. Each bad file of samples/bad is refused by ``load_record`` (median of
REPEATS runs) and shown as a ratio to parsing the seed letter's text in the same run; the
figures are also written to output/bench-bad_inputs.json. A ratio well under 1 shows that a
bomb or a broken file costs less than an ordinary letter.
"""
from __future__ import annotations

import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.errors import InputError  # noqa: E402
from pipeline.load import load_record  # noqa: E402

SEED = ROOT / "samples" / "inbox" / "000_7274a88dd80a289e.txt"
BAD = sorted((ROOT / "samples" / "bad").iterdir())
REPEATS = 9


def median_seconds(path: Path) -> tuple[float, str]:
    """Given an input, return the median time load_record takes on it and its outcome."""
    data, times, outcome = path.read_bytes(), [], "parsed"
    for _ in range(REPEATS):
        started = time.perf_counter()
        try:
            load_record(str(path), data)
        except InputError as exc:
            outcome = exc.reason
        times.append(time.perf_counter() - started)
    return statistics.median(times), outcome


def main() -> None:
    """Time the baseline and every bad file, print the table and write the JSON."""
    baseline, _ = median_seconds(SEED)
    rows = [(path.name, *median_seconds(path)) for path in BAD]
    print(f"bad inputs refused (median of {REPEATS}); baseline: the seed letter parsed in {baseline * 1000:.1f} ms")
    print(f"{'file':32} {'ms':>8} {'× seed':>8}  outcome")
    for name, seconds, outcome in rows:
        print(f"{name:32} {seconds * 1000:8.1f} {seconds / baseline:8.3f}  {outcome[:60]}")
    out = ROOT / "output" / "bench-bad_inputs.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps({"baseline_ms": baseline * 1000, "files": [
        {"file": n, "ms": s * 1000, "ratio": s / baseline, "outcome": o} for n, s, o in rows]}, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
