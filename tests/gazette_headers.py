"""The parser's header fields on letters it has never seen: 行政院公報 (the Executive Yuan Gazette) as open data.

Each gazette record is one published document (令, 公告, 公示送達, 函 …) with the gazette's own catalogue of it: the
issuing agency (PubGovName), the date (Date_Created) and the 發文字號 (GazetteId). The record's HTMLContent is turned
into text as a browser shows it (a line a paragraph, table cell or <br>), parsed by gongwen, and compared with that
catalogue: the date and 發文字號 exactly (a 會銜 document's first number among the letter's own and its
co_issuers'), the issuer when one name holds the other (the catalogue shortens 行政院公共工程委員會 to
公共工程委員會, and names the parent of a 監理所). No record is corpus material: this measures what the corpus did not
teach. Usage: ``python tests/gazette_headers.py CLONE [--records N] [--seed S]`` with CLONE a clone of
github.com/kong0107/ey-gazette-data (an XML file a gazette issue: <Gazette><Record>…), read from its HEAD.
"""
from __future__ import annotations

import argparse
import random
import re
import subprocess
import sys
import unicodedata
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path
from xml.etree import ElementTree

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from pipeline.errors import InputError  # noqa: E402

from parse_text import parse  # noqa: E402

BLOCK_TAGS = {"p", "br", "tr", "div", "td", "li", "h1", "h2", "h3", "h4", "table"}  # each starts a line
LIST_SEPARATORS = r"[;；、，,]"  # between the catalogue's several agencies or numbers


class PageText(HTMLParser):
    """HTML as a browser shows it: a line a block, whitespace runs as one space, scripts and styles left out."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden = 0

    def handle_starttag(self, tag, attrs):
        self.hidden += tag in ("style", "script")
        if tag in BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        self.hidden -= tag in ("style", "script")
        if tag in BLOCK_TAGS and tag != "br":
            self.parts.append("\n")

    def handle_data(self, data):
        if not self.hidden:
            self.parts.append(re.sub(r"\s", " ", data))


def html_to_text(html: str) -> str:
    """Given a record's HTMLContent, return its text as a browser shows it, a line a block."""
    page = PageText()
    page.feed(html)
    lines = (re.sub(r" +", " ", line).strip() for line in "".join(page.parts).replace("\xa0", " ").split("\n"))
    return "\n".join(line for line in lines if line) + "\n"


def gazette_records(clone: Path) -> list[tuple[str, dict]]:
    """Given a clone (or its git directory), return (file, record fields) of every record with HTMLContent in its
    HEAD, skipping files that are not there or not well-formed."""
    git = ["git", "-C", str(clone)]
    names = subprocess.run([*git, "ls-tree", "-r", "--name-only", "HEAD"], capture_output=True, text=True).stdout.split()
    out = []
    for name in (n for n in names if n.endswith(".xml")):
        data = subprocess.run([*git, "show", f"HEAD:{name}"], capture_output=True).stdout
        try:
            root = ElementTree.fromstring(data)
        except ElementTree.ParseError:
            continue
        out += [(name, {c.tag: c.text or "" for c in r}) for r in root.findall("Record") if r.findtext("HTMLContent")]
    return out


def roc_to_iso(text: str) -> str | None:
    """Given the catalogue's date (中華民國95年12月28日), return it as ISO."""
    m = re.search(r"(\d+)年(\d+)月(\d+)日", unicodedata.normalize("NFKC", text))
    return f"{int(m[1]) + 1911:04d}-{int(m[2]):02d}-{int(m[3]):02d}" if m else None


def plain_number(text: str | None) -> str:
    """Given a 發文字號, return it without spaces, brackets half-width, a 分號 joined by a dash, to compare."""
    text = re.sub(r"\s", "", unicodedata.normalize("NFKC", text or ""))
    return text.replace("（", "(").replace("）", ")").replace("之", "-")


def check(record: dict) -> dict[str, bool] | str:
    """Given a gazette record, return whether gongwen's date, 發文字號 and issuer agree with its catalogue (the
    fields the catalogue gives: a cabinet meeting's record has no number), or why it gave no letter."""
    try:
        letter = parse(html_to_text(record["HTMLContent"]))
    except InputError as exc:
        return f"refused ({exc.reason[:60]})"
    if not letter.get("schema", "").startswith("gongwen/letter"):
        return f"read as {letter.get('schema')}"
    numbers = [plain_number(n) for n in re.split(LIST_SEPARATORS, record.get("GazetteId", "")) if n.strip()]
    own = {plain_number((letter.get("dispatch_no") or {}).get("text"))}
    own |= {plain_number((c.get("dispatch_no") or {}).get("text")) for c in letter.get("co_issuers") or []}
    agencies = [a for a in re.split(LIST_SEPARATORS, record.get("PubGovName", "")) if a.strip()]
    issuers = [letter.get("issuer")] + [c.get("issuer") for c in letter.get("co_issuers") or []]
    date = roc_to_iso(record.get("Date_Created", ""))
    checks = {"date": date and (letter.get("date") or {}).get("iso") == date,
              "dispatch_no": numbers and numbers[0] in own,
              "issuer": agencies and any(i and (agencies[0] in i or i in agencies[0]) for i in issuers)}
    return {field: bool(ok) for field, ok in checks.items() if ok is not None and ok != []}  # the catalogue's own


def main() -> None:
    """Check a random sample of the gazette's records; print the share right of each field and every miss."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("clone", type=Path, help="a clone of github.com/kong0107/ey-gazette-data")
    parser.add_argument("--records", type=int, default=500, help="records to check (default 500)")
    parser.add_argument("--seed", type=int, default=1, help="the sample's random seed (default 1)")
    args = parser.parse_args()
    records = gazette_records(args.clone)
    if not records:
        sys.exit(f"gazette_headers.py: {args.clone}: no gazette records (give a clone of kong0107/ey-gazette-data)")
    sample = random.Random(args.seed).sample(records, min(args.records, len(records)))
    right, given, misses = Counter(), Counter(), []
    catalogue = {"date": "Date_Created", "dispatch_no": "GazetteId", "issuer": "PubGovName"}
    for name, record in sample:
        result = check(record)
        if isinstance(result, str):  # no letter: every field the catalogue gives is missed
            given.update(field for field, key in catalogue.items() if record.get(key))
            misses.append(f"{name} {record.get('MetaId')}: {result}")
            continue
        given.update(result)
        right.update(field for field, ok in result.items() if ok)
        misses += [f"{name} {record.get('MetaId')}: {field} (catalogue: {record.get(catalogue[field])})"
                   for field, ok in result.items() if not ok]
    print(f"行政院公報 records checked: {len(sample)} of {len(records)} (seed {args.seed})")
    for field in catalogue:
        print(f"  {field:<12} {right[field] / given[field]:.3f} of {given[field]}")
    print(f"misses ({len(misses)}):", *misses, sep="\n  ")


if __name__ == "__main__":
    main()
