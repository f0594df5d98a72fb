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
    ("臺會計字第0940058864之1號", "臺會計字第0940058864-1號", "臺會計", "0940058864", 94, "0058864", "1"),  # 分號 after 之
    ("發文字號：府政行字第1080251637號", "府政行字第1080251637號", "府政行", "1080251637", 108, "0251637", None),
    ("發文日期：中華民國108年11月12日 發文字號：府政行字第1080251637號",
     "府政行字第1080251637號", "府政行", "1080251637", 108, "0251637", None),
    # an agency's letter suffix stays with the digits
    ("北市都建字第1031002345C號", "北市都建字第1031002345C號", "北市都建", "1031002345C", 103, "1002345C", None),
    # 6-character 字 with a branch office's prefix
    ("北區國稅北縣三字第1030012345號", "北區國稅北縣三字第1030012345號", "北區國稅北縣三", "1030012345", 103,
     "0012345", None),
    ("中區國稅員林字第1030002345號", "中區國稅員林字第1030002345號", "中區國稅員林", "1030002345", 103, "0002345",
     None),
    # numbers of the 民國60–80s: 5–8 digits, the year in brackets before the 字, 第 left out
    ("(75)台內地字第123456號", "(75)台內地字第123456號", "(75)台內地", "123456", 75, "123456", None),
    ("（75）台內地字123456號", "(75)台內地字第123456號", "(75)台內地", "123456", 75, "123456", None),
    ("台(68)財稅字第31234號", "台(68)財稅字第31234號", "台(68)財稅", "31234", 68, "31234", None),
    ("台財稅字第7512345號", "台財稅字第7512345號", "台財稅", "7512345", 75, "12345", None),
    # Chinese numerals, stored as ASCII digits
    ("臺教字第一○二○○一二三四五一號", "臺教字第10200123451號", "臺教", "10200123451", 102, "00123451", None),
    ("府授教字第一〇八〇二五一六三七號", "府授教字第1080251637號", "府授教", "1080251637", 108, "0251637", None),
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


@pytest.mark.parametrize("text", [
    "第" + "1" * 5000 + "號", "字第" + "○" * 300 + "號", "（" * 50 + "字第12345號", "府字第0000000000Z號",
    "x字第99999999999999999999號",
])
def test_implausible_numbers_never_raise(text):
    dispatch = parse_dispatch_no(text)
    assert dispatch is None or dispatch.number.isalnum()


@pytest.mark.parametrize("line, text", [
    ("經商字第09702412340號", "經商字第09702412340號"),
    ("  臺教字第一○二○○一二三四五一號 ", "臺教字第10200123451號"),
    ("依經商字第09702412340號函辦理", None),  # a citation inside a sentence
    ("中華民國97年3月4日", None),
])
def test_whole_dispatch_line(line, text):
    from pipeline.parse.dispatch import whole_dispatch_no
    dispatch = whole_dispatch_no(line)
    assert (dispatch.text if dispatch else None) == text
