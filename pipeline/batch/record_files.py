"""The batch's record files: each written to a temp file beside it, all made durable by one sync of their file
system, then put in place (os.replace). A record file is whole or as it was, and a batch of 20,000 letters waits
for the disk once, not once a file. The names written and the files staged are listed on disk (on_disk.DiskDict),
not in memory."""
from __future__ import annotations

import ctypes
import os
import tempfile
import threading
from pathlib import Path

from pipeline.batch.on_disk import DiskDict
from pipeline.files import TEMP_PREFIX, current_umask, inside

_SYNCFS = getattr(ctypes.CDLL(None, use_errno=True), "syncfs", None)  # Linux; elsewhere os.sync


def sync_file_system(folder: Path) -> None:
    """Given a folder, flush to disk every file written on its file system."""
    fd = os.open(folder, os.O_RDONLY)
    try:
        if _SYNCFS is None or _SYNCFS(fd) != 0:
            os.sync()
    finally:
        os.close(fd)


class RecordFiles:
    """Record files being written into one folder (records/): staged one at a time, put in place together; used as
    a context manager, the staged files are removed when the batch stops before putting them in place."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.names = DiskDict()  # every file name this batch wants there
        self.staged = DiskDict()  # place → its temp file, of the files that change, as texts
        self.unsynced = 0  # files staged since the last sync began
        self.syncing: threading.Thread | None = None

    def write(self, name: str, data: bytes) -> None:
        """Given a file name in the folder and its bytes, stage them in a temp file (nothing when unchanged)."""
        path = inside(self.folder, name)
        self.names[name] = None
        self.discard_staged(str(path))  # written before in this batch: this write replaces that one
        try:
            if path.read_bytes() == data:
                return
        except OSError:
            pass
        fd, temp = tempfile.mkstemp(dir=self.folder, prefix=TEMP_PREFIX)
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
            os.chmod(temp, 0o666 & ~current_umask())
        except BaseException:
            Path(temp).unlink(missing_ok=True)
            raise
        self.staged[str(path)] = temp
        self.unsynced += 1

    def sync_ahead(self) -> None:
        """Start making the files staged so far durable, in a thread (the disk works while the batch does), so the
        commit waits only for those staged after."""
        if self.syncing is None and self.unsynced:
            self.unsynced = 0
            self.syncing = threading.Thread(target=sync_file_system, args=(self.folder,), name="sync-records")
            self.syncing.start()

    def discard_staged(self, path: str) -> None:
        """Given a place in the folder, remove the temp file staged for it, if any."""
        temp = self.staged.pop(path, None)
        if temp is not None:
            Path(temp).unlink(missing_ok=True)

    def forget(self, name: str) -> None:
        """Given a file name written before, take it back: its staged file is removed, and an old file of that name
        is removed at the commit (unless written again)."""
        self.names.pop(name, None)
        self.discard_staged(str(inside(self.folder, name)))

    def commit(self) -> None:
        """Make the staged files durable (one file-system sync), put each in place, and remove every record file
        this batch did not write."""
        if self.syncing is not None:
            self.syncing.join()
            self.syncing = None
        if self.unsynced:
            sync_file_system(self.folder)
        for path, temp in self.staged.items():
            os.replace(temp, path)
        self.staged.close()
        self.staged = DiskDict()
        with os.scandir(self.folder) as entries:  # read as it goes (a glob would list the folder in memory)
            for old in entries:
                if old.name.endswith(".json") and old.name not in self.names:
                    os.unlink(old.path)

    def __enter__(self) -> RecordFiles:
        return self

    def __exit__(self, *exc) -> None:
        """Remove the temp files of whatever was staged and not put in place (a write error, an interruption)."""
        if self.syncing is not None:
            self.syncing.join()
        for temp in self.staged.values():
            Path(temp).unlink(missing_ok=True)
        self.staged.close()
        self.names.close()
