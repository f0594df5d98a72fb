"""The index written while the files are parsed. A parsed letter whose attachment files are parsed too is written at
once — index rows, record file staged, register row — as the plan will most likely have it (kept, with the files
it names that are not letters, its record file named by its stem); once every file is parsed, the plan takes back
what it has otherwise (a better copy came later, another letter claims a file first by path, two documents share a
stem) and those are written again. Each document's seq is its inbox place (write.placed_seq), not the order it was
written in, so the index is the same whichever worker finishes first; everything is kept on disk (on_disk.DiskDict)."""
from __future__ import annotations

import pickle
import tempfile
from collections import deque
from collections.abc import Callable, Container, Iterator, Mapping
from concurrent.futures import Future
from dataclasses import dataclass, field

from pipeline.batch.ahead import Ahead, is_as_planned, joined_to_ahead
from pipeline.batch.assemble import Grouping, Planned, document_file_name, is_letter, letter_key
from pipeline.batch.discover import FolderNames, letter_to_attachment_files
from pipeline.batch.on_disk import DiskDict
from pipeline.batch.record_files import RecordFiles
from pipeline.batch.register import PLACE_WIDTH, letter_to_register_entry
from pipeline.batch.sorted_rows import SortedRows
from pipeline.batch.spool import Spool
from pipeline.index.write import KEYWORD_CHUNK, IndexEntry, add_keywords, delete_document, entry_to_digest, \
    insert_entry, key_to_id, largest_place, placed_seq

COUNTS = ("added", "replaced", "removed", "unchanged")
BUILDS_WAITING = 32  # letters being joined with their files on the workers before the batch waits for the first


@dataclass
class Written:
    """What writing the documents leaves for after: the register's rows (on disk, by place)."""
    register: SortedRows = field(default_factory=lambda: SortedRows(PLACE_WIDTH))  # a letter's row
    partial: int = 0  # letters that are partial records


@dataclass
class Streamed:
    """A letter written while the files were parsed, with what it was written as (the plan checks it)."""
    key: str
    file_name: str
    files: list[tuple[int, str]]  # its attachment files, (position, path)
    outcome: str  # added | unchanged
    register_place: tuple[str, ...]
    partial: bool


class IndexWriter:
    """Documents written into the index in whatever order they come, each at its inbox place (write.placed_seq),
    inside the caller's transaction; the terms of those added or replaced wait in a spill file, in the order they
    were written, for their keywords, written last (IDF as the index stands once every document is in)."""

    def __init__(self, conn, scope: str, place: Callable[[str], int]):
        self.conn, self.scope, self.place = conn, scope, place  # place: an input's path → its place in the inbox
        self.base = largest_place(conn)  # read under the write lock: every document placed after the index's own
        self.counts = dict.fromkeys(COUNTS, 0)
        self.spill = tempfile.TemporaryFile()  # (key, term counts) of each document added or replaced, in turn
        self.spilled = 0
        self.live = DiskDict()  # key → its place in the spill (gone when taken back)
        conn.execute("CREATE TEMP TABLE IF NOT EXISTS batch_documents (id BIGINT PRIMARY KEY)")
        conn.execute("DELETE FROM batch_documents")

    def write(self, rel: str, entry: IndexEntry, changed_waits: bool = False) -> str | None:
        """Given a document's input path and its entry, add it, leave it unchanged or replace it; return which. With
        ``changed_waits``, a document the index holds otherwise (changed, or from another inbox) is left for later:
        nothing written, None returned."""
        doc_id = key_to_id(entry.key)
        digest = entry.prepared.digest if entry.prepared else entry_to_digest(entry)
        row = self.conn.execute("SELECT digest, scope FROM documents WHERE id = ?", (doc_id,)).fetchone()
        mine = row is not None and row[1] == self.scope
        if mine and row[0] == digest:
            outcome = "unchanged"
        elif changed_waits and row is not None:
            return None
        else:
            if mine:
                delete_document(self.conn, doc_id)
            outcome = "replaced" if mine else "added"
            insert_entry(self.conn, entry, digest, self.scope, placed_seq(entry.record, self.base, self.place(rel)))
            pickle.dump((entry.key, entry.terms), self.spill)
            self.live[entry.key] = self.spilled
            self.spilled += 1
        self.counts[outcome] += 1
        self.conn.execute("INSERT INTO batch_documents VALUES (?) ON CONFLICT (id) DO NOTHING", (doc_id,))
        return outcome

    def take_back(self, key: str, outcome: str) -> None:
        """Given a document written in this batch and how (added or unchanged), undo it in the index."""
        doc_id = key_to_id(key)
        if outcome != "unchanged":
            delete_document(self.conn, doc_id)
            del self.live[key]
        self.counts[outcome] -= 1
        self.conn.execute("DELETE FROM batch_documents WHERE id = ?", (doc_id,))

    def finish(self) -> dict[str, int]:
        """Remove the inbox's documents this batch did not write, then write the keywords of those added or
        replaced; return the counts."""
        for (doc_id,) in self.conn.execute("SELECT id FROM documents WHERE scope = ? AND id NOT IN "
                                           "(SELECT id FROM batch_documents) ORDER BY id", (self.scope,)).fetchall():
            delete_document(self.conn, doc_id)
            self.counts["removed"] += 1
        self.conn.execute("DROP TABLE batch_documents")
        chunk = []
        self.spill.seek(0)
        for place in range(self.spilled):
            key, terms = pickle.load(self.spill)
            if self.live.get(key) == place:
                chunk.append(IndexEntry(key, {}, None, terms))
            if len(chunk) == KEYWORD_CHUNK:
                add_keywords(self.conn, chunk)
                chunk = []
        add_keywords(self.conn, chunk)
        self.close()
        return self.counts

    def close(self) -> None:
        """Forget the terms kept for the keywords."""
        self.spill.close()
        self.live.close()


