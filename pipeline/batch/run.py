"""Run a batch: check the settings, parse new or changed inputs in worker processes, then write every output."""
from __future__ import annotations

import json
import os
import pickle
import sqlite3
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache, partial
from itertools import islice
from pathlib import Path
from typing import Protocol

from pipeline.batch.ahead import Ahead, is_as_planned, joined_to_ahead
from pipeline.batch.cache_journal import UPSERT, CacheJournal, recover_journal, remove_journal
from pipeline.batch.assemble import FAILED, SKIPPED, Entry, Grouping, Planned, outcome_entries, plan, \
    planned_to_document, result_to_summary
from pipeline.batch.claim import CLAIM_NAME, check_claim, write_claim
from pipeline.batch.cluster import connect, parse_on_cluster
from pipeline.batch.guard import DEFAULT_MEMORY_LIMIT, DEFAULT_TIME_LIMIT, Limits
from pipeline.batch.lock import lock_output, unlock_output
from pipeline.batch.fingerprint import code_fingerprint
from pipeline.batch.discover import Input, Inputs, inbox_to_inputs, is_roster, names_by_folder, outputs_to_exclude
from pipeline.batch.manifest import entries_to_counts, manifest_chunks
from pipeline.batch.on_disk import DiskDict
from pipeline.batch.overlap import made_ahead
from pipeline.batch.record_files import RecordFiles
from pipeline.batch.register import letter_to_register_entry, register_chunks
from pipeline.batch.spool import Spool, SpooledValues
from pipeline.batch.streaming import IndexWriter, LetterFiles, Streamer, Written
from pipeline.batch.work import WORKER_DIED, failure, parse_for_batch, parse_several, start_builder, \
    start_worker, warm_up
from pipeline.errors import InputError
from pipeline.files import json_bytes, prepare_folder, printable_path, remove_temp_files, \
    write_atomic_chunks
from pipeline.index.engine import check_index, create_index, engine_of, is_postgres, write_lock
from pipeline.index.write import IndexEntry, key_to_id
from pipeline.records import LETTER_SCHEMAS_READ

CACHE_FLUSH_SECONDS = 1.0  # parse results are committed at least this often, or every CACHE_FLUSH_COUNT results
CACHE_FLUSH_COUNT = 50
TASKS_PER_WORKER = 4  # tasks handed to the pool at once per worker: the workers stay busy, the batch's memory flat
FILES_PER_TASK = 8  # files a task parses: the batch process hands out and receives a task, not a file, at a time
BUILD_AHEAD = 32  # documents whose builds on the workers run ahead of the one being written
MADE_AHEAD = 8  # documents made ready (record file staged, index parts) ahead of the one being indexed


@dataclass
class Settings:
    """A batch's validated settings."""
    inbox: Path
    output: Path
    index: Path | str  # an SQLite file, or a postgresql:// URL
    jobs: int
    limits: Limits = Limits()
    lock: int | None = None  # the descriptor holding the output folder's lock for the batch's lifetime
    client: object | None = None  # a dask distributed Client when the parsing runs on a cluster (--scheduler)

    def close(self) -> None:
        """Release what the batch held: the output folder's lock and the cluster connection."""
        if self.client is not None:
            self.client.close()
        if self.lock is not None:
            unlock_output(self.lock)
            self.lock = None


@dataclass
class Summary:
    """What a batch did, for the closing lines and the exit status."""
    counts: dict[str, int]
    parsed_now: int  # inputs parsed in this run (the others were unchanged)
    reused: int  # inputs skipped because their sha256 was unchanged
    failures: list[tuple[str, str]] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # links and special files, with why
    index: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0
    partial: int = 0  # letters registered as partial records ("complete": false)

    @property
    def exit_code(self) -> int:
        """0 when every input was accounted for without failure, 2 when some failed."""
        return 2 if self.counts.get(FAILED) else 0


class Progress(Protocol):
    """Where the batch reports as it goes (a progress bar, or log lines)."""
    def start(self, total: int, reused: int) -> None: ...
    def done(self, rel: str, result: dict) -> None: ...
    def finish(self) -> None: ...


