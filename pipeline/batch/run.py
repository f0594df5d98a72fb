"""Run a batch: check the settings, parse new or changed inputs in worker processes, then write every output."""
from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import time
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Protocol

from pipeline.batch.assemble import DUPLICATE, FAILED, SKIPPED, Outcome, assemble
from pipeline.batch.claim import CLAIM_NAME, check_claim, write_claim
from pipeline.batch.guard import DEFAULT_MEMORY_LIMIT, DEFAULT_TIME_LIMIT, Limits
from pipeline.batch.lock import lock_output
from pipeline.batch.discover import Input, inbox_to_inputs, is_roster, outputs_to_exclude
from pipeline.batch.manifest import entries_to_counts, entries_to_manifest
from pipeline.batch.register import letters_to_register
from pipeline.batch.work import parse_input, start_worker, warm_up
from pipeline.errors import InputError
from pipeline.files import printable_path, inside, json_bytes, prepare_folder, remove_temp_files, write_atomic, write_if_changed
from pipeline.index.engine import check_index, create_index, is_postgres, write_lock
from pipeline.index.write import IndexEntry, key_to_id, sync_index

CACHE_FLUSH_SECONDS = 1.0  # parse results are committed at least this often, or every CACHE_FLUSH_COUNT results
CACHE_FLUSH_COUNT = 50
FINGERPRINT_SUFFIXES = (".py", ".toml", ".txt", ".dtd", ".ent")
NOT_PARSING = ("render", "commands", "exchange", "cli.py")  # code downstream of parsing: edits keep the cache
WORKER_DIED = "worker process died while parsing (a crash, or over the memory or time limit inside native code)"


@dataclass
class Settings:
    """A batch's validated settings."""
    inbox: Path
    output: Path
    index: Path | str  # an SQLite file, or a postgresql:// URL
    jobs: int
    limits: Limits = Limits()
    lock: int | None = None  # the descriptor holding the output folder's lock for the batch's lifetime


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
    """Given raw settings {inbox, output, index?, jobs?}, return Settings; raise InputError for bad ones.

    Everything is checked before the output folders are created, so a refused batch writes nothing."""
    inbox = Path(raw["inbox"])
    if not inbox.is_dir():
        raise InputError(str(inbox), "inbox is not a folder")
    output = Path(raw["output"])
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
    prepare_folder(output, "output folder")
    lock = lock_output(output)
    check_claim(output, str(inbox.resolve()))  # again under the lock: two batches started together
    prepare_folder(output / "records", "records folder")
    if isinstance(index, Path):
        prepare_folder(index.parent, "index folder")
    return Settings(inbox, output, index, jobs, limits, lock)


