"""Bytes kept for later by name in an unnamed temp file in the output folder (gone when closed, or when the batch
process dies): what the workers computed ahead waits there, not in the batch's memory, until it is written."""
from __future__ import annotations

import tempfile
from pathlib import Path

from pipeline.files import TEMP_PREFIX


class Spool:
    """Named pieces of bytes in one temp file (gone once closed)."""

    def __init__(self, folder: Path):
        self.file = tempfile.TemporaryFile(dir=folder, prefix=TEMP_PREFIX)
        self.places: dict[str, tuple[int, int]] = {}  # name → (offset, length)
        self.end = 0

    def put(self, name: str, data: bytes) -> None:
        """Given a name and bytes, keep the bytes under that name."""
        self.file.seek(self.end)
        self.file.write(data)
        self.places[name] = (self.end, len(data))
        self.end += len(data)

    def get(self, name: str) -> bytes | None:
        """Given a name, return the bytes kept under it, or None."""
        if name not in self.places:
            return None
        offset, length = self.places[name]
        self.file.seek(offset)
        return self.file.read(length)

    def close(self) -> None:
        """Close the temp file: its bytes are gone."""
        self.file.close()
