"""The same corpus gives the same search results in SQLite and PostgreSQL: several hundred letters made from the
sample letters' records (other issuers, dates, numbers, subjects), indexed in both, then words of 1, 2, 3 and 4+
characters taken from their text, several words at once, absent words, dispatch numbers whole and in part, and
filters; the hits (order, scores, snippets) and the web catalogue's pages must be equal, and the matches exactly
the documents a plain scan of the text finds."""
from __future__ import annotations

import copy
import random
import re
from datetime import date, timedelta

import pytest
from click.testing import CliRunner
from postgres_cluster import postgres  # noqa: F401 (the fixture)
from test_postgres import text_inbox

from pipeline.cli import main
from pipeline.index.browse import search_page
from pipeline.index.plan import TEXT_COLUMNS
from pipeline.index.search import search
from pipeline.index.write import IndexEntry

LETTERS = 400
PHRASES = ["辦理校園安全維護", "選舉期間行政中立", "人事差勤管理", "防汛整備", "補救教學計畫", "公告招標", "AI 應用",
           "covid-19 防疫", "第3期", "100%"]


def corpus_records(tmp_path_factory) -> list[dict]:
    """Return the letter records a batch makes of the sample letters."""
    base = tmp_path_factory.mktemp("corpus")
    result = CliRunner().invoke(main, ["batch", str(text_inbox(base / "inbox")), "-o", str(base / "out"),
                                       "--jobs", "1"])
    assert result.exit_code == 0, result.output
    from pipeline.index.schema import connect
    from pipeline.index.search import record_of
    conn = connect(base / "out" / "index.sqlite")
    return [record_of(conn, i) for (i,) in conn.execute("SELECT id FROM documents ORDER BY id")]


def variant(record: dict, k: int, issuers: list[str]) -> dict:
    """Given a sample record and a copy number, return a copy with another issuer, date (none for every 7th),
    發文字號 and a subject with a phrase added."""
    out = copy.deepcopy(record)
    if out.get("schema", "").startswith("gongwen/letter"):
        day = date(2015, 1, 1) + timedelta(days=(k * 37) % 3650)
        out["issuer"] = issuers[k % len(issuers)]
        out["date"] = None if k % 7 == 0 else {"iso": day.isoformat(), "roc": f"{day.year - 1911}年{day.month}月{day.day}日"}
        number = f"{day.year - 1911}{k:07d}"
        out["dispatch_no"] = {"text": f"府研字第{number}號", "word": "府研", "number": number}
    out["subject"] = f"{out.get('subject') or ''}{PHRASES[k % len(PHRASES)]}"
    return out


@pytest.fixture(scope="module")
def twins(postgres, tmp_path_factory):  # noqa: F811
    """(SQLite connection, PostgreSQL connection, the indexed records), the same LETTERS documents in each."""
    from pipeline.index.engine import create_index
    from pipeline.index.write import sync_index
    records = corpus_records(tmp_path_factory)
    issuers = sorted({r.get("issuer") for r in records if r.get("issuer")})
    corpus = [variant(records[k % len(records)], k, issuers) for k in range(LETTERS)]
    entries = [IndexEntry(f"twin-{k}", record) for k, record in enumerate(corpus)]
    conns = [create_index(tmp_path_factory.mktemp("twin") / "index.sqlite"),
             create_index(postgres.new_database("twins"))]
    for conn in conns:
        assert sync_index(conn, entries, "twins")["added"] == LETTERS
    yield conns[0], conns[1]
    for conn in conns:
        conn.close()


COLUMNS = list(TEXT_COLUMNS)  # subject, body, attachments


def texts(conn) -> dict[int, tuple[str, str, str]]:
    """Given an index connection, return each document's (subject, body, attachments)."""
    return {row[0]: row[1:] for row in conn.execute("SELECT id, " + ", ".join(COLUMNS) + " FROM documents")}


def queries(corpus: dict[int, tuple[str, str, str]]) -> list[str]:
    """Given the documents' texts, return queries: words of 1, 2, 3, 4 and 6 characters cut from random texts, pairs
    of them, absent words."""
    rng = random.Random(11)
    pieces = [piece for doc in corpus.values() for column in doc for piece in re.split(r"[\s\u3000]+", column)]
    out = []
    for length in (1, 2, 2, 3, 4, 6):
        for _ in range(12):
            piece = rng.choice([p for p in pieces if len(p) >= length])
            start = rng.randrange(len(piece) - length + 1)
            out.append(piece[start:start + length])
    out += [f"{a} {b}" for a, b in zip(out[::7], out[3::7])]
    return out + ["魑魅魍魎", "魑", "安全 魑魅", "covid", "COVID-19", "100%", "_"]


def test_word_searches_give_the_same_hits_in_both_engines(twins):
    sqlite, pg = twins
    corpus = texts(sqlite)
    assert corpus == texts(pg)
    found = 0
    for query in queries(corpus):
        hits = search(sqlite, query, limit=25)
        assert search(pg, query, limit=25) == hits, query
        found += bool(hits)
    assert found >= 72  # every word cut from the texts finds something: the lists compared are not empty


