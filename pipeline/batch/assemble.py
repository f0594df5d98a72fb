"""Turn parse results into the batch's outcome: duplicates, letters with their attachment files, every input's status."""
from __future__ import annotations

import copy
import hashlib
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import PurePosixPath

from pipeline.batch.discover import Input, folder_of, is_roster, letter_to_attachment_files, names_by_folder
from pipeline.files import safe_stem
from pipeline.records import LETTER_SCHEMA

FORMAT_RANK = {"di": 0, "odt": 1, "fodt": 1, "pdf": 2, "text": 3}  # which copy of a duplicate is kept: exact first

PARSED, ATTACHMENT_OF, FAILED, DUPLICATE = "parsed", "attachment-of", "failed", "skipped-duplicate"


@dataclass
class Entry:
    """One input's line in the manifest."""
    path: str  # relative to the inbox
    sha256: str | None
    status: str  # parsed | attachment-of | failed | skipped-duplicate
    kind: str | None = None  # letter | plan | division | other | roster
    record: str | None = None  # records/… written for it
    reason: str | None = None  # why it failed (or why an attachment file could not be parsed)
    attachment_of: str | None = None
    duplicate_of: str | None = None
    attachments: list[str] = field(default_factory=list)


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
    """Given a copy of a letter, return its sort rank among duplicates (DI, ODT, PDF, text; then path)."""
    return FORMAT_RANK.get((record.get("source") or {}).get("format"), 9), rel


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


def assemble(inputs: list[Input], results: dict[str, dict]) -> Outcome:
    """Given every input and the parse result of each (by relative path), return the batch's outcome."""
    sha = {i.rel: i.sha256 for i in inputs}
    letters = {rel: r["record"] for rel, r in results.items() if r["ok"] and r["record"]["schema"] == LETTER_SCHEMA}
    kept, duplicates = split_duplicates(letters)
    folders = names_by_folder([i.rel for i in inputs])
    claimable = {rel for rel, r in results.items() if rel not in letters}
    claims: dict[str, tuple[str, int]] = {}
    for rel in kept:
        for position, other in sorted(letter_to_attachment_files(rel, letters[rel], folders).items()):
            if other in claimable and other not in claims:
                claims[other] = (rel, position)
    rosters = rosters_to_letters([i.rel for i in inputs if is_roster(i.rel)], {r: letters[r] for r in kept})

    entries, documents = {}, []
    for rel in kept:
        result = results[rel]
        letter = copy.deepcopy(letters[rel])
        inline_terms = result.get("attachment_terms") or []
        mine = sorted((position, other) for other, (owner, position) in claims.items() if owner == rel)
        for position, other in mine:
            attach_file(letter, position, other, results[other])
        terms = Counter(result["terms"])
        from_files = {position: other for position, other in mine}
        for position in range(len(letter.get("attachments") or [])):
            if position in from_files:
                terms.update(results[from_files[position]].get("terms") or {})
            elif position < len(inline_terms):
                terms.update(inline_terms[position])
        documents.append(Document(rel, letter_key(rel, letter), letter, terms))
        entries[rel] = Entry(rel, sha[rel], PARSED, "letter",
                             attachments=[o for _, o in mine] + sorted(r for r, owner in rosters.items() if owner == rel))
    for rel, result in results.items():
        if rel in entries:
            continue
        if rel in duplicates:
            entries[rel] = Entry(rel, sha[rel], DUPLICATE, "letter", duplicate_of=duplicates[rel])
        elif rel in claims:
            kind = record_kind(result["record"]) if result["ok"] else "other"
            entries[rel] = Entry(rel, sha[rel], ATTACHMENT_OF, kind, reason=result.get("reason"),
                                 attachment_of=claims[rel][0])
        elif result["ok"]:
            documents.append(Document(rel, f"file|{rel}", result["record"], Counter(result["terms"])))
            entries[rel] = Entry(rel, sha[rel], PARSED, record_kind(result["record"]))
        else:
            entries[rel] = Entry(rel, sha[rel], FAILED, reason=result["reason"])
    for i in inputs:
        if i.rel in entries:
            continue
        if i.rel in rosters:
            entries[i.rel] = Entry(i.rel, i.sha256, ATTACHMENT_OF, "roster", attachment_of=rosters[i.rel])
        else:
            reason = i.error or ("exchange roster (.sw) with no DI letter beside it" if is_roster(i.rel)
                                 else "not parsed")
            entries[i.rel] = Entry(i.rel, i.sha256, FAILED, reason=reason)
    name_documents(documents)
    for d in documents:
        entries[d.rel].record = f"records/{d.file_name}"
    documents.sort(key=lambda d: d.rel)
    return Outcome([entries[i.rel] for i in inputs], documents)
