"""Pure functions from a record and our profile to the drafts of the documents we write.

A Draft carries the template variables of one document (documented in
templates/README.md); the wording itself lives in the templates.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from pipeline.brackets import split_outside_brackets
from pipeline.errors import InputError
from pipeline.i18n import N_
from pipeline.records import DIVISION_SCHEMA, PLAN_SCHEMA, Division, Letter, Period, Plan, RocDate, from_dict
from pipeline.render.numbering import number_key
from pipeline.vocabulary import expectation_phrases, vocabulary

CLAUSE_BREAKS = "，,；;"
SENTENCE_ENDS = "。．.!！ \u3000"


@dataclass
class Draft:
    """One document to write: its kind, file stem, register key and template variables."""
    kind: str  # ack | circular | unit_circular | table
    stem: str  # file name without extension (sanitised when written)
    key: str | None  # dispatch-register key; None for documents that take no number
    values: dict


def iso_to_roc(iso: str) -> str:
    """Given an ISO date 2019-12-14, return it in the ROC calendar: 108年12月14日."""
    return RocDate.of(dt.date.fromisoformat(iso)).roc


def period_text(period: Period) -> str:
    """Given a period, return 「108年12月14日起至109年1月11日止」."""
    return f"{iso_to_roc(period.from_)}起至{iso_to_roc(period.to)}止"


def agency_kind(name: str) -> str:
    """Given an agency name, return its kind for 稱謂 (花蓮縣政府 → 府), from [honorifics].endings."""
    for ending, kind in vocabulary()["honorifics"]["endings"]:
        if name.endswith(ending):
            return kind
    return vocabulary()["reply"]["default_kind"]


def relation(name: str, profile: dict) -> str:
    """Given an agency name, return our relation to it: superior, subordinate or peer."""
    if name in profile["relations"]["superiors"]:
        return "superior"
    if name in profile["relations"]["subordinates"]:
        return "subordinate"
    return "peer"


def honorific(name: str, profile: dict) -> str:
    """Given an addressee's name, return its 稱謂: 鈞府 for a superior, else 貴府 / 貴部 / 貴校 …"""
    prefixes = vocabulary()["honorifics"]
    prefix = prefixes["superior"] if relation(name, profile) == "superior" else prefixes["peer"]
    return prefix + agency_kind(name)


def third_person(name: str) -> str:
    """Given the sender's name, return how a 函轉 passing its words on names it (花蓮縣政府 → 該府)."""
    return vocabulary()["reply"]["third_prefix"] + agency_kind(name)


def self_name(profile: dict) -> str:
    """Given our profile, return how we call ourselves (自稱): 本校, 本府 …"""
    return vocabulary()["reply"]["self_prefix"] + agency_kind(profile["agency"]["name"])


def strip_expectation(subject: str) -> str:
    """Given a 主旨, return it without its closing 期望語 (and reply closings like 復如說明) and full stop."""
    closings = expectation_phrases() | set(vocabulary()["reply"]["closings"])
    text = subject.strip().rstrip(SENTENCE_ENDS)
    while True:  # the 期望語 closes the sentence after a comma, or stands as a sentence of its own (「…如說明二。請查照參考」)
        clauses = split_outside_brackets(text, CLAUSE_BREAKS + "。")
        if len(clauses) < 2 or re.sub(r"\s+", "", clauses[-1]) not in closings:
            return text
        text = text[: text.rstrip().rfind(clauses[-1])].rstrip().rstrip(CLAUSE_BREAKS + "。").rstrip()


def is_reply(subject: str) -> bool:
    """Given a 主旨, return whether it answers a letter of ours: it closes with a reply closing (復如說明, 復請查照)."""
    flat = re.sub(r"\s+", "", subject)
    return any(closing in flat for closing in vocabulary()["reply"]["closings"] if closing.startswith("復"))


