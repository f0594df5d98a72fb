"""Write a DI package into the output folder: attachments copied, then the roster, then the DI, each atomic."""
from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from pipeline.errors import InputError
from pipeline.exchange.conventions import conventions
from pipeline.exchange.di_write import DiPackage


def inside(folder: Path, name: str) -> Path:
    """Given the output folder and a file name, return the path in it; raise InputError when it would leave it."""
    path = folder / name
    if path.resolve().parent != folder.resolve():
        raise InputError(str(path), "refusing to write outside the output folder")
    return path


def write_atomic(path: Path, write) -> None:
    """Given a path and a function writing to a binary file, write via a temporary file in the folder, then os.replace."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            write(fh)
            fh.flush()
            os.fsync(fh.fileno())
        mask = os.umask(0o022)
        os.umask(mask)
        os.chmod(tmp, 0o666 & ~mask)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def copy_attachments(package: DiPackage, folder: Path, source_folder: Path | None) -> tuple[list[Path], list[str]]:
    """Given a package, the output folder and the letter's own folder, copy its attachment files; return paths and notes."""
    written, notes = [], []
    for name in package.attachments:
        source = source_folder / name if source_folder else None
        target = inside(folder, name)
        if source is None or not source.is_file():
            notes.append(f"attachment file {name} not found beside the letter: not copied")
            continue
        if source.resolve() != target.resolve():
            with source.open("rb") as src:
                write_atomic(target, lambda fh: shutil.copyfileobj(src, fh))
        written.append(target)
    return written, notes


def write_package(package: DiPackage, folder: Path, source_folder: Path | None) -> tuple[list[Path], list[str]]:
    """Given a package, the output folder and the letter's folder, write attachments, roster and DI; return paths and notes."""
    folder.mkdir(parents=True, exist_ok=True)
    suffixes = conventions()["files"]
    written, notes = copy_attachments(package, folder, source_folder)
    if package.roster is not None:
        roster = inside(folder, package.name + suffixes["roster_suffix"])
        write_atomic(roster, lambda fh: fh.write(package.roster))
        written.append(roster)
    di = inside(folder, package.name + suffixes["letter_suffix"])
    write_atomic(di, lambda fh: fh.write(package.di))
    written.append(di)
    return written, package.notes + notes
