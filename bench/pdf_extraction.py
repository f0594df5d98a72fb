"""Benchmark: PDF text extraction — raw pdfplumber, raw pypdfium2, the glyphs alone, read_pdf and the whole load_record.

Run by ``make bench``. All five are timed in one run on the same sample PDFs and shown as
ratios to raw pypdfium2: each the fastest of REPEATS runs, the five taking turns run by run
(imports warmed up first), in CPU time of this process — so other work on a shared machine
neither slows one of them more than another nor counts at all. The figures are also written
to output/bench-pdf_extraction.json.
"""
from __future__ import annotations

import io
import sys
import time
from pathlib import Path

import pdfplumber
import pypdfium2 as pdfium

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.load import load_record  # noqa: E402
from pipeline.read.pdf import page_chars, read_pdf  # noqa: E402
from report import write_json  # noqa: E402

SAMPLES = [ROOT / "samples" / "inbox" / "hualien-1080251637.pdf",
           ROOT / "samples" / "inbox" / "dongyu-1130012345-two-pages.pdf",
           ROOT / "samples" / "bundles" / "hualien-1080251637-with-attachments.pdf"]
REPEATS = 15


def raw_pdfplumber(data: bytes, path: str) -> None:
    """pdfplumber: every page's extract_text (the tolerance a CJK letter needs)."""
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages:
            page.extract_text(x_tolerance_ratio=0.25)


def raw_pypdfium2(data: bytes, path: str) -> None:
    """pypdfium2: every page's text range (no positions, no tables)."""
    pdf = pdfium.PdfDocument(data)
    for page in pdf:
        page.get_textpage().get_text_range()
    pdf.close()


def gongwen_glyphs(data: bytes, path: str) -> None:
    """gongwen's first step alone: every page's characters with their loose boxes and font sizes (page_chars), no
    layout — what a reader that places text pays at least on top of raw text extraction."""
    pdf = pdfium.PdfDocument(data)
    for page in pdf:
        page_chars(page.get_textpage())
    pdf.close()


def gongwen_read_pdf(data: bytes, path: str) -> None:
    """gongwen's reader: blocks with furniture removed and tables found."""
    read_pdf(data, path)


def gongwen_load_record(data: bytes, path: str) -> None:
    """gongwen parse without the JSON output: read, detect kind, parse the record(s)."""
    load_record(path, data)


def fastest_ms(functions: list, data: bytes, path: str) -> dict:
    """Given functions and a file, return each one's fastest CPU time in milliseconds over REPEATS runs, the
    functions taking turns."""
    for function in functions:
        function(data, path)  # warm-up: imports, caches
    best = dict.fromkeys(functions, float("inf"))
    for _ in range(REPEATS):
        for function in functions:
            started = time.process_time()
            function(data, path)
            best[function] = min(best[function], time.process_time() - started)
    return {function: seconds * 1000 for function, seconds in best.items()}


def main() -> None:
    """Print a table of times and ratios to the pypdfium2 baseline, per file and in total."""
    functions = [raw_pypdfium2, raw_pdfplumber, gongwen_glyphs, gongwen_read_pdf, gongwen_load_record]
    totals = dict.fromkeys(functions, 0.0)
    result: dict = {"repeats": REPEATS, "unit": "ms (fastest run, CPU time)", "files": {}}
    print(f"PDF extraction, fastest of {REPEATS} runs in CPU time (ms; ratio to raw pypdfium2)")
    print(f"{'file':44} {'pages':>5} " + " ".join(f"{f.__name__:>22}" for f in functions))
    for path in SAMPLES:
        data = path.read_bytes()
        pages = len(pdfium.PdfDocument(data))
        times = fastest_ms(functions, data, str(path))
        for f in functions:
            totals[f] += times[f]
        base = times[raw_pypdfium2]
        result["files"][path.name] = {"pages": pages, **{f.__name__: round(times[f], 2) for f in functions}}
        print(f"{path.name:44} {pages:>5} " + " ".join(f"{times[f]:>12.1f} ({times[f] / base:>5.1f}x)"
                                                        for f in functions))
    base = totals[raw_pypdfium2]
    print(f"{'all':44} {'':>5} " + " ".join(f"{totals[f]:>12.1f} ({totals[f] / base:>5.1f}x)" for f in functions))
    print(f"read_pdf / raw pdfplumber: {totals[gongwen_read_pdf] / totals[raw_pdfplumber]:.2f}; "
          f"load_record / read_pdf: {totals[gongwen_load_record] / totals[gongwen_read_pdf]:.2f}; "
          f"read_pdf / glyphs alone: {totals[gongwen_read_pdf] / totals[gongwen_glyphs]:.2f}")
    result["total"] = {f.__name__: round(totals[f], 2) for f in functions}
    result["ratio_to_pypdfium2"] = {f.__name__: round(totals[f] / base, 2) for f in functions}
    write_json(ROOT / "output" / "bench-pdf_extraction.json", result)


if __name__ == "__main__":
    main()
