"""The index at scale on PostgreSQL (make bench): bench/index.py's SQLite index of BENCH_INDEX_LETTERS letters (100,000
unless set; 1,000,000 for the target) copied into a throw-away PostgreSQL cluster, then bench/index.py's queries and a wider
sample (wide_families) timed in both engines, every PostgreSQL hit list checked against SQLite's. Building a million letters one insert at a time
takes PostgreSQL hours (about 120 letters/s here); the copy (COPY of the rows, then the indexes built over them) is how
an archive would be loaded. Prints p50/p95 a family (and the p95 of each query's median: other jobs sharing the
cores add moments to single runs) and the PostgreSQL/SQLite ratios; writes
output/bench-postgres-scale-N.json. Without PostgreSQL, or before bench/index.py has built its index, it prints one line
and exits 0. BENCH_KEEP_CLUSTER=1 keeps the cluster and prints its URL; BENCH_POSTGRES_URL=that URL times the copy
again (after a change of the search code) without copying."""
from __future__ import annotations

import json
import os
import random
import re
import statistics
import sys
import time
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests"), str(ROOT / "bench")]

import index as bench_index  # noqa: E402  bench/index.py: its index, synthesiser and queries

from pipeline.index.engine import create_index, open_index  # noqa: E402
from pipeline.index.schema import connect  # noqa: E402
from pipeline.index.search import search  # noqa: E402

RUNS = 5  # timings of each query in each engine
TARGET_P95_MS = 20
CONVERT = {("documents", "stored"): lambda blob: zlib.decompress(blob).decode("utf-8")}  # SQLite compresses records


def shared_columns(lite, pg, table: str) -> list[str]:
    """Given both connections and a table, return the columns both have that PostgreSQL lets a row set (not the
    generated ones), in SQLite's order."""
    theirs = {name for name, generated in pg.execute(
        "SELECT column_name, is_generated FROM information_schema.columns WHERE table_name = ?", (table,))
        if generated == "NEVER"}
    return [row[1] for row in lite.execute(f"PRAGMA table_info({table})") if row[1] in theirs]


def secondary_indexes(pg) -> list[tuple[str, str]]:
    """Given a PostgreSQL index, return (name, definition) of every index that is no constraint's own."""
    return pg.execute("SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema() AND indexname"
                      " NOT IN (SELECT conname FROM pg_constraint)").fetchall()


def copy_index(sqlite_path: Path, url: str) -> dict:
    """Given the SQLite index and an empty PostgreSQL database, create the index there, copy every row across with its
    secondary indexes dropped, build them again; return the seconds of each step."""
    lite, pg = connect(sqlite_path), create_index(url)
    steps, started = {}, time.perf_counter()
    indexes = secondary_indexes(pg)
    for name, _ in indexes:
        pg.execute(f"DROP INDEX {name}")
    for table in ("documents", "letters", "attachments", "recipients", "citations", "keywords", "term_df", "totals"):
        columns = shared_columns(lite, pg, table)
        converters = [CONVERT.get((table, column)) for column in columns]
        pg.execute(f"DELETE FROM {table}")  # totals starts with its row
        with pg.raw.cursor().copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
            for row in lite.execute(f"SELECT {', '.join(columns)} FROM {table}"):
                copy.write_row([f(v) if f else v for f, v in zip(converters, row)])
        steps[f"copy {table}"] = round(time.perf_counter() - started, 1)
        print(f"  {table} copied, {steps[f'copy {table}']:.0f} s", file=sys.stderr)
    pg.execute("SET maintenance_work_mem = '1GB'")  # as a bulk load would: fewer, larger sorted runs
    for name, definition in indexes:
        pg.execute(definition)
        steps[f"index {name}"] = round(time.perf_counter() - started, 1)
        print(f"  {name} built, {steps[f'index {name}']:.0f} s", file=sys.stderr)
    pg.execute("VACUUM ANALYZE")
    steps["total"] = round(time.perf_counter() - started, 1)
    lite.close()
    pg.close()
    return steps


def timings(conn, family: list[str]) -> tuple[list[list[float]], dict[str, list]]:
    """Given an index and queries, return the wall times of each query's searches (20 hits, RUNS times each, ms)
    and the hits."""
    times, hits = [], {}
    for query in family:
        times.append([])
        for _ in range(RUNS):
            started = time.perf_counter()
            found = search(conn, query, limit=20)
            times[-1].append((time.perf_counter() - started) * 1000)
        hits[query] = [(h.id, round(h.score, 6)) for h in found]
    return times, hits


def figures(engine: str, times: list[list[float]]) -> dict[str, float]:
    """Given an engine and each query's times, return p50 and p95 of every search, and p95 of each query's median
    (what the search costs, a moment of another job's CPU left out)."""
    every = [t for runs in times for t in runs]
    return {f"{engine}_p50_ms": statistics.median(every), f"{engine}_p95_ms": bench_index.percentile(every, 0.95),
            f"{engine}_p95_of_medians_ms": bench_index.percentile([statistics.median(r) for r in times], 0.95)}


WIDE_TEXTS = 400  # indexed texts the wide sample draws a word from each
HAN = re.compile(r"[\u4e00-\u9fff]{9,}")


