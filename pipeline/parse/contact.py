"""聯絡方式: 承辦人, 承辦單位, 電話, 傳真 and 電子信箱 from labelled values or an unlabelled block."""
from __future__ import annotations

import re
from functools import cache

from pipeline.parse.clean import join_wrapped
from pipeline.records import Contact
from pipeline.vocabulary import vocabulary

EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
# a phone number, its extension kept (「(02)2720-8889轉1234」); an extension written as a label (「分機:8399」) keeps
# its number, the colon dropped
PHONE = re.compile(r"[\d(（][\d()（）\-#~*.,、/轉分機extEXT ]*(?:(?:分機|轉)[ \t]*[:：])?[\d()（）\-#~*.,、/extEXT ]*\d")
EXTENSION_COLON = re.compile(r"(?<=分機|.轉)[:：]")
# a line that is wholly a phone number whose label an OCR or a page lost (「#: (04)2332-5189」, the 傳真 line of a
# letter image's transcript): a few marks, a colon, the number
LABEL_LOST_PHONE = re.compile(rf"[^\w\s\u4e00-\u9fff]{{0,3}}[ \t]*[:：][ \t]*{PHONE.pattern}")
RUN_ON_PHONE = re.compile(rf"[^\w\s\u4e00-\u9fff（）()]{{1,3}}[ \t]*[:：]\s*{PHONE.pattern}\s*$")


def join_email(value: str) -> str:
    """Given a value holding an e-mail address, return it with the address rejoined where a line break split it."""
    lines = [line.strip() for line in value.split("\n") if line.strip()]
    out = lines[:1]
    for line in lines[1:]:
        inside_address = (out[-1][-1] in "@.-_" or line[0] in "@.-_"
                          or ("@" in out[-1] and "." not in out[-1].rsplit("@", 1)[1] and " " not in line)
                          or (re.fullmatch(r"(?=.*[A-Za-z])[\w.+-]+", out[-1]) and re.match(r"[\w.+-]*@", line)))
        out[-1:] = [out[-1] + line] if inside_address else [out[-1], line]
    return re.sub(r"\s*([@.])\s*", r"\1", "\n".join(out))


def address_lines(value: str) -> str:
    """Given the 地址 field's value, return it without a phone number whose label was lost standing after the address,
    on a line of its own or run onto the address's last line by a layout (an address wraps onto address text, never
    onto a number under it)."""
    lines = value.split("\n")
    for i, line in enumerate(lines):
        if i and LABEL_LOST_PHONE.fullmatch(line.strip()):
            return "\n".join(lines[:i])
    run_on = RUN_ON_PHONE.search(value)
    return value[:run_on.start()] if run_on else value


def first_match(pattern: re.Pattern, value: str | None) -> str | None:
    """Given a pattern and a value, return the first match without spaces, or None."""
    m = pattern.search(value or "")
    return re.sub(r"\s", "", m.group()) if m else None


FULL_NUMBER_DIGITS = 9  # an area code and a 7–8 digit number, or a mobile's 10 digits: a number that is whole


def phone_numbers(value: str | None) -> str | None:
    """Given a phone label's value, return its number without spaces, or None; two whole numbers set apart by a gap
    (「04-22052948  0928799438」, an office line and a mobile) stay apart, one space between them."""
    m = PHONE.search(value or "")
    if not m:
        return None
    pieces = m.group().split()
    out = pieces[0]
    for piece in pieces[1:]:
        whole = len(re.sub(r"\D", "", out.rsplit(" ", 1)[-1])) >= FULL_NUMBER_DIGITS
        out += (" " if whole and re.match(r"[(（]?0", piece) and len(re.sub(r"\D", "", piece)) >= FULL_NUMBER_DIGITS
                else "") + piece
    return EXTENSION_COLON.sub("", out)


def split_unit_and_name(text: str) -> tuple[str | None, str | None]:
    """Given an unlabelled contact line's words (「教務處註冊組陳筱涵」), return (承辦單位, 承辦人)."""
    table = vocabulary()["contact"]
    for cut in range(len(text) - table["name_min"], 1, -1):
        unit, name = text[:cut], text[cut:]
        if unit.endswith(tuple(table["unit_endings"])) and len(name) <= table["name_max"]:
            return unit, name
    return None, (text if table["name_min"] <= len(text) <= table["name_max"] + 1 else None)


PHONE_DIGITS_MIN = 6  # an unlabelled number with fewer digits and no extension word is no phone
EXTENSION_WORDS = re.compile(r"分機|轉|#|(?i:ext)")  # how a block says its short number is an extension (「分機 1122」)


def parse_contact_block(block: str) -> Contact:
    """Given a 聯絡方式 (or 聯絡人及電話) value without sub-labels, return what each line holds."""
    block = join_email(block)
    email = first_match(EMAIL, block)
    phone = phone_numbers(EMAIL.sub("", block))
    if phone and len(re.sub(r"\D", "", phone)) < PHONE_DIGITS_MIN and not EXTENSION_WORDS.search(block):
        phone = None  # a short number beside a name is no phone (a council's term: 「1122 秘書長 李○○」)
    words = re.sub(r"[^\u4e00-\u9fff○〇]", "", PHONE.sub("", EMAIL.sub("", block)))
    words = re.sub(vocabulary()["contact"]["school_class"], "", EXTENSION_WORDS.sub("", words))
    unit, name = split_unit_and_name(without_job_title(words))
    return Contact(name=name, unit=unit, phone=phone, email=email)


