"""Messages in the reader's language: Traditional Chinese when the locale is Chinese (LANGUAGE, LC_ALL,
LC_MESSAGES or LANG starting with zh), English otherwise.

The English text in the code is the message id. Catalogues (pipeline/locale/<lang>/LC_MESSAGES/gongwen.po,
compiled to .mo with Babel: `make messages`) hold the translations. Three kinds of message are translated:
- literals marked ``_("…")`` (formatted after translation: ``_("{n} letter(s)").format(n=…)``), or ``N_("…")``
  where they are made but shown elsewhere (through ``translate``);
- the reasons of InputError, written as plain or f-strings where they are raised: the catalogue holds them as
  templates with numbered fields (「file too large ({0} bytes)」), matched against the finished English text;
- click help texts (command docstrings and ``help=``), translated when a command is loaded.
pipeline/i18n_extract.py is the Babel extractor that finds all three.
"""
from __future__ import annotations

import gettext
import inspect
import os
import re
from functools import cache
from pathlib import Path

import click

LOCALE_DIR = Path(__file__).resolve().parent / "locale"
DOMAIN = "gongwen"
FIELD = re.compile(r"\{(\d+)\}")


def language(environ=None) -> str:
    """Given the environment, return the catalogue language: zh_TW for a Chinese locale, else en."""
    environ = os.environ if environ is None else environ
    for var in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(var, "")
        if value:
            return "zh_TW" if value.lower().startswith("zh") else "en"
    return "en"


@cache
def catalogue() -> gettext.NullTranslations:
    """Return the translations for this process's language (no translation for English)."""
    lang = language()
    if lang == "en":
        return gettext.NullTranslations()
    return gettext.translation(DOMAIN, LOCALE_DIR, languages=[lang], fallback=True)


def N_(message: str) -> str:
    """Given an English message, return it unchanged: it is marked for the catalogue, translated where shown."""
    return message


def _(message: str) -> str:
    """Given an English message (a catalogue id), return it in the reader's language."""
    return catalogue().gettext(message)


@cache
def templates() -> list[tuple[re.Pattern, str]]:
    """Return the catalogue's field templates as (pattern over the English text, translation)."""
    messages = getattr(catalogue(), "_catalog", {})
    found = []
    for msgid, msgstr in messages.items():
        if isinstance(msgid, str) and msgstr and FIELD.search(msgid):
            parts = FIELD.split(msgid)  # text, field, text, field, …
            pattern = "".join(re.escape(p) if i % 2 == 0 else f"(?P<f{p}>.+?)" for i, p in enumerate(parts))
            found.append((re.compile(f"^{pattern}$", re.S), msgstr))
    return sorted(found, key=lambda t: -len(t[0].pattern))  # the most specific first


def translate(text: str) -> str:
    """Given a finished English message (fields filled in), return it in the reader's language."""
    exact = _(text)
    if exact is not text or language() == "en":
        return exact
    for pattern, msgstr in templates():
        m = pattern.match(text)
        if m:
            return FIELD.sub(lambda f: m.group(f"f{f.group(1)}"), msgstr)
    return text


def localise_command(command: click.Command) -> click.Command:
    """Given a click command, return it with its help texts (and its sub-commands') in the reader's language."""
    if language() == "en" or getattr(command, "_localised", False):
        return command
    command.help = _(inspect.cleandoc(command.help)) if command.help else command.help
    command.short_help = _(command.short_help) if command.short_help else command.short_help
    for param in command.params:
        if isinstance(param, click.Option) and param.help:
            param.help = _(param.help)
    for sub in getattr(command, "commands", {}).values():
        localise_command(sub)
    command._localised = True
    return command
