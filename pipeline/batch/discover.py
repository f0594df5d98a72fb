"""Find the inputs of a batch and pair letters with their attachment files (exchange naming, 附件 file names)."""
from __future__ import annotations

import hashlib
import os
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from pipeline.attach import ATTACHMENT_NAME, attachment_positions
from pipeline.batch.on_disk import DiskDict, temp_database
from pipeline.errors import InputError
from pipeline.files import printable_path

ROSTER_SUFFIX = ".sw"  # 交換表 roster of a DI letter
CHUNK = 1 << 20
SQLITE_SIDE_FILES = ("-journal", "-wal", "-shm")
UNLISTED = "folder cannot be listed ({reason}): its files were not read"  # files SQLite keeps beside the index while writing it
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


def path_to_input(path: str, rel: str) -> Input:
    """Given an entry's path and its path in the inbox, return its Input: a regular file with its sha256, a link or
    special file with why it is skipped, or a file that cannot be read with why."""
    rel = printable_path(rel)  # the name in manifest, register and index
    try:
        mode = os.lstat(path).st_mode
        if stat.S_ISLNK(mode):
            return Input(path, rel, None, skipped=f"symbolic link to {os.readlink(path)}: links are not followed")
        if not stat.S_ISREG(mode):
            return Input(path, rel, None, skipped=f"{mode_to_type(mode)}: only regular files are read")
        return Input(path, rel, file_to_sha256(path))
    except FileNotFoundError:
        return Input(path, rel, None, "no such file (deleted while the batch ran)")
    except PermissionError:
        return Input(path, rel, None, "permission denied")
    except OSError as exc:
        return Input(path, rel, None, f"cannot read: {exc.strerror or exc}")


def outputs_to_exclude(output: Path, index: Path | None) -> frozenset[Path]:
    """Given the batch's output folder and index file (None: on a server), return the resolved paths discovery
    leaves out: the output folder, the index and the index's SQLite side files (a batch never reads what it writes)."""
    if index is None:
        return frozenset([output.resolve()])
    index = index.resolve()
    return frozenset([output.resolve(), index, *(index.with_name(index.name + side) for side in SQLITE_SIDE_FILES)])


def folder_to_entries(folder: str, exclude: frozenset[str]) -> Iterator[tuple[str, str, bool]]:
    """Given a folder's path (as pathlib writes it) and the resolved paths to leave out, yield (path, name, is a
    folder to walk into) of its entries as the file system lists them, one at a time (a folder of 100,000 files is
    never listed in memory): files and links (never followed, a link to a folder too) as entries, the folders that
    are not left out to walk into. The folder is resolved once: an entry that is no link resolves to it and its name.
    Raise OSError when the folder cannot be listed."""
    listing = os.scandir(folder)
    resolved = os.path.realpath(folder)
    with listing:
        for entry in listing:
            path = entry.name if folder == "." else os.path.join(folder, entry.name)
            if entry.is_symlink():
                yield path, entry.name, False
            elif os.path.join(resolved, entry.name) not in exclude:
                yield path, entry.name, entry.is_dir(follow_symlinks=False)


class Inputs:
    """Inputs kept on disk (on_disk.DiskDict by relative path): iterated in path order, one read at a time, and
    looked up by path; the batch holds none of them in memory."""

    def __init__(self):
        self.by_rel = DiskDict()

    def add(self, i: Input) -> None:
        """Given an input, keep it."""
        self.by_rel[i.rel] = i

    def __getitem__(self, rel: str) -> Input:
        return self.by_rel[rel]

    def __iter__(self) -> Iterator[Input]:
        return self.by_rel.values()

    def __len__(self) -> int:
        return len(self.by_rel)

    def __contains__(self, rel) -> bool:
        return rel in self.by_rel

    def place(self, rel: str) -> int:
        """Given an input's path, return its place among the inputs in path order, from 0."""
        return self.by_rel.position(rel)

    def close(self) -> None:
        """Forget the inputs (their temp database is gone)."""
        self.by_rel.close()


