"""PDF page geometry: characters → visual lines → paragraphs, with page furniture removed.

Pure functions on positioned characters (top-left origin, PDF points), whichever library
extracted them. A chain: drop_binding_line → chars_to_rows → rows_to_segments →
segments_to_columns → columns_to_lines → drop_headers_and_footers → lines_to_paragraphs.
"""
from __future__ import annotations

import bisect
import re
import tomllib
import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib import resources

from pipeline.vocabulary import vocabulary

ROW_TOLERANCE = 0.4  # share of the font size two characters' centres may differ by on one row
SHORT_GLYPH = 0.5  # share of its font size under which a glyph's box is short (a tight box: 「,」 「.」 「_」)
SEGMENT_GAP = 2.0  # ems of empty space that split a row into separate segments
COLUMN_GAP = 3.0  # ems (of the smaller font) between segments of one font size that stand in separate columns
WORD_GAP = 1.0  # ems of empty space between two characters that stand for a space
LATIN_WORD_GAP = 0.2  # ems between two Latin characters that stand for a space
EDGE_BAND = 0.15  # share of the page width (binding line) or height (headers, footers) at its edges
BINDING_MIN = 3  # isolated characters stacked at one edge that make a binding line
BINDING_SPAN = 0.2  # share of the page height a binding line's glyphs span at least
ISOLATION_GAP = 1.0  # ems of empty space on both sides of a glyph that stands alone on its row
# the glyphs a binding line is drawn with (its words 裝 訂 線 and its bars): one of them stands alone on its row with half
# an em of empty space beside it (a 公文系統 may draw the line as 「|」 close to the text's margin); dots, dashes and
# bullets need the full em, as a list's hanging bullets stand closer than that
BINDING_GLYPHS = frozenset("裝訂線|｜│┃┊┆︙⋮")
BINDING_GAP = 0.5
MARGIN_NUMBER_DIGITS = 4  # a number alone in a side margin, outside the text, is a sheet count (drop_margin_numbers)
MARGIN_GAP = 0.25  # ems beyond the page's text such a number stands
MARGIN_MARKS = 2  # such numbers a page holds at most (more stand in a column of the text's own)
DIGIT_GAP, DIGIT_OVERLAP = 0.5, 0.25  # ems apart, or overlapping, two digits of one number may stand (digit_runs)
FULL_LINE = 1.5  # ems from the right text edge within which a line counts as full (wrapped)
NO_LINE_START = set("。，、；：！？」』）》〉】〕,.;:!?)]}")  # punctuation a line cannot start with (kinsoku)
NO_LINE_END = set("（「『《〈【〔([{")  # punctuation a line cannot end with (kinsoku)
HANGING = set("。，、．,.")  # punctuation that may hang past the right margin
ALIGNED = 0.1  # ems within which the left edges of two lines of a block align
PARAGRAPH_GAP = 1.2  # ems of empty space between lines above which a new paragraph starts


@dataclass(slots=True)
class Char:
    """One glyph on a page: its text and box (top-left origin), font size and what preceded it."""
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    space_before: bool = False  # a space character stood before it in the content stream


@dataclass(slots=True)
class Line:
    """A visual line (or a segment of one) with its box and font size."""
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    space_before: bool = False  # the PDF put a space character before the line's first character
    lead: float = 0.0  # width of the line's first unbreakable unit (one CJK character or a Latin word)
    text_x1: float | None = None  # right end of its last character that is not hanging punctuation (x1 if None)

    def __post_init__(self):
        if self.text_x1 is None:
            self.text_x1 = self.x1


def _centre_x(char: Char) -> float:
    """Given a glyph, return twice its horizontal centre: the order of a row's glyphs, which a loose box drawn wider
    than the glyph (a CJK glyph's box reaching over the digit before it, 「5」 then 「號」) does not upset."""
    return char.x0 + char.x1


