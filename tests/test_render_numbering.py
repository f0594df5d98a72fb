"""The dispatch-number register: next serial per ROC year and 字, reuse per key, safe across processes."""
import datetime as dt
import multiprocessing
import sqlite3

from pipeline.records import roc_year
from pipeline.render.numbering import assign_number, format_number

PARALLEL = 200


def test_numbers_follow_each_other_and_are_reused_per_key(tmp_path):
    register = tmp_path / "dispatch-register.sqlite"
    year = roc_year(dt.date.today())
    first = assign_number(register, "ack|花蓮縣政府府政行字第1080251637號|", "明利小", 7)
    second = assign_number(register, "circular|花蓮縣政府府政行字第1080251637號|", "明利小", 7)
    assert first == f"明利小字第{year}0000001號"
    assert second == f"明利小字第{year}0000002號"
    assert assign_number(register, "ack|花蓮縣政府府政行字第1080251637號|", "明利小", 7) == first


def test_each_word_and_year_counts_on_its_own(tmp_path):
    register = tmp_path / "r.sqlite"
    assert assign_number(register, "a", "明利小", 7, year=114) == "明利小字第1140000001號"
    assert assign_number(register, "b", "明利小", 7, year=115) == "明利小字第1150000001號"
    assert assign_number(register, "c", "明利總", 7, year=115) == "明利總字第1150000001號"
    assert assign_number(register, "d", "明利小", 7, year=115) == "明利小字第1150000002號"
    assert format_number("府政行", 108, 251637, 7) == "府政行字第1080251637號"


def _take(register, key, queue):
    try:
        queue.put(assign_number(register, key, "明利小", 7))
    except Exception as exc:  # reported to the test instead of leaving it waiting
        queue.put(f"error: {exc}")


def test_parallel_processes_get_distinct_numbers(tmp_path):
    register = tmp_path / "dispatch-register.sqlite"
    ctx = multiprocessing.get_context("fork")
    queue = ctx.Queue()
    workers = [ctx.Process(target=_take, args=(register, f"ack|letter-{i}|", queue)) for i in range(PARALLEL)]
    for w in workers:
        w.start()
    numbers = [queue.get(timeout=120) for _ in workers]
    for w in workers:
        w.join(timeout=60)
    assert all(w.exitcode == 0 for w in workers)
    year = roc_year(dt.date.today())
    assert len(set(numbers)) == PARALLEL
    assert sorted(numbers) == [f"明利小字第{year}{n:07d}號" for n in range(1, PARALLEL + 1)]
    with sqlite3.connect(register) as con:
        assert con.execute("SELECT COUNT(*), COUNT(DISTINCT key) FROM dispatch").fetchone() == (PARALLEL, PARALLEL)


def test_the_register_year_is_the_records_roc_year():
    assert roc_year(dt.date(2019, 11, 12)) == 108 and roc_year(dt.date(1912, 1, 1)) == 1
