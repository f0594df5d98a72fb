"""Write a DI package into the output folder: attachments copied, then the roster, then the DI, each atomic."""
from __future__ import annotations

from pathlib import Path

from pipeline.files import inside, write_atomic
from pipeline.exchange.conventions import conventions
from pipeline.exchange.di_write import DiPackage


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
            write_atomic(target, source.read_bytes())
        written.append(target)
    return written, notes


def write_package(package: DiPackage, folder: Path, source_folder: Path | None) -> tuple[list[Path], list[str]]:
    """Given a package, the output folder and the letter's folder, write attachments, roster and DI; return paths and notes."""
    folder.mkdir(parents=True, exist_ok=True)
    suffixes = conventions()["files"]
    written, notes = copy_attachments(package, folder, source_folder)
    if package.roster is not None:
        roster = inside(folder, package.name + suffixes["roster_suffix"])
        write_atomic(roster, package.roster)
        written.append(roster)
    di = inside(folder, package.name + suffixes["letter_suffix"])
    write_atomic(di, package.di)
    written.append(di)
    return written, package.notes + notes
