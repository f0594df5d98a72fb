"""The real-letter corpus perturbed as extraction perturbs real text: every letter the accuracy baseline has fully
right stays fully right with 裝/訂/線 lines at the top and in the middle, spaces inside its dates and numbers, CRLF
line ends, trailing spaces, full-width digits, Kangxi radicals for common ideographs, a page footer in the middle,
or a blank line after every line."""
from __future__ import annotations

import json
import re

import pytest

import accuracy
from parse_text import parse

REAL = accuracy.CORPUS
BASELINE = REAL / accuracy.BASELINE
RADICALS = str.maketrans({"一": "⼀", "人": "⼈", "日": "⽇", "月": "⽉", "文": "⽂", "行": "⾏"})  # U+2F00 …


def in_the_middle(text: str, lines: list[str]) -> str:
    """Given a text and lines, return the text with the lines put after its first half of lines."""
    rows = text.split("\n")
    half = len(rows) // 2
    return "\n".join(rows[:half] + lines + rows[half:])


def spaced_numbers(text: str) -> str:
    """Given a text, return it with spaces inside its 民國 dates and its 發文字號 digits, as a PDF's text layer has."""
    text = re.sub(r"(?<=中華民國)(\d+)年(\d+)月(\d+)日",
                  lambda m: f"{' '.join(m.group(1))} 年 {m.group(2)} 月 {m.group(3)} 日", text)
    return re.sub(r"字第(\d{6,})號", lambda m: f"字第 {m.group(1)[:3]} {m.group(1)[3:]} 號", text)


PERTURBATIONS = {
    "binding line": lambda t: in_the_middle("裝\n訂\n線\n" + t, ["裝", "", "訂", "", "線"]),
    "spaced numbers": spaced_numbers,
    "crlf": lambda t: t.replace("\n", "\r\n"),
    "trailing spaces": lambda t: "\n".join(line + "   " for line in t.split("\n")),
    "full-width digits": lambda t: t.translate({ord(str(i)): chr(0xFF10 + i) for i in range(10)}),
    "kangxi radicals": lambda t: t.translate(RADICALS),
    "page footer": lambda t: in_the_middle(t, ["第1頁，共2頁", ""]) + "\n第2頁，共2頁",
    "blank lines": lambda t: "\n\n".join(t.split("\n")),
}


def fully_right_letters() -> list[str]:
    """Return the stems of the text letters the baseline has right in every field."""
    baseline = json.loads(BASELINE.read_text(encoding="utf-8"))["text"]
    stems = []
    for stem, right in sorted(baseline.items()):
        expected = json.loads((REAL / f"{stem}.json").read_text(encoding="utf-8"))
        if set(accuracy.fields_of(expected)) <= set(right):
            stems.append(stem)
    return stems


@pytest.mark.skipif(not BASELINE.exists(), reason="no real-letter corpus baseline yet (make accuracy)")
@pytest.mark.parametrize("name", PERTURBATIONS)
def test_fully_right_letters_stay_right_when_perturbed(name):
    perturb, wrong = PERTURBATIONS[name], []
    stems = fully_right_letters()
    assert len(stems) > 300
    for stem in stems:
        expected = json.loads((REAL / f"{stem}.json").read_text(encoding="utf-8"))
        got = parse(perturb((REAL / f"{stem}.txt").read_text(encoding="utf-8")))
        wrong += [f"{stem}: {field}" for field in accuracy.fields_of(expected) if got.get(field) != expected[field]]
    assert wrong == []