def validate_settings(raw: dict) -> Settings:
    """Given raw settings {inbox, output, index?, jobs?, scheduler?, time_limit?, memory_limit?}, return Settings;
    raise InputError for bad ones.

    Everything is checked before the output folders are created, so a refused batch writes nothing."""
    inbox = Path(raw["inbox"])
    if not inbox.exists():
        raise InputError(str(inbox), "no such folder")
    if not inbox.is_dir():
        raise InputError(str(inbox), "is a file: batch reads a folder of letters (one letter: gongwen parse FILE)")
    output = Path(raw["output"])
    if output.exists() and not output.is_dir():
        raise InputError(str(output), "output folder exists and is not a folder")
    if output.resolve() == inbox.resolve():
        raise InputError(str(output), "the output folder is the inbox; use another -o")
    index = raw.get("index") or output / "index.sqlite"
    index = str(index) if is_postgres(index) else Path(index)
    jobs = (os.cpu_count() or 1) if raw.get("jobs") is None else raw["jobs"]
    if not isinstance(jobs, int) or jobs < 1:
        raise InputError(None, f"--jobs must be a whole number of at least 1, not {jobs!r}")
    limits = Limits(*(raw.get(k) if raw.get(k) is not None else d for k, d in
                      (("time_limit", DEFAULT_TIME_LIMIT), ("memory_limit", DEFAULT_MEMORY_LIMIT))))
    if limits.seconds < 0 or limits.megabytes < 0:
        raise InputError(None, "--time-limit and --memory-limit must be 0 (no limit) or more")
    check_index(index)
    check_claim(output, str(inbox.resolve()))
    for name in ("register.csv", "manifest.json", CLAIM_NAME):
        if (output / name).is_dir():
            raise InputError(str(output / name), "is a folder: the batch writes a file there; move it away")
    client = connect(raw["scheduler"]) if raw.get("scheduler") else None
    settings = Settings(inbox, output, index, jobs, limits, client=client)
    try:
        prepare_folder(output, "output folder")
        settings.lock = lock_output(output)
        check_claim(output, str(inbox.resolve()))  # again under the lock: two batches started together
        prepare_folder(output / "records", "records folder")
        if isinstance(index, Path):
            prepare_folder(index.parent, "index folder")
    except BaseException:
        settings.close()
        raise
    return settings


@lru_cache(maxsize=4096)
def resolved_folder(folder: str) -> str:
    """Given a folder path, return it absolute with its links resolved (once per folder, not once per file)."""
    return str(Path(folder).resolve())


def cache_key(i: Input) -> str:
    """Given an input, return the key of its cached result: its absolute path, as text."""
    folder, name = os.path.split(i.path)
    return printable_path(os.path.join(resolved_folder(folder or "."), name))


def cached_results(conn: sqlite3.Connection, inputs: Iterable[Input], fingerprint: str,
                   limits: Limits = Limits()) -> Iterator[tuple[str, dict]]:
    """Given inputs, yield (rel, result summary) of those parsed before with the same sha256 and parser."""
    for i in inputs:
        row = conn.execute("SELECT sha256, fingerprint, result FROM parsed WHERE path = ?",
                           (cache_key(i),)).fetchone()
        if row and row[0] == i.sha256 and row[1] == fingerprint:
            result = json.loads(row[2])
            if result.get("limits") in (None, limits.as_dict()):  # a limit failure under other limits: retried
                yield i.rel, result_to_summary(result)


def save_results(conn: sqlite3.Connection, rows: list[tuple[Input, dict]], fingerprint: str,
                 journal: CacheJournal | None = None) -> None:
    """Given (input, what the batch received: summary and JSON) pairs, store the cacheable results by path, sha256
    and parser: committed at once, or, with a journal (the index's transaction open while the files are parsed),
    inside the index's transaction and committed to the journal."""
    cached = [(cache_key(i), (r["summary"].get("record") or {}).get("source", {}).get("sha256") or i.sha256,
               fingerprint, r["json"]) for i, r in rows if r["json"] is not None]
    if journal is None:
        with conn:
            conn.executemany(UPSERT, cached)
    else:
        conn.executemany(UPSERT, cached)
        journal.save(cached)