def split_requests(core: str) -> tuple[str, list[str]]:
    """Given a 主旨 without 期望語, return its gist and the trailing requests (clauses opening 請, without it)."""
    clauses = split_outside_brackets(core, CLAUSE_BREAKS)
    requests: list[str] = []
    while len(clauses) > 1 and clauses[-1].startswith("請"):
        requests.insert(0, clauses.pop().removeprefix("請"))
    gist = "，".join(clauses)
    for word in vocabulary()["reply"]["lead_words"]:
        gist = gist.removeprefix(word)
    return gist, requests


def outside_quotes(text: str, pattern: re.Pattern, replace) -> str:
    """Given text, a pattern and a replacement function, apply it only outside 「」『』 quotations."""
    parts = re.split(r"(「[^」]*」|『[^』]*』)", text)
    return "".join(p if i % 2 else pattern.sub(replace, p) for i, p in enumerate(parts))


def to_our_voice(text: str, sender: str, profile: dict, by_name: bool = False, sender_as: str | None = None) -> str:
    """Given the sender's words, return them as we say them: its 本府 → 鈞府/貴府, its 貴校 (us) → 本校;
    by_name (to address its units): its 本府 → 花蓮縣政府 and its 本縣/本市 → 花蓮縣; sender_as: its 本府 → that."""
    vocab = vocabulary()
    kinds = sorted({kind for _, kind in vocab["honorifics"]["endings"]}, key=len, reverse=True)
    prefixes = re.escape(vocab["honorifics"]["peer"] + vocab["honorifics"]["superior"])
    self_prefix = vocab["reply"]["self_prefix"]
    own = re.escape(self_prefix + agency_kind(sender))
    places = {self_prefix + word: sender[: sender.rfind(word) + 1]
              for word in vocab["reply"]["jurisdictions"] if by_name and word in sender}
    place = f"|(?P<place>{'|'.join(map(re.escape, places))})" if places else ""
    pattern = re.compile(f"(?P<own>{own}){place}|[{prefixes}](?:{'|'.join(map(re.escape, kinds))})")

    def replace(match: re.Match) -> str:
        if match.group("own"):
            return sender_as or (sender if by_name else honorific(sender, profile))
        if match.groupdict().get("place"):
            return places[match.group("place")]
        return self_name(profile)
    return outside_quotes(text, pattern, replace)


def as_division(content) -> Division:
    """Given a division attachment's content (record or dict), return a Division."""
    return content if isinstance(content, Division) else from_dict({"schema": DIVISION_SCHEMA, **content})


def as_plan(content) -> Plan:
    """Given a plan attachment's content (record or dict), return a Plan."""
    return content if isinstance(content, Plan) else from_dict({"schema": PLAN_SCHEMA, **content})


def attached(letter: Letter, kind: str) -> list:
    """Given a letter, return the parsed contents of its attachments of one kind (plan / division)."""
    convert = as_division if kind == "division" else as_plan
    contents = []
    for attachment in letter.attachments:
        if attachment.kind == kind and attachment.content:
            try:
                contents.append(convert(attachment.content))
            except (ValueError, TypeError) as exc:
                raise InputError(letter.source.path, f"attachment {attachment.file or attachment.title}: "
                                                     f"its {kind} content is not a {kind} record ({exc})") from None
    return contents


def project_period(letter: Letter) -> str | None:
    """Given a letter, return its project period as text: the letter's own first, else its plan's."""
    periods = letter.periods or [p for plan in attached(letter, "plan") for p in plan.periods]
    return period_text(periods[0]) if periods else None


def incoming_identity(letter: Letter) -> str:
    """Given a letter, return what identifies it in the register: issuer + 發文字號 (or its file's hash)."""
    if letter.dispatch_no:
        return f"{letter.issuer or ''}{letter.dispatch_no.text}"
    return letter.source.sha256 or letter.source.path or ""


