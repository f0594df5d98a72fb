"""Parse a batch's inputs on a Dask distributed cluster: one task an input, each worker reading the file itself from
storage it shares with the batch (the inbox at the same path on every machine); the batch writes every output."""
from __future__ import annotations

import hashlib
import os
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import CancelledError
from queue import Empty, SimpleQueue
from typing import TypeVar

from pipeline.batch.discover import Input
from pipeline.batch.fingerprint import code_fingerprint
from pipeline.batch.guard import Limits
from pipeline.batch.work import WORKER_DIED, failure, parse_on_worker
from pipeline.errors import InputError
from pipeline.i18n import N_

CONNECT_SECONDS = 10  # how long to wait for the scheduler, then for its first worker
# how long a cluster may be left with no worker while parsing: a nanny restarting a worker its memory or CPU limit
# ended (importing gongwen, loading jieba) takes well over 10 s on a loaded machine
NO_WORKER_SECONDS = 60
TASKS_PER_THREAD = 4  # tasks handed out at once per worker thread: the workers stay busy, the batch's memory flat
WATCH_SECONDS = 1  # how often a batch waiting for its tasks asks the scheduler whether any worker is left
T = TypeVar("T")
LOST_SCHEDULER = N_("lost the Dask scheduler while parsing; run the same command again (parsed files are kept)")


def connect(address: str):
    """Given a scheduler address (tcp://HOST:PORT), return a dask Client connected to it; raise InputError when it
    cannot be reached, has no worker within CONNECT_SECONDS, or a worker runs another gongwen or several threads."""
    from distributed import Client
    try:
        client = Client(address, timeout=CONNECT_SECONDS, set_as_default=False)
    except (OSError, TimeoutError, ValueError) as exc:
        raise InputError(address, f"cannot reach the Dask scheduler: {' '.join(str(exc).split())}") from None
    try:
        check_workers(client, address)
    except BaseException:
        client.close()
        raise
    return client


def check_workers(client, address: str) -> None:
    """Given a connected client, raise InputError unless every worker runs this gongwen's parser in one thread."""
    try:
        client.wait_for_workers(1, timeout=CONNECT_SECONDS)
    except (OSError, TimeoutError):
        raise InputError(address, f"the Dask scheduler has no worker (waited {CONNECT_SECONDS} s)") from None
    try:
        fingerprints = client.run(code_fingerprint)
    except ImportError:
        raise InputError(address, "a Dask worker cannot import gongwen: install it on every worker") from None
    if set(fingerprints.values()) != {code_fingerprint()}:
        raise InputError(address, "a Dask worker runs another version of gongwen: install the same one on every "
                                  "worker")
    if any(n != 1 for n in client.nthreads().values()):
        raise InputError(address, "a Dask worker runs several threads: start workers with --nthreads 1 (the "
                                  "per-file time and memory limits are a process's)")
    from pipeline.batch.warm import WarmUp
    client.register_plugin(WarmUp())  # every worker, and every one that joins later, loads jieba before parsing


def task_key(i: Input, limits: Limits) -> str:
    """Given an input and its limits, return its task's key: the same file, content and limits, the same key."""
    digest = hashlib.sha256(os.fsencode(i.path) + f"\0{i.sha256}\0{limits.seconds}\0{limits.megabytes}".encode())
    return f"gongwen-parse-{digest.hexdigest()}"


def parse_on_cluster(client, inputs: Iterable[Input], limits: Limits = Limits()) -> Iterator[tuple[Input, dict]]:
    """Given a connected client and inputs, yield (input, what the batch receives: work.result_to_batch) as each
    finishes on the cluster, a bounded number handed out at a time. A task whose workers keep dying (distributed's
    allowed-failures) is WORKER_DIED; a task on a worker that died once runs again on another. Raise InputError when
    the scheduler is lost or the cluster has had no worker for NO_WORKER_SECONDS."""
    from distributed import KilledWorker
    upcoming = iter(inputs)
    waiting: dict[str, Input] = {}

    def submit():
        i = next(upcoming, None)
        if i is None:
            return None
        future = client.submit(parse_on_worker, i.path, i.rel, limits, key=task_key(i, limits), pure=False)
        waiting[future.key] = i
        return future
    finished: SimpleQueue = SimpleQueue()  # futures as they finish (done, failed or cancelled)
    window = max(1, sum(client.nthreads().values())) * TASKS_PER_THREAD
    for future in (submit() for _ in range(window)):
        if future is not None:
            future.add_done_callback(finished.put)
    while waiting:
        future = unless_alone(client, lambda: finished.get(timeout=WATCH_SECONDS))
        i = waiting.pop(future.key)
        try:  # a result lost with its worker is computed again: waited for as long as a worker is left
            result = unless_alone(client, lambda: future.result(timeout=WATCH_SECONDS))
        except KilledWorker:
            result = failure(WORKER_DIED)
        except (OSError, CancelledError) as exc:  # the scheduler went away
            raise InputError(client.scheduler.address, LOST_SCHEDULER) from exc
        future.release()
        yield i, result
        following = submit()
        if following is not None:
            following.add_done_callback(finished.put)


def unless_alone(client, wait: Callable[[], T]) -> T:
    """Given a connected client and a call that waits up to WATCH_SECONDS (raising Empty or TimeoutError when
    nothing came), return what it returns once something comes; raise InputError when the cluster has had no
    worker for NO_WORKER_SECONDS meanwhile (its tasks would wait for one for ever)."""
    alone_since = None
    while True:
        try:
            return wait()
        except (Empty, TimeoutError):
            pass
        try:
            workers = client.nthreads()
        except (OSError, TimeoutError) as exc:
            raise InputError(client.scheduler.address, LOST_SCHEDULER) from exc
        if workers:
            alone_since = None
        elif alone_since is None:
            alone_since = time.monotonic()
        elif time.monotonic() - alone_since >= NO_WORKER_SECONDS:
            raise InputError(client.scheduler.address, f"the Dask cluster has had no worker for {NO_WORKER_SECONDS} s "
                                                       "while parsing; start workers and run the same command again "
                                                       "(parsed files are kept)")
