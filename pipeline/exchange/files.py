"""Write a DI package into the output folder: attachments copied, then the roster, then the DI, each atomic."""
from __future__ import annotations

from pathlib import Path

from pipeline.errors import InputError
from pipeline.files import inside, write_atomic
from pipeline.read import read_bytes
from pipeline.exchange.conventions import conventions
from pipeline.exchange.di_write import DiPackage


def copy_attachments(package: DiPackage, folder: Path, source_folder: Path | None) -> tuple[list[Path], list[str]]:
    """Given a package, the output folder and the letter's own folder, copy its attachment files; return paths and notes."""
    written, notes = [], []
    for name in package.attachments:
        source = source_folder / name if source_folder else None
        target = inside(folder, name)
        if source is None or not source.is_file() or source.is_symlink():
            why = "is a symbolic link (links are not followed)" if source and source.is_symlink() else \
                "not found beside the letter"
            notes.append(f"attachment file {name} {why}: not copied")
            continue
        if source.resolve() != target.resolve():
            try:
                data = read_bytes(str(source), follow_links=False)
            except InputError as exc:
                notes.append(f"attachment file {name}: {exc.reason}: not copied")
                continue
            write_atomic(target, data)
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
