"""Turn parse results into the batch's outcome, as a chain: parse results (each cut to its summary, the part the
grouping reads) → letters → the copy kept of each and its duplicates → the attachment files and rosters each letter
claims → the documents to write, named → every input's manifest entry. A document's record is built from the full
parse results of its files only when it is written, one at a time; the grouping and the documents are kept on disk
(on_disk.DiskDict), so the batch's memory does not grow with the inbox."""
from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from itertools import chain
from pathlib import PurePosixPath

from pipeline.batch.discover import FolderNames, Input, folder_of, is_roster, letter_to_attachment_files, \
    names_by_folder
from pipeline.batch.on_disk import DiskDict, temp_database
from pipeline.batch.sorted_rows import SortedRows
from pipeline.files import safe_stem
from pipeline.parse.completeness import missing_in_record
from pipeline.records import LETTER_SCHEMAS_READ

# which copy of a duplicate is kept: exact first, OCR'd copies (scans) last
FORMAT_RANK = {"di": 0, "odt": 1, "fodt": 1, "docx": 1, "doc": 1, "rtf": 1, "pdf": 2, "text": 3, "image": 4}
OCR_RANK = 4

PARSED, ATTACHMENT_OF, FAILED, DUPLICATE, SKIPPED = "parsed", "attachment-of", "failed", "skipped-duplicate", "skipped"
STATUSES = (PARSED, ATTACHMENT_OF, FAILED, DUPLICATE, SKIPPED)
ORPHAN_ROSTER = "exchange roster (.sw) with no DI letter beside it"


@dataclass
class Entry:
    """One input's line in the manifest."""
    path: str  # relative to the inbox
    sha256: str | None
    status: str  # parsed | attachment-of | failed | skipped-duplicate | skipped
    kind: str | None = None  # letter | plan | division | other | roster
    record: str | None = None  # records/… written for it
    reason: str | None = None  # why it failed or was skipped (or why an attachment file could not be parsed)
    attachment_of: str | None = None
    duplicate_of: str | None = None
    attachments: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)  # a partial letter: what its 文別 requires that it lacks
    ocr_pages: list[int] = field(default_factory=list)  # pages read by OCR (scans)


@dataclass
class Document:
    """A record the batch writes to records/ and indexes."""
    rel: str
    key: str  # letter: issuer + 發文字號; otherwise the input's path
    record: dict
    terms: Counter
    file_name: str = ""  # under records/


@dataclass
class Planned:
    """A document to write, before its record is built: which input, its key and its records/ file name."""
    rel: str
    key: str  # letter: issuer + 發文字號; otherwise the input's path
    file_name: str = ""  # under records/


class Records(Mapping):
    """The records of some parse results (or summaries) by path, each read from its result when asked: the results
    may wait on disk (spool.SpooledValues), and the paths too (on_disk.DiskDict): the grouping then holds none of
    them."""

    def __init__(self, results: Mapping[str, dict], rels: Collection[str]):
        self.results = results
        self.rels = rels  # iterated in order

    def __getitem__(self, rel: str) -> dict:
        if rel not in self.rels:
            raise KeyError(rel)
        return self.results[rel]["record"]

    def __contains__(self, rel) -> bool:
        return rel in self.rels

    def __iter__(self) -> Iterator[str]:
        return iter(self.rels)

    def __len__(self) -> int:
        return len(self.rels)


@dataclass
class Grouping:
    """How the inputs belong together (on disk for a batch, on_disk.DiskDict; in dicts for one document)."""
    letters: Mapping[str, dict]  # every copy that parsed as a letter: path → record
    kept: Collection[str]  # the copy kept of each letter, iterated sorted
    duplicates: Mapping[str, str]  # another copy → the kept one
    claims: Mapping[str, tuple[str, int]]  # attachment file → (its letter, attachment position)
    rosters: Mapping[str, str]  # .sw roster → its DI letter
    files_by_letter: Mapping[str, list[tuple[int, str]]] | None = None  # kept letter → (position, file); None: from claims
    rosters_by_letter: Mapping[str, list[str]] | None = None  # DI letter → its rosters; None: from rosters

    def __post_init__(self):
        if self.files_by_letter is None:
            self.files_by_letter = defaultdict(list)
            for other, (owner, position) in self.claims.items():
                self.files_by_letter[owner].append((position, other))
        if self.rosters_by_letter is None:
            self.rosters_by_letter = defaultdict(list)
            for roster, owner in self.rosters.items():
                self.rosters_by_letter[owner].append(roster)

    def files_of(self, letter: str) -> list[tuple[int, str]]:
        """Given a kept letter's path, return its attachment files as (position, path), by position."""
        return sorted(self.files_by_letter.get(letter, ()))

    def rosters_of(self, letter: str) -> list[str]:
        """Given a kept letter's path, return its rosters' paths."""
        return sorted(self.rosters_by_letter.get(letter, ()))

    def close(self) -> None:
        """Forget the grouping kept on disk (its temp databases are gone)."""
        for part in (self.letters.rels if isinstance(self.letters, Records) else None, self.kept, self.duplicates,
                     self.claims, self.rosters, self.files_by_letter, self.rosters_by_letter):
            if isinstance(part, DiskDict):
                part.close()


