"""Benchmark: reading scanned letters by OCR beside reading the same letters' text layer.

Run by ``make bench``. The sample letters are scanned by scripts/make_scans.py (150/200/300 dpi,
skewed 2°, speckled, a red seal and a blue stamp on the first page; and a 1-bit fax) and read
back; for each scan it prints OCR seconds per page beside the text-layer read of the same PDF
(and their ratio), the character error rate (CER: edit distance / reference length, spaces left
out, NFKC so full- and half-width forms count alike) against the text layer, and how many of
the five header fields (date, 發文字號, issuer, recipient, subject) and 正本 entries come out
exactly. If RapidOCR (rapidocr_onnxruntime) is importable, its CER and speed on the same pages
are printed too (it is not a dependency; the README says how the choice was made). Skipped with
a line when Tesseract is missing. Figures also go to output/bench-ocr.json.
"""
from __future__ import annotations

import statistics
import sys
import tempfile
import time
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

import make_scans  # noqa: E402
from report import write_json  # noqa: E402

from pipeline.blocks import blocks_to_text  # noqa: E402
from pipeline.load import load_record  # noqa: E402
from pipeline.read import read_document  # noqa: E402
from pipeline.read.ocr import tesseract_version  # noqa: E402
from pipeline.read.scan_cleanup import deskew, despeckle, drop_stamp_colours  # noqa: E402
from pipeline.records import to_dict  # noqa: E402

FIELDS = ("date", "dispatch_no", "issuer", "recipient", "subject")
TEXT_REPEATS = 5


def comparable(text: str) -> str:
    """Given text, return it NFKC-normalised with white space and form feeds removed."""
    return "".join(unicodedata.normalize("NFKC", text).split())


def edit_distance(a: str, b: str) -> int:
    """Given two strings, return their Levenshtein distance."""
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]


def cer(reference: str, read: str) -> float:
    """Given reference and OCR text, return the character error rate."""
    reference, read = comparable(reference), comparable(read)
    return edit_distance(reference, read) / max(len(reference), 1)


def field_score(record: dict, reference: dict) -> tuple[int, str]:
    """Given an OCR'd record and the text layer's, return the header fields right and 正本 entries right/total."""
    right = sum(record.get(key) == reference.get(key) for key in FIELDS)
    wanted = [a["name"] for a in reference.get("cc_main") or []]
    got = [a["name"] for a in record.get("cc_main") or []]
    return right, f"{sum(name in got for name in wanted)}/{len(wanted)}"


def text_layer_seconds(pdf: Path) -> float:
    """Given a text-layer PDF, return the median seconds of read_document over TEXT_REPEATS runs."""
    read_document(str(pdf))
    times = []
    for _ in range(TEXT_REPEATS):
        started = time.perf_counter()
        read_document(str(pdf))
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def rapidocr_engine():
    """Return a RapidOCR engine when rapidocr_onnxruntime is importable, else None."""
    try:
        from rapidocr_onnxruntime import RapidOCR
    except ImportError:
        return None
    return RapidOCR()


def rapidocr_text(engine, pages, folder: Path) -> tuple[str, float]:
    """Given RapidOCR and page images, return the text it reads (lines in its order) and seconds per page; the pages
    get the same clean-up as for Tesseract (stamp colours, specks, skew) outside the timing."""
    texts, seconds = [], 0.0
    for n, page in enumerate(pages):
        image = folder / f"rapid-{n}.png"
        deskew(despeckle(drop_stamp_colours(page)))[0].save(image)
        started = time.perf_counter()
        result, _ = engine(str(image))
        seconds += time.perf_counter() - started
        texts += [line[1] for line in result or []]
    return "\n".join(texts), seconds / len(pages)


def scans(folder: Path):
    """Yield (name, source PDF, scanned file, its page images) for every scan measured."""
    for dpi in (150, 200, 300):
        pages = make_scans.scan(make_scans.SEED_PDF, dpi)
        path = folder / f"seed-{dpi}dpi.pdf"
        make_scans.save_pdf(pages, path, dpi)
        yield f"seed {dpi} dpi, skewed, sealed", make_scans.SEED_PDF, path, pages
    fax = make_scans.fax(make_scans.scan(make_scans.SEED_PDF, 200), 200)
    path = folder / "seed-fax.tif"
    make_scans.save_tiff(fax, path, (204, 196))
    yield "seed 1-bit fax (G4 TIFF)", make_scans.SEED_PDF, path, fax
    pages = make_scans.scan(make_scans.TWO_PAGE_PDF, 200, stamps=False)
    path = folder / "two-page-200dpi.pdf"
    make_scans.save_pdf(pages, path, 200)
    yield "two-page letter 200 dpi, skewed", make_scans.TWO_PAGE_PDF, path, pages


def main() -> None:
    """Print OCR seconds per page beside text-layer reading, CER and field accuracy for every scan."""
    engine = tesseract_version()
    if engine is None:
        print("OCR benchmark skipped: Tesseract with chi_tra is not installed (make bench needs it; .ci/run installs it)")
        return
    rapid = rapidocr_engine()
    result: dict = {"engine": engine, "scans": {}}
    print(f"OCR ({engine}) beside the text layer of the same letter")
    print(f"{'scan':34} {'pages':>5} {'OCR s/page':>10} {'text s/page':>11} {'ratio':>7} {'CER':>6} "
          f"{'fields':>6} {'正本':>6}" + (f" {'Rapid CER':>9} {'Rapid s/p':>9}" if rapid else ""))
    with tempfile.TemporaryDirectory() as tmp:
        for name, source, scan, pages in scans(Path(tmp)):
            reference = blocks_to_text(read_document(str(source)).blocks)
            text_seconds = text_layer_seconds(source) / len(pages)
            started = time.perf_counter()
            doc = read_document(str(scan))
            ocr_seconds = (time.perf_counter() - started) / len(pages)
            error = cer(reference, blocks_to_text(doc.blocks))
            right, cc = field_score(to_dict(load_record(str(scan))), to_dict(load_record(str(source))))
            row = {"pages": len(pages), "ocr_s_per_page": round(ocr_seconds, 2),
                   "text_layer_s_per_page": round(text_seconds, 4), "ratio": round(ocr_seconds / text_seconds),
                   "cer": round(error, 4), "fields_right": right, "cc_main_right": cc}
            line = (f"{name:34} {len(pages):>5} {ocr_seconds:>10.2f} {text_seconds:>11.4f} "
                    f"{ocr_seconds / text_seconds:>6.0f}x {error:>6.1%} {right:>4}/5 {cc:>6}")
            if rapid:
                rapid_text, rapid_seconds = rapidocr_text(rapid, pages, Path(tmp))
                row.update(rapidocr_cer=round(cer(reference, rapid_text), 4), rapidocr_s_per_page=round(rapid_seconds, 2))
                line += f" {row['rapidocr_cer']:>9.1%} {rapid_seconds:>9.2f}"
            result["scans"][name] = row
            print(line, flush=True)
    write_json(ROOT / "output" / "bench-ocr.json", result)


if __name__ == "__main__":
    main()
