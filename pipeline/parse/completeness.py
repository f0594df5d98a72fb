"""Whether a parsed document is whole: the fields its 文別 requires (data/doc_types.toml)."""
from __future__ import annotations

import tomllib
from functools import cache
from importlib import resources

from pipeline.records import Letter


@cache
def doc_types() -> dict:
    """Return the 文別 table (loaded once per process)."""
    with resources.files("pipeline").joinpath("data/doc_types.toml").open("rb") as fh:
        return tomllib.load(fh)


def missing_fields(letter: Letter) -> list[str]:
    """Given a letter, return the Chinese names of the fields its 文別 requires that it lacks."""
    table = doc_types()
    required = table["types"].get(letter.doc_type or "", table["unknown"])["required"]
    return [table["field_names"][key] for key in required if not getattr(letter, key)]


def mark_complete(letter: Letter) -> Letter:
    """Given a letter, set its ``complete`` flag and warn of a partial record naming what is missing; return it."""
    missing = missing_fields(letter)
    letter.complete = not missing
    if missing:
        letter.warnings.append(f"partial record: no {', '.join(missing)} found")
    return letter
