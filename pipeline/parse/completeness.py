"""Whether a parsed document is whole: the fields its 文別 requires (data/doc_types.toml)."""
from __future__ import annotations

from pipeline.parse.doc_types import doc_type, doc_type_table
from pipeline.records import Letter


def missing_fields(letter: Letter) -> list[str]:
    """Given a letter, return the Chinese names of the fields its 文別 requires that it lacks."""
    return missing_in_record({key: getattr(letter, key) for key in doc_type(letter.doc_type).required}
                             | {"doc_type": letter.doc_type})


def missing_in_record(record: dict) -> list[str]:
    """Given a letter record dict, return the Chinese names of the fields its 文別 requires that it lacks."""
    names = doc_type_table()["field_names"]
    return [names[key] for key in doc_type(record.get("doc_type")).required if not record.get(key)]


def mark_complete(letter: Letter) -> Letter:
    """Given a letter, set its ``complete`` flag and warn of a partial record naming what is missing; return it."""
    missing = missing_fields(letter)
    letter.complete = not missing
    if missing:
        letter.warnings.append(f"partial record: no {', '.join(missing)} found")
    return letter
