"""Open an office zip package (.docx, .xlsx, .ods) defensively: entries counted, parts read capped and parsed safely."""
from __future__ import annotations

import io
import zipfile
from xml.etree.ElementTree import Element

from pipeline.errors import InputError
from pipeline.read.safexml import parse_xml
from pipeline.read.safezip import MAX_ENTRIES, ZIP_ERRORS, read_member

CONTENT_TYPES = "[Content_Types].xml"


def open_office_zip(data: bytes, path: str | None, kind: str, main_part: str) -> zipfile.ZipFile:
    """Given .docx/.xlsx/.ods bytes, the kind's name and its main part, return the opened zip after the entry-count check."""
    try:
        package = zipfile.ZipFile(io.BytesIO(data))
        entries = package.infolist()
    except ZIP_ERRORS:
        raise InputError(path, f"not a readable {kind}: damaged or not a zip file") from None
    if len(entries) > MAX_ENTRIES:
        raise InputError(path, f"zip has {len(entries)} entries (limit {MAX_ENTRIES}): refused")
    names = {info.filename for info in entries}
    if "EncryptedPackage" in names or "EncryptionInfo" in names:
        raise InputError(path, f"password-protected {kind}: cannot read encrypted content")
    if main_part not in names:
        raise InputError(path, f"not a readable {kind}: zip has no {main_part}")
    return package


def has_part(package: zipfile.ZipFile, name: str) -> bool:
    """Given an open zip, return whether it has the member ``name``."""
    return name in package.NameToInfo


def read_part(package: zipfile.ZipFile, name: str, path: str | None) -> Element | None:
    """Given an open zip and a part name, return its parsed XML root (None when the part is absent)."""
    if not has_part(package, name):
        return None
    return parse_xml(read_member(package, name, path), path, name)
