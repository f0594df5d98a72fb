"""Text reader: decode a text file (UTF-8, UTF-8 with BOM, UTF-16 with BOM, Big5/cp950) into blocks."""
from __future__ import annotations

import codecs
import re

from pipeline.blocks import PAGE_BREAK, PARAGRAPH, Block, Document
from pipeline.errors import InputError
from pipeline.limits import MAX_BLOCKS, MAX_PAGES, MAX_TEXT_BYTES

ENCODINGS = ("utf-8-sig", "cp950")
CONTROL_LIMIT = 0.05  # share of control characters above which a file is binary
CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")  # a control character other than \t \n \f \r


def bytes_to_text(data: bytes, path: str | None = None) -> str:
    """Given a text file's bytes, return its text; raise InputError when empty, binary or undecodable."""
    if len(data) > MAX_TEXT_BYTES:
        raise InputError(path, f"text file of {len(data):,} bytes (limit {MAX_TEXT_BYTES:,}): refused")
    if not data.strip():
        raise InputError(path, "empty file")
    utf16 = data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))  # Windows Notepad's "Unicode"
    if b"\x00" in data[:8192] and not utf16:
        raise InputError(path, "binary file, not text")
    for encoding in ("utf-16",) if utf16 else ENCODINGS:
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise InputError(path, "cannot decode as UTF-16 text" if utf16 else "cannot decode as UTF-8 or Big5 text")
    if not text.strip():
        raise InputError(path, "empty file")
    controls = len(CONTROL.findall(text))
    if controls > CONTROL_LIMIT * len(text):
        raise InputError(path, "binary file, not text")
    return text


def text_to_blocks(text: str, path: str | None = None) -> list[Block]:
    """Given plain text, return one paragraph block a non-empty line; form feeds become page breaks."""
    blocks: list[Block] = []
    page = 1
    chunks = text.replace("\r\n", "\n").replace("\r", "\n").split("\f")
    if len(chunks) > MAX_PAGES:
        raise InputError(path, f"{len(chunks)} pages (form feeds) (limit {MAX_PAGES:,}): refused")
    lines = sum(1 for chunk in chunks for line in chunk.split("\n") if line.strip())
    if lines > MAX_BLOCKS:
        raise InputError(path, f"{lines} lines (limit {MAX_BLOCKS:,}): refused")
    for chunk_index, chunk in enumerate(chunks):
        if chunk_index:
            blocks.append(Block(PAGE_BREAK, page=page))
            page += 1
        blocks.extend(Block(PARAGRAPH, line, page=page) for line in chunk.split("\n") if line.strip())
    return blocks


def read_text(data: bytes, path: str | None = None) -> Document:
    """Given a text file's bytes, return its Document."""
    return Document(blocks=text_to_blocks(bytes_to_text(data, path), path), format="text", path=path)
