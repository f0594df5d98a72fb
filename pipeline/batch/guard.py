"""Per-file limits in batch workers: a time limit (an interval timer in a process's main thread, an exception
raised into the parsing thread elsewhere, as in a Dask worker; both backed by a CPU-time limit that ends the
worker even inside C code such as PDFium, where neither can interrupt) and a memory limit (the address space)."""
from __future__ import annotations

import ctypes
import math
import os
import resource
import signal
import threading
from contextlib import contextmanager
from dataclasses import dataclass

DEFAULT_TIME_LIMIT = 60.0  # seconds one input may take (the slowest sample: under 3 s)
DEFAULT_MEMORY_LIMIT = 1024  # MB one input may add to its worker (the largest sample: under 60 MB)
CPU_BACKSTOP = 2  # the CPU-time limit is this many times the time limit, past the CPU time used before


@dataclass(frozen=True)
class Limits:
    """What one input may cost: seconds and megabytes (0 means no limit)."""
    seconds: float = DEFAULT_TIME_LIMIT
    megabytes: int = DEFAULT_MEMORY_LIMIT

    def as_dict(self) -> dict:
        """Return the limits as stored beside a cached failure (a failure under other limits is retried)."""
        return {"seconds": self.seconds, "megabytes": self.megabytes}


class OverTime(Exception):
    """The input took longer than its time limit."""


def _over_time(signum, frame):
    raise OverTime


def cpu_seconds() -> float:
    """Return the CPU time this process has used (user and system)."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def address_space() -> int:
    """Return this process's current address-space size in bytes."""
    with open("/proc/self/statm") as fh:
        return int(fh.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")


@contextmanager
def alarm(seconds: float):
    """Run the body with OverTime raised in it past ``seconds`` (0: never): a SIGALRM timer in the main thread; in
    another thread (a Dask worker's) OverTime set into that thread, which Python raises between two bytecodes."""
    if not seconds:
        yield
    elif threading.current_thread() is threading.main_thread():
        previous = signal.signal(signal.SIGALRM, _over_time)
        try:
            signal.setitimer(signal.ITIMER_REAL, seconds)
            yield
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)
    else:
        with thread_alarm(seconds):
            yield


@contextmanager
def thread_alarm(seconds: float):
    """Run the body (in a thread that is not the main one) with OverTime raised in it past ``seconds``."""
    target, lock, state = ctypes.c_ulong(threading.get_ident()), threading.Lock(), {"over": False, "fired": False}

    def fire() -> None:
        with lock:
            if not state["over"]:
                ctypes.pythonapi.PyThreadState_SetAsyncExc(target, ctypes.py_object(OverTime))
                state["fired"] = True
    timer = threading.Timer(seconds, fire)
    timer.daemon = True
    timer.start()
    try:
        yield
    finally:
        while True:  # the timer may fire at the very end: its OverTime, not yet raised, is cleared, or comes here
            try:
                with lock:
                    state["over"] = True
                    if state["fired"]:
                        ctypes.pythonapi.PyThreadState_SetAsyncExc(target, None)
                timer.cancel()
                break
            except OverTime:
                continue


@contextmanager
def limited(limits: Limits):
    """Run the body under ``limits``: OverTime past the seconds, MemoryError past the megabytes; restore both after.

    The limits are the process's: in a worker that parses in several threads at once they would be shared."""
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    cpu_soft, cpu_hard = resource.getrlimit(resource.RLIMIT_CPU)
    try:
        if limits.seconds:  # the kernel ends the worker (SIGXCPU) if OverTime is never raised
            backstop = math.ceil(cpu_seconds() + CPU_BACKSTOP * limits.seconds) + 1
            if cpu_hard == resource.RLIM_INFINITY or backstop < cpu_hard:
                resource.setrlimit(resource.RLIMIT_CPU, (backstop, cpu_hard))
        if limits.megabytes:
            cap = address_space() + limits.megabytes * 1024 * 1024
            resource.setrlimit(resource.RLIMIT_AS, (cap if hard == resource.RLIM_INFINITY else min(cap, hard), hard))
        with alarm(limits.seconds):
            yield
    finally:
        if limits.seconds:
            resource.setrlimit(resource.RLIMIT_CPU, (cpu_soft, cpu_hard))
        if limits.megabytes:
            resource.setrlimit(resource.RLIMIT_AS, (soft, hard))
