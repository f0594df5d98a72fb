"""The batch's on-disk and threaded streams: rows sorted on disk, values spooled, items made ahead in a thread."""
from __future__ import annotations

import random
import threading

import pytest

from pipeline.batch.overlap import made_ahead
from pipeline.batch.sorted_rows import SortedRows
from pipeline.batch.spool import SpooledValues

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
