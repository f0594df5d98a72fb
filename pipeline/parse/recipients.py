"""正本 / 副本 entries: split a distribution list without breaking names joined by 、 or -."""
from __future__ import annotations

import re
from functools import cache

from pipeline.brackets import split_outside_brackets
from pipeline.parse.clean import join_wrapped, normalise_text
from pipeline.records import Addressee
from pipeline.vocabulary import vocabulary

SEPARATORS = "、，,;；"
ALTERNATIVE_MAX = 3  # an alternative completing the previous name is short: 「小學」, 「高中」
NUMERALS = "一二三四五六七八九十"


def counts_on(entry: str, piece: str) -> bool:
    """Given an entry and the next piece, return whether they enumerate numbers of one name: 「本府所屬一」 and
    「二級機關」 (本府所屬一、二級機關), 「第一」 and 「二類」."""
    return bool(entry) and entry[-1] in NUMERALS and bool(piece) and piece[0] in NUMERALS


TRAILING_NOTE = re.compile(r"[（(][^）)]*[）)]$")  # a note in brackets closing an entry: 「(含分校)」
CJK_LAST = re.compile(r"[\u4e00-\u9fff]$")


def is_complete(name: str) -> bool:
    """Given an entry, return whether it ends as a whole name does (not 「國民中」 awaiting 「小學」)."""
    core = TRAILING_NOTE.sub("", name).strip()
    endings = vocabulary()["recipients"]["complete_endings"]
    return not core or not CJK_LAST.search(core) or core.endswith(tuple(endings))


@cache
def places_pattern() -> re.Pattern:
    """Return the pattern of an entry that names only places (各直轄市): a place prefix and place levels."""
    table = vocabulary()["recipients"]
    levels = "|".join(map(re.escape, sorted(table["place_levels"], key=len, reverse=True)))
    prefixes = "".join(table["place_prefixes"])
    return re.compile(rf"[{prefixes}]?(?:{levels})+")


def names_only_places(entry: str) -> bool:
    """Given an entry, return whether it names only places (各直轄市), sharing the next entry's agency."""
    return bool(places_pattern().fullmatch(entry))


def join_alternatives(pieces: list[str]) -> list[str]:
    """Given split pieces, return entries with 「國民中」+「小學」 joined back as 「國民中、小學」.

    A piece continues the previous entry when that entry names only places (各直轄市、縣市政府), when the two
    enumerate numbers of one name (一、二級機關), or when the entry does not end as a name does and the piece is a
    short alternative.
    """
    entries: list[str] = []
    for piece in pieces:
        if not piece:
            continue
        if entries and (names_only_places(entries[-1]) or counts_on(entries[-1], piece)
                        or not is_complete(entries[-1]) and len(to_addressee(piece).name) <= ALTERNATIVE_MAX):
            entries[-1] += "、" + piece
        else:
            entries.append(piece)
    return entries


@cache
def entry_notes() -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    """Return the patterns of an entry's notes: (不含附件), (含附件) or 含附件 closing it, and an instruction or a
    distribution note in brackets (（請轉行查照）, (3份), (第1類))."""
    vocab = vocabulary()["recipients"]
    without = "|".join(map(re.escape, vocab["without_attachments"]))
    words = "|".join(map(re.escape, vocab["with_attachments"]))
    instructions = "|".join(map(re.escape, vocab["instruction_notes"]))
    return (re.compile(rf"[（(]\s*(?:{without})\s*[）)]"), re.compile(rf"[（(]\s*(?:{words})\s*[）)]|(?:{words})$"),
            re.compile(rf"[（(]\s*(?:{instructions})[^（()）]*[）)]|{vocab['distribution_note']}"))


def to_addressee(entry: str) -> Addressee:
    """Given one entry, return it as an Addressee with its (含附件) / (不含附件) note turned into the flag and an
    instruction to it (（請轉行查照）) left out."""
    without, with_attachments, instruction = entry_notes()
    name, n_without = without.subn("", entry)
    name, unit_with = without_unit_note(name)
    name, n_with = with_attachments.subn("", name)
    n_with += unit_with
    name = instruction.sub("", name)  # （請轉行查照）, (3份): to the recipient
    name = mailing_address().sub("", name)
    return Addressee(name=name.strip(), with_attachments=bool(n_with) and not n_without)


