"""gongwen batch: every input accounted for, bad files reported, re-runs, duplicates, kill-and-rerun, register."""
from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline.attach import attachment_positions
from pipeline.batch import discover, run, streaming
from pipeline.batch.ahead import is_as_planned, joined_to_ahead
from pipeline.batch.run import validate_settings
from pipeline.cli import main
from pipeline.errors import InputError
from pipeline.index.match import sqlite_query
from pipeline.spreadsheet import csv_bytes, neutralise_cell

ROOT = Path(__file__).resolve().parent.parent
INBOX = ROOT / "samples" / "inbox"
BAD = ROOT / "samples" / "bad"
GONGWEN = str(Path(sys.executable).parent / "gongwen")
GOOD_LETTERS = ["000_7274a88dd80a289e.txt", "moe-shuhan-meeting.txt", "motc-reply-npa-secret.txt",
                "taichung-election-topsecret.txt"]
SEED_DISPATCH = "府政行字第1080251637號"

LETTER = """{issuer} 函

地址：970001花蓮縣花蓮市府前路17號
承辦人：王小明 電話：03-8222944
受文者：花蓮縣萬榮鄉明利國民小學
發文日期：中華民國112年{month}月{day}日
發文字號：{word}字第{number}號
速別：普通件
密等及解密條件或保密期限：
附件：
主旨：{subject}
說明：
一、依據法務部廉政署112年1月5日廉政字第11207000123號函辦理。
二、請各單位於{month}月底前完成{topic}並回報辦理情形。
正本：花蓮縣萬榮鄉明利國民小學
副本：本府政風處
"""


def write_letter(folder: Path, name: str, number: int, subject: str | None = None, issuer: str = "花蓮縣政府",
                 word: str = "府政行") -> Path:
    """Write a letter in the 手冊 layout with its own 發文字號 and return its path."""
    topics = ["公務機密維護", "資通安全演練", "防災演練", "選務安全維護", "廉政宣導"]
    topic = topics[number % len(topics)]
    path = folder / name
    path.write_text(LETTER.format(issuer=issuer, month=1 + number % 12, day=1 + number % 28, word=word,
                                  number=f"112{number:07d}", topic=topic,
                                  subject=subject or f"請加強{topic}相關措施（第{number}案），請查照。"),
                    encoding="utf-8")
    return path


def run_batch(inbox: Path, output: Path, *extra: str):
    """Run gongwen batch in-process; return the click result."""
    return CliRunner().invoke(main, ["batch", str(inbox), "-o", str(output), "--jobs", "1", *extra])


def manifest(output: Path) -> dict:
    return json.loads((output / "manifest.json").read_text(encoding="utf-8"))


def by_path(output: Path) -> dict[str, dict]:
    return {e["path"]: e for e in manifest(output)["inputs"]}


def indexed_numbers_at(index: Path) -> set[str]:
    with sqlite3.connect(index) as conn:
        return {row[0] for row in conn.execute("SELECT dispatch_no FROM letters")}


def indexed_numbers(output: Path) -> set[str]:
    return indexed_numbers_at(output / "index.sqlite")


@pytest.fixture
def mixed_inbox(tmp_path) -> Path:
    """An inbox of good letters and every kind of bad file."""
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for name in GOOD_LETTERS:
        shutil.copy(INBOX / name, inbox / name)
    for name in ("truncated.pdf", "encrypted.pdf", "not-odf.odt", "entity-bomb.odt"):
        shutil.copy(BAD / name, inbox / name)
    (inbox / "empty.txt").write_bytes(b"")
    (inbox / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (inbox / "sub").mkdir()
    write_letter(inbox / "sub", "nested.txt", 42)
    return inbox


def test_mixed_inbox_names_every_file_indexes_every_good_letter_and_exits_2(mixed_inbox, tmp_path):
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["batch", str(mixed_inbox), "-o", str(out), "--jobs", "2"])
    assert result.exit_code == 2, result.output
    entries = by_path(out)
    on_disk = {p.relative_to(mixed_inbox).as_posix() for p in mixed_inbox.rglob("*") if p.is_file()}
    assert set(entries) == on_disk
    assert entries["empty.txt"] == {"path": "empty.txt", "sha256": entries["empty.txt"]["sha256"],
                                    "status": "failed", "reason": "empty file"}
    assert entries["binary.txt"]["reason"] == "binary file, not text"
    for bad in ("truncated.pdf", "encrypted.pdf", "not-odf.odt", "entity-bomb.odt"):
        assert entries[bad]["status"] == "failed" and entries[bad]["reason"], bad
        assert "\n" not in entries[bad]["reason"]
    assert "entity" in entries["entity-bomb.odt"]["reason"].lower()
    for good in [*GOOD_LETTERS, "sub/nested.txt"]:
        assert entries[good]["status"] == "parsed", entries[good]
        assert (out / entries[good]["record"]).is_file()
    assert indexed_numbers(out) == {SEED_DISPATCH, "臺教資(四)字第1120109876號", "交路字第1000034521號",
                                    "中市選一字第1120004567號", "府政行字第1120000042號"}
    assert manifest(out)["counts"] == {"parsed": 5, "attachment-of": 0, "failed": 6, "skipped-duplicate": 0,
                                       "skipped": 0}
    assert "failed: empty.txt: empty file" in result.output


