"""The first stage of the cascade: each block of a document normalised once, for every later stage to read.

blocks → normalise_blocks (labels mended, items set apart by spaces marked, page furniture dropped, spacing and punctuation mended, per block) →
CleanBlock (a Block with its ``clean`` text) → kind, split, fields and record read ``clean`` and never
normalise again.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, fields, replace
from functools import cache

from pipeline.blocks import PAGE_BREAK, STAMP, TABLE, Block, block_text
from pipeline.parse.clean import (EXCHANGE_DATE, EXCHANGE_TIME, FOOTER, RECEIPT_NUMBER_LINE, SPACES, TABLE_CELL,
                                  TABLE_ROW, Furniture, dot_guide, drop_furniture, is_stamp_unit, normalise_line,
                                  page_number_line, shows_binding_line, split_fields, stamp_number, stamp_to_furniture,
                                  strip_dot_guide, strip_lead_marks, widen_characters)
from pipeline.parse.items import mark_run_in_items, mark_spaced_items
from pipeline.parse.doc_types import header_keys
from pipeline.parse.labels import find_labels, join_split_labels, mend_line_labels
from pipeline.parse.publisher_table import publisher_table
from pipeline.vocabulary import vocabulary


@dataclass
class CleanBlock(Block):
    """A block with its text normalised (``clean``: "" for page furniture and page breaks) and what cleaning
    removed from it."""
    clean: str = ""
    furniture: Furniture = field(default_factory=Furniture)


BLOCK_FIELDS = tuple(f.name for f in fields(Block))
SUBJECT_LABEL = re.compile(r"主[ \t]*旨[ \t]*[:：]")
COPY_MARK_LINES = 4  # a copy mark stands among a document's first lines of text (beside 檔號 and 保存年限)
EXCHANGE_TIME_IN = re.compile(r"\d:\d\d:\d\d")  # a time to the second somewhere in a block (drop_exchange_stamps)
ADDRESSEE_LABELS = tuple(f"{label}：" for label in vocabulary()["labels"]["recipient"])  # 受文者：…


def raw_lines(block: Block) -> str:
    """Given a block, return its extracted text: a table's rows as marked lines of cells, a page break as ""."""
    if block.kind == TABLE:
        return "\n".join(TABLE_ROW + TABLE_CELL.join(c.replace("\n", "") for c in row) for row in block.rows or [])
    return block_text(block)


@cache
def last_caption() -> re.Pattern:
    """Return the pattern of a board's caption over the files it posts under the letter, in lenticular brackets and
    alone at the text's end (「【附件】」; publishers.toml [notes] file_lists)."""
    captions = "|".join(map(re.escape, ["附件"] + publisher_table()["notes"]["file_lists"]))
    return re.compile(rf"\n?[ \t\u3000]*【(?:{captions})】\s*$")


def without_last_caption(texts: list[str]) -> list[str]:
    """Given a document's extracted block texts, return them without a board's file caption that ends the last of them
    (「【附件】」 under a post whose file links the copy lost; a page's number after it aside): a caption over nothing,
    not the letter's 附件 label."""
    numbered = page_number_line()
    texts = list(texts)
    for i in range(len(texts) - 1, -1, -1):
        lines = texts[i].split("\n")
        while lines and (not lines[-1].strip() or numbered.fullmatch(lines[-1].strip())
                         or FOOTER.fullmatch(lines[-1].strip())):
            lines.pop()
        if not lines:
            continue
        kept = "\n".join(lines)
        if m := last_caption().search(kept):
            texts[i] = kept[:m.start()] + texts[i][len(kept):]
        return texts
    return texts


RETURN_MARK = "↵"  # a web copy's mark for a line break it flattened: a line break


def split_lines(text: str) -> list[str]:
    """Given extracted text, return its lines with U+3000 and no-break spaces made ASCII spaces, a copy's ↵ marks as
    the line breaks they stand for and fields a page ran onto one line with cell rules or bullets between them apart."""
    text = text.translate(SPACES).replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n")
    lines = text.replace(f"{RETURN_MARK}\n", "\n").replace(RETURN_MARK, "\n").split("\n")
    return [part for line in lines for part in split_fields(line)]


