"""OCR with Tesseract (Traditional Chinese model chi_tra): a clean page image → words with boxes → characters.

Tesseract runs as a program (Debian: tesseract-ocr, tesseract-ocr-chi-tra), one page at a time
through a pipe, its TSV output giving each word's box and confidence and each line's box. The
words become pdf_layout.Char in PDF points, each word's box shared among its characters and every
character taking its line's height as its size, so the PDF reader's line and paragraph rules
apply unchanged. See README "Scanned letters (OCR)" for the measurements behind the choice.
"""
from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
from dataclasses import dataclass
from functools import cache

from PIL import Image

from pipeline.errors import InputError
from pipeline.read.pdf_layout import Char

LANGUAGE = "chi_tra"
INSTALL = "install Tesseract OCR with its Traditional Chinese model (Debian: apt-get install tesseract-ocr " \
          "tesseract-ocr-chi-tra)"
TIMEOUT_S = 180  # one page
MIN_CONFIDENCE = 10  # punctuation Tesseract is less sure of than this is noise (speckles read as dots and ticks)
OSD_MIN_CONFIDENCE = 2.0  # orientation confidence below which a page is left as it is
POINTS = 72.0


MAX_CHAR_WIDTH = 1.3  # line heights: a character is never wider (Tesseract's LSTM boxes sometimes run on)


@dataclass
class Word:
    """One word as Tesseract read it: text, box in pixels, confidence 0–100 and its line's box."""
    text: str
    left: int
    top: int
    width: int
    height: int
    confidence: float
    line_top: int
    line_bottom: int


@cache
def tesseract_version() -> str | None:
    """Return Tesseract's version with the chi_tra model (e.g. 'tesseract 5.3.0 chi_tra'), or None when either is
    missing."""
    program = shutil.which("tesseract")
    if program is None:
        return None
    try:
        version = subprocess.run([program, "--version"], capture_output=True, text=True, timeout=30).stdout
        langs = subprocess.run([program, "--list-langs"], capture_output=True, text=True, timeout=30).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    if LANGUAGE not in langs.split():
        return None
    return f"{version.splitlines()[0].strip() if version else 'tesseract'} {LANGUAGE}"


def require_engine(path: str | None, why: str) -> str:
    """Given a file and why it needs OCR, return the engine's name; raise InputError saying what to install."""
    engine = tesseract_version()
    if engine is None:
        raise InputError(path, f"{why}: needs OCR: {INSTALL}")
    return engine


def run_tesseract(image: Image.Image, args: list[str], path: str | None) -> str:
    """Given an image and Tesseract arguments, return its standard output (the image goes in as PNG on stdin)."""
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}  # one thread a page: batches run several files side by side
    try:
        done = subprocess.run(["tesseract", "stdin", "stdout", *args], input=buffer.getvalue(), capture_output=True,
                              timeout=TIMEOUT_S, env=env)
    except subprocess.TimeoutExpired:
        raise InputError(path, f"OCR took longer than {TIMEOUT_S} s on one page: gave up") from None
    if done.returncode != 0:
        detail = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise InputError(path, f"OCR failed ({detail[-1] if detail else 'tesseract exit ' + str(done.returncode)})")
    return done.stdout.decode("utf-8", "replace")


def page_rotation(image: Image.Image, path: str | None) -> int:
    """Given a grey page, return the turn (0, 90, 180, 270 degrees, Pillow's sense) that stands it upright."""
    try:
        out = run_tesseract(image, ["--psm", "0", "-l", "osd"], path)
    except InputError:
        return 0  # too little text to tell (OSD fails on a near-empty page): leave it as it is
    rotate = re.search(r"Rotate:\s*(\d+)", out)
    confidence = re.search(r"Orientation confidence:\s*([\d.]+)", out)
    if not rotate or not confidence or float(confidence.group(1)) < OSD_MIN_CONFIDENCE:
        return 0
    return (-int(rotate.group(1))) % 360


def tsv_to_words(tsv: str) -> list[Word]:
    """Given Tesseract TSV output, return its words (level 5) with their line boxes (level 4)."""
    lines: dict[tuple[str, str, str, str], tuple[int, int]] = {}
    words: list[Word] = []
    for row in tsv.splitlines()[1:]:
        cells = row.split("\t")
        if len(cells) < 12 or not cells[0].isdigit():
            continue
        level, key = int(cells[0]), tuple(cells[1:5])
        left, top, width, height = (int(v) for v in cells[6:10])
        if level == 4:
            lines[key] = (top, top + height)
        elif level == 5 and cells[11].strip() and not is_noise(cells[11], float(cells[10])):
            line_top, line_bottom = lines.get(key, (top, top + height))
            words.append(Word(cells[11].strip(), left, top, width, height, float(cells[10]), line_top, line_bottom))
    return trim_boxes(words)


def is_noise(text: str, confidence: float) -> bool:
    """Given a word and its confidence, return whether it is speckle noise: only punctuation, read unsure. (Real
    words can come with confidence 0: Tesseract's LSTM often scores a line's last word so.)"""
    return confidence < MIN_CONFIDENCE and not any(ch.isalnum() for ch in text)


def trim_boxes(words: list[Word]) -> list[Word]:
    """Given a page's words in Tesseract's reading order, return them with boxes that run on cut back: never past
    the next word of the line, never wider than MAX_CHAR_WIDTH line heights a character."""
    for word, following in zip(words, words[1:] + [None]):
        limit = len(word.text.replace(" ", "")) * MAX_CHAR_WIDTH * (word.line_bottom - word.line_top)
        right = word.left + min(word.width, max(limit, 1))
        if following is not None and following.line_top == word.line_top and word.left < following.left < right:
            right = following.left
        word.width = max(right - word.left, 1)
    return words


def read_words(image: Image.Image, dpi: float, path: str | None) -> list[Word]:
    """Given a clean grey page and its resolution, return the words Tesseract reads on it."""
    return tsv_to_words(run_tesseract(image, ["-l", LANGUAGE, "--psm", "3", "--dpi", str(round(dpi)), "tsv"], path))


def words_to_chars(words: list[Word], dpi: float) -> list[Char]:
    """Given OCR words and the page's resolution, return characters in PDF points: each word's width shared
    among its characters, each character as tall as its line (its font size)."""
    scale = POINTS / dpi
    chars = []
    for word in words:
        text = word.text.replace(" ", "")
        step = word.width / len(text)
        top, bottom = word.line_top * scale, word.line_bottom * scale
        size = max(bottom - top, 1.0)
        for i, ch in enumerate(text):
            x0 = (word.left + i * step) * scale
            chars.append(Char(ch, x0, x0 + step * scale, top, bottom, size))
    return chars


def mean_confidence(words: list[Word]) -> float:
    """Given OCR words, return their mean confidence weighted by length (0 when there are none)."""
    total = sum(len(w.text) for w in words)
    return sum(w.confidence * len(w.text) for w in words) / total if total else 0.0
