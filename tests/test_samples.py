"""Every sample letter in samples/inbox/ parses to its hand-written record in samples/expected/."""
from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from pipeline.load import load_record
from pipeline.records import to_dict

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
INBOX = SAMPLES / "inbox"
EXPECTED = SAMPLES / "expected"
LETTERS = sorted(p for p in INBOX.glob("*.txt") if (EXPECTED / f"{p.stem}.json").exists())

# Letters that must warn: each entry is a set of words one warning must all contain.
EXPECTED_WARNINGS = {
    "000_7274a88dd80a289e": [("stamp", "電2009/11/33")],
    "newtaipei-labor-penalty-stamp": [("stamp", "電2023/10/17")],
    "pingtung-county-twopage": [("binding",)],
    "hualien-highschool-wrong-days": [("period", "6", "5")],
    "changhua-county-spaces-urgent": [("速別", "急件")],
}


def field_differences(expected, actual, path: str = "") -> list[str]:
    """Given an expected and an actual JSON value, return one readable line per differing leaf."""
    if isinstance(expected, dict) and isinstance(actual, dict):
        lines = []
        for key in sorted(set(expected) | set(actual)):
            where = f"{path}.{key}" if path else key
            if key not in actual:
                lines.append(f"{where}: missing (expected {expected[key]!r})")
            elif key not in expected:
                lines.append(f"{where}: unexpected key (got {actual[key]!r})")
            else:
                lines += field_differences(expected[key], actual[key], where)
        return lines
    if isinstance(expected, list) and isinstance(actual, list):
        lines = []
        if len(expected) != len(actual):
            lines.append(f"{path}: {len(actual)} entries, expected {len(expected)}")
        for i, (e, a) in enumerate(zip(expected, actual)):
            lines += field_differences(e, a, f"{path}[{i}]")
        if len(actual) > len(expected):
            lines += [f"{path}[{i}]: extra {a!r}" for i, a in enumerate(actual) if i >= len(expected)]
        if len(expected) > len(actual):
            lines += [f"{path}[{i}]: missing {e!r}" for i, e in enumerate(expected) if i >= len(actual)]
        return lines
    if expected != actual:
        return [f"{path}: got {actual!r}, expected {expected!r}"]
    return []


def load(path: Path) -> dict:
    """Given a sample letter, return its parsed record as a dict."""
    return to_dict(load_record(str(path)))


def test_every_letter_has_an_expected_record():
    missing = [p.name for p in INBOX.glob("*.txt") if not (EXPECTED / f"{p.stem}.json").exists()]
    assert not missing, f"letters without samples/expected/<stem>.json: {missing}"
    assert len(LETTERS) >= 12


@pytest.mark.parametrize("path", LETTERS, ids=[p.stem for p in LETTERS])
def test_sample_matches_expected_record(path: Path):
    expected = json.loads((EXPECTED / f"{path.stem}.json").read_text(encoding="utf-8"))
    actual = load(path)
    source = actual.pop("source")
    actual.pop("warnings")
    expected.pop("source", None)
    expected.pop("warnings", None)
    assert source["format"] == "text"
    assert source["sha256"] == hashlib.sha256(path.read_bytes()).hexdigest()
    differences = field_differences(expected, actual)
    assert not differences, f"{path.name} differs from its expected record:\n  " + "\n  ".join(differences)


@pytest.mark.parametrize("stem", sorted(EXPECTED_WARNINGS))
def test_sample_warns(stem: str):
    warnings = load(INBOX / f"{stem}.txt")["warnings"]
    for words in EXPECTED_WARNINGS[stem]:
        assert any(all(w in warning for w in words) for warning in warnings), \
            f"{stem}: no warning mentions {words}; warnings: {warnings}"


def states_right_day_counts(path: Path) -> bool:
    """Given a sample letter, return whether every period its expected record holds has a right day count."""
    expected = json.loads((EXPECTED / f"{path.stem}.json").read_text(encoding="utf-8"))
    return all(p["stated_days"] in (None, p["days"]) for p in expected["periods"])


CONSISTENT = [p for p in LETTERS if states_right_day_counts(p)]


@pytest.mark.parametrize("path", CONSISTENT, ids=[p.stem for p in CONSISTENT])
def test_consistent_periods_do_not_warn(path: Path):
    warnings = load(path)["warnings"]
    assert not [w for w in warnings if w.startswith("period")], warnings


@pytest.mark.parametrize("path", LETTERS, ids=[p.stem for p in LETTERS])
def test_page_furniture_is_not_in_any_field(path: Path):
    text = json.dumps({k: v for k, v in load(path).items() if k not in ("source", "warnings")}, ensure_ascii=False)
    for noise in ("第1頁", "第 1 頁", "共2頁", "電2009/11/33", "電2023/10/17"):
        assert noise not in text, f"{path.name}: {noise!r} leaked into the record"
