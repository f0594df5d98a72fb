"""A batch and its index under faults (issue 14): files over the per-file limits, internal errors, Big5 file
names, two batches into one folder, a folder named register.csv, a full disk, a killed transaction, a damaged
index — each one line, the rest goes on, and the outputs always reopen."""
from __future__ import annotations

import json
import os
import resource
import shutil
import signal
import subprocess
import sys
import time
from concurrent.futures import Future
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

import pytest
from click.testing import CliRunner

from hostile import SEED_TEXT, odt_body
from pipeline.batch.discover import Input, Inputs
from pipeline.batch.lock import lock_output, unlock_output
from pipeline.batch.work import parse_input
from pipeline.batch import run
from pipeline.batch.guard import Limits
from pipeline.cli import main
from test_batch import GONGWEN, by_path, indexed_numbers, indexed_numbers_at, run_batch, snapshot, write_letter

SEED = SEED_TEXT.read_text(encoding="utf-8")


def gongwen(*args: str, **kwargs) -> subprocess.CompletedProcess:
    """Run the gongwen command in a subprocess; return the completed process (text output)."""
    return subprocess.run([GONGWEN, *args], capture_output=True, text=True, timeout=300, **kwargs)


def inbox_of(tmp_path: Path, n: int = 3) -> Path:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for number in range(n):
        write_letter(inbox, f"l{number}.txt", number)
    return inbox


def test_a_file_over_the_time_limit_fails_alone(tmp_path):
    inbox = inbox_of(tmp_path)
    (inbox / "slow.txt").write_text(SEED + "".join(f"\n{i}、本縣某某國民小學" for i in range(19000)), encoding="utf-8")
    result = run_batch(inbox, tmp_path / "out", "--time-limit", "3")
    assert result.exit_code == 2
    entries = by_path(tmp_path / "out")
    assert entries["slow.txt"]["status"] == "failed"
    assert entries["slow.txt"]["reason"] == "took longer than the time limit of 3 s a file (--time-limit)"
    assert [entries[f"l{n}.txt"]["status"] for n in range(3)] == ["parsed"] * 3
    again = run_batch(inbox, tmp_path / "out", "--time-limit", "3")
    assert "0 file(s) to parse, 4 unchanged" in again.output  # the failure is cached under the same limits


def test_a_file_over_the_memory_limit_fails_alone(tmp_path):
    inbox = inbox_of(tmp_path)
    (inbox / "big.odt").write_bytes(odt_body(b"<text:p>x</text:p>" * 900_000))  # 16 MB of XML, a large tree
    result = run_batch(inbox, tmp_path / "out", "--memory-limit", "40")
    assert result.exit_code == 2
    entries = by_path(tmp_path / "out")
    assert entries["big.odt"]["reason"] == "needed more than the memory limit of 40 MB a file (--memory-limit)"
    assert [entries[f"l{n}.txt"]["status"] for n in range(3)] == ["parsed"] * 3


def test_limits_are_restored_after_each_file():
    before = resource.getrlimit(resource.RLIMIT_AS), signal.getsignal(signal.SIGALRM)
    result = parse_input(str(SEED_TEXT), Limits(seconds=0.000001, megabytes=500))
    assert result["ok"] is False and "time limit" in result["reason"]
    assert (resource.getrlimit(resource.RLIMIT_AS), signal.getsignal(signal.SIGALRM)) == before
    assert parse_input(str(SEED_TEXT), Limits(seconds=30, megabytes=500))["ok"] is True


def test_an_internal_error_is_one_line_recorded_and_cached(tmp_path, monkeypatch):
    import pipeline.parse.document as document
    real = document.document_to_record

    def broken(doc):
        if doc.path.endswith("l1.txt"):
            raise RuntimeError("boom")
        return real(doc)
    monkeypatch.setattr(document, "document_to_record", broken)
    inbox = inbox_of(tmp_path)
    result = run_batch(inbox, tmp_path / "out")
    assert result.exit_code == 2 and "Traceback" not in result.output
    reason = "internal error: RuntimeError: boom (run `gongwen --debug …` for the traceback)"
    assert by_path(tmp_path / "out")["l1.txt"]["reason"] == reason
    assert f"gongwen batch: failed: l1.txt: {reason}" in result.output
    again = run_batch(inbox, tmp_path / "out")
    assert "0 file(s) to parse, 3 unchanged" in again.output


