"""Letter corpora written by engineers who had not read the parser, each letter with a hand-written record.

tests/data/<corpus>/<stem>.(txt|pdf) is a letter as extraction gives it; <stem>.json is what a 收發文 clerk
would register, in the conventions of samples/expected (without source and warnings).

- unseen: agencies of every level as text extraction gives them (plain, layout-preserving, full-width,
  OCR-noisy, a 聯絡方式 block without labels, 署名 titles such as 議長 and 分署長, 字 with digits).
- unseen2: forms the first set does not cover (labels without colons, 辦法 only, 建議, 附件 lists joined
  by 及, bare file names, 受文者 「如行文單位」, wrapped 發文日期, footers 「1/2」 and 「- 1 -」 …).
- unseen_pdf: PDFs made by make_pdfs.py beside them (odfpy + LibreOffice) laid out as agencies' PDFs
  are: a centred, letter-spaced title beside the address block, hanging indents, a 裝訂線 on every page,
  footers, a title repeated as a page-2 header, a ruled table inside 說明 (rows as lines, cells by a tab).
- unseen3: other agencies in the seed's own extraction style (every PDF line a paragraph, 「- 」 before
  items, spaces from line joins, a 電YYYY/MM/DD stamp glued to the last entry, 「第1頁,共1頁」), three of
  them bundles with their plan or 分工表 after the letter. An expected attachment without "content"
  only names its kind; the parsed content must then be a record of that kind.
- unseen4: agencies not used before, mixed: OCR text of scanned letters (「:」 「;」 「,」 「(」 read for
  full-width marks, one 「-、」 for 「一、」, specks ' ` . | before labels and at line ends, lines broken
  mid-word, a two-column header read row by row, a 收文 stamp above the title, 「(蓋職章)」 after the
  署名, 裝/訂/線 lines) and LibreOffice PDFs (make_pdfs.py) of a letter merged with its plan and ruled
  分工表 in ONE file.
- unseen5: LibreOffice PDFs of agencies not used before (make_texts.py), each read by three real extractors:
  <stem>.pdfplumber.txt (default extract_text), <stem>.pdftotext-layout.txt and <stem>.pdftotext.txt (poppler);
  the three texts of one letter share one expected record, <stem>.json (the name before the first dot).
- unseen6: LibreOffice PDFs of agencies not used before, in other head layouts (make_texts.py): a two-column
  contact table beside the title, 檔號 / 保存年限 in a ruled table, 受文者 before the address block; a 4-line
  主旨 over 8 items three levels deep, a 書函 of a 國營事業, 正本 of 12 entries over 3 lines, 3 bare exchange
  file names over 2 lines, 密 with 解密條件 and 最速件; each read as <stem>.pdfplumber.txt (default extract_text),
  <stem>.pdfplumber-layout.txt (extract_text(layout=True)) and <stem>.pypdfium2.txt (get_text_range).
- unseen7: LibreOffice PDFs of agencies not used before in the wording of 民國89–101 (make_texts.py): 發文字號 with
  a leading-zero year (第0990012345號), 發文日期 in Chinese numerals, 「台」 names, 密等 「普通」, 電話 (049)2642106轉123,
  two letters without 電子信箱, citations of 函 / 書函 / 令 / 公告 / 開會通知單 (some of 88年 and 八十九年 with their 7-
  and 8-digit numbers), 署名 「局長　○○○」; each read as <stem>.pdfplumber.txt and <stem>.pdftotext-layout.txt.
- unseen8: LibreOffice PDFs of 民國112–114 letters a school or township clerk receives most (make_texts.py): a 教育處
  letter to all schools, a 國民小學 replying upward (鈞處, 請鑒核), a 鄉公所 辦法 to 村辦公處, a 警察局分局 密/最速件, a
  衛生所 with two exchange files under one 「及」 title, a 區公所 whose 說明 (6 items, (一)(二) children) runs onto page 2,
  a 農田水利署 管理處 whose stated day count is wrong, 附件 「如文」 and titles with counts; each read as
  <stem>.pdfplumber.txt and <stem>.pypdfium2.txt.
- unseen9: bundles in the seed's extraction style from agencies not used before, varying the attachments: a 分工表
  of three columns (項次 單位 工作事項), one headed 權責單位 辦理事項 完成期限, a plan 壹→一→(一)→1.→(1), a 作業要點
  of 一、 sections only, a 報名表 (kind "other") and two attachments in the order opposite to the 附件 list;
  <stem>.division.json holds the hand-written rows of a bundled 分工表.
"""
from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from test_samples import field_differences

from pipeline.load import load_record
from pipeline.records import DIVISION_SCHEMA, PLAN_SCHEMA, to_dict

DATA = Path(__file__).resolve().parent / "data"
# corpus → (letter file suffixes, the least number of letters, page furniture no field may keep)
CORPORA = {
    "unseen": ((".txt",), 14, ("第1頁", "共2頁", "|", ",.")),
    "unseen2": ((".txt",), 14, ("1/2", "2/2", "- 1 -", "- 2 -", "第1頁", "共2頁", "……", "裝　", "嘉義市政府函")),
    "unseen_pdf": ((".pdf",), 8, ("第1頁", "共1頁", "共2頁", "┊", "裝訂線")),
    "unseen3": ((".txt",), 14, ("第1頁", "共1頁", "共2頁", "電2024", "電2025")),
    "unseen4": ((".txt", ".pdf"), 12, ("第 1 頁", "第1頁", "共2頁", "共3頁", "收文", "蓋職章", "|", "`", "'")),
    "unseen5": ((".txt",), 30, ("第 1 頁", "第1頁", "共 1 頁", "共1頁", "共2頁", "共3頁", "┊", "裝")),
    "unseen6": ((".txt",), 24, ("第1頁", "共1頁", "共2頁", "┊", "裝")),
    "unseen7": ((".txt",), 16, ("第1頁", "共1頁", "┊", "裝")),
    "unseen8": ((".txt",), 16, ("第1頁", "共1頁", "共2頁", "┊", "裝")),
    "unseen9": ((".txt",), 6, ("第1頁", "共1頁", "電2024", "電2025")),
}
SCHEMA_OF_KIND = {"plan": PLAN_SCHEMA, "division": DIVISION_SCHEMA}


