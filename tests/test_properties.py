"""Property-based tests (Hypothesis) of the parsers' pure functions: what they read back equals what was written,
and no text, however odd, makes them raise."""
from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.parse.dates import chinese_to_int, find_dates, find_hours, find_periods, parse_roc_date
from pipeline.parse.dispatch import parse_dispatch_no
from pipeline.parse.items import text_to_items
from pipeline.parse.recipients import split_recipients
from pipeline.read.numbering import chinese_number

FAST = settings(max_examples=150, deadline=None, derandomize=True)  # the same examples every run (CI stays stable)
FULL_WIDTH = str.maketrans("0123456789", "０１２３４５６７８９")
# text made of what dates, numbers, lists and items are built from, with a little of everything else
PIECES = st.sampled_from(list("0123456789０１２３４５６７８９年月日時分至起止共天號字第、，。：()（）一二三四五六七八九十百千〇"
                              "中華民國上午下午-/.\n\f 　") + ["正本", "副本", "含附件", "函", "說明", "99999999999999"])
ODD_TEXT = st.lists(st.one_of(PIECES, st.text(max_size=3)), max_size=80).map("".join)
DATES = st.dates(min_value=dt.date(1921, 1, 1), max_value=dt.date(2111, 12, 31))
UNITS = st.sampled_from(["花蓮縣", "臺北市", "本府", "高雄市政府", "教育部", "衛生福利部", "本縣"])
OFFICES = st.sampled_from(["警察局", "消防局", "政風處", "衛生局", "文化局", "秘書室", "人事處", "地方稅務局"])
WORDS = st.text(alphabet="機關安全維護計畫選舉期間辦理查照工作要項執行加強措施請惠予", min_size=2, max_size=12)


@FAST
@given(DATES, st.sampled_from(["民國{y}年{m}月{d}日", "中華民國{y}年{m}月{d}日", "{y}.{m}.{d}", "{y}/{m:02d}/{d:02d}",
                               "{y}年{m}月{d}日", "中華民國{cy}年{cm}月{cd}日"]))
def test_a_written_roc_date_reads_back(date, form):
    roc = date.year - 1911
    text = form.format(y=roc, m=date.month, d=date.day, cy=chinese_number(roc) if roc < 1000 else roc,
                       cm=chinese_number(date.month), cd=chinese_number(date.day))
    assert parse_roc_date(f"發文日期：{text}").iso == date.isoformat()


@FAST
@given(st.integers(min_value=1, max_value=999))
def test_chinese_numerals_read_back(n):
    assert chinese_to_int(chinese_number(n)) == n


@FAST
@given(DATES, st.integers(min_value=0, max_value=300))
def test_a_period_reads_back_with_its_days(start, length):
    end = start + dt.timedelta(days=length)
    text = (f"自{start.year - 1911}年{start.month}月{start.day}日起至{end.year - 1911}年{end.month}月{end.day}日止，"
            f"共{length + 1}天")
    periods, warnings = find_periods(text)
    assert [(p.from_, p.to, p.days, p.stated_days) for p in periods] == [
        (start.isoformat(), end.isoformat(), length + 1, length + 1)] and warnings == []


@FAST
@given(st.text(alphabet="府政行教資人事衛", min_size=1, max_size=5), st.from_regex(r"1[01][0-9]{8}", fullmatch=True),
       st.booleans())
def test_a_dispatch_number_reads_back(word, number, full_width):
    written = number.translate(FULL_WIDTH) if full_width else number
    dispatch = parse_dispatch_no(f"發文字號：{word}字第{written}號")
    assert (dispatch.word, dispatch.number, dispatch.year) == (word, number, int(number[:3]))


@FAST
@given(st.lists(st.tuples(UNITS, OFFICES, st.booleans()), min_size=1, max_size=12, unique_by=lambda t: t[:2]))
def test_a_recipient_list_splits_back(entries):
    text = "、".join(f"{unit}{office}{'(含附件)' if attached else ''}" for unit, office, attached in entries)
    assert [(a.name, a.with_attachments) for a in split_recipients(text)] == [
        (unit + office, attached) for unit, office, attached in entries]


@FAST
@given(st.lists(st.tuples(WORDS, st.lists(WORDS, max_size=4)), min_size=1, max_size=12))
def test_numbered_items_read_back_as_a_tree(tree):
    lines = []
    for i, (text, children) in enumerate(tree, start=1):
        lines.append(f"{chinese_number(i)}、{text}。")
        lines += [f"({chinese_number(j)}){child}。" for j, child in enumerate(children, start=1)]
    lead, items = text_to_items("\n".join(lines))
    assert lead == ""
    assert [(item.number, item.text, [(c.number, c.text) for c in item.children]) for item in items] == [
        (i, f"{text}。", [(j, f"{child}。") for j, child in enumerate(children, start=1)])
        for i, (text, children) in enumerate(tree, start=1)]


@settings(max_examples=300, deadline=None, derandomize=True)
@given(ODD_TEXT)
def test_no_text_makes_the_parsers_raise(text):
    find_dates(text)
    find_periods(text)
    find_hours(text)
    parse_roc_date(text)
    parse_dispatch_no(text)
    split_recipients(text)
    text_to_items(text)
