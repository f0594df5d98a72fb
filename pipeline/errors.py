"""User-facing errors: one line naming the file and the problem."""
from __future__ import annotations


class InputError(Exception):
    """An input the pipeline cannot use; ``str()`` is the one-line message."""

    def __init__(self, path: str | None, reason: str):
        self.path = path
        self.reason = reason
        super().__init__(f"{path}: {reason}" if path else reason)

    def __str__(self) -> str:
        """The one-line message, its reason in the reader's language (pipeline/i18n.py)."""
        from pipeline.i18n import translate
        return f"{self.path}: {translate(self.reason)}" if self.path else translate(self.reason)
