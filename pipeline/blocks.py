"""The block model every reader produces and every parser consumes."""
from __future__ import annotations

from dataclasses import dataclass, field

PARAGRAPH = "paragraph"
HEADING = "heading"
LIST_ITEM = "list_item"
TABLE = "table"
PAGE_BREAK = "page_break"
STAMP = "stamp"  # what the receiving side printed on the page (收文 stamp): never part of the letter's text


@dataclass
class Block:
    """One unit of a document in reading order."""
    kind: str  # paragraph | heading | list_item | table | page_break | stamp
    text: str = ""  # paragraph, heading and list-item text (a table's is "")
    page: int = 1  # 1-based page number (1 where the format has no pages)
    marker: str | None = None  # visible list number as shown: 「一、」 「(一)」 「1.」
    level: int | None = None  # heading or list nesting level, 1-based
    rows: list[list[str]] | None = None  # table: rows of cell texts


@dataclass
class Document:
    """A read document: its blocks, the format it came in, and reader warnings."""
    blocks: list[Block] = field(default_factory=list)
    format: str = "text"  # text | pdf | odt | fodt | di | docx | doc | rtf | xlsx | ods | xls | image
    warnings: list[str] = field(default_factory=list)
    path: str | None = None
    sha256: str | None = None
    ocr: object | None = None  # records.OcrNote when pages were read by OCR


def block_text(block: Block) -> str:
    """Given a block, return its text as a line: marker + text, table cells tab-joined."""
    if block.kind == TABLE:
        return "\n".join("\t".join(cell.replace("\n", "") for cell in row) for row in block.rows or [])
    if block.kind in (PAGE_BREAK, STAMP):
        return ""
    return f"{block.marker or ''}{block.text}"


def blocks_to_text(blocks: list[Block]) -> str:
    """Given blocks, return their text one block a line (page breaks as form feeds)."""
    return "\n".join("\f" if b.kind == PAGE_BREAK else block_text(b) for b in blocks)
