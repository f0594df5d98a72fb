"""manifest.json: every input with its sha256, status and, for failures, the one-line reason."""
from __future__ import annotations

import dataclasses
from collections import Counter

from pipeline.batch.assemble import STATUSES, Entry

MANIFEST_SCHEMA = "gongwen/manifest@1"


def entries_to_counts(entries: list[Entry]) -> dict[str, int]:
    """Given manifest entries, return how many have each status (every status named, zero or not)."""
    counts = Counter(e.status for e in entries)
    return {status: counts.get(status, 0) for status in STATUSES}


def entry_to_dict(entry: Entry) -> dict:
    """Given an entry, return its manifest dict without the fields that do not apply."""
    return {k: v for k, v in dataclasses.asdict(entry).items() if v not in (None, [])}


def entries_to_manifest(inbox: str, entries: list[Entry]) -> dict:
    """Given the inbox and every entry, return the manifest (no timings: equal runs give equal manifests)."""
    return {
        "schema": MANIFEST_SCHEMA,
        "inbox": inbox,
        "counts": entries_to_counts(entries),
        "inputs": [entry_to_dict(e) for e in entries],
    }