def test_an_internal_error_in_parse_is_one_line_and_debug_shows_the_traceback(tmp_path, monkeypatch):
    import pipeline.parse.document as document
    monkeypatch.setenv("GONGWEN_DEBUG", "0")  # restored (unset) after the test, though --debug sets it to 1
    monkeypatch.setattr(document, "document_to_record", lambda doc: 1 / 0)
    result = CliRunner().invoke(main, ["parse", str(SEED_TEXT)])
    assert result.exit_code == 1
    assert result.output == (f"gongwen: {SEED_TEXT}: internal error: ZeroDivisionError: division by zero "
                             "(run `gongwen --debug …` for the traceback)\n")
    debug = CliRunner().invoke(main, ["--debug", "parse", str(SEED_TEXT)])
    assert isinstance(debug.exception, ZeroDivisionError)


def test_big5_file_names_do_not_stop_the_batch(tmp_path):
    inbox = inbox_of(tmp_path, 2)
    big5 = os.fsdecode("公文.txt".encode("cp950"))  # bytes that are not UTF-8, as copied from Windows
    shutil.copy(SEED_TEXT, inbox / big5)
    run = gongwen("batch", str(inbox), "-o", str(tmp_path / "out"), "--jobs", "2")
    assert run.returncode == 0, run.stderr
    entries = by_path(tmp_path / "out")
    assert entries["公文.txt"]["status"] == "parsed"
    assert "府政行字第1080251637號" in indexed_numbers(tmp_path / "out")
    assert "公文.txt" in (tmp_path / "out" / "register.csv").read_text(encoding="utf-8-sig")


def test_a_second_batch_into_a_locked_folder_is_refused_in_one_line(tmp_path):
    inbox, out = inbox_of(tmp_path), tmp_path / "out"
    out.mkdir()
    fd = lock_output(out)  # a batch running there
    try:
        result = run_batch(inbox, out)
    finally:
        unlock_output(fd)
    assert result.exit_code == 1
    assert result.output == (f"gongwen batch: {out}: another gongwen batch is writing this output folder; "
                             "wait for it to finish, or use another -o\n")
    assert sorted(p.name for p in out.iterdir()) == []
    assert run_batch(inbox, out).exit_code == 0


def test_a_search_while_a_batch_writes_the_index_says_so_in_one_line(tmp_path, monkeypatch):
    """A batch holds its SQLite index's write lock from its first letter to its end: a reader waits (READ_WAIT),
    then says what holds it, not that the index is unreadable."""
    import sqlite3

    from pipeline.index import schema
    inbox, out = inbox_of(tmp_path), tmp_path / "out"
    assert run_batch(inbox, out).exit_code == 0
    index = out / "index.sqlite"
    monkeypatch.setattr(schema, "READ_WAIT", 0.2)
    writer = sqlite3.connect(index, isolation_level=None)
    writer.execute("BEGIN EXCLUSIVE")  # as a batch's transaction does once its pages spill
    try:
        result = CliRunner().invoke(main, ["search", "公務機密", "--index", str(index)])
    finally:
        writer.execute("ROLLBACK")
        writer.close()
    assert result.exit_code == 1
    assert result.output == (f"gongwen search: {index}: the index is being written by a batch: try again when it "
                             "ends, or read a copy made before it started\n")
    assert "花蓮縣政府" in CliRunner().invoke(main, ["search", "公務機密", "--index", str(index)]).output


