"""ROC dates (民國) and stated periods in the forms real letters write them."""
from __future__ import annotations

import pytest

from pipeline.parse.dates import find_periods, parse_roc_date

DATES = [
    ("中華民國108年11月12日", "2019-11-12", "108年11月12日"),
    ("108年11月12日", "2019-11-12", "108年11月12日"),
    ("民國108年1月2日", "2019-01-02", "108年1月2日"),
    ("發文日期：中華民國108年11月12日", "2019-11-12", "108年11月12日"),
    ("108.11.12", "2019-11-12", "108年11月12日"),
    ("108/11/12", "2019-11-12", "108年11月12日"),
    ("112.10.27", "2023-10-27", "112年10月27日"),
    ("請於112.11.30前完成自評", "2023-11-30", "112年11月30日"),
    ("一百零八年十一月十二日", "2019-11-12", "108年11月12日"),
    ("中華民國一百十二年十月二十七日", "2023-10-27", "112年10月27日"),
    ("中華民國九十九年十二月三十一日", "2010-12-31", "99年12月31日"),
    ("一〇八年十一月十二日", "2019-11-12", "108年11月12日"),  # 〇 U+3007
    ("一○八年十一月十二日", "2019-11-12", "108年11月12日"),  # ○ U+25CB
    ("一零八年十一月十二日", "2019-11-12", "108年11月12日"),
    ("中華民國1 1 2年 3月 5日", "2023-03-05", "112年3月5日"),
    ("中華民國 112 年 10 月 27 日", "2023-10-27", "112年10月27日"),
    ("１０８年１１月１２日", "2019-11-12", "108年11月12日"),
    ("99年1月1日", "2010-01-01", "99年1月1日"),
    ("100年5月23日", "2011-05-23", "100年5月23日"),
    ("113年2月29日", "2024-02-29", "113年2月29日"),
    ("一○二年一月八日", "2013-01-08", "102年1月8日"),
    ("中華民國一百十年三月一日", "2021-03-01", "110年3月1日"),
    ("中華民國六十五年五月五日", "1976-05-05", "65年5月5日"),
    ("103/5/6", "2014-05-06", "103年5月6日"),
    ("103.05.06", "2014-05-06", "103年5月6日"),
    ("2014/5/6", "2014-05-06", "103年5月6日"),  # Gregorian, slash
    ("2014-05-06", "2014-05-06", "103年5月6日"),  # ISO → ROC
    ("2014.05.06", "2014-05-06", "103年5月6日"),
]

IMPOSSIBLE = [
    "109年2月30日",
    "2009/11/33",
    "108年13月1日",
    "112年2月29日",  # 2023 is not a leap year
    "108年11月31日",
    "108年0月1日",
    "108.13.01",
    "主旨：檢送計畫1份，請查照。",
    "府政行字第1080251637號",
    "",
    "九九九九九九九九九九九九九九九九九九九九九九年一月一日",  # implausible values are no date, never an error
    "99999年1月1日",
    "1" * 5000 + "年1月1日",
    "一百萬年一月一日",
    "0年1月1日",
    "1850/1/1",
]


@pytest.mark.parametrize("text, iso, roc", DATES, ids=[f"date{i}" for i in range(len(DATES))])
def test_parse_roc_date(text, iso, roc):
    date = parse_roc_date(text)
    assert date is not None, text
    assert (date.iso, date.roc) == (iso, roc)


@pytest.mark.parametrize("text", IMPOSSIBLE, ids=[f"none{i}" for i in range(len(IMPOSSIBLE))])
def test_impossible_or_absent_date_is_none(text):
    assert parse_roc_date(text) is None


# (text, [(from, to, days, stated_days, period text)])
PERIODS = [
    ("旨揭專案維護期間，自候選人競選活動期間至投票日止（108年12月14日起至109年1月11日止，共29天），請依據",
     [("2019-12-14", "2020-01-11", 29, 29, "108年12月14日起至109年1月11日止，共29天")]),
    ("演練期間：自112年9月21日起至112年10月20日止，共30天，各校得擇定日期辦理。",
     [("2023-09-21", "2023-10-20", 30, 30, "112年9月21日起至112年10月20日止，共30天")]),
    ("保管期間自113年1月9日起至113年1月13日止，每日24小時派員輪值看守。",
     [("2024-01-09", "2024-01-13", 5, None, "113年1月9日起至113年1月13日止")]),
    ("本縣學生音樂比賽訂於112年3月20日至3月31日辦理。",
     [("2023-03-20", "2023-03-31", 12, None, "112年3月20日至3月31日")]),
    ("稽核期間：自112年12月1日（星期五）起至112年12月29日（星期五）止，由本局組成稽核小組。",
     [("2023-12-01", "2023-12-29", 29, None, "112年12月1日（星期五）起至112年12月29日（星期五）止")]),
    ("申請期間自113年2月1日起至113年3月1日止，共30天。",
     [("2024-02-01", "2024-03-01", 30, 30, "113年2月1日起至113年3月1日止，共30天")]),
    ("公告期間自112年11月1日起至112年11月30日止，共30日。",
     [("2023-11-01", "2023-11-30", 30, 30, "112年11月1日起至112年11月30日止，共30日")]),
    ("研習時間：112年7月3日～112年7月7日。",
     [("2023-07-03", "2023-07-07", 5, None, "112年7月3日～112年7月7日")]),
    ("第一梯次自112年7月3日起至112年7月7日止，第二梯次自112年7月10日起至112年7月14日止。",
     [("2023-07-03", "2023-07-07", 5, None, "112年7月3日起至112年7月7日止"),
      ("2023-07-10", "2023-07-14", 5, None, "112年7月10日起至112年7月14日止")]),
    ("自108年12月31日起至109年1月1日止，共2天",
     [("2019-12-31", "2020-01-01", 2, 2, "108年12月31日起至109年1月1日止，共2天")]),
]