def wide_families(sqlite_path: Path, common: list[str]) -> dict[str, list[str]]:
    """Given the SQLite index and common 2-character words, return a wider sample of one-word searches than the
    bench's own words: a 2- to 8-character run of Chinese characters from each of WIDE_TEXTS indexed texts (seeded),
    and every join of two common words (「選舉公告」, most in no letter), by length."""
    rng, words = random.Random(20261206), []
    conn = connect(sqlite_path)
    low, high = conn.execute("SELECT min(seq), max(seq) FROM documents").fetchone()
    for k in range(WIDE_TEXTS):  # the first text at or after each of WIDE_TEXTS evenly spaced seqs
        (text,) = conn.execute("SELECT subject || body FROM documents WHERE seq >= ? ORDER BY seq LIMIT 1",
                               (low + (high - low) * k // WIDE_TEXTS,)).fetchone()
        runs = HAN.findall(text)
        if runs:
            run, n = rng.choice(runs), rng.choice([2, 3, 4, 5, 6, 8])
            start = rng.randrange(len(run) - n)
            words.append(run[start:start + n])
    conn.close()
    words += [a + b for a in common for b in common if a != b]
    return {"wide 2–3": [w for w in words if len(w) <= 3], "wide 4+": [w for w in words if len(w) > 3]}


def compare(sqlite_path: Path, url: str, families: dict[str, list[str]]) -> dict:
    """Given the SQLite index, the URL of its PostgreSQL copy and the query families, time both engines, check every
    PostgreSQL hit list against SQLite's, print a row a family; return the rows."""
    create_index(url).close()  # a copy made by an older gongwen is upgraded
    engines = {"sqlite": connect(sqlite_path), "postgresql": open_index(url)}  # as `gongwen search` opens them
    print(f"{'family':<12} {'SQLite p50':>10} {'p95':>7} {'p95 med':>8} {'PG p50':>8} {'p95':>7} {'p95 med':>8} "
          f"{'p95 PG/SQLite':>14}")
    rows = {}
    for family, family_queries in families.items():
        measured = {engine: timings(conn, family_queries) for engine, conn in engines.items()}
        assert measured["postgresql"][1] == measured["sqlite"][1], family
        r = rows[family] = {"queries": family_queries, **figures("sqlite", measured["sqlite"][0]),
                            **figures("postgresql", measured["postgresql"][0])}
        print(f"{family:<12} {r['sqlite_p50_ms']:10.1f} {r['sqlite_p95_ms']:7.1f} {r['sqlite_p95_of_medians_ms']:8.1f} "
              f"{r['postgresql_p50_ms']:8.1f} {r['postgresql_p95_ms']:7.1f} {r['postgresql_p95_of_medians_ms']:8.1f} "
              f"{r['postgresql_p95_ms'] / r['sqlite_p95_ms']:14.2f}")
    for conn in engines.values():
        conn.close()
    worst = max(r["postgresql_p95_ms"] for r in rows.values())
    print(f"worst PostgreSQL search p95: {worst:.1f} ms at {bench_index.LETTERS:,} letters (target ≤ {TARGET_P95_MS} ms "
          f"at 1,000,000); every hit list the same as SQLite's")
    return rows


def main() -> None:
    """Copy the bench index into a throw-away cluster (or say why not; BENCH_POSTGRES_URL: time a copy made
    before, kept with BENCH_KEEP_CLUSTER=1), time both engines, print, write JSON."""
    from postgres_cluster import server_bin, start_cluster, stop_cluster
    letters = bench_index.LETTERS
    sqlite_path = bench_index.FOLDER / f"bench-index-{letters}.sqlite"
    binaries = server_bin()
    if binaries is None or not sqlite_path.exists():
        why = "PostgreSQL with pg_trgm and rum is not installed" if binaries is None else f"no {sqlite_path} (run bench/index.py)"
        print(f"bench/postgres_scale.py: skipped: {why}")
        return
    families = bench_index.queries(bench_index.Synthesiser(bench_index.source_records(), bench_index.vocabulary()),
                                   letters)
    families.update(wide_families(sqlite_path, bench_index.COMMON[2]))
    if os.environ.get("BENCH_POSTGRES_URL"):
        steps, rows = {}, compare(sqlite_path, os.environ["BENCH_POSTGRES_URL"], families)
    else:
        cluster = start_cluster(binaries)
        try:
            url = cluster.new_database("scale")
            steps = copy_index(sqlite_path, url)
            print(f"index of {letters:,} letters copied into PostgreSQL in {steps['total']:.0f} s")
            rows = compare(sqlite_path, url, families)
        finally:
            if not os.environ.get("BENCH_KEEP_CLUSTER"):
                stop_cluster(binaries, cluster)
        if os.environ.get("BENCH_KEEP_CLUSTER"):
            print(f"cluster kept: time it again with BENCH_POSTGRES_URL='{url}'")
    out = ROOT / "output" / f"bench-postgres-scale-{letters}.json"
    out.write_text(json.dumps({"letters": letters, "copy_seconds": steps, "search": rows}, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
