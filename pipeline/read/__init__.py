"""Readers: turn a file's bytes into a Document of blocks, chosen by name and content."""
from __future__ import annotations

import errno
import hashlib
import os
import stat
from pathlib import Path

from pipeline.blocks import Document
from pipeline.errors import InputError
from pipeline.limits import MAX_BLOCKS

MAX_INPUT_BYTES = 200 * 1024 * 1024


def detect_format(path: str, data: bytes) -> str:
    """Given a file name and its bytes, return its format: text, pdf, odt, fodt, di, or one of
    pipeline.read.formats.OTHER_FORMATS (docx, ods, xlsx, doc, rtf, xls, image)."""
    suffix = Path(path).suffix.lower()
    if data.startswith(b"%PDF") or suffix == ".pdf":
        return "pdf"
    from pipeline.read.formats import sniff_format
    if other := sniff_format(suffix, data):
        return other
    if data.startswith(b"PK\x03\x04") or suffix in (".odt", ".ott"):
        return "odt"
    if suffix == ".fodt":
        return "fodt"
    from pipeline.read.di import looks_like_di  # 函 / 書函 DOCTYPE or root, whatever the name (stdin, .xml)
    if suffix == ".di" or looks_like_di(data):
        return "di"
    return "text"


def read_bytes(path: str, follow_links: bool = True) -> bytes:
    """Given a path, return the bytes of the regular file there; raise InputError when it cannot be read.

    Opened without waiting (a FIFO never blocks) and, with follow_links=False, without following a link."""
    flags = os.O_RDONLY | os.O_NONBLOCK | (0 if follow_links else os.O_NOFOLLOW)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        raise InputError(path, "no such file") from None
    except PermissionError:
        raise InputError(path, "permission denied") from None
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise InputError(path, "is a symbolic link, not followed") from None
        raise InputError(path, f"cannot read: {exc.strerror or exc}") from None
    try:
        mode = os.fstat(fd)
        if stat.S_ISDIR(mode.st_mode):
            raise InputError(path, "is a folder, not a file")
        if not stat.S_ISREG(mode.st_mode):
            raise InputError(path, "not a regular file")
        if mode.st_size > MAX_INPUT_BYTES:
            raise InputError(path, f"file too large ({mode.st_size} bytes)")
        chunks = []
        while chunk := os.read(fd, 1 << 20):
            chunks.append(chunk)
        return b"".join(chunks)
    except OSError as exc:
        raise InputError(path, f"cannot read: {exc.strerror or exc}") from None
    finally:
        os.close(fd)


def read_document(path: str, data: bytes | None = None) -> Document:
    """Given a path (and optionally its bytes), return its Document of blocks."""
    if data is None:
        data = read_bytes(path)
    fmt = detect_format(path, data)
    if fmt == "text":
        from pipeline.read.text import read_text as reader
    elif fmt == "pdf":
        from pipeline.read.pdf import read_pdf as reader
    elif fmt in ("odt", "fodt"):
        from pipeline.read.odt import read_odt as reader
    elif fmt != "di":
        from pipeline.read.formats import reader_for
        reader = reader_for(fmt)
    else:
        raise InputError(path, f"format {fmt} has no block reader")
    doc = reader(data, path)
    if len(doc.blocks) > MAX_BLOCKS:
        raise InputError(path, f"{len(doc.blocks)} paragraphs, items and tables (limit {MAX_BLOCKS:,}): refused")
    doc.sha256 = hashlib.sha256(data).hexdigest()
    return doc
