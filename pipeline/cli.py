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
    "index": "pipeline.commands.index:index",
    "serve": "pipeline.commands.serve:serve",
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


class GuardedGroup(LazyGroup):
    """The command group: an unexpected error in any sub-command is one line on stderr (exit 70), not a traceback;
    a damaged index is one line naming what to run (exit 1); Ctrl-C is one line (exit 130). ``gongwen --debug``
    shows the traceback instead."""

    def invoke(self, ctx: click.Context):
        """Run the sub-command; Ctrl-C (also at one of init's questions) is 「gongwen: interrupted」 and exit 130,
        not click's 「Aborted!」 and exit 1."""
        import sys

        from pipeline.i18n import _
        try:
            return super().invoke(ctx)
        except (KeyboardInterrupt, click.Abort) as exc:
            if isinstance(exc, click.Abort) and not isinstance(exc.__context__, KeyboardInterrupt):
                raise  # end of input at a question: click's own 「Aborted!」
            click.echo("\n" + _("gongwen: interrupted"), err=True)
            sys.exit(130)

    def main(self, *args, **kwargs):
        import sqlite3
        import sys

        from pipeline.failures import debugging, internal_error
        try:
            return super().main(*args, **kwargs)
        except sqlite3.DatabaseError as exc:
            if debugging():
                raise
            reason = " ".join(str(exc).split())
            click.echo(f"gongwen: unreadable or damaged index (SQLite: {reason[:160]}); check it with "
                       "`gongwen index check`, repair it with `gongwen index rebuild`", err=True)
            sys.exit(1)
        except Exception as exc:
            if debugging():
                raise
            click.echo(f"gongwen: {internal_error(exc)}", err=True)
            sys.exit(70)


@click.group(cls=GuardedGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="gongwen")
@click.option("--debug", is_flag=True, help="Show the traceback of an internal error instead of one line.")
def main(debug):
    """Read, parse, render, exchange and index Taiwanese official letters (公文).

    Exit status: 0 done; 1 an input or option was wrong (one line on stderr says which and why); 2 a batch
    ran but some inputs failed (see its manifest.json); 70 an internal error (one line; --debug shows the
    traceback); 130 interrupted.
    Messages are in Traditional Chinese when the locale is Chinese (LANG=zh_TW.UTF-8), English otherwise."""
    if debug:
        import os

        from pipeline.failures import DEBUG_ENV
        os.environ[DEBUG_ENV] = "1"  # worker processes inherit it


use_our_catalogue_for_click()
localise_command(main)


if __name__ == "__main__":
    main()
