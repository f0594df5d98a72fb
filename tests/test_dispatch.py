"""發文字號 of many agencies: word (字), digits, ROC year, serial, 支號."""
from __future__ import annotations

import pytest

from pipeline.parse.dispatch import parse_dispatch_no

# (text, dispatch text, word, number, year, serial, branch)
NUMBERS = [
    ("府政行字第1080251637號", "府政行字第1080251637號", "府政行", "1080251637", 108, "0251637", None),
    ("府教國字第1120123456號", "府教國字第1120123456號", "府教國", "1120123456", 112, "0123456", None),
    ("臺教高(二)字第1120012345號", "臺教高(二)字第1120012345號", "臺教高(二)", "1120012345", 112, "0012345", None),
    ("臺教高（二）字第1120012345號", "臺教高(二)字第1120012345號", "臺教高(二)", "1120012345", 112, "0012345", None),
    ("院臺法字第1120012345號", "院臺法字第1120012345號", "院臺法", "1120012345", 112, "0012345", None),
    ("北市教中字第11230123451號", "北市教中字第11230123451號", "北市教中", "11230123451", 112, "30123451", None),
    ("廉政字第10807018360號", "廉政字第10807018360號", "廉政", "10807018360", 108, "07018360", None),
    ("經授水字第11220512340號", "經授水字第11220512340號", "經授水", "11220512340", 112, "20512340", None),
    ("萬鄉民字第1120001234號", "萬鄉民字第1120001234號", "萬鄉民", "1120001234", 112, "0001234", None),
    ("秀鄉民字第112012345號", "秀鄉民字第112012345號", "秀鄉民", "112012345", 112, "012345", None),
    ("FDA食字第1121302345號", "FDA食字第1121302345號", "FDA食", "1121302345", 112, "1302345", None),
    ("臺教國署高字第1120112345號", "臺教國署高字第1120112345號", "臺教國署高", "1120112345", 112, "0112345", None),
    ("新北府勞檢字第1121987654號", "新北府勞檢字第1121987654號", "新北府勞檢", "1121987654", 112, "1987654", None),
    ("台內民字第0990123456號", "台內民字第0990123456號", "台內民", "0990123456", 99, "0123456", None),
    ("府教 字第 11200 12345號", "府教字第1120012345號", "府教", "1120012345", 112, "0012345", None),
    ("秀鄉民字第 11201 2345號", "秀鄉民字第112012345號", "秀鄉民", "112012345", 112, "012345", None),
    ("內授消字第 11316024921 號", "內授消字第11316024921號", "內授消", "11316024921", 113, "16024921", None),
    ("府教國字第１１２０１２３４５６號", "府教國字第1120123456號", "府教國", "1120123456", 112, "0123456", None),
    ("院臺法字第1120001234-1號", "院臺法字第1120001234-1號", "院臺法", "1120001234", 112, "0001234", "1"),
    ("發文字號：府政行字第1080251637號", "府政行字第1080251637號", "府政行", "1080251637", 108, "0251637", None),
    ("發文日期：中華民國108年11月12日 發文字號：府政行字第1080251637號",
     "府政行字第1080251637號", "府政行", "1080251637", 108, "0251637", None),
]


@pytest.mark.parametrize("text, full, word, number, year, serial, branch", NUMBERS,
                         ids=[f"no{i}" for i in range(len(NUMBERS))])
def test_parse_dispatch_no(text, full, word, number, year, serial, branch):
    d = parse_dispatch_no(text)
    assert d is not None, text
    assert (d.text, d.word, d.number, d.year, d.serial, d.branch) == (full, word, number, year, serial, branch)


NOT_DISPATCH = [
    "",
    "主旨：檢送計畫1份，請查照。",
    "第15任總統副總統及第10屆立法委員選舉",
    "依勞動基準法第24條規定辦理",
    "電話：8222944",
    "中華民國108年11月12日",
    "字第號",
]


@pytest.mark.parametrize("text", NOT_DISPATCH, ids=[f"none{i}" for i in range(len(NOT_DISPATCH))])
def test_text_without_a_dispatch_number(text):
    assert parse_dispatch_no(text) is None


@pytest.mark.parametrize("text,year,serial", [
    ("衛署醫字第88045678號", 88, "045678"),  # an 8-digit number of the 民國80s: a 2-digit year
    ("台（89）內社字第8904567號", 89, "04567"),
    ("府教學字第0990012345號", 99, "0012345"),
    ("X字第11301234號", 113, "01234"),  # a short modern number keeps its 3-digit year
])
def test_older_and_short_numbers_keep_their_year(text, year, serial):
    dispatch = parse_dispatch_no(text)
    assert (dispatch.year, dispatch.serial) == (year, serial)
