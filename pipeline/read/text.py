"""Text reader: decode a text file (UTF-8, UTF-8 with BOM, Big5/cp950) into blocks."""
from __future__ import annotations

from pipeline.blocks import PAGE_BREAK, PARAGRAPH, Block, Document
from pipeline.errors import InputError

ENCODINGS = ("utf-8-sig", "cp950")
CONTROL_LIMIT = 0.05  # share of control characters above which a file is binary


def bytes_to_text(data: bytes, path: str | None = None) -> str:
    """Given a text file's bytes, return its text; raise InputError when empty, binary or undecodable."""
    if not data.strip():
        raise InputError(path, "empty file")
    if b"\x00" in data[:8192]:
        raise InputError(path, "binary file, not text")
    for encoding in ENCODINGS:
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise InputError(path, "cannot decode as UTF-8 or Big5 text")
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\n\r\t\f")
    if controls > CONTROL_LIMIT * len(text):
        raise InputError(path, "binary file, not text")
    return text


def text_to_blocks(text: str) -> list[Block]:
    """Given plain text, return one paragraph block a non-empty line; form feeds become page breaks."""
    blocks: list[Block] = []
    page = 1
    for chunk_index, chunk in enumerate(text.replace("\r\n", "\n").replace("\r", "\n").split("\f")):
        if chunk_index:
            blocks.append(Block(PAGE_BREAK, page=page))
            page += 1
        blocks.extend(Block(PARAGRAPH, line, page=page) for line in chunk.split("\n") if line.strip())
    return blocks


def read_text(data: bytes, path: str | None = None) -> Document:
    """Given a text file's bytes, return its Document."""
    return Document(blocks=text_to_blocks(bytes_to_text(data, path)), format="text", path=path)
