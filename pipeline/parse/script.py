"""A page in simplified characters — a Taiwanese site's zh_cn view of a letter written in traditional ones (依据…号函办理)
— read in traditional characters, as the letter was written (OpenCC's s2tw: character by character, Taiwan's forms)."""
from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from pipeline.blocks import TABLE, Block, block_text
from pipeline.vocabulary import vocabulary


@cache
def simplified_converter():
    """Return OpenCC's converter from simplified characters to Taiwan's traditional ones (loaded once, when needed)."""
    import opencc
    return opencc.OpenCC("s2tw")


@cache
def simplified_only() -> re.Pattern:
    """Return the pattern of a character only the simplified script has (vocabulary.toml [script])."""
    return re.compile(f"[{vocabulary()['script']['simplified_only']}]")


def is_simplified(text: str) -> bool:
    """Given a document's text, return whether it is written in simplified characters: characters only the simplified
    script has stand in it at least `simplified_min` times."""
    return len(simplified_only().findall(text)) >= vocabulary()["script"]["simplified_min"]


def block_in_traditional(block: Block) -> Block:
    """Given a block, return it with its text, marker and table cells in traditional characters."""
    convert = simplified_converter().convert
    if block.kind == TABLE:
        return replace(block, rows=[[convert(cell) for cell in row] for row in block.rows or []])
    return replace(block, text=convert(block.text), marker=convert(block.marker) if block.marker else block.marker)


def blocks_in_traditional(blocks: list[Block]) -> tuple[list[Block], bool]:
    """Given a document's blocks, return them in traditional characters and True when they are written in simplified
    ones, else (the blocks, False)."""
    if not is_simplified("".join(block_text(b) for b in blocks)):
        return blocks, False
    return [block_in_traditional(b) for b in blocks], True
