"""Documents computed ahead, by the worker that parsed their file. A parse result that makes a document alone (a
letter no attachment file joins, a plan or table no letter claims) makes everything the batch writes of it — its
record file's bytes and its index parts — from that one result, so its worker computes them while the others parse,
and the batch process, the one writer, only writes them. A document the grouping changes (a letter attachment files
join) is built on the workers too, once the grouping is known, from its files' results in the parse cache."""
from __future__ import annotations

import json
import pickle
from dataclasses import dataclass

from pipeline.batch.assemble import Document, Grouping, Planned, document_file_name, document_key, \
    planned_to_document
from pipeline.files import json_bytes
from pipeline.index.write import IndexEntry, Prepared, entry_to_prepared
from pipeline.records import LETTER_SCHEMAS_READ


@dataclass
class Ahead:
    """A document ready to write: the document, its record file's bytes and its index parts (None: made as it is
    written)."""
    document: Document
    file_bytes: bytes
    prepared: Prepared | None = None

    def to_entry(self) -> IndexEntry:
        """Return the document's index entry."""
        document = self.document
        return IndexEntry(document.key, document.record, f"records/{document.file_name}", document.terms,
                          self.prepared)


def result_to_alone(rel: str, result: dict) -> Document:
    """Given an input's path and its full parse result (parsed), return the document it makes alone."""
    record = result["record"]
    planned = Planned(rel, document_key(rel, record), f"{document_file_name(rel, record)}.json")
    grouping = Grouping({rel: record} if record["schema"] in LETTER_SCHEMAS_READ else {}, [rel], {}, {}, {})
    return planned_to_document(planned, grouping, {rel: result})


def document_to_ahead(document: Document) -> Ahead:
    """Given a document, return it ready to write, its record file's bytes and its index parts computed."""
    entry = IndexEntry(document.key, document.record, f"records/{document.file_name}", document.terms)
    return Ahead(document, json_bytes(document.record), entry_to_prepared(entry))


def is_as_planned(ahead: Ahead, planned: Planned) -> bool:
    """Given a document computed ahead and the document the batch planned for that input, return whether they are
    the same: same key, same record file name (the naming added no hash for a clash)."""
    return (ahead.document.key, ahead.document.file_name) == (planned.key, planned.file_name)


def joined_to_ahead(planned: Planned, files: list[tuple[int, str]], results: dict[str, str]) -> bytes:
    """Given a planned letter, its attachment files as (position, path) and the full parse results of both as JSON
    (a failed file's: its summary), return the letter with its files inline, ready to write (Ahead, pickled)."""
    full = {rel: json.loads(text) for rel, text in results.items()}
    claims = {other: (planned.rel, position) for position, other in files}
    grouping = Grouping({planned.rel: full[planned.rel]["record"]}, [planned.rel], {}, claims, {})
    return pickle.dumps(document_to_ahead(planned_to_document(planned, grouping, full)))