def incoming_stem(record) -> str:
    """Given a letter (or a division record), return the file-name stem for documents about it: sender and 發文字號
    (花蓮縣政府-府政行字第1080251637號), else what is known of them, or the file's name, with a short hash of the file."""
    issuer = getattr(record, "issuer", None)
    dispatch = getattr(record, "dispatch_no", None)
    if issuer and dispatch:
        return f"{issuer}-{dispatch.text}"
    name = re.sub(r"\.[^./\\]*$", "", re.split(r"[/\\]", record.source.path or "letter")[-1])
    known = [value for value in (issuer, dispatch.text if dispatch else None) if value] or [name]
    return "-".join(known + ([record.source.sha256[:8]] if record.source.sha256 else []))


def incoming_values(letter: Letter, profile: dict) -> dict:
    """Given an incoming letter and our profile, return its template variables (the `incoming` dict)."""
    subject = letter.subject or ""
    core = strip_expectation(subject)
    gist, requests = split_requests(core)
    voice = (lambda text: to_our_voice(text, letter.issuer, profile)) if letter.issuer else (lambda text: text)
    doc_type = letter.doc_type or "函"
    date = letter.date.roc if letter.date else ""
    number = letter.dispatch_no.text if letter.dispatch_no else ""
    return {
        "issuer": letter.issuer or "",
        "date": date,
        "dispatch_no": number,
        "doc_type": doc_type,
        "reference": f"{date}{number}{doc_type}",
        "subject": subject,
        "subject_core": core,
        "forwarded": (to_our_voice(core, letter.issuer, profile, by_name=True, sender_as=third_person(letter.issuer))
                      if letter.issuer else core),
        "gist": voice(gist),
        "requests": [voice(r) for r in requests],
        "asks_action": bool(requests) or any(w in core for w in vocabulary()["expectations"]["action_words"]),
        "is_reply": is_reply(subject),
        "attachments": [a.title or a.file for a in letter.attachments if a.title or a.file],
    }


def names_us(entry: str, profile: dict) -> bool:
    """Given a 受文者 or 正本/副本 entry and our profile, return whether it names our agency (whole, or a name of
    at least four characters that our full name ends with: 明利國民小學 for 花蓮縣萬榮鄉明利國民小學)."""
    ours, entry = profile["agency"]["name"], entry.strip()
    return ours in entry or (len(entry) >= 4 and ours.endswith(entry))


def why_not_to_us(letter: Letter, profile: dict, kind: str) -> str | None:
    """Given a letter, our profile and ack or circular, return why we send nothing about it, or None: never about
    our own letter; a reply only when 受文者 or 正本 names us, a circular also when 副本 does (a letter naming no
    addressee at all, such as a fragment, is answered; a 公告 or 令, addressed to no agency, is only forwarded)."""
    if letter.issuer and letter.issuer == profile["agency"]["name"]:
        return N_("our own letter: nothing to reply to or forward")
    if kind == "ack" and letter.doc_type in vocabulary()["reply"]["unanswered_types"]:
        return N_(f"a {letter.doc_type} is addressed to no agency: nothing to reply to (render circular forwards it)")
    entries = [e for e in (letter.recipient, *(a.name for a in letter.cc_main)) if e]
    entries += [a.name for a in letter.cc_copy] if kind == "circular" else []
    if not entries or any(names_us(e, profile) for e in entries):  # no addressee written: cannot tell, so answer
        return None
    return (N_("not addressed to us: its 受文者 and 正本 do not name our agency") if kind == "ack" else
            N_("not addressed to us: its 受文者, 正本 and 副本 do not name our agency"))


def require_issuer(letter: Letter) -> str:
    """Given a letter, return its issuer; raise InputError when it has none."""
    if not letter.issuer:
        raise InputError(letter.source.path, "no 發文機關 (issuer) found, so there is no one to reply to or cite")
    return letter.issuer


def secrecy_text(letter: Letter) -> str:
    """Given an incoming letter, return its 密等 and 解密條件 as a reply about it carries them (「密（公布後解密）」), or ""."""
    level, condition = letter.secrecy.level, letter.secrecy.condition
    return f"{level}（{condition}）" if level and condition else level or ""