@cache
def layout_tables() -> dict:
    """Return the reader's layout tables (data/reading.toml) with regexes compiled."""
    with resources.files("pipeline").joinpath("data/reading.toml").open("rb") as fh:
        data = tomllib.load(fh)
    labels = sorted({v for variants in vocabulary()["labels"].values() for v in variants}, key=len, reverse=True)
    label_re = "|".join(r"\s*".join(map(re.escape, label)) for label in labels)
    starts = data["paragraphs"]["starts"] + [rf"^(?:{label_re})\s*(?:[:：]|$)"]  # (a label alone: 「說明」 over its text)
    return {
        "page_number": [re.compile(p) for p in data["page_furniture"]["page_number"]],
        "starts": re.compile("|".join(f"(?:{p})" for p in starts)),
        # a letter's label opening a table cell: alone, before its colon, or before a space and its value
        "label_cell": re.compile(rf"^\s*(?P<label>{label_re})\s*(?P<colon>[:：]|$|\s(?=\S))"),
    }


@cache
def is_wide(ch: str) -> bool:
    """Given a character, return whether it is a CJK (full-width) character."""
    return unicodedata.east_asian_width(ch) in ("W", "F")


def drop_binding_line(chars: list[Char], width: float, height: float) -> tuple[list[Char], list[Char]]:
    """Given a page's characters and size, return them without its binding-line column (裝訂線), and the glyphs removed."""
    left, right = EDGE_BAND * width, (1 - EDGE_BAND) * width
    outer = [c for c in chars if c.x1 <= left or c.x0 >= right]
    if len(outer) < BINDING_MIN:
        return chars, []
    largest = max([c.size for c in chars])
    near = ISOLATION_GAP * max(largest, 1.0)  # a glyph farther in than this from both bands neighbours no outer glyph
    inner_left, inner_right = left + near, right - near
    by_middle, middles = by_centre([c for c in chars if c.x0 < inner_left or c.x1 > inner_right])
    reach = ROW_TOLERANCE * largest
    alone = [c for c in outer
             if is_isolated(c, by_middle, middles, reach, BINDING_GAP if c.text in BINDING_GLYPHS else ISOLATION_GAP)]
    removed: list[Char] = []
    for band in glyphs_to_bands(alone):
        top, bottom = min(c.top for c in band), max(c.bottom for c in band)
        if len(band) < BINDING_MIN or bottom - top < BINDING_SPAN * height:
            continue
        x0, x1 = min(c.x0 for c in band), max(c.x1 for c in band)
        members = {id(c) for c in band}
        if not any(id(c) not in members and c.x0 < x1 and c.x1 > x0 and c.bottom > top and c.top < bottom
                   for c in chars):  # nothing but the line's glyphs stands in its column
            removed += band
    if not removed:
        return chars, []
    gone = {id(c) for c in removed}
    return [c for c in chars if id(c) not in gone], sorted(removed, key=lambda c: c.top)


def drop_margin_numbers(chars: list[Char], width: float) -> tuple[list[Char], list[Char]]:
    """Given a page's characters and width, return them without the short numbers standing alone in its side margins,
    outside every line of its text (a printing system's sheet count, 「8」 right of page 1, 「97」 left of page 2), and
    the glyphs removed: one or two on a page; more make a column of the text's (a table's 項次), which stays."""
    banded = [run for run in digit_runs(chars) if len(run) <= MARGIN_NUMBER_DIGITS
              and (run[-1].x1 <= EDGE_BAND * width or run[0].x0 >= (1 - EDGE_BAND) * width)]
    text = [c for c in chars if not c.text.isdigit() and not c.text.isspace()] if banded else []
    if not text:
        return chars, []
    left, right = min(c.x0 for c in text), max(c.x1 for c in text)
    marks = []
    for run in banded:
        em = max(c.size for c in run)
        outside = run[-1].x1 <= left - MARGIN_GAP * em or run[0].x0 >= right + MARGIN_GAP * em
        if outside and not any(
                c not in run and abs(_middle(c) - _middle(run[0])) <= ROW_TOLERANCE * em
                and c.x0 < run[-1].x1 + ISOLATION_GAP * em and c.x1 > run[0].x0 - ISOLATION_GAP * em for c in chars):
            marks.append(run)
    if not marks or len(marks) > MARGIN_MARKS:
        return chars, []
    gone = {id(c) for run in marks for c in run}
    return [c for c in chars if id(c) not in gone], [c for run in marks for c in run]


