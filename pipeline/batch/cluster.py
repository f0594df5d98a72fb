"""Parse a batch's inputs on a Dask distributed cluster: one task an input, each worker reading the file itself from
storage it shares with the batch (the inbox at the same path on every machine); the batch writes every output."""
from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable, Iterator
from concurrent.futures import CancelledError

from pipeline.batch.discover import Input
from pipeline.batch.fingerprint import code_fingerprint
from pipeline.batch.guard import Limits
from pipeline.batch.work import WORKER_DIED, failure, parse_on_worker
from pipeline.errors import InputError
from pipeline.i18n import N_

CONNECT_SECONDS = 10  # how long to wait for the scheduler, then for its first worker
TASKS_PER_THREAD = 4  # tasks handed out at once per worker thread: the workers stay busy, the batch's memory flat
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
    """Given a connected client and inputs, yield (input, what the batch receives: work.result_to_batch) as each finishes on the cluster, a bounded
    number handed out at a time. A task whose workers keep dying (distributed's allowed-failures) is WORKER_DIED;
    a task on a worker that died once runs again on another."""
    from distributed import KilledWorker, as_completed
    queue = iter(inputs)
    waiting: dict[str, Input] = {}

    def submit():
        i = next(queue, None)
        if i is None:
            return None
        future = client.submit(parse_on_worker, i.path, i.rel, limits, key=task_key(i, limits), pure=False)
        waiting[future.key] = i
        return future
    window = max(1, sum(client.nthreads().values())) * TASKS_PER_THREAD
    running = as_completed([f for f in (submit() for _ in range(window)) if f is not None], loop=client.loop)
    for future in running:
        i = waiting.pop(future.key)
        try:
            result = future.result()
        except KilledWorker:
            result = failure(WORKER_DIED)
        except (OSError, TimeoutError, CancelledError) as exc:  # the scheduler went away
            raise InputError(client.scheduler.address, LOST_SCHEDULER) from exc
        future.release()
        yield i, result
        following = submit()
        if following is not None:
            running.add(following)
