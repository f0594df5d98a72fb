"""The tests' way from a document's text to its record, as `gongwen parse` takes it (read → parse → record)."""
from __future__ import annotations

from pipeline.blocks import Document
from pipeline.parse.document import document_to_record
from pipeline.read.text import text_to_blocks
from pipeline.records import to_dict


def parse(text: str) -> dict:
    """Given a document's text, return its record as a dict."""
    return to_dict(document_to_record(Document(blocks=text_to_blocks(text), path="input.txt")))