def record_kind(record: dict) -> str:
    """Given a record dict, return its kind from its schema: letter, plan or division."""
    return record["schema"].split("/")[-1].split("@")[0]


def letter_key(rel: str, letter: dict) -> str:
    """Given a letter's path and record, return its identity: issuer + 發文字號 when both are known, else its path."""
    dispatch = letter.get("dispatch_no") or {}
    if letter.get("issuer") and dispatch.get("number"):
        return "|".join(["letter", letter["issuer"], dispatch.get("word") or "", dispatch["number"],
                         dispatch.get("branch") or ""])
    return f"file|{rel}"


def document_key(rel: str, record: dict) -> str:
    """Given an input's path and its record, return the key of the document it makes: a letter's identity, else its
    path."""
    return letter_key(rel, record) if record["schema"] in LETTER_SCHEMAS_READ else f"file|{rel}"


def copy_rank(rel: str, record: dict) -> tuple:
    """Given a copy of a letter, return its sort rank among duplicates (DI, ODT/Word, PDF, text, scans; then path)."""
    source = record.get("source") or {}
    return OCR_RANK if source.get("ocr") else FORMAT_RANK.get(source.get("format"), 9), rel


def is_letter(result: dict) -> bool:
    """Given a parse result (or its summary), return whether it parsed as a letter."""
    return bool(result["ok"]) and result["record"]["schema"] in LETTER_SCHEMAS_READ


def results_to_letters(results: Mapping[str, dict]) -> Records:
    """Given parse results by path, return {path: letter record} of those that parsed as letters (the paths on
    disk)."""
    rels = DiskDict()
    for rel, r in results.items():
        if is_letter(r):
            rels[rel] = None
    return Records(results, rels)


def split_duplicates(letters: Mapping[str, dict]) -> tuple[DiskDict, DiskDict]:
    """Given {path: letter record}, return (the kept paths, iterated sorted; {duplicate path: kept path}), on disk:
    the copies sorted by identity, then rank, on disk too, the first of each identity kept."""
    copies = SortedRows(3)  # (identity, rank, path)
    for rel, record in letters.items():
        rank, _ = copy_rank(rel, record)
        key = letter_key(rel, record)
        copies.add((key, f"{rank:04d}", rel), [key, rel])
    kept, duplicates = DiskDict(), DiskDict()
    best_key = best = None
    try:
        for key, rel in copies.in_order():
            if best is None or key != best_key:
                best_key, best = key, rel
                kept[rel] = None
            else:
                duplicates[rel] = best
    finally:
        copies.close()
    return kept, duplicates


def letters_to_claims(kept: Iterable[str], letters: Mapping[str, dict], claimable: Callable[[str], bool],
                      folders: FolderNames) -> tuple[DiskDict, DiskDict]:
    """Given the kept letters, their records, which paths may be attachment files and the inbox's names by folder,
    return ({file: (letter, position)}, {letter: its files as (position, file)}), on disk: a file named by several
    letters goes to the first by path."""
    claims, files = DiskDict(), DiskDict()
    for rel in kept:
        mine = []
        for position, other in sorted(letter_to_attachment_files(rel, letters[rel], folders).items()):
            if claimable(other) and other not in claims:
                claims[other] = (rel, position)
                mine.append((position, other))
        if mine:
            files[rel] = mine
    return claims, files


def rosters_to_letters(rosters: Iterable[str], letters: Mapping[str, dict]) -> tuple[DiskDict, DiskDict]:
    """Given .sw roster paths and the kept letters, return ({roster: DI letter beside it with the same stem, or the
    only one}, {DI letter: its rosters}), on disk (the DI letters found by folder in a temp database)."""
    out, by_letter = DiskDict(), DiskDict()
    beside = None
    for roster in rosters:
        if beside is None:  # the DI letters by folder, listed when the first roster comes
            beside = temp_database()
            beside.execute("CREATE TABLE di (folder TEXT, stem TEXT, rel TEXT)")
            beside.execute("CREATE INDEX di_by_folder ON di (folder, stem)")
            beside.executemany("INSERT INTO di VALUES (?, ?, ?)", (
                (folder_of(rel), PurePosixPath(rel).stem, rel) for rel, letter in letters.items()
                if (letter.get("source") or {}).get("format") == "di"))
        folder = folder_of(roster)
        same = beside.execute("SELECT rel FROM di WHERE folder = ? AND stem = ? ORDER BY rel LIMIT 1",
                              (folder, PurePosixPath(roster).stem)).fetchall()
        only = beside.execute("SELECT rel FROM di WHERE folder = ? ORDER BY rel LIMIT 2", (folder,)).fetchall()
        if same or len(only) == 1:
            owner = (same or only)[0][0]
            out[roster] = owner
            by_letter[owner] = [*by_letter.get(owner, []), roster]
    if beside is not None:
        beside.close()
    return out, by_letter


