"""Benchmark of `gongwen batch` and the index (make bench).

Generates a corpus of 2,000 distinct letters (text, ODT and PDF mixed, a fifth with two ODT attachments
named by the exchange convention) by varying the sample letters, then measures: letters per second with
1 worker and with every core (BENCH_TURNS=N: N turns of the two, the fastest of each compared and every turn's
ratio printed; a first turn, untimed, warms the page cache and jieba's dictionary cache), peak memory of the
batch's process tree, the index size and a re-run over the unchanged inbox. Prints a table and writes output/bench-batch.json. Search at 100,000 and 1,000,000 letters is
bench/index.py's.
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from odf.opendocument import OpenDocumentText
from odf.text import P

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.load import load_record  # noqa: E402
from report import print_rows, write_json  # noqa: E402

GONGWEN = str(Path(sys.executable).parent / "gongwen")
INBOX = ROOT / "samples" / "inbox"
LETTERS = 2000
TURNS = max(1, int(os.environ.get("BENCH_TURNS", "1")))  # 1-worker and all-core runs, taken in turn
TOPICS = ["公務機密維護", "資通安全演練", "防災演練", "選務安全維護", "廉政宣導", "食品安全稽查", "校園安全",
          "交通安全宣導", "勞動檢查", "水資源管理", "疫苗接種", "消防安全檢查"]
def templates() -> list[tuple[str, dict]]:
    """Return the text sample letters with their parsed records (the raw material of the corpus)."""
    out = []
    for path in sorted(INBOX.glob("*.txt")):
        record = load_record(str(path))
        if record.dispatch_no and record.subject:
            out.append((path.read_text(encoding="utf-8"), record))
    return out


def vary(text: str, record, n: int) -> tuple[str, str]:
    """Given a template letter and a serial, return (a distinct letter's text, its dispatch digits)."""
    old = record.dispatch_no.number
    new = f"{old[:3]}{n:0{max(len(old) - 3, 6)}d}"
    text = re.sub(r"[ \t\u3000]*".join(old), new, text)  # as printed: 「11200 12345」 is 1120012345
    head = record.subject[:8]
    topic = TOPICS[n % len(TOPICS)]
    if head in text:
        text = text.replace(head, f"為辦理{topic}（第{n}案），{head}", 1)
    return text, new


def text_to_odt(text: str, path: Path) -> None:
    """Write a letter's lines as an ODT, one paragraph a line."""
    doc = OpenDocumentText()
    for line in text.splitlines():
        doc.text.addElement(P(text=line))
    doc.save(str(path))


def make_corpus(folder: Path) -> dict:
    """Fill folder with LETTERS distinct letters (half text, a quarter ODT, a quarter PDF) and attachments."""
    folder.mkdir(parents=True)
    pdf_sources = folder.parent / "pdf-sources"
    pdf_sources.mkdir()
    plan = INBOX / "376550000A1080251637_118_ATTACH1.odt"
    table = INBOX / "376550000A1080251637_118_ATTACH2.odt"
    counts = {"text": 0, "odt": 0, "pdf": 0, "attachments": 0}
    sources = templates()
    for n in range(LETTERS):
        text, record = sources[n % len(sources)]
        letter, number = vary(text, record, n)
        kind = ("text", "text", "odt", "pdf")[n % 4]
        name = f"letter-{n:05d}"
        if kind == "text":
            (folder / f"{name}.txt").write_text(letter, encoding="utf-8")
        elif kind == "odt":
            text_to_odt(letter, folder / f"{name}.odt")
        else:
            text_to_odt(letter, pdf_sources / f"{name}.odt")
        counts[kind] += 1
        if n % 5 == 0:
            shutil.copy(plan, folder / f"376550000A{number}_1_ATTACH1.odt")
            shutil.copy(table, folder / f"376550000A{number}_1_ATTACH2.odt")
            counts["attachments"] += 2
    odts = sorted(pdf_sources.glob("*.odt"))
    for attempt in range(3):  # one soffice start per 100 files; files it skipped are tried again
        missing = [p for p in odts if not (folder / f"{p.stem}.pdf").exists()]
        for start in range(0, len(missing), 100):
            subprocess.run(["soffice", f"-env:UserInstallation=file://{folder.parent}/lo-profile", "--headless",
                            "--convert-to", "pdf", "--outdir", str(folder), *map(str, missing[start:start + 100])],
                           capture_output=True, timeout=900)
    made = len(list(folder.glob("letter-*.pdf")))
    if made != counts["pdf"]:
        raise SystemExit(f"soffice made {made} of {counts['pdf']} PDFs")
    return counts


def tree_rss_kb(pid: int) -> int:
    """Given a pid, return the resident memory (kB) of it and all its descendants."""
    total, stack = 0, [pid]
    while stack:
        p = stack.pop()
        try:
            status = Path(f"/proc/{p}/status").read_text()
            total += int(re.search(r"VmRSS:\s+(\d+)", status).group(1))
            for task in Path(f"/proc/{p}/task").iterdir():
                stack += [int(c) for c in (task / "children").read_text().split()]
        except (OSError, AttributeError):
            continue
    return total


def timed_batch(inbox: Path, output: Path, jobs: int) -> dict:
    """Run gongwen batch; return its wall time, exit status and peak memory of its process tree."""
    started = time.perf_counter()
    proc = subprocess.Popen([GONGWEN, "batch", str(inbox), "-o", str(output), "--jobs", str(jobs)],
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    peak = [0]

    def watch():
        while proc.poll() is None:
            peak[0] = max(peak[0], tree_rss_kb(proc.pid))
            time.sleep(0.05)
    watcher = threading.Thread(target=watch)
    watcher.start()
    out = proc.communicate()[0]
    watcher.join()
    seconds = time.perf_counter() - started
    if proc.returncode != 0:
        raise SystemExit(f"batch exited {proc.returncode}:\n{out}")
    return {"seconds": round(seconds, 2), "peak_memory_mb": round(peak[0] / 1024, 1), "summary": out.strip()}


def main() -> None:
    cores = os.cpu_count() or 1
    work = Path(tempfile.mkdtemp(prefix="gongwen-bench-"))
    try:
        started = time.perf_counter()
        corpus = make_corpus(work / "inbox")
        generated = round(time.perf_counter() - started, 1)
        turns = []  # 1 worker then every core, TURNS times in turn: the machine's load shifts between runs
        for turn in range(TURNS + 1):
            for folder in (work / "out-1", work / f"out-{cores}"):
                shutil.rmtree(folder, ignore_errors=True)
            pair = (timed_batch(work / "inbox", work / "out-1", 1),
                    timed_batch(work / "inbox", work / f"out-{cores}", cores))
            if turn:  # turn 0 warms up
                turns.append(pair)
        one, many = (min((t[k] for t in turns), key=lambda r: r["seconds"]) for k in (0, 1))
        rerun = timed_batch(work / "inbox", work / f"out-{cores}", cores)
        index_mb = round((work / f"out-{cores}" / "index.sqlite").stat().st_size / 2**20, 1)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    result = {
        "corpus": {**corpus, "letters": LETTERS, "generated_seconds": generated},
        "cores": cores,
        "batch_1_worker": {**one, "letters_per_second": round(LETTERS / one["seconds"], 1)},
        f"batch_{cores}_workers": {**many, "letters_per_second": round(LETTERS / many["seconds"], 1)},
        "speed_up": round(one["seconds"] / many["seconds"], 2),
        "speed_up_turns": [round(a["seconds"] / b["seconds"], 2) for a, b in turns],
        "turn_seconds": [[a["seconds"], b["seconds"]] for a, b in turns],
        "rerun_unchanged_seconds": rerun["seconds"],
        "index_mb": index_mb,
    }
    rows = [
        ("corpus", f"{LETTERS} letters: {corpus['text']} text, {corpus['odt']} ODT, {corpus['pdf']} PDF; "
                   f"{corpus['attachments']} ODT attachments"),
        ("batch, 1 worker", f"{one['seconds']} s = {result['batch_1_worker']['letters_per_second']} letters/s, "
                            f"peak {one['peak_memory_mb']} MB"),
        (f"batch, {cores} workers", f"{many['seconds']} s = {result[f'batch_{cores}_workers']['letters_per_second']} "
                                    f"letters/s, peak {many['peak_memory_mb']} MB"),
        ("parallel speed-up", f"{result['speed_up']}× fastest against fastest"
                              + (f"; turn by turn {', '.join(f'{r}×' for r in result['speed_up_turns'])}"
                                 if TURNS > 1 else "")),
        ("re-run, nothing changed", f"{rerun['seconds']} s"),
        ("index size", f"{index_mb} MB for {LETTERS} letters + attachments"),
    ]
    print_rows(rows)
    target = ROOT / "output" / "bench-batch.json"
    write_json(target, result)
    print(f"→ {target.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
