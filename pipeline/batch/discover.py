"""Find the inputs of a batch and pair letters with their attachment files (exchange naming, 附件 file names)."""
from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

# 公文電子交換 attachment names: {機關代碼}{發文字號 digits}_{n}_ATTACH{k}.{ext}
ATTACHMENT_NAME = re.compile(r"^(?P<prefix>.+?)_(?P<n>\d+)_ATTACH(?P<k>\d+)\.[^.]+$", re.IGNORECASE)
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
    """Given a letter's relative path and record dict, return {attachment position: relative path} of its files.

    A file pairs with a 附件 entry that names it, else by the exchange naming: a name
    「…{dispatch digits}_{n}_ATTACH{k}.ext」 beside the letter is its attachment k (positions past
    the 附件 list are appended)."""
    here = folders.get(folder_of(rel), {})
    attachments = letter.get("attachments") or []
    found: dict[int, str] = {}
    for position, attachment in enumerate(attachments):
        name = (attachment.get("file") or "").strip().lower()
        if name and name in here and here[name] != rel:
            found[position] = here[name]
    number = (letter.get("dispatch_no") or {}).get("number")
    if number:
        claimed = set(found.values())
        extra = len(attachments)
        for name, other in sorted(here.items()):
            match = ATTACHMENT_NAME.match(name)
            if not match or other in claimed or not match.group("prefix").endswith(number):
                continue
            position = int(match.group("k")) - 1
            if position in found or position >= len(attachments) or position < 0:
                position, extra = extra, extra + 1
            found[position] = other
    return found
