"""``gongwen refs``: the documents a letter cites, and the indexed letters that cite it."""
from __future__ import annotations

import dataclasses
import json

import click

from pipeline.commands.index_options import index_option, no_letter_numbered, number_or_fail, open_or_fail
from pipeline.i18n import _


def letter_line(letter) -> str:
    """Given a LetterRef, return it on one line."""
    return " ".join(part for part in (letter.issuer, letter.date, letter.dispatch_no, letter.subject) if part)


def citation_line(citation) -> str:
    """Given a Citation, return it on one line: resolved to an indexed letter, or marked unresolved."""
    cited = " ".join(part for part in (citation.issuer, citation.date, citation.dispatch_no, citation.kind) if part)
    if citation.resolved:
        return f"  → {cited}  " + _("[resolved: {subject}]").format(subject=citation.resolved.subject or "")
    return f"  → {cited or citation.text}  " + _("[unresolved: not in the index]")


@click.command()
@click.argument("dispatch_no")
@index_option
@click.option("--json", "as_json", is_flag=True, help="Print as JSON.")
def refs(dispatch_no, index_path, as_json):
    """List what the letter DISPATCH_NO cites and which indexed letters cite it (a number only cited, the letter
    itself not indexed: the letters that cite it)."""
    from pipeline.index.refs import cited_by, cites, citing, find_letters
    dispatch = number_or_fail("refs", dispatch_no)
    conn = open_or_fail("refs", index_path)
    letters = find_letters(conn, dispatch.word, dispatch.number)
    report = [{"letter": letter, "cites": cites(conn, letter.id), "cited_by": cited_by(conn, letter)}
              for letter in letters]
    if not report:
        report = [{"letter": None, "cites": [], "cited_by": citing(conn, dispatch.word, dispatch.number)}]
        if not report[0]["cited_by"]:
            no_letter_numbered("refs", dispatch_no, index_path)
    if as_json:
        click.echo(json.dumps([{k: dataclasses.asdict(v) if dataclasses.is_dataclass(v) else
                                None if v is None else [dataclasses.asdict(x) for x in v] for k, v in r.items()}
                               for r in report], ensure_ascii=False, indent=2))
        return
    for r in report:
        if r["letter"] is None:
            click.echo(_("{number}: not in the index; cited by the letters below").format(number=dispatch_no.strip()))
        else:
            click.echo(letter_line(r["letter"]))
            click.echo(_("cites ({n}):").format(n=len(r["cites"])))
            click.echo("\n".join(citation_line(c) for c in r["cites"]) or "  " + _("(none)"))
        click.echo(_("cited by ({n}):").format(n=len(r["cited_by"])))
        click.echo("\n".join(f"  ← {letter_line(c)}" for c in r["cited_by"]) or "  " + _("(none in the index)"))
