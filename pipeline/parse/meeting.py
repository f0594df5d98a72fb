"""A 開會通知單's (會勘通知單's) own fields: 開會時間 as written → ISO date and hour; 出席者 / 列席者 listed
under group headings."""
from __future__ import annotations

import re

from pipeline.parse.dates import HOUR, clock, find_dates, run_date, to_int
from pipeline.records import RocDate

START_HOUR = re.compile(HOUR.format(p="p", h="h", mi="mi", s=r"[ \t]*"))
CLOCK = re.compile(r"(?P<p>上午|下午|中午|晚上|凌晨)?[ \t]*(?<![\d:])(?P<h>\d{1,2}):(?P<mi>\d{2})(?![\d:])")
# an hour whose colon (or 時 and 分) a site's flattening lost, read only after 上午 / 下午 (「下午230」: 14:30)
CLOCK_RUN = re.compile(r"(?P<p>上午|下午|中午|晚上|凌晨)[ \t]*(?<!\d)(?P<h>\d{1,2})(?P<mi>[0-5]\d)(?!\d)")
RUN_DAY = re.compile(r"^[ \t]*(?P<run>\d{5,7})(?!\d)")  # 開會時間 opening with its date's numbers run together


def first_day(time: str) -> tuple[RocDate, int] | None:
    """Given 開會時間 as written, return its first date and where the date ends: a written one, else the date's numbers
    run together opening it, their 年, 月 and 日 lost (「1071220（星期四）下午230」); None when it names none."""
    dates = find_dates(time)
    if dates:
        day, (_, end) = dates[0]
        return day, end
    m = RUN_DAY.match(time)
    day = run_date(m.group("run")) if m else None
    return (day, m.end()) if day else None


def meeting_start(time: str) -> str | None:
    """Given 開會時間 as written (「113年5月6日（星期一）下午2時30分」), return it as ISO (「2024-05-06T14:30」),
    the date alone when no hour is given, None when it names no date."""
    found_day = first_day(time)
    if not found_day:
        return None
    day, end = found_day
    rest = time[end:]
    found = [m for m in (START_HOUR.search(rest), CLOCK.search(rest), CLOCK_RUN.search(rest)) if m]
    m = min(found, key=lambda m: m.start()) if found else None  # the first hour written: 「下午2:30至5時」 → 14:30
    hour = clock(m.group("p"), int(m.group("h")), to_int(m.group("mi"))) if m else None
    return f"{day.iso}T{hour}" if hour else day.iso


GROUP_HEADING_MAX = 12  # a group's heading over its attendees is a short name (「學生議會」, 「校長及業務單位主管」)


def without_group_headings(value: str) -> str:
    """Given an 出席者 or 列席者 value, return it without the headings of the groups it lists its attendees under, each
    on a line of its own over a line of 、-joined entries (「學生議會」 over 「李○○秘書長、顧問秘書、…」): a line
    holding no 、, not wrapped from a line ending in 、, short, over a line that holds one — two such lines at least (a
    lone one is an entry: 「出席者：家長會長」 over 「各處室主任、…」)."""
    lines = value.split("\n")
    headings = {i for i, line in enumerate(lines)
                if "、" not in line.strip() and 0 < len(line.strip()) <= GROUP_HEADING_MAX and i + 1 < len(lines)
                and "、" in lines[i + 1] and not (i and lines[i - 1].rstrip().endswith("、"))}
    headings = headings if len(headings) >= 2 else set()
    kept: list[str] = []
    for i, line in enumerate(lines):
        if i not in headings:
            kept.append(line)
        elif kept and not kept[-1].rstrip().endswith("、"):  # the group before ends there: its last entry too
            kept[-1] = kept[-1].rstrip() + "、"
    return "\n".join(kept)