def letters_of(corpus: str) -> list[Path]:
    """Given a corpus name, return its letter files (every suffix it holds), sorted."""
    return sorted(path for path in (DATA / corpus).iterdir() if path.suffix in CORPORA[corpus][0])


LETTERS = [(corpus, path) for corpus in CORPORA for path in letters_of(corpus)]
IDS = [f"{corpus}/{path.stem}" for corpus, path in LETTERS]


def parsed(path: Path) -> dict:
    """Given a corpus letter, return its parsed record as a dict without source and warnings."""
    record = to_dict(load_record(str(path)))
    source = record.pop("source")
    record.pop("warnings")
    assert source["format"] == path.suffix[1:].replace("txt", "text")
    assert source["sha256"] == hashlib.sha256(path.read_bytes()).hexdigest()
    return record


@pytest.mark.parametrize("corpus", CORPORA)
def test_corpus_is_complete(corpus):
    letters = letters_of(corpus)
    least = CORPORA[corpus][1]
    assert len(letters) >= least
    missing = [p.name for p in letters if not expected_path(p).exists()]
    assert not missing, f"letters without an expected record: {missing}"


def expected_path(path: Path) -> Path:
    """Given a corpus letter, return its expected record's path: the name before the first dot, with .json."""
    return path.with_name(path.name.split(".")[0] + ".json")


def expected_record(path: Path) -> dict:
    """Given a corpus letter, return its hand-written record."""
    return json.loads(expected_path(path).read_text(encoding="utf-8"))


@pytest.mark.parametrize("corpus,path", LETTERS, ids=IDS)
def test_letter_matches_expected_record(corpus, path: Path):
    expected, actual = expected_record(path), parsed(path)
    for got, want in zip(actual["attachments"], expected["attachments"]):
        if "content" not in want and want["kind"] in SCHEMA_OF_KIND:  # bundled: kind compared here, record below
            assert isinstance(got.pop("content"), dict), f"{path.name}: {got['title']} has no parsed content"
        elif "content" not in want:  # bundled text that is neither plan nor 分工表: no plan or division record
            assert (got.pop("content") or {}).get("schema") not in SCHEMA_OF_KIND.values()
    differences = field_differences(expected, actual)
    assert not differences, f"{corpus}/{path.name} differs from its expected record:\n  " + "\n  ".join(differences)


BUNDLED = [(path, i, a["kind"]) for _, path in LETTERS
           for i, a in enumerate(expected_record(path)["attachments"]) if "content" not in a]


def test_the_bundles_are_there():
    assert len({path for path, _, _ in BUNDLED}) >= 3


@pytest.mark.parametrize("path,index,kind", BUNDLED, ids=[f"{p.stem}-{i}" for p, i, _ in BUNDLED])
def test_bundled_attachment_is_parsed_as_its_kind(path: Path, index: int, kind: str):
    content = parsed(path)["attachments"][index]["content"]
    if kind not in SCHEMA_OF_KIND:  # "other": whatever it holds, not a plan or division record
        assert (content or {}).get("schema") not in SCHEMA_OF_KIND.values()
        return
    assert content is not None, f"{path.name}: attachment {index} ({kind}) has no parsed content"
    assert content["schema"] == SCHEMA_OF_KIND[kind]


@pytest.mark.parametrize("corpus,path", LETTERS, ids=IDS)
def test_letter_keeps_no_page_furniture(corpus, path: Path):
    record = parsed(path)
    for attachment in record["attachments"]:
        attachment.pop("content", None)  # an attachment's own text may name pages
    text = json.dumps(record, ensure_ascii=False)
    leaked = [noise for noise in CORPORA[corpus][2] if noise in text]
    assert not leaked, f"{corpus}/{path.name}: {leaked} leaked into the record"



DIVISIONS = sorted((DATA / "unseen9").glob("*.division.json"))


def test_the_division_expectations_are_there():
    assert len(DIVISIONS) >= 2


@pytest.mark.parametrize("expected_file", DIVISIONS, ids=[p.name.split(".")[0] for p in DIVISIONS])
def test_bundled_division_rows_match_expected(expected_file: Path):
    letter = expected_file.with_name(expected_file.name.split(".")[0] + ".txt")
    want = json.loads(expected_file.read_text(encoding="utf-8"))
    tables = [a["content"] for a in parsed(letter)["attachments"]
              if a["content"] and a["content"]["schema"] == DIVISION_SCHEMA]
    assert tables, f"{letter.name}: no attachment parsed as a division table"
    got = {"title": tables[0]["title"], "rows": tables[0]["rows"]}
    differences = field_differences(want, got)
    assert not differences, f"{letter.name} division differs:\n  " + "\n  ".join(differences)
