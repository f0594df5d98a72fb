"""Find original files inside the --originals folder only: no path traversal, no symlink that leads out."""
from __future__ import annotations

from pathlib import Path, PurePosixPath


def safe_original(folder: Path, name: str) -> Path | None:
    """Given the originals folder and a relative name from a URL or the index, return the file it names when that
    file, symlinks resolved, lies inside the folder; None otherwise (absolute, .., a link out, missing)."""
    relative = PurePosixPath(name.replace("\\", "/"))
    parts = relative.parts
    if not parts or relative.is_absolute() or ".." in parts or ":" in parts[0]:
        return None
    root = folder.resolve()
    path = (root / Path(*parts)).resolve()
    if not path.is_relative_to(root) or not path.is_file():
        return None
    return path


def original_name(folder: Path, source_path: str | None) -> str | None:
    """Given the originals folder and a document's source path as the batch recorded it, return its name relative
    to the folder: the longest tail of the path (down to the file name) that is a file inside it."""
    if not source_path:
        return None
    path = PurePosixPath(source_path.replace("\\", "/"))
    parts = path.parts[1:] if path.is_absolute() else path.parts
    for start in range(len(parts)):
        name = "/".join(parts[start:])
        if safe_original(folder, name):
            return name
    return None
