"""Turn a read Document into the right record: a letter (with its attachments), a plan or a division table."""
from __future__ import annotations

from pipeline.blocks import Block, Document
from pipeline.errors import InputError
from pipeline.parse.clean import normalise_line
from pipeline.parse.clean_blocks import clean_text, furniture_warnings, normalise_blocks
from pipeline.parse.division import blocks_to_division
from pipeline.parse.kind import (DIVISION, LETTER, PLAN, AttachmentRun, blocks_to_kind, find_attachment_start,
                                is_part_of_letter, split_attachments)
from pipeline.parse.letter import (attachment_titles, blocks_to_letter, fields_to_letter, letter_received, split_letter,
                                   text_to_fields)
from pipeline.parse.plan import blocks_to_plan
from pipeline.parse.script import blocks_in_traditional
from pipeline.records import Attachment, Letter, to_dict

OTHER = "other"


def blocks_to_attachment_record(blocks: list[Block]):
    """Given an attachment's blocks, return (kind, record): a plan, a division table, a letter, or ("other", None)."""
    kind = blocks_to_kind(blocks)
    if kind == PLAN:
        return kind, blocks_to_plan(blocks)
    if kind == DIVISION:
        return kind, blocks_to_division(blocks)
    if kind == LETTER:
        return kind, blocks_to_letter(blocks)
    return OTHER, None


def attach_runs(letter: Letter, runs: list[AttachmentRun]) -> None:
    """Given a letter and its bundle's attachment runs, fill each matching 附件 entry's kind and content."""
    filled: set[int] = set()
    for run in runs:
        kind, record = blocks_to_attachment_record(run.blocks)
        heading = normalise_line(run.heading.replace("\n", ""))
        index = run.title_index if run.title_index not in filled else None
        if index is None and kind != OTHER:  # no title matched: the first 附件 entry still empty
            index = next((i for i in range(len(letter.attachments)) if i not in filled), None)
            if index is None:
                letter.attachments.append(Attachment(title=heading))
                index = len(letter.attachments) - 1
                letter.warnings.append(f"attachment 「{heading}」 follows the letter but is not in its 附件 list")
        if index is None:
            letter.warnings.append(f"text after the letter matches no 附件: 「{heading[:30]}」")
            continue
        filled.add(index)
        letter.attachments[index].kind = kind
        letter.attachments[index].content = to_dict(record) if record is not None else None


def blocks_to_bundle(blocks: list[Block]) -> Letter:
    """Given a letter's blocks, possibly followed by its attachments, return the Letter with attachments filled."""
    blocks = normalise_blocks(blocks)
    own, rest = split_letter(blocks)
    fields = text_to_fields(clean_text(own))
    titles = attachment_titles(fields)
    if not rest and (start := find_attachment_start(own, titles)) is not None:  # no page footer ends the letter
        own, rest = blocks[:start], blocks[start:]
        fields = text_to_fields(clean_text(own))
    letter = fields_to_letter(fields, furniture_warnings(own))
    letter.received = letter_received(own, rest)
    if any(b.clean for b in rest):
        attach_runs(letter, split_attachments(rest, titles))
    return letter


def has_letter_content(letter: Letter) -> bool:
    """Given a letter record, return whether it holds anything of a letter: issuer, date, 發文字號, subject,
    a section, a recipient or a 正本/副本 entry (a partial record needs one of them)."""
    return any([letter.issuer, letter.date, letter.dispatch_no, letter.subject, letter.sections, letter.recipient,
                letter.cc_main, letter.cc_copy])


def document_to_record(doc: Document):
    """Given a Document, return its Letter, Plan or Division record (a partial letter when only part of a letter is
    there: ``complete`` false); raise InputError when it holds nothing of any of them."""
    blocks, converted = blocks_in_traditional(doc.blocks)
    blocks = normalise_blocks(blocks)
    kind = blocks_to_kind(blocks) or (LETTER if is_part_of_letter(blocks) else None)  # a partial letter last
    if kind == LETTER:
        record = blocks_to_bundle(blocks)
        if not has_letter_content(record):
            kind = None
    elif kind == PLAN:
        record = blocks_to_plan(blocks)
    elif kind == DIVISION:
        record = blocks_to_division(blocks)
    if kind is None:
        raise InputError(doc.path, "not an official letter: no 發文字號 and no 主旨 found "
                                   "(nor any other part of a letter, a plan's sections or a division table's rows)")
    record.warnings[:0] = doc.warnings + (["written in simplified characters (a site's rendering): read in traditional "
                                           "ones, as the letter was written"] if converted else [])
    return record
