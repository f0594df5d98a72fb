"""開會時間 of a 開會通知單 (會勘通知單): the time as written → ISO date and hour."""
from __future__ import annotations

import re

from pipeline.parse.dates import HOUR, clock, find_dates, to_int

START_HOUR = re.compile(HOUR.format(p="p", h="h", mi="mi", s=r"[ \t]*"))
CLOCK = re.compile(r"(?P<p>上午|下午|中午|晚上|凌晨)?[ \t]*(?<![\d:])(?P<h>\d{1,2}):(?P<mi>\d{2})(?![\d:])")


def meeting_start(time: str) -> str | None:
    """Given 開會時間 as written (「113年5月6日（星期一）下午2時30分」), return it as ISO (「2024-05-06T14:30」),
    the date alone when no hour is given, None when it names no date."""
    dates = find_dates(time)
    if not dates:
        return None
    day, (_, end) = dates[0]
    rest = time[end:]
    found = [m for m in (START_HOUR.search(rest), CLOCK.search(rest)) if m]
    m = min(found, key=lambda m: m.start()) if found else None  # the first hour written: 「下午2:30至5時」 → 14:30
    hour = clock(m.group("p"), int(m.group("h")), to_int(m.group("mi"))) if m else None
    return f"{day.iso}T{hour}" if hour else day.iso
