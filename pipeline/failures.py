"""Unexpected errors inside gongwen as one line: the reason, and how to get the traceback (``gongwen --debug``)."""
from __future__ import annotations

import os

DEBUG_ENV = "GONGWEN_DEBUG"  # set by `gongwen --debug`; worker processes inherit it


def debugging() -> bool:
    """Return whether tracebacks are wanted (``gongwen --debug`` or GONGWEN_DEBUG=1)."""
    return os.environ.get(DEBUG_ENV, "") not in ("", "0")


def internal_error(exc: BaseException) -> str:
    """Given an unexpected exception, return its one-line reason, with the way to see its traceback."""
    text = " ".join(f"{type(exc).__name__}: {exc}".split())
    if len(text) > 300:
        text = text[:300] + "…"
    return f"internal error: {text} (run `gongwen --debug …` for the traceback)"
