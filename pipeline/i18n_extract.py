"""Babel extractor (babel.cfg) for the messages pipeline/i18n.py translates: ``_("…")`` literals, the reasons
given to InputError (an f-string becomes a template with numbered fields: f"too large ({n} bytes)" →
"too large ({0} bytes)"), click ``help=`` texts and the docstrings of click commands (as click shows them)."""
from __future__ import annotations

import ast
import inspect

MARKERS = ("_", "N_")
ERRORS = ("InputError",)


def string_template(node: ast.AST) -> str | None:
    """Given a string or f-string node, return its text with each replacement field numbered ({0}, {1}, …)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        parts, field = [], 0
        for value in node.values:
            if isinstance(value, ast.Constant):
                parts.append(value.value)
            else:
                parts.append(f"{{{field}}}")
                field += 1
        return "".join(parts)
    return None


def is_click_command(node: ast.FunctionDef) -> bool:
    """Given a function, return whether a click command/group decorator stands on it."""
    for deco in node.decorator_list:
        call = deco.func if isinstance(deco, ast.Call) else deco
        name = call.attr if isinstance(call, ast.Attribute) else getattr(call, "id", "")
        if name in ("command", "group"):
            return True
    return False


def messages_of(tree: ast.AST):
    """Given a module's syntax tree, yield (line, message) for every translatable message in it."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            if name in MARKERS and node.args:
                text = string_template(node.args[0])
                if text:
                    yield node.lineno, text
            if name in ERRORS and len(node.args) >= 2:
                text = string_template(node.args[1])
                if text:
                    yield node.lineno, text
            for kw in node.keywords:
                if kw.arg == "help":
                    text = string_template(kw.value)
                    if text:
                        yield kw.value.lineno, text
        elif isinstance(node, ast.FunctionDef) and is_click_command(node):
            doc = ast.get_docstring(node, clean=False)
            if doc:
                yield node.lineno, inspect.cleandoc(doc)


def extract(fileobj, keywords, comment_tags, options):
    """Babel's extractor interface: given a Python file, yield (line, function, message, comments)."""
    tree = ast.parse(fileobj.read().decode(options.get("encoding", "utf-8")))
    for line, text in messages_of(tree):
        yield line, None, text, []
