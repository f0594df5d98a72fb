"""ROC (民國) dates, periods and daily hours in official text."""
from __future__ import annotations

import datetime as dt
import re
from functools import cache

from pipeline.records import Hours, Period, RocDate
from pipeline.vocabulary import vocabulary

ROC_OFFSET = 1911
# numerals as written, the 大寫 forms of a gazette's formal dates among them (中華民國玖拾壹年陸月貳拾捌日)
CN_DIGITS = {"〇": 0, "○": 0, "零": 0, "Ｏ": 0, "O": 0, "0": 0, "一": 1, "二": 2, "兩": 2, "三": 3, "四": 4,
             "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "壹": 1, "貳": 2, "參": 3, "叁": 3, "肆": 4, "伍": 5,
             "陸": 6, "柒": 7, "捌": 8, "玖": 9}
# 廿 and 卅 for 二十 and 三十, as older and hand-written dates write them (「中華民國一○一年六月廿日」)
CN_UNITS = {"十": 10, "百": 100, "千": 1000, "拾": 10, "佰": 100, "仟": 1000, "廿": 20, "卅": 30}
CN_NUM = "[〇○零Ｏ一二兩三四五六七八九十百千壹貳參叁肆伍陸柒捌玖拾佰仟廿卅]"
# a run of numerals; a form's font may print the zero as a digit among them (「一０八年」, closed to 一0八)
MAX_NUMERAL_CHARS = 12  # a longer run of numerals is no year, month, day or count
# (bounded so: a page's long run of numerals is tried at each of its characters in linear time, not quadratic)
CN_RUN = (rf"{CN_NUM}(?:{CN_NUM}|(?<=[〇○零Ｏ一二兩三四五六七八九壹貳參叁肆伍陸柒捌玖])0){{0,{MAX_NUMERAL_CHARS - 1}}}"
          )  # (the zero a digit's, not a unit's: 十0 no)

_S = r"[ \t\u3000]*"
# 中華民國108年11月12日 / 108年11月12日 / 一百零八年十一月十二日 / 本(111)年6月23日 (this year, its number in
# brackets, as a letter cites a document of the year it is written in; 今(109)年 as 本 is, and (100)年 alone)
YEAR_BRACKET = rf"[（(](?={_S}\d{{2,3}}{_S}[）)]{_S}年)"  # a bracket opening a year only where it closes before 年
YMD = (rf"(?:中華民國|民國|[本今]{_S}[（(]|{YEAR_BRACKET})?{_S}(?P<y>\d[\d ]{{0,4}}|{CN_RUN})(?:{_S}[）)])?{_S}年{_S}"
       rf"(?P<m>\d{{1,2}}|{CN_RUN}){_S}月"
       rf"{_S}(?P<d>\d{{1,2}}|{CN_RUN}){_S}日")
# 108.11.12 / 108/11/12 / 2019/11/12 / 2019-11-12 (not inside a longer number)
# 76.05.22. (a dot after the day, as older citations write it; 「68. 04. 12.」 is closed up when lines are cleaned)
NUMERIC = r"(?<![\d./-])(?P<ny>\d{2,4})(?P<sep>[./-])(?P<nm>\d{1,2})(?P=sep)(?P<nd>\d{1,2})(?![\d/])(?!\.\d)"
DATE_RE = re.compile(f"{YMD}|{NUMERIC}")
# the date part of a period's end may leave out the year (108年12月14日至12月20日) or write it in full (至民國114年5月19日)
# (or its year in brackets after 明 / 本 / 次: 「本(104)年12月1日至明(105)年3月10日止」)
# (「同年月16日」: the same year and month, as 「16日」 alone)
MONTH_DAY = (rf"(?:(?:(?:中華民國|民國|[明本今次]{_S}[（(])?{_S}(?P<y2>\d{{2,3}}){_S}[）)]?{_S}年{_S}|同年{_S})?"
             rf"(?P<m2>\d{{1,2}}){_S}月{_S}|同年{_S}月{_S})?(?P<d2>\d{{1,2}}){_S}日")