class PendingResults:
    """Parse results received and not yet stored in the parse cache: stored every CACHE_FLUSH_COUNT results or
    CACHE_FLUSH_SECONDS, or when asked (a letter about to be joined with its files reads theirs from the cache)."""

    def __init__(self, conn, fingerprint: str, journal: CacheJournal | None):
        self.conn, self.fingerprint, self.journal = conn, fingerprint, journal
        self.rows: list[tuple[Input, dict]] = []
        self.flushed = time.monotonic()

    def add(self, i: Input, received: dict) -> None:
        """Given an input and what the batch received for it, keep it, storing those kept when it is time."""
        self.rows.append((i, received))
        if len(self.rows) >= CACHE_FLUSH_COUNT or time.monotonic() - self.flushed > CACHE_FLUSH_SECONDS:
            self.flush()

    def flush(self) -> None:
        """Store the results kept."""
        if self.rows:
            save_results(self.conn, self.rows, self.fingerprint, self.journal)
        self.rows, self.flushed = [], time.monotonic()


def cached_texts(conn: sqlite3.Connection, inputs: list[Input], summaries: Mapping[str, dict]) -> dict[str, str]:
    """Given inputs and their summaries, return {rel: full result as JSON} of each from the parse cache (where this
    run stored it), or its summary's JSON when it failed (a failure carries nothing more)."""
    out = {}
    for i in inputs:
        summary = summaries[i.rel]
        row = conn.execute("SELECT result FROM parsed WHERE path = ?", (cache_key(i),)).fetchone() \
            if summary["ok"] else None
        out[i.rel] = row[0] if row else json.dumps(summary, ensure_ascii=False)
    return out


def full_results(conn: sqlite3.Connection, inputs: list[Input], summaries: Mapping[str, dict]) -> dict[str, dict]:
    """Given inputs and their summaries, return {rel: full result} of each (cached_texts, decoded)."""
    return {rel: json.loads(text) for rel, text in cached_texts(conn, inputs, summaries).items()}


def prune_cache(conn: sqlite3.Connection, scope: str, inputs: Iterable[Input]) -> None:
    """Given the inbox scope and its current inputs, forget cached results of files no longer there (the current
    ones' keys, and the stale ones, listed on disk)."""
    current, stale = DiskDict(), DiskDict()
    try:
        for i in inputs:
            current[cache_key(i)] = None
        for (path,) in conn.execute("SELECT path FROM parsed WHERE substr(path, 1, ?) = ?",
                                    (len(scope) + 1, scope + os.sep)):
            if path not in current:
                stale[path] = None
        with conn:
            conn.executemany("DELETE FROM parsed WHERE path = ?", ((path,) for path in stale))
    finally:
        current.close()
        stale.close()


def start_pool(settings: Settings) -> ProcessPoolExecutor | None:
    """Given settings, return the pool of --jobs worker processes that parse the files, its processes started at
    once: each loads jieba's dictionary (start_worker) while the batch finds and hashes its inputs (the batch
    process, which parses nothing, never loads it); None for one job or a cluster."""
    if settings.client is not None or settings.jobs == 1:
        return None
    pool = ProcessPoolExecutor(max_workers=settings.jobs, initializer=start_worker, initargs=(os.getpid(),))
    pool.submit(int)  # its first task starts its processes
    return pool


def parse_inputs(inputs: Inputs, pool: ProcessPoolExecutor | None, jobs: int,
                 limits: Limits = Limits()) -> Iterator[tuple[Input, dict]]:
    """Given inputs, yield (input, what the batch receives: work.result_to_batch) as each finishes, in the pool of
    ``jobs`` worker processes (None: here), FILES_PER_TASK files a task and a bounded number of tasks handed out at
    a time, each file under ``limits``."""
    if pool is None:
        warm_up()
        for i in inputs:
            yield i, parse_for_batch(i.path, i.rel, limits)
        return
    queue = iter(inputs)
    orphans = []  # files whose pool broke under them: a worker died (segfault, killed), theirs or another's
    running = {}

    def hand_out(count: int) -> None:  # the next tasks to the pool, unless it broke (then their files are orphans)
        while count and not orphans and (task := list(islice(queue, FILES_PER_TASK))):
            try:
                running[pool.submit(parse_several, [(i.path, i.rel) for i in task], limits)] = task
            except BrokenProcessPool:  # broken since the last result came
                orphans.extend(task)
                return
            count -= 1
    hand_out(jobs * TASKS_PER_WORKER)
    while running:
        done, _ = wait(running, return_when=FIRST_COMPLETED)
        for future in done:
            task = running.pop(future)
            try:
                results = future.result()
            except Exception:  # BrokenProcessPool
                orphans.extend(task)
                continue
            yield from zip(task, results)
        hand_out(len(done))
    orphans += list(queue)  # not handed out when the pool broke
    yield from parse_one_by_one(orphans, limits)  # only a file that kills its worker fails


