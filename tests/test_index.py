"""The index: segmentation quality, one dictionary load, FTS5 trigram, sync and corpus-IDF keywords."""
from __future__ import annotations

import importlib.util
import logging
import os
from collections import Counter
from pathlib import Path

import jieba
import pytest

from pipeline.batch.work import parse_input
from pipeline.index import segment, write
from pipeline.index.schema import create_index
from pipeline.index.search import search
from pipeline.index.write import IndexEntry, key_to_id, sync_index

ROOT = Path(__file__).resolve().parent.parent
BENCH_SEGMENTATION = ROOT / "bench" / "segmentation.py"
INBOX = ROOT / "samples" / "inbox"


def segmentation_bench():
    """The segmentation benchmark script as a module (it holds the gold set and the scorer)."""
    spec = importlib.util.spec_from_file_location("bench_segmentation", BENCH_SEGMENTATION)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def letter(number: str, subject: str, body: str, issuer: str = "花蓮縣政府") -> dict:
    return {"schema": "gongwen/letter@3", "source": {"path": f"{number}.txt"}, "issuer": issuer,
            "date": {"iso": "2023-01-05", "roc": "112年1月5日"},
            "dispatch_no": {"text": f"府政行字第{number}號", "word": "府政行", "number": number},
            "subject": subject, "sections": [{"name": "說明", "text": body, "items": []}],
            "attachments": [], "cc_main": [{"name": "本府政風處", "with_attachments": True}], "cc_copy": [],
            "references": []}


def entry(number: str, subject: str, body: str) -> IndexEntry:
    record = letter(number, subject, body)
    return IndexEntry(f"letter|{number}", record, f"records/{number}.json", segment.text_to_terms(subject + body))


def test_traditional_dictionary_and_user_terms_segment_better_than_default_jieba():
    bench = segmentation_bench()
    gold = bench.gold_sentences()
    assert len(gold) >= 30
    jieba.setLogLevel(logging.WARNING)
    default = jieba.Tokenizer()
    ours = bench.score_segmentation(segment.text_to_words, gold)
    theirs = bench.score_segmentation(lambda s: default.lcut(s), gold)
    assert ours["f1"] >= 0.95 and ours["f1"] > theirs["f1"] + 0.1, (ours, theirs)


def test_government_terms_stay_whole_and_no_invented_words():
    words = segment.text_to_words("法務部廉政署函轉本府政風處，加強投開票所選務安全及電腦資訊機密維護")
    for term in ("廉政署", "函轉", "政風處", "投開票所", "選務"):
        assert term in words
    assert "資訊機" not in words and "密維護" not in words


def test_dictionary_loads_once_per_process_across_documents(monkeypatch):
    loads = []
    load = segment.load_cached_dictionary

    def counted(tok, path):
        loads.append(path)
        return load(tok, path)
    monkeypatch.setattr(segment, "load_cached_dictionary", counted)
    segment.tokenizer.cache_clear()  # as in a new worker process
    results = [parse_input(str(INBOX / name)) for name in
               ("000_7274a88dd80a289e.txt", "moe-shuhan-meeting.txt", "taichung-election-topsecret.txt")]
    assert all(r["ok"] and r["terms"] for r in results)
    assert len(loads) == 1 and loads[0].endswith("dict.txt")


def test_dictionary_cache_is_named_by_content_and_loaded_whole(tmp_path, monkeypatch):
    path = os.path.abspath(segment.hant_dictionary_path())
    name = segment.dictionary_cache_name(path)
    copy = tmp_path / "copy" / "dict.txt"  # the same dictionary in another environment: the same cache
    copy.parent.mkdir()
    copy.write_bytes(Path(path).read_bytes())
    assert segment.dictionary_cache_name(str(copy)) == name
    built = jieba.Tokenizer(dictionary=path)
    built.tmp_dir = str(tmp_path)
    segment.load_cached_dictionary(built, path)
    assert not built.initialized and not (tmp_path / name).exists()  # no cache yet: jieba builds and writes it
    built.initialize()
    assert (tmp_path / name).stat().st_size > 1_000_000
    monkeypatch.setattr(jieba.Tokenizer, "gen_pfdict", lambda self, f: pytest.fail("rebuilt instead of loaded"))
    loaded = jieba.Tokenizer(dictionary=path)
    loaded.tmp_dir = str(tmp_path)
    segment.load_cached_dictionary(loaded, path)
    assert loaded.initialized and loaded.FREQ == built.FREQ and loaded.total == built.total
    sentence = "花蓮縣政府函轉選舉期間專案安全維護計畫"
    assert loaded.lcut(sentence, HMM=False) == built.lcut(sentence, HMM=False)
    (tmp_path / name).write_bytes(b"\x00 not a cache")  # a broken cache is built again, not trusted
    monkeypatch.undo()
    broken = jieba.Tokenizer(dictionary=path)
    broken.tmp_dir = str(tmp_path)
    segment.load_cached_dictionary(broken, path)
    assert not broken.initialized
    broken.initialize()
    assert broken.FREQ == built.FREQ