class LetterFiles:
    """Which attachment files each parsed letter goes with, told as the results come: a letter is ready once every
    file its rules can pick (discover.letter_to_attachment_files) that is being parsed is in; its files are those
    that did not parse as letters (assemble.letters_to_claims' rule), unless another letter took one of them."""

    def __init__(self, folders: FolderNames, results: Mapping[str, dict], coming: Container[str]):
        self.folders, self.results, self.coming = folders, results, coming
        self.waiting = DiskDict()  # letter → its candidate files {position: path}, while some are not parsed
        self.waiting_on = DiskDict()  # file → the letters waiting for it
        self.taken = DiskDict()  # file → the letter written with it

    def missing(self, candidates: dict[int, str]) -> list[str]:
        """Given a letter's candidate files, return those being parsed that are not in yet (each once)."""
        return sorted({other for other in candidates.values() if other in self.coming and other not in self.results})

    def arrived(self, rel: str) -> Iterator[tuple[str, dict[int, str]]]:
        """Given an input whose result just came, yield (letter, its candidate files) of the letters now ready: it,
        and those that waited for it."""
        result = self.results[rel]
        if is_letter(result):
            candidates = letter_to_attachment_files(rel, result["record"], self.folders)
            missing = self.missing(candidates)
            if not missing:
                yield rel, candidates
            else:
                self.waiting[rel] = candidates
                for other in missing:
                    self.waiting_on[other] = [*self.waiting_on.get(other, []), rel]
        for letter in self.waiting_on.pop(rel, []):
            candidates = self.waiting[letter]
            if not self.missing(candidates):
                del self.waiting[letter]
                yield letter, candidates

    def files_of(self, letter: str, candidates: dict[int, str]) -> list[tuple[int, str]] | None:
        """Given a ready letter and its candidate files, return its attachment files as (position, path), taking
        them (a file at its first position only); None when another letter took one of them (the plan decides)."""
        files, mine = [], set()
        for position, other in sorted(candidates.items()):
            if other in self.results and not is_letter(self.results[other]) and other not in mine:
                if other in self.taken:
                    return None
                files.append((position, other))
                mine.add(other)
        for other in mine:
            self.taken[other] = letter
        return files

    def close(self) -> None:
        """Forget what it noted, and the folder names it was given."""
        for part in (self.waiting, self.waiting_on, self.taken, self.folders):
            part.close()


