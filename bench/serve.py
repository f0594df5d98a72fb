"""How fast the web catalogue's search page answers at 100,000 letters (make bench): an index synthesised from
the sample letters' records (each copied with a new 發文字號, date and issuer), then the search page (Flask test
client: query, facets, page of 20 with snippets, HTML) timed for several queries against the baseline of the
plain `gongwen search` function on the same index. Prints p50/p95 and ratios; writes output/bench-serve.json.
The synthetic index is kept in output/bench-serve-N.sqlite and reused (BENCH_SERVE_LETTERS=N, default 100000)."""
from __future__ import annotations

import copy
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
LETTERS = int(os.environ.get("BENCH_SERVE_LETTERS", "100000"))
RUNS = 20
QUERIES = ["安全維護", "安全維護 sort=date", "選舉", "校園 防汛", "補救教學", "府政行字第1080251637號"]
TARGET_P95_MS = 100


def sample_records() -> list[dict]:
    """Return the letter records of a batch over samples/inbox."""
    from pipeline.index.search import record_of
    from pipeline.index.schema import connect
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([sys.executable, "-m", "pipeline.cli", "batch", "samples/inbox", "-o", tmp], cwd=ROOT,
                       capture_output=True, check=False)
        conn = connect(Path(tmp) / "index.sqlite")
        return [record_of(conn, i) for (i,) in conn.execute("SELECT id FROM letters ORDER BY id")]


def synthetic(record: dict, k: int, issuers: list[str]) -> dict:
    """Given a sample record and a copy number, return the copy: another issuer, 發文字號 and date."""
    out = copy.deepcopy(record)
    day = date(2015, 1, 1) + timedelta(days=k % 3650)
    out["issuer"] = issuers[k % len(issuers)]
    out["date"] = {"iso": day.isoformat(), "roc": f"{day.year - 1911}年{day.month}月{day.day}日"}
    number = f"{day.year - 1911}{k:08d}"
    out["dispatch_no"] = dict(out.get("dispatch_no") or {}, text=f"府研字第{number}號", word="府研", number=number)
    return out


def build(path: Path) -> None:
    """Write a synthetic index of LETTERS letters at ``path``."""
    from pipeline.index.schema import create_index
    from pipeline.index.write import IndexEntry, entry_to_digest, insert_entry
    records = sample_records()
    issuers = sorted({r.get("issuer") or "" for r in records} - {""})
    tmp = path.with_suffix(".part")
    tmp.unlink(missing_ok=True)
    conn = create_index(tmp)
    with conn:
        for k in range(LETTERS):
            record = synthetic(records[k % len(records)], k, issuers) if k >= len(records) else records[k]
            entry = IndexEntry(key=f"bench-{k}", record=record)
            insert_entry(conn, entry, entry_to_digest(entry), "bench")
    conn.close()
    tmp.rename(path)


def timings_ms(call, runs: int = RUNS) -> list[float]:
    """Given a function, return its wall times over ``runs`` calls, in milliseconds, after one untimed call (a
    running server has compiled its templates and mapped the index pages it reads)."""
    call()
    out = []
    for _ in range(runs):
        start = time.perf_counter()
        call()
        out.append((time.perf_counter() - start) * 1000)
    return out


def p95(values: list[float]) -> float:
    """Given timings, return their 95th percentile."""
    return statistics.quantiles(values, n=20)[-1]


def main() -> None:
    """Build (or reuse) the index, time each query both ways, print the table, write output/bench-serve.json."""
    from pipeline.index.schema import connect
    from pipeline.index.search import search
    from pipeline.serve.app import create_app
    index = ROOT / "output" / f"bench-serve-{LETTERS}.sqlite"
    if not index.exists():
        start = time.perf_counter()
        build(index)
        print(f"built {index.name}: {LETTERS} letters in {time.perf_counter() - start:.0f} s")
    client = create_app(index).test_client()
    conn = connect(index)
    print(f"{'query':<26} {'page p50':>9} {'page p95':>9} {'search p95':>11} {'× search':>9} {'hits':>7}")
    rows = {}
    for query in QUERIES:
        words = query.split()
        args = {"q": " ".join(w for w in words if "=" not in w), **dict(w.split("=") for w in words if "=" in w)}

        def page():
            response = client.get("/", query_string=args)
            assert response.status_code == 200
        page_ms = timings_ms(page)
        base_ms = timings_ms(lambda: search(conn, args["q"], limit=20))
        hits = client.get("/", query_string=args).get_data(as_text=True).split("共 <strong>")[1].split("<")[0]
        rows[query] = {"page_p50_ms": statistics.median(page_ms), "page_p95_ms": p95(page_ms),
                       "search_p95_ms": p95(base_ms), "ratio": p95(page_ms) / p95(base_ms), "hits": int(hits)}
        r = rows[query]
        print(f"{query:<26} {r['page_p50_ms']:9.1f} {r['page_p95_ms']:9.1f} {r['search_p95_ms']:11.1f} "
              f"{r['ratio']:9.2f} {r['hits']:7d}")
    worst = max(r["page_p95_ms"] for r in rows.values())
    print(f"worst search-page p95: {worst:.1f} ms at {LETTERS} letters (target ≤ {TARGET_P95_MS} ms)")
    out = ROOT / "output" / "bench-serve.json"
    out.write_text(json.dumps({"letters": LETTERS, "queries": rows, "worst_p95_ms": worst}, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