def clean_block(block: Block, lines: list[str], binding_shown: bool) -> CleanBlock:
    """Given a block, its lines with labels mended and whether the document shows a binding line, return it with
    its clean text."""
    base = {name: getattr(block, name) for name in BLOCK_FIELDS}
    if block.kind == PAGE_BREAK:
        return CleanBlock(**base)
    if block.kind == STAMP:  # printed by the receiving side: its number and date, never text
        return CleanBlock(**base, furniture=stamp_to_furniture(block.text))
    lines, furniture = drop_furniture(lines, binding_shown)
    cleaned = (normalise_line(strip_lead_marks(line), widened=True) for line in lines)
    return CleanBlock(**base, clean="\n".join(line for line in cleaned if line), furniture=furniture)


def normalise_blocks(blocks: list[Block]) -> list[CleanBlock]:
    """Given a document's blocks, return them normalised, each once (blocks already normalised pass through)."""
    if all(isinstance(b, CleanBlock) for b in blocks):
        return blocks
    texts = mark_run_in_items(mark_spaced_items([mend_line_labels(widen_characters(text, spaces=False))
                                                 for text in without_last_caption([raw_lines(b) for b in blocks])]))
    mended = [[] if b.kind == PAGE_BREAK else split_lines(text) for b, text in zip(blocks, texts)]
    indent = dot_guide([line for lines in mended for line in lines])
    mended = [strip_dot_guide(lines, indent) for lines in mended]
    binding_shown = shows_binding_line([line for lines in mended for line in lines])
    cleaned = [b if isinstance(b, CleanBlock) else clean_block(b, lines, binding_shown)
               for b, lines in zip(blocks, mended)]
    return keep_labelled_dates(drop_copy_mark(drop_receipt_units(drop_exchange_stamps(cleaned))))


@cache
def date_label_alone() -> re.Pattern:
    """Return the pattern of a 發文日期 label alone on its line, colon or not."""
    labels = "|".join(map(re.escape, vocabulary()["labels"]["date"]))
    return re.compile(rf"(?:{labels})[ \t]*[:：]?")


WHOLE_DATE = re.compile(r"(?:19|20)\d\d/\d{1,2}/\d{1,2}")  # a Gregorian date alone, as a database prints it


def keep_labelled_dates(blocks: list[CleanBlock]) -> list[CleanBlock]:
    """Given normalised blocks, return them with a date alone on its line taken as a stamp's (「2013/05/24」) given back
    as text where it stands right under a 發文日期 label alone on its line (a database's row: 「發文日期」 over its
    value): that label's value, no receiving system's stamp."""
    out, above = list(blocks), ""
    for i, block in enumerate(blocks):
        stamp = block.furniture.stamps[-1].replace(" ", "") if block.furniture.stamps else ""
        if not block.clean and WHOLE_DATE.fullmatch(stamp) and date_label_alone().fullmatch(above.strip()):
            out[i] = replace(block, clean=stamp, furniture=replace(block.furniture, stamps=block.furniture.stamps[:-1]))
        above = out[i].clean.split("\n")[-1] if out[i].clean else above
    return out


def drop_exchange_stamps(blocks: list[CleanBlock]) -> list[CleanBlock]:
    """Given normalised blocks, return them without an exchange stamp's date glued to a line's end where its time
    stands alone on the next line of text (「本府計畫處2018-07-10」 over 「14:56:57」): both noted as stamp noise."""
    if not any(EXCHANGE_TIME_IN.search(b.clean) for b in blocks):
        return blocks
    places = [(i, n) for i, b in enumerate(blocks) for n, line in enumerate(b.clean.split("\n")) if line.strip()]
    out = {i: b.clean.split("\n") for i, b in enumerate(blocks) if b.clean}
    noise: dict[int, list[str]] = {}
    for (i, n), (j, k) in zip(places, places[1:]):
        if (date := EXCHANGE_DATE.search(out[i][n])) and EXCHANGE_TIME.match(out[j][k]):
            noise.setdefault(i, []).append(date.group().strip())
            noise.setdefault(j, []).append(out[j][k].strip())
            out[i][n], out[j][k] = out[i][n][:date.start()], ""
    if not noise:
        return blocks
    return [as_noise(b, "\n".join(line for line in out[i] if line.strip()), noise[i]) if i in noise else b
            for i, b in enumerate(blocks)]


