"""The seed letter (花蓮縣政府 府政行字第1080251637號), verbatim, gives every value the issue names."""
import hashlib
import json
import subprocess
import sys
from pathlib import Path

from pipeline.load import load_record

SEED = Path(__file__).parent.parent / "samples" / "inbox" / "000_7274a88dd80a289e.txt"


def test_seed_header_fields():
    letter = load_record(str(SEED))
    assert letter.issuer == "花蓮縣政府"
    assert letter.doc_type == "函"
    assert letter.date.iso == "2019-11-12" and letter.date.roc == "108年11月12日"
    d = letter.dispatch_no
    assert (d.text, d.word, d.year, d.serial, d.number) == ("府政行字第1080251637號", "府政行", 108, "0251637", "1080251637")
    assert letter.recipient == "花蓮縣萬榮鄉明利國民小學"
    assert letter.speed == "普通件"
    assert (letter.contact.name, letter.contact.phone, letter.contact.email) == ("許明浩", "8222944", "zzzrobert@hl.gov.tw")
    assert letter.address == "97001花蓮縣花蓮市府前路17號"
    assert letter.file_no is None and letter.retention is None
    assert letter.secrecy.level is None and letter.secrecy.condition is None
    assert letter.source.sha256 == hashlib.sha256(SEED.read_bytes()).hexdigest()


def test_seed_attachments_paired_with_files():
    letter = load_record(str(SEED))
    assert [(a.title, a.file) for a in letter.attachments] == [
        ("花蓮縣政府辦理第15任總統副總統及第10屆立法委員選舉期間專案安全維護計畫", "376550000A1080251637_118_ATTACH1.odt"),
        ("花蓮縣政府辦理第15任總統副總統及第10屆立法委員選舉期間維護工作分工表", "376550000A1080251637_118_ATTACH2.odt"),
    ]


def test_seed_body():
    letter = load_record(str(SEED))
    assert letter.subject == ("檢送「本府第15任總統副總統及第10屆立法委員選舉期間專案安全維護計畫」1案及維護工作分工表1份，"
                              "請據以加強安全維護措施，請查照。")
    (section,) = letter.sections
    assert section.name == "說明" and [i.marker for i in section.items] == ["一", "二"]
    assert section.items[0].text == "依據法務部廉政署108年10月14日廉政字第10807018360號函辦理。"
    assert section.items[1].text.endswith("以保障選舉期間機關安全。")


def test_seed_distribution():
    letter = load_record(str(SEED))
    assert len(letter.cc_main) == 10
    assert letter.cc_main[2].name == "本縣各公立國民中-小學"
    assert letter.cc_main[1].name == "本府所屬一-二級機關"
    assert len(letter.cc_copy) == 11
    assert letter.cc_copy[-1].name == "花蓮縣花蓮市公所政風室"
    assert not any(a.with_attachments for a in letter.cc_main + letter.cc_copy)
    assert any("電2009/11/33" in w for w in letter.warnings)


def test_seed_reference_and_period():
    letter = load_record(str(SEED))
    (ref,) = letter.references
    assert (ref.issuer, ref.date.iso, ref.dispatch_no.text, ref.kind) == (
        "法務部廉政署", "2019-10-14", "廉政字第10807018360號", "函")
    (period,) = letter.periods
    assert (period.from_, period.to, period.days, period.stated_days) == ("2019-12-14", "2020-01-11", 29, 29)
    assert not any("stated" in w for w in letter.warnings)


def test_attachment_text_not_swallowed():
    letter = load_record(str(SEED))
    everything = json.dumps([letter.subject, letter.sections and letter.sections[0].items[-1].text,
                             [a.name for a in letter.cc_copy], letter.signature], ensure_ascii=False)
    assert "壹" not in everything and "依據法務部廉政署108年10月14日廉政字第10807018360號書函" not in everything
    assert "分工表" not in letter.cc_copy[-1].name


def test_cli_prints_json_and_rejects_bad_files(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    run = subprocess.run([sys.executable, "-m", "pipeline.cli", "parse", str(SEED), str(empty)],
                         capture_output=True, text=True)
    assert run.returncode == 1
    assert run.stderr.strip() == f"gongwen: {empty}: empty file"
    records = json.loads(run.stdout)
    assert records[0]["dispatch_no"]["text"] == "府政行字第1080251637號"


def test_non_regular_files_and_links(tmp_path):
    import os
    import pytest
    from pipeline.errors import InputError
    from pipeline.read import read_bytes
    fifo = tmp_path / "fifo.txt"
    os.mkfifo(fifo)
    link = tmp_path / "link.txt"
    link.symlink_to(SEED)
    with pytest.raises(InputError, match="not a regular file"):
        read_bytes(str(fifo))  # returns at once: a FIFO is never waited on
    with pytest.raises(InputError, match="is a folder"):
        read_bytes(str(tmp_path))
    with pytest.raises(InputError, match="symbolic link, not followed"):
        read_bytes(str(link), follow_links=False)
    assert read_bytes(str(link)) == SEED.read_bytes()
