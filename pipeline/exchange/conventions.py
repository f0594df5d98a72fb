"""The DI conventions gongwen writes (data/exchange.toml) and the code lists the 104 DTD allows."""
from __future__ import annotations

import tomllib
from functools import cache
from importlib import resources
from pathlib import Path

from lxml import etree

DTD_FOLDER = "data/di104"


def dtd_folder() -> Path:
    """Return the folder of the packaged 104 DTD files."""
    return Path(str(resources.files("pipeline").joinpath(DTD_FOLDER)))


@cache
def conventions() -> dict:
    """Return the parsed exchange conventions (loaded once per process)."""
    with resources.files("pipeline").joinpath("data/exchange.toml").open("rb") as fh:
        return tomllib.load(fh)


@cache
def allowed_codes(element: str, attribute: str = "代碼") -> tuple[str, ...]:
    """Given an element of the 函 DTD and an attribute, return the values the DTD enumerates for it."""
    dtd = etree.DTD(str(dtd_folder() / conventions()["files"]["letter_dtd"]))
    for declared in dtd.iterelements():
        if declared.name == element:
            for attr in declared.iterattributes():
                if attr.name == attribute:
                    return tuple(attr.values())
    raise KeyError(f"{element} {attribute} is not declared in the DTD")
