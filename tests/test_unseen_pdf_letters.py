"""Unseen PDF letters: eight 函 / 書函 laid out as agencies' PDFs are, each with a hand-written record.

tests/data/unseen_pdf/<stem>.pdf is made by make_pdfs.py beside it (odfpy + LibreOffice): 檔號 and
保存年限 at the top right, a centred title (letter-spaced, or beside the address block in a frame or
a borderless table), 受文者 in a larger font, hanging indents, a 裝訂線 on every page, page footers,
a two-page letter with the title repeated as a header, a wrapped e-mail, a ruled table in 說明.
<stem>.json is what a 收發文 clerk would register, in the conventions of samples/expected (without
source and warnings); a table inside an item is written into the item's text as the block model
flattens tables (rows on new lines, cells joined by a tab).
"""
from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from test_samples import field_differences

from pipeline.load import load_record
from pipeline.records import to_dict

HERE = Path(__file__).resolve().parent / "data" / "unseen_pdf"
EXPECTED = sorted(HERE.glob("*.json"))

# Page furniture every letter carries, which no field may keep.
NOISE = ("第1頁", "共1頁", "共2頁", "┊", "裝訂線")


def parsed(expected: Path) -> dict:
    """Given an expected record's path, return its PDF's parsed record as a dict (skip when the PDF is missing)."""
    pdf = expected.with_suffix(".pdf")
    if not pdf.exists():
        pytest.skip(f"{pdf.name} is missing: run .venv/bin/python tests/data/unseen_pdf/make_pdfs.py")
    record = to_dict(load_record(str(pdf)))
    source = record.pop("source")
    record.pop("warnings")
    assert source["format"] == "pdf"
    assert source["sha256"] == hashlib.sha256(pdf.read_bytes()).hexdigest()
    return record


def test_corpus_is_complete():
    assert len(EXPECTED) == 8
    stems = {p.stem for p in HERE.glob("*.pdf")}
    assert stems <= {p.stem for p in EXPECTED}, f"PDFs without an expected record: {stems - {p.stem for p in EXPECTED}}"


@pytest.mark.parametrize("expected", EXPECTED, ids=[p.stem for p in EXPECTED])
def test_unseen_pdf_matches_expected_record(expected: Path):
    want = json.loads(expected.read_text(encoding="utf-8"))
    differences = field_differences(want, parsed(expected))
    assert not differences, f"{expected.stem}.pdf differs from its expected record:\n  " + "\n  ".join(differences)


@pytest.mark.parametrize("expected", EXPECTED, ids=[p.stem for p in EXPECTED])
def test_unseen_pdf_keeps_no_page_furniture(expected: Path):
    text = json.dumps(parsed(expected), ensure_ascii=False)
    leaked = [noise for noise in NOISE if noise in text]
    assert not leaked, f"{expected.stem}.pdf: {leaked} leaked into the record"