def digit_runs(chars: list[Char]) -> list[list[Char]]:
    """Given a page's characters in content order, return its runs of digits on one row, each glyph within half an em
    of the one before."""
    runs: list[list[Char]] = []
    for c in [c for c in chars if c.text.isdigit()]:
        last = runs[-1][-1] if runs else None
        if last is not None and abs(_middle(c) - _middle(last)) <= ROW_TOLERANCE * c.size \
                and -DIGIT_OVERLAP * c.size <= c.x0 - last.x1 <= DIGIT_GAP * c.size:
            runs[-1].append(c)
        else:
            runs.append([c])
    return runs


def by_centre(chars: list[Char]) -> tuple[list[Char], list[float]]:
    """Given characters, return them sorted by vertical centre (a stable sort), and those centres."""
    middles = [(c.top + c.bottom) / 2 for c in chars]
    order = sorted(range(len(chars)), key=middles.__getitem__)
    return [chars[i] for i in order], [middles[i] for i in order]


def is_isolated(char: Char, by_middle: list[Char], middles: list[float], reach: float,
                gap: float = ISOLATION_GAP) -> bool:
    """Given a glyph, the page's glyphs sorted by vertical centre (and those centres), the reach of its row and a gap
    in ems, return whether no other glyph stands within the gap beside it on its row."""
    middle = _middle(char)
    low, high = bisect.bisect_left(middles, middle - reach), bisect.bisect_right(middles, middle + reach)
    for other, other_middle in zip(by_middle[low:high], middles[low:high]):
        em = max(char.size, other.size, 1.0)
        if other.x0 - char.x1 < gap * em and char.x0 - other.x1 < gap * em \
                and abs(other_middle - middle) <= ROW_TOLERANCE * em and other is not char:
            return False
    return True


def glyphs_to_bands(glyphs: list[Char]) -> list[list[Char]]:
    """Given glyphs, return them grouped into vertical bands whose horizontal extents overlap."""
    bands: list[list[Char]] = []
    right = 0.0
    for glyph in sorted(glyphs, key=lambda c: c.x0):
        if bands and glyph.x0 < right:
            bands[-1].append(glyph)
            right = max(right, glyph.x1)
        else:
            bands.append([glyph])
            right = glyph.x1
    return bands


def chars_to_rows(chars: list[Char]) -> list[list[Char]]:
    """Given a page's characters, return rows of characters (same baseline band), top to bottom, left to right."""
    rows: list[list[Char]] = []
    centres: list[float] = []  # each row's mean character centre
    sizes: list[float] = []  # each row's first character's size
    recent: tuple[int, ...] = ()  # the indexes of the last three rows, the last first
    for char, middle in zip(*by_centre(chars)):
        size = char.size
        for index in recent:
            centre, first = centres[index], sizes[index]
            if abs(middle - centre) <= ROW_TOLERANCE * (first if first > size else size):
                row = rows[index]
                row.append(char)
                centres[index] = centre + (middle - centre) / len(row)
                break
        else:
            if char.bottom - char.top < SHORT_GLYPH * size:
                index = band_row(char, rows, recent)
                if index is not None:
                    rows[index].append(char)  # the row's centre stays that of its full-height glyphs
                    continue
            rows.append([char])
            centres.append(middle)
            sizes.append(size)
            recent = (len(rows) - 1, *recent[:2])
    return [sorted(row, key=_centre_x) for row in rows]


