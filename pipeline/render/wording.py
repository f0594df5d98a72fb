"""Run a letter kind's wording template (templates/<kind>.j2) to get its 主旨 and 說明 items."""
from __future__ import annotations

from pipeline.errors import InputError
from pipeline.render.templates import environment, template_module


def as_item(value, template: str) -> dict:
    """Given an explanation entry (text or {text, children}), return {"text", "children"}."""
    if isinstance(value, dict) and "text" in value:
        return {"text": str(value["text"]).strip(), "children": [str(c).strip() for c in value.get("children") or []]}
    if isinstance(value, (list, tuple, set)):
        raise InputError(template, "an explanation item must be a text or a {text, children} mapping")
    return {"text": str(value).strip(), "children": []}


def word_letter(kind: str, values: dict) -> dict:
    """Given a letter kind and its variables, return {"subject": text, "explanation": [items]}."""
    name = f"{kind}.j2"
    module = template_module(environment(), name, values)
    for needed in ("subject", "explanation"):
        if not hasattr(module, needed):
            raise InputError(name, f"template does not set `{needed}`")
    explanation = module.explanation
    if isinstance(explanation, str) or not hasattr(explanation, "__iter__"):
        raise InputError(name, "`explanation` must be a list of items")
    items = [as_item(v, name) for v in explanation]
    return {"subject": str(module.subject).strip(), "explanation": [i for i in items if i["text"] or i["children"]]}
