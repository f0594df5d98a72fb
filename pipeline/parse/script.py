"""A page in simplified characters — a Taiwanese site's zh_cn view of a letter written in traditional ones (依据…号函办理)
— read in traditional characters (OpenCC's s2tw, Taiwan's forms). Where the conversion has more than one answer the
record may differ from the original letter (a name's 游 read as 遊, 台 as 臺); the record's warning says it was read so."""
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
def script_pattern(key: str) -> re.Pattern:
    """Given simplified_only or traditional_only, return the pattern of one of those characters (vocabulary.toml
    [script])."""
    return re.compile(f"[{vocabulary()['script'][key]}]")


def is_simplified(text: str) -> bool:
    """Given a document's text, return whether it is written in simplified characters: characters only the simplified
    script has stand in it at least `simplified_min` times and outnumber their traditional forms (a traditional
    letter quoting 「中华人民共和国…」 is none)."""
    simplified = len(script_pattern("simplified_only").findall(text))
    return (simplified >= vocabulary()["script"]["simplified_min"]
            and simplified > len(script_pattern("traditional_only").findall(text)))


def to_traditional(text: str) -> str:
    """Given text in simplified characters, return it in traditional ones, with the words the converter gives in
    another form than a Taiwanese letter writes them mended (裡辦公處 → 里辦公處, 公佈 → 公布)."""
    text = simplified_converter().convert(text)
    for converted, written in vocabulary()["script"]["after"].items():
        text = text.replace(converted, written)
    return text


def block_in_traditional(block: Block) -> Block:
    """Given a block, return it with its text, marker and table cells in traditional characters."""
    convert = to_traditional
    if block.kind == TABLE:
        return replace(block, rows=[[convert(cell) for cell in row] for row in block.rows or []])
    return replace(block, text=convert(block.text), marker=convert(block.marker) if block.marker else block.marker)


def blocks_in_traditional(blocks: list[Block]) -> tuple[list[Block], bool]:
    """Given a document's blocks, return them in traditional characters and True when they are written in simplified
    ones, else (the blocks, False)."""
    if not is_simplified("".join(block_text(b) for b in blocks)):
        return blocks, False
    return [block_in_traditional(b) for b in blocks], True