def inbox_to_inputs(inbox: Path, exclude: frozenset[Path] = frozenset()) -> Inputs:
    """Given an inbox folder and the paths to leave out, return every entry under it, by relative path: regular
    files hashed, links (never followed) and special files with why they are skipped, and a folder that cannot be
    listed as a failure of its own (its files unread, never silently left out); raise InputError when the inbox
    itself cannot be listed."""
    excluded = frozenset(str(path) for path in exclude)
    inputs, folders = Inputs(), [(str(inbox), "")]  # (folder, its path in the inbox with a trailing /)
    while folders:
        folder, prefix = folders.pop()
        try:
            for path, name, is_folder in folder_to_entries(folder, excluded):
                if is_folder:
                    folders.append((path, f"{prefix}{name}/"))
                else:
                    inputs.add(path_to_input(path, prefix + name))
        except OSError as exc:
            reason = exc.strerror or str(exc)
            if not prefix:
                raise InputError(str(inbox), f"cannot list the inbox: {reason}") from None
            inputs.add(Input(folder, printable_path(prefix.rstrip("/")), None, UNLISTED.format(reason=reason)))
    return inputs


def is_roster(rel: str) -> bool:
    """Given an input's relative path, return whether it is a DI 交換表 roster (.sw), read with its DI letter."""
    return rel.lower().endswith(ROSTER_SUFFIX)


def folder_of(rel: str) -> str:
    """Given a relative path, return its folder part ('' for the inbox itself)."""
    return str(PurePosixPath(rel).parent) if "/" in rel else ""


class FolderNames:
    """The inbox's file names by folder, on disk, found the two ways attachment files pair with a letter: by name
    (case aside), and for exchange names 「{機關代碼}{發文字號 digits}_{n}_ATTACH{k}.ext」 by the digits their prefix
    ends in (kept reversed, so a letter finds its own by its digits without trying every file of the folder)."""

    def __init__(self):
        self.conn = temp_database()
        self.conn.execute("CREATE TABLE names (folder TEXT, name TEXT, rel TEXT, PRIMARY KEY (folder, name)) WITHOUT ROWID")
        self.conn.execute("CREATE TABLE exchange (folder TEXT, reversed_prefix TEXT, name TEXT)")
        self.conn.execute("CREATE INDEX exchange_by_digits ON exchange (folder, reversed_prefix)")

    def add(self, rel: str) -> None:
        """Given a file's relative path, note its name (lower case) in its folder."""
        folder, name = folder_of(rel), PurePosixPath(rel).name.lower()
        self.conn.execute("INSERT OR REPLACE INTO names VALUES (?, ?, ?)", (folder, name, rel))
        match = ATTACHMENT_NAME.match(name)
        if match:
            self.conn.execute("INSERT INTO exchange VALUES (?, ?, ?)", (folder, match.group("prefix")[::-1], name))

    def rel_of(self, folder: str, name: str) -> str | None:
        """Given a folder and a lower-case file name, return that file's relative path, or None."""
        row = self.conn.execute("SELECT rel FROM names WHERE folder = ? AND name = ?", (folder, name)).fetchone()
        return row[0] if row else None

    def ending_in(self, folder: str, digits: str) -> set[str]:
        """Given a folder and a 發文字號's digits, return the lower-case exchange names there whose prefix ends in
        them."""
        if not digits:
            return set()
        tail = digits[::-1]  # the reversed prefixes that start with it: from it up to it followed by the last code point
        rows = self.conn.execute("SELECT name FROM exchange WHERE folder = ? AND reversed_prefix >= ?"
                                 " AND reversed_prefix < ?", (folder, tail, tail + "\U0010ffff"))
        return {name for (name,) in rows}

    def close(self) -> None:
        """Forget the names (their temp database is gone)."""
        self.conn.close()


def names_by_folder(rels: Iterable[str]) -> FolderNames:
    """Given relative paths, return their names by folder."""
    out = FolderNames()
    for rel in rels:
        out.add(rel)
    return out


def letter_to_attachment_files(rel: str, letter: dict, folders: FolderNames) -> dict[int, str]:
    """Given a letter's relative path, record dict and the inbox's names by folder, return {attachment position:
    relative path} of its files (pipeline.attach.attachment_positions: named in 附件, else by the exchange naming),
    trying only the files that rule can pick: those the 附件 names and the exchange names ending in the letter's
    digits."""
    folder = folder_of(rel)
    files = [attachment.get("file") for attachment in letter.get("attachments") or []]
    number = (letter.get("dispatch_no") or {}).get("number")
    candidates = {(file or "").strip().lower() for file in files} | folders.ending_in(folder, number or "")
    found = {name: other for name in candidates if (other := folders.rel_of(folder, name)) and other != rel}
    others = [PurePosixPath(found[name]).name for name in sorted(found)]
    return {position: folders.rel_of(folder, name.lower())
            for position, name in attachment_positions(files, number, others).items()}
