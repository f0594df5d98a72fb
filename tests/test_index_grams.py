"""The index of schema 4: words of any length found through the gram table give exactly the results of a scan of
every text; document frequencies and keywords kept as documents come and go; indexes of versions 2 and 3 upgraded."""
from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.index.plan import SEQ_SPAN, char_code, day_key, document_tokens, is_number_term, term_to_phrase, text_to_tokens
from pipeline.index.schema import SCHEMA_VERSION, create_index
from pipeline.index.search import build_query, search
from pipeline.index.text import record_to_texts
from pipeline.index.write import IndexEntry, frequencies_to_idf, key_to_id, sync_index, terms_to_keywords

ROOT = Path(__file__).resolve().parent.parent
V2_INDEX = ROOT / "tests" / "data" / "index" / "v2.sqlite"  # written by gongwen with schema 2 (3 sample letters)
V3_INDEX = ROOT / "tests" / "data" / "index" / "v3.sqlite"  # written by gongwen with schema 3 (3 sample letters)
GONGWEN = str(Path(sys.executable).parent / "gongwen")
ALPHABET = "選舉安全維護公告人事府令機密。，、（）第號字12345abAB𠂤"  # CJK, punctuation, digits, Latin, a plane-2 character


def letter(n: int, subject: str, body: str, attachment: str, date: str | None) -> dict:
    number = f"11200{n:05d}"
    return {"schema": "gongwen/letter@3", "source": {"path": f"{n}.txt"}, "issuer": "花蓮縣政府",
            "date": {"iso": date, "roc": "112年1月5日"} if date else None,
            "dispatch_no": {"text": f"府政行字第{number}號", "word": "府政行", "number": number},
            "subject": subject, "sections": [{"name": "說明", "text": body, "items": []}],
            "attachments": [{"title": attachment, "file": None, "kind": None}] if attachment else [],
            "cc_main": [], "cc_copy": [], "references": []}


def reference_search(letters: list[dict], query_terms: list[str]) -> list[tuple[int, int]]:
    """The definition the index must give, computed in Python over every letter: (id, score), best first."""
    found = []
    for n, record in enumerate(letters):
        texts = list(record_to_texts(record).values())
        own = record["dispatch_no"]["text"]
        score, matched = 0, True
        for term in query_terms:
            own_hit = is_number_term(term) and term in own
            matched &= any(term in t for t in texts) or own_hit
            score += (5 if term in texts[0] else 1) + (100 if own_hit else 0)
        if matched:
            found.append((key_to_id(f"letter|{n}"), score, (record["date"] or {}).get("iso") or ""))
    found.reverse()  # the letters of a day, the last indexed first
    found.sort(key=lambda f: f[2], reverse=True)  # stable: equal dates keep that order
    found.sort(key=lambda f: f[1], reverse=True)
    return [(doc_id, score) for doc_id, score, _ in found]


texts = st.text(alphabet=ALPHABET + " \n", max_size=40)
corpora = st.lists(st.tuples(texts, texts, texts, st.sampled_from([None, "2023-01-05", "2024-02-29"])),
                   min_size=1, max_size=12)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(corpus=corpora, data=st.data())
def test_gram_search_equals_the_exact_scan(corpus, data):
    letters = [letter(n, *fields) for n, fields in enumerate(corpus)]
    conn = create_index(":memory:")
    sync_index(conn, [IndexEntry(f"letter|{n}", r) for n, r in enumerate(letters)], "inbox")
    words = " ".join(f"{r['subject']} {r['sections'][0]['text']} {r['dispatch_no']['number']}" for r in letters).split()
    pieces = st.sampled_from(words).flatmap(
        lambda w: st.tuples(st.integers(0, len(w) - 1), st.integers(1, 6)).map(lambda ij: w[ij[0]:ij[0] + ij[1]]))
    term = pieces if words else st.text(alphabet=ALPHABET, min_size=1, max_size=4)
    query = data.draw(st.lists(st.one_of(term, st.text(alphabet=ALPHABET, min_size=1, max_size=3)),
                               min_size=1, max_size=3, unique=True))
    hits = search(conn, " ".join(query), limit=1000)
    assert [(h.id, h.score) for h in hits] == reference_search(letters, query), query


