"""The batch's on-disk and threaded streams: rows sorted on disk, values spooled, items made ahead in a thread, and
what it knows of each input (inputs, names, the grouping, the documents) in unnamed temp databases."""
from __future__ import annotations

import hashlib
import os
import random
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from pipeline.batch.assemble import Planned, name_documents, split_duplicates
from pipeline.batch.discover import Input, Inputs, names_by_folder
from pipeline.batch import on_disk
from pipeline.batch.on_disk import DiskDict
from pipeline.batch.overlap import made_ahead
from pipeline.batch.sorted_rows import SortedRows
from pipeline.batch.spool import SpooledValues
from pipeline.batch.streaming import LetterFiles
from pipeline.records import LETTER_SCHEMA

KEY_TEXTS = ["", "2023-01-02", "2023-01-0", "2024-12-31", "府教字第1120001號", "府教字第112000號", "府", "a",
             "𠀀x", "\uffff", "é", "e"]


def test_sorted_rows_come_back_in_python_tuple_order_then_as_added():
    rng = random.Random(20261206)
    rows = SortedRows(3)
    added = []
    for n in range(2000):
        key = (rng.choice(KEY_TEXTS), rng.choice(KEY_TEXTS), rng.choice(KEY_TEXTS[:3]))
        rows.add(key, [n, *key])
        added.append((key, [n, *key]))
    try:
        assert list(rows.in_order()) == [row for _, row in sorted(added, key=lambda pair: pair[0])]
    finally:
        rows.close()


def test_spooled_values_give_back_what_was_set_and_refuse_unknown_names(tmp_path):
    values = SpooledValues(tmp_path)
    try:
        values["a.txt"] = {"ok": True, "record": {"issuer": "臺北市政府", "attachments": [{"file": "x.odt"}]}}
        values["b.pdf"] = {"ok": False, "reason": "not a 公文"}
        values["a.txt"] = {"ok": True, "record": {"issuer": "教育部"}}  # set again: the last value wins
        assert values["a.txt"] == {"ok": True, "record": {"issuer": "教育部"}}
        assert values["b.pdf"]["reason"] == "not a 公文"
        assert list(values) == ["a.txt", "b.pdf"] and len(values) == 2 and "c.odt" not in values
        with pytest.raises(KeyError):
            values["c.odt"]
        assert values.get("c.odt") is None
        values["a.txt"]["record"]["issuer"] = "changed"  # a copy each read: the spool keeps what was set
        assert values["a.txt"]["record"]["issuer"] == "教育部"
    finally:
        values.close()
    assert not list(tmp_path.iterdir())  # the spool file had no name and is gone


def test_made_ahead_keeps_the_order_and_raises_the_makers_error_here():
    assert list(made_ahead(iter(range(500)), 4)) == list(range(500))

    def failing():
        yield 1
        raise ValueError("record file could not be written")
    got = []
    with pytest.raises(ValueError, match="could not be written"):
        for item in made_ahead(failing(), 4):
            got.append(item)
    assert got == [1]


def test_closing_made_ahead_stops_its_thread_and_closes_the_source():
    closed = threading.Event()

    def endless():
        try:
            n = 0
            while True:
                yield n
                n += 1
        finally:
            closed.set()
    items = made_ahead(endless(), 2)
    assert [next(items) for _ in range(3)] == [0, 1, 2]
    items.close()
    assert closed.is_set()
    assert not [t for t in threading.enumerate() if t.name == "made-ahead"]


@pytest.mark.parametrize("memory_keys", [4096, 100])  # held in memory, and moved to disk past 100 keys
def test_disk_dict_keeps_values_in_code_point_order_in_memory_and_on_disk(monkeypatch, memory_keys):
    monkeypatch.setattr(on_disk, "MEMORY_KEYS", memory_keys)
    rng = random.Random(20261206)
    values = DiskDict()
    expected = {}
    try:
        for n in range(3000):
            key = f"{rng.choice(KEY_TEXTS)}/{rng.randrange(500)}"
            value = {"n": n, "files": [(0, f"{key}_ATTACH1.odt")]}
            values[key] = value
            expected[key] = value
        del values[next(iter(expected))]
        del expected[next(iter(expected))]
        assert list(values) == sorted(expected) and len(values) == len(expected)
        assert list(values.items()) == sorted(expected.items())
        assert list(values.values()) == [expected[k] for k in sorted(expected)]
        some = sorted(expected)[7]
        assert values[some] == expected[some] and some in values and "absent" not in values and 3 not in values
        values[some]["n"] = -1  # a copy each read: what was set stays
        assert values[some]["n"] == expected[some]["n"]
        assert values.get("absent", "none") == "none"
        with pytest.raises(KeyError):
            del values["absent"]
        assert (values.memory is None) == (len(expected) > memory_keys)
        assert [values.position(k) for k in sorted(expected)[:3]] == [0, 1, 2]
        values["\u0001 first"] = None  # numbered again after a change
        assert values.position(sorted(expected)[0]) == 1 and values.position("\u0001 first") == 0
    finally:
        values.close()