def band_row(char: Char, rows: list[list[Char]], recent: tuple[int, ...]) -> int | None:
    """Given a short glyph no row's centre is near, the rows so far and the indexes of the last three, return the row
    whose band (its glyphs' top to bottom) holds most of the glyph's height: an ASCII comma drawn with a tight box hangs
    below the baseline, its centre over ROW_TOLERANCE from the row's, yet it stands on that row."""
    height = char.bottom - char.top
    for index in recent:
        row = rows[index]
        top, bottom = min([c.top for c in row]), max([c.bottom for c in row])
        if min(bottom, char.bottom) - max(top, char.top) > height / 2:
            return index
    return None


def centred(chars: list[Char]) -> list[tuple[float, float, Char]]:
    """Given characters, return each with the x and y of its centre."""
    return [((c.x0 + c.x1) / 2, (c.top + c.bottom) / 2, c) for c in chars]


def _middle(char: Char) -> float:
    """Given a character, return the y of its centre."""
    return (char.top + char.bottom) / 2


def larger(a: float, b: float) -> float:
    """Given two font sizes, return the larger, at least 1 (an em to measure gaps by); max() costs more per glyph."""
    size = a if a > b else b
    return size if size > 1.0 else 1.0


def rows_to_segments(rows: list[list[Char]]) -> list[list[Line]]:
    """Given rows of characters (left to right), return each row as segments split where SEGMENT_GAP ems of space part
    them."""
    return [row_to_segments(row) for row in rows]


def row_to_segments(row: list[Char]) -> list[Line]:
    """Given a row of characters left to right, return its segments (row_spans) as Lines."""
    x1s, tops = [c.x1 for c in row], [c.top for c in row]
    bottoms, sizes = [c.bottom for c in row], [c.size for c in row]
    return [Line(text, row[start].x0, max(x1s[start:end]), min(tops[start:end]), max(bottoms[start:end]),
                 max(sizes[start:end]), row[start].space_before, lead_width(row[start:end]), text_end(row[start:end]))
            for start, end, text in row_spans(row)]


def row_spans(row: list[Char]) -> list[tuple[int, int, str]]:
    """Given a row of characters left to right, return its segments as (start, end exclusive, text): split where
    SEGMENT_GAP ems of space part two characters, with a space where the PDF means one (space_between)."""
    spans = []
    start, prev, text = 0, row[0], [row[0].text]
    for index in range(1, len(row)):
        char = row[index]
        gap = char.x0 - prev.x1
        em = larger(prev.size, char.size)
        if gap >= SEGMENT_GAP * em:
            spans.append((start, index, "".join(text)))
            start, text = index, [char.text]
        else:
            if char.space_before or gap >= LATIN_WORD_GAP * em and space_between(prev.text, char.text, gap, em):
                text.append(" ")
            text.append(char.text)
        prev = char
    spans.append((start, len(row), "".join(text)))
    return spans


def space_between(left: str, right: str, gap: float, em: float) -> bool:
    """Given two neighbouring characters' texts, the gap between them and their em, return whether the gap stands for
    a space: WORD_GAP ems, or LATIN_WORD_GAP ems between two Latin characters."""
    return gap >= WORD_GAP * em or (not is_wide(left[-1]) and not is_wide(right[0]))


def text_end(chars: list[Char]) -> float:
    """Given a segment's characters, return the right end of its last character that is not hanging punctuation."""
    return next((c.x1 for c in reversed(chars) if c.text not in HANGING), chars[-1].x1)


def lead_width(chars: list[Char]) -> float:
    """Given a segment's characters, return the width of its first unit: a CJK character or a Latin word, with the opening punctuation before it and the closing punctuation after it that cannot end or start a line (kinsoku)."""
    index = 0
    while index < len(chars) - 1 and chars[index].text in NO_LINE_END:
        index += 1
    end = chars[index]
    index += 1
    if not is_wide(end.text):
        while index < len(chars):
            char, prev = chars[index], chars[index - 1]
            if is_wide(char.text) or char.space_before or char.x0 - prev.x1 >= LATIN_WORD_GAP * char.size:
                break
            end, index = char, index + 1
    while index < len(chars) and chars[index].text in NO_LINE_START:
        end, index = chars[index], index + 1
    return end.x1 - chars[0].x0