def parse_one_by_one(inputs: list[Input], limits: Limits) -> Iterator[tuple[Input, dict]]:
    """Given inputs whose pool broke under them, yield (input, what the batch receives) for each, parsed one at a
    time in a worker process apart: a file whose worker dies gets WORKER_DIED (retried on the next run), and the
    next file a fresh worker."""
    pool = None
    try:
        for i in inputs:
            pool = pool or ProcessPoolExecutor(max_workers=1, initializer=start_worker, initargs=(os.getpid(),))
            try:
                result = pool.submit(parse_for_batch, i.path, i.rel, limits).result()
            except Exception:  # BrokenProcessPool: this file killed its worker
                result = failure(WORKER_DIED)
                pool.shutdown(wait=True, cancel_futures=True)
                pool = None
            yield i, result
    finally:
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)


def indexed_elsewhere(conn: sqlite3.Connection, documents: Iterable[Planned], scope: str) -> dict[str, str]:
    """Given the documents to write, return {path: the copy indexed} of those already indexed from another inbox
    (skipped duplicates)."""
    out = {}
    for document in documents:
        row = conn.execute("SELECT scope, source_path FROM documents WHERE id = ?", (key_to_id(document.key),)).fetchone()
        if row and row[0] != scope:
            out[document.rel] = f"{row[1]} (indexed from {row[0]})"
    return out


def done_here(function: Callable, *args) -> Future:
    """Given a function and its arguments, run it in this process and return its result as a done future."""
    future = Future()
    future.set_result(function(*args))
    return future


@contextmanager
def builders(settings: Settings) -> Iterator[Callable[..., Future]]:
    """Given settings, yield a submit(function, *args) → future running on the batch's workers: the cluster's, a
    pool of --jobs processes, or this process for one job."""
    if settings.client is not None:
        yield partial(settings.client.submit, pure=False)
    elif settings.jobs == 1:
        yield done_here
    else:
        pool = ProcessPoolExecutor(max_workers=settings.jobs, initializer=start_builder, initargs=(os.getpid(),))
        try:
            yield pool.submit
        finally:
            pool.shutdown(wait=True, cancel_futures=True)


def with_builds(submit: Callable[..., Future], conn: sqlite3.Connection, inputs: Inputs,
                summaries: Mapping[str, dict], grouping: Grouping,
                documents: Iterable[Planned]) -> Iterator[tuple[Planned, Future | None]]:
    """Given a submit to the workers, the index, the inputs and summaries by path, the grouping and the documents in
    order, yield each with the future of its build on a worker when attachment files join it (else None), the
    builds of the next BUILD_AHEAD documents running meanwhile."""
    window: deque[tuple[Planned, Future | None]] = deque()
    for planned in documents:
        files = grouping.files_of(planned.rel)
        texts = cached_texts(conn, [inputs[rel] for rel in [planned.rel, *(other for _, other in files)]],
                             summaries) if files else None
        window.append((planned, submit(joined_to_ahead, planned, files, texts) if files else None))
        if len(window) > BUILD_AHEAD:
            yield window.popleft()
    yield from window


