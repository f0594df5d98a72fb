"""Bounds on what one input may make the pipeline do: every cap in one place, stated in README 「Bounds and limits」.

A file beyond a cap is refused by its reader with a one-line reason (InputError); nothing here reads or parses."""
from __future__ import annotations

import re

MAX_TEXT_BYTES = 16 * 1024 * 1024  # a text letter (a 1,000-page letter is about 2 MB of text)
MAX_BLOCKS = 20_000  # paragraphs, items and tables of one document (a long plan has a few thousand)
MAX_PAGES = 1_000  # PDF pages and text pages (form feeds)
MAX_XML_DEPTH = 128  # nested XML elements in an ODT/FODT part (a real one nests about 20)
MAX_XML_ELEMENTS = 1_000_000  # XML elements in an ODT/FODT part
MAX_LIST_LEVEL = 10  # ODF list levels 1..10
MAX_LIST_NUMBER = 10_000  # a list number shown as letters, Roman or Chinese numerals beyond this is shown as digits
MAX_NUMBER_DIGITS = 12  # digits of a number read from an attribute; a longer one is clamped, never converted
INTEGER = re.compile(r"([+-]?)0*([0-9]+)", re.ASCII)


def bounded_int(value: str | None, default: int | None, low: int, high: int) -> int | None:
    """Given an attribute value, return it as an int clamped to [low, high], or ``default`` when it is not one."""
    m = INTEGER.fullmatch((value or "").strip())
    if m is None:
        return default
    if len(m.group(2)) > MAX_NUMBER_DIGITS:  # an absurd number: as far as it goes
        return low if m.group(1) == "-" else high
    return min(max(int(m.group(0)), low), high)

