"""The accuracy ratchet (tests/accuracy.py, make accuracy): a field that was right on a real letter stays right."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

import accuracy

from pipeline.records import from_dict, to_dict

REAL = accuracy.CORPUS
UNSEEN = Path(__file__).parent / "data" / "unseen"


@pytest.mark.skipif(not (REAL / accuracy.BASELINE).exists(), reason="no real-letter corpus baseline yet (make accuracy)")
def test_no_field_that_was_right_goes_wrong():
    baseline = json.loads((REAL / accuracy.BASELINE).read_text(encoding="utf-8"))
    assert accuracy.losses(baseline, accuracy.score_corpus(REAL)) == []


def test_every_expected_record_has_the_record_s_shape():
    """A hand-written expected record reads back as a record and writes out the same (a bare string where an entry's
    dict belongs would never match the parser, and breaks whatever copies the records: bench/index.py)."""
    misshapen = []
    for path in sorted(REAL.glob("*.json")):
        if path.name.endswith(".provenance.json") or path.name == accuracy.BASELINE:
            continue
        expected = json.loads(path.read_text(encoding="utf-8"))
        try:
            written = to_dict(from_dict(expected))
        except (TypeError, ValueError) as exc:
            misshapen.append(f"{path.name}: {exc}")
            continue
        misshapen += [f"{path.name}: {key}" for key in expected if key in written and written[key] != expected[key]]
    assert misshapen == []


def copy_letter(stem: str, to: Path) -> None:
    """Copy a letter of tests/data/unseen and its expected record into a corpus folder."""
    for suffix in (".txt", ".json"):
        shutil.copy(UNSEEN / f"{stem}{suffix}", to / f"{stem}{suffix}")


def test_scores_fields_and_letters(tmp_path):
    copy_letter("moa-afa-meeting-notice", tmp_path)
    copy_letter("mnd-shuhan-classified", tmp_path)
    expected = json.loads((tmp_path / "mnd-shuhan-classified.json").read_text(encoding="utf-8"))
    expected["subject"] = "另一個主旨"  # the expected record now disagrees with the parser on one field
    (tmp_path / "mnd-shuhan-classified.json").write_text(json.dumps(expected, ensure_ascii=False), encoding="utf-8")
    scores = accuracy.score_corpus(tmp_path)
    assert scores["pdf"] == {}
    verdicts = scores["text"]["mnd-shuhan-classified"]
    assert [f for f, ok in verdicts.items() if not ok] == ["subject"]
    assert "schema" not in verdicts and "warnings" not in verdicts and "source" not in verdicts
    per_field, overall, fully_right = accuracy.summarise(scores["text"])
    assert per_field["subject"] == 0.5 and per_field["issuer"] == 1.0
    assert fully_right == 1
    assert overall == (2 * len(verdicts) - 1) / (2 * len(verdicts))
    assert "| **letters fully right** | **1 of 2** (50%) | **0 of 0** |" in accuracy.table(scores)


def test_a_pdf_uses_its_own_expected_record(tmp_path):
    (tmp_path / "x.pdf").write_bytes(b"")
    (tmp_path / "x.json").write_text("{}", encoding="utf-8")
    assert accuracy.expected_path(tmp_path / "x.pdf", "pdf") == tmp_path / "x.json"
    (tmp_path / "x.pdf.json").write_text("{}", encoding="utf-8")
    assert accuracy.expected_path(tmp_path / "x.pdf", "pdf") == tmp_path / "x.pdf.json"


def test_ratchet_refuses_to_lower_the_baseline(tmp_path, capsys):
    copy_letter("mnd-shuhan-classified", tmp_path)
    assert accuracy.main([str(tmp_path)]) == 0
    baseline = json.loads((tmp_path / accuracy.BASELINE).read_text(encoding="utf-8"))
    assert "subject" in baseline["text"]["mnd-shuhan-classified"]
    expected = json.loads((tmp_path / "mnd-shuhan-classified.json").read_text(encoding="utf-8"))
    expected["subject"] = "另一個主旨"
    (tmp_path / "mnd-shuhan-classified.json").write_text(json.dumps(expected, ensure_ascii=False), encoding="utf-8")
    assert accuracy.main([str(tmp_path)]) == 1
    assert "text mnd-shuhan-classified: subject" in capsys.readouterr().err
    assert json.loads((tmp_path / accuracy.BASELINE).read_text(encoding="utf-8")) == baseline  # unchanged
    assert accuracy.main([str(tmp_path), "--accept-losses"]) == 0
    lowered = json.loads((tmp_path / accuracy.BASELINE).read_text(encoding="utf-8"))
    assert "subject" not in lowered["text"]["mnd-shuhan-classified"]


def test_readme_section_between_markers(tmp_path):
    readme = tmp_path / "README.md"
    readme.write_text(f"intro\n{accuracy.START}\nold table\n{accuracy.END}\nrest\n", encoding="utf-8")
    accuracy.write_readme("| new |", readme)
    assert readme.read_text(encoding="utf-8") == f"intro\n{accuracy.START}\n| new |\n{accuracy.END}\nrest\n"


def test_an_empty_corpus_is_an_error(tmp_path, capsys):
    assert accuracy.main([str(tmp_path / "missing")]) == 1
    assert "no letters with an expected record" in capsys.readouterr().err