def inputs_to_grouping(inputs: Iterable[Input], results: Mapping[str, dict]) -> Grouping:
    """Given every input and the parse results by path, return how they belong together (on disk)."""
    letters = results_to_letters(results)
    kept, duplicates = split_duplicates(letters)
    folders = names_by_folder(i.rel for i in inputs if not i.skipped)
    try:
        claims, files = letters_to_claims(kept, letters, lambda rel: rel in results and rel not in letters, folders)
    finally:
        folders.close()
    rosters, rosters_by_letter = rosters_to_letters((i.rel for i in inputs if is_roster(i.rel) and not i.skipped),
                                                    Records(results, kept))
    return Grouping(letters, kept, duplicates, claims, rosters, files, rosters_by_letter)


def attach_file(letter: dict, position: int, rel: str, result: dict) -> None:
    """Given a letter record, an attachment position and that file's parse result, put the file's content inline."""
    attachments = letter.setdefault("attachments", [])
    while len(attachments) <= position:
        attachments.append({"title": None, "file": None, "kind": None, "content": None})
    slot = attachments[position]
    slot["file"] = slot.get("file") or PurePosixPath(rel).name
    if result["ok"]:
        slot["kind"] = record_kind(result["record"])
        slot["content"] = result["record"]
    else:
        slot["kind"], slot["content"] = "other", None


def letter_with_files(letter: dict, files: list[tuple[int, str]], results: dict[str, dict]) -> dict:
    """Given a letter record (changed in place), its attachment files as (position, path) and their full parse
    results, return the letter with each file's content inline."""
    for position, other in files:
        attach_file(letter, position, other, results[other])
    return letter


def letter_to_terms(result: dict, files: list[tuple[int, str]], results: dict[str, dict], count: int) -> Counter:
    """Given a letter's parse result, its attachment files, the parse results and its number of attachments, return
    the term counts of the letter and its attachments (a paired file's terms, else the inline attachment's)."""
    terms = Counter(result["terms"])
    from_files = dict(files)
    inline = result.get("attachment_terms") or []
    for position in range(count):
        if position in from_files:
            terms.update(results[from_files[position]].get("terms") or {})
        elif position < len(inline):
            terms.update(inline[position])
    return terms


def planned_to_document(planned: Planned, grouping: Grouping, results: dict[str, dict]) -> Document:
    """Given a planned document, the grouping and the full parse results of its input and attachment files, return
    the document: a kept letter with its attachment files inline, or a plan or table alone."""
    result = results[planned.rel]
    if planned.rel not in grouping.letters:
        return Document(planned.rel, planned.key, result["record"], Counter(result["terms"]), planned.file_name)
    files = grouping.files_of(planned.rel)
    letter = letter_with_files(result["record"], files, results)
    terms = letter_to_terms(result, files, results, len(letter.get("attachments") or []))
    return Document(planned.rel, planned.key, letter, terms, planned.file_name)


def document_file_name(rel: str, record: dict) -> str:
    """Given a document's input path and record (or its summary), return its records/ file stem: issuer-date-發文字號
    for a letter, kind-file for others."""
    stem = PurePosixPath(rel).stem
    if record_kind(record) == "letter":
        date = (record.get("date") or {}).get("iso") or "undated"
        dispatch = (record.get("dispatch_no") or {}).get("text") or stem
        return safe_stem(f"{record.get('issuer') or 'unknown'}-{date}-{dispatch}")
    return safe_stem(f"{record_kind(record)}-{stem}")


def name_documents(documents: Iterable[tuple[Planned, dict]]) -> DiskDict:
    """Given planned documents with their records (or summaries), return {path: document}, on disk, each with its
    file_name: its stem, with a short hash of the key added where two would share a name."""
    stems, counts = DiskDict(), DiskDict()  # path → (document, stem); stem → how many documents have it
    try:
        for d, record in documents:
            stem = document_file_name(d.rel, record)
            stems[d.rel] = (d, stem)
            counts[stem] = counts.get(stem, 0) + 1
        named = DiskDict()
        for rel, (d, stem) in stems.items():
            if counts[stem] > 1:
                stem = f"{stem}-{hashlib.sha256(d.key.encode('utf-8')).hexdigest()[:8]}"
            d.file_name = f"{stem}.json"
            named[rel] = d
    finally:
        stems.close()
        counts.close()
    return named


