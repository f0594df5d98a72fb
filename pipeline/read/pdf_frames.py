"""Framed boxes on a PDF page: what a document system prints on a letter, known by its frame.

A box ruled round a few words (one ruled cell, not a table) holding 收文 and a digit is the receiving side's
收文 stamp: its characters leave the page's text and come back as one stamp block (read in the order they were
drawn, so a stamp printed turned a quarter reads as well as an upright one). A box holding only 「正本」 or
「副本」 (the copy mark beside the title) goes. Words from data/reading.toml [frames].
"""
from __future__ import annotations

import math
import re
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources

from pipeline.read.pdf_layout import Char, centred
from pipeline.vocabulary import vocabulary

LINE_BREAK = 1.6  # ems between the centres of two glyphs drawn one after the other that start a new line
RECEIVED, COPY_MARK = "received", "copy_mark"


@dataclass
class Frame:
    """A framed box found on a page: its box (top-left origin), what it is and its text."""
    x0: float
    top: float
    x1: float
    bottom: float
    kind: str  # received (a 收文 stamp) | copy_mark
    text: str


@cache
def frame_words() -> dict:
    """Return the words that tell framed boxes apart (data/reading.toml [frames])."""
    with resources.files("pipeline").joinpath("data/reading.toml").open("rb") as fh:
        return tomllib.load(fh)["frames"]


def chars_in_box(box: tuple, placed: list[tuple[float, float, Char]]) -> list[Char]:
    """Given a box (x0, top, x1, bottom) and characters with their centres (centred), return those whose centre lies
    inside it, in drawing order."""
    x0, top, x1, bottom = box
    return [c for x, y, c in placed if x0 <= x <= x1 and top <= y <= bottom]


def drawn_text(chars: list[Char]) -> str:
    """Given characters in drawing order, return their text: a new line where a glyph stands over LINE_BREAK ems
    from the one before (whatever the direction of writing), a space where the PDF had one."""
    out = [chars[0].text] if chars else []
    for prev, char in zip(chars, chars[1:]):
        distance = math.dist(((prev.x0 + prev.x1) / 2, (prev.top + prev.bottom) / 2),
                             ((char.x0 + char.x1) / 2, (char.top + char.bottom) / 2))
        if distance > LINE_BREAK * max(prev.size, char.size, 1.0):
            out.append("\n")
        elif char.space_before:
            out.append(" ")
        out.append(char.text)
    return "".join(out)


def frame_kind(text: str) -> str | None:
    """Given a framed box's text, return what it is: a 收文 stamp, a copy mark, or None (text of the letter)."""
    words = frame_words()
    if any(word in text for word in words["received"]) and re.search(r"\d", text):
        return RECEIVED
    if re.sub(r"\s", "", text) in vocabulary()["copy_marks"]["words"]:
        return COPY_MARK
    return None


def boxes_to_frames(boxes: list[tuple], chars: list[Char]) -> tuple[list[Frame], list[Char]]:
    """Given a page's framed boxes (single ruled cells) and characters, return the stamps and copy marks among them
    and the characters left outside those."""
    frames, taken = [], set()
    placed = centred(chars) if boxes else []
    for box in boxes:
        inside = chars_in_box(box, placed)
        text = drawn_text(inside)
        kind = frame_kind(text)
        if kind is not None:
            frames.append(Frame(*box, kind, text))
            taken.update(map(id, inside))
    return frames, [c for c in chars if id(c) not in taken] if taken else chars
