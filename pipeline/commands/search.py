"""``gongwen search``: ranked full-text search of the index, with the matching snippet highlighted."""
from __future__ import annotations

import dataclasses
import json
import sys

import click

from pipeline.commands.index_options import fail, index_option, open_or_fail
from pipeline.errors import InputError
from pipeline.i18n import _


def date_to_iso(value: str | None, option: str) -> str | None:
    """Given a date as ISO (2019-11-12) or ROC (108年11月12日, 108/11/12), return it as ISO; raise InputError if not a date."""
    if not value:
        return None
    from pipeline.parse.dates import parse_roc_date
    parsed = parse_roc_date(value)
    if parsed is None:
        raise InputError(None, f"{option} {value!r} is not a date (write 2019-11-12, 108/11/12 or 108年11月12日)")
    return parsed.iso


def hit_to_lines(rank: int, hit) -> list[str]:
    """Given a rank and a Hit, return its lines for the terminal."""
    head = " ".join(part for part in (hit.issuer, hit.date, hit.dispatch_no) if part) or f"({hit.kind})"
    return [f"{rank}. {head}", f"   {hit.title or ''}", f"   {hit.snippet}",
            f"   {hit.record_path or hit.source_path or ''}"]


@click.command()
@click.argument("query", nargs=-1)
@index_option
@click.option("--issuer", help="Only letters whose 發文機關 contains this.")
@click.option("--recipient", help="Only letters whose 受文者, 正本 or 副本 contains this.")
@click.option("--since", help="Only letters dated on or after this (ISO or ROC date).")
@click.option("--until", help="Only letters dated on or before this (ISO or ROC date).")
@click.option("--limit", type=click.IntRange(min=1), default=20, show_default=True)
@click.option("--json", "as_json", is_flag=True, help="Print the hits as JSON.")
def search(query, index_path, issuer, recipient, since, until, limit, as_json):
    """Search QUERY (all its words must match) in subjects, bodies and attachments; best first. A word written
    like a 發文字號 (府政行字第1080251637號, 1080251637 or part of its digits) finds the letter bearing it. With
    no QUERY, the letters the filters select, newest first."""
    from pipeline.index.search import search as run_search
    try:
        since_iso, until_iso = date_to_iso(since, "--since"), date_to_iso(until, "--until")
    except InputError as exc:
        fail("search", exc)
    if not query and not (issuer or recipient or since or until):
        fail("search", _("give words to search for, or a filter (--issuer, --recipient, --since, --until)"))
    conn = open_or_fail("search", index_path)
    tty = sys.stdout.isatty() and not as_json
    marks = (click.style("", bold=True, fg="red", reset=False), "\x1b[0m") if tty else ("«", "»")
    hits = run_search(conn, " ".join(query), issuer, since_iso, until_iso, limit, marks, recipient)
    if as_json:
        click.echo(json.dumps([dataclasses.asdict(h) for h in hits], ensure_ascii=False, indent=2))
    else:
        for rank, hit in enumerate(hits, 1):
            click.echo("\n".join(hit_to_lines(rank, hit)))
    if not hits:
        click.echo(_("gongwen search: no document matches {query}").format(query=repr(" ".join(query))) if query
                   else _("gongwen search: no document matches these filters"), err=True)
        sys.exit(1)