def ack_draft(letter: Letter, profile: dict) -> Draft:
    """Given an incoming letter and our profile, return the draft of our reply (復函) to its sender."""
    sender = require_issuer(letter)
    values = {
        "self_name": self_name(profile),
        "sender": {"name": sender, "honorific": honorific(sender, profile), "relation": relation(sender, profile)},
        "expectation": vocabulary()["reply"]["expectation"][relation(sender, profile)],
        "incoming": incoming_values(letter, profile),
        "recipient": sender,
        "cc_main": [sender],
        "cc_copy": [],
        "attachments": [],
        "secrecy": secrecy_text(letter),
    }
    return Draft("ack", f"{incoming_stem(letter)}-ack", number_key("ack", incoming_identity(letter)), values)


def circular_values(letter: Letter, profile: dict, recipients: list[str]) -> dict:
    """Given a letter, our profile and the circular's recipients, return the circular's variables."""
    require_issuer(letter)
    incoming = incoming_values(letter, profile)
    return {
        "self_name": self_name(profile),
        "incoming": incoming,
        "period": project_period(letter),
        "recipient": "、".join(recipients),
        "cc_main": recipients,
        "cc_copy": [],
        "attachments": incoming["attachments"],
        "secrecy": secrecy_text(letter),
    }


def unit_key(name: str, profile: dict) -> str:
    """Given a unit's name, return it without our own 自稱 or full name before it (本校教務處, 明利國小教務處 → 教務處)."""
    name = re.sub(r"\s", "", name)
    for own in (self_name(profile), profile["agency"]["name"]):
        name = name.removeprefix(own)
    return name


def our_rows(division: Division, profile: dict) -> list:
    """Given a division table and our profile, return its rows for our own units: those naming one of the units
    our circulars go to (profile circular.recipients), as written or under our 自稱; never the sender's departments."""
    ours = {unit_key(name, profile) for name in profile["circular"]["recipients"]}
    return [row for row in division.rows if unit_key(row.unit, profile) in ours]


def circular_drafts(letter: Letter, profile: dict) -> list[Draft]:
    """Given a letter and our profile, return its 函轉 circular to our units, and one more to each of our units
    that its division tables name (the sender's own departments get none: they are not ours to write to)."""
    identity, stem = incoming_identity(letter), incoming_stem(letter)
    recipients = profile["circular"]["recipients"]
    drafts = [Draft("circular", f"{stem}-circular", number_key("circular", identity),
                    circular_values(letter, profile, recipients))]
    for division in attached(letter, "division"):
        for row in our_rows(division, profile):
            unit = to_our_voice(row.unit, letter.issuer, profile, by_name=True)  # 本府觀光處 → 花蓮縣政府觀光處
            values = circular_values(letter, profile, [unit])
            values["unit"] = {"name": unit, "duties": list(row.duties)}
            values["division_title"] = division.title or ""
            drafts.append(Draft("unit_circular", f"{stem}-circular-{row.unit}",
                                number_key("unit_circular", identity, row.unit), values))
    return drafts


def table_values(division: Division, plan: Plan | None, period: str | None) -> dict:
    """Given a division table, its plan and the project period, return the table's variables."""
    return {
        "title": division.title or "",
        "plan_title": plan.title if plan and plan.title else "",
        "period": period,
        "rows": [{"unit": row.unit, "duties": list(row.duties)} for row in division.rows],
    }


def table_drafts(record) -> list[Draft]:
    """Given a letter (its division attachments; maybe none) or a division record, return the table drafts."""
    if isinstance(record, Division):
        stem = incoming_stem(record)
        return [Draft("table", f"{stem}-table", None, table_values(record, None, None))]
    divisions = attached(record, "division")
    plans = attached(record, "plan")
    plan = plans[0] if plans else None
    stem = incoming_stem(record)
    return [
        Draft("table", f"{stem}-table" + (f"-{i}" if i > 1 else ""), None,
              table_values(division, plan, project_period(record)))
        for i, division in enumerate(divisions, 1)
    ]
