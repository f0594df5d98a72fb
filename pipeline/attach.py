"""A letter read from a file, with the attachment files beside it parsed and put inline.

The pairing rule (attachment_positions) is the batch's too: a file pairs with the 附件
entry that names it, else by the exchange naming. A paired file's record goes into
attachments[i] as the batch puts it: kind = its schema's kind (plan / division /
letter), content = the record as a dict; a file that cannot be parsed is kind
``other`` with no content.
"""
from __future__ import annotations

import re
from pathlib import Path

from pipeline.errors import InputError
from pipeline.load import load_record
from pipeline.read import read_bytes
from pipeline.records import Attachment, Letter, to_dict

# 公文電子交換 attachment names: {機關代碼}{發文字號 digits}_{n}_ATTACH{k}.{ext}
ATTACHMENT_NAME = re.compile(r"^(?P<prefix>.+?)_(?P<n>\d+)_ATTACH(?P<k>\d+)\.[^.]+$", re.IGNORECASE)


def attachment_positions(files: list[str | None], number: str | None, names: list[str]) -> dict[int, str]:
    """Given the 附件 entries' file names in order, the 發文字號 digits and the names of the other files in the
    letter's folder, return {attachment position: file name} of the files that are its attachments.

    A file pairs with a 附件 entry that names it (case aside), else by the exchange naming: a name
    「…{dispatch digits}_{n}_ATTACH{k}.ext」 is attachment k (positions past the 附件 list are appended)."""
    here = {name.lower(): name for name in names}
    found: dict[int, str] = {}
    for position, file in enumerate(files):
        name = (file or "").strip().lower()
        if name in here:
            found[position] = here[name]
    if number:
        claimed = set(found.values())
        extra = len(files)
        for lower, name in sorted(here.items()):
            match = ATTACHMENT_NAME.match(lower)
            if not match or name in claimed or not match.group("prefix").endswith(number):
                continue
            position = int(match.group("k")) - 1
            if position in found or position >= len(files) or position < 0:
                position, extra = extra, extra + 1
            found[position] = name
    return found


def record_kind(record) -> str:
    """Given a record, return its kind from its schema: letter, plan or division."""
    return record.schema.split("/")[-1].split("@")[0]


def attach_files(letter: Letter, path: Path) -> list[str]:
    """Given a letter and the path it was read from, parse the attachment files beside it into
    attachments[i].kind / .content; return a warning for each named file that is missing or unreadable."""
    folder = path.parent
    try:
        names = sorted(p.name for p in folder.iterdir()
                       if p.is_file() and not p.is_symlink() and p.name != path.name)  # links are never followed
    except OSError:
        names = []
    number = letter.dispatch_no.number if letter.dispatch_no else None
    positions = attachment_positions([a.file for a in letter.attachments], number, names)
    warnings = []
    for position, name in sorted(positions.items()):
        while len(letter.attachments) <= position:
            letter.attachments.append(Attachment(title=None))
        slot = letter.attachments[position]
        slot.file = slot.file or name
        try:
            record = load_record(str(folder / name), read_bytes(str(folder / name), follow_links=False))
        except InputError as exc:
            slot.kind, slot.content = "other", None
            warnings.append(f"attachment file {name} not read: {exc.reason}")
            continue
        slot.kind, slot.content = record_kind(record), to_dict(record)
    for position, attachment in enumerate(letter.attachments):
        if attachment.file and position not in positions:
            inline = " (its content inside the letter is used)" if attachment.content else ""
            warnings.append(f"attachment file {attachment.file} not found beside the letter{inline}")
    return warnings


def load_with_attachments(path: str) -> tuple[object, list[str]]:
    """Given a path, return its record (a letter with its attachment files parsed inline) and the warnings."""
    record = load_record(path)
    if not isinstance(record, Letter):
        return record, []
    return record, attach_files(record, Path(path))
