"""Turn record dicts into the plain texts the index searches: subject, body, attachments."""
from __future__ import annotations

from pipeline.records import DIVISION_SCHEMA, LETTER_SCHEMAS_READ, PLAN_SCHEMA


def items_to_lines(items: list[dict]) -> list[str]:
    """Given numbered items (letter items or plan nodes) as dicts, return their lines, depth first."""
    lines = []
    for item in items:
        head = " ".join(part for part in (item.get("title"), item.get("text")) if part)
        marker = item.get("marker") or ""
        lines.append(f"{marker}{head}" if marker.startswith(("(", "（")) else f"{marker}、{head}")
        lines.extend(items_to_lines(item.get("children") or []))
    return lines


def letter_to_body(letter: dict) -> str:
    """Given a letter record dict, return the text of its sections (說明, 辦法, 建議) with their items."""
    lines = []
    for section in letter.get("sections") or []:
        lines.append(f"{section.get('name', '')}：{section.get('text') or ''}".rstrip("："))
        lines.extend(items_to_lines(section.get("items") or []))
    return "\n".join(lines)


def content_to_text(record: dict | None) -> str:
    """Given a parsed record dict (plan, division or letter), return all its text."""
    if not record:
        return ""
    schema = record.get("schema")
    if schema == PLAN_SCHEMA:
        return "\n".join([record.get("title") or "", *items_to_lines(record.get("sections") or [])]).strip()
    if schema == DIVISION_SCHEMA:
        rows = [f"{row.get('unit', '')}\t{'；'.join(row.get('duties') or [])}" for row in record.get("rows") or []]
        return "\n".join([record.get("title") or "", *rows]).strip()
    if schema in LETTER_SCHEMAS_READ:
        return "\n".join(part for part in (record.get("subject"), letter_to_body(record)) if part)
    return ""


def attachment_to_text(attachment: dict) -> str:
    """Given an attachment dict, return its title followed by its parsed content's text."""
    return "\n".join(part for part in (attachment.get("title"), content_to_text(attachment.get("content"))) if part)


def letter_to_texts(letter: dict) -> dict[str, str]:
    """Given a letter record dict, return its full-text columns {subject, body, attachments}."""
    return {
        "subject": letter.get("subject") or "",
        "body": letter_to_body(letter),
        "attachments": "\n\n".join(attachment_to_text(a) for a in letter.get("attachments") or []),
    }


def record_to_texts(record: dict) -> dict[str, str]:
    """Given any record dict, return its full-text columns (a plan or table alone: title as subject)."""
    if record.get("schema") in LETTER_SCHEMAS_READ:
        return letter_to_texts(record)
    body = content_to_text(record)
    title = record.get("title") or ""
    return {"subject": title, "body": body[len(title):].strip() if body.startswith(title) else body,
            "attachments": ""}
