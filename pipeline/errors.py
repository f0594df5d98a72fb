"""User-facing errors: one line naming the file and the problem."""
from __future__ import annotations

import re

LINE_BREAKS = re.compile(r"[\n\r\v\f\x1c-\x1e\x85\u2028\u2029]+")  # whatever str.splitlines() splits at


def one_line(text: str) -> str:
    """Given a text (a reason, a file name), return it on one line: line breaks become spaces."""
    return LINE_BREAKS.sub(" ", text)


class InputError(Exception):
    """An input the pipeline cannot use; ``str()`` is the one-line message."""

    def __init__(self, path: str | None, reason: str):
        self.path = path
        self.reason = one_line(reason)
        super().__init__(f"{self.shown_path()}: {self.reason}" if path else self.reason)

    def shown_path(self) -> str:
        """The path as the message shows it: on one line, a Big5 file name decoded (not as escapes)."""
        from pipeline.files import printable_path
        return one_line(printable_path(self.path))

    def __str__(self) -> str:
        """The one-line message, its reason in the reader's language (pipeline/i18n.py)."""
        from pipeline.i18n import translate
        return f"{self.shown_path()}: {translate(self.reason)}" if self.path else translate(self.reason)
