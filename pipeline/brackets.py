"""Splitting Chinese text at separators that stand outside brackets and quotes."""
from __future__ import annotations

OPENING = "「『（(〈《【"
CLOSING = "」』）)〉》】"


def split_outside_brackets(text: str, separators: str) -> list[str]:
    """Given text and separator characters, return its non-empty pieces split where a separator stands outside brackets."""
    pieces, depth, current = [], 0, ""
    for ch in text:
        depth += (ch in OPENING) - (ch in CLOSING and depth > 0)
        if ch in separators and depth == 0:
            pieces.append(current)
            current = ""
        else:
            current += ch
    pieces.append(current)
    return [p.strip() for p in pieces if p.strip()]