days = st.sampled_from([None, "2023-01-05", "2023-01-05", "2024-02-29", "2024-03-01"])  # days shared by many letters
bounds = st.sampled_from([None, "2023-01-05", "2024-02-29", "2024", "2023-06-30"])  # full ISO days and a bare year


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(corpus=st.lists(st.tuples(texts, texts, texts, days), min_size=1, max_size=16), data=st.data())
def test_one_word_answered_tier_by_tier_gives_the_plans_first_hits(corpus, data):
    """The tiers (newest 主旨 hits, then the newest others; a day's letters the last indexed first) give the plan's
    ranking, cut anywhere."""
    letters = [letter(n, *fields) for n, fields in enumerate(corpus)]
    conn = create_index(":memory:")
    sync_index(conn, [IndexEntry(f"letter|{n}", r) for n, r in enumerate(letters)], "inbox")
    words = [w for r in letters for w in f"{r['subject']} {r['sections'][0]['text']}".split() if len(w) >= 2]
    term = data.draw(st.sampled_from(words).flatmap(lambda w: st.sampled_from(
        [w[i:j] for i in range(len(w)) for j in range(i + 2, len(w) + 1)])) if words else st.just("選舉"))
    limit, since, until = data.draw(st.integers(1, 5)), data.draw(bounds), data.draw(bounds)
    hits = search(conn, term, since=since, until=until, limit=limit)
    plan = conn.execute(*build_query([term], None, since, until, limit))
    assert [(h.id, h.score) for h in hits] == [(row[0], row[8]) for row in plan], term
    dated = {key_to_id(f"letter|{n}"): (r["date"] or {}).get("iso") for n, r in enumerate(letters)}
    expected = [(doc_id, score) for doc_id, score in reference_search(letters, [term])
                if (not since or (dated[doc_id] or "") >= since) and (not until or (dated[doc_id] or "~") <= until)
                and (dated[doc_id] or not (since or until))]
    assert [(h.id, h.score) for h in hits] == expected[:limit], term


@pytest.mark.parametrize("limit", [1, 3, 7])
def test_a_day_s_letters_come_the_last_indexed_first(limit):
    """Ten letters of one day hold the word: the page is the plan's, the last indexed first, in either tier."""
    letters = [letter(n, f"選舉公告第{n}號", "人事", "", "2023-01-05") for n in range(10)]
    conn = create_index(":memory:")
    sync_index(conn, [IndexEntry(f"letter|{n}", r) for n, r in enumerate(letters)], "inbox")
    for word in ("選舉", "人事"):  # a 主旨 tier, the other tier
        plan = [row[0] for row in conn.execute(*build_query([word], None, None, None, limit))]
        assert [h.id for h in search(conn, word, limit=limit)] == plan
        assert plan == [key_to_id(f"letter|{n}") for n in range(9, -1, -1)][:limit]


def test_a_long_number_is_checked_in_the_texts_its_digit_grams_find():
    """「第1234號及第234567號」 holds the 4-grams of 1234567 one after another (two runs side by side in the digit
    column) but not the number: only the letter that holds it is found."""
    letters = [letter(0, "函轉", "依第1234號及第234567號辦理", "", "2023-01-05"),
               letter(1, "函轉", "依第1234567號辦理", "", "2023-01-05")]
    conn = create_index(":memory:")
    sync_index(conn, [IndexEntry(f"letter|{n}", r) for n, r in enumerate(letters)], "inbox")
    assert [h.id for h in search(conn, "1234567")] == [key_to_id("letter|1")]
    assert [h.id for h in search(conn, "函轉 1234567")] == [key_to_id("letter|1")]


def test_grams_are_pairs_lone_last_characters_and_digit_fours():
    code = {c: char_code(c) for c in "選舉公告第10832號𠂤"}
    assert len(set(code.values())) == len(code) and all(len(v) == 4 for v in code.values())
    assert text_to_tokens("選舉 公告\n𠂤").split() == [code["選"] + code["舉"], code["舉"], code["公"] + code["告"],
                                                     code["告"], code["𠂤"]]  # no pair across a space
    columns = document_tokens({"subject": "選舉", "body": "第10802號", "attachments": ""}, "府第1080號")
    assert columns["numbers"].split() == ["".join(code[c] for c in digits) for digits in ("1080", "0802", "1080")]
    assert columns["own"].split()[-1] == code["號"] and columns["attachments"] == ""
    assert term_to_phrase("選") == f'"{code["選"]}" *'
    assert term_to_phrase("選舉公") == f'"{code["選"] + code["舉"]} {code["舉"] + code["公"]}"'


