"""What a worker does with one input: parse it, count its jieba terms, and hand the batch the result's summary, the
full result as JSON for the parse cache, and the document the file makes alone computed ahead (ahead.py; the batch
process writes everything)."""
from __future__ import annotations

import json
import os
import pickle
import signal
import threading
import time
import traceback

from pipeline.batch.ahead import document_to_ahead, result_to_alone
from pipeline.batch.assemble import result_to_summary
from pipeline.batch.guard import Limits, OverTime, limited
from pipeline.batch.lock import let_go_of_inherited_lock
from pipeline.errors import InputError
from pipeline.failures import debugging, internal_error
from pipeline.i18n import N_
from pipeline.index.segment import text_to_terms, tokenizer
from pipeline.index.text import attachment_to_text, content_to_text
from pipeline.load import load_record
from pipeline.read import read_bytes
from pipeline.records import to_dict


PARENT_CHECK_SECONDS = 0.5  # how soon a worker notices that its batch process is gone
WORKER_DIED = N_("worker process died while parsing (a crash, or over the memory or time limit inside native code)")
UNREACHABLE = N_("not reachable from the Dask worker: its folder is not there (the inbox must be on storage every "
                 "worker shares, at the same path)")


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


def end_quietly_on_interrupt() -> None:
    """Make Ctrl-C (SIGINT to the terminal's whole process group) end this worker at once and without a traceback:
    the batch process gets it too and says it was interrupted."""
    signal.signal(signal.SIGINT, lambda signum, frame: os._exit(130))


def start_builder(parent: int) -> None:
    """The initializer of a pool that builds documents: given the batch process's pid, end quietly on Ctrl-C, let go
    of its copy of the batch's lock and die with that process."""
    end_quietly_on_interrupt()
    let_go_of_inherited_lock()
    exit_with_parent(parent)


def start_worker(parent: int) -> None:
    """The parsing pool's initializer: given the batch process's pid, start as a builder does (start_builder) and load
    jieba's dictionary."""
    start_builder(parent)
    warm_up()


def one_line(text: str) -> str:
    """Given an error text, return it on one line."""
    return " ".join(str(text).split())


def parse_input(path: str, limits: Limits = Limits()) -> dict:
    """Given an input path (and its limits), return {"ok": True, record, terms, attachment_terms} or
    {"ok": False, reason, cache, limits?}.

    ``terms`` counts the record's own text (a letter without its attachments); ``attachment_terms``
    counts each attachment already inline (a bundle), so the parent can swap in attachment files."""
    try:
        with limited(limits):
            record = to_dict(load_record(path, read_bytes(path, follow_links=False)))  # the inbox's own files only
    except InputError as exc:
        return {"ok": False, "reason": one_line(exc.reason), "cache": True}
    except OverTime:
        return {"ok": False, "reason": f"took longer than the time limit of {limits.seconds:g} s a file "
                "(--time-limit)", "cache": True, "limits": limits.as_dict()}
    except MemoryError:
        return {"ok": False, "reason": f"needed more than the memory limit of {limits.megabytes} MB a file "
                "(--memory-limit)", "cache": True, "limits": limits.as_dict()}
    except Exception as exc:  # a bug in gongwen must not stop the batch: the file fails, cached like any result
        if debugging():
            traceback.print_exc()
        return {"ok": False, "reason": one_line(internal_error(exc)), "cache": True}
    attachments = record.get("attachments") or []
    own = dict(record, attachments=[]) if attachments else record
    return {
        "ok": True,
        "record": record,
        "terms": dict(text_to_terms(content_to_text(own))),
        "attachment_terms": [dict(text_to_terms(attachment_to_text(a))) for a in attachments],
    }


def result_to_batch(result: dict, rel: str = "") -> dict:
    """Given a full parse result and its input's path in the inbox, return what the batch receives: {summary, json,
    ahead}, the result's summary; when the result is kept in the parse cache, the whole result as the JSON the cache
    stores (else None); and when the file parsed, the document it makes alone, computed ahead (ahead.Ahead,
    pickled; else None)."""
    cached = result["ok"] or result.get("cache")
    return {"summary": result_to_summary(result), "json": json.dumps(result, ensure_ascii=False) if cached else None,
            "ahead": pickle.dumps(document_to_ahead(result_to_alone(rel, result))) if result["ok"] else None}


def failure(reason: str) -> dict:
    """Given why a file could not be parsed, return what the batch receives for it (not cached: tried next run)."""
    return result_to_batch({"ok": False, "reason": reason, "cache": False})


def parse_for_batch(path: str, rel: str, limits: Limits = Limits()) -> dict:
    """Given an input's path, its path in the inbox (and its limits), return what the batch receives for it
    (result_to_batch)."""
    return result_to_batch(parse_input(path, limits), rel)


def parse_several(files: list[tuple[str, str]], limits: Limits = Limits()) -> list[dict]:
    """Given files as (path, path in the inbox) (and their limits), return what the batch receives for each
    (parse_for_batch), in order."""
    return [parse_for_batch(path, rel, limits) for path, rel in files]


def parse_on_worker(path: str, rel: str, limits: Limits = Limits()) -> dict:
    """Given an input's path, its path in the inbox (and its limits), return what the batch receives for it from a
    Dask worker: as parse_for_batch, or a failure when the worker cannot reach the file's folder."""
    if not os.path.isdir(os.path.dirname(path) or "."):
        return failure(UNREACHABLE)
    return parse_for_batch(path, rel, limits)
