"""Read a file and parse it: the one entry point from a path to a record."""
from __future__ import annotations

import hashlib

from pipeline.errors import InputError
from pipeline.files import printable_path
from pipeline.read import detect_format, read_bytes, read_document
from pipeline.records import Source


def load_record(path: str, data: bytes | None = None):
    """Given a path (and optionally its bytes), return its Letter, Plan or Division record."""
    if data is None:
        data = read_bytes(path)
    fmt = detect_format(path, data)
    ocr = None
    if fmt == "di":
        from pipeline.read.di import read_di
        record = read_di(data, path)
    else:
        from pipeline.parse.document import document_to_record
        doc = read_document(path, data)
        record, ocr = document_to_record(doc), doc.ocr
    record.source = Source(path=printable_path(path), sha256=hashlib.sha256(data).hexdigest(), format=fmt, ocr=ocr)
    return record


__all__ = ["load_record", "InputError"]