def test_two_character_words_are_looked_up_not_scanned(tmp_path):
    conn = create_index(tmp_path / "i.sqlite")
    sync_index(conn, [IndexEntry(f"letter|{n}", letter(n, "選舉公告", "人事", "", "2023-01-05")) for n in range(3)],
               "inbox")
    sql, params = build_query(["選舉"], None, None, None, 20)
    plan = [row[-1] for row in conn.execute(f"EXPLAIN QUERY PLAN {sql}", params)]
    assert any(step.startswith("SCAN document_grams VIRTUAL TABLE INDEX 0:M") for step in plan), plan
    assert "SCAN d" not in plan, plan
    assert len(search(conn, "選舉")) == 3 and len(search(conn, "人")) == 3 and search(conn, "舉人") == []


def entry(n: int, terms: dict[str, int]) -> IndexEntry:
    return IndexEntry(f"letter|{n}", letter(n, "".join(terms), "", "", "2023-01-05"), None, Counter(terms))


def full_recompute(conn: sqlite3.Connection, entries: dict[int, IndexEntry]) -> dict[int, list[tuple[str, float]]]:
    """Every present document's keywords with IDF from all present documents, from scratch."""
    df = Counter(term for e in entries.values() for term in e.terms)
    idf = frequencies_to_idf(df, len(entries))
    return {key_to_id(e.key): terms_to_keywords(e.terms, idf) for e in entries.values()}


def stored_keywords(conn: sqlite3.Connection) -> dict[int, list[tuple[str, float]]]:
    out: dict[int, list[tuple[str, float]]] = {}
    for doc_id, term, weight in conn.execute("SELECT document_id, term, weight FROM keywords ORDER BY document_id, rank"):
        out.setdefault(doc_id, []).append((term, weight))
    return out


def test_document_frequencies_follow_inserts_and_deletes_and_new_keywords_equal_a_full_recompute(tmp_path):
    conn = create_index(tmp_path / "i.sqlite")
    first = {n: entry(n, {"選舉": 2, "安全": 1, f"詞{n}甲": 1}) for n in range(4)}
    sync_index(conn, list(first.values()), "a")
    assert stored_keywords(conn) == full_recompute(conn, first)  # one sync into a new index: a full recompute
    before = stored_keywords(conn)
    second = {n: entry(n, {"選舉": 1, "防汛": 3, f"詞{n}乙": 2}) for n in range(10, 13)}
    sync_index(conn, list(second.values()), "b")
    present = {**first, **second}
    assert dict(conn.execute("SELECT term, df FROM term_df")) == dict(Counter(t for e in present.values() for t in e.terms))
    now = stored_keywords(conn)
    assert {k: now[k] for k in before} == before  # the keywords of documents already there do not move
    expected = full_recompute(conn, present)
    assert all(now[key_to_id(e.key)] == expected[key_to_id(e.key)] for e in second.values())
    del first[3]
    first[1] = entry(1, {"颱風": 1, "選舉": 1})  # replaced
    sync_index(conn, list(first.values()), "a")
    present = {**first, **second}
    assert dict(conn.execute("SELECT term, df FROM term_df")) == dict(Counter(t for e in present.values() for t in e.terms))
    assert stored_keywords(conn)[key_to_id("letter|1")] == full_recompute(conn, present)[key_to_id("letter|1")]
    assert key_to_id("letter|3") not in stored_keywords(conn)


