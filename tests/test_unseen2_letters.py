"""A second blind corpus: letter forms the first (tests/data/unseen) does not cover, each with a hand-written record.

tests/data/unseen2/<stem>.txt is a letter as text extraction gives it; <stem>.json is what a 收發文 clerk
would register, in the conventions of samples/expected (without source and warnings). The forms: 總統府,
監察院 and 考試院 letters; a 區公所 letter to a 里辦公處; a school 書函 to parents with 辦法 only; 建議;
說明 with text before its items and 說明 with no items; 挪抬 spaces (「請 查照」, 「依 貴局」); labels
without colons; 速別 「普通」; 附件 lists joined by 、 and 及, 「如說明二」, and bare file names; 受文者
「如行文單位」 and 「如正副本行文單位」; 正本 「各縣(市)政府」 and entries split by ASCII commas; 副本 naming a
person, and empty; a 發文日期 wrapped over two lines; a full-width 發文字號 with 「（二）」; 令 and 公告 cited,
a cited letter without a number; periods without a start (not a period) or with a count in years; two
letters on one line each; page footers 「1/2」, 「- 1 -」 and 「第1頁/共2頁」 with binding-line text.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from test_samples import field_differences

from pipeline.load import load_record
from pipeline.records import to_dict

UNSEEN2 = Path(__file__).resolve().parent / "data" / "unseen2"
LETTERS = sorted(UNSEEN2.glob("*.txt"))

# Page furniture the letters carry (footers, binding-line text, dotted rules), which no field may keep.
NOISE = ("1/2", "2/2", "- 1 -", "- 2 -", "第1頁", "共2頁", "……", "裝　", "嘉義市政府函")


def parsed(path: Path) -> dict:
    """Given a letter of the corpus, return its parsed record as a dict without source and warnings."""
    record = to_dict(load_record(str(path)))
    record.pop("source")
    record.pop("warnings")
    return record


def test_corpus_is_complete():
    assert len(LETTERS) >= 14
    missing = [p.name for p in LETTERS if not p.with_suffix(".json").exists()]
    assert not missing, f"letters without an expected record: {missing}"


@pytest.mark.parametrize("path", LETTERS, ids=[p.stem for p in LETTERS])
def test_letter_matches_expected_record(path: Path):
    expected = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
    differences = field_differences(expected, parsed(path))
    assert not differences, f"{path.name} differs from its expected record:\n  " + "\n  ".join(differences)


@pytest.mark.parametrize("path", LETTERS, ids=[p.stem for p in LETTERS])
def test_letter_keeps_no_page_furniture(path: Path):
    text = json.dumps(parsed(path), ensure_ascii=False)
    leaked = [noise for noise in NOISE if noise in text]
    assert not leaked, f"{path.name}: {leaked} leaked into the record"
