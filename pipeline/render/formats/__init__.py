"""Output formats: each writer module has EXTENSION and render(layout, context) -> bytes.

To add a format, write pipeline/render/formats/<name>.py with those two names
and add it to WRITERS below.
"""
from __future__ import annotations

from pipeline.exchange import rendered as di  # 公文電子交換 DI (pipeline/exchange)
from pipeline.render.formats import html, odt, txt

WRITERS = {"odt": odt, "html": html, "txt": txt, "di": di}
