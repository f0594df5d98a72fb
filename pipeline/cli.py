"""The ``gongwen`` command: one click group, one module per sub-command in commands/, each imported only
when that sub-command runs (so ``gongwen parse`` does not load the renderer, jinja2 or lxml)."""
from __future__ import annotations

import gettext
import importlib

import click

from pipeline import __version__
from pipeline.i18n import DOMAIN, LOCALE_DIR, language, localise_command

# sub-command name → "module:function" of its click command
COMMANDS = {
    "init": "pipeline.commands.init:init",
    "parse": "pipeline.commands.parse:parse",
    "render": "pipeline.commands.render:render",
    "export-di": "pipeline.commands.export_di:export_di",
    "batch": "pipeline.commands.batch:batch",
    "search": "pipeline.commands.search:search",
    "show": "pipeline.commands.show:show",
    "refs": "pipeline.commands.refs:refs",
    "catalogue": "pipeline.commands.catalogue:catalogue",
}


class LazyGroup(click.Group):
    """A click group whose sub-commands are imported from COMMANDS when first asked for."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        """Return every sub-command's name, in the order of COMMANDS."""
        return list(COMMANDS)

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        """Given a sub-command's name, import and return its command (None when there is no such name)."""
        if name not in COMMANDS:
            return None
        module, attr = COMMANDS[name].split(":")
        return localise_command(getattr(importlib.import_module(module), attr))


def use_our_catalogue_for_click() -> None:
    """In a Chinese locale, let click's own words (Usage, Options, its errors) come from our catalogue too."""
    if language() != "en":
        gettext.bindtextdomain(DOMAIN, LOCALE_DIR)
        gettext.textdomain(DOMAIN)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="gongwen")
def main():
    """Read, parse, render, exchange and index Taiwanese official letters (公文).

    Exit status: 0 done; 1 an input or option was wrong (one line on stderr says which and why); 2 a batch
    ran but some inputs failed (see its manifest.json); 130 interrupted.
    Messages are in Traditional Chinese when the locale is Chinese (LANG=zh_TW.UTF-8), English otherwise."""


use_our_catalogue_for_click()
localise_command(main)


if __name__ == "__main__":
    main()
