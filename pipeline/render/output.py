"""Write rendered files into the output folder: safe names, never outside it, atomic replace."""
from __future__ import annotations

import os
import re
import tempfile
import unicodedata
from pathlib import Path

from pipeline.errors import InputError

UNSAFE = re.compile(r'(?:\.{2,}|[\x00-\x1f\x7f/\\:*?"<>|])+')
MAX_STEM_CHARS = 120


def safe_stem(stem: str) -> str:
    """Given a file-name stem built from record values, return it without path parts or unsafe characters."""
    text = UNSAFE.sub("_", unicodedata.normalize("NFC", stem)).strip(" ._-")
    return text[:MAX_STEM_CHARS].rstrip(" ._-") or "document"


def unique_stems(stems: list[str]) -> list[str]:
    """Given file-name stems, return them made safe and distinct (a repeated one gets -2, -3 …)."""
    seen: dict[str, int] = {}
    unique = []
    for stem in map(safe_stem, stems):
        seen[stem] = seen.get(stem, 0) + 1
        unique.append(stem if seen[stem] == 1 else f"{stem}-{seen[stem]}")
    return unique


def output_path(folder: Path, stem: str, extension: str) -> Path:
    """Given the output folder, a stem and an extension, return the safe path inside the folder."""
    path = folder / f"{safe_stem(stem)}.{extension}"
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
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o666 & ~current_umask())
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
