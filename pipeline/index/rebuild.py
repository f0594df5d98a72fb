"""`gongwen index rebuild`: a new index made from the record files a batch wrote, put in place of the old one."""
from __future__ import annotations

import json
import os
import tempfile
from collections import Counter
from pathlib import Path

from pipeline.batch.assemble import letter_key
from pipeline.batch.claim import claimed_inbox
from pipeline.errors import InputError
from pipeline.files import TEMP_PREFIX
from pipeline.index.schema import create_index
from pipeline.index.segment import text_to_terms
from pipeline.index.text import attachment_to_text, content_to_text
from pipeline.index.write import IndexEntry, sync_index


def manifest_rels(output: Path) -> dict[str, str]:
    """Given an output folder, return {record file name: the input's path in the inbox} from its manifest."""
    try:
        manifest = json.loads((output / "manifest.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {Path(e["record"]).name: e["path"] for e in manifest.get("inputs", [])
            if isinstance(e, dict) and e.get("record") and e.get("path")}


def record_to_terms(record: dict) -> Counter:
    """Given a record, return its jieba term counts as a batch counts them: its own text, then each attachment's."""
    attachments = record.get("attachments") or []
    terms = text_to_terms(content_to_text(dict(record, attachments=[]) if attachments else record))
    for attachment in attachments:
        terms.update(text_to_terms(attachment_to_text(attachment)))
    return terms


def records_to_entries(records: Path) -> list[IndexEntry]:
    """Given a batch's records folder, return an index entry for each record file; raise InputError for an
    unreadable one."""
    rels = manifest_rels(records.parent)
    entries = []
    for path in sorted(records.glob("*.json")):
        try:
            record = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise InputError(str(path), f"not a readable record: {exc}") from None
        rel = rels.get(path.name) or Path((record.get("source") or {}).get("path") or path.name).name
        key = letter_key(rel, record) if record.get("schema", "").startswith("gongwen/letter") else f"file|{rel}"
        entries.append(IndexEntry(key, record, f"records/{path.name}", record_to_terms(record)))
    return entries


def rebuild_index(index: Path, records: Path) -> int:
    """Given the index path and the records folder of the batch it belongs to, write a new index from the records
    in place of the old one (atomically); return the number of documents."""
    if not records.is_dir():
        raise InputError(str(records), "no records folder here: give --records DIR")
    scope = claimed_inbox(records.parent)
    if scope is None:
        raise InputError(str(records.parent), "no batch-inbox.txt: not an output folder written by `gongwen batch`")
    entries = records_to_entries(records)
    fd, tmp = tempfile.mkstemp(prefix=TEMP_PREFIX, suffix=".sqlite", dir=index.parent)
    os.close(fd)
    try:
        conn = create_index(tmp)
        try:
            sync_index(conn, entries, scope)
        finally:
            conn.close()
        Path(f"{index}-journal").unlink(missing_ok=True)  # the old file's journal must not be applied to the new
        os.replace(tmp, index)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return len(entries)