def gongwen(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([GONGWEN, *args], capture_output=True, text=True, timeout=120)


def test_an_index_of_version_2_is_refused_in_one_line_then_upgraded_in_place(tmp_path):
    index = tmp_path / "index.sqlite"
    shutil.copy(V2_INDEX, index)
    with sqlite3.connect(V2_INDEX) as old:
        old_df = dict(old.execute("SELECT term, count(*) FROM document_terms GROUP BY term"))
        old_records = dict(old.execute("SELECT id, record_json FROM documents"))
        old_keywords = sorted(old.execute("SELECT document_id, rank, term, weight FROM keywords"))
    refused = gongwen("search", "選舉", "--index", str(index))
    assert refused.returncode == 1 and refused.stderr == (
        f"gongwen search: {index}: index schema version 2, this gongwen reads {SCHEMA_VERSION}: "
        "upgrade it with `gongwen index upgrade`\n")
    upgraded = gongwen("index", "upgrade", "--index", str(index))
    assert upgraded.returncode == 0 and f"version 2 → {SCHEMA_VERSION}" in upgraded.stdout, upgraded.stderr
    assert f"already version {SCHEMA_VERSION}" in gongwen("index", "upgrade", "--index", str(index)).stdout
    assert gongwen("index", "check", "--index", str(index)).returncode == 0
    found = gongwen("search", "選舉", "--index", str(index))
    assert found.returncode == 0 and "府政行字第1080251637號" in found.stdout and "中市選一字第1120004567號" in found.stdout
    assert "府政行字第1080251637號" in gongwen("search", "0251637", "--index", str(index)).stdout
    with sqlite3.connect(index) as new:
        assert new.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert dict(new.execute("SELECT term, df FROM term_df")) == old_df
        assert sorted(new.execute("SELECT document_id, rank, term, weight FROM keywords")) == old_keywords
        assert {t for (t,) in new.execute("SELECT name FROM sqlite_master")}.isdisjoint(
            {"document_terms", "documents_fts", "documents_v2"})
    shown = gongwen("show", "府政行字第1080251637號", "--index", str(index)).stdout
    assert json.loads(shown) == json.loads(old_records[key_to_id_of(index, "府政行字第1080251637號")])


def key_to_id_of(index: Path, dispatch_no: str) -> int:
    with sqlite3.connect(index) as conn:
        return conn.execute("SELECT id FROM letters WHERE dispatch_no = ?", (dispatch_no,)).fetchone()[0]


def test_an_index_of_version_3_gets_gram_positions_and_seqs_in_date_order_and_keeps_everything_else(tmp_path):
    index = tmp_path / "index.sqlite"
    shutil.copy(V3_INDEX, index)
    tables = ("documents", "letters", "recipients", "citations", "term_df", "keywords", "parsed")
    with sqlite3.connect(V3_INDEX) as old:
        before = {table: sorted(old.execute(f"SELECT * FROM {table}")) for table in tables}
    upgraded = gongwen("index", "upgrade", "--index", str(index))
    assert upgraded.returncode == 0 and f"version 3 → {SCHEMA_VERSION}" in upgraded.stdout, upgraded.stderr
    assert gongwen("index", "check", "--index", str(index)).returncode == 0
    with sqlite3.connect(index) as new:
        after = {table: sorted(new.execute(f"SELECT * FROM {table}")) for table in tables}
        same = ("recipients", "citations", "term_df", "keywords", "parsed")
        assert {t: after[t] for t in same} == {t: before[t] for t in same}
        assert sorted(row[1:] for row in after["documents"]) == sorted(row[1:] for row in before["documents"])
        assert new.execute("SELECT name, value FROM totals").fetchall() == [("documents", len(after["documents"]))]
        seqs = new.execute("SELECT d.seq, l.date_iso FROM documents d LEFT JOIN letters l ON l.id = d.id").fetchall()
        assert len(seqs) > 1 and all(seq // SEQ_SPAN == day_key(date) and seq % SEQ_SPAN > 0 for seq, date in seqs)
        assert [row[:-1] for row in after["letters"]] == before["letters"]  # a column more: the attachments counted
        assert [row[-1] for row in after["letters"]] == [new.execute(
            "SELECT count(*) FROM attachments WHERE document_id = ?", (row[0],)).fetchone()[0] for row in after["letters"]]
        assert any(row[-1] > 0 for row in after["letters"])
    found = gongwen("search", "安全維護", "--index", str(index))
    assert found.returncode == 0 and "府政行字第1080251637號" in found.stdout, found.stderr
    assert "屏府教學字第1120312345號" in gongwen("search", "1120312345", "--index", str(index)).stdout
    assert "府政行字第1080251637號" not in gongwen("search", "護維全安", "--index", str(index)).stdout


def test_index_optimize_merges_the_full_text_tables_and_every_search_stays(tmp_path):
    from pipeline.index.optimize import segment_count
    index = tmp_path / "index.sqlite"
    conn = create_index(index)
    letters = [letter(n, f"選舉公告第{n}號", f"安全維護 人事 {n * 7919}", "附件", f"2023-0{1 + n % 9}-05") for n in range(40)]
    for start in range(0, 40, 5):  # eight batches: eight segments a table at least
        sync_index(conn, [IndexEntry(f"letter|{n}", letters[n]) for n in range(start, start + 5)], f"inbox-{start}")
    queries = ["選舉", "安全維護", "公告第3", "人事", "7919", "府政行字第1120000012號", "選舉 人事"]
    before = {q: [(h.id, h.score) for h in search(conn, q, limit=7)] for q in queries}
    segments = segment_count(conn)
    assert segments >= 16
    conn.close()
    result = subprocess.run([GONGWEN, "index", "optimize", "--index", str(index)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout == f"gongwen index optimize: {index}: full-text segments {segments} → 2\n"
    conn = create_index(index)
    assert segment_count(conn) == 2
    assert {q: [(h.id, h.score) for h in search(conn, q, limit=7)] for q in queries} == before
    assert all(before[q] for q in queries)
    refused = subprocess.run([GONGWEN, "index", "optimize", "--index", str(tmp_path / "none.sqlite")],
                             capture_output=True, text=True)
    assert refused.returncode == 1 and refused.stderr.count("\n") == 1 and "no index here" in refused.stderr


def merge_policy(conn, table: str) -> dict:
    """Given an index connection and a gram table, return its FTS5 merge settings as stored."""
    return dict(conn.execute(f"SELECT k, v FROM {table}_config WHERE k IN ('automerge', 'crisismerge')"))


def test_a_new_index_merges_a_level_of_32_gram_segments_at_once_and_optimize_gives_an_older_one_that_policy(tmp_path):
    from pipeline.index.optimize import segment_count
    index = tmp_path / "index.sqlite"
    conn = create_index(index)
    assert merge_policy(conn, "document_grams") == merge_policy(conn, "subject_grams") == {
        "automerge": 16, "crisismerge": 32}
    letters = [letter(n, f"選舉公告第{n}號", f"安全維護 {n * 7919}", "", "2023-03-05") for n in range(40)]
    counts = []
    for n in range(40):  # forty small batches: a segment each, a level merged whole when it reaches 32
        sync_index(conn, [IndexEntry(f"letter|{n}", letters[n])], f"inbox-{n}")
        counts.append(segment_count(conn))
    assert counts[:31] == list(range(2, 64, 2)) and max(counts) < 64 and counts[-1] < 40
    for table in ("document_grams", "subject_grams"):  # an index made before the policy: FTS5's defaults
        conn.execute(f"DELETE FROM {table}_config WHERE k IN ('automerge', 'crisismerge')")
    conn.commit()
    conn.close()
    assert subprocess.run([GONGWEN, "index", "optimize", "--index", str(index)], capture_output=True).returncode == 0
    conn = create_index(index)
    assert merge_policy(conn, "document_grams") == {"automerge": 16, "crisismerge": 32}
    assert [h.id for h in search(conn, "選舉公告第39號", limit=3)][:1] == [key_to_id("letter|39")]


def test_the_running_total_of_documents_follows_adds_and_removals_and_index_check_compares_it(tmp_path):
    index = tmp_path / "index.sqlite"
    conn = create_index(index)
    letters = [letter(n, f"主旨{n}", "說明", "", "2023-01-05") for n in range(9)]
    sync_index(conn, [IndexEntry(f"letter|{n}", letters[n]) for n in range(6)], "a")
    sync_index(conn, [IndexEntry(f"letter|{n}", letters[n]) for n in range(6, 9)], "b")
    sync_index(conn, [IndexEntry(f"letter|{n}", letters[n]) for n in range(2)], "a")  # four of a's gone
    total = lambda: conn.execute("SELECT value FROM totals WHERE name = 'documents'").fetchone()[0]  # noqa: E731
    assert total() == 5 == conn.execute("SELECT count(*) FROM documents").fetchone()[0]
    assert subprocess.run([GONGWEN, "index", "check", "--index", str(index)], capture_output=True).returncode == 0
    with conn:
        conn.execute("UPDATE totals SET value = 7")
    conn.close()
    checked = subprocess.run([GONGWEN, "index", "check", "--index", str(index)], capture_output=True, text=True)
    assert checked.returncode == 1
    assert f"gongwen index check: {index}: the running total of documents is 7, the index holds 5" in checked.stderr