def test_two_batches_of_different_inboxes_started_together_leave_one_whole_output(tmp_path):
    first, second = tmp_path / "a", tmp_path / "b"
    for folder, offset in ((first, 0), (second, 100)):
        folder.mkdir()
        for n in range(30):
            write_letter(folder, f"l{n}.txt", offset + n)
    out = tmp_path / "out"
    procs = [subprocess.Popen([GONGWEN, "batch", str(inbox), "-o", str(out), "--jobs", "1"], stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True) for inbox in (first, second)]
    results = [(p.wait(timeout=300), p.stderr.read()) for p in procs]
    assert sorted(code for code, _ in results) == [0, 1]
    loser = next(err for code, err in results if code == 1)
    assert "Traceback" not in loser and len(loser.strip().splitlines()) == 1
    winner = first if results[0][0] == 0 else second
    offset = 0 if winner == first else 100
    assert indexed_numbers(out) == {f"府政行字第112{offset + n:07d}號" for n in range(30)}
    assert {e["status"] for e in json.loads((out / "manifest.json").read_text())["inputs"]} == {"parsed"}


def test_a_folder_named_register_csv_is_one_line(tmp_path):
    inbox, out = inbox_of(tmp_path), tmp_path / "out"
    (out / "register.csv").mkdir(parents=True)
    result = run_batch(inbox, out)
    assert result.exit_code == 1
    assert result.output == (f"gongwen batch: {out / 'register.csv'}: is a folder: the batch writes a file there; "
                             "move it away\n")


def limit_file_size(size: int):
    """Return a preexec function making the child's files stop growing at ``size`` bytes, like a full disk."""
    def apply():
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (size, size))
    return apply


@pytest.mark.parametrize("size", [40_000, 200_000])
def test_a_full_disk_is_one_line_and_a_rerun_completes(tmp_path, size):
    inbox = inbox_of(tmp_path, 12)
    shutil.copy(SEED_TEXT, inbox)
    whole, full = tmp_path / "whole", tmp_path / "full"
    assert gongwen("batch", str(inbox), "-o", str(whole), "--jobs", "1").returncode == 0
    run = gongwen("batch", str(inbox), "-o", str(full), "--jobs", "1", preexec_fn=limit_file_size(size))
    assert run.returncode == 1
    last = run.stderr.strip().splitlines()[-1]
    assert "Traceback" not in run.stderr and ("File too large" in last or "full" in last), run.stderr
    assert not list(full.rglob(".gongwen-tmp-*"))
    rerun = gongwen("batch", str(inbox), "-o", str(full), "--jobs", "1")
    assert rerun.returncode == 0, rerun.stderr
    assert snapshot(full) == snapshot(whole)


KILL_MID_TRANSACTION = """
import os, signal, sqlite3, sys
conn = sqlite3.connect(sys.argv[1])
conn.execute("PRAGMA cache_size = 1")  # pages spill into the file before the commit: the journal is hot
conn.execute("BEGIN")
conn.execute("DELETE FROM keywords")
conn.execute("DELETE FROM letters")
os.kill(os.getpid(), signal.SIGKILL)
"""


def test_a_transaction_killed_midway_is_rolled_back_by_the_next_command(tmp_path):
    inbox, out = inbox_of(tmp_path), tmp_path / "out"
    assert run_batch(inbox, out).exit_code == 0
    index = out / "index.sqlite"
    expected = gongwen("search", "公務機密", "--index", str(index)).stdout
    killed = subprocess.run([sys.executable, "-c", KILL_MID_TRANSACTION, str(index)])
    assert killed.returncode == -signal.SIGKILL
    assert Path(f"{index}-journal").stat().st_size > 0
    search = gongwen("search", "公務機密", "--index", str(index))
    assert search.returncode == 0, search.stderr
    assert search.stdout == expected and expected
    assert gongwen("show", "1120000001", "--index", str(index)).returncode == 0
    assert gongwen("index", "check", "--index", str(index)).returncode == 0
    assert run_batch(inbox, out).exit_code == 0


def damage(index: Path) -> None:
    """Overwrite the pages in the middle of an index with garbage."""
    data = bytearray(index.read_bytes())
    page = 4096
    for start in range(page * 2, len(data) - page, page * 3):
        data[start + 100:start + 600] = b"\xff" * 500
    index.write_bytes(bytes(data))