def document_of(conn: sqlite3.Connection, spool: Spool, inputs: Inputs, summaries: Mapping[str, dict],
                grouping: Grouping, planned: Planned, build: Future | None) -> Ahead:
    """Given the index, the spool, the inputs and summaries by path, the grouping, a planned document and its build
    on a worker (or None), return it ready to write: as that worker built it with its attachment files; as its
    parsing worker computed it ahead when the grouping left it as that worker saw it; else built here from the
    full parse results of its files (its index parts then made as it is written)."""
    if build is not None:
        try:
            return pickle.loads(build.result())
        except Exception:  # its worker died, or the cluster went away: built here
            pass
    files = grouping.files_of(planned.rel)
    kept = None if files else spool.get(planned.rel)
    ahead = pickle.loads(kept) if kept else None
    if ahead and is_as_planned(ahead, planned):
        return ahead
    results = full_results(conn, [inputs[rel] for rel in [planned.rel, *(other for _, other in files)]], summaries)
    document = planned_to_document(planned, grouping, results)
    return Ahead(document, json_bytes(document.record))


def write_documents(conn: sqlite3.Connection, spool: Spool, submit: Callable[..., Future], records: RecordFiles,
                    inputs: Inputs, summaries: Mapping[str, dict], grouping: Grouping,
                    documents: Iterable[Planned], written: Written) -> Iterator[tuple[str, IndexEntry]]:
    """Given the index, the spool, a submit to the workers, the record files, the inputs and summaries by path, the
    grouping and the documents to write, take each document ready to write (document_of), one at a time, stage its
    record file, note its register row in ``written``, and yield its input's path and its index entry."""
    for planned, build in with_builds(submit, conn, inputs, summaries, grouping, documents):
        ahead = document_of(conn, spool, inputs, summaries, grouping, planned, build)
        document = ahead.document
        records.write(document.file_name, ahead.file_bytes)
        if document.record.get("schema") in LETTER_SCHEMAS_READ:
            written.register.add(*letter_to_register_entry(document.rel, document.record))
            written.partial += document.record.get("complete") is False
        yield document.rel, ahead.to_entry()


def noting_failures(entries: Iterable[Entry], failures: list[tuple[str, str]],
                    skipped: list[tuple[str, str]]) -> Iterator[Entry]:
    """Given manifest entries, yield each, noting (path, reason) of the failed ones in ``failures`` and of the
    skipped ones in ``skipped`` as they pass."""
    for e in entries:
        if e.status in (FAILED, SKIPPED):
            (failures if e.status == FAILED else skipped).append((e.path, e.reason or ""))
        yield e


def writing_index(target: Path | str):
    """Given the index a batch writes, return a connection to it for the batch: an SQLite file read by copying
    pages into SQLite's bounded cache, not mapped into memory (a mapped index would sit in the batch's memory as it
    grows, however large)."""
    conn = create_index(target)
    if engine_of(conn) == "sqlite":
        conn.execute("PRAGMA mmap_size = 0")
    return conn


def streams(conn) -> bool:
    """Given the index connection, return whether the batch writes it while the files are parsed: an SQLite index,
    which one batch at a time writes; not a PostgreSQL index, which several may share (they take turns writing)."""
    return engine_of(conn) == "sqlite"


