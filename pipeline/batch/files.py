"""Files the batch writes: atomic writes (temp file + os.replace), safe names, a writable output folder."""
from __future__ import annotations

import json
import os
import re
import tempfile
from pathlib import Path

from pipeline.errors import InputError

TEMP_PREFIX = ".gongwen-tmp-"
UNSAFE = re.compile(r'[\x00-\x1f\x7f/\\:*?"<>|\s]+')
MAX_NAME = 150


def write_bytes_atomic(path: Path, data: bytes) -> None:
    """Given a path and bytes, write them so that no half-written file can ever stand at that path."""
    fd, tmp = tempfile.mkstemp(prefix=TEMP_PREFIX, dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def json_bytes(value) -> bytes:
    """Given a JSON value, return it as indented UTF-8 JSON with a final newline."""
    return (json.dumps(value, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def write_if_changed(path: Path, data: bytes) -> bool:
    """Given a path and bytes, write them atomically unless the file already holds them; return True if written."""
    try:
        if path.read_bytes() == data:
            return False
    except OSError:
        pass
    write_bytes_atomic(path, data)
    return True


def remove_temp_files(folder: Path) -> None:
    """Given a folder, remove the temp files an interrupted run may have left in it."""
    for leftover in folder.glob(TEMP_PREFIX + "*"):
        leftover.unlink(missing_ok=True)


def safe_name(stem: str) -> str:
    """Given a wanted file stem, return it with path separators, controls and spaces made '_' and its length capped."""
    name = UNSAFE.sub("_", stem).strip("._") or "unnamed"
    return name[:MAX_NAME]


def inside(folder: Path, name: str) -> Path:
    """Given a folder and a file name, return the path, refusing any name that would land outside the folder."""
    path = (folder / name).resolve()
    if path.parent != folder.resolve():
        raise ValueError(f"{name!r} would be written outside {folder}")
    return path


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