def test_a_damaged_index_is_found_one_line_never_exit_0_and_rebuilt(tmp_path):
    inbox, out = inbox_of(tmp_path, 30), tmp_path / "out"
    shutil.copy(SEED_TEXT, inbox)
    assert run_batch(inbox, out).exit_code == 0
    index = out / "index.sqlite"
    good = gongwen("search", "公務機密", "--index", str(index)).stdout
    damage(index)
    for args in (["search", "公務機密"], ["show", "府政行字第1080251637號"], ["refs", "府政行字第1080251637號"],
                 ["catalogue", "-o", str(tmp_path / "c.csv")]):
        run = gongwen(*args, "--index", str(index))
        if run.returncode == 0:  # a read that does not touch a damaged page may succeed: with whole data
            assert args[0] != "catalogue"
            continue
        assert run.returncode == 1 and "Traceback" not in run.stderr
        assert len(run.stderr.strip().splitlines()) == 1, run.stderr
    assert not (tmp_path / "c.csv").exists()
    check = gongwen("index", "check", "--index", str(index))
    assert check.returncode == 1 and "damaged" in check.stderr
    rebuild = gongwen("index", "rebuild", "--index", str(index))
    assert rebuild.returncode == 0, rebuild.stderr
    assert rebuild.stdout == f"gongwen index rebuild: 31 document(s) from {out / 'records'} → {index}\n"
    assert gongwen("index", "check", "--index", str(index)).stdout == f"gongwen index check: {index}: ok, 31 document(s)\n"
    assert gongwen("search", "公務機密", "--index", str(index)).stdout == good


def test_rebuilding_an_index_shared_by_two_inboxes_is_refused_before_it_loses_letters(tmp_path):
    day1, day2 = tmp_path / "day1", tmp_path / "day2"
    day1.mkdir(), day2.mkdir()
    write_letter(day1, "a.txt", 1)
    write_letter(day2, "b.txt", 2), write_letter(day2, "c.txt", 3)
    out1, out2 = tmp_path / "out1", tmp_path / "out2"
    index = out1 / "index.sqlite"
    assert run_batch(day1, out1).exit_code == 0
    assert run_batch(day2, out2, "--index", str(index)).exit_code == 0
    before = index.read_bytes()
    refused = CliRunner().invoke(main, ["index", "rebuild", "--index", str(index)])
    assert refused.exit_code == 1
    assert refused.output == (f"gongwen index rebuild: {index}: also holds 2 document(s) of other inboxes ({day2}) "
                              f"that {out1 / 'records'} lacks, so a rebuild would lose them: batch each inbox again "
                              "into a new index instead\n")
    assert index.read_bytes() == before and indexed_numbers_at(index) == {f"府政行字第112000000{n}號" for n in (1, 2, 3)}
    alone = CliRunner().invoke(main, ["index", "rebuild", "--index", str(out2 / "index.sqlite"),
                                      "--records", str(out2 / "records")])  # no index there yet: made from out2
    assert alone.exit_code == 0 and indexed_numbers_at(out2 / "index.sqlite") == {f"府政行字第112000000{n}號" for n in (2, 3)}


KILL_ROUNDS = int(os.environ.get("GONGWEN_KILL_ROUNDS", "4"))  # README: 20 rounds with GONGWEN_KILL_ROUNDS=20


def test_batches_killed_at_random_points_rerun_to_the_outputs_of_a_clean_run(tmp_path):
    import random
    import time
    inbox = inbox_of(tmp_path, 40)
    shutil.copy(SEED_TEXT, inbox)
    for name in ("376550000A1080251637.di", "376550000A1080251637.sw", "376550000A1080251637_118_ATTACH1.odt",
                 "376550000A1080251637_118_ATTACH2.odt"):
        shutil.copy(SEED_TEXT.parent / name, inbox / name)
    (inbox / "empty.txt").write_bytes(b"")
    whole = tmp_path / "whole"
    started = time.monotonic()
    assert gongwen("batch", str(inbox), "-o", str(whole), "--jobs", "2").returncode == 2
    duration = time.monotonic() - started
    expected = snapshot(whole)
    seed = random.randrange(1 << 30)
    rng = random.Random(seed)
    for round_ in range(KILL_ROUNDS):
        out = tmp_path / f"killed-{round_}"
        proc = subprocess.Popen([GONGWEN, "batch", str(inbox), "-o", str(out), "--jobs", "2"],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
        time.sleep(rng.uniform(0.05, duration))
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=60)
        rerun = gongwen("batch", str(inbox), "-o", str(out), "--jobs", "2")
        assert rerun.returncode == 2, (seed, round_, rerun.stderr)
        assert snapshot(out) == expected, f"random seed {seed}, round {round_}"