class Streamer:
    """Letters written as soon as they and their attachment files are parsed (see the module's docstring)."""

    def __init__(self, writer: IndexWriter, letter_files: LetterFiles, results: Mapping[str, dict], spool: Spool,
                 records: RecordFiles, written: Written, texts: Callable[[list[str]], dict[str, str]],
                 submit: Callable[..., Future]):
        self.writer, self.letter_files, self.results, self.spool = writer, letter_files, results, spool
        self.records, self.written, self.texts = records, written, texts  # texts: paths → full results as JSON
        self.submit = submit  # runs a function on the batch's workers
        self.streamed = DiskDict()  # path → Streamed
        self.stems = DiskDict()  # record file stem → the path of the document written under it
        self.building: deque[tuple[Planned, list[tuple[int, str]], dict[str, str], Future]] = deque()

    def arrived(self, rel: str) -> None:
        """Given an input whose result just came, write the letters now ready (those joined with their files on the
        workers once built)."""
        self.collect()
        for letter, candidates in self.letter_files.arrived(rel):
            self.stream(letter, candidates)

    def collect(self, everything: bool = False) -> None:
        """Write the letters whose builds on the workers are done, in the order they were sent (``everything``:
        waiting for each); one whose worker died is built here."""
        while self.building and (everything or self.building[0][3].done() or len(self.building) > BUILDS_WAITING):
            planned, files, texts, build = self.building.popleft()
            try:
                built = build.result()
            except Exception:  # its worker died, or the cluster went away
                built = joined_to_ahead(planned, files, texts)
            self.write(planned, files, pickle.loads(built))

    def stream(self, rel: str, candidates: dict[int, str]) -> None:
        """Given a ready letter and its candidate files, write it as the plan will most likely have it (joined with
        its files on a worker first), unless it is in doubt (its stem or a file taken by another, or the index
        holds it otherwise)."""
        record = self.results[rel]["record"]
        stem = document_file_name(rel, record)
        if stem in self.stems:
            return
        self.stems[stem] = rel
        files = self.letter_files.files_of(rel, candidates)
        if files is None:
            return
        planned = Planned(rel, letter_key(rel, record), f"{stem}.json")
        if files:
            texts = self.texts([rel, *(other for _, other in files)])
            try:
                self.building.append((planned, files, texts, self.submit(joined_to_ahead, planned, files, texts)))
            except Exception:  # the pool broke: built here
                self.write(planned, files, pickle.loads(joined_to_ahead(planned, files, texts)))
            return
        kept = self.spool.get(rel)
        ahead = pickle.loads(kept) if kept else None
        if ahead and is_as_planned(ahead, planned):  # as its worker computed it (else the plan decides)
            self.write(planned, files, ahead)

    def write(self, planned: Planned, files: list[tuple[int, str]], ahead: Ahead) -> None:
        """Given a planned letter, its attachment files and the letter ready to write, write it: its index rows
        (unless the index holds it otherwise), record file and register row."""
        rel = planned.rel
        if (outcome := self.writer.write(rel, ahead.to_entry(), changed_waits=True)) is None:
            return
        document = ahead.document
        self.records.write(document.file_name, ahead.file_bytes)
        place, row = letter_to_register_entry(rel, document.record)
        self.written.register.add(place, row)
        partial = document.record.get("complete") is False
        self.written.partial += partial
        self.streamed[rel] = Streamed(planned.key, planned.file_name, files, outcome, place, partial)

    def take_back(self, grouping: Grouping, documents: Mapping[str, Planned], elsewhere: Container[str]) -> None:
        """Given the plan (the grouping, the documents by path, those indexed from another inbox), take back every
        letter written ahead that the plan has otherwise — index rows, record file, register row — so it is written
        again with the rest."""
        wrong = DiskDict()
        for rel, s in self.streamed.items():
            planned = documents.get(rel)
            if (planned is not None and rel not in elsewhere and (planned.key, planned.file_name) == (s.key, s.file_name)
                    and grouping.files_of(rel) == s.files):
                continue
            self.writer.take_back(s.key, s.outcome)
            self.records.forget(s.file_name)
            self.written.register.remove(s.register_place)
            self.written.partial -= s.partial
            wrong[rel] = None
        for rel in wrong:
            del self.streamed[rel]
        wrong.close()

    def __contains__(self, rel) -> bool:
        return rel in self.streamed

    def close(self) -> None:
        """Forget what it noted."""
        for part in (self.streamed, self.stems):
            part.close()
        self.letter_files.close()
