"""The parser's fingerprint: a hash of the code and data parsing depends on (cached results of another parser are
not reused, and a Dask worker running another gongwen is refused)."""
from __future__ import annotations

import hashlib
from importlib import resources
from pathlib import Path

FINGERPRINT_SUFFIXES = (".py", ".toml", ".txt", ".dtd", ".ent")
NOT_PARSING = ("render", "commands", "exchange", "cli.py")  # code downstream of parsing: edits keep the cache


def code_fingerprint() -> str:
    """Return a hash of the code and data that parsing depends on: results of another parser are not reused."""
    digest = hashlib.sha256()
    root = Path(str(resources.files("pipeline")))
    for path in sorted(root.rglob("*")):
        rel = path.relative_to(root)
        if path.is_file() and path.suffix in FINGERPRINT_SUFFIXES and rel.parts[0] not in NOT_PARSING:
            digest.update(rel.as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()
