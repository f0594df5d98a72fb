"""HTML writer: templates/html/<layout>.html, print-ready (A4 page CSS), every value escaped."""
from __future__ import annotations

import re

from markupsafe import Markup, escape

from pipeline.render.templates import environment, render_template

EXTENSION = "html"
HTML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def html_text(value) -> Markup:
    """Given a value, return it escaped as HTML text with line breaks kept as <br />."""
    text = HTML_INVALID.sub("", str(value).replace("\r\n", "\n").replace("\r", "\n"))
    return Markup(str(escape(text)).replace("\n", "<br />"))


def render(layout: str, context: dict) -> bytes:
    """Given a layout name (letter / table) and its context, return the HTML file's bytes."""
    env = environment("html", autoescape=True, html_text=html_text)
    return render_template(env, f"{layout}.html", context).encode("utf-8")