# the hour a period's day may carry: 「114年9月1日9時起至10月31日24時止」
DAYPART = "上午|下午|中午|晚上|凌晨|午夜"  # (「午夜12時止」: midnight)
# (or a clock time: 「…10月10日中午12:00止」)
HOUR_OF_DAY = rf"{_S}(?:{DAYPART})?{_S}(?:\d{{1,2}}{_S}(?:時|點)(?:{_S}\d{{1,2}}{_S}分)?|\d{{1,2}}:\d{{2}}(?!\d))"
AT_HOUR = rf"(?:{HOUR_OF_DAY})?"
# … but at a period's end not the hour opening the day's hours (「2月18日至20日上午11時至下午6時」: open those hours daily)
END_HOUR = rf"(?:{HOUR_OF_DAY}(?!{_S}(?:至|到|~|～|-){HOUR_OF_DAY}))?"
# a period and its stated day count: 「自108年12月14日起至109年1月11日止，共29天」 (計30日, 為期30天); the end may
# leave out its month too (105年9月20日至25日)
# a comma may set the end apart after 起 (「訂於103年3月26日上午9時起，至3月26日下午6時止」, a utility's outage notice)
# a period's start may leave out its 日 before 起 (「自民國114年10月30起至114年11月29日止」, a township's 公告) or before
# 至 (or a dash) when the end writes its 日 (「113年7月19至23日」, 「111年12月24-25日」, 「108年8月15至8月16日」)
YMD_START = YMD.removesuffix(rf"{_S}日") + (rf"(?:{_S}日|(?={_S}起)|(?={_S}(?:至|到|-|－|~|～){_S}(?:\d{{1,2}}{_S}月{_S})?"
                                           rf"\d{{1,2}}{_S}日))")
# (its start may say 開始 and its end 截止: 「自112年11月1日開始，並至112年12月31日截止」, a 政風處's notice)
PERIOD_RE = re.compile(
    rf"(?P<start>(?:{YMD_START}))(?:{_S}[（(][^）)]{{1,4}}[）)])?{AT_HOUR}{_S}(?:(?:起|開始){_S}[，,]?{_S}並?)?{_S}"
    rf"(?:至|到|~|～|－|-|—){_S}{MONTH_DAY}(?:{_S}[（(][^）)]{{1,4}}[）)])?{END_HOUR}{_S}(?:截止|止)?(?:{_S}[，,、]?{_S}(?:共計|共|計|合計|為期){_S}(?P<days>\d+){_S}[天日])?"
)
# a period joined to the one before it by 及 / 、 / 暨, its year left out (「115年3月27日~29日及4月3日~4日」, a university's
# outage notice): the year of the period before
JOINED_PERIOD_RE = re.compile(
    rf"{_S}(?:及|、|暨){_S}(?P<period>(?P<m>\d{{1,2}}){_S}月{_S}(?P<d>\d{{1,2}}){_S}日{AT_HOUR}{_S}(?:起{_S}[，,]?)?{_S}"
    rf"(?:至|到|~|～|－|-|—){_S}{MONTH_DAY}{AT_HOUR}(?:{_S}止)?)"
)
# a period of this year written 本年 without its number (「本年9月1日至12月31日止」): the year the text stated last as
# 本(104)年 or 今(104)年
THIS_YEAR_PERIOD_RE = re.compile(
    rf"(?<![)）\d])(?P<period>[本今]年{_S}(?P<m>\d{{1,2}}){_S}月{_S}(?P<d>\d{{1,2}}){_S}日{AT_HOUR}{_S}(?:起{_S}[，,]?)?{_S}"
    rf"(?:至|到|~|～|－|-|—){_S}{MONTH_DAY}{AT_HOUR}(?:{_S}止)?)"
)
STATED_YEAR = re.compile(rf"[本今]{_S}[（(]{_S}(?P<y>\d{{2,3}}){_S}[）)]{_S}年")
# a period written with slash or dot dates, as bulletins write dates (「114/8/13 至 114/8/22」, 「113.7.1至7.31」): ROC
# years only (公文 count 民國 years), the end in the start's form, its year left out or not
NUMERIC_PERIOD_RE = re.compile(
    rf"(?<![\d./-])(?P<y>\d{{2,3}})(?P<sep>[./])(?P<m>\d{{1,2}})(?P=sep)(?P<d>\d{{1,2}})(?![\d/])(?!\.\d){_S}(?:起)?{_S}"
    rf"(?:至|到|~|～){_S}(?:(?P<y2>\d{{2,3}})(?P=sep))?(?P<m2>\d{{1,2}})(?P=sep)(?P<d2>\d{{1,2}})(?![\d/])(?!\.\d)(?:{_S}止)?"
)
HOUR = r"(?P<{p}>" + DAYPART + r")?{s}(?P<{h}>\d{{1,2}}){s}(?:時|點)(?:{s}(?P<{mi}>\d{{1,2}}){s}分)?"
HOURS_RE = re.compile(
    HOUR.format(p="p1", h="h1", mi="m1", s=_S) + rf"{_S}(?:起)?{_S}(?:至|到|~|～|-){_S}"
    + HOUR.format(p="p2", h="h2", mi="m2", s=_S)
)


