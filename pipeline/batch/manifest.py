"""manifest.json: every input with its sha256, status and, for failures, the one-line reason."""
from __future__ import annotations

import dataclasses
import json
from collections import Counter
from collections.abc import Iterable, Iterator

from pipeline.batch.assemble import STATUSES, Entry
from pipeline.files import json_bytes

MANIFEST_SCHEMA = "gongwen/manifest@1"
ENTRY_FIELDS = [f.name for f in dataclasses.fields(Entry)]


def entries_to_counts(entries: Iterable[Entry]) -> dict[str, int]:
    """Given manifest entries, return how many have each status (every status named, zero or not)."""
    counts = Counter(e.status for e in entries)
    return {status: counts.get(status, 0) for status in STATUSES}


def entry_to_dict(entry: Entry) -> dict:
    """Given an entry, return its manifest dict without the fields that do not apply."""
    return {k: v for k in ENTRY_FIELDS if (v := getattr(entry, k)) not in (None, [])}


def entries_to_manifest(inbox: str, entries: list[Entry]) -> dict:
    """Given the inbox and every entry, return the manifest (no timings: equal runs give equal manifests)."""
    return {
        "schema": MANIFEST_SCHEMA,
        "inbox": inbox,
        "counts": entries_to_counts(entries),
        "inputs": [entry_to_dict(e) for e in entries],
    }


def manifest_chunks(inbox: str, counts: dict[str, int], entries: Iterable[Entry]) -> Iterator[bytes]:
    """Given the inbox, the counts and every entry (made one at a time), yield manifest.json piece by piece: the bytes
    of json_bytes(entries_to_manifest(…)) without holding every entry at once."""
    head = json.dumps({"schema": MANIFEST_SCHEMA, "inbox": inbox, "counts": counts, "inputs": [0]},
                      ensure_ascii=False, indent=2)
    before, after = head.rsplit("0", 1)  # the list's one placeholder is the document's last 0
    separator = before.encode("utf-8")
    for entry in entries:
        yield separator
        yield json.dumps(entry_to_dict(entry), ensure_ascii=False, indent=2).replace("\n", "\n    ").encode("utf-8")
        separator = b",\n    "
    if separator == before.encode("utf-8"):  # no entry: an empty list
        yield json_bytes({"schema": MANIFEST_SCHEMA, "inbox": inbox, "counts": counts, "inputs": []})
    else:
        yield (after + "\n").encode("utf-8")
