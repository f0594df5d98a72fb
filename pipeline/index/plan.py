"""The search plan, the same in every engine: candidates from a gram index (the one part each engine does its own
way) → exact substring verification → an integer score from occurrence counts and column weights → order by score,
date, id. Every step but the candidates is plain SQL that SQLite and PostgreSQL compute identically."""
from __future__ import annotations

import re
from collections.abc import Callable

COLUMN_WEIGHTS = (("subject", 5), ("body", 1), ("attachments", 1))  # a hit in 主旨 counts five times the others
DISPATCH_WEIGHT = 100  # a letter bearing the number searched for outranks any text hit
DISPATCH_TERM = re.compile(r"(?:[^\s第]*字)?第?\d{5,}[A-Za-z]?(?:-\d+)?號?")  # a 發文字號, or 5+ of its digits
DIGIT_GRAM = 4  # runs of ASCII digits also give their 4-grams, so a dispatch number's candidates are few
CODE_DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz"
CODE_WIDTH = 4  # 36**4 > every Unicode code point: a character is 4 base-36 digits in a gram token
ORDERS = {  # the orders a result list can have, over columns of table {t}; ties always end on the stable id
    "relevance": "{t}score DESC, coalesce({t}date_iso, '') DESC, {t}id",
    "date": "coalesce({t}date_iso, '') DESC, {t}id DESC",
    "date-asc": "coalesce({t}date_iso, '9999'), {t}id",
}

Candidates = Callable[[list[str]], tuple[str, list]]  # terms → (SQL condition on documents ``d``, parameters)


def char_code(char: str) -> str:
    """Given one character, return its gram code: its code point as CODE_WIDTH base-36 digits."""
    point, digits = ord(char), []
    for _ in range(CODE_WIDTH):
        point, digit = divmod(point, len(CODE_DIGITS))
        digits.append(CODE_DIGITS[digit])
    return "".join(reversed(digits))


CODES: dict[int, str] = {}  # code point → gram code, filled as characters are met (for str.translate)


def text_to_grams(text: str) -> set[str]:
    """Given a text, return its gram tokens: each pair of adjacent non-space characters, each character followed by
    a space or the end alone, and each 4 adjacent ASCII digits, every character written as its gram code."""
    for char in set(text):
        if ord(char) not in CODES:
            CODES[ord(char)] = char_code(char)
    grams, pair = set(), 2 * CODE_WIDTH
    for word in text.split():
        coded = word.translate(CODES)
        grams.update(coded[i:i + pair] for i in range(0, len(coded) - CODE_WIDTH, CODE_WIDTH))
        grams.add(coded[-CODE_WIDTH:])
        for run in re.findall(r"[0-9]{%d,}" % DIGIT_GRAM, word):
            coded = run.translate(CODES)
            size = DIGIT_GRAM * CODE_WIDTH
            grams.update(coded[i:i + size] for i in range(0, len(coded) - size + 1, CODE_WIDTH))
    return grams


def term_to_grams(term: str) -> tuple[set[str], str | None]:
    """Given a query term (no spaces), return (gram tokens every document holding it has — of its digits, only the
    4-grams —, or for a one-character term the gram-code prefix its tokens start with)."""
    if len(term) == 1:
        return set(), char_code(term)
    grams = {g for g in text_to_grams(term) if len(g) > CODE_WIDTH}
    if re.search(r"[0-9]{%d}" % DIGIT_GRAM, term):  # its digit 4-grams are rarer than any pair of digits
        digits = {char_code(d) for d in "0123456789"}
        grams = {g for g in grams if not (g[:CODE_WIDTH] in digits and g[CODE_WIDTH:] in digits)}
    return grams, None


def document_grams(texts: dict[str, str], dispatch_no: str | None) -> str:
    """Given a document's full-text columns and its own 發文字號, return its gram tokens, sorted, space-separated."""
    grams = set()
    for text in (*(texts[column] for column, _ in COLUMN_WEIGHTS), dispatch_no or ""):
        grams |= text_to_grams(text)
    return " ".join(sorted(grams))


def is_number_term(term: str) -> bool:
    """Given a term, return whether it is written like a 發文字號 (whole, or 5+ of its digits)."""
    return bool(DISPATCH_TERM.fullmatch(term))


def term_score_sql(term: str) -> tuple[str, list]:
    """Given a term, return the SQL of its text score in documents ``d`` (occurrences × column weight) and its
    parameters. occurrences(text, term) counts non-overlapping occurrences from the left, as
    (length(text) - length(replace(text, term, ''))) / length(term) does: each engine defines it."""
    parts = [f"{weight} * occurrences(d.{column}, ?)" for column, weight in COLUMN_WEIGHTS]
    return "(" + " + ".join(parts) + ")", [term] * len(COLUMN_WEIGHTS)


OWN_NUMBER_SQL = "CASE WHEN instr(coalesce(l.dispatch_no, ''), ?) > 0 THEN 1 ELSE 0 END"


def order_sql(order: str, table: str = "") -> str:
    """Given an ORDERS key and the alias of the table of the matches (id, date_iso, score), return ORDER BY's terms."""
    return ORDERS[order].format(t=f"{table}." if table else "")


def page_sql(matches: str, order: str) -> str:
    """Given a matches SELECT and an ORDERS key, return the SELECT of one page of them in that order (LIMIT and
    OFFSET bound last)."""
    return f"{matches} ORDER BY {order_sql(order)} LIMIT ? OFFSET ?"


def term_match_sql(term: str) -> tuple[str, list]:
    """Given a term, return the SQL condition that it matches document ``d`` (letter ``l``) and its parameters:
    it is in a text column, or, written like a 發文字號, in the letter's own."""
    columns = [f"instr(d.{column}, ?) > 0" for column, _ in COLUMN_WEIGHTS]
    if is_number_term(term):
        columns.append("instr(coalesce(l.dispatch_no, ''), ?) > 0")
    return "(" + " OR ".join(columns) + ")", [term] * len(columns)


def matches_sql(terms: list[str], candidates: Candidates, filters: tuple[list[str], list],
                letters_only: bool = False) -> tuple[str, list]:
    """Given query terms, the engine's candidate condition, filter conditions on ``d``/``l`` with their
    parameters and whether only letters count, return a SELECT of (id, date_iso, score) over every document
    matching all terms and filters, and its parameters (ORDER BY may follow it)."""
    where, params = [], []
    if terms:
        condition, params = candidates(terms)
        where.append(condition)
    for term in terms:
        condition, condition_params = term_match_sql(term)
        where.append(condition)
        params += condition_params
    where, params = where + list(filters[0]), params + list(filters[1])
    scores, score_params = [], []
    for term in terms:
        score, term_params = term_score_sql(term)
        scores.append(score)
        score_params += term_params
        if is_number_term(term):
            scores.append(f"{DISPATCH_WEIGHT} * {OWN_NUMBER_SQL}")
            score_params.append(term)
    join = "JOIN" if letters_only else "LEFT JOIN"
    sql = (f"SELECT d.id AS id, l.date_iso AS date_iso, {' + '.join(scores) or '0'} AS score "
           f"FROM documents d {join} letters l ON l.id = d.id WHERE {' AND '.join(where) or '1 = 1'}")
    return sql, score_params + params