# the 受文者's 郵遞區號 and address, which the 手冊 sets above 受文者 (for a window envelope), run onto the contact
# fields where a PDF's text came out as one line: a postcode closes the 承辦單位 (「綜合規劃科80757」), an address the
# 承辦人's name (「陳建宏高雄市三民區博愛一路28號7樓」)
POSTCODE_TAIL = re.compile(r"(?<=[\u4e00-\u9fff])\d{3,6}$")
ADDRESS_TAIL = re.compile(r"(?<=[\u4e00-\u9fff])[\u4e00-\u9fff]{2}[縣市][\u4e00-\u9fff]{1,3}[區鄉鎮市]\S*?號(?:\d+樓)?(?:之\d+)?$")
GIVEN_NAME = re.compile(r"[\u4e00-\u9fff○〇]{1,2}")  # what follows a title written between surname and given name


@cache
def job_titles() -> tuple[str, ...]:
    """Return the job titles written before a contact's name (vocabulary [contact] job_titles), longest first."""
    return tuple(sorted(vocabulary()["contact"]["job_titles"], key=len, reverse=True))


@cache
def contact_name_pattern() -> re.Pattern:
    """Return the pattern of a contact's name alone: as many Chinese characters as a name has (vocabulary [contact]
    name_min to name_max), ○ for one left out."""
    table = vocabulary()["contact"]
    return re.compile(rf"[\u4e00-\u9fff○〇]{{{table['name_min']},{table['name_max']}}}")


def without_job_title(value: str) -> str:
    """Given a 承辦人 value, return it without the job title written before the name (「書記 江珈儀」, its space
    closed by cleaning: 「書記江珈儀」 → 「江珈儀」: what is left is a name of 2–4 characters) or, as a title is said
    politely, between the surname and the given name (「吳股長俊賢」 → 「吳俊賢」)."""
    value, whole_name = value.strip(), contact_name_pattern()
    for title in job_titles():
        name = value[len(title):].strip()
        if value.startswith(title) and whole_name.fullmatch(name):
            return name
        if (value[1:].startswith(title) and GIVEN_NAME.fullmatch(value[1 + len(title):])
                and not value.endswith(tuple(vocabulary()["signature"]["title_endings"]))):  # 林秘書長: a title
            return value[0] + value[1 + len(title):]
    return value


# a number written wholly in Chinese numerals, as a letter writing all its figures so prints it (「○二–二三五七六六六六」):
# read digit by digit, its dashes as hyphens
NUMERAL_DIGITS = str.maketrans("○〇零一二三四五六七八九–—－", "000123456789---")


def in_digits(value: str | None) -> str | None:
    """Given a phone or fax label's value, return it with its Chinese numerals as digits when it has no digit of its
    own (「○二–二三五七○五○七」 → 「02-23570507」), else as it was."""
    if not value or re.search(r"\d", value):
        return value
    return value.translate(NUMERAL_DIGITS)


def extension(value: str | None) -> str | None:
    """Given the value of a label naming the contact's extension alone (「聯絡分機:2356」), return it as the phone
    (「分機2356」), else None."""
    m = re.fullmatch(r"\s*(\d{1,6})\s*", value or "")
    return f"分機{m.group(1)}" if m else None


def parse_contact(fields: dict[str, str]) -> Contact:
    """Given label values, return the 聯絡方式 (承辦人, 承辦單位, 電話, 傳真, 電子信箱)."""
    block = parse_contact_block(fields.get("contact_name_phone") or fields.get("contact") or "")
    poster = fields.get("poster", "").strip()  # a post's 發布者: when nobody else is named, and a person, not a unit
    poster = "" if poster.split("\n")[0].strip().endswith(tuple(vocabulary()["contact"]["unit_endings"])) else poster
    named = fields.get("contact_name", "").strip() or poster
    # a name is one line; a field label under an empty 聯絡人 (「聯絡資訊：」) is no name
    lines = [line for line in named.split("\n") if line.strip()]
    first = lines[0] if lines and not lines[0].rstrip().endswith((":", "：")) else ""
    name = join_wrapped(without_job_title(first)).split(" ")[0]
    unit_before = None  # 「承辦人：大陸業務組 吳文耀」: the 承辦單位 written before the name, its space closed by cleaning
    if name and not fields.get("contact_unit", "").strip():
        unit_before, named = split_unit_and_name(name)
        name = named if unit_before else name
    name = ADDRESS_TAIL.sub("", name) or block.name
    unit = POSTCODE_TAIL.sub("", join_wrapped(fields.get("contact_unit", "")))
    return Contact(name=name or None, unit=unit or unit_before or block.unit,
                   phone=(phone_numbers(in_digits(fields.get("phone"))) or block.phone
                          or extension(fields.get("extension"))),
                   fax=phone_numbers(in_digits(fields.get("fax"))),
                   email=first_match(EMAIL, join_email(fields.get("email", ""))) or block.email)
