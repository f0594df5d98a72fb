"""Record dataclasses: what the parsers produce and every later stage reads.

Records serialise to JSON with a versioned ``schema`` key (see docs/records.md).
A field that the document does not carry is ``None`` or ``[]``: never invented.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import types
import typing
from dataclasses import dataclass, field

LETTER_SCHEMA = "gongwen/letter@3"
# @1 records read as @3 (new keys absent); @2 as @3 (an item's number was never null)
LETTER_SCHEMAS_READ = ("gongwen/letter@1", "gongwen/letter@2", LETTER_SCHEMA)
PLAN_SCHEMA = "gongwen/plan@1"
DIVISION_SCHEMA = "gongwen/division@1"


@dataclass
class OcrNote:
    """How a record's text was read from page images (OCR)."""
    engine: str  # "tesseract 5.3.0 chi_tra"
    mean_confidence: float  # the engine's confidence over every character read, 0–100
    pages: list[int] = field(default_factory=list)  # the pages OCR'd (1-based)


@dataclass
class Source:
    """Where a record came from."""
    path: str | None = None
    sha256: str | None = None
    format: str | None = None  # text | pdf | odt | fodt | di | docx | doc | rtf | xlsx | ods | xls | image
    ocr: OcrNote | None = None  # set when pages were read by OCR


ROC_OFFSET = 1911  # 民國 year = Gregorian year − 1911


def roc_year(day: dt.date) -> int:
    """Given a date, return its ROC year (民國年): 2019-11-12 → 108."""
    return day.year - ROC_OFFSET


@dataclass
class RocDate:
    """A date as ISO and as written in the ROC calendar (民國)."""
    iso: str  # 2019-11-12
    roc: str  # 108年11月12日

    @classmethod
    def of(cls, day: dt.date) -> RocDate:
        """Given a date, return it as ISO and 民國 (108年11月12日)."""
        return cls(iso=day.isoformat(), roc=f"{roc_year(day)}年{day.month}月{day.day}日")

    @property
    def year(self) -> int:
        """Its 民國 year (108 of 108年11月12日)."""
        return int(self.roc.split("年")[0])


@dataclass
class DispatchNo:
    """發文字號: 「府政行字第1080251637號」."""
    text: str  # the whole number as printed: 府政行字第1080251637號
    word: str | None  # 字 (without 字): 府政行
    number: str  # the digits: 1080251637
    year: int | None  # ROC year, the number's first 3 digits: 108
    serial: str | None  # 流水號, the digits after the year: 0251637
    branch: str | None = None  # 支號, after a hyphen: 第1080251637-1號 → "1"

    @classmethod
    def of(cls, word: str | None, number: str, branch: str | None = None,
           year: int | None = None, serial: str | None = None) -> DispatchNo:
        """Given the 字 (without 字), the digits, the 支號 and the year and serial read from them, return the 發文字號."""
        text = f"{word + '字' if word else ''}第{number}{'-' + branch if branch else ''}號"
        return cls(text=text, word=word, number=number, year=year, serial=serial, branch=branch)


@dataclass
class Contact:
    """聯絡方式."""
    name: str | None = None  # 承辦人 / 聯絡人
    unit: str | None = None  # 承辦單位
    phone: str | None = None  # 電話 (extensions kept: 03-8222944#123)
    fax: str | None = None  # 傳真
    email: str | None = None  # 電子信箱


@dataclass
class Secrecy:
    """密等及解密條件或保密期限."""
    level: str | None = None  # 密等: 密 / 機密 / 極機密 / 絕對機密
    condition: str | None = None  # 解密條件或保密期限


@dataclass
class Attachment:
    """附件: one attached document."""
    title: str | None  # 附件名稱
    file: str | None = None  # exchange file name: 376550000A1080251637_118_ATTACH1.odt
    kind: str | None = None  # plan | division | letter | other, once parsed
    content: dict | None = None  # the parsed plan or division record


CN_NUMERALS = "一二三四五六七八九十"


def chinese_numeral(number: int) -> str:
    """Given 1–99, return it in Chinese numerals as item markers write it: 一, 十一, 二十."""
    if number <= 10:
        return CN_NUMERALS[number - 1]
    tens, ones = divmod(number, 10)
    return ("" if tens == 1 else CN_NUMERALS[tens - 1]) + "十" + (CN_NUMERALS[ones - 1] if ones else "")