def test_a_big5_file_name_on_the_command_line_is_shown_decoded(tmp_path):
    name = tmp_path / os.fsdecode("公文.pdf".encode("cp950"))
    shutil.copy(SEED_TEXT.parent.parent / "bad" / "truncated.pdf", name)
    run = subprocess.run([GONGWEN, "parse", str(name)], capture_output=True, timeout=60)
    assert run.returncode == 1
    assert run.stderr.decode("utf-8") == f"gongwen: {tmp_path}/公文.pdf: truncated PDF: no %%EOF end marker (file cut short?)\n"


def test_a_file_that_kills_its_worker_fails_alone(tmp_path, monkeypatch):
    import pipeline.parse.document as document
    real = document.document_to_record

    def crashing(doc):
        if doc.path.endswith("crash.txt"):
            os._exit(9)  # a worker dying as in a segfault: its pool breaks under every file in flight
        return real(doc)
    monkeypatch.setattr(document, "document_to_record", crashing)  # the workers are forked with it
    inbox = inbox_of(tmp_path, 12)
    shutil.copy(SEED_TEXT, inbox / "crash.txt")
    result = CliRunner().invoke(main, ["batch", str(inbox), "-o", str(tmp_path / "out"), "--jobs", "2"])
    assert result.exit_code == 2
    entries = by_path(tmp_path / "out")
    assert entries["crash.txt"]["reason"] == run.WORKER_DIED
    assert [entries[f"l{n}.txt"]["status"] for n in range(12)] == ["parsed"] * 12


def test_files_retried_one_by_one_each_get_a_fresh_worker_after_one_that_kills_it(tmp_path, monkeypatch):
    import pipeline.parse.document as document
    real = document.document_to_record

    def crashing(doc):
        if "crash" in doc.path:
            os._exit(9)
        return real(doc)
    monkeypatch.setattr(document, "document_to_record", crashing)  # the workers are forked with it
    inbox = inbox_of(tmp_path, 3)
    for name in ("crash-a.txt", "crash-b.txt"):
        shutil.copy(SEED_TEXT, inbox / name)
    names = ["l0.txt", "crash-a.txt", "l1.txt", "crash-b.txt", "l2.txt"]
    inputs = [Input(str(inbox / name), name, None) for name in names]
    received = [(i.rel, r["summary"].get("ok"), r["summary"].get("reason"))
                for i, r in run.parse_one_by_one(inputs, Limits())]
    assert received == [("l0.txt", True, None), ("crash-a.txt", False, run.WORKER_DIED), ("l1.txt", True, None),
                        ("crash-b.txt", False, run.WORKER_DIED), ("l2.txt", True, None)]


class BreaksAfter:
    """A worker pool that takes ``count`` tasks, each parsed at once, then is broken (a worker died meanwhile)."""

    def __init__(self, count: int):
        self.count = count

    def submit(self, function, files, limits):
        if self.count == 0:
            raise BrokenProcessPool("a child process terminated abruptly")
        self.count -= 1
        future = Future()
        future.set_result([{"parsed": rel} for _, rel in files])
        return future


def test_a_pool_broken_between_two_results_leaves_the_files_not_handed_out_to_workers_of_their_own(monkeypatch):
    inputs = Inputs()
    for n in range(12):
        inputs.add(Input(f"/inbox/l{n:02d}.txt", f"l{n:02d}.txt", f"{n:064x}"))
    monkeypatch.setattr(run, "parse_one_by_one", lambda orphans, limits: ((i, {"alone": i.rel}) for i in orphans))
    monkeypatch.setattr(run, "FILES_PER_TASK", 2)
    try:
        received = [(i.rel, result) for i, result in run.parse_inputs(inputs, BreaksAfter(5), 2, Limits())]
    finally:
        inputs.close()
    assert len(received) == 12 and dict(received) == {  # each once: ten by the pool (five tasks), the rest each alone
        **{f"l{n:02d}.txt": {"parsed": f"l{n:02d}.txt"} for n in range(10)},
        "l10.txt": {"alone": "l10.txt"}, "l11.txt": {"alone": "l11.txt"}}


