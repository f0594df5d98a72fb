"""Old binary formats (.doc, .rtf, .xls) read by converting them with headless LibreOffice to .docx/.xlsx first.

The conversion runs in a private temporary folder with its own LibreOffice profile and a time
limit; its output is then read by the safe DOCX/XLSX readers like any other file.
"""
from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from pipeline.blocks import Document
from pipeline.errors import InputError

TIMEOUT_S = 120
TARGETS = {"doc": ("docx", "libreoffice-writer-nogui"), "rtf": ("docx", "libreoffice-writer-nogui"),
           "xls": ("xlsx", "libreoffice-calc-nogui")}


def convert_bytes(data: bytes, path: str | None, fmt: str) -> bytes:
    """Given .doc/.rtf/.xls bytes, return them converted by LibreOffice to .docx/.xlsx bytes."""
    target, package = TARGETS[fmt]
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise InputError(path, f"reading .{fmt} needs LibreOffice: install it (Debian: apt-get install {package}) "
                               f"or save the file as .{target}")
    with tempfile.TemporaryDirectory(prefix="gongwen-convert-") as work:
        source = Path(work) / f"input.{fmt}"
        source.write_bytes(data)
        command = [soffice, "--headless", "--norestore", f"-env:UserInstallation={(Path(work) / 'profile').as_uri()}",
                   "--convert-to", target, "--outdir", str(Path(work) / "out"), str(source)]
        try:
            subprocess.run(command, capture_output=True, timeout=TIMEOUT_S, check=False)
        except subprocess.TimeoutExpired:
            raise InputError(path, f"LibreOffice took longer than {TIMEOUT_S} s to convert the .{fmt}: gave up") from None
        converted = Path(work) / "out" / f"input.{target}"
        if not converted.is_file() or converted.stat().st_size == 0:
            raise InputError(path, f"LibreOffice could not convert the .{fmt} (damaged, encrypted or not a .{fmt})")
        return converted.read_bytes()


def read_converted(data: bytes, path: str | None, fmt: str) -> Document:
    """Given .doc/.rtf/.xls bytes, return the Document read from their LibreOffice conversion."""
    converted = convert_bytes(data, path, fmt)
    if TARGETS[fmt][0] == "docx":
        from pipeline.read.docx import read_docx
        doc = read_docx(converted, path)
    else:
        from pipeline.read.sheets import read_xlsx
        doc = read_xlsx(converted, path)
    doc.format = fmt
    doc.warnings.append(f"converted from .{fmt} with LibreOffice before reading")
    return doc
