"""The ``gongwen`` command: one click group, one module per sub-command in commands/."""
from __future__ import annotations

import click

from pipeline import __version__


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="gongwen")
def main():
    """Read, parse, render, exchange and index Taiwanese official letters (公文)."""


def _register() -> None:
    """Attach every sub-command to the group."""
    from pipeline.commands import parse
    main.add_command(parse.parse)
    # sub-commands of other stages are added below, one line each
    from pipeline.commands.render import render; main.add_command(render)  # noqa: E702
    from pipeline.commands.export_di import export_di; main.add_command(export_di)  # noqa: E702
    from pipeline.commands.batch import batch; main.add_command(batch)  # noqa: E702
    from pipeline.commands.search import search; main.add_command(search)  # noqa: E702
    from pipeline.commands.show import show; main.add_command(show)  # noqa: E702
    from pipeline.commands.refs import refs; main.add_command(refs)  # noqa: E702
    from pipeline.commands.catalogue import catalogue; main.add_command(catalogue)  # noqa: E702


_register()


if __name__ == "__main__":
    main()
