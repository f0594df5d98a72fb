"""Items made by a thread of their own while the caller uses the last ones: the batch process makes the next
documents (unpickling, record files, register rows: Python) while the index writes the ones before (SQLite, which
lets go of the interpreter's lock while it works), so the two halves of its one-writer work overlap."""
from __future__ import annotations

import threading
from collections.abc import Iterator
from queue import Empty, Full, Queue
from typing import TypeVar

T = TypeVar("T")
WAIT_SECONDS = 0.1  # how soon the thread sees that the caller stopped asking


def made_ahead(items: Iterator[T], ahead: int) -> Iterator[T]:
    """Given an iterator and how many of its items may wait made, yield its items in order, each made in a thread
    while the ones before are used; an error in making one is raised here. Closing this generator stops the thread
    (and closes the iterator) before it returns."""
    queue: Queue = Queue(maxsize=ahead)
    stop = threading.Event()

    def put(message: tuple) -> bool:
        while not stop.is_set():
            try:
                queue.put(message, timeout=WAIT_SECONDS)
                return True
            except Full:
                continue
        return False

    def make() -> None:
        try:
            for item in items:
                if not put((True, item)):
                    return
            put((False, None))
        except BaseException as exc:  # handed to the caller's thread, raised there
            put((False, exc))
        finally:
            close = getattr(items, "close", None)
            if close is not None:
                close()

    thread = threading.Thread(target=make, name="made-ahead", daemon=True)
    thread.start()
    try:
        while True:
            try:
                more, item = queue.get(timeout=WAIT_SECONDS)
            except Empty:
                if not thread.is_alive() and queue.empty():
                    raise RuntimeError("the thread making the items ended without a word") from None
                continue
            if not more:
                if item is not None:
                    raise item
                return
            yield item
    finally:
        stop.set()
        thread.join()