def item_marker(kind: str, number: int) -> str:
    """Given a marker kind (cn, cn_paren, digit, digit_paren) and number, return the canonical marker: 一 / (一) / 1 / (1)."""
    cn = chinese_numeral(number)
    return {"cn": cn, "cn_paren": f"({cn})", "digit": str(number), "digit_paren": f"({number})"}[kind]


@dataclass
class Item:
    """One numbered item (條列) in a tree 一、 → (一) → 1、 → (1)."""
    marker: str  # 一 / (一) / 1 / (1); () where a page lost the number
    number: int | None  # 1, 2, …; None where the page lost it
    text: str
    children: list[Item] = field(default_factory=list)


@dataclass
class Section:
    """段落: 說明 / 辦法 / 建議 (名稱 and text, with numbered items)."""
    name: str  # 段名: 說明
    text: str  # text not inside a numbered item ("" when all is items)
    items: list[Item] = field(default_factory=list)


@dataclass
class Addressee:
    """An entry of 正本 or 副本."""
    name: str
    with_attachments: bool = False  # (含附件)


@dataclass
class Reference:
    """A document cited in 主旨 or 說明 (依據…函辦理, 復貴署…函)."""
    text: str  # the citation as written
    kind: str | None  # (None: the writer left it out, 「…號辦理」) 函 / 書函 / 開會通知單 / 令 / 公告 / 處分書 / …
    issuer: str | None = None  # 發文機關 of the cited document
    issuer_from: str | None = None  # 稱謂 resolved to the recipient: 貴署 → issuer
    date: RocDate | None = None
    dispatch_no: DispatchNo | None = None


@dataclass
class Period:
    """A stated period: 自108年12月14日起至109年1月11日止，共29天."""
    from_: str  # ISO date (JSON key "from")
    to: str  # ISO date
    days: int  # inclusive day count computed from the dates
    stated_days: int | None = None  # the count written in the text, if any
    text: str = ""


@dataclass
class Hours:
    """Daily hours: 上午7時至下午10時 → 07:00–22:00."""
    from_: str  # HH:MM (JSON key "from")
    to: str
    text: str = ""


@dataclass
class Received:
    """收文 stamp printed on the letter by the receiving agency's document system."""
    number: str | None = None  # 收文號
    date: RocDate | None = None  # 收文日期


@dataclass
class CoIssuer:
    """A further issuer of a joint letter (會銜), with its own 發文字號."""
    issuer: str
    dispatch_no: DispatchNo | None = None


@dataclass
class Meeting:
    """開會通知單 (會勘通知單): when, where, who (開會事由 is the letter's subject)."""
    time: str | None = None  # 開會時間 as written: 113年5月6日（星期一）下午2時30分
    start: str | None = None  # the same as ISO date and time: 2024-05-06T14:30 (date only when no hour)
    place: str | None = None  # 開會地點
    chair: str | None = None  # 主持人
    attendees: list[Addressee] = field(default_factory=list)  # 出席者
    observers: list[Addressee] = field(default_factory=list)  # 列席者


@dataclass
class Letter:
    """An official document of the 手冊 (函, 書函, 公告, 開會通知單, 令, 簽, 便簽): header, body, distribution."""
    schema: str = LETTER_SCHEMA
    source: Source = field(default_factory=Source)
    file_no: str | None = None  # 檔號
    retention: str | None = None  # 保存年限
    doc_type: str | None = None  # 文別: 函 / 書函 / 公告 / 開會通知單 / 令 / 簽 / 便簽
    complete: bool | None = None  # every field its 文別 requires was found (None: not assessed)
    issuer: str | None = None  # 發文機關 (from the title line)
    issuer_code: str | None = None  # 機關代碼 (DI letters and exchange file names)
    address: str | None = None  # 地址
    contact: Contact = field(default_factory=Contact)  # 聯絡方式
    recipient: str | None = None  # 受文者
    date: RocDate | None = None  # 發文日期
    dispatch_no: DispatchNo | None = None  # 發文字號
    co_issuers: list[CoIssuer] = field(default_factory=list)  # 會銜: the other issuers
    speed: str | None = None  # 速別
    secrecy: Secrecy = field(default_factory=Secrecy)  # 密等及解密條件或保密期限
    attachments: list[Attachment] = field(default_factory=list)  # 附件
    subject: str | None = None  # 主旨
    sections: list[Section] = field(default_factory=list)  # 說明 / 辦法 / 建議 / 依據 / 公告事項 / 擬辦 / 備註 …
    meeting: Meeting | None = None  # 開會通知單's time, place, chair, attendees
    cc_main: list[Addressee] = field(default_factory=list)  # 正本
    cc_copy: list[Addressee] = field(default_factory=list)  # 副本
    signature: str | None = None  # 署名
    references: list[Reference] = field(default_factory=list)  # cited letters
    periods: list[Period] = field(default_factory=list)
    received: Received | None = None  # 收文 stamp of the receiving side
    warnings: list[str] = field(default_factory=list)


