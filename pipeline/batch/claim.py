"""One output folder, one inbox: the output folder names the inbox whose batch it holds (batch-inbox.txt).

A batch rewrites records/, register.csv and manifest.json to mirror its inbox, so a second inbox
batched into the same folder would delete the first one's records: it is refused instead."""
from __future__ import annotations

from pathlib import Path

from pipeline.errors import InputError
from pipeline.files import write_if_changed

CLAIM_NAME = "batch-inbox.txt"  # one line: the absolute path of the inbox


def claimed_inbox(output: Path) -> str | None:
    """Given an output folder, return the inbox (absolute path) whose batch it holds, or None for a new folder."""
    try:
        return (output / CLAIM_NAME).read_text(encoding="utf-8").strip() or None
    except (FileNotFoundError, NotADirectoryError):
        return None
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(str(output / CLAIM_NAME), f"cannot read: {getattr(exc, 'strerror', None) or exc}") from None


def check_claim(output: Path, scope: str) -> None:
    """Given an output folder and an inbox (absolute path), raise InputError when the folder holds another inbox's batch."""
    claimed = claimed_inbox(output)
    if claimed is not None and claimed != scope:
        raise InputError(str(output), f"this output folder holds the batch of inbox {claimed}; "
                                      "use another -o, or the same inbox")


def write_claim(output: Path, scope: str) -> None:
    """Given an output folder and an inbox (absolute path), record that the folder holds that inbox's batch."""
    write_if_changed(output / CLAIM_NAME, f"{scope}\n".encode("utf-8"))