@pytest.mark.parametrize("text, expected", PERIODS, ids=[f"period{i}" for i in range(len(PERIODS))])
def test_find_periods(text, expected):
    periods, warnings = find_periods(text)
    assert [(p.from_, p.to, p.days, p.stated_days, p.text) for p in periods] == expected
    assert warnings == []


def test_wrong_day_count_warns_and_keeps_both_counts():
    periods, warnings = find_periods("展覽期間：自112年11月20日起至112年11月24日止，共6天，展覽地點為本校體育館。")
    assert [(p.from_, p.to, p.days, p.stated_days) for p in periods] == [("2023-11-20", "2023-11-24", 5, 6)]
    assert len(warnings) == 1
    assert "6" in warnings[0] and "5" in warnings[0]


NO_PERIOD = [
    "報名期間：即日起至112年11月3日止，逾期恕不受理。",  # no start date
    "點收時間：113年1月9日（星期二）上午9時起，請派員點收。",  # a start, no end
    "請於112年12月15日前函報本部。",
    "本部112年10月17日召開之會議紀錄1份。",
]


@pytest.mark.parametrize("text", NO_PERIOD, ids=[f"plain{i}" for i in range(len(NO_PERIOD))])
def test_text_without_a_period(text):
    assert find_periods(text) == ([], [])


def test_period_ending_before_it_starts_is_not_a_period():
    periods, warnings = find_periods("自112年5月10日起至112年5月1日止")
    assert periods == []
    assert warnings


def test_period_with_impossible_date_is_not_a_period():
    periods, _ = find_periods("自109年2月28日起至109年2月30日止")
    assert periods == []


WHOLE = [
    ("中華民國97年3月4日", "2008-03-04"),
    ("97年3月4日（星期二）", "2008-03-04"),
    (" 103/5/6 ", "2014-05-06"),
    ("一○二年一月八日", "2013-01-08"),
    ("於97年3月4日", None),  # part of a sentence
    ("97年3月4日起", None),
    ("府政行字第1080251637號", None),
    ("2014-10-17", "2014-10-17"),
]


@pytest.mark.parametrize("line, iso", WHOLE, ids=[f"whole{i}" for i in range(len(WHOLE))])
def test_whole_date_line(line, iso):
    from pipeline.parse.dates import whole_date
    date = whole_date(line)
    assert (date.iso if date else None) == iso


@pytest.mark.parametrize("line, roc", [("中華民國97年3月4日", True), ("103/5/6", True), ("一○二年一月八日", True),
                                       ("2014-10-17", False), ("2019年11月12日", False), ("於97年3月4日", False)])
def test_date_line_in_roc_years(line, roc):
    from pipeline.parse.dates import in_roc_years
    assert in_roc_years(line) is roc


def test_period_day_count_written_with_ji():
    from pipeline.parse.dates import find_periods
    periods, warnings = find_periods("公開展覽期間自中華民國109年3月25日起至109年4月23日止，計30日。")
    assert [(p.from_, p.to, p.days, p.stated_days) for p in periods] == [("2020-03-25", "2020-04-23", 30, 30)]
    assert warnings == []


@pytest.mark.parametrize("text, expected", [
    ("於105年9月20日至25日辦理防災教育系列活動。", [("2016-09-20", "2016-09-25", 6, "105年9月20日至25日")]),
    ("受理期間自114年9月1日9時起至10月31日24時止。", [("2025-09-01", "2025-10-31", 61, "114年9月1日9時起至10月31日24時止")]),
])
def test_period_end_without_its_month_and_with_hours(text, expected):
    from pipeline.parse.dates import find_periods
    periods, _ = find_periods(text)
    assert [(p.from_, p.to, p.days, p.text) for p in periods] == expected


def test_period_stated_in_subject_and_items_is_one():
    from pipeline.parse.dates import find_periods
    periods, _ = find_periods("主旨：公告自107年9月29日中午12時起至10月2日上午5時止，禁止入園。\n"
                              "一、玉山主峰線自107年9月29日中午12時起至10月2日上午5時止暫時關閉。")
    assert [(p.from_, p.to, p.days) for p in periods] == [("2018-09-29", "2018-10-02", 4)]
