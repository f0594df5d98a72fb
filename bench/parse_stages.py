"""Benchmark: the letter parser's cascade, stage by stage — read, normalise, kind, split, fields, record.

Run by ``make bench``. Each stage is a pure function (pipeline/parse/letter.py), timed alone on its own input
(median of REPEATS runs, warmed up first) for a one-page text letter and for the seed bundle (a letter and its
two attachments, whose whole parse includes the attachments'), then the whole ``document_to_record``. Ratios:
each stage's share of the whole, and the whole against one ``normalise_line`` pass over the text's lines
(the least any parser must do, measured in the same run). Target: a one-page text letter in ≤ 2 ms.
Writes output/bench-parse_stages.json.
"""
from __future__ import annotations

import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.blocks import Document  # noqa: E402
from pipeline.parse.clean import normalise_line  # noqa: E402
from pipeline.parse.clean_blocks import clean_text, furniture_warnings, normalise_blocks  # noqa: E402
from pipeline.parse.document import document_to_record  # noqa: E402
from pipeline.parse.kind import blocks_to_kind  # noqa: E402
from pipeline.parse.letter import fields_to_letter, split_letter, text_to_fields  # noqa: E402
from pipeline.read.text import text_to_blocks  # noqa: E402

LETTERS = {"one-page text letter": ROOT / "samples" / "inbox" / "fda-company-measures.txt",
           "seed bundle (letter + 2 attachments)": ROOT / "samples" / "inbox" / "000_7274a88dd80a289e.txt"}
REPEATS = 41
TARGET_MS = 2.0  # issue 9: a one-page text letter


def median_ms(call) -> float:
    """Given a no-argument call, return its median wall time in milliseconds (after one warm-up run)."""
    call()
    times = []
    for _ in range(REPEATS):
        start = time.perf_counter()
        call()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def stages(text: str) -> dict[str, float]:
    """Given a letter's text, return the median ms of each stage on its own input, the whole parse and the
    baseline (one normalise_line pass over the lines)."""
    blocks = text_to_blocks(text)
    clean = normalise_blocks(blocks)
    own, _ = split_letter(clean)
    letter_text = clean_text(own)
    warnings = furniture_warnings(own)
    return {
        "read": median_ms(lambda: text_to_blocks(text)),
        "normalise": median_ms(lambda: normalise_blocks(blocks)),
        "kind": median_ms(lambda: blocks_to_kind(clean)),
        "split": median_ms(lambda: clean_text(split_letter(clean)[0])),
        "fields": median_ms(lambda: text_to_fields(letter_text)),
        "record": median_ms(lambda: fields_to_letter(text_to_fields(letter_text), warnings)) - median_ms(
            lambda: text_to_fields(letter_text)),
        "whole parse": median_ms(lambda: document_to_record(Document(blocks=text_to_blocks(text), path="x.txt"))),
        "baseline": median_ms(lambda: [normalise_line(line) for line in text.splitlines()]),
    }


def main() -> None:
    """Print the table and write output/bench-parse_stages.json."""
    results = {}
    for name, path in LETTERS.items():
        times = stages(path.read_text(encoding="utf-8"))
        whole, base = times["whole parse"], times["baseline"]
        results[name] = {"ms": times, "share": {k: v / whole for k, v in times.items()}, "× baseline": whole / base}
        print(f"{name} ({path.name}, {len(path.read_text(encoding='utf-8').splitlines())} lines)")
        print(f"  {'stage':<12} {'median ms':>10} {'share':>7}")
        for stage, ms in times.items():
            print(f"  {stage:<12} {ms:10.3f} {ms / whole:7.2f}")
        print(f"  whole parse = {whole / base:.1f} × one normalise_line pass over its lines")
    one_page = results["one-page text letter"]["ms"]["whole parse"]
    print(f"one-page text letter: {one_page:.2f} ms, {one_page / TARGET_MS:.2f} × the {TARGET_MS:g} ms target")
    out = ROOT / "output" / "bench-parse_stages.json"
    out.write_text(json.dumps(results, indent=1, ensure_ascii=False))


if __name__ == "__main__":
    main()
