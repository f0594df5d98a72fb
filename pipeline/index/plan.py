"""The search plan, the same in every engine: the documents holding every word, found exactly in the engine's own
word index (pipeline/index/match.py) → an integer score: 5 for each word in the 主旨, 1 for each elsewhere, 100 for
a word that is part of the letter's own 發文字號 → order by score, then seq: the date, newest first, and within a day
the letter registered last first. No match is read to be verified or scored, so a common word costs what its index
lookup costs; every step but the word lookups is plain SQL that SQLite and PostgreSQL compute identically."""
from __future__ import annotations

import re
from collections.abc import Callable
from typing import NamedTuple

SUBJECT_WEIGHT = 5  # a word in 主旨 counts five times a word elsewhere
DISPATCH_WEIGHT = 100  # a letter bearing the number searched for outranks any text hit
DISPATCH_TERM = re.compile(r"(?:[^\s第]*字)?第?\d{5,}[A-Za-z]?(?:-\d+)?號?")  # a 發文字號, or 5+ of its digits
DIGIT_GRAM = 4  # runs of ASCII digits also give their 4-grams, so a dispatch number's lookups are few
DIGIT_RUN = re.compile(r"[0-9]{%d,}" % DIGIT_GRAM)
CODE_DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz"
CODE_WIDTH = 4  # 36**4 > every Unicode code point: a character is 4 base-36 digits in a gram token
TEXT_COLUMNS = ("subject", "body", "attachments")  # the searched texts of a document
GRAM_COLUMNS = TEXT_COLUMNS + ("numbers", "own")  # document_grams' columns (document_tokens gives each)
SEQ_SPAN = 10 ** 10  # the seqs of one day: seq = YYYYMMDD × SEQ_SPAN + n (an undated document's day is 0), so a
# gram table read in rowid order yields the newest documents first
ISO_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
ORDERS = {  # the orders a result list can have, over columns of table {t}; ties end on the unique seq or stable id
    "relevance": "{t}score DESC, {t}seq DESC",  # seq: the date, then the order the letters of a day came in
    "date": "coalesce({t}date_iso, '') DESC, {t}id DESC",
    "date-asc": "coalesce({t}date_iso, '9999'), {t}id",
}


class WordIndex(NamedTuple):
    """An engine's exact word lookups: each gives (SQL condition on documents ``d`` / letters ``l``, parameters)."""
    matches: Callable[[list[str]], tuple[str, list]]  # terms → true of exactly the documents holding all of them
    in_subject: Callable[[str], tuple[str, list]]  # a term → true of exactly the documents whose 主旨 holds it


def day_key(date_iso: str | None) -> int:
    """Given an ISO date (or None), return its day key YYYYMMDD as an integer: 0 for none or one not written
    YYYY-MM-DD (they sort as the empty date does, last)."""
    day = ISO_DAY.fullmatch(date_iso or "")
    return int("".join(day.groups())) if day else 0


def seq_range(since: str | None, until: str | None) -> tuple[int, int]:
    """Given the inclusive ISO date bounds of a search (either None), return the (lowest, highest) seq a document
    within them can have; a bound not written YYYY-MM-DD leaves its end open (its SQL condition still applies)."""
    low = day_key(since) * SEQ_SPAN
    high = (day_key(until) + 1) * SEQ_SPAN - 1 if day_key(until) else 2 ** 63 - 1
    return low, high


def char_code(char: str) -> str:
    """Given one character, return its gram code: its code point as CODE_WIDTH base-36 digits."""
    point, digits = ord(char), []
    for _ in range(CODE_WIDTH):
        point, digit = divmod(point, len(CODE_DIGITS))
        digits.append(CODE_DIGITS[digit])
    return "".join(reversed(digits))


CODES: dict[int, str] = {}  # code point → gram code, filled as characters are met (for str.translate)


def coded(text: str) -> str:
    """Given a text, return it with each character but whitespace written as its gram code."""
    for char in set(text):
        if ord(char) not in CODES and not char.isspace():
            CODES[ord(char)] = char_code(char)
    return text.translate(CODES)


TOKEN = re.compile(r"(?=([0-9a-z]{%d}|[0-9a-z]{%d}(?![0-9a-z])))[0-9a-z]{%d}" % (2 * CODE_WIDTH, CODE_WIDTH, CODE_WIDTH))


def word_to_tokens(word: str) -> list[str]:
    """Given a word (no spaces), return its tokens, one a character in order: the pair it opens, the last
    character alone — so a phrase of pairs matches exactly the texts holding those characters in a row."""
    return TOKEN.findall(coded(word))


def text_to_tokens(text: str) -> str:
    """Given a text, return its tokens in order, space-separated (words apart: no pair spans a space)."""
    return " ".join(TOKEN.findall(coded(text)))


def digit_tokens(text: str) -> list[str]:
    """Given a text, return the 4-grams of its runs of 4+ ASCII digits, in order, each a gram token."""
    size = DIGIT_GRAM * CODE_WIDTH
    out = []
    for run in DIGIT_RUN.findall(text):
        code = coded(run)
        out += [code[i:i + size] for i in range(0, len(code) - size + 1, CODE_WIDTH)]
    return out