@pytest.mark.parametrize("probe", [3, 40, 1000])
def test_one_word_pages_are_sqlite_s_whatever_the_limit_and_dates(twins, monkeypatch, probe):
    """However many of its newest documents PostgreSQL looks in before its RUM index, the pages are SQLite's."""
    from pipeline.index import match
    monkeypatch.setattr(match, "PROBE", probe)
    sqlite, pg = twins
    for query in [q for q in queries(texts(sqlite)) if " " not in q][:50]:
        for limit, since, until in ((1, None, None), (5, None, None), (25, None, None), (3, "2016-03-01", None),
                                    (4, None, "2023-06-30"), (2, "2017-01-01", "2019-12-31")):
            assert search(pg, query, limit=limit, since=since, until=until) == \
                search(sqlite, query, limit=limit, since=since, until=until), (query, limit, since, until)


@pytest.mark.parametrize("word", ["公文", "請查照", "安全維護"])
def test_postgresql_reads_a_word_from_its_ordered_index(twins, word):
    """Both tiers of a one-word search are an index scan of a RUM index in seq order, never a bitmap and a sort; a
    word of up to 3 characters is a gram of the index (no text is read to check it), a longer one is checked."""
    from pipeline.index.match import postgres_tiers
    from pipeline.index.plan import seq_range
    from pipeline.index.tiers import planner_settings, tier_sql
    _, pg = twins
    for tier, index in zip(postgres_tiers(word), ("documents_subject_grams_seq", "documents_grams_seq")):
        sql, params = tier_sql(tier, seq_range(None, None), ([], []), 21)
        with planner_settings(pg, tier.settings):
            plan = "\n".join(row[0] for row in pg.execute("EXPLAIN " + sql, params))
        assert f"Index Scan using {index}" in plan and "Order By: (seq <=|" in plan, plan
        assert "Sort" not in plan and "Bitmap" not in plan, plan
        assert ("~~" in plan) == (len(word) > 3), plan  # LIKE


def test_every_match_is_exactly_what_a_scan_finds(twins):
    sqlite, pg = twins
    corpus = texts(sqlite)
    for query in queries(corpus)[::3]:
        words = query.split()
        scanned = {i for i, doc in corpus.items() if all(any(w in column for column in doc) for w in words)}
        for conn in (sqlite, pg):
            assert {hit.id for hit in search(conn, query, limit=LETTERS)} == scanned, query


def a_dispatch_no(conn) -> str:
    """Given an index connection, return the 發文字號 of one of its letters (the 16th by number)."""
    return conn.execute("SELECT dispatch_no FROM letters WHERE dispatch_no LIKE '府研字第%' "
                        "ORDER BY dispatch_no LIMIT 1 OFFSET 15").fetchone()[0]


@pytest.mark.parametrize("query, filters", [
    ("{no}", {}), ("{digits}", {}), ("{digits7}", {}), ("{no} 查照", {}), ("{digits}", {"since": "2015-01-01"}), ("10807018360", {}),
    ("", {"issuer": "政府"}), ("安全", {"issuer": "縣", "since": "2017-01-01", "until": "2019-12-31"}),
    ("", {"recipient": "政風"}), ("維護 計畫", {"until": "2016-06-30"}), ("查照", {"since": "2024-01-01"}),
])
def test_numbers_and_filters_give_the_same_hits(twins, query, filters):
    sqlite, pg = twins
    no = a_dispatch_no(sqlite)
    digits = re.sub(r"\D", "", no)
    query = query.format(no=no, digits=digits, digits7=digits[-7:])
    hits = search(sqlite, query, limit=50, **filters)
    assert hits
    assert search(pg, query, limit=50, **filters) == hits


@pytest.mark.parametrize("query, facets, sort", [
    ("安全", {}, "relevance"), ("查照", {"year": "2019"}, "date"), ("公", {}, "date-asc"),
    ("請 查照", {}, "relevance"), ("防汛", {"has_attachments": "no"}, "relevance"),
])
def test_catalogue_pages_are_the_same(twins, query, facets, sort):
    sqlite, pg = twins
    page = search_page(sqlite, query, facets, sort, page=2, per_page=10)
    assert page.total > 10
    assert search_page(pg, query, facets, sort, page=2, per_page=10) == page


@pytest.mark.parametrize("probe", [0, 3])
def test_a_day_s_letters_come_the_last_indexed_first_in_postgresql(postgres, monkeypatch, probe):  # noqa: F811
    """Ten letters of one day hold the word: the page is that day's hits the last indexed first, from the index or
    the probe."""
    from test_index_grams import letter

    from pipeline.index import match
    from pipeline.index.engine import create_index
    from pipeline.index.write import key_to_id, sync_index
    monkeypatch.setattr(match, "PROBE", probe)
    conn = create_index(postgres.new_database("one_day"))
    sync_index(conn, [IndexEntry(f"letter|{n}", letter(n, f"選舉公告第{n}號", "人事", "", "2023-01-05"))
                      for n in range(10)], "inbox")
    newest = [key_to_id(f"letter|{n}") for n in range(9, -1, -1)]
    for word in ("選舉", "人事"):  # a 主旨 tier, the other tier
        for limit in (1, 3, 7):
            assert [h.id for h in search(conn, word, limit=limit)] == newest[:limit], (word, limit)
    conn.close()
