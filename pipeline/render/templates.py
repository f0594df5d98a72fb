"""Find the clerk-editable templates/ folder and build Jinja environments over it."""
from __future__ import annotations

import os
from contextlib import contextmanager
from pathlib import Path

import jinja2

from pipeline.errors import InputError
from pipeline.records import chinese_numeral

ENV_VAR = "GONGWEN_TEMPLATES"


PACKAGE = Path(__file__).resolve().parents[1]  # pipeline/


def templates_dir() -> Path:
    """Return the templates folder: $GONGWEN_TEMPLATES (set by --templates too), else the copy an installed
    wheel carries (pipeline/templates), else templates/ of the checkout the package runs from."""
    installed = PACKAGE / "templates"
    folder = Path(os.environ.get(ENV_VAR) or (installed if installed.is_dir() else PACKAGE.parent / "templates"))
    if not folder.is_dir():
        raise InputError(str(folder), f"templates folder not found (set ${ENV_VAR})")
    return folder


def environment(subfolder: str = "", autoescape: bool = False, **filters) -> jinja2.Environment:
    """Given a subfolder of templates/ (and filters), return a strict Jinja environment over it."""
    folder = templates_dir()
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader([folder / subfolder, folder] if subfolder else [folder]),
        autoescape=autoescape,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(cjk_numeral=chinese_numeral, **filters)
    return env


@contextmanager
def template_errors(name: str):
    """Turn Jinja faults in template ``name`` into one-line InputErrors."""
    try:
        yield
    except jinja2.TemplateSyntaxError as exc:
        raise InputError(exc.filename or name, f"template error on line {exc.lineno}: {exc.message}") from None
    except jinja2.TemplateNotFound as exc:
        raise InputError(str(templates_dir()), f"template {exc.name} not found") from None
    except jinja2.UndefinedError as exc:
        raise InputError(name, f"template uses an unknown variable: {exc.message}") from None


def render_template(env: jinja2.Environment, name: str, context: dict) -> str:
    """Given an environment, a template name and variables, return the rendered text."""
    with template_errors(name):
        return env.get_template(name).render(context)


def template_module(env: jinja2.Environment, name: str, context: dict):
    """Given an environment, a template name and variables, return the template's exported variables."""
    with template_errors(name):
        return env.get_template(name).make_module(context)