def test_keyword_terms_leave_out_stopwords_digits_and_single_characters():
    terms = segment.text_to_terms("檢送本府第15任選舉安全維護計畫1案，請查照。")
    assert "選舉" in terms and "安全" in terms
    assert not {"檢送", "本府", "查照", "15", "案"} & set(terms)


def test_sync_adds_replaces_removes_and_leaves_unchanged(tmp_path):
    conn = create_index(tmp_path / "i.sqlite")
    a = entry("1120000001", "加強公務機密維護", "請落實機密文書管理")
    b = entry("1120000002", "辦理防災演練", "地震避難演練")
    assert sync_index(conn, [a, b], "inbox") == {"added": 2, "replaced": 0, "removed": 0, "unchanged": 0}
    assert sync_index(conn, [a, b], "inbox") == {"added": 0, "replaced": 0, "removed": 0, "unchanged": 2}
    changed = entry("1120000002", "辦理防災演練（修正）", "地震避難演練")
    assert sync_index(conn, [changed], "inbox") == {"added": 0, "replaced": 1, "removed": 1, "unchanged": 0}
    assert conn.execute("SELECT id, subject FROM letters").fetchall() == [(key_to_id("letter|1120000002"),
                                                                            "辦理防災演練（修正）")]
    assert [h.title for h in search(conn, "公務機密")] == []
    assert conn.execute("SELECT count(*) FROM recipients").fetchone()[0] == 1
    other = entry("1120000003", "另一收文匣", "")
    sync_index(conn, [other], "another-inbox")
    assert conn.execute("SELECT count(*) FROM documents").fetchone()[0] == 2


def test_keyword_idf_comes_from_the_indexed_corpus(tmp_path):
    conn = create_index(tmp_path / "i.sqlite")
    entries = [entry(f"11200000{n:02d}", f"選舉安全第{n}案", "選舉期間加強安全維護") for n in range(5)]
    entries.append(entry("1120000099", "選舉安全", "投開票所選務安全維護"))
    sync_index(conn, entries, "inbox")
    rows = conn.execute("SELECT term, weight FROM keywords WHERE document_id = ? ORDER BY rank",
                        (key_to_id("letter|1120000099"),)).fetchall()
    weights = dict(rows)
    assert rows[0][0] in ("投開票所", "選務")  # only this letter has them: highest IDF
    assert weights["投開票所"] > weights["選舉"]


def test_keywords_written_a_few_documents_at_a_time_are_those_written_all_at_once(tmp_path, monkeypatch):
    entries = [entry(f"11200000{n:02d}", f"選舉安全第{n}案", ["投開票所選務安全維護", "防災演練", "資通安全"][n % 3])
               for n in range(7)]
    keywords = []
    for chunk in (write.KEYWORD_CHUNK, 2):  # all spilled terms read back in one chunk, then two at a time
        monkeypatch.setattr(write, "KEYWORD_CHUNK", chunk)
        conn = create_index(tmp_path / f"{chunk}.sqlite")
        sync_index(conn, entries, "inbox")
        keywords.append(conn.execute("SELECT * FROM keywords ORDER BY document_id, rank").fetchall())
    assert len(keywords[0]) > 7 * 3 and keywords[1] == keywords[0]


def test_trigram_finds_substrings_across_word_boundaries_and_short_terms_by_instr(tmp_path):
    conn = create_index(tmp_path / "i.sqlite")
    sync_index(conn, [entry("1120000001", "強化電腦資訊機密維護", "投開票所安全維護"),
                      entry("1120000002", "辦理防災演練", "地震演練")], "inbox")
    for query in ("密維", "票所安全", "機密", "資訊機密維護", "演練 地震"):
        assert search(conn, query), query
    assert [h.dispatch_no for h in search(conn, "票所安全")] == ["府政行字第1120000001號"]
    assert search(conn, "票所安全")[0].snippet == "說明：投開«票所安全»維護"
    assert search(conn, "不存在的詞") == []


@pytest.mark.parametrize("query", ["", "   "])
def test_empty_query_finds_nothing(tmp_path, query):
    conn = create_index(tmp_path / "i.sqlite")
    assert search(conn, query) == []


def test_terms_are_counted(tmp_path):
    assert segment.text_to_terms("選舉安全 選舉") == Counter({"選舉": 2, "安全": 1})


def test_keywords_rank_rounded_weights_then_terms_even_when_unrounded_weights_differ():
    # 12 terms whose weights differ only beyond the 6th place: rounded they tie, and the tie goes by term
    terms = Counter({f"詞{i:02d}": 1 for i in range(12)})
    idf = {term: 12 * (0.25 + i * 1e-8) for i, term in enumerate(sorted(terms))}  # 詞00, 詞01 lightest unrounded
    idf["詞01"] = 12 * 0.2499996  # rounds up to 0.25 too
    keywords = write.terms_to_keywords(terms, idf)
    brute = sorted(((t, round(1 / 12 * idf[t], 6)) for t in terms), key=lambda tw: (-tw[1], tw[0]))[:10]
    assert keywords == brute and [w for _, w in keywords] == [0.25] * 10
    idf["詞00"] = 12 * 0.3  # one clearly heavier: first, then the ties by term
    assert [t for t, _ in write.terms_to_keywords(terms, idf)] == ["詞00"] + [f"詞{i:02d}" for i in range(1, 10)]
