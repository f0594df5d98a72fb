"""The formats beyond text, PDF, ODT and DI: recognised by content (then name), each with its reader."""
from __future__ import annotations

import io
import zipfile

from pipeline.read.safezip import ZIP_ERRORS

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Word 97–2003 .doc, Excel .xls (and encrypted OOXML)
IMAGE_MAGIC = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"II*\x00", b"MM\x00*")
SUFFIXES = {".docx": "docx", ".docm": "docx", ".dotx": "docx", ".xlsx": "xlsx", ".xlsm": "xlsx", ".ods": "ods",
            ".doc": "doc", ".dot": "doc", ".rtf": "rtf", ".xls": "xls", ".png": "image", ".jpg": "image",
            ".jpeg": "image", ".tif": "image", ".tiff": "image"}
ZIP_PARTS = (("word/document.xml", "docx"), ("xl/workbook.xml", "xlsx"))
OTHER_FORMATS = ("docx", "xlsx", "ods", "doc", "rtf", "xls", "image")


def zip_format(data: bytes) -> str | None:
    """Given zip bytes, return docx, xlsx or ods by the parts it holds (None for anything else)."""
    try:
        package = zipfile.ZipFile(io.BytesIO(data))
        names = set(package.NameToInfo)
        if "mimetype" in names and package.getinfo("mimetype").file_size < 256:
            if package.read("mimetype").strip() == b"application/vnd.oasis.opendocument.spreadsheet":
                return "ods"
    except (*ZIP_ERRORS, RuntimeError):  # RuntimeError: an encrypted mimetype entry
        return None
    return next((fmt for part, fmt in ZIP_PARTS if part in names), None)


def sniff_format(suffix: str, data: bytes) -> str | None:
    """Given a lower-case file suffix and the bytes, return one of OTHER_FORMATS, or None for the base formats."""
    if data.startswith(b"PK\x03\x04"):
        return zip_format(data) or (SUFFIXES.get(suffix) if suffix in (".docx", ".xlsx", ".ods") else None)
    if data.startswith(OLE_MAGIC):
        return "xls" if suffix in (".xls", ".xlt") else "doc"
    if data.startswith(b"{\\rtf"):
        return "rtf"
    if data.startswith(IMAGE_MAGIC):
        return "image"
    return SUFFIXES.get(suffix)


def reader_for(fmt: str):
    """Given one of OTHER_FORMATS, return its reader: a function (bytes, path) → Document."""
    if fmt == "docx":
        from pipeline.read.docx import read_docx
        return read_docx
    if fmt == "xlsx":
        from pipeline.read.sheets import read_xlsx
        return read_xlsx
    if fmt == "ods":
        from pipeline.read.sheets import read_ods
        return read_ods
    if fmt in ("doc", "rtf", "xls"):
        from pipeline.read.convert import read_converted
        return lambda data, path: read_converted(data, path, fmt)
    from pipeline.read.images import read_image
    return read_image
