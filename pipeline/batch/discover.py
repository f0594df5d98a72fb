"""Find the inputs of a batch and pair letters with their attachment files (exchange naming, 附件 file names)."""
from __future__ import annotations

import hashlib
import os
import stat
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from pipeline.attach import ATTACHMENT_NAME, attachment_positions
from pipeline.files import printable_path

ROSTER_SUFFIX = ".sw"  # 交換表 roster of a DI letter
CHUNK = 1 << 20
SQLITE_SIDE_FILES = ("-journal", "-wal", "-shm")  # files SQLite keeps beside the index while writing it
FILE_TYPES = ((stat.S_ISLNK, "symbolic link"), (stat.S_ISFIFO, "FIFO (named pipe)"), (stat.S_ISSOCK, "socket"),
              (stat.S_ISCHR, "character device"), (stat.S_ISBLK, "block device"), (stat.S_ISDIR, "folder"))


@dataclass
class Input:
    """One entry found in the inbox."""
    path: str  # as opened: the inbox joined with rel
    rel: str  # relative to the inbox, with / separators: the file's name in the manifest
    sha256: str | None  # None when the file was not or could not be read
    error: str | None = None  # why it could not be read (a failure)
    skipped: str | None = None  # why it is not read at all: a link or a special file (not a failure)


def mode_to_type(mode: int) -> str:
    """Given the mode (from stat) of a file that is not a regular file, return what kind of file it is, in words."""
    return next((name for test, name in FILE_TYPES if test(mode)), "special file")


def file_to_sha256(path: str) -> str:
    """Given the path of a regular file, return the sha256 of its bytes (read in chunks); raise OSError when it is
    not a regular file by the time it is opened (never follows a link, never waits on a FIFO)."""
    fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC)
    with os.fdopen(fd, "rb") as fh:
        mode = os.fstat(fh.fileno()).st_mode
        if not stat.S_ISREG(mode):
            raise OSError(f"became a {mode_to_type(mode)} while the batch ran")
        digest = hashlib.sha256()
        while chunk := fh.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def path_to_input(inbox: Path, path: Path) -> Input:
    """Given the inbox and an entry in it, return its Input: a regular file with its sha256, a link or special file
    with why it is skipped, or a file that cannot be read with why."""
    rel = printable_path(path.relative_to(inbox).as_posix())  # the name in manifest, register and index
    try:
        mode = os.lstat(path).st_mode
        if stat.S_ISLNK(mode):
            return Input(str(path), rel, None, skipped=f"symbolic link to {os.readlink(path)}: links are not followed")
        if not stat.S_ISREG(mode):
            return Input(str(path), rel, None, skipped=f"{mode_to_type(mode)}: only regular files are read")
        return Input(str(path), rel, file_to_sha256(str(path)))
    except FileNotFoundError:
        return Input(str(path), rel, None, "no such file (deleted while the batch ran)")
    except PermissionError:
        return Input(str(path), rel, None, "permission denied")
    except OSError as exc:
        return Input(str(path), rel, None, f"cannot read: {exc.strerror or exc}")


def outputs_to_exclude(output: Path, index: Path | None) -> frozenset[Path]:
    """Given the batch's output folder and index file (None: on a server), return the resolved paths discovery
    leaves out: the output folder, the index and the index's SQLite side files (a batch never reads what it writes)."""
    if index is None:
        return frozenset([output.resolve()])
    index = index.resolve()
    return frozenset([output.resolve(), index, *(index.with_name(index.name + side) for side in SQLITE_SIDE_FILES)])


def folder_to_entries(folder: Path, dirs: list[str], files: list[str], exclude: frozenset[Path]) -> list[Path]:
    """Given one folder of an os.walk, its sub-folder and file names and the paths to leave out, return the entries
    to list (files, and links to folders), and leave in ``dirs`` only the folders to walk into."""
    entries, walk_into = [], []
    for name in sorted(dirs):
        path = folder / name
        if path.is_symlink():
            entries.append(path)
        elif path.resolve() not in exclude:
            walk_into.append(name)
    dirs[:] = walk_into
    for name in files:
        path = folder / name
        if path.is_symlink() or path.resolve() not in exclude:
            entries.append(path)
    return entries


def inbox_to_inputs(inbox: Path, exclude: frozenset[Path] = frozenset()) -> list[Input]:
    """Given an inbox folder and the paths to leave out, return every entry under it, sorted by relative path:
    regular files hashed, links (never followed) and special files with why they are skipped."""
    paths = []
    for folder, dirs, files in os.walk(inbox):
        paths += folder_to_entries(Path(folder), dirs, files, exclude)
    return sorted((path_to_input(inbox, p) for p in paths), key=lambda i: i.rel)


def is_roster(rel: str) -> bool:
    """Given an input's relative path, return whether it is a DI 交換表 roster (.sw), read with its DI letter."""
    return rel.lower().endswith(ROSTER_SUFFIX)


def folder_of(rel: str) -> str:
    """Given a relative path, return its folder part ('' for the inbox itself)."""
    return str(PurePosixPath(rel).parent) if "/" in rel else ""


@dataclass
class Folder:
    """The files of one inbox folder, found the two ways attachment files pair with a letter."""
    names: dict[str, str] = field(default_factory=dict)  # lower-case file name → relative path
    # exchange names 「{機關代碼}{發文字號 digits}_{n}_ATTACH{k}.ext」 (lower case) by every tail of their prefix, so
    # a letter finds its own by its digits without trying every file of the folder
    by_number: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))


def names_by_folder(rels: list[str]) -> dict[str, Folder]:
    """Given relative paths, return {folder: its Folder of names}."""
    out: dict[str, Folder] = {}
    for rel in rels:
        folder = out.setdefault(folder_of(rel), Folder())
        name = PurePosixPath(rel).name.lower()
        folder.names[name] = rel
        match = ATTACHMENT_NAME.match(name)
        if match:
            prefix = match.group("prefix")
            for start in range(len(prefix)):
                folder.by_number[prefix[start:]].append(name)
    return out


def letter_to_attachment_files(rel: str, letter: dict, folders: dict[str, Folder]) -> dict[int, str]:
    """Given a letter's relative path and record dict, return {attachment position: relative path} of its files
    (pipeline.attach.attachment_positions: named in 附件, else by the exchange naming), trying only the files
    that rule can pick: those the 附件 names and the exchange names ending in the letter's digits."""
    here = folders.get(folder_of(rel)) or Folder()
    files = [attachment.get("file") for attachment in letter.get("attachments") or []]
    number = (letter.get("dispatch_no") or {}).get("number")
    candidates = {(file or "").strip().lower() for file in files} | set(here.by_number.get(number or "", ()))
    others = [PurePosixPath(here.names[name]).name for name in sorted(candidates)
              if name in here.names and here.names[name] != rel]
    return {position: here.names[name.lower()] for position, name in attachment_positions(files, number, others).items()}