def document_tokens(texts: dict[str, str], dispatch_no: str | None) -> dict[str, str]:
    """Given a document's full-text columns and its own 發文字號, return the token text of each column of the gram
    index: the three texts, ``numbers`` (every digit run's 4-grams) and ``own`` (the 發文字號's tokens)."""
    columns = {column: text_to_tokens(texts[column]) for column in TEXT_COLUMNS}
    columns["numbers"] = " ".join(digit_tokens(" ".join([*(texts[c] for c in TEXT_COLUMNS), dispatch_no or ""])))
    columns["own"] = text_to_tokens(dispatch_no or "")
    return columns


def term_to_phrase(term: str) -> str:
    """Given a query term (no spaces), return the gram-index expression of the texts holding it: a phrase of its
    pairs, or for one character every token it opens (a prefix)."""
    if len(term) == 1:
        return f'"{coded(term)}" *'
    return '"' + " ".join(word_to_tokens(term)[:-1]) + '"'


def term_to_query(term: str, columns: tuple[str, ...]) -> str:
    """Given a query term and the gram-index columns it may be in, return the FTS5 expression true of exactly the
    documents holding it there (a term with a digit run also needs the run's 4-grams: few documents have them)."""
    query = f"{{{' '.join(columns)}}} : {term_to_phrase(term)}"
    digits = digit_tokens(term)
    return f'(numbers : "{" ".join(digits)}") AND ({query})' if digits else f"({query})"


def is_number_term(term: str) -> bool:
    """Given a term, return whether it is written like a 發文字號 (whole, or 5+ of its digits)."""
    return bool(DISPATCH_TERM.fullmatch(term))


OWN_NUMBER_SQL = "CASE WHEN instr(coalesce(l.dispatch_no, ''), ?) > 0 THEN 1 ELSE 0 END"


def order_sql(order: str, table: str = "") -> str:
    """Given an ORDERS key and the alias of the table of the matches (id, date_iso, score), return ORDER BY's terms."""
    return ORDERS[order].format(t=f"{table}." if table else "")


def page_sql(matches: str, order: str) -> str:
    """Given a matches SELECT and an ORDERS key, return the SELECT of one page of them in that order (LIMIT and
    OFFSET bound last)."""
    return f"{matches} ORDER BY {order_sql(order)} LIMIT ? OFFSET ?"


def term_score_sql(term: str, words: WordIndex) -> tuple[str, list]:
    """Given a term a document holds and the engine's word index, return the SQL of its score there and its
    parameters: SUBJECT_WEIGHT in the 主旨, else 1; DISPATCH_WEIGHT more in the letter's own 發文字號."""
    condition, params = words.in_subject(term)
    sql = f"CASE WHEN {condition} THEN {SUBJECT_WEIGHT} ELSE 1 END"
    if is_number_term(term):
        sql, params = f"{sql} + {DISPATCH_WEIGHT} * {OWN_NUMBER_SQL}", params + [term]
    return sql, params


def scan_match_sql(term: str) -> tuple[str, list]:
    """Given a term, return the SQL condition that it is in document ``d`` (letter ``l``) read from the texts
    themselves, and its parameters: in a text column, or, written like a 發文字號, in the letter's own (the exact
    scan every word index must agree with)."""
    columns = [f"instr(d.{column}, ?) > 0" for column in TEXT_COLUMNS]
    if is_number_term(term):
        columns.append("instr(coalesce(l.dispatch_no, ''), ?) > 0")
    return "(" + " OR ".join(columns) + ")", [term] * len(columns)


def scan_matches(terms: list[str]) -> tuple[str, list]:
    """Given terms, return the scan's condition true of the documents holding all of them, and its parameters."""
    conditions = [scan_match_sql(term) for term in terms]
    return " AND ".join(sql for sql, _ in conditions), [p for _, params in conditions for p in params]


SCAN = WordIndex(scan_matches, lambda term: ("instr(d.subject, ?) > 0", [term]))  # no index: every text read


def matches_sql(terms: list[str], words: WordIndex, filters: tuple[list[str], list],
                letters_only: bool = False, columns: str = "") -> tuple[str, list]:
    """Given query terms, the engine's word index, filter conditions on ``d``/``l`` with their parameters, whether
    only letters count and more columns to select (SQL over ``d``/``l``), return a SELECT of (id, seq, date_iso, score,
    those columns) over every document holding all terms and passing the filters, and its parameters (ORDER BY may
    follow it)."""
    where, params = [], []
    if terms:
        condition, params = words.matches(terms)
        where.append(condition)
    where, params = where + list(filters[0]), params + list(filters[1])
    scores, score_params = [], []
    for term in terms:
        score, term_params = term_score_sql(term, words)
        scores.append(score)
        score_params += term_params
    join = "JOIN" if letters_only else "LEFT JOIN"
    sql = (f"SELECT d.id AS id, d.seq AS seq, l.date_iso AS date_iso, {' + '.join(scores) or '0'} AS score{columns} "
           f"FROM documents d {join} letters l ON l.id = d.id WHERE {' AND '.join(where) or '1 = 1'}")
    return sql, score_params + params
