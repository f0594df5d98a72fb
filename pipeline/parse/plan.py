"""The plan parser: blocks of a 計畫 (or 要點, 方案) → a Plan record.

blocks → blocks_to_lines (marker and text of each line) → infer_lost_numbers →
split_title → lines_to_tree (壹 → 一 → (一) → 1 → (1)) → Plan, with the dates,
periods and daily hours found in its text.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from pipeline.blocks import LIST_ITEM, PAGE_BREAK, TABLE, Block
from pipeline.parse.clean import LIST_BULLET, drop_page_furniture, join_wrapped, normalise_line
from pipeline.parse.dates import find_dates, find_hours, find_periods
from pipeline.parse.items import ANY_MARKER, HEAVENLY, LEVEL, MARKERS, number_of
from pipeline.parse.titles import SENTENCE_PUNCTUATION, is_attachment_label, is_title_line, join_title, title_key
from pipeline.records import Plan, PlanNode, item_marker
from pipeline.vocabulary import vocabulary

# 壹、 貳、 … 拾壹、: the level above 一、 in plans (文書處理手冊 uses it for 計畫 and 報告)
HEAVENLY_MARKER = re.compile(rf"(?P<n>[{HEAVENLY}]{{1,3}})[、，.．]")
# a list item whose automatic number was lost when the text was flattened: 「- 遵守…」
BULLET_ONLY = re.compile(r"^[-•●▪・◆■□○]$")
PARAGRAPH_END = ("。", "！", "？", "!", "?", "：", ":")
HEADING_MAX = 20  # a heading (「工作期程」, 「公務機密維護」) is short


@dataclass
class PlanLine:
    """One line of a plan: its marker (level and number) and text."""
    text: str
    level: int | None = None  # 0 壹, 1 一, 2 (一), 3 1, 4 (1); None when the line has no marker
    number: int | None = None
    listed: bool = False  # a list item (「- 」 bullet or a document list) whose number may be lost
    row: bool = False  # a table row (cells joined with 「 | 」), always a paragraph of its own


@dataclass
class _Open:
    """A node being built: the record node plus its raw lines (its marker line first)."""
    node: PlanNode
    level: int
    lines: list[PlanLine] = field(default_factory=list)


def heavenly_to_int(text: str) -> int | None:
    """Given a number in 壹貳參 numerals (壹, 拾, 拾貳), return it as int, or None."""
    if text == "拾":
        return 10
    if text.startswith("拾"):
        rest = text[1:]
        return 10 + HEAVENLY.index(rest) + 1 if len(rest) == 1 and rest in HEAVENLY[:9] else None
    return HEAVENLY.index(text) + 1 if len(text) == 1 else None


def level_label(level: int, number: int) -> str:
    """Given a marker level and number, return the canonical marker: 壹 / 一 / (一) / 1 / (1)."""
    if level == 0:
        return HEAVENLY[number - 1] if number <= 10 else "拾" + HEAVENLY[number - 11]
    return item_marker(MARKERS[level - 1][0], number)


def split_marker(text: str) -> tuple[int | None, int | None, str]:
    """Given a line, return (level, number, text after the marker); level None when it has no marker."""
    stripped = text.lstrip(" \t\u3000")
    m = HEAVENLY_MARKER.match(stripped)
    if m and (number := heavenly_to_int(m.group("n"))):
        return 0, number, stripped[m.end():].strip()
    m = ANY_MARKER.match(stripped)
    if m:
        kind = m.lastgroup
        number = number_of(kind, MARKERS[LEVEL[kind]][1].match(stripped).group("n"))
        if number:
            return LEVEL[kind] + 1, number, stripped[m.end():].strip()
    return None, None, text.strip()


def block_to_line(block: Block) -> PlanLine | None:
    """Given a paragraph, heading or list-item block, return its PlanLine (None for page furniture)."""
    kept, _ = drop_page_furniture([block.text])
    if not kept or not kept[0].strip():
        return None
    text = kept[0]
    listed = block.kind == LIST_ITEM
    bullet = LIST_BULLET.match(text)
    if bullet:
        listed, text = True, text[bullet.end():]
    marker = (block.marker or "").strip()
    if marker and not BULLET_ONLY.match(marker):
        level, number, _ = split_marker(marker + " ")
        if level is not None:
            return PlanLine(text.strip(), level, number, listed=True)
    level, number, rest = split_marker(text)
    return PlanLine(rest, level, number, listed)


def blocks_to_lines(blocks: list[Block]) -> list[PlanLine]:
    """Given a plan's blocks, return its lines in order (a table's rows as unmarked row lines)."""
    lines = []
    for block in blocks:
        if block.kind == PAGE_BREAK:
            continue
        if block.kind == TABLE:
            lines += [PlanLine(" | ".join(c.replace("\n", "") for c in row), row=True)
                      for row in block.rows or [] if any(c.strip() for c in row)]
            continue
        line = block_to_line(block)
        if line is not None:
            lines.append(line)
    return lines


def infer_lost_numbers(lines: list[PlanLine]) -> list[str]:
    """Given lines, give each list item that lost its number the one its neighbours imply; return warnings."""
    warnings = []
    for i, line in enumerate(lines):
        if not line.listed or line.level is not None:
            continue
        guess = _number_from_neighbours(lines, i)
        if guess is None:
            continue
        line.level, line.number = guess
        warnings.append(f"inferred lost list number {level_label(*guess)} for 「{normalise_line(line.text)[:20]}…」")
    return warnings


def _number_from_neighbours(lines: list[PlanLine], i: int) -> tuple[int, int] | None:
    """Given lines and the index of an unnumbered list item, return its (level, number) or None."""
    distance = 0
    for later in lines[i + 1:]:  # the next numbered item of the same list: 「- 2、…」 → this is 1
        if later.listed or later.level is not None:
            distance += 1
        if later.level is not None:
            if later.listed and later.number - distance >= 1:
                return later.level, later.number - distance
            break
    distance = 0
    for earlier in reversed(lines[:i]):  # the previous numbered item: 「3、…」 → this is 4, or a heading above
        if earlier.listed or earlier.level is not None:
            distance += 1
        if earlier.level is not None:
            if earlier.listed:
                return earlier.level, earlier.number + distance
            return (earlier.level + 1, distance) if earlier.level < len(MARKERS) else None
    return None


def is_title_word_line(text: str) -> bool:
    """Given a line, return whether it names a plan (計畫, 要點, 方案 …)."""
    return any(word in text for word in vocabulary()["plan"]["title_words"])


def first_section(lines: list[PlanLine]) -> int:
    """Given lines, return the index of the first marked line (壹、 or 一、 …), or len(lines)."""
    return next((i for i, line in enumerate(lines) if line.level is not None), len(lines))


def split_title(lines: list[PlanLine]) -> tuple[str | None, list[PlanLine], list[str]]:
    """Given lines, return the plan's title (possibly over two lines), the lines from the first section, warnings."""
    first = first_section(lines)
    head = [normalise_line(line.text) for line in lines[:first]]
    head = [t for t in head if t and not is_attachment_label(t)]
    title_lines = [t for t in head if is_title_line(t)]
    named = [i for i, t in enumerate(title_lines)  # a title ends with its plan word (…研究計畫成果發表會 does not)
             if t.endswith(tuple(vocabulary()["plan"]["title_words"]))]
    if named:
        title_lines = title_lines[: named[0] + 1]
    title = join_title(title_lines)
    warnings = [f"text before the first section, not part of the title: {t}" for t in head if t not in title_lines]
    body = [line for line in lines[first:] if not (title and line.level is None and title_key(line.text) == title_key(title))]
    return title, body, warnings


