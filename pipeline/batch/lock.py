"""One batch at a time in an output folder: an exclusive lock on the folder itself, held while the batch runs."""
from __future__ import annotations

import fcntl
import os
from pathlib import Path

from pipeline.errors import InputError

HELD: list[int] = []  # the descriptor by which this process holds its output folder's lock (worker processes forked
# from it inherit a copy, which would hold the lock too: let_go_of_inherited_lock)


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
    HELD.append(fd)
    return fd


def unlock_output(fd: int) -> None:
    """Given the descriptor lock_output returned, release the lock."""
    HELD.remove(fd)
    os.close(fd)


def let_go_of_inherited_lock() -> None:
    """In a worker process forked from the batch process, close its copies of the batch's lock descriptors: the
    lock is the batch process's alone, so a worker still exiting after its batch was killed never keeps the next
    batch out."""
    while HELD:
        os.close(HELD.pop())