def segments_to_lines(rows: list[list[Line]]) -> list[Line]:
    """Given rows of segments, return one line per row (segments joined by a space)."""
    return [join_segments(row) for row in rows]


def join_segments(segments: list[Line]) -> Line:
    """Given segments of one row left to right, return them as one line (joined by a space): a lone segment as it is."""
    if len(segments) == 1:
        return segments[0]
    first, last = segments[0], segments[-1]
    return Line(" ".join(seg.text for seg in segments), first.x0, last.x1, min(s.top for s in segments),
                max(s.bottom for s in segments), max(s.size for s in segments), first.space_before, first.lead,
                last.text_x1)


def segments_to_columns(rows: list[list[Line]]) -> list[list[Line]]:
    """Given rows of segments, return each row as lines, one a column: segments stay apart where they stand far apart (stand_apart)."""
    out = []
    for row in rows:
        groups = [[row[0]]]
        for prev, seg in zip(row, row[1:]):
            if stand_apart(prev, seg):
                groups.append([])
            groups[-1].append(seg)
        out.append([join_segments(group) for group in groups])
    return out


def stand_apart(left: Line, right: Line) -> bool:
    """Given two neighbouring segments of a row, return whether they belong to separate columns: different font sizes, or COLUMN_GAP ems apart (a letter-spaced label such as 「檔　　號」 has 2 em gaps)."""
    small = max(min(left.size, right.size), 1.0)
    return not same_size(left, right) or right.x0 - left.x1 >= COLUMN_GAP * small


def same_size(a: Line, b: Line) -> bool:
    """Given two lines, return whether they are set in the same font size (within 15 %)."""
    return abs(a.size - b.size) < 0.15 * max(a.size, b.size, 1.0)


def columns_to_lines(rows: list[list[Line]]) -> list[Line]:
    """Given a page's rows of column lines, return its lines in reading order: left to right in a row, but a block beside a row's left line (an address block beside the title) after that line."""
    out: list[Line] = []
    row_starts: list[int] = []  # each row's first index in out (a side block's first row: where its line went)
    for r, row in enumerate(rows):
        if len(row) > 1:
            above = side_block_rows(rows, r)
            if above:
                at = row_starts[r - above]
                out[at:at] = row[:-1]
                row_starts.append(len(out))
                out.append(row[-1])
                continue
        row_starts.append(len(out))
        out += row
    return out


def side_block_rows(rows: list[list[Line]], r: int) -> int:
    """Given rows of column lines and a row of several lines, return how many rows above it belong to the block its last line goes on: single lines of the same size, none left of it, the topmost starting where it starts."""
    last = rows[r][-1]
    tolerance = ALIGNED * max(last.size, 1.0)
    count = aligned = 0
    for above in reversed(rows[:r]):
        line = above[0]
        if len(above) > 1 or not same_size(line, last) or line.x0 < last.x0 - tolerance:
            break
        count += 1
        if line.x0 <= last.x0 + tolerance:
            aligned = count
    return aligned


def furniture_key(text: str) -> str:
    """Given a line's text, return it with spaces removed and digits as # (to match repeats across pages)."""
    return re.sub(r"\d+", "#", re.sub(r"\s+", "", text))


def is_page_number(text: str) -> bool:
    """Given a line's text, return whether it is a page number line (第1頁，共2頁, - 1 -, 1/2)."""
    compact = re.sub(r"\s+", "", text)
    return any(p.match(compact) for p in layout_tables()["page_number"])


def band_lines(lines: list[Line], height: float) -> tuple[list[int], list[int]]:
    """Given a page's lines, return the indexes of its first two (top band) and last two (bottom band) lines."""
    top = [i for i in range(min(2, len(lines))) if lines[i].bottom <= EDGE_BAND * height]
    bottom = [i for i in range(max(0, len(lines) - 2), len(lines)) if lines[i].top >= (1 - EDGE_BAND) * height]
    return top, bottom


