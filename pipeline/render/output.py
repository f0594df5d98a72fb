"""Names of rendered files: safe, distinct, inside the output folder."""
from __future__ import annotations

from pathlib import Path

from pipeline.files import inside, safe_stem


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
    return inside(folder, f"{safe_stem(stem)}.{extension}")
