"""One batch at a time in an output folder: an exclusive lock on the folder itself, held while the batch runs."""
from __future__ import annotations

import fcntl
import os
from pathlib import Path

from pipeline.errors import InputError


def lock_output(output: Path) -> int:
    """Given the output folder, return an open descriptor holding its exclusive lock (released when the process
    ends, even by SIGKILL); raise InputError at once when another batch holds it."""
    fd = os.open(output, os.O_RDONLY | os.O_DIRECTORY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        os.close(fd)
        raise InputError(str(output), "another gongwen batch is writing this output folder; "
                                      "wait for it to finish, or use another -o") from None
    return fd