def first_page_title(lines: list[Line], height: float) -> str | None:
    """Given the first page's lines and height, return the key (furniture_key) of its title: the largest line in its top half."""
    upper = [line for line in lines if line.bottom <= height / 2]
    return furniture_key(max(upper, key=lambda line: line.size).text) if upper else None


def drop_headers_and_footers(pages: list[list[Line]], heights: list[float]) -> tuple[list[list[Line]], list[str]]:
    """Given every page's lines, return them without page numbers, repeated footers and the first page's title repeated as a header (another repeated header kept once), and what was removed."""
    bands = [band_lines(lines, h) for lines, h in zip(pages, heights)]
    counts: dict[tuple[str, str], set[int]] = {}
    for p, (top, bottom) in enumerate(bands):
        for where, indexes in (("top", top), ("bottom", bottom)):
            for i in indexes:
                counts.setdefault((where, furniture_key(pages[p][i].text)), set()).add(p)
    repeated = {key for key, on in counts.items() if len(on) >= 2 and len(on) * 2 >= len(pages)}
    title = first_page_title(pages[0], heights[0]) if pages else None
    removed: list[str] = []
    seen_headers: set[str] = set()
    out = []
    for p, (top, bottom) in enumerate(bands):
        drop = set()
        for where, indexes in (("top", top), ("bottom", bottom)):
            for i in indexes:
                text = pages[p][i].text
                key = furniture_key(text)
                if is_page_number(text):
                    drop.add(i)
                elif (where, key) in repeated and (where == "bottom" or key in seen_headers):
                    drop.add(i)
                elif where == "top" and p > 0 and key == title:  # the letter's title repeated as a header
                    drop.add(i)
                if where == "top":
                    seen_headers.add(key)
        removed += [pages[p][i].text for i in sorted(drop)]
        out.append([line for i, line in enumerate(pages[p]) if i not in drop])
    return out, removed


def right_edges(lines: list[Line]) -> dict[int, float]:
    """Given a page's lines in reading order, return the right edge of text for each font size: the farthest end (hanging punctuation left out) of a size that runs over consecutive lines, else of the page."""
    page = max((line.text_x1 for line in lines), default=0.0)
    ends: dict[int, float] = {}
    running: set[int] = set()  # sizes set on two lines in a row: text that may wrap
    for prev, line in zip([None, *lines], lines):
        size = round(line.size)
        ends[size] = max(ends.get(size, 0.0), line.text_x1)
        if prev is not None and round(prev.size) == size:
            running.add(size)
    return {size: end if size in running else page for size, end in ends.items()}


def continues(prev: Line, first: Line, line: Line, right: float) -> bool:
    """Given the paragraph's last and first lines, a new line below and the right edge of text of its size, return whether the line continues the paragraph."""
    em = max(prev.size, 1.0)
    return (same_size(line, prev)
            and -0.5 * em <= line.top - prev.bottom < PARAGRAPH_GAP * em
            and (prev.x1 >= right - FULL_LINE * em or right - prev.x1 < line.lead + 0.25 * em)  # wrapped: full, or no room left
            and line.x0 >= first.x0 - 0.5 * em
            and not layout_tables()["starts"].match(line.text))


def join_lines(text: str, line: Line, space: bool) -> str:
    """Given a paragraph's text so far and its next visual line, return them joined (no space between CJK)."""
    if space and not is_wide(text[-1]) and not is_wide(line.text[0]):
        return f"{text} {line.text}"
    return text + line.text


def lines_to_paragraphs(lines: list[Line]) -> list[Line]:
    """Given a page's lines in reading order, return paragraphs: wrapped lines rejoined."""
    edges = right_edges(lines)
    out: list[Line] = []
    first: Line | None = None
    for line in lines:
        if out and first is not None and continues(out[-1], first, line, edges[round(out[-1].size)]):
            prev = out[-1]
            out[-1] = Line(join_lines(prev.text, line, line.space_before), min(prev.x0, line.x0), line.x1, prev.top,
                           line.bottom, prev.size, prev.space_before, prev.lead, line.text_x1)
        else:
            out.append(line)
            first = line
    return out
