"""The index on PostgreSQL against SQLite in the same run (make bench): N letters synthesised from the sample
letters' records (bench/serve.py's copies: other issuer, 發文字號, date) written into both engines through the
index's own write path (insert_entry, one transaction), then `search` timed for 2-, 3- and 4+-character words and
dispatch numbers. Prints build rate and search p50/p95 with PostgreSQL/SQLite ratios; writes
output/bench-postgres.json. PostgreSQL is a throw-away cluster (tests/postgres_cluster.py); without PostgreSQL the
script prints one line and exits 0. N = 100,000 (--letters 1000000 for the million)."""
from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests"), str(ROOT / "bench")]

RUNS = 5  # timings of each query
QUERIES = {
    "2 characters": ["選舉", "安全", "公告", "人事", "防汛", "疫苗", "機密", "校園"],
    "3 characters": ["請查照", "投開票", "廉政署", "分工表", "危安事", "教育部"],
    "4+ characters": ["安全維護", "公務機密", "選舉期間", "補救教學", "專案安全維護計畫"],
    "dispatch numbers": ["府研字第10800001500號", "10800001500", "0001500", "府政行字第1080251637號"],
}
TARGET_P95_MS = 20


def build(conn, records: list[dict], letters: int) -> float:
    """Given an empty index, the sample records and a count, write that many letters in one transaction; return
    the seconds it took."""
    from serve import synthetic

    from pipeline.index.write import IndexEntry, entry_to_digest, insert_entry
    issuers = sorted({r.get("issuer") or "" for r in records} - {""})
    start = time.perf_counter()
    with conn:
        for k in range(letters):
            record = synthetic(records[k % len(records)], k, issuers) if k >= len(records) else records[k]
            entry = IndexEntry(key=f"bench-{k}", record=record)
            insert_entry(conn, entry, entry_to_digest(entry), "bench")
    return time.perf_counter() - start


def timings_ms(conn, queries: list[str]) -> list[float]:
    """Given an index and queries, return the wall time of each search (first 20 hits), RUNS times each, in ms."""
    from pipeline.index.search import search
    out = []
    for query in queries:
        for _ in range(RUNS):
            start = time.perf_counter()
            search(conn, query, limit=20)
            out.append((time.perf_counter() - start) * 1000)
    return out


def p95(values: list[float]) -> float:
    """Given timings, return their 95th percentile."""
    return statistics.quantiles(values, n=20)[-1]


def measure(letters: int, cluster) -> dict:
    """Given a letter count and a running cluster, build both indexes and time the searches; return the figures."""
    from serve import sample_records

    from pipeline.index.engine import create_index
    records = sample_records()
    figures = {}
    with tempfile.TemporaryDirectory() as tmp:
        for engine, target in (("sqlite", str(Path(tmp) / "index.sqlite")),
                               ("postgresql", cluster.new_database("bench"))):
            conn = create_index(target)
            seconds = build(conn, records, letters)
            if engine == "postgresql":
                conn.execute("VACUUM ANALYZE")
                size = conn.execute("SELECT pg_database_size(current_database())").fetchone()[0]
            else:
                size = Path(target).stat().st_size
            figures[engine] = {"build_letters_per_s": letters / seconds, "size_mb": size / 1e6,
                               "search": {kind: timings_ms(conn, queries) for kind, queries in QUERIES.items()}}
            conn.close()
    return figures


def report(letters: int, figures: dict) -> dict:
    """Given the figures, print the table and return the summary written to JSON."""
    lite, pg = figures["sqlite"], figures["postgresql"]
    print(f"index of {letters:,} letters: build SQLite {lite['build_letters_per_s']:.0f} letters/s, PostgreSQL "
          f"{pg['build_letters_per_s']:.0f} letters/s (× {pg['build_letters_per_s'] / lite['build_letters_per_s']:.2f});"
          f" size {lite['size_mb']:.0f} MB / {pg['size_mb']:.0f} MB")
    print(f"{'search':<18} {'SQLite p50':>10} {'p95':>7} {'PG p50':>8} {'p95':>7} {'p95 PG/SQLite':>14}")
    rows = {}
    for kind in QUERIES:
        a, b = lite["search"][kind], pg["search"][kind]
        rows[kind] = {"sqlite_p50_ms": statistics.median(a), "sqlite_p95_ms": p95(a),
                      "postgresql_p50_ms": statistics.median(b), "postgresql_p95_ms": p95(b), "ratio_p95": p95(b) / p95(a)}
        r = rows[kind]
        print(f"{kind:<18} {r['sqlite_p50_ms']:10.1f} {r['sqlite_p95_ms']:7.1f} {r['postgresql_p50_ms']:8.1f} "
              f"{r['postgresql_p95_ms']:7.1f} {r['ratio_p95']:14.2f}")
    worst = max(r["postgresql_p95_ms"] for r in rows.values())
    print(f"worst PostgreSQL search p95: {worst:.1f} ms at {letters:,} letters (target ≤ {TARGET_P95_MS} ms at 1,000,000)")
    return {"letters": letters, "build_letters_per_s": {e: f["build_letters_per_s"] for e, f in figures.items()},
            "size_mb": {e: f["size_mb"] for e, f in figures.items()}, "search": rows}


def main() -> None:
    """Start a throw-away cluster (or say why not), measure, print, write output/bench-postgres.json."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--letters", type=int, default=100_000, help="letters in each index (default 100000)")
    letters = parser.parse_args().letters
    from postgres_cluster import server_bin, start_cluster, stop_cluster
    binaries = server_bin()
    if binaries is None:
        print("bench/postgres.py: skipped: PostgreSQL with pg_trgm and rum is not installed (apt-get install "
              "postgresql postgresql-contrib postgresql-NN-rum)")
        return
    cluster = start_cluster(binaries)
    try:
        summary = report(letters, measure(letters, cluster))
    finally:
        stop_cluster(binaries, cluster)
    out = ROOT / "output" / "bench-postgres.json"
    out.write_text(json.dumps(summary, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