def test_a_file_stuck_where_the_timer_cannot_reach_is_ended_by_the_cpu_limit(tmp_path, monkeypatch):
    import pipeline.parse.document as document
    real = document.document_to_record

    def stuck(doc):
        if doc.path.endswith("stuck.txt"):  # as if stuck in C code (PDFium): the timer's handler never runs
            signal.signal(signal.SIGALRM, signal.SIG_IGN)
            while True:
                pass
        return real(doc)
    monkeypatch.setattr(document, "document_to_record", stuck)  # the workers are forked with it
    inbox = inbox_of(tmp_path, 4)
    shutil.copy(SEED_TEXT, inbox / "stuck.txt")
    started = time.monotonic()
    result = CliRunner().invoke(main, ["batch", str(inbox), "-o", str(tmp_path / "out"), "--jobs", "2",
                                       "--time-limit", "1"])
    assert result.exit_code == 2 and time.monotonic() - started < 60
    entries = by_path(tmp_path / "out")
    assert entries["stuck.txt"]["reason"] == run.WORKER_DIED
    assert [entries[f"l{n}.txt"]["status"] for n in range(4)] == ["parsed"] * 4


def test_the_cpu_limit_is_restored_after_each_file():
    before = resource.getrlimit(resource.RLIMIT_CPU)
    assert parse_input(str(SEED_TEXT), Limits(seconds=30, megabytes=500))["ok"] is True
    assert resource.getrlimit(resource.RLIMIT_CPU) == before


HOLDS_LOCK_WITH_A_WORKER = """
import os, sys, time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from pipeline.batch.lock import lock_output, unlock_output
from pipeline.batch.work import start_builder
lock_output(Path(sys.argv[1]))
pool = ProcessPoolExecutor(1, initializer=start_builder, initargs=(os.getpid(),))
pool.submit(int).result()  # the worker started, its initializer run
pool.submit(time.sleep, 30)
print("ready", flush=True)
time.sleep(60)
"""


def test_a_worker_outliving_its_killed_batch_does_not_keep_the_next_batch_out(tmp_path):
    """The output folder's lock is the batch process's alone: its forked workers let go of their copy, so the next
    batch can start as soon as a killed batch is gone, its workers still exiting."""
    proc = subprocess.Popen([sys.executable, "-c", HOLDS_LOCK_WITH_A_WORKER, str(tmp_path)], stdout=subprocess.PIPE,
                            text=True)
    assert proc.stdout.readline() == "ready\n"
    proc.kill()  # the batch process only: its worker lives on until it notices (exit_with_parent)
    proc.wait(timeout=30)
    unlock_output(lock_output(tmp_path))  # taken at once, not refused as "another gongwen batch is writing…"


def test_a_folder_that_cannot_be_listed_is_a_failure_not_left_out(tmp_path, monkeypatch):
    inbox = inbox_of(tmp_path)
    locked = inbox / "收文 2024"
    locked.mkdir()
    write_letter(locked, "hidden.txt", 7)
    real = os.scandir

    def scandir(path="."):  # as for a folder without read permission (root reads every folder, so it is faked)
        if os.fspath(path) == str(locked):
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)
    monkeypatch.setattr(os, "scandir", scandir)
    result = run_batch(inbox, tmp_path / "out")
    assert result.exit_code == 2
    entries = by_path(tmp_path / "out")
    assert entries["收文 2024"] == {"path": "收文 2024", "status": "failed",
                                    "reason": "folder cannot be listed (Permission denied): its files were not read"}
    assert [entries[f"l{n}.txt"]["status"] for n in range(3)] == ["parsed"] * 3
    monkeypatch.setattr(os, "scandir", lambda path=".": (_ for _ in ()).throw(PermissionError(13, "Permission denied")))
    refused = run_batch(inbox, tmp_path / "out2")
    assert refused.exit_code == 1 and refused.output.strip().endswith("cannot list the inbox: Permission denied")
