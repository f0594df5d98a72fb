"""Turn parse results into the batch's outcome, as a chain: parse results → letters → the copy kept of each and
its duplicates → the attachment files and rosters each letter claims → the documents to write → every input's
manifest entry."""
from __future__ import annotations

import copy
import hashlib
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import PurePosixPath

from pipeline.batch.discover import Folder, Input, folder_of, is_roster, letter_to_attachment_files, names_by_folder
from pipeline.files import safe_stem
from pipeline.parse.completeness import missing_in_record
from pipeline.records import LETTER_SCHEMA

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
class Outcome:
    """What a batch produced: a manifest entry for every input, and the documents to write and index."""
    entries: list[Entry]
    documents: list[Document]


@dataclass
class Grouping:
    """How the inputs belong together."""
    letters: dict[str, dict]  # every copy that parsed as a letter: path → record
    kept: list[str]  # the copy kept of each letter, sorted
    duplicates: dict[str, str]  # another copy → the kept one
    claims: dict[str, tuple[str, int]]  # attachment file → (its letter, attachment position)
    rosters: dict[str, str]  # .sw roster → its DI letter

    def files_of(self, letter: str) -> list[tuple[int, str]]:
        """Given a kept letter's path, return its attachment files as (position, path), by position."""
        return sorted((position, other) for other, (owner, position) in self.claims.items() if owner == letter)

    def rosters_of(self, letter: str) -> list[str]:
        """Given a kept letter's path, return its rosters' paths."""
        return sorted(roster for roster, owner in self.rosters.items() if owner == letter)


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


def copy_rank(rel: str, record: dict) -> tuple:
    """Given a copy of a letter, return its sort rank among duplicates (DI, ODT/Word, PDF, text, scans; then path)."""
    source = record.get("source") or {}
    return OCR_RANK if source.get("ocr") else FORMAT_RANK.get(source.get("format"), 9), rel


def results_to_letters(results: dict[str, dict]) -> dict[str, dict]:
    """Given parse results by path, return {path: letter record} of those that parsed as letters."""
    return {rel: r["record"] for rel, r in results.items() if r["ok"] and r["record"]["schema"] == LETTER_SCHEMA}


def split_duplicates(letters: dict[str, dict]) -> tuple[list[str], dict[str, str]]:
    """Given {path: letter record}, return (kept paths sorted, {duplicate path: kept path})."""
    groups = defaultdict(list)
    for rel, record in letters.items():
        groups[letter_key(rel, record)].append(rel)
    kept, duplicates = [], {}
    for rels in groups.values():
        best = min(rels, key=lambda r: copy_rank(r, letters[r]))
        kept.append(best)
        duplicates.update({r: best for r in rels if r != best})
    return sorted(kept), duplicates


def letters_to_claims(kept: list[str], letters: dict[str, dict], claimable: set[str],
                      folders: dict[str, Folder]) -> dict[str, tuple[str, int]]:
    """Given the kept letters, their records, the paths that may be attachment files and the inbox's names by
    folder, return {file: (letter, position)}: a file named by several letters goes to the first by path."""
    claims: dict[str, tuple[str, int]] = {}
    for rel in kept:
        for position, other in sorted(letter_to_attachment_files(rel, letters[rel], folders).items()):
            if other in claimable and other not in claims:
                claims[other] = (rel, position)
    return claims


def rosters_to_letters(rosters: list[str], letters: dict[str, dict]) -> dict[str, str]:
    """Given .sw roster paths and the kept letters, return {roster: DI letter beside it with the same stem, or the only one}."""
    out = {}
    for roster in rosters:
        beside = [rel for rel, rec in letters.items()
                  if folder_of(rel) == folder_of(roster) and (rec.get("source") or {}).get("format") == "di"]
        same = [rel for rel in beside if PurePosixPath(rel).stem == PurePosixPath(roster).stem]
        if same or len(beside) == 1:
            out[roster] = (same or beside)[0]
    return out