def drop_copy_mark(blocks: list[CleanBlock]) -> list[CleanBlock]:
    """Given normalised blocks, return them with a line among the first COPY_MARK_LINES lines of text, or right over the
    first line opening with a head label, that is wholly a copy mark (「正本」 above or beside a letter's head, as OCR reads the
    boxed mark; the label mending gave it a colon) taken as stamp noise: no list of recipients, which comes after the
    body."""
    texts = [i for i, b in enumerate(blocks) if b.clean]
    marks = vocabulary()["copy_marks"]["words"]
    out = list(blocks)
    bodied = False  # a 主旨 label above: a 正本 label from there on is the list's
    for k, i in enumerate(texts if len(texts) > 1 else []):
        following = blocks[texts[k + 1]].clean if k + 1 < len(texts) else ""
        bodied = bodied or bool(SUBJECT_LABEL.search(out[i].clean))
        if out[i].clean.replace(" ", "").rstrip("：:") in marks and (k < COPY_MARK_LINES or not bodied and (
                opens_with_head_label(following))):
            out[i] = as_noise(out[i], "", [out[i].clean])
            continue
        lines = out[i].clean.split("\n")  # below a page's furniture, right over the letter's head rows (「發文方式:郵寄」)
        marked = [j for j, line in enumerate(lines[:-1]) if line.replace(" ", "").rstrip("：:") in marks
                  and opens_with_head_label(lines[j + 1]) and not SUBJECT_LABEL.search("\n".join(lines[:j]))]
        if bodied and not SUBJECT_LABEL.search(out[i].clean):
            marked = []
        if marked and not any(opens_with_head_label(line) for line in lines[:marked[0]]):
            out[i] = as_noise(out[i], "\n".join(lines[:marked[0]] + lines[marked[0] + 1:]), [lines[marked[0]]])
    return out


def opens_with_head_label(text: str) -> bool:
    """Given clean text, return whether a label of the letter's head (檔號, 受文者 …) opens one of its first two lines
    (「發文方式：郵寄」 over 「檔號：」)."""
    head = "\n".join(text.split("\n")[:2])
    return any(start == 0 or head[start - 1] == "\n" for _, _, start, _ in find_labels(head, header_keys()))


def drop_receipt_units(blocks: list[CleanBlock]) -> list[CleanBlock]:
    """Given normalised blocks, return them with the lines of a 收文 stamp that stand apart from its number and date
    taken as stamp noise: a block that is wholly the receiving unit's short name, the letter's 受文者 (「財政部」), right
    over a block that held only a receiving system's number and date (the name the label prints over them; another
    name there is a 副本 entry), and a block that is wholly the stamp's number (「1070002402有附件」, opening with its
    date's year) right under a block that held only its date."""
    if not any(b.furniture.received_number or b.furniture.received_date for b in blocks):
        return blocks
    out = list(blocks)
    addressee = next((b.clean for b in blocks if b.clean.startswith(ADDRESSEE_LABELS)), "")
    for i in range(1, len(out)):
        block, above = out[i], out[i - 1]
        if not block.clean and block.furniture.received_number and above.clean and is_stamp_unit(above.clean) \
                and above.clean in addressee:
            out[i - 1] = as_noise(above, "", [above.clean])
        elif (not above.clean and (date := above.furniture.received_date) and not above.furniture.received_number
              and RECEIPT_NUMBER_LINE.match(block.clean) and (number := stamp_number(block.clean, date))):
            out[i - 1] = replace(above, furniture=replace(above.furniture, received_number=number.group()))
            out[i] = as_noise(block, "", [block.clean])
    return out


def as_noise(block: CleanBlock, clean: str, stamps: list[str]) -> CleanBlock:
    """Given a normalised block, the clean text it keeps and the text taken out of it, return it with that text noted
    as stamp noise."""
    return replace(block, clean=clean, furniture=replace(block.furniture, stamps=[*block.furniture.stamps, *stamps]))


def clean_text(blocks: list[CleanBlock]) -> str:
    """Given normalised blocks, return their text one line a line, labels split over two lines rejoined."""
    return join_split_labels("\n".join(b.clean for b in blocks if b.clean))


def received_stamp(blocks: list[CleanBlock]) -> tuple[str | None, str | None]:
    """Given normalised blocks, return the 收文 stamp's number and date as written (None for what it lacks)."""
    number = next((b.furniture.received_number for b in blocks if b.furniture and b.furniture.received_number), None)
    date = next((b.furniture.received_date for b in blocks if b.furniture and b.furniture.received_date), None)
    return number, date


def furniture_warnings(blocks: list[CleanBlock]) -> list[str]:
    """Given normalised blocks, return the warnings saying what cleaning removed from them."""
    total = Furniture()
    for b in blocks:
        total.stamps += b.furniture.stamps
        total.binding += b.furniture.binding
        total.footers += b.furniture.footers
    return total.warnings()