def test_records_are_named_issuer_date_number_and_hold_the_letter(tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    shutil.copy(INBOX / "000_7274a88dd80a289e.txt", inbox)
    out = tmp_path / "out"
    assert run_batch(inbox, out).exit_code == 0
    record_path = out / "records" / "花蓮縣政府-2019-11-12-府政行字第1080251637號.json"
    record = json.loads(record_path.read_text(encoding="utf-8"))
    assert record["dispatch_no"]["text"] == SEED_DISPATCH
    assert record["source"]["path"].endswith("000_7274a88dd80a289e.txt")
    assert not list(out.rglob(".gongwen-tmp-*"))


def test_attachment_files_are_grouped_with_their_letter_and_parsed_inline(tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for name in ("000_7274a88dd80a289e.txt", "376550000A1080251637_118_ATTACH1.odt",
                 "376550000A1080251637_118_ATTACH2.odt"):
        shutil.copy(INBOX / name, inbox)
    out = tmp_path / "out"
    run_batch(inbox, out)
    entries = by_path(out)
    letter = entries["000_7274a88dd80a289e.txt"]
    assert letter["attachments"] == ["376550000A1080251637_118_ATTACH1.odt", "376550000A1080251637_118_ATTACH2.odt"]
    for name in letter["attachments"]:
        assert entries[name]["status"] == "attachment-of"
        assert entries[name]["attachment_of"] == "000_7274a88dd80a289e.txt"
    record = json.loads((out / letter["record"]).read_text(encoding="utf-8"))
    kinds = [(a["file"], a["kind"]) for a in record["attachments"]]
    assert kinds == [("376550000A1080251637_118_ATTACH1.odt", "plan"), ("376550000A1080251637_118_ATTACH2.odt", "division")]
    assert record["attachments"][0]["content"]["schema"] == "gongwen/plan@1"
    assert [row["unit"] for row in record["attachments"][1]["content"]["rows"]][-1] == "本府政風處"


def test_exchange_naming_pairs_attachments_a_letter_does_not_name(tmp_path):
    letter = {"dispatch_no": {"number": "1080251637"}, "attachments": [{"title": "計畫", "file": None}]}
    folders = discover.names_by_folder(["a/letter.txt", "a/376550000A1080251637_118_ATTACH1.odt",
                                        "a/376550000A1080251637_118_ATTACH2.odt", "a/999_1_ATTACH1.odt",
                                        "b/376550000A1080251637_118_ATTACH3.odt"])
    assert discover.letter_to_attachment_files("a/letter.txt", letter, folders) == {
        0: "a/376550000A1080251637_118_ATTACH1.odt", 1: "a/376550000A1080251637_118_ATTACH2.odt"}


def test_pairing_agrees_with_the_rule_on_a_large_folder():
    letters = [f"letter-{n:04d}.txt" for n in range(2000)]
    files = [f"376550000A112{n:07d}_1_ATTACH1.odt" for n in range(0, 2000, 2)] + ["Misc.ODT", "notes.txt"]
    folders = discover.names_by_folder(letters + files)
    found = {n: discover.letter_to_attachment_files(
        rel, {"dispatch_no": {"number": f"112{n:07d}"}, "attachments": [{"title": "說明", "file": "misc.odt"}]}, folders)
        for n, rel in enumerate(letters)}
    assert found[2] == {0: "Misc.ODT", 1: "376550000A1120000002_1_ATTACH1.odt"}
    assert found[3] == {0: "Misc.ODT"}
    for n in (0, 1, 1998):
        everything = attachment_positions(["misc.odt"], f"112{n:07d}", [r for r in letters + files if r != letters[n]])
        assert found[n] == everything


def test_rerun_skips_unchanged_and_redoes_changed(tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for n in range(3):
        write_letter(inbox, f"l{n}.txt", n)
    out = tmp_path / "out"
    first = run_batch(inbox, out)
    assert "3 file(s) to parse, 0 unchanged" in first.output
    second = run_batch(inbox, out)
    assert "0 file(s) to parse, 3 unchanged" in second.output
    assert "index        0 added, 0 replaced, 0 removed" in second.output
    write_letter(inbox, "l1.txt", 1, subject="請加強資通安全防護（修正版），請查照。")
    (inbox / "l2.txt").unlink()
    third = run_batch(inbox, out)
    assert "1 file(s) to parse, 1 unchanged" in third.output
    assert "index        0 added, 1 replaced, 1 removed" in third.output
    assert set(by_path(out)) == {"l0.txt", "l1.txt"}
    assert len(list((out / "records").glob("*.json"))) == 2
    with sqlite3.connect(out / "index.sqlite") as conn:
        subjects = {row[0] for row in conn.execute("SELECT subject FROM letters")}
    assert "請加強資通安全防護（修正版），請查照。" in subjects and len(subjects) == 2


def test_same_letter_twice_is_a_duplicate_not_indexed_twice(tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    shutil.copy(INBOX / "000_7274a88dd80a289e.txt", inbox / "a-seed.txt")
    seed = (INBOX / "000_7274a88dd80a289e.txt").read_text(encoding="utf-8")
    (inbox / "b-seed-crlf.txt").write_bytes(seed.replace("\n", "\r\n").encode("utf-8-sig"))
    out = tmp_path / "out"
    result = run_batch(inbox, out)
    assert result.exit_code == 0
    entries = by_path(out)
    assert entries["a-seed.txt"]["status"] == "parsed"
    assert entries["b-seed-crlf.txt"]["status"] == "skipped-duplicate"
    assert entries["b-seed-crlf.txt"]["duplicate_of"] == "a-seed.txt"
    with sqlite3.connect(out / "index.sqlite") as conn:
        assert conn.execute("SELECT count(*) FROM letters").fetchone()[0] == 1
    assert "duplicates   1" in result.output


def test_letter_already_indexed_from_another_inbox_is_a_duplicate(tmp_path):
    index = tmp_path / "archive.sqlite"
    for day in ("mon", "tue"):
        (tmp_path / day).mkdir()
        shutil.copy(INBOX / "000_7274a88dd80a289e.txt", tmp_path / day / f"{day}.txt")
    write_letter(tmp_path / "tue", "other.txt", 7)
    run_batch(tmp_path / "mon", tmp_path / "out-mon", "--index", str(index))
    run_batch(tmp_path / "tue", tmp_path / "out-tue", "--index", str(index))
    entries = by_path(tmp_path / "out-tue")
    assert entries["tue.txt"]["status"] == "skipped-duplicate"
    assert entries["tue.txt"]["duplicate_of"].endswith("mon.txt (indexed from " + str((tmp_path / "mon").resolve()) + ")")
    with sqlite3.connect(index) as conn:
        assert conn.execute("SELECT count(*) FROM letters").fetchone()[0] == 2


def test_a_second_inbox_into_the_same_output_folder_is_refused_and_deletes_nothing(tmp_path):
    for day, number in (("day1", 1), ("day2", 2)):
        (tmp_path / day).mkdir()
        write_letter(tmp_path / day, f"{day}.txt", number)
    out = tmp_path / "out"
    assert run_batch(tmp_path / "day1", out).exit_code == 0
    before = files_and_bytes(out)
    second = run_batch(tmp_path / "day2", out)
    assert second.exit_code == 1
    assert second.output == (f"gongwen batch: {out}: this output folder holds the batch of inbox "
                             f"{(tmp_path / 'day1').resolve()}; use another -o, or the same inbox\n")
    assert files_and_bytes(out) == before
    assert (out / "batch-inbox.txt").read_text(encoding="utf-8") == f"{(tmp_path / 'day1').resolve()}\n"
    assert run_batch(tmp_path / "day1", out).exit_code == 0  # the same inbox again is a re-run
    assert run_batch(tmp_path / "day2", tmp_path / "out2").exit_code == 0


def test_links_and_special_files_are_listed_as_skipped_and_never_read(tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    write_letter(inbox, "inside.txt", 1)
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    write_letter(outside, "outside.txt", 2)
    (inbox / "to-outside.txt").symlink_to(outside / "outside.txt")
    (inbox / "to-passwd.txt").symlink_to("/etc/passwd")
    (inbox / "folder-link").symlink_to(outside, target_is_directory=True)
    (inbox / "dangling.txt").symlink_to(tmp_path / "gone.txt")
    os.mkfifo(inbox / "pipe.txt")
    out = tmp_path / "out"
    proc = subprocess.run([GONGWEN, "batch", str(inbox), "-o", str(out), "--jobs", "1"], capture_output=True,
                          text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    entries = by_path(out)
    assert entries["pipe.txt"] == {"path": "pipe.txt", "status": "skipped",
                                   "reason": "FIFO (named pipe): only regular files are read"}
    for link, target in (("to-outside.txt", outside / "outside.txt"), ("to-passwd.txt", "/etc/passwd"),
                         ("folder-link", outside), ("dangling.txt", tmp_path / "gone.txt")):
        assert entries[link] == {"path": link, "status": "skipped",
                                 "reason": f"symbolic link to {target}: links are not followed"}
    assert entries["inside.txt"]["status"] == "parsed"
    assert set(entries) == {"inside.txt", "to-outside.txt", "to-passwd.txt", "folder-link", "dangling.txt", "pipe.txt"}
    assert indexed_numbers(out) == {"府政行字第1120000001號"}
    assert manifest(out)["counts"]["skipped"] == 5
    assert "gongwen batch: skipped: to-passwd.txt: symbolic link to /etc/passwd: links are not followed" in proc.stderr
    assert "  skipped      5\n  failed       0\n" in proc.stdout


def test_output_folder_and_index_inside_the_inbox_are_not_read_as_inputs(tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for n in range(2):
        write_letter(inbox, f"l{n}.txt", n)
    out = inbox / "out"
    for _ in range(2):
        result = run_batch(inbox, out, "--index", str(inbox / "archive.sqlite"))
        assert result.exit_code == 0, result.output
        assert set(by_path(out)) == {"l0.txt", "l1.txt"}
    assert "index        0 added, 0 replaced, 0 removed" in result.output


def test_output_folder_that_is_the_inbox_is_refused(tmp_path):
    write_letter(tmp_path, "l.txt", 1)
    result = run_batch(tmp_path, tmp_path)
    assert result.exit_code == 1
    assert result.output == f"gongwen batch: {tmp_path}: the output folder is the inbox; use another -o\n"


def test_a_missing_inbox_or_a_file_given_for_a_folder_is_one_line_and_writes_nothing(tmp_path):
    """What a clerk mistypes: an inbox that is not there, one letter instead of its folder, a file as -o: each one line
    naming the path and what is wrong, exit 1 (not click's usage error, exit 2), nothing written."""
    letter = write_letter(tmp_path, "l.txt", 1)
    missing = tmp_path / "收文匣"
    for inbox, out, line in (
            (missing, tmp_path / "out", f"gongwen batch: {missing}: no such folder"),
            (letter, tmp_path / "out", f"gongwen batch: {letter}: is a file: batch reads a folder of letters (one "
                                       "letter: gongwen parse FILE)"),
            (tmp_path, letter, f"gongwen batch: {letter}: output folder exists and is not a folder")):
        result = run_batch(inbox, out)
        assert (result.exit_code, result.output) == (1, line + "\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["l.txt"]


def test_file_deleted_while_the_batch_runs_gets_its_failure_line(tmp_path, monkeypatch):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for n in range(3):
        write_letter(inbox, f"l{n}.txt", n)
    found = discover.inbox_to_inputs

    def then_delete(folder, exclude):
        inputs = found(folder, exclude)
        (inbox / "l1.txt").unlink()
        return inputs
    monkeypatch.setattr("pipeline.batch.run.inbox_to_inputs", then_delete)
    result = run_batch(inbox, tmp_path / "out")
    assert result.exit_code == 2
    entries = by_path(tmp_path / "out")
    assert entries["l1.txt"]["status"] == "failed" and entries["l1.txt"]["reason"] == "no such file"
    assert entries["l0.txt"]["status"] == entries["l2.txt"]["status"] == "parsed"
    assert "failed: l1.txt: no such file" in result.output


@pytest.mark.parametrize("jobs", ["0", "-3"])
def test_jobs_below_one_is_refused_before_starting(tmp_path, jobs):
    result = CliRunner().invoke(main, ["batch", str(INBOX), "-o", str(tmp_path / "out"), "--jobs", jobs])
    assert result.exit_code == 2
    assert f"Invalid value for '--jobs': {jobs} is not in the range x>=1" in result.output
    assert not (tmp_path / "out").exists()


def test_jobs_setting_defaults_to_the_cores_and_refuses_zero(tmp_path):
    settings = validate_settings({"inbox": str(INBOX), "output": str(tmp_path / "out")})
    assert settings.jobs == (os.cpu_count() or 1)
    with pytest.raises(InputError, match="--jobs must be a whole number of at least 1, not 0"):
        validate_settings({"inbox": str(INBOX), "output": str(tmp_path / "out"), "jobs": 0})


def test_uncreatable_output_folder_is_one_clear_error_before_starting(tmp_path):
    (tmp_path / "a-file").write_text("x")
    result = run_batch(INBOX, tmp_path / "a-file" / "out")
    assert result.exit_code == 1
    assert result.output.strip().count("\n") == 0
    assert "cannot create the output folder" in result.output


def files_and_bytes(folder: Path) -> dict[str, bytes]:
    """Every file under a folder with its bytes."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


@pytest.mark.parametrize("content, reason", [
    (b"x", "not a gongwen index: not an SQLite database"),
    (b"SQLite format 3\x00" + b"\x00" * 84, "unreadable index (SQLite: "),
])
def test_bad_index_file_is_one_clear_error_before_anything_is_written(tmp_path, content, reason):
    bad = tmp_path / "bad.sqlite"
    bad.write_bytes(content)
    result = run_batch(INBOX, tmp_path / "out", "--index", str(bad))
    assert result.exit_code == 1
    assert result.output.startswith(f"gongwen batch: {bad}: {reason}") and result.output.count("\n") == 1
    assert not (tmp_path / "out").exists()
    assert bad.read_bytes() == content


def test_truncated_index_in_the_output_folder_is_one_clear_error_and_changes_nothing(tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for n in range(30):
        write_letter(inbox, f"l{n:02d}.txt", n, subject=f"請加強公務機密維護（第{n}案）{'，並落實文書管理' * 40}，請查照。")
    out = tmp_path / "out"
    assert run_batch(inbox, out).exit_code == 0
    index = out / "index.sqlite"
    index.write_bytes(index.read_bytes()[:index.stat().st_size // 2])
    write_letter(inbox, "l00.txt", 0, subject="改過的主旨，請查照。")
    before = files_and_bytes(out)
    result = run_batch(inbox, out)
    assert result.exit_code == 1
    assert result.output.startswith(f"gongwen batch: {index}: unreadable index (SQLite: database disk image is malformed)")
    assert result.output.count("\n") == 1
    assert files_and_bytes(out) == before


def test_sqlite_database_of_another_program_is_not_taken_for_an_index(tmp_path):
    other = tmp_path / "contacts.sqlite"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE people (name TEXT)")
    result = run_batch(INBOX, tmp_path / "out", "--index", str(other))
    assert result.exit_code == 1
    assert result.output == f"gongwen batch: {other}: not a gongwen index: an SQLite database without a documents table\n"


def test_empty_index_file_becomes_the_index(tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    write_letter(inbox, "l.txt", 1)
    empty = tmp_path / "new.sqlite"
    empty.write_bytes(b"")
    assert run_batch(inbox, tmp_path / "out", "--index", str(empty)).exit_code == 0
    assert indexed_numbers_at(empty) == {"府政行字第1120000001號"}


@pytest.fixture
def unwritable_folder(tmp_path):
    """A folder this process cannot create files in: a read-only folder for a normal user; for root, whom
    mode bits do not stop, a sysfs folder (/sys/kernel), where creating a file fails even for root."""
    if os.geteuid() != 0:
        folder = tmp_path / "read-only"
        folder.mkdir()
        folder.chmod(0o555)
        yield folder
        folder.chmod(0o755)
        return
    folder = Path("/sys/kernel")
    if not folder.is_dir():
        pytest.skip("no /sys/kernel: no folder that root cannot write")
    try:
        fd, probe = tempfile.mkstemp(dir=folder)
    except OSError:
        yield folder
        return
    os.close(fd)
    os.unlink(probe)
    pytest.skip("root can create files in /sys/kernel here")


def test_read_only_output_folder_is_one_clear_error_before_starting(tmp_path, unwritable_folder):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    write_letter(inbox, "l.txt", 1)
    before = sorted(os.listdir(unwritable_folder))
    proc = subprocess.run([GONGWEN, "batch", str(inbox), "-o", str(unwritable_folder)], capture_output=True,
                          text=True, timeout=60)
    assert proc.returncode == 1, proc.stderr
    assert proc.stdout == ""
    error = f"gongwen batch: {unwritable_folder}: the output folder is not writable: "
    assert proc.stderr.startswith(error) and proc.stderr.count("\n") == 1, proc.stderr
    assert len(proc.stderr.strip()) > len(error)  # the system's reason follows
    assert sorted(os.listdir(unwritable_folder)) == before


def snapshot(output: Path) -> dict:
    """Every output of a batch as comparable values (the index by content, table by table)."""
    shot = {p.relative_to(output).as_posix(): p.read_bytes()
            for p in output.rglob("*") if p.is_file() and p.name != "index.sqlite"}
    with sqlite3.connect(output / "index.sqlite") as conn:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table' "
                                             "AND name NOT LIKE '%grams%'")]  # document_grams, subject_grams
        for table in tables:  # the parser fingerprint is left out: it changes when the code does, not the inputs
            columns = "path, sha256, result" if table == "parsed" else "*"
            shot[f"index:{table}"] = sorted(map(repr, conn.execute(f"SELECT {columns} FROM {table}")))
        shot["index:grams"] = sorted(conn.execute(  # the gram index answers as the documents' text says
            "SELECT d.id FROM document_grams g JOIN documents d ON d.seq = g.rowid WHERE document_grams MATCH ?",
            [f"({sqlite_query(['公務機密'])}) OR ({sqlite_query(['選舉'])})"]))
    return shot


def test_documents_computed_ahead_by_the_workers_give_the_outputs_the_batch_process_builds(tmp_path, monkeypatch):
    inbox = tmp_path / "inbox"
    shutil.copytree(INBOX, inbox)
    for folder in ("a", "b"):  # two plans of one name: named with a hash, not as their workers named them
        (inbox / folder).mkdir()
        shutil.copy(INBOX / "376550000A1080251637_118_ATTACH1.odt", inbox / folder / "plan.odt")
    used, joined = [], []

    def noted(ahead, planned):
        used.append((planned.rel, is_as_planned(ahead, planned)))
        return used[-1][1]

    def built(planned, files, results):
        joined.append((planned.rel, [other for _, other in files]))
        return joined_to_ahead(planned, files, results)
    for module in (run, streaming):  # letters written while the files are parsed, the rest after
        monkeypatch.setattr(module, "is_as_planned", noted)
        monkeypatch.setattr(module, "joined_to_ahead", built)
    ahead = run_batch(inbox, tmp_path / "ahead")
    assert ("a/plan.odt", False) in used and ("taipei-edu-oneline.txt", True) in used
    files = ["376550000A1080251637_118_ATTACH1.odt", "376550000A1080251637_118_ATTACH2.odt"]
    # the DI is kept; its text copy, earlier by path, may have been written ahead with the files, then taken back
    assert joined[-1] == ("376550000A1080251637.di", files) and all(
        early == ("000_7274a88dd80a289e.txt", files) for early in joined[:-1])
    # nothing computed ahead, nothing built on a worker, nothing written while parsing: every document built by
    # the batch process once every file is parsed
    monkeypatch.setattr(run, "streams", lambda conn: False)
    monkeypatch.setattr(run, "is_as_planned", lambda ahead, planned: False)
    monkeypatch.setattr(run, "with_builds", lambda submit, conn, inputs, summaries, grouping, documents:
                        ((planned, None) for planned in documents))
    here = run_batch(inbox, tmp_path / "here")
    assert ahead.exit_code == here.exit_code == 0, ahead.output
    assert snapshot(tmp_path / "ahead") == snapshot(tmp_path / "here")


def children_of(pid: int) -> set[int]:
    """Given a pid, return its child processes' pids (Linux /proc)."""
    return {int(c) for task in Path(f"/proc/{pid}/task").iterdir() for c in (task / "children").read_text().split()}


def is_running(pid: int) -> bool:
    """Given a pid, return whether that process still runs (a zombie nobody reaps does not run)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, ProcessLookupError):
        return False
    return state not in ("Z", "X")


def test_killed_batch_rerun_gives_the_same_outputs_as_one_uninterrupted_run(tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for n in range(160):
        write_letter(inbox, f"letter-{n:03d}.txt", n)
    shutil.copy(INBOX / "000_7274a88dd80a289e.txt", inbox)
    (inbox / "empty.txt").write_bytes(b"")
    whole, killed = tmp_path / "whole", tmp_path / "killed"
    command = [GONGWEN, "batch", str(inbox), "--jobs", "2", "--verbose", "-o"]
    assert subprocess.run([*command, str(whole)], capture_output=True, timeout=300).returncode == 2
    proc = subprocess.Popen([*command, str(killed)], stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True,
                            start_new_session=True)
    try:
        seen, workers = 0, set()
        for line in proc.stderr:
            seen += "] letter-" in line
            if seen == 110:
                workers = children_of(proc.pid)
                proc.send_signal(signal.SIGKILL)
                break
        proc.wait(timeout=60)
        assert proc.returncode == -signal.SIGKILL
        assert len(workers) == 2
        deadline = time.monotonic() + 10
        while any(map(is_running, workers)) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not any(map(is_running, workers)), "batch workers outlived their killed parent"
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
    assert not (killed / "manifest.json").exists()
    rerun = subprocess.run([*command, str(killed)], capture_output=True, text=True, timeout=300)
    assert rerun.returncode == 2
    reused = int(rerun.stderr.split(" file(s) to parse, ")[1].split()[0])
    assert 1 <= reused < 162  # some of the killed run's parse results were kept (how many depends on load)
    assert snapshot(killed) == snapshot(whole)


def test_register_is_utf8_with_bom_and_neutralises_formulas(tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    write_letter(inbox, "formula.txt", 5, subject="=HYPERLINK(\"http://x\",\"請查照\")")
    write_letter(inbox, "plain.txt", 6)
    out = tmp_path / "out"
    assert run_batch(inbox, out).exit_code == 0
    data = (out / "register.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    lines = data.decode("utf-8-sig").splitlines()
    assert lines[0] == "來文機關,發文日期,發文字號,主旨,速別,密等,附件數,受文者,來源檔案,缺漏"
    assert len(lines) == 3
    formula_row = next(line for line in lines if "formula.txt" in line)
    assert ",\"'=HYPERLINK（" in formula_row
    assert formula_row.startswith("花蓮縣政府,112年6月6日,府政行字第1120000005號,")


@pytest.mark.parametrize("value, expected", [
    ("=1+1", "'=1+1"), ("+886", "'+886"), ("-5", "'-5"), ("@SUM(A1)", "'@SUM(A1)"), ("花蓮縣政府", "花蓮縣政府"),
    (3, "3"), (None, ""), ("a=b", "a=b")])
def test_neutralise_cell(value, expected):
    assert neutralise_cell(value) == expected


def test_csv_bytes_quote_commas_and_newlines():
    text = csv_bytes(["a", "b"], [["x,y", "1\n2"]]).decode("utf-8-sig")
    assert text == 'a,b\r\n"x,y","1\n2"\r\n'


def test_partial_letters_are_registered_and_flagged(tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    write_letter(inbox, "whole.txt", 7)
    (inbox / "ruling-body.txt").write_text(  # a 函釋 body as an agency publishes it: no header
        "主旨：有關公司法第二十二條之一規定疑義一案，復如說明，請查照。\n說明：\n一、復貴公司113年3月1日函。\n"
        "二、按公司法第二十二條之一規定，公司應每年申報董事資料。\n", encoding="utf-8")
    (inbox / "notes.txt").write_text("買牛奶\n繳電費\n", encoding="utf-8")  # nothing of a letter
    out = tmp_path / "out"
    assert run_batch(inbox, out, "--index", str(tmp_path / "index.sqlite")).exit_code == 2  # notes.txt failed
    rows = {line.split(",")[8]: line.split(",") for line in
            (out / "register.csv").read_bytes().decode("utf-8-sig").splitlines()[1:]}
    assert rows["ruling-body.txt"][3] == "有關公司法第二十二條之一規定疑義一案，復如說明，請查照。"
    assert rows["ruling-body.txt"][9] == "發文機關、發文日期、發文字號"
    assert rows["whole.txt"][9] == ""
    entries = {e["path"]: e for e in json.loads((out / "manifest.json").read_text(encoding="utf-8"))["inputs"]}
    assert entries["ruling-body.txt"]["status"] == "parsed"
    assert entries["ruling-body.txt"]["missing"] == ["發文機關", "發文日期", "發文字號"]
    assert "missing" not in entries["whole.txt"]
    assert entries["notes.txt"]["status"] == "failed"
    assert entries["notes.txt"]["reason"].startswith("not an official letter")
    with contextlib.closing(sqlite3.connect(tmp_path / "index.sqlite")) as conn:
        flags = dict(conn.execute("SELECT subject, complete FROM letters").fetchall())
    assert flags["有關公司法第二十二條之一規定疑義一案，復如說明，請查照。"] == 0
    assert sorted(flags.values()) == [0, 1]


def test_letters_written_while_parsing_in_any_order_give_the_outputs_of_writing_once_all_are_parsed(tmp_path,
                                                                                                   monkeypatch):
    """Letters are written into the index as their results come, each at its inbox place; whatever order the
    results come in, the outputs are those of writing every document once all are parsed: what the plan has
    otherwise (a better copy later, a file claimed by a letter earlier by path, two letters of one stem) is taken
    back and written again."""
    inbox = tmp_path / "inbox"
    shutil.copytree(INBOX, inbox)  # a text copy of the DI letter comes before it by path
    for folder in ("a", "b"):  # one letter without its 發文字號 in two folders: one stem, both named with a hash
        (inbox / folder).mkdir()
        path = write_letter(inbox / folder, "notice.txt", 7)
        path.write_text(path.read_text(encoding="utf-8").replace("發文字號：府政行字第1120000007號\n", ""),
                        encoding="utf-8")
    (inbox / "shared").mkdir()  # a plan named in the 附件 of two letters: the first by path takes it
    shutil.copy(INBOX / "376550000A1080251637_118_ATTACH1.odt", inbox / "shared" / "plan.odt")
    for n, name in ((3, "x-first.txt"), (4, "y-second.txt")):
        path = write_letter(inbox / "shared", name, n)
        path.write_text(path.read_text(encoding="utf-8").replace("附件：\n", "附件：plan.odt\n"), encoding="utf-8")
    taken = []
    take_back = streaming.IndexWriter.take_back

    def noted(writer, key, outcome):
        taken.append(key)
        take_back(writer, key, outcome)
    monkeypatch.setattr(streaming.IndexWriter, "take_back", noted)
    in_order = run_batch(inbox, tmp_path / "in-order")  # one job: results in path order
    taken_in_order = set(taken)
    taken.clear()
    parse_inputs = run.parse_inputs
    monkeypatch.setattr(run, "parse_inputs", lambda *args: reversed(list(parse_inputs(*args))))
    in_reverse = run_batch(inbox, tmp_path / "in-reverse")
    monkeypatch.setattr(run, "streams", lambda conn: False)
    after = run_batch(inbox, tmp_path / "after")
    assert in_order.exit_code == in_reverse.exit_code == after.exit_code == 0, after.output
    entries = by_path(tmp_path / "after")
    assert entries["shared/x-first.txt"]["attachments"] == ["shared/plan.odt"]
    assert "attachments" not in entries["shared/y-second.txt"]
    assert entries["a/notice.txt"]["record"] != entries["b/notice.txt"]["record"]
    # taken back: a copy of the DI letter that came first (its text copy in order, its PDF in reverse), the notice
    # written first (the other, of the same stem, waited for the plan), the later letter naming the plan (in reverse)
    assert taken_in_order == {"letter|花蓮縣政府|府政行|1080251637|", "file|a/notice.txt"}
    assert set(taken) == {"letter|花蓮縣政府|府政行|1080251637|", "file|b/notice.txt",
                          "letter|花蓮縣政府|府政行|1120000004|"}
    assert snapshot(tmp_path / "in-order") == snapshot(tmp_path / "after") == snapshot(tmp_path / "in-reverse")


def test_a_batch_stopped_while_parsing_leaves_the_index_as_it_was_and_its_rerun_parses_only_the_rest(tmp_path,
                                                                                                     monkeypatch):
    """The index's one transaction is open while the files are parsed: a batch stopped then leaves the index as it
    was, but what its workers parsed waits in its journal beside the outputs; the next run moves that into the
    parse cache first and parses only the rest, to the outputs of a run never stopped."""
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for n in range(12):
        write_letter(inbox, f"letter-{n:02d}.txt", n)
    parse_for_batch, parsed = run.parse_for_batch, []

    def full_disk_at_the_ninth(path, rel, limits):
        parsed.append(rel)
        if len(parsed) == 9:
            raise OSError(28, "No space left on device")
        return parse_for_batch(path, rel, limits)
    monkeypatch.setattr(run, "CACHE_FLUSH_COUNT", 1)  # each result stored as it comes
    monkeypatch.setattr(run, "parse_for_batch", full_disk_at_the_ninth)
    stopped = run_batch(inbox, tmp_path / "out")
    assert stopped.exit_code == 1 and "No space left on device" in stopped.output
    assert (tmp_path / "out" / ".gongwen-parsed.sqlite").is_file()
    with sqlite3.connect(tmp_path / "out" / "index.sqlite") as conn:
        assert conn.execute("SELECT count(*) FROM documents").fetchone() == (0,)
        assert conn.execute("SELECT count(*) FROM parsed").fetchone() == (0,)
    monkeypatch.setattr(run, "parse_for_batch", parse_for_batch)
    rerun = run_batch(inbox, tmp_path / "out")
    assert rerun.exit_code == 0 and "4 file(s) to parse, 8 unchanged since the last run" in rerun.output
    assert not (tmp_path / "out" / ".gongwen-parsed.sqlite").exists()
    assert run_batch(inbox, tmp_path / "whole").exit_code == 0
    assert snapshot(tmp_path / "out") == snapshot(tmp_path / "whole")
