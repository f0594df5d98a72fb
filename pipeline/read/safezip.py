"""Open an ODF zip package defensively: mimetype checked, entries counted, reads capped."""
from __future__ import annotations

import io
import struct
import zipfile
import zlib

from pipeline.errors import InputError

ODT_MIMETYPE = "application/vnd.oasis.opendocument.text"
MAX_ENTRIES = 1000  # an ODT has a dozen; thousands means a hostile or broken zip
MAX_MEMBER_BYTES = 32 * 1024 * 1024  # decompressed cap for one XML part (zip bombs)
CHUNK = 64 * 1024
# what zipfile raises on a damaged or hostile package (NotImplementedError: a "version needed to extract" it lacks)
ZIP_ERRORS = (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, OSError, NotImplementedError, ValueError,
              OverflowError, struct.error, zlib.error)


def open_package(data: bytes, path: str | None) -> zipfile.ZipFile:
    """Given ODT bytes, return the opened zip after the entry-count and mimetype checks."""
    try:
        package = zipfile.ZipFile(io.BytesIO(data))
        entries = package.infolist()
    except ZIP_ERRORS:
        raise InputError(path, "not a readable ODT: damaged or not a zip file") from None
    if len(entries) > MAX_ENTRIES:
        raise InputError(path, f"zip has {len(entries)} entries (limit {MAX_ENTRIES}): refused")
    names = {info.filename for info in entries}
    if "mimetype" not in names:
        raise InputError(path, "not an ODF document: zip has no mimetype entry")
    mimetype = read_member(package, "mimetype", path, limit=256).decode("ascii", "replace").strip()
    if mimetype != ODT_MIMETYPE:
        raise InputError(path, f"not an ODF text document: mimetype is '{mimetype[:80]}'")
    return package


def read_member(package: zipfile.ZipFile, name: str, path: str | None, limit: int = MAX_MEMBER_BYTES) -> bytes:
    """Given an open zip and a member name, return its bytes; raise InputError past ``limit`` decompressed bytes."""
    try:
        info = package.getinfo(name)
    except KeyError:
        raise InputError(path, f"not a readable ODT: no {name}") from None
    if info.flag_bits & 0x1:
        raise InputError(path, f"{name} is zip-encrypted: refused")
    if info.file_size > limit:
        raise InputError(path, f"{name} would decompress to {info.file_size} bytes (limit {limit}): refused as a zip bomb")
    out = bytearray()
    try:
        with package.open(info) as stream:
            while chunk := stream.read(CHUNK):
                out += chunk
                if len(out) > limit:
                    raise InputError(path, f"{name} decompresses beyond {limit} bytes: refused as a zip bomb")
    except ZIP_ERRORS as exc:  # a lying central directory or local header
        raise InputError(path, f"damaged zip: cannot decompress {name} ({exc})") from None
    return bytes(out)
