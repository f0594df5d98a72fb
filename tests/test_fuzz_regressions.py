"""Every input the fuzzer (scripts/fuzz.py) ever found failing is kept in tests/data/fuzz/ and must now give a
record or a one-line error naming the file."""
from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.errors import InputError
from pipeline.load import load_record

FUZZ = Path(__file__).parent / "data" / "fuzz"
CASES = sorted(p for p in FUZZ.iterdir() if p.is_file()) if FUZZ.is_dir() else []


def test_regressions_are_kept():
    assert len(CASES) >= 21  # the mutants that gave tracebacks before issue 14


@pytest.mark.parametrize("path", CASES, ids=[p.name for p in CASES])
def test_fuzz_regression_is_a_record_or_one_line(path):
    try:
        record = load_record(str(path))
    except InputError as exc:
        assert str(exc).startswith(f"{path}: ") and "\n" not in str(exc)
        return
    assert record.source.sha256 and record.source.path == str(path)


def test_the_fuzzer_runs_a_short_round_clean():
    import subprocess
    import sys
    script = Path(__file__).resolve().parent.parent / "scripts" / "fuzz.py"
    run = subprocess.run([sys.executable, str(script), "--seconds", "3", "--seed", "14"], capture_output=True,
                         text=True, timeout=120)
    assert run.returncode == 0, run.stdout + run.stderr
    summary = run.stdout.strip().splitlines()[-1]
    assert summary.startswith("fuzz: ") and summary.endswith(" ok") and " mutant(s): " in summary
