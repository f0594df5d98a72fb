"""A record as a person reads it (`gongwen parse --format text`): header fields aligned under their Chinese
labels, each section with its items indented by level, recipients one a line, attachments with their kind."""
from __future__ import annotations

# header key → label, in the order a 函 prints them
HEADER = [("doc_type", "文別"), ("issuer", "發文機關"), ("date", "發文日期"), ("dispatch_no", "發文字號"),
          ("recipient", "受文者"), ("speed", "速別"), ("secrecy", "密等"), ("file_no", "檔號"),
          ("retention", "保存年限"), ("address", "地址"), ("contact", "聯絡方式"), ("received", "收文")]
MEETING = [("time", "開會時間"), ("place", "開會地點"), ("chair", "主持人")]
LABEL_WIDTH = 8  # display columns: four CJK characters


def pad(label: str) -> str:
    """Given a label, return it padded to LABEL_WIDTH display columns (a CJK character takes two)."""
    shown = sum(2 if ord(ch) > 0x2E7F else 1 for ch in label)
    return label + " " * max(LABEL_WIDTH - shown, 0)


def value_text(key: str, value) -> str | None:
    """Given a header key and its record value, return the value as one line (None when empty)."""
    if not value:
        return None
    if key == "date":
        return f"{value['roc']}（{value['iso']}）"
    if key == "dispatch_no":
        return value["text"]
    if key == "secrecy":
        return "，".join(v for v in (value.get("level"), value.get("condition")) if v) or None
    if key == "contact":
        return "　".join(v for v in (value.get("unit"), value.get("name"), value.get("phone"), value.get("email")) if v) or None
    if key == "received":
        date = value.get("date") or {}
        return "　".join(v for v in (value.get("number"), date.get("roc")) if v) or None
    return str(value)


def items_to_lines(items: list[dict], depth: int = 1) -> list[str]:
    """Given numbered items, return their lines, each level indented two more columns, markers as written."""
    lines = []
    for item in items:
        marker = item["marker"]
        shown = marker + ("、" if not marker.startswith("(") and not marker.isdigit() else "." if marker.isdigit() else "")
        lines.append("  " * depth + shown + item["text"])
        lines += items_to_lines(item.get("children", []), depth + 1)
    return lines


def addressees(label: str, entries: list[dict]) -> list[str]:
    """Given a label and 正本/副本 entries, return one line an entry under the label."""
    names = [e["name"] + ("（含附件）" if e.get("with_attachments") else "") for e in entries]
    return [f"{pad(label if i == 0 else '')}  {name}" for i, name in enumerate(names)]


def letter_to_lines(record: dict) -> list[str]:
    """Given a letter record (dict), return it as readable lines."""
    lines = [f"{pad(label)}  {text}" for key, label in HEADER if (text := value_text(key, record.get(key)))]
    if record.get("complete") is False:
        lines.append(f"{pad('狀態')}  不完整（partial record）")
    if record.get("subject"):
        lines += ["", f"{pad('主旨')}  {record['subject']}"]
    meeting = record.get("meeting") or {}
    lines += [f"{pad(label)}  {meeting[key]}" for key, label in MEETING if meeting.get(key)]
    for label, key in (("出席者", "attendees"), ("列席者", "observers")):
        lines += addressees(label, meeting.get(key, []))
    for section in record.get("sections", []):
        lines += ["", f"{section['name']}："]
        if section.get("text"):
            lines.append("  " + section["text"])
        lines += items_to_lines(section.get("items", []))
    if record.get("attachments"):
        lines.append("")
        for i, a in enumerate(record["attachments"]):
            kind = f"〔{a['kind']}〕" if a.get("kind") else ""
            lines.append(f"{pad('附件' if i == 0 else '')}  {a.get('title') or a.get('file')}{kind}")
    if record.get("cc_main") or record.get("cc_copy"):
        lines.append("")
    lines += addressees("正本", record.get("cc_main", [])) + addressees("副本", record.get("cc_copy", []))
    if record.get("signature"):
        lines += ["", f"{pad('署名')}  {record['signature']}"]
    refs = record.get("references", [])
    if refs:
        lines += ["", "引述來文："] + [f"  {r['text']}" for r in refs]
    return lines


def duties_text(duties: list[str]) -> str:
    """Given a unit's duties in a division table, return them on one line: 「；」 only after a duty that does not end
    its sentence already (no 「。；」)."""
    return "".join(d if i == len(duties) - 1 or d.endswith(("。", "；", "！", "？")) else d + "；"
                   for i, d in enumerate(duties))


def record_to_text(record: dict) -> str:
    """Given any record (dict), return it as readable text: a letter in full, a plan or table by its title and parts."""
    schema = record.get("schema", "")
    source = (record.get("source") or {}).get("path")
    head = [f"== {source} ==" ] if source else []
    if schema.startswith("gongwen/letter"):
        body = letter_to_lines(record)
    elif schema.startswith("gongwen/division"):
        body = [record.get("title") or ""] + [f"  {row['unit']}：" + duties_text(row["duties"]) for row in record["rows"]]
    else:
        body = [record.get("title") or ""] + [f"  {node['marker']}、{node['title'] or node['text'][:40]}"
                                               for node in record.get("sections", [])]
    return "\n".join(head + body) + "\n"
