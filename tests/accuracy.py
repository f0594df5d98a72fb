"""Per-field accuracy of the parser on the real-letter corpus (tests/data/real/), text and PDF apart.

Run by ``make accuracy``. A letter is <stem>.txt and/or <stem>.pdf beside its hand-checked expected record
<stem>.json (<stem>.pdf.json when the PDF's expected record differs). A *field* is each top-level key of the
record except ``source``, ``warnings`` and ``schema`` (where it came from, what the parser doubted, and the
same for every record); it is right when the parsed value equals the expected one exactly. A letter is *fully
right* when every field is. Prints the table, writes it into README.md between the accuracy markers, and
writes the ratchet baseline (tests/data/real/accuracy-baseline.json: per format and letter, the fields that
were right). tests/test_accuracy.py fails when a field in the baseline goes wrong; ``make accuracy`` refuses
to lower the baseline (exit 1, nothing written) unless given --accept-losses (say why in the commit).
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.errors import InputError  # noqa: E402
from pipeline.load import load_record  # noqa: E402
from pipeline.records import to_dict  # noqa: E402

CORPUS = ROOT / "tests" / "data" / "real"
BASELINE = "accuracy-baseline.json"
README = ROOT / "README.md"
START, END = "<!-- accuracy:start (make accuracy) -->", "<!-- accuracy:end -->"
NOT_FIELDS = ("source", "warnings", "schema")
FORMATS = {"text": ".txt", "pdf": ".pdf"}


def expected_path(letter: Path, fmt: str) -> Path:
    """Given a letter's input file and its format, return its expected record: <stem>.pdf.json for a PDF when
    there is one, else <stem>.json."""
    own = letter.with_name(letter.name + ".json")
    return own if fmt == "pdf" and own.exists() else letter.with_suffix(".json")


def corpus_letters(corpus: Path) -> dict[str, list[Path]]:
    """Given the corpus folder, return per format the input files that have an expected record, by name."""
    return {fmt: sorted(p for p in corpus.glob(f"*{suffix}") if expected_path(p, fmt).exists())
            for fmt, suffix in FORMATS.items()}


def fields_of(expected: dict) -> list[str]:
    """Given an expected record, return the fields that are scored."""
    return [key for key in expected if key not in NOT_FIELDS]


def score_letter(path: Path, fmt: str) -> dict[str, bool]:
    """Given a letter's input file and format, return for each field whether the parser got it right (every field
    wrong when the parser refuses the file)."""
    expected = json.loads(expected_path(path, fmt).read_text(encoding="utf-8"))
    try:
        parsed = to_dict(load_record(str(path)))
    except InputError:
        parsed = {}
    return {key: key in parsed and parsed[key] == expected[key] for key in fields_of(expected)}


def score_corpus(corpus: Path) -> dict[str, dict[str, dict[str, bool]]]:
    """Given the corpus folder, return per format and letter (stem) each field's verdict."""
    return {fmt: {path.stem: score_letter(path, fmt) for path in paths}
            for fmt, paths in corpus_letters(corpus).items()}


def summarise(scores: dict[str, dict[str, bool]]) -> tuple[dict[str, float], float | None, int]:
    """Given one format's verdicts, return each field's accuracy, the accuracy over all fields and how many
    letters are fully right."""
    fields = sorted({f for verdicts in scores.values() for f in verdicts})
    per_field = {}
    for f in fields:
        marks = [verdicts[f] for verdicts in scores.values() if f in verdicts]
        per_field[f] = sum(marks) / len(marks)
    marks = [m for verdicts in scores.values() for m in verdicts.values()]
    overall = sum(marks) / len(marks) if marks else None
    return per_field, overall, sum(all(v.values()) for v in scores.values())


def table(scores: dict[str, dict[str, dict[str, bool]]]) -> str:
    """Given every verdict, return the Markdown table: field accuracy per format, all fields, letters fully right."""
    summaries = {fmt: summarise(s) for fmt, s in scores.items()}
    fields = sorted({f for per_field, _, _ in summaries.values() for f in per_field})
    cell = lambda v: "–" if v is None else f"{v:.2f}"  # noqa: E731
    lines = ["| field | " + " | ".join(f"{fmt} ({len(scores[fmt])} letters)" for fmt in scores) + " |",
             "| --- | " + " | ".join("---:" for _ in scores) + " |"]
    lines += [f"| `{f}` | " + " | ".join(cell(summaries[fmt][0].get(f)) for fmt in scores) + " |" for f in fields]
    lines.append("| **all fields** | " + " | ".join(f"**{cell(summaries[fmt][1])}**" for fmt in scores) + " |")
    lines.append("| **letters fully right** | " + " | ".join(
        f"**{summaries[fmt][2]} of {len(scores[fmt])}**" + (f" ({summaries[fmt][2] / len(scores[fmt]):.0%})"
                                                            if scores[fmt] else "") for fmt in scores) + " |")
    return "\n".join(lines)


def right_fields(scores: dict[str, dict[str, dict[str, bool]]]) -> dict[str, dict[str, list[str]]]:
    """Given every verdict, return the baseline: per format and letter, the fields that are right."""
    return {fmt: {stem: sorted(f for f, ok in verdicts.items() if ok) for stem, verdicts in sorted(s.items())}
            for fmt, s in scores.items()}


def losses(baseline: dict, scores: dict[str, dict[str, dict[str, bool]]]) -> list[str]:
    """Given the baseline and every verdict, return each field that was right and is now wrong (or whose letter is
    gone) as 「format stem: field」."""
    lost = []
    for fmt, letters in baseline.items():
        for stem, fields in letters.items():
            now = scores.get(fmt, {}).get(stem)
            lost += [f"{fmt} {stem}: {f}" for f in fields if now is None or not now.get(f, False)]
    return lost


def write_readme(text: str, readme: Path = README) -> None:
    """Given the section's Markdown, write it into the README between the accuracy markers."""
    doc = readme.read_text(encoding="utf-8")
    start, end = doc.index(START) + len(START), doc.index(END)
    readme.write_text(doc[:start] + "\n" + text + "\n" + doc[end:], encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    """Score the corpus, print the table, write the README section and the baseline; return the exit status."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=CORPUS)
    parser.add_argument("--accept-losses", action="store_true", help="lower the baseline where fields went wrong")
    parser.add_argument("--no-write", action="store_true", help="print only: write neither README nor baseline")
    args = parser.parse_args(argv)
    if not any(corpus_letters(args.corpus).values()):
        print(f"accuracy: no letters with an expected record in {args.corpus}", file=sys.stderr)
        return 1
    scores = score_corpus(args.corpus)
    text = table(scores)
    print(text)
    baseline_path = args.corpus / BASELINE
    baseline = json.loads(baseline_path.read_text(encoding="utf-8")) if baseline_path.exists() else {}
    lost = losses(baseline, scores)
    if lost:
        print(f"\n{len(lost)} field(s) that were right are now wrong:", *lost, sep="\n  ", file=sys.stderr)
        if not args.accept_losses:
            print("baseline and README left unchanged (--accept-losses to lower them)", file=sys.stderr)
            return 1
    if not args.no_write:
        baseline_path.write_text(json.dumps(right_fields(scores), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        if args.corpus.resolve() == CORPUS.resolve():
            write_readme(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
