"""The domain's vocabulary tables (labels, 稱謂, 期望語, …) from data/vocabulary.toml."""
from __future__ import annotations

import tomllib
from functools import cache
from importlib import resources


@cache
def vocabulary() -> dict:
    """Return the parsed vocabulary tables (loaded once per process)."""
    with resources.files("pipeline").joinpath("data/vocabulary.toml").open("rb") as fh:
        return tomllib.load(fh)
