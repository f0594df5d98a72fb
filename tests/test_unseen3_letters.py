"""A third blind corpus: letters of other agencies in the seed's extraction style, each with a hand-written record.

tests/data/unseen3/<stem>.txt imitates how the seed letter's text was extracted from its PDF: every PDF line a
paragraph between blank lines, 說明 items prefixed with 「- 」, spaces where wrapped lines were joined, ASCII
commas and colons, a 電YYYY/MM/DD stamp glued to the last 正本/副本 entry, the footer 「第1頁,共1頁」 and, in three
bundles, the attachments' text (a plan, a flattened 分工表) after the letter. <stem>.json is the record a
收發文 clerk would register (no source or warnings; a bundle attachment's parsed content left out).
"""
from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from test_samples import field_differences

from pipeline.load import load_record
from pipeline.records import DIVISION_SCHEMA, PLAN_SCHEMA, to_dict

CORPUS = Path(__file__).resolve().parent / "data" / "unseen3"
LETTERS = sorted(CORPUS.glob("*.txt"))
FURNITURE = ("第1頁", "共1頁", "共2頁", "電2024", "電2025")
SCHEMA_OF_KIND = {"plan": PLAN_SCHEMA, "division": DIVISION_SCHEMA}


def parsed(path: Path) -> dict:
    """Given a corpus letter, return its parsed record as a dict without source and warnings."""
    record = to_dict(load_record(str(path)))
    source = record.pop("source")
    record.pop("warnings")
    assert source["format"] == "text"
    assert source["sha256"] == hashlib.sha256(path.read_bytes()).hexdigest()
    return record


def expected_record(path: Path) -> dict:
    """Given a corpus letter, return its hand-written record."""
    return json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))


def test_corpus_is_complete():
    assert len(LETTERS) >= 14
    missing = [p.name for p in LETTERS if not p.with_suffix(".json").exists()]
    assert not missing, f"letters without an expected record: {missing}"
    bundles = [p for p in LETTERS if any("kind" in a and "content" not in a for a in expected_record(p)["attachments"])]
    assert len(bundles) >= 3


@pytest.mark.parametrize("path", LETTERS, ids=[p.stem for p in LETTERS])
def test_letter_matches_expected_record(path: Path):
    expected = expected_record(path)
    actual = parsed(path)
    for got, want in zip(actual["attachments"], expected["attachments"]):
        if "content" not in want:
            got.pop("content", None)
    differences = field_differences(expected, actual)
    assert not differences, f"unseen3/{path.name} differs from its expected record:\n  " + "\n  ".join(differences)


BUNDLED = [(p, i, a["kind"]) for p in LETTERS for i, a in enumerate(expected_record(p)["attachments"])
           if "content" not in a]


@pytest.mark.parametrize("path,index,kind", BUNDLED, ids=[f"{p.stem}-{i}" for p, i, _ in BUNDLED])
def test_bundled_attachment_is_parsed(path: Path, index: int, kind: str):
    attachments = parsed(path)["attachments"]
    assert len(attachments) > index, f"{path.name}: attachment {index + 1} not found"
    content = attachments[index]["content"]
    assert isinstance(content, dict), f"{path.name}: attachment {index + 1} has no parsed content"
    assert content["schema"] == SCHEMA_OF_KIND[kind]


@pytest.mark.parametrize("path", LETTERS, ids=[p.stem for p in LETTERS])
def test_letter_keeps_no_page_furniture(path: Path):
    record = parsed(path)
    for attachment in record["attachments"]:
        attachment.pop("content", None)
    text = json.dumps(record, ensure_ascii=False)
    leaked = [noise for noise in FURNITURE if noise in text]
    assert not leaked, f"unseen3/{path.name}: {leaked} leaked into the record"