def code_fingerprint() -> str:
    """Return a hash of the code and data that parsing depends on: results of another parser are not reused."""
    digest = hashlib.sha256()
    root = Path(str(resources.files("pipeline")))
    for path in sorted(root.rglob("*")):
        rel = path.relative_to(root)
        if path.is_file() and path.suffix in FINGERPRINT_SUFFIXES and rel.parts[0] not in NOT_PARSING:
            digest.update(rel.as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def cache_key(i: Input) -> str:
    """Given an input, return the key of its cached result: its absolute path, as text."""
    return printable_path(str(Path(i.path).resolve()))


def cached_results(conn: sqlite3.Connection, inputs: list[Input], fingerprint: str,
                   limits: Limits = Limits()) -> dict[str, dict]:
    """Given inputs, return {rel: result} for those parsed before with the same sha256 and parser."""
    out = {}
    for i in inputs:
        row = conn.execute("SELECT sha256, fingerprint, result FROM parsed WHERE path = ?",
                           (cache_key(i),)).fetchone()
        if row and row[0] == i.sha256 and row[1] == fingerprint:
            result = json.loads(row[2])
            if result.get("limits") in (None, limits.as_dict()):  # a limit failure under other limits: retried
                out[i.rel] = result
    return out


def save_results(conn: sqlite3.Connection, rows: list[tuple[Input, dict]], fingerprint: str) -> None:
    """Given (input, result) pairs, store the cacheable ones by path, sha256 and parser."""
    with conn:
        conn.executemany(
            "INSERT INTO parsed VALUES (?,?,?,?) ON CONFLICT (path) DO UPDATE "
            "SET sha256 = excluded.sha256, fingerprint = excluded.fingerprint, result = excluded.result",
            [(cache_key(i), (r.get("record") or {}).get("source", {}).get("sha256") or i.sha256,
              fingerprint, json.dumps(r, ensure_ascii=False)) for i, r in rows if r["ok"] or r.get("cache")])


def prune_cache(conn: sqlite3.Connection, scope: str, inputs: list[Input]) -> None:
    """Given the inbox scope and its current inputs, forget cached results of files no longer there."""
    current = {cache_key(i) for i in inputs}
    stale = [(p,) for (p,) in conn.execute("SELECT path FROM parsed WHERE substr(path, 1, ?) = ?",
                                           (len(scope) + 1, scope + os.sep)) if p not in current]
    with conn:
        conn.executemany("DELETE FROM parsed WHERE path = ?", stale)


def parse_inputs(inputs: list[Input], jobs: int, limits: Limits = Limits()) -> Iterator[tuple[Input, dict]]:
    """Given inputs, yield (input, parse result) as each finishes, in ``jobs`` worker processes, each file under
    ``limits``."""
    if jobs == 1 or len(inputs) <= 1:
        warm_up()
        for i in inputs:
            yield i, parse_input(i.path, limits)
        return
    warm_up()  # loaded before the workers fork, so they share it; a spawned worker loads it once itself
    pool = ProcessPoolExecutor(max_workers=min(jobs, len(inputs)), initializer=start_worker,
                               initargs=(os.getpid(),))
    orphans = []  # files whose pool broke under them: a worker died (segfault, killed), theirs or another's
    try:
        futures = {}
        for n, i in enumerate(inputs):
            try:
                futures[pool.submit(parse_input, i.path, limits)] = i
            except BrokenProcessPool:  # a worker died while the files were still being handed out
                orphans += inputs[n:]
                break
        for future in as_completed(futures):
            try:
                result = future.result()
            except Exception:  # BrokenProcessPool
                orphans.append(futures[future])
                continue
            yield futures[future], result
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
    for i in orphans:  # each again in a worker of its own: only a file that kills its worker fails
        yield i, parse_alone(i, limits)


def parse_alone(i: Input, limits: Limits) -> dict:
    """Given an input, return its parse result from a worker process of its own (WORKER_DIED when it dies: the
    file is retried on the next run)."""
    pool = ProcessPoolExecutor(max_workers=1, initializer=start_worker, initargs=(os.getpid(),))
    try:
        return pool.submit(parse_input, i.path, limits).result()
    except Exception:
        return {"ok": False, "reason": WORKER_DIED, "cache": False}
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def mark_indexed_elsewhere(conn: sqlite3.Connection, outcome: Outcome, scope: str) -> None:
    """Given an outcome, turn letters already indexed from another inbox into skipped duplicates."""
    entries = {e.path: e for e in outcome.entries}
    keep = []
    for document in outcome.documents:
        row = conn.execute("SELECT scope, source_path FROM documents WHERE id = ?", (key_to_id(document.key),)).fetchone()
        if row and row[0] != scope:
            entry = entries[document.rel]
            entry.status, entry.record, entry.duplicate_of = DUPLICATE, None, f"{row[1]} (indexed from {row[0]})"
        else:
            keep.append(document)
    outcome.documents[:] = keep


def write_records(records_dir: Path, outcome: Outcome) -> None:
    """Given the outcome, write each document's record JSON (atomically, when changed) and remove stale ones."""
    wanted = set()
    for document in outcome.documents:
        path = inside(records_dir, document.file_name)
        write_if_changed(path, json_bytes(document.record))
        wanted.add(path.name)
    for old in records_dir.glob("*.json"):
        if old.name not in wanted:
            old.unlink()


def run_batch(settings: Settings, progress: Progress) -> Summary:
    """Given settings and a progress reporter, run the batch and return its summary."""
    started = time.monotonic()
    scope = str(settings.inbox.resolve())
    fingerprint = code_fingerprint()
    for folder in (settings.output, settings.output / "records"):
        remove_temp_files(folder)
    write_claim(settings.output, scope)
    inputs = inbox_to_inputs(settings.inbox, outputs_to_exclude(
        settings.output, settings.index if isinstance(settings.index, Path) else None))
    conn = create_index(settings.index)
    try:
        results = cached_results(conn, inputs, fingerprint, settings.limits)
        reused = len(results)
        todo = [i for i in inputs if i.rel not in results and i.sha256 and not is_roster(i.rel)]
        progress.start(len(todo), len(results))
        pending, flushed = [], time.monotonic()
        for i, result in parse_inputs(todo, settings.jobs, settings.limits):
            results[i.rel] = result
            pending.append((i, result))
            progress.done(i.rel, result)
            if len(pending) >= CACHE_FLUSH_COUNT or time.monotonic() - flushed > CACHE_FLUSH_SECONDS:
                save_results(conn, pending, fingerprint)
                pending, flushed = [], time.monotonic()
        save_results(conn, pending, fingerprint)
        progress.finish()
        outcome = assemble(inputs, results)
        with write_lock(conn):  # batches writing one PostgreSQL index: each sees what the others indexed
            mark_indexed_elsewhere(conn, outcome, scope)
            write_records(settings.output / "records", outcome)
            index_counts = sync_index(conn, [IndexEntry(d.key, d.record, f"records/{d.file_name}", d.terms)
                                             for d in outcome.documents], scope)
        prune_cache(conn, scope, inputs)
    finally:
        conn.close()
    letters = [(d.rel, d.record) for d in outcome.documents if d.record.get("schema", "").startswith("gongwen/letter")]
    write_atomic(settings.output / "register.csv", letters_to_register(letters))
    write_atomic(settings.output / "manifest.json",
                       json_bytes(entries_to_manifest(settings.inbox.as_posix(), outcome.entries)))
    return Summary(
        counts=entries_to_counts(outcome.entries), parsed_now=len(todo), reused=reused,
        failures=[(e.path, e.reason or "") for e in outcome.entries if e.status == FAILED],
        skipped=[(e.path, e.reason or "") for e in outcome.entries if e.status == SKIPPED],
        index=index_counts, seconds=round(time.monotonic() - started, 2),
        partial=sum(record.get("complete") is False for _, record in letters))