def run_batch(settings: Settings, progress: Progress) -> Summary:
    """Given settings and a progress reporter, run the batch and return its summary.

    An SQLite index is written while the files are parsed (streaming.py), in one transaction from the first result
    to the last document; a PostgreSQL index once they are parsed, under its write lock (streams)."""
    started = time.monotonic()
    scope = str(settings.inbox.resolve())
    fingerprint = code_fingerprint()
    for folder in (settings.output, settings.output / "records"):
        remove_temp_files(folder)
    write_claim(settings.output, scope)
    pool = start_pool(settings)
    try:
        inputs = inbox_to_inputs(settings.inbox, outputs_to_exclude(
            settings.output, settings.index if isinstance(settings.index, Path) else None))
    except BaseException:
        if pool is not None:
            pool.shutdown(wait=False, cancel_futures=True)
        raise
    spool = Spool(settings.output)  # what the workers computed ahead, until it is written
    results = SpooledValues(settings.output)  # every input's parse summary, by path, on disk until read
    todo = Inputs()  # the inputs to parse now (on disk, as every per-input structure of the batch)
    grouping = documents = streamer = journal = writer = None
    conn = writing_index(settings.index)
    written = Written()
    try:
        recover_journal(settings.output, conn)  # what a killed batch parsed
        for rel, summary in cached_results(conn, inputs, fingerprint, settings.limits):
            results[rel] = summary
        reused = len(results)
        for i in inputs:
            if i.rel not in results and i.sha256 and not is_roster(i.rel):
                todo.add(i)
        progress.start(len(todo), reused)
        with RecordFiles(settings.output / "records") as records:
            if streams(conn):
                conn.execute("BEGIN IMMEDIATE")  # the index's one transaction, and its write lock, from here
                journal = CacheJournal(settings.output)
                writer = IndexWriter(conn, scope, inputs.place)
            pending = PendingResults(conn, fingerprint, journal)

            def joined_texts(rels: list[str]) -> dict[str, str]:  # a letter's and its files' results, stored first
                pending.flush()
                return cached_texts(conn, [inputs[rel] for rel in rels], results)
            if writer is not None:
                folders = names_by_folder(i.rel for i in inputs if not i.skipped)
                streamer = Streamer(writer, LetterFiles(folders, results, todo), results, spool, records, written,
                                    joined_texts, pool.submit if pool is not None else (
                                        partial(settings.client.submit, pure=False) if settings.client is not None
                                        else done_here))
            parsing = (parse_on_cluster(settings.client, todo, settings.limits) if settings.client is not None
                       else parse_inputs(todo, pool, settings.jobs, settings.limits))
            try:
                for i, received in parsing:
                    results[i.rel] = received["summary"]
                    if received["ahead"] is not None:
                        spool.put(i.rel, received["ahead"])
                    pending.add(i, received)
                    progress.done(i.rel, received["summary"])
                    if streamer is not None:
                        streamer.arrived(i.rel)
            except InputError:  # the cluster was lost: what it parsed is kept for the next run
                pending.flush()
                raise
            pending.flush()
            if streamer is not None:
                streamer.collect(everything=True)
            if pool is not None:
                pool.shutdown(wait=True)
            records.sync_ahead()  # the letters written while parsing made durable while the rest is written
            parsed_now = len(todo)
            todo.close()
            progress.finish()
            grouping, documents = plan(inputs, results)
            with write_lock(conn), builders(settings) as submit, conn:  # one transaction, committed at its end
                writer = writer or IndexWriter(conn, scope, inputs.place)
                # batches writing one PostgreSQL index: each sees what the others indexed
                elsewhere = indexed_elsewhere(conn, documents.values(), scope)
                if streamer is not None:
                    streamer.take_back(grouping, documents, elsewhere)
                rest = (d for d in documents.values() if d.rel not in elsewhere and (streamer is None or d.rel not in streamer))
                entries = made_ahead(write_documents(conn, spool, submit, records, inputs, results, grouping, rest,
                                                     written), MADE_AHEAD)
                try:  # the next documents made in a thread while the index writes these
                    for rel, entry in entries:
                        writer.write(rel, entry)
                finally:
                    entries.close()  # that thread stopped before the record files are put in place or removed
                index_counts = writer.finish()
            records.commit()
        if journal is not None:
            journal.close()
            journal = None
            remove_journal(settings.output)
        prune_cache(conn, scope, inputs)
        write_atomic_chunks(settings.output / "register.csv", register_chunks(written.register.in_order()))
        failures, skipped = [], []
        counts = entries_to_counts(noting_failures(outcome_entries(inputs, results, grouping, documents, elsewhere),
                                                   failures, skipped))
        write_atomic_chunks(settings.output / "manifest.json", manifest_chunks(
            settings.inbox.as_posix(), counts, outcome_entries(inputs, results, grouping, documents, elsewhere)))
    finally:
        for held in (spool, results, todo, grouping, documents, inputs, written.register, streamer, journal, writer):
            if held is not None:
                held.close()
        conn.close()
        if pool is not None:  # shut down by parse_inputs, unless the batch stopped before
            pool.shutdown(wait=False, cancel_futures=True)
    return Summary(
        counts=counts, parsed_now=parsed_now, reused=reused, failures=failures, skipped=skipped,
        index=index_counts, seconds=round(time.monotonic() - started, 2), partial=written.partial)