def lines_to_tree(lines: list[PlanLine]) -> list[PlanNode]:
    """Given a plan's lines from its first section, return the section tree (deeper levels nest under shallower)."""
    roots: list[PlanNode] = []
    stack: list[_Open] = []
    opened: list[_Open] = []
    for line in lines:
        if line.level is None:
            if opened:
                opened[-1].lines.append(line)
            continue
        while stack and stack[-1].level >= line.level:
            stack.pop()
        node = PlanNode(marker=level_label(line.level, line.number), number=line.number, title="", text="")
        (stack[-1].node.children if stack else roots).append(node)
        item = _Open(node, line.level, [line])
        stack.append(item)
        opened.append(item)
    for item in opened:
        item.node.title, item.node.text = heading_and_text(item.lines, bool(item.node.children))
    return roots


def heading_and_text(lines: list[PlanLine], has_children: bool) -> tuple[str, str]:
    """Given a node's raw lines (its marker line first), return (title, text): a short heading line
    (「工作期程」) followed by text or sub-items becomes the title."""
    head = normalise_line(lines[0].text)
    if head and (len(lines) > 1 or has_children) and len(head) <= HEADING_MAX and not SENTENCE_PUNCTUATION.search(head):
        return head, lines_to_text(lines[1:])
    return "", lines_to_text(lines)


def lines_to_text(lines: list[PlanLine]) -> str:
    """Given wrapped lines, return their text: lines rejoined, a new paragraph after a line ending a sentence
    and around a table row."""
    paragraphs: list[list[PlanLine]] = []
    for line in lines:
        if not line.text.strip():
            continue
        last = paragraphs[-1][-1] if paragraphs else None
        if last and not (line.row or last.row or last.text.rstrip().endswith(PARAGRAPH_END)):
            paragraphs[-1].append(line)
        else:
            paragraphs.append([line])
    return "\n".join(join_wrapped("\n".join(line.text for line in p)) for p in paragraphs)


def tree_text(nodes: list[PlanNode]) -> str:
    """Given section nodes, return all their titles and text, one a line, in reading order."""
    out = []
    for node in nodes:
        out += [node.title, node.text, tree_text(node.children)]
    return "\n".join(t for t in out if t)


def blocks_to_plan(blocks: list[Block]) -> Plan:
    """Given a plan's blocks, return its Plan record: title, section tree, dates, periods and hours."""
    lines = blocks_to_lines(blocks)
    warnings = infer_lost_numbers(lines)
    title, body, title_warnings = split_title(lines)
    sections = lines_to_tree(body)
    head = [line.text for line in lines[: first_section(lines)]]  # the title and any line before the first section
    text = "\n".join([*head, tree_text(sections)])
    periods, period_warnings = find_periods(text)
    dates = list({date.iso: date for date, _ in find_dates(text)}.values())
    return Plan(title=title, sections=sections, periods=periods, hours=find_hours(text), dates=dates,
                warnings=title_warnings + warnings + period_warnings)
