"""Writing output files: atomic replace, safe names, never outside the output folder."""
from __future__ import annotations

import json
import os
import re
import tempfile
import unicodedata
from collections.abc import Iterable
from pathlib import Path

from pipeline.errors import InputError

TEMP_PREFIX = ".gongwen-tmp-"
UNSAFE = re.compile(r'(?:\.{2,}|[\x00-\x1f\x7f/\\:*?"<>|\s])+')
MAX_STEM_CHARS = 120
INVISIBLE = {"Cc", "Cf", "Zl", "Zp", "Cs", "Co", "Cn"}  # Unicode categories never written into a file name


def printable_path(path: str) -> str:
    """Given a path as the OS gave it (bytes not valid UTF-8 kept as surrogates), return it as text: Big5 (cp950)
    names copied from Windows decoded, other stray bytes written as \\xNN."""
    try:
        path.encode("utf-8")
        return path
    except UnicodeEncodeError:
        raw = os.fsencode(path)
    try:
        return raw.decode("cp950")
    except UnicodeDecodeError:
        return raw.decode("utf-8", "backslashreplace")


def without_invisible(text: str) -> str:
    """Given text, return it without control and format characters (bidi overrides U+202A–202E, isolates
    U+2066–2069, zero-width marks): nothing in a file name may be invisible or reorder what is shown."""
    return "".join(ch for ch in text if unicodedata.category(ch) not in INVISIBLE)


def safe_stem(stem: str) -> str:
    """Given a file-name stem built from record values, return it without path parts, spaces or unsafe characters."""
    text = UNSAFE.sub("_", without_invisible(unicodedata.normalize("NFC", stem))).strip(" ._-")
    return text[:MAX_STEM_CHARS].rstrip(" ._-") or "document"


def inside(folder: Path, name: str) -> Path:
    """Given a folder and a file name, return the path in it; raise InputError for a name that would leave it or
    that holds control or bidirectional characters (a spoofed extension)."""
    if without_invisible(name) != name:
        raise InputError(ascii(name), "refusing a file name with control or bidirectional characters")
    path = folder / name
    if path.resolve().parent != folder.resolve():
        raise InputError(str(path), "refusing to write outside the output folder")
    return path


def current_umask() -> int:
    """Return the process's umask (the permissions new files must not get)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def write_atomic(path: Path, data: bytes) -> None:
    """Given a path and bytes, write them via a temporary file in the same folder, then os.replace."""
    write_atomic_chunks(path, [data])


def write_atomic_chunks(path: Path, chunks: Iterable[bytes]) -> None:
    """Given a path and pieces of bytes (made as they are written), write them via a temporary file in the same
    folder, then os.replace: the file is whole or as it was."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=TEMP_PREFIX)
    try:
        with os.fdopen(fd, "wb") as fh:
            for chunk in chunks:
                fh.write(chunk)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o666 & ~current_umask())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_if_changed(path: Path, data: bytes) -> bool:
    """Given a path and bytes, write them atomically unless the file already holds them; return True if written."""
    try:
        if path.read_bytes() == data:
            return False
    except OSError:
        pass
    write_atomic(path, data)
    return True


def json_bytes(value) -> bytes:
    """Given a JSON value, return it as indented UTF-8 JSON with a final newline."""
    return (json.dumps(value, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def remove_temp_files(folder: Path) -> None:
    """Given a folder, remove the temp files an interrupted run may have left in it."""
    for leftover in folder.glob(TEMP_PREFIX + "*"):
        leftover.unlink(missing_ok=True)


def prepare_folder(folder: Path, what: str) -> None:
    """Given a folder, create it and prove it writable; raise InputError with one clear line when it is not."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        raise InputError(str(folder), f"{what} exists and is not a folder") from None
    except OSError as exc:
        raise InputError(str(folder), f"cannot create the {what}: {exc.strerror or exc}") from None
    try:
        fd, probe = tempfile.mkstemp(prefix=TEMP_PREFIX, dir=folder)
        os.close(fd)
        os.unlink(probe)
    except OSError as exc:
        raise InputError(str(folder), f"the {what} is not writable: {exc.strerror or exc}") from None