def inputs_to_grouping(inputs: list[Input], results: dict[str, dict]) -> Grouping:
    """Given every input and the parse results by path, return how they belong together."""
    letters = results_to_letters(results)
    kept, duplicates = split_duplicates(letters)
    claimable = {rel for rel in results if rel not in letters}
    claims = letters_to_claims(kept, letters, claimable, names_by_folder([i.rel for i in inputs if not i.skipped]))
    rosters = rosters_to_letters([i.rel for i in inputs if is_roster(i.rel) and not i.skipped],
                                 {rel: letters[rel] for rel in kept})
    return Grouping(letters, kept, duplicates, claims, rosters)


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
    """Given a letter record, its attachment files as (position, path) and the parse results, return a copy of the
    letter with each file's content inline."""
    letter = copy.deepcopy(letter)
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


def letter_to_document(rel: str, grouping: Grouping, results: dict[str, dict]) -> Document:
    """Given a kept letter's path, the grouping and the parse results, return its document, attachment files inline."""
    files = grouping.files_of(rel)
    letter = letter_with_files(grouping.letters[rel], files, results)
    terms = letter_to_terms(results[rel], files, results, len(letter.get("attachments") or []))
    return Document(rel, letter_key(rel, letter), letter, terms)


def document_file_name(document: Document) -> str:
    """Given a document, return its records/ file stem: issuer-date-發文字號 for a letter, kind-file for others."""
    record = document.record
    stem = PurePosixPath(document.rel).stem
    if record_kind(record) == "letter":
        date = (record.get("date") or {}).get("iso") or "undated"
        dispatch = (record.get("dispatch_no") or {}).get("text") or stem
        return safe_stem(f"{record.get('issuer') or 'unknown'}-{date}-{dispatch}")
    return safe_stem(f"{record_kind(record)}-{stem}")


def name_documents(documents: list[Document]) -> None:
    """Given documents, set each file_name, adding a short hash of the key where two would share a name."""
    stems = {id(d): document_file_name(d) for d in documents}
    counts = Counter(stems.values())
    for d in documents:
        stem = stems[id(d)]
        if counts[stem] > 1:
            stem = f"{stem}-{hashlib.sha256(d.key.encode('utf-8')).hexdigest()[:8]}"
        d.file_name = f"{stem}.json"


def grouping_to_documents(grouping: Grouping, results: dict[str, dict]) -> list[Document]:
    """Given the grouping and the parse results, return the documents to write, named and sorted by path: each kept
    letter with its attachment files, and each plan or table that no letter claims."""
    documents = [letter_to_document(rel, grouping, results) for rel in grouping.kept]
    documents += [Document(rel, f"file|{rel}", r["record"], Counter(r["terms"])) for rel, r in results.items()
                  if r["ok"] and rel not in grouping.letters and rel not in grouping.claims]
    name_documents(documents)
    return sorted(documents, key=lambda d: d.rel)


def input_to_entry(i: Input, result: dict | None, grouping: Grouping, record: str | None) -> Entry:
    """Given an input, its parse result (None: not parsed), the grouping and its records/ file (if any), return its
    manifest entry."""
    rel = i.rel
    if i.skipped:
        return Entry(rel, None, SKIPPED, reason=i.skipped)
    if rel in grouping.duplicates:
        return Entry(rel, i.sha256, DUPLICATE, "letter", duplicate_of=grouping.duplicates[rel])
    if rel in grouping.letters:
        attachments = [other for _, other in grouping.files_of(rel)] + grouping.rosters_of(rel)
        letter = grouping.letters[rel]
        missing = missing_in_record(letter) if letter.get("complete") is False else []
        return Entry(rel, i.sha256, PARSED, "letter", record, attachments=attachments, missing=missing)
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


def assemble(inputs: list[Input], results: dict[str, dict]) -> Outcome:
    """Given every input and the parse result of each (by relative path), return the batch's outcome."""
    grouping = inputs_to_grouping(inputs, results)
    documents = grouping_to_documents(grouping, results)
    records = {d.rel: f"records/{d.file_name}" for d in documents}
    entries = [with_ocr_pages(input_to_entry(i, results.get(i.rel), grouping, records.get(i.rel)), results.get(i.rel))
               for i in inputs]
    return Outcome(entries, documents)
