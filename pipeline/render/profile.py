"""Our own agency's profile (本機關): find, read, validate and write the TOML file.

Looked up as ``--profile PATH``, else ``$GONGWEN_PROFILE``, else the user's own (written by ``gongwen init``:
$XDG_CONFIG_HOME/gongwen/profile.toml, ~/.config by default), else the sample shipped as
pipeline/data/profile.sample.toml (with a warning on stderr).
"""
from __future__ import annotations

import json
import os
import re
import sys
import tomllib
from importlib import resources
from pathlib import Path

from pipeline.errors import InputError
from pipeline.i18n import N_, _

SAMPLE = "data/profile.sample.toml"
ENV_VAR = "GONGWEN_PROFILE"


def _text(value) -> str | None:
    """Given a value, return why it is not a non-empty string, or None."""
    return None if isinstance(value, str) and value.strip() else N_("must be a non-empty string")


def _optional_text(value) -> str | None:
    """Given a value, return why it is not a string (may be empty), or None."""
    return None if isinstance(value, str) else N_("must be a string")


def _agency_code(value) -> str | None:
    """Given a value, return why it is not a 10-character 機關代碼, or None."""
    return None if isinstance(value, str) and re.fullmatch(r"[0-9A-Z]{10}", value) else N_("must be 10 letters or digits")


def _word(value) -> str | None:
    """Given a value, return why it is not a 發文代字 (without 字), or None."""
    if _text(value):
        return _text(value)
    if value.endswith("字") or re.search(r"[\s\d第號]", value):
        return N_("must be the 字 alone, without 字/第/號 or digits (e.g. 明利小)")
    return None


def _digits(value) -> str | None:
    """Given a value, return why it is not a serial width 1–10, or None."""
    return None if type(value) is int and 1 <= value <= 10 else N_("must be a whole number from 1 to 10")


def _email(value) -> str | None:
    """Given a value, return why it is not an e-mail address (or empty), or None."""
    return None if isinstance(value, str) and (value == "" or re.fullmatch(r"[^@\s]+@[^@\s]+", value)) else N_("must be an e-mail address")


def _names(value) -> str | None:
    """Given a value, return why it is not a list of non-empty strings, or None."""
    ok = isinstance(value, list) and all(isinstance(v, str) and v.strip() for v in value)
    return None if ok else N_("must be a list of names")


# section → key → validator; every key is required
SCHEMA = {
    "agency": {"name": _text, "code": _agency_code, "address": _text},
    "contact": {"unit": _optional_text, "name": _text, "phone": _text, "fax": _optional_text, "email": _email},
    "dispatch": {"word": _word, "serial_digits": _digits},
    "letter": {"signatory": _text, "retention": _text, "speed": _text},
    "relations": {"superiors": _names, "subordinates": _names},
    "circular": {"recipients": _names},
}


def validate_profile(data: dict, path: str) -> dict:
    """Given a parsed profile and its path, return it; raise InputError naming the first bad key."""
    for section in data:
        if section not in SCHEMA:
            raise InputError(path, f"profile: unknown section [{section}]")
    for section, keys in SCHEMA.items():
        table = data.get(section)
        if not isinstance(table, dict):
            raise InputError(path, f"profile: missing section [{section}]")
        for key in table:
            if key not in keys:
                raise InputError(path, f"profile: unknown key {section}.{key}")
        for key, check in keys.items():
            if key not in table:
                raise InputError(path, f"profile: missing key {section}.{key}")
            problem = check(table[key])
            if problem:
                raise InputError(path, f"profile: key {section}.{key} {problem}")
    return data


def read_profile(path: str) -> dict:
    """Given a profile path, return the validated profile; raise InputError when unusable."""
    try:
        with open(path, "rb") as fh:
            data = tomllib.load(fh)
    except FileNotFoundError:
        raise InputError(path, "profile: no such file") from None
    except OSError as exc:
        raise InputError(path, f"profile: cannot read: {exc.strerror or exc}") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise InputError(path, f"profile: not valid TOML: {exc}") from None
    return validate_profile(data, path)


def user_profile_path(environ=None) -> Path:
    """Given the environment, return where `gongwen init` writes the user's profile."""
    environ = os.environ if environ is None else environ
    config = environ.get("XDG_CONFIG_HOME") or str(Path(environ.get("HOME") or Path.home()) / ".config")
    return Path(config) / "gongwen" / "profile.toml"


def toml_value(value) -> str:
    """Given a string, integer or list of strings, return it as a TOML value."""
    if isinstance(value, bool) or not isinstance(value, (str, int, list)):
        raise TypeError(f"no TOML form for {value!r}")
    if isinstance(value, list):
        return "[" + ", ".join(map(toml_value, value)) + "]"
    return str(value) if isinstance(value, int) else json.dumps(value, ensure_ascii=False)


def profile_to_toml(profile: dict) -> str:
    """Given a valid profile, return its TOML text, sections and keys in the order of SCHEMA."""
    lines = ["# Our own agency (本機關), written by `gongwen init`; edit it freely (docs: README, 「Our agency's profile」)."]
    for section, keys in SCHEMA.items():
        lines += ["", f"[{section}]", *(f"{key} = {toml_value(profile[section][key])}" for key in keys)]
    return "\n".join(lines) + "\n"


def load_profile(path: str | None = None) -> dict:
    """Given --profile (or None), return the profile from it, $GONGWEN_PROFILE, the user's own or the sample."""
    path = path or os.environ.get(ENV_VAR)
    if path:
        return read_profile(path)
    own = user_profile_path()
    if own.is_file():
        return read_profile(str(own))
    sample = resources.files("pipeline").joinpath(SAMPLE)
    print(_("gongwen: warning: no --profile or ${var}; using the sample profile {sample} (write your own with "
            "`gongwen init`)").format(var=ENV_VAR, sample=sample), file=sys.stderr)
    with resources.as_file(sample) as sample_path:
        return read_profile(str(sample_path))
