"""From a record to written files: drafts → numbers → wording → layout → every requested format."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from pipeline.files import write_atomic
from pipeline.i18n import N_
from pipeline.records import Division, Letter
from pipeline.render.compose import Draft, ack_draft, circular_drafts, table_drafts, why_not_to_us
from pipeline.render.formats import WRITERS
from pipeline.render.layout import letter_layout, table_layout
from pipeline.render.numbering import assign_number
from pipeline.render.output import output_path, unique_stems
from pipeline.render.wording import word_letter

KINDS = ("ack", "circular", "table")


def not_renderable(kind: str, record, profile: dict) -> str | None:
    """Given a command kind, a record and our profile, return why nothing of that kind comes from it, or None."""
    if isinstance(record, Division):
        return None if kind == "table" else N_("a division record, not a letter")
    if not isinstance(record, Letter):
        return N_(f"a {type(record).__name__.lower()} record, not a letter")
    if kind == "table":
        return None if table_drafts(record) else N_("no division table (分工表) among its attachments")
    return why_not_to_us(record, profile, kind)


def drafts_for(kind: str, record, profile: dict) -> list[Draft]:
    """Given a command kind (ack / circular / table), a renderable record and our profile, return the drafts."""
    if kind == "table":
        return table_drafts(record)
    return [ack_draft(record, profile)] if kind == "ack" else circular_drafts(record, profile)


def draft_number(draft: Draft, profile: dict, register: Path | None) -> str:
    """Given a draft, our profile and the register (None for --no-number), return its 發文字號 or ""."""
    if draft.key is None or register is None:
        return ""
    dispatch = profile["dispatch"]
    return assign_number(register, draft.key, dispatch["word"], dispatch["serial_digits"])


def draft_to_files(draft: Draft, profile: dict, formats: list[str], number: str, day: dt.date) -> dict[str, bytes]:
    """Given a draft, our profile, formats, its number and date, return {format: file bytes}."""
    if draft.kind == "table":
        layout, context = "table", table_layout(draft, profile)
    else:
        layout, context = "letter", letter_layout(draft, word_letter(draft.kind, draft.values), profile, number, day)
    return {fmt: WRITERS[fmt].render(layout, context) for fmt in formats}


def render_record(kind: str, record, profile: dict, formats: list[str], folder: Path,
                  register: Path | None, day: dt.date | None = None) -> list[Path]:
    """Given a kind, a record, our profile, formats, the output folder and register, write the files; return their paths."""
    written = []
    drafts = drafts_for(kind, record, profile)
    for draft, stem in zip(drafts, unique_stems([d.stem for d in drafts])):
        files = draft_to_files(draft, profile, formats, draft_number(draft, profile, register), day or dt.date.today())
        for fmt, data in files.items():
            target = output_path(folder, stem, WRITERS[fmt].EXTENSION)
            write_atomic(target, data)
            written.append(target)
    return written
