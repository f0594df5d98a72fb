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


RELATIONS = ("superior", "peer", "subordinate")  # the writer to the addressee: 上級, 平行, 下級


@cache
def expectation_phrases(relations: tuple[str, ...] = RELATIONS) -> frozenset[str]:
    """Given relations of the writer to the addressee, return the 期望語 that close a 主旨 written so
    ([expectations] in data/vocabulary.toml)."""
    table = vocabulary()["expectations"]
    return frozenset(phrase for relation in relations for phrase in table[relation])