def chinese_to_int(text: str) -> int | None:
    """Given a number in Chinese numerals (一百零八, 十二, 一〇八), return it as int, or None."""
    if not text or any(ch not in CN_DIGITS and ch not in CN_UNITS for ch in text):
        return None
    if not any(ch in CN_UNITS for ch in text):  # digit by digit: 一〇八
        return int("".join(str(CN_DIGITS[ch]) for ch in text))
    total, digit = 0, None
    for ch in text:
        if ch in CN_DIGITS:
            digit = CN_DIGITS[ch]
        else:
            total += (1 if digit is None else digit) * CN_UNITS[ch]
            digit = None
    return total + (digit or 0)


def to_int(text: str | None) -> int | None:
    """Given Arabic or Chinese numerals (spaces allowed), return the number, or None."""
    if text is None:
        return None
    text = text.replace(" ", "")
    if len(text) > MAX_NUMERAL_CHARS:  # thousands of digits: no date, day or hour
        return None
    return int(text) if text.isdigit() else chinese_to_int(text)


def make_date(year: int | None, month: int | None, day: int | None) -> RocDate | None:
    """Given a ROC (or Gregorian, when ≥ 1912) year, month and day, return the RocDate, or None if impossible."""
    if None in (year, month, day):
        return None
    gregorian = year if year >= 1912 else year + ROC_OFFSET
    try:
        date = dt.date(gregorian, month, day)
    except (ValueError, OverflowError):  # 13月, 2月30日, a year of 九九九…九
        return None
    if gregorian < 1912:
        return None
    return RocDate.of(date)


def match_to_date(m: re.Match) -> RocDate | None:
    """Given a DATE_RE match, return its RocDate, or None when the date is impossible."""
    if m.group("y") is not None:
        return make_date(to_int(m.group("y")), to_int(m.group("m")), to_int(m.group("d")))
    year = int(m.group("ny"))
    if 1000 <= year < 1912:  # neither a ROC year (99, 108) nor a Gregorian one
        return None
    return make_date(year, int(m.group("nm")), int(m.group("nd")))


def find_dates(text: str) -> list[tuple[RocDate, tuple[int, int]]]:
    """Given text, return every valid date in it with its span."""
    found = []
    for m in DATE_RE.finditer(text):
        date = match_to_date(m)
        if date:
            found.append((date, m.span()))
    return found