def grouping_to_documents(grouping: Grouping, results: Mapping[str, dict]) -> DiskDict:
    """Given the grouping and the parse results (summaries), return {path: document to write}, named, on disk,
    iterated by path: each kept letter, and each plan or table that no letter claims."""
    letters = ((rel, grouping.letters[rel]) for rel in grouping.kept)
    others = ((rel, r["record"]) for rel, r in results.items()
              if r["ok"] and rel not in grouping.letters and rel not in grouping.claims)
    return name_documents((Planned(rel, document_key(rel, record)), record) for rel, record in chain(letters, others))


def input_to_entry(i: Input, result: dict | None, grouping: Grouping, record: str | None) -> Entry:
    """Given an input, its parse result or summary (None: not parsed), the grouping and its records/ file (if any),
    return its manifest entry."""
    rel = i.rel
    if i.skipped:
        return Entry(rel, None, SKIPPED, reason=i.skipped)
    if rel in grouping.duplicates:
        return Entry(rel, i.sha256, DUPLICATE, "letter", duplicate_of=grouping.duplicates[rel])
    if rel in grouping.letters:
        attachments = [other for _, other in grouping.files_of(rel)] + grouping.rosters_of(rel)
        return Entry(rel, i.sha256, PARSED, "letter", record, attachments=attachments,
                     missing=list(result.get("missing") or []))
    if rel in grouping.claims:
        kind = record_kind(result["record"]) if result["ok"] else "other"
        return Entry(rel, i.sha256, ATTACHMENT_OF, kind, reason=result.get("reason"), attachment_of=grouping.claims[rel][0])
    if rel in grouping.rosters:
        return Entry(rel, i.sha256, ATTACHMENT_OF, "roster", attachment_of=grouping.rosters[rel])
    if result is None:
        return Entry(rel, i.sha256, FAILED, reason=i.error or (ORPHAN_ROSTER if is_roster(rel) else "not parsed"))
    if result["ok"]:
        return Entry(rel, i.sha256, PARSED, record_kind(result["record"]), record)
    return Entry(rel, i.sha256, FAILED, reason=result["reason"])


def with_ocr_pages(entry: Entry, result: dict | None) -> Entry:
    """Given an entry and its parse result, return the entry with the pages its file had read by OCR."""
    if result and result.get("ok"):
        entry.ocr_pages = list(((result["record"].get("source") or {}).get("ocr") or {}).get("pages") or [])
    return entry


def result_to_summary(result: dict) -> dict:
    """Given a full parse result, return its summary: the result with only the record fields the grouping, the
    naming and the manifest read (identity, date, kind, source, attachment file names), and a partial letter's
    missing fields; what a batch keeps of each input while it runs."""
    summary = {k: v for k, v in result.items() if k in ("ok", "reason", "cache", "limits")}
    record = result.get("record")
    if result["ok"] and record:
        source = record.get("source") or {}
        ocr = source.get("ocr")
        summary["record"] = {
            "schema": record["schema"], "issuer": record.get("issuer"), "dispatch_no": record.get("dispatch_no"),
            "date": {"iso": (record.get("date") or {}).get("iso")}, "complete": record.get("complete"),
            "source": {"format": source.get("format"), "sha256": source.get("sha256"),
                       "ocr": {"pages": ocr.get("pages")} if ocr else ocr},
            "attachments": [{"file": a.get("file")} for a in record.get("attachments") or []]}
        if record["schema"] in LETTER_SCHEMAS_READ and record.get("complete") is False:
            summary["missing"] = missing_in_record(record)
    return summary


def plan(inputs: Iterable[Input], summaries: Mapping[str, dict]) -> tuple[Grouping, DiskDict]:
    """Given every input and the summary of each parse result (by relative path), return the grouping and the
    documents to write, named, by path (both on disk: close them when done)."""
    grouping = inputs_to_grouping(inputs, summaries)
    return grouping, grouping_to_documents(grouping, summaries)


def outcome_entries(inputs: Iterable[Input], summaries: Mapping[str, dict], grouping: Grouping,
                    documents: Mapping[str, Planned], elsewhere: dict[str, str]) -> Iterator[Entry]:
    """Given every input, the summaries, the grouping, the documents by path and the letters already indexed from
    another inbox ({path: the copy there}), yield each input's manifest entry, in input order."""
    for i in inputs:
        summary = summaries.get(i.rel)
        document = documents.get(i.rel)
        record = f"records/{document.file_name}" if document else None
        entry = with_ocr_pages(input_to_entry(i, summary, grouping, record), summary)
        if i.rel in elsewhere:
            entry.status, entry.record, entry.duplicate_of = DUPLICATE, None, elsewhere[i.rel]
        yield entry
