"""Plain-text writer: templates/txt/<layout>.txt, UTF-8, no markup to escape."""
from __future__ import annotations

from pipeline.render.templates import environment, render_template

EXTENSION = "txt"


def render(layout: str, context: dict) -> bytes:
    """Given a layout name (letter / table) and its context, return the text file's bytes."""
    return render_template(environment("txt"), f"{layout}.txt", context).encode("utf-8")