def parse_roc_date(text: str) -> RocDate | None:
    """Given text holding a date (民國, numeric or Chinese numerals), return its first valid date, or None."""
    m = DATE_RE.search(text or "")
    return match_to_date(m) if m else None


WEEKDAY = re.compile(rf"{_S}[（(]?{_S}(?:星期|週|周)[一二三四五六日天]{_S}[）)]?{_S}$")


def date_note_regex() -> str:
    """Return the regular expression of a publisher's note in brackets after a date (a gazette's 「（補登）」)."""
    notes = "|".join(map(re.escape, vocabulary()["dates"]["notes"]))
    return rf"{_S}[（(]{_S}(?:{notes}){_S}[）)]"


@cache
def date_note_pattern() -> re.Pattern:
    """Return the pattern of a publisher's note in brackets after a date line (a gazette's 「（補登）」)."""
    return re.compile(rf"{date_note_regex()}{_S}$")


# the hour a 通報 gives its time of issue at, after the date (「113年9月29日08時」)
ISSUE_HOUR = re.compile(rf"(?<=日){_S}(?:上午|下午)?{_S}\d{{1,2}}{_S}時(?:{_S}\d{{1,2}}{_S}分)?{_S}$")


def bare_date(line: str) -> str:
    """Given a line, return it without the weekday, the hour or a publisher's note after its date."""
    return ISSUE_HOUR.sub("", WEEKDAY.sub("", date_note_pattern().sub("", (line or "").strip())))


def whole_date(line: str) -> RocDate | None:
    """Given a line, return its date when the line is wholly one date (「中華民國97年3月4日」, 「103/5/6」, a gazette's
    「中華民國95年3月9日（補登）」), else None."""
    m = DATE_RE.fullmatch(bare_date(line))
    return match_to_date(m) if m else None


# a 民國 date whose 年, 月 and 日 a web font or a PDF's extraction lost: 中華民國 and its numbers alone, apart
# (「中華民國 94 2 18」) or run together (「中華民國113222」)
LOST_UNITS = re.compile(rf"(?:中華)?民國{_S}(?:(?P<y>\d{{2,3}})[ \t]+(?P<m>\d{{1,2}})[ \t]+(?P<d>\d{{1,2}})|(?P<run>\d{{4,7}}))(?!\d)")
ROC_YEARS = (1, 199)  # the 民國 years a date without its units can be read with


def lost_units_date(text: str, year: int | None = None) -> RocDate | None:
    """Given text that opens with a 民國 date whose 年, 月 and 日 were lost (「中華民國 94 2 18」,
    「中華民國113222」) and the 民國 year the document's 發文字號 gives (None when unknown), return the one date its numbers
    can be read as, else None."""
    m = LOST_UNITS.match((text or "").strip())
    if m is None:
        return None
    if m.group("run") is None:
        return make_date(int(m.group("y")), int(m.group("m")), int(m.group("d")))
    return run_date(m.group("run"), year)


def run_date(run: str, year: int | None = None) -> RocDate | None:
    """Given a 民國 date's numbers run together, its 年, 月 and 日 lost (「1071220」, 「113222」), and the 民國 year the
    document's 發文字號 gives (None when unknown), return the one date they can be read as — of that year when they
    read several ways (「100214」: 10年2月14日 or 100年2月14日, a number 第100… says 100) — else None."""
    low, high = ROC_YEARS
    readings = [make_date(int(run[:y]), int(run[y:y + mm]), int(run[y + mm:]))
                for y in (2, 3) for mm in (1, 2) if 1 <= len(run) - y - mm <= 2 and low <= int(run[:y]) <= high]
    dates = {date.iso: date for date in readings if date}
    if len(dates) > 1 and year is not None:
        dates = {iso: date for iso, date in dates.items() if int(iso[:4]) - ROC_OFFSET == year}
    return next(iter(dates.values())) if len(dates) == 1 else None


