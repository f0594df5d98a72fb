"""A blind corpus: letters from agencies the parser was not written against, each with a hand-written record.

tests/data/unseen/<stem>.txt is a letter as text extraction gives it (plain, layout-preserving,
full-width, OCR-noisy); <stem>.json is what a 收發文 clerk would register, in the conventions of
samples/expected (without source and warnings).
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from test_samples import field_differences

from pipeline.load import load_record
from pipeline.records import to_dict

UNSEEN = Path(__file__).resolve().parent / "data" / "unseen"
LETTERS = sorted(UNSEEN.glob("*.txt"))

# Page furniture and extraction noise the letters carry, which no field may keep.
NOISE = ("第1頁", "共2頁", "|", ",.")


def parsed(path: Path) -> dict:
    """Given an unseen letter, return its parsed record as a dict without source and warnings."""
    record = to_dict(load_record(str(path)))
    record.pop("source")
    record.pop("warnings")
    return record


def test_corpus_is_complete():
    assert len(LETTERS) >= 14
    missing = [p.name for p in LETTERS if not p.with_suffix(".json").exists()]
    assert not missing, f"unseen letters without an expected record: {missing}"


@pytest.mark.parametrize("path", LETTERS, ids=[p.stem for p in LETTERS])
def test_unseen_letter_matches_expected_record(path: Path):
    expected = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
    differences = field_differences(expected, parsed(path))
    assert not differences, f"{path.name} differs from its expected record:\n  " + "\n  ".join(differences)


@pytest.mark.parametrize("path", LETTERS, ids=[p.stem for p in LETTERS])
def test_unseen_letter_keeps_no_noise(path: Path):
    text = json.dumps(parsed(path), ensure_ascii=False)
    leaked = [noise for noise in NOISE if noise in text]
    assert not leaked, f"{path.name}: {leaked} leaked into the record"
