"""Format list numbers as ODF's ``style:num-format`` shows them: 1, a, I, 一, 壹, 甲, ①, １."""
from __future__ import annotations

from pipeline.limits import MAX_LIST_NUMBER

CHINESE_LOWER = "零一二三四五六七八九"  # 一, 二, 三, ...
CHINESE_UPPER = "零壹貳參肆伍陸柒捌玖"  # 壹, 貳, 參, ... (zh-TW)
CHINESE_UPPER_SIMPLIFIED = "零壹贰叁肆伍陆柒捌玖"  # 壹, 贰, 叁, ...
TIAN_GAN = "甲乙丙丁戊己庚辛壬癸"  # 天干
DI_ZHI = "子丑寅卯辰巳午未申酉戌亥"  # 地支
MAX_LETTER_REPEAT = 3  # a … z, aa … zz, aaa … zzz; beyond, the number is shown in digits
ROMAN = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
         (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]


def chinese_number(n: int, digits: str = CHINESE_LOWER, ten: str = "十", hundred: str = "百") -> str:
    """Given 1 ≤ n < 1000 and a digit set, return the Chinese numeral: 11 → 十一, 20 → 二十, 105 → 一百零五."""
    hundreds, rest = divmod(n, 100)
    tens, ones = divmod(rest, 10)
    out = digits[hundreds] + hundred if hundreds else ""
    if tens:
        short_ten = not hundreds and tens == 1 and ten == "十"  # 十一, not 一十一
        out += ("" if short_ten else digits[tens]) + ten
    elif hundreds and ones:
        out += digits[0]
    return out + (digits[ones] if ones else "")


def roman_number(n: int) -> str:
    """Given n ≥ 1, return it in upper-case Roman numerals."""
    out = []
    for value, letters in ROMAN:
        count, n = divmod(n, value)
        out.append(letters * count)
    return "".join(out)


def letter_number(n: int, alphabet: str) -> str:
    """Given n ≥ 1, return ODF's letter numbering: a … z, aa … zz (repeated letter)."""
    return alphabet[(n - 1) % len(alphabet)] * ((n - 1) // len(alphabet) + 1)


def cyclic_number(n: int, symbols: str) -> str:
    """Given n ≥ 1 and a cycle of symbols (甲乙丙…), return the symbol, repeating after the last."""
    return symbols[(n - 1) % len(symbols)]


def format_number(n: int, num_format: str) -> str:
    """Given a number and an ODF num-format ("1", "a", "I", "一, 二, 三, ...", …), return the number as shown."""
    key = num_format.strip()
    if not key:
        return ""
    head = key[0]
    if head == "1" or not 1 <= n <= MAX_LIST_NUMBER:  # zero, negative or absurd: digits, not n letters long
        return str(n)
    if head in "aA" and n <= 26 * MAX_LETTER_REPEAT:
        return letter_number(n, "abcdefghijklmnopqrstuvwxyz" if head == "a" else "ABCDEFGHIJKLMNOPQRSTUVWXYZ")
    if head in "iI":
        return roman_number(n).lower() if head == "i" else roman_number(n)
    if head == "一" and n < 1000:
        return chinese_number(n)
    if head == "壹" and n < 1000:
        simplified = "贰" in key
        return chinese_number(n, CHINESE_UPPER_SIMPLIFIED if simplified else CHINESE_UPPER, "拾", "佰")
    if head == "甲":
        return cyclic_number(n, TIAN_GAN)
    if head == "子":
        return cyclic_number(n, DI_ZHI)
    if head == "①" and n <= 20:
        return chr(ord("①") + n - 1)
    if head == "１":
        return str(n).translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    return str(n)