def in_roc_years(line: str) -> bool:
    """Given a line that is wholly a date, return whether its year is a 民國 year (108, 一○八) as 公文 count them,
    not a Gregorian one (2019-11-12: a web page's posting date)."""
    m = DATE_RE.fullmatch(bare_date(line))
    year = (m.group("y") if m.group("y") is not None else m.group("ny")) if m else ""
    return bool(m) and not re.fullmatch(r"\d{4}", year.replace(" ", ""))


def find_periods(text: str) -> tuple[list[Period], list[str]]:
    """Given text, return the periods 「自…起至…止，共N天」 in it (each once) and warnings for counts that disagree."""
    periods, warnings, found = [], [], []
    for m in PERIOD_RE.finditer(text):
        found.append((m, None))
        at = m.end()
        while j := JOINED_PERIOD_RE.match(text, at):  # joined after it by 及, its year left out: it takes this one's
            found.append((j, m.group("y")))
            at = j.end()
    for m in THIS_YEAR_PERIOD_RE.finditer(text):  # 本年 without its number: the year stated last before it
        if stated := [y.group("y") for y in STATED_YEAR.finditer(text, 0, m.start())]:
            found.append((m, stated[-1]))
    for m, year in [*found, *((m, None) for m in NUMERIC_PERIOD_RE.finditer(text))]:
        start = make_date(to_int(year or m.group("y")), to_int(m.group("m")), to_int(m.group("d")))
        if start is None:
            continue
        start_year = start.year
        end_year = to_int(m.group("y2")) if m.group("y2") else start_year
        end_month = int(m.group("m2")) if m.group("m2") else int(start.iso[5:7])  # 9月20日至25日: the same month
        end = make_date(end_year, end_month, int(m.group("d2")))
        if end and not m.group("y2") and end.iso < start.iso:  # 12月25日至1月5日: into the next year
            end = make_date(start_year + 1, end_month, int(m.group("d2")))
        if end is None:
            warnings.append(f"period {m.group(0)}: impossible end date")
            continue
        days = (dt.date.fromisoformat(end.iso) - dt.date.fromisoformat(start.iso)).days + 1
        stated = to_int(m.groupdict().get("days"))
        if m.groupdict().get("days") and stated is None:
            warnings.append(f"period {m.group(0)[:60]}…: stated day count of {len(m.group('days'))} digits")
        if days < 1:
            warnings.append(f"period {m.group(0)}: ends before it starts")
            continue
        if stated is not None and stated != days:
            warnings.append(f"period {m.group(0)}: stated {stated} days, dates give {days}")
        if not any((p.from_, p.to) == (start.iso, end.iso) for p in periods):  # stated again (主旨, 說明): one period
            text_of = m.group("period") if "period" in m.groupdict() else m.group(0)
            periods.append(Period(from_=start.iso, to=end.iso, days=days, stated_days=stated, text=text_of.strip()))
    return periods, warnings


def clock(part: str | None, hour: int, minute: int | None) -> str | None:
    """Given 上午/下午 and an hour, return HH:MM on a 24-hour clock, or None if impossible."""
    if part in ("下午", "晚上") and hour < 12:
        hour += 12
    if part == "中午" and hour < 6:
        hour += 12
    if not (0 <= hour <= 24 and 0 <= (minute or 0) < 60):
        return None
    return f"{hour:02d}:{minute or 0:02d}"


def find_hours(text: str) -> list[Hours]:
    """Given text, return the daily hours 「上午7時至下午10時」 in it."""
    found = []
    for m in HOURS_RE.finditer(text):
        start = clock(m.group("p1"), int(m.group("h1")), to_int(m.group("m1")))
        end = clock(m.group("p2") or m.group("p1"), int(m.group("h2")), to_int(m.group("m2")))
        if start and end:
            found.append(Hours(from_=start, to=end, text=m.group(0).strip()))
    return found
