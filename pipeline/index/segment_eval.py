"""Measure a segmenter against the hand-segmented gold set (data/segmentation_gold.txt)."""
from __future__ import annotations

from collections.abc import Callable
from importlib import resources

from pipeline.index.segment import CJK


def gold_sentences() -> list[list[str]]:
    """Return the gold set: each sentence as its list of hand-segmented words."""
    text = resources.files("pipeline").joinpath("data/segmentation_gold.txt").read_text(encoding="utf-8")
    return [line.split(" ") for line in text.splitlines() if line.strip() and not line.startswith("#")]


def words_to_spans(words: list[str]) -> set[tuple[int, int]]:
    """Given a sentence's words, return the (start, end) character spans of the words that hold Chinese."""
    spans, start = set(), 0
    for word in words:
        end = start + len(word)
        if CJK.search(word):
            spans.add((start, end))
        start = end
    return spans


def score_segmentation(cut: Callable[[str], list[str]], gold: list[list[str]]) -> dict:
    """Given a segmenter (text → words) and gold sentences, return word precision, recall and F1."""
    right = predicted = expected = 0
    for words in gold:
        want = words_to_spans(words)
        got = words_to_spans([w for w in cut("".join(words)) if w.strip()])
        right += len(want & got)
        predicted += len(got)
        expected += len(want)
    precision, recall = right / predicted, right / expected
    return {"precision": round(precision, 3), "recall": round(recall, 3),
            "f1": round(2 * precision * recall / (precision + recall), 3), "words": expected}
