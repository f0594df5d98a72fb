"""The DI samples: expected records, the seed letter as DI (same record as its text), validity, bad DI files."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline.cli import main
from pipeline.exchange.di_write import letter_to_package
from pipeline.exchange.validate import dtd_errors
from pipeline.load import load_record
from pipeline.records import to_dict

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
INBOX, EXPECTED, BAD = SAMPLES / "inbox", SAMPLES / "expected", SAMPLES / "bad"
DI_SAMPLES = sorted(INBOX.glob("*.di"))
SEED_TEXT = INBOX / "000_7274a88dd80a289e.txt"
SEED_DI = INBOX / "376550000A1080251637.di"


def without(record: dict, *keys: str) -> dict:
    """Given a record dict, return it without the given top-level keys."""
    return {k: v for k, v in record.items() if k not in keys}


def test_the_di_samples_cover_the_cases():
    raw = {p.name: p.read_bytes() for p in DI_SAMPLES}
    assert len(raw) >= 4
    assert any(data.startswith(b"\xef\xbb\xbf") for data in raw.values()), "a DI with a UTF-8 BOM"
    assert any(b'encoding="big5"' in data for data in raw.values()), "a Big5 DI"
    assert any("段名=\"\"".encode() in data for data in raw.values() if data.startswith(b"\xef\xbb\xbf")), "empty 段名"
    records = [load_record(str(p)) for p in DI_SAMPLES]
    assert any(r.doc_type == "書函" for r in records)
    assert any(r.secrecy.level and r.secrecy.condition for r in records)
    rosters = [p for p in INBOX.glob("*.sw")]
    assert any(len(load_record(str(p.with_suffix(".di"))).cc_main) >= 4 for p in rosters)


@pytest.mark.parametrize("path", DI_SAMPLES, ids=[p.stem for p in DI_SAMPLES])
def test_di_sample_matches_expected_record(path):
    expected = json.loads((EXPECTED / f"{path.stem}.json").read_text(encoding="utf-8"))
    record = load_record(str(path))
    assert record.source.format == "di"
    actual = without(to_dict(record), "source", "warnings")
    differences = [k for k in set(expected) | set(actual) if expected.get(k) != actual.get(k)]
    assert not differences, {k: (actual.get(k), expected.get(k)) for k in differences}
    assert record.warnings == [], record.warnings


@pytest.mark.parametrize("path", DI_SAMPLES + sorted(INBOX.glob("*.sw")), ids=lambda p: p.name)
def test_di_sample_is_valid_against_the_dtd(path):
    assert dtd_errors(path.read_bytes()) == []


def test_seed_di_is_what_the_writer_writes_from_the_seed_text():
    package = letter_to_package(load_record(str(SEED_TEXT)))
    assert package.name == SEED_DI.stem
    assert package.di == SEED_DI.read_bytes()
    assert package.roster == SEED_DI.with_suffix(".sw").read_bytes()


def test_seed_di_gives_the_seed_text_record():
    text = to_dict(load_record(str(SEED_TEXT)))
    di = to_dict(load_record(str(SEED_DI)))
    assert without(di, "source", "warnings", "attachments") == without(text, "source", "warnings", "attachments")
    assert [(a["title"], a["file"]) for a in di["attachments"]] == [(a["title"], a["file"]) for a in text["attachments"]]


def test_seed_di_attachments_are_found_and_parse_like_the_bundle():
    text = load_record(str(SEED_TEXT))
    di = load_record(str(SEED_DI))
    assert di.warnings == []  # both attachment files and the roster are beside it
    for inline, named in zip(text.attachments, di.attachments):
        attachment = to_dict(load_record(str(INBOX / named.file)))
        assert attachment["schema"].split("/")[1].split("@")[0] == inline.kind
        assert without(attachment, "source", "warnings") == without(inline.content, "source", "warnings")


BAD_DI = {
    "di-malformed.di": "malformed DI: mismatched tag: line 11, column 4",
    "di-entity-bomb.di": "DI refused: declares entity lol (only attachment file entities are allowed)",
    "di-external-entity.di": "DI refused: declares external entity secret (only attachment file entities are allowed)",
    "di-attachment-outside.di": "DI refused: entity ATTCH1 names '../../etc/passwd', not a plain file name in the DI's folder",
}


@pytest.mark.parametrize("name", sorted(BAD_DI))
def test_bad_di_gets_its_one_line_error(name):
    path = BAD / name
    result = CliRunner().invoke(main, ["parse", str(path)])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == f"gongwen: {path}: {BAD_DI[name]}\n"
