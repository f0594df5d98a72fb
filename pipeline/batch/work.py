"""What a worker process does with one input: parse it and count its jieba terms (the parent writes everything)."""
from __future__ import annotations

import os
import threading
import time

from pipeline.errors import InputError
from pipeline.index.segment import text_to_terms, tokenizer
from pipeline.index.text import attachment_to_text, content_to_text
from pipeline.load import load_record
from pipeline.read import read_bytes
from pipeline.records import to_dict


PARENT_CHECK_SECONDS = 0.5  # how soon a worker notices that its batch process is gone


def warm_up() -> None:
    """Load jieba's dictionary once in this process."""
    tokenizer()


def exit_with_parent(parent: int) -> None:
    """Given the batch process's pid, end this worker as soon as that process is gone (killed, crashed)."""
    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(PARENT_CHECK_SECONDS)
        os._exit(1)
    threading.Thread(target=watch, name="exit-with-parent", daemon=True).start()


def start_worker(parent: int) -> None:
    """The worker pool's initializer: given the batch process's pid, die with it and load jieba's dictionary."""
    exit_with_parent(parent)
    warm_up()


def one_line(text: str) -> str:
    """Given an error text, return it on one line."""
    return " ".join(str(text).split())


def parse_input(path: str) -> dict:
    """Given an input path, return {"ok": True, record, terms, attachment_terms} or {"ok": False, reason, cache}.

    ``terms`` counts the record's own text (a letter without its attachments); ``attachment_terms``
    counts each attachment already inline (a bundle), so the parent can swap in attachment files."""
    try:
        record = to_dict(load_record(path, read_bytes(path, follow_links=False)))  # the inbox's own files only
    except InputError as exc:
        return {"ok": False, "reason": one_line(exc.reason), "cache": True}
    except MemoryError:
        return {"ok": False, "reason": "out of memory while parsing", "cache": False}
    except Exception as exc:  # a parser bug must not stop the batch: the file is reported failed, not cached
        return {"ok": False, "reason": one_line(f"internal error: {type(exc).__name__}: {exc}"), "cache": False}
    attachments = record.get("attachments") or []
    own = dict(record, attachments=[]) if attachments else record
    return {
        "ok": True,
        "record": record,
        "terms": dict(text_to_terms(content_to_text(own))),
        "attachment_terms": [dict(text_to_terms(attachment_to_text(a))) for a in attachments],
    }