HOLD_OPEN = """
import os, sys, time
from pipeline.batch.on_disk import DiskDict
from pipeline.batch.sorted_rows import SortedRows
values, rows = DiskDict(), SortedRows(1)
for n in range(20000):
    values[f"inbox/letter-{n:06d}.txt"] = {"ok": True, "record": {"issuer": "臺北市政府", "n": n}}
    rows.add((f"{n:06d}",), [n])
print("written", flush=True)
time.sleep(60)
"""


def test_the_temp_databases_have_no_name_and_leave_nothing_when_the_process_is_killed(tmp_path):
    env = {**os.environ, "SQLITE_TMPDIR": str(tmp_path), "PYTHONPATH": str(Path(__file__).resolve().parent.parent)}
    child = subprocess.Popen([sys.executable, "-c", HOLD_OPEN], env=env, stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout.readline().strip() == "written"
        held = [os.readlink(f"/proc/{child.pid}/fd/{fd}") for fd in os.listdir(f"/proc/{child.pid}/fd")]
        assert [h for h in held if h.startswith(str(tmp_path))], held  # its databases are in that folder…
        assert not list(tmp_path.iterdir())  # …under no name: there is nothing to leave behind
    finally:
        child.kill()
        child.wait()
    assert not list(tmp_path.iterdir())


def test_spooled_values_are_iterated_by_name_whatever_order_they_came_in(tmp_path):
    values = SpooledValues(tmp_path)
    try:
        names = [f"{folder}/{n}.txt" for n in range(300) for folder in ("b", "a", "é", "𠀀")]
        random.Random(7).shuffle(names)
        for name in names:
            values[name] = {"name": name}
        assert list(values) == sorted(names)
        assert all(values[name] == {"name": name} for name in names[:50])
    finally:
        values.close()


def test_inputs_on_disk_come_back_by_path_and_are_found_by_path():
    inputs = Inputs()
    try:
        for rel in ["b/2.txt", "a.txt", "b/10.txt", "公文/函.pdf"]:
            inputs.add(Input(f"/inbox/{rel}", rel, rel.encode().hex()))
        assert [i.rel for i in inputs] == ["a.txt", "b/10.txt", "b/2.txt", "公文/函.pdf"] and len(inputs) == 4
        assert inputs["公文/函.pdf"] == Input("/inbox/公文/函.pdf", "公文/函.pdf", "公文/函.pdf".encode().hex())
    finally:
        inputs.close()


def test_folder_names_find_exchange_files_by_the_digits_their_prefix_ends_in():
    folders = names_by_folder(["a/Letter.txt", "a/376550000A1080251637_118_ATTACH1.ODT", "a/臺北市1080251637_1_ATTACH2.odt",
                               "a/3765500001080251637X_1_ATTACH1.odt", "a/1080251637_1_attach3.pdf",
                               "b/376550000A1080251637_118_ATTACH3.odt", "a/991080251637_1_ATTACH1.odt"])
    try:
        assert folders.ending_in("a", "1080251637") == {
            "376550000a1080251637_118_attach1.odt", "臺北市1080251637_1_attach2.odt", "1080251637_1_attach3.pdf",
            "991080251637_1_attach1.odt"}
        assert folders.ending_in("a", "80251637") == folders.ending_in("a", "1080251637")
        assert folders.ending_in("a", "2080251637") == set() and folders.ending_in("a", "") == set()
        assert folders.ending_in("b", "1080251637") == {"376550000a1080251637_118_attach3.odt"}
        assert folders.rel_of("a", "letter.txt") == "a/Letter.txt" and folders.rel_of("a", "Letter.txt") is None
    finally:
        folders.close()


def test_the_kept_copy_of_a_letter_is_the_exactest_then_the_first_by_path():
    def letter(fmt, ocr=None):
        return {"schema": LETTER_SCHEMA, "issuer": "教育部", "dispatch_no": {"word": "臺教字", "number": "1120001"},
                "source": {"format": fmt, "ocr": ocr}}
    other = {"word": "臺教字", "number": "1120003"}
    letters = {"z/a.txt": letter("text"), "b.pdf": letter("pdf"), "a.di": {**letter("di"), "dispatch_no": other},
               "y.di": letter("di"), "c.pdf": {**letter("pdf"), "dispatch_no": other}, "d.pdf": letter("pdf", {"pages": [1]}),
               "x.odt": {**letter("odt"), "dispatch_no": {"number": "1120002"}},
               "nokey.txt": {**letter("text"), "issuer": None}, "e.pdf": {**letter("pdf"), "dispatch_no": other}}
    kept, duplicates = split_duplicates(letters)
    try:
        assert list(kept) == ["a.di", "nokey.txt", "x.odt", "y.di"]
        assert dict(duplicates.items()) == {"b.pdf": "y.di", "c.pdf": "a.di", "d.pdf": "y.di", "e.pdf": "a.di",
                                            "z/a.txt": "y.di"}
    finally:
        kept.close()
        duplicates.close()


def test_documents_sharing_a_file_name_are_told_apart_by_a_hash_of_their_key():
    plan = {"schema": "gongwen/plan@1"}
    named = name_documents([(Planned("a/plan.odt", "file|a/plan.odt"), plan),
                            (Planned("b/plan.odt", "file|b/plan.odt"), plan),
                            (Planned("c/other.odt", "file|c/other.odt"), plan)])
    try:
        assert {rel: d.file_name for rel, d in named.items()} == {
            "a/plan.odt": f"plan-plan-{hashlib.sha256(b'file|a/plan.odt').hexdigest()[:8]}.json",
            "b/plan.odt": f"plan-plan-{hashlib.sha256(b'file|b/plan.odt').hexdigest()[:8]}.json",
            "c/other.odt": "plan-other.json"}
    finally:
        named.close()


def letter_summary(attachments: list[str], number: str) -> dict:
    return {"ok": True, "record": {"schema": LETTER_SCHEMA, "issuer": "花蓮縣政府",
                                   "dispatch_no": {"number": number, "text": f"府教字第{number}號"},
                                   "attachments": [{"file": name} for name in attachments]}}


def test_a_letter_is_ready_once_every_file_it_can_claim_is_parsed_once_and_takes_only_files_no_other_took():
    plan = {"ok": True, "record": {"schema": "gongwen/plan@1"}}
    names = ["a/1120001.txt", "a/plan.odt", "a/376550000A1120001_1_ATTACH2.odt", "a/1120002.txt", "b/1120003.txt"]
    folders = names_by_folder(names)
    results: dict[str, dict] = {}
    files = LetterFiles(folders, results, set(names))
    try:
        results["a/1120001.txt"] = letter_summary(["plan.odt", "PLAN.ODT", "附表.odt"], "1120001")  # one file twice
        assert list(files.arrived("a/1120001.txt")) == []  # its plan and exchange-named table are not in
        results["a/376550000A1120001_1_ATTACH2.odt"] = {"ok": False, "reason": "not an ODF file"}
        assert list(files.arrived("a/376550000A1120001_1_ATTACH2.odt")) == []
        results["a/1120002.txt"] = letter_summary(["plan.odt"], "1120002")
        assert list(files.arrived("a/1120002.txt")) == []
        results["a/plan.odt"] = plan
        first = {0: "a/plan.odt", 1: "a/plan.odt", 3: "a/376550000A1120001_1_ATTACH2.odt"}
        assert list(files.arrived("a/plan.odt")) == [("a/1120001.txt", first), ("a/1120002.txt", {0: "a/plan.odt"})]
        # assemble.letters_to_claims' rule: a file at its first position, a file no other letter took
        assert files.files_of("a/1120001.txt", first) == [(0, "a/plan.odt"), (3, "a/376550000A1120001_1_ATTACH2.odt")]
        assert files.files_of("a/1120002.txt", {0: "a/plan.odt"}) is None
        results["b/1120003.txt"] = letter_summary([], "1120003")
        assert list(files.arrived("b/1120003.txt")) == [("b/1120003.txt", {})]  # nothing to wait for
    finally:
        files.close()
