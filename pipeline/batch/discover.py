"""Find the inputs of a batch and pair letters with their attachment files (exchange naming, 附件 file names)."""
from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from pipeline.attach import attachment_positions

ROSTER_SUFFIX = ".sw"  # 交換表 roster of a DI letter
CHUNK = 1 << 20


@dataclass
class Input:
    """One file found in the inbox."""
    path: str  # as opened: the inbox joined with rel
    rel: str  # relative to the inbox, with / separators: the file's name in the manifest
    sha256: str | None  # None when the file could not be read
    error: str | None = None  # why it could not be read


def file_to_sha256(path: str) -> str:
    """Given a path, return the sha256 of its bytes (read in chunks)."""
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        while chunk := fh.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def path_to_input(inbox: Path, path: Path) -> Input:
    """Given the inbox and a file in it, return its Input with sha256, or the reason it cannot be read."""
    rel = path.relative_to(inbox).as_posix()
    try:
        return Input(str(path), rel, file_to_sha256(str(path)))
    except FileNotFoundError:
        return Input(str(path), rel, None, "no such file (deleted while the batch ran)")
    except PermissionError:
        return Input(str(path), rel, None, "permission denied")
    except OSError as exc:
        return Input(str(path), rel, None, f"cannot read: {exc.strerror or exc}")


def inbox_to_inputs(inbox: Path) -> list[Input]:
    """Given an inbox folder, return every file under it (sorted by relative path), hashed."""
    paths = []
    for folder, dirs, files in os.walk(inbox):
        dirs.sort()
        paths += [Path(folder) / name for name in files]
    return sorted((path_to_input(inbox, p) for p in paths), key=lambda i: i.rel)


def is_roster(rel: str) -> bool:
    """Given an input's relative path, return whether it is a DI 交換表 roster (.sw), read with its DI letter."""
    return rel.lower().endswith(ROSTER_SUFFIX)


def folder_of(rel: str) -> str:
    """Given a relative path, return its folder part ('' for the inbox itself)."""
    return str(PurePosixPath(rel).parent) if "/" in rel else ""


def names_by_folder(rels: list[str]) -> dict[str, dict[str, str]]:
    """Given relative paths, return {folder: {lower-case file name: relative path}}."""
    out: dict[str, dict[str, str]] = {}
    for rel in rels:
        out.setdefault(folder_of(rel), {})[PurePosixPath(rel).name.lower()] = rel
    return out


def letter_to_attachment_files(rel: str, letter: dict, folders: dict[str, dict[str, str]]) -> dict[int, str]:
    """Given a letter's relative path and record dict, return {attachment position: relative path} of its files
    (pipeline.attach.attachment_positions: named in 附件, else by the exchange naming)."""
    here = folders.get(folder_of(rel), {})
    others = [PurePosixPath(other).name for other in here.values() if other != rel]
    files = [attachment.get("file") for attachment in letter.get("attachments") or []]
    number = (letter.get("dispatch_no") or {}).get("number")
    return {position: here[name.lower()] for position, name in attachment_positions(files, number, others).items()}