@cache
def unit_note() -> re.Pattern:
    """Return the pattern of a bracket after an entry that names a unit of it and goes on with an instruction or
    what is sent along (「雲林縣政府行政室(法制課含word磁片)」, 「(文書課 請刊登公報並含word磁片)」): a note to that unit."""
    vocab = vocabulary()["recipients"]
    units = "|".join(map(re.escape, vocab["unit_note_endings"]))
    opening = "|".join(map(re.escape, vocab["instruction_notes"] + vocab["enclosure_notes"]))
    return re.compile(rf"[（(]\s*[\u4e00-\u9fff]{{1,10}}?(?:{units})\s*(?P<note>(?:{opening})[^（()）]*)[）)]")


def without_unit_note(entry: str) -> tuple[str, int]:
    """Given an entry, return it without a bracketed note to one of its units (unit_note) and how many such notes
    send the attachments (含附件 inside, as the 手冊's 含附件 does); other brackets stay the name's."""
    words = tuple(vocabulary()["recipients"]["with_attachments"])
    notes = [m.group("note") for m in unit_note().finditer(entry)]
    return unit_note().sub("", entry), sum(any(w in note for w in words) for note in notes)


@cache
def mailing_address() -> re.Pattern:
    """Return the pattern of a postal address in brackets after an entry (「〈11266台北市北投區立農街二段285號〉」): the
    address the 手冊 has a mailed copy carry, not part of the entry's name."""
    vocab = vocabulary()["recipients"]
    inside = r"[^〈<（(〉>）)]"
    places, words = "".join(vocab["address_places"]), "|".join(map(re.escape, vocab["address_words"]))
    return re.compile(rf"[〈<（(]\s*\d{{0,6}}{inside}*?[{places}]{inside}*?(?:{words}){inside}*[〉>）)]\s*$")


def spaced_pieces(text: str) -> list[str]:
    """Given text, return its runs set apart by spaces, a bracket after a run and the runs inside it kept with it
    (「國際及兩岸教育司 ( 兩岸事務科 僑生及外生事務科 )」)."""
    pieces, depth = [], 0
    for token in text.split():
        if pieces and (depth > 0 or token[0] in "(（"):
            pieces[-1] += " " + token
        else:
            pieces.append(token)
        depth += token.count("(") + token.count("（") - token.count(")") - token.count("）")
    return pieces


def mark_spaced_entries(value: str) -> str:
    """Given the raw text after a 正本 / 副本 label on its line (before normalising closes the spaces between Chinese
    characters), return it with the entries a flattened page set apart by spaces joined by 、 (「教育部國民及學前
    教育署 公私立大專校院 國防醫學院」): the runs from its start that each end as a whole name, two or more; what
    follows them (a stamp, a footer) stays as it is."""
    if any(sep in value for sep in SEPARATORS):
        return value
    pieces = spaced_pieces(value)
    names = 0
    while names < len(pieces) and re.search(r"[\u4e00-\u9fff]$", re.sub(r"\s*[（(][^（()）]*[）)]$", "", pieces[names])) \
            and is_complete(pieces[names]):
        names += 1
    if names < 2:
        return value
    lead = value[:len(value) - len(value.lstrip())]
    return lead + "、".join(pieces[:names]) + "".join(" " + p for p in pieces[names:])


def unwrap_lines(text: str) -> str:
    """Given a list over lines, return it on one line: a line break separates entries only in lists without 、."""
    if any(sep in text for sep in SEPARATORS):
        return join_wrapped(text)
    return "、".join(join_wrapped(line) for line in text.split("\n") if line.strip())


def split_recipients(text: str) -> list[Addressee]:
    """Given the text of 正本 or 副本, return its entries in order."""
    text, _ = normalise_text(text or "")
    words = "|".join(map(re.escape, vocabulary()["recipients"]["all_with_attachments"]))
    text, flag_all = re.subn(rf"[（(]\s*(?:{words})\s*[）)]\s*$", "", unwrap_lines(text))
    entries = [entry for entry in map(to_addressee, join_alternatives(split_outside_brackets(text, SEPARATORS)))
               if entry.name]
    for entry in entries if flag_all else ():
        entry.with_attachments = True
    return entries