@dataclass
class PlanNode:
    """A plan section: 壹、依據 / 一、工作期程 / (一) … with its children."""
    marker: str  # 壹 / 一 / (一) / 1 / (1)
    number: int
    title: str  # a short heading line (「依據」), or "" when the item is all text
    text: str
    children: list[PlanNode] = field(default_factory=list)


@dataclass
class Plan:
    """A plan (計畫): title and the tree 壹 → 一 → (一) → 1 → (1)."""
    schema: str = PLAN_SCHEMA
    source: Source = field(default_factory=Source)
    title: str | None = None
    sections: list[PlanNode] = field(default_factory=list)
    periods: list[Period] = field(default_factory=list)
    hours: list[Hours] = field(default_factory=list)
    dates: list[RocDate] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


@dataclass
class DivisionRow:
    """One row of a division-of-work table: unit → duties."""
    unit: str  # 單位
    duties: list[str] = field(default_factory=list)  # 工作項目


@dataclass
class Division:
    """A division-of-work table (分工表)."""
    schema: str = DIVISION_SCHEMA
    source: Source = field(default_factory=Source)
    title: str | None = None
    rows: list[DivisionRow] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


RECORD_TYPES = {**{schema: Letter for schema in LETTER_SCHEMAS_READ}, PLAN_SCHEMA: Plan, DIVISION_SCHEMA: Division}


def to_dict(record) -> dict:
    """Given a record dataclass, return its JSON-ready dict (``from_`` → ``from``)."""
    if dataclasses.is_dataclass(record):
        return {f.name.rstrip("_"): to_dict(getattr(record, f.name)) for f in dataclasses.fields(record)}
    if isinstance(record, list):
        return [to_dict(v) for v in record]
    if isinstance(record, dict):
        return {k: to_dict(v) for k, v in record.items()}
    return record


SCALARS = {str: "a string", int: "an integer", bool: "true or false", dict: "an object"}


def _build(tp, value, where: str = "record"):
    """Given a type hint, a JSON value and where it stands, return the value as that type; raise TypeError when it is not."""
    if value is None:
        return None
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        inner = [a for a in typing.get_args(tp) if a is not type(None)]
        return _build(inner[0], value, where) if len(inner) == 1 else value
    if origin is list:
        if not isinstance(value, list):
            raise TypeError(f"{where} must be a list, not {type(value).__name__}")
        (inner,) = typing.get_args(tp)
        return [_build(inner, v, f"{where}[{i}]") for i, v in enumerate(value)]
    if dataclasses.is_dataclass(tp):
        if not isinstance(value, dict):
            raise TypeError(f"{where} must be an object, not {type(value).__name__}")
        missing = [f.name.rstrip("_") for f in dataclasses.fields(tp) if f.name.rstrip("_") not in value
                   and f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING]
        if missing:
            raise TypeError(f"{where} lacks {', '.join(missing)}")
        hints = typing.get_type_hints(tp)
        kwargs = {}
        for f in dataclasses.fields(tp):
            key = f.name.rstrip("_")
            if key in value:
                kwargs[f.name] = _build(hints[f.name], value[key], key if where == "record" else f"{where}.{key}")
        return tp(**kwargs)
    if tp in SCALARS and not isinstance(value, tp):
        raise TypeError(f"{where} must be {SCALARS[tp]}, not {type(value).__name__}")
    return value


def from_dict(data: dict):
    """Given a record dict with a known ``schema``, return the record dataclass; raise ValueError or TypeError when it does not fit."""
    schema = data.get("schema") if isinstance(data, dict) else None
    if schema not in RECORD_TYPES:
        raise ValueError(f"unknown record schema {schema!r}")
    record = _build(RECORD_TYPES[schema], data)
    if isinstance(record, Letter):
        record.schema = LETTER_SCHEMA
    return record
