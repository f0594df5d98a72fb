"""What every benchmark script does with its figures: print them as an aligned table and keep them as JSON."""
from __future__ import annotations

import json
import os
from pathlib import Path


def print_rows(rows: list[tuple[str, str]]) -> None:
    """Given (label, value) rows, print them as two aligned columns."""
    width = max(len(label) for label, _ in rows)
    print("\n".join(f"{label.ljust(width)}  {value}" for label, value in rows))


def write_json(target: Path, data: dict) -> None:
    """Given a path and a dict, write it as JSON through a temporary file in the same folder."""
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.tmp")
    tmp.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    os.replace(tmp, target)
