"""Bytes kept for later by name in an unnamed temp file in the output folder (gone when closed, or when the batch
process dies): what the workers computed ahead, and every input's parse summary, wait there, not in the batch's
memory, until they are read; where each piece lies is kept as a mapping that moves to disk as it grows
(on_disk.DiskDict)."""
from __future__ import annotations

import pickle
import tempfile
from collections.abc import Iterator, Mapping
from pathlib import Path

from pipeline.batch.on_disk import DiskDict
from pipeline.files import TEMP_PREFIX


class Spool:
    """Named pieces of bytes in one temp file (gone once closed)."""

    def __init__(self, folder: Path):
        self.file = tempfile.TemporaryFile(dir=folder, prefix=TEMP_PREFIX)
        self.places = DiskDict()  # name → (offset, length): where its bytes lie in the file
        self.end = 0

    def put(self, name: str, data: bytes) -> None:
        """Given a name and bytes, keep the bytes under that name."""
        self.file.seek(self.end)
        self.file.write(data)
        self.places[name] = (self.end, len(data))
        self.end += len(data)

    def get(self, name: str) -> bytes | None:
        """Given a name, return the bytes kept under it, or None."""
        place = self.places.get(name)
        if place is None:
            return None
        self.file.seek(place[0])
        return self.file.read(place[1])

    def __contains__(self, name) -> bool:
        return name in self.places

    def names(self) -> Iterator[str]:
        """Yield the names kept, in order (code point order, as Python sorts texts)."""
        return iter(self.places)

    def __len__(self) -> int:
        return len(self.places)

    def close(self) -> None:
        """Close the temp file and its places: its bytes are gone."""
        self.file.close()
        self.places.close()


class SpooledValues(Mapping):
    """A mapping whose values wait pickled in a spool: set one, and it is written there; read one, and it is read
    back (a fresh copy each time); iterated in the names' order. Nothing of them stays in memory."""

    def __init__(self, folder: Path):
        self.spool = Spool(folder)

    def __setitem__(self, name: str, value) -> None:
        self.spool.put(name, pickle.dumps(value, pickle.HIGHEST_PROTOCOL))

    def __getitem__(self, name: str):
        data = self.spool.get(name)
        if data is None:
            raise KeyError(name)
        return pickle.loads(data)

    def __contains__(self, name) -> bool:
        return name in self.spool

    def __iter__(self) -> Iterator[str]:
        return self.spool.names()

    def __len__(self) -> int:
        return len(self.spool)

    def close(self) -> None:
        """Close the spool: the values are gone."""
        self.spool.close()
