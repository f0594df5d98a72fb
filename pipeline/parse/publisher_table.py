"""The publishers' table (data/publishers.toml): what law databases, gazette sites and agencies' pages print around
a letter. Read by the cleaning stage (a site's tags before a line's text) and by publisher_notes (notes, furniture)."""
from __future__ import annotations

import tomllib
from functools import cache
from importlib import resources


@cache
def publisher_table() -> dict:
    """Return the publishers' table (loaded once per process)."""
    with resources.files("pipeline").joinpath("data/publishers.toml").open("rb") as fh:
        return tomllib.load(fh)
