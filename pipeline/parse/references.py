"""Cited documents: 「依據法務部廉政署108年10月14日廉政字第10807018360號函辦理」 → Reference.

Dated citations are found first (date, optional 發文字號, kind); undated ones
(「依行政院院臺法字第…號函」) only in the text the dated ones left, and last an undated number written without 字
after its issuer (「財政部臺財稅第820737369號函」).
"""
from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from pipeline.parse.dates import DATE_RE, make_date, match_to_date
from pipeline.parse.dispatch import (BRANCH, DIGITS_ONLY, DISPATCH_RE, NUMBER, OLD_NUMBER, UNMARKED_RE, checked_by_date,
                                     match_to_dispatch, unmarked_number)
from pipeline.records import DispatchNo, Reference
from pipeline.vocabulary import vocabulary

_S = r"[ \t\u3000]*"
ISSUER_RUN = re.compile(r"[\u4e00-\u9fff（）()]{1,40}$")
MEASURE_WORDS = "條款項點號年月日份次屆任頁"  # words that follow a number: 第13條
MASK = "\x00"
# a regulation's article (第七點, 第10條之1) and the word joining what follows it
ARTICLE = re.compile(r"第[\d〇○一二三四五六七八九十百]+[條點項款目](?:之[\d一二三四五六七八九十]+)?(?:及|、|暨|與|或)?")
# a 發文字號 whose number a compilation left blank (「北市都二字第　號」): the citation stands, its number unknown
BLANK_NUMBER = rf"[\u4e00-\u9fff（）()]{{1,12}}字{_S}第{_S}號"
# a typist's slip leaving out 號 between a whole number and the 文別 (「台內營字第0910084928函」)
NO_HAO = rf"[\u4e00-\u9fff（）()]{{1,12}}字{_S}第{_S}\d{{7,11}}[A-Za-z]?"
# a date that is not one between a cited issuer and its 字 — a typist's 日 for 月 (「114年1日8日」), or digits whose
# 年 and 月 a web page lost (「991229日」, 「8772日」 for 87年7月2日) — is never part of the 字
# a date of the year the text is written in (「本年9月22日」, 「本(114)年…」): its year is the bracket's, else the cited
# number's (a 發文字號 opens with its year)
THIS_YEAR = (rf"[本今]{_S}(?:[（(]{_S}(?P<this_year>\d{{2,3}}){_S}[）)])?{_S}年{_S}(?P<this_month>\d{{1,2}}){_S}月{_S}"
             rf"(?P<this_day>\d{{1,2}}){_S}日")
# (or a month and day alone, the year left to the number that follows: 「聯合社4月10日112農聯企字第041號函」)
DATE_SHAPED = re.compile(r"^(?:\d{2,3}年\d{1,2}[月日]\d{1,2}|\d{4,7}|\d{1,2}月\d{1,2})日")


@cache
def citation_patterns() -> tuple[re.Pattern, re.Pattern]:
    """Return the patterns of a dated and of an undated citation, each ending in the document's kind."""
    kinds = sorted(vocabulary()["reference_kinds"]["names"], key=len, reverse=True)
    kind = "(?P<kind>" + "|".join(map(re.escape, kinds)) + ")"
    before_number = "|".join(map(re.escape, vocabulary()["references"]["before_number"]))
    before_kind = "|".join(map(re.escape, vocabulary()["references"]["before_kind"]))
    named_kind = "|".join(map(re.escape, vocabulary()["references"]["issuer_before_kind"]))
    after_kind = DISPATCH_RE.pattern.replace("?P<", "?P<after_")
    refs = vocabulary()["references"]
    # between a date and the 文別 older numbers leave out 字 (台財稅第55809號) or 字 and 第 both (商二七五二二號)
    unmarked = rf"{UNMARKED_RE.pattern.replace('?P<', '?P<u_')}|{OLD_NUMBER}|{DIGITS_ONLY.pattern.replace('?P<', '?P<d_')}"
    joint_words = "|".join(map(re.escape, refs["joint_words"]))
    # (a 會銜 letter's second number; a date after 及 opens another citation: 「…號及八十六年十二月十九日…號函」)
    joint = (rf"(?:{_S}(?:{joint_words}){_S}(?![^字號\n]{{0,20}}?月[^字號\n]{{0,6}}?日)"
             rf"(?P<joint>{DISPATCH_RE.pattern.replace('?P<', '?P<joint_')}))?")
    # (a date before the issuer's full name and the 文別, no number: 「依據109.08.14財團法人元大文教基金會函辦理」; not a
    # deadline's date, 「…日前至…」, a date and where or by whom something is done, 「…日於各區公所公告」, 「…日由本局公告」,
    # nor a website, 「…本校網站公告」)
    agency = "|".join(map(re.escape, vocabulary()["agency_suffixes"]["endings"]))
    dated = re.compile(rf"(?P<date>{DATE_RE.pattern}|{THIS_YEAR}){_S}\.?{_S}(?:(?:{before_number}){_S})?"
                       rf"(?:(?P<dispatch>{DISPATCH_RE.pattern}){joint}|(?P<unmarked>{unmarked})|{BLANK_NUMBER}|"
                       rf"(?P<no_hao>{NO_HAO})|(?P<agency>(?![前起止後於由經以在至向對將並])(?:(?!網站)[\u4e00-\u9fff]){{2,20}}?(?:{agency})))?{_S}"
                       rf"(?:{re.escape(refs['joint_mark'])}{_S})?(?:{before_kind}|(?P<named>{named_kind})|{NOTE_BEFORE_KIND}|{TITLE_BEFORE_KIND})?"
                       rf"{_S}{kind}"
                       rf"(?:{_S}[（(](?P<after>{after_kind})[）)])?")
    undated = re.compile(rf"(?P<dispatch>{DISPATCH_RE.pattern}){_S}{kind}")
    return dated, undated


@cache
def kindless_pattern() -> re.Pattern:
    """Return the pattern of a dated citation whose 文別 the writer left out before the verb or the issued title
    (「依據…111年12月8日肺中指字第1113800491號辦理」, 「…號頒「…規定」」): the date, the whole 發文字號, then the verb or
    the title's opening mark (not kept)."""
    refs = vocabulary()["references"]
    after = "|".join(map(re.escape, refs["kindless_verbs"] + refs["kindless_titles"]))
    before_number = "|".join(map(re.escape, vocabulary()["references"]["before_number"]))  # 「…日以…號辦理」: 以 the verb
    return re.compile(rf"(?P<date>{DATE_RE.pattern}|{THIS_YEAR}){_S}(?:(?:{before_number}){_S})?"
                      rf"(?P<dispatch>{DISPATCH_RE.pattern}){_S}(?={after})")


@cache
def year_only_pattern() -> re.Pattern:
    """Return the pattern of a citation dated by its year alone, as 財政部 cites its older rulings (「本部44年台財稅發
    第7014號令」, in Chinese numerals 「貴局九十年職公字第○○一一二三一號函」): the year, the number (字 and 第 as older
    numbers write them), the kind."""
    kinds = sorted(vocabulary()["reference_kinds"]["names"], key=len, reverse=True)
    kind = "(?P<kind>" + "|".join(map(re.escape, kinds)) + ")"
    unmarked = UNMARKED_RE.pattern.replace("?P<", "?P<u_")
    return re.compile(rf"(?<![\d年月一二三四五六七八九十百○〇])(?P<year>\d{{2,3}}|[一二三四五六七八九十百○〇]{{2,4}}){_S}年{_S}"
                      rf"(?:(?P<dispatch>{DISPATCH_RE.pattern})|"
                      rf"(?P<unmarked>{unmarked})){_S}{kind}")


def year_only_citation(text: str, m: re.Match, floor: int) -> tuple[int, str | None, object, object]:
    """Given text and a year-only citation's match, return (start, issuer as written, None, dispatch): its date is
    unknown (the year alone), its issuer and number are kept."""
    dispatch = match_to_dispatch(DISPATCH_RE.match(m.group("dispatch"))) if m.group("dispatch") else \
        unmarked_number(m.group("unmarked"))
    written, start = issuer_before(text, m.start(), floor)
    return start, written, None, dispatch


def is_pronoun(name: str) -> bool:
    """Given a name, return whether it is 本/貴/鈞 + an agency kind (本府, 貴署, 本公司, 貴代表會) or a word naming the
    addressee with respect (大部)."""
    vocab = vocabulary()
    refs = vocab["references"]
    kinds = {k for pair in vocab["honorifics"]["endings"] for k in pair}
    return name in refs["addressee_words"] or (
        len(name) >= 2 and name[0] in refs["addressee_prefixes"] + [refs["self_prefix"]] and name[1:] in kinds)


def is_third_party(name: str) -> bool:
    """Given a name, return whether it is 該 + an agency kind (該部, 該府, 該委員會): an agency the text named before."""
    vocab = vocabulary()
    kinds = {k for pair in vocab["honorifics"]["endings"] for k in pair}
    return len(name) >= 2 and name[0] == vocab["references"]["third_prefix"] and name[1:] in kinds


def is_agency(name: str) -> bool:
    """Given a name, return whether it ends as an agency's name does (or is 貴署/本公司-style)."""
    endings = tuple(vocabulary()["agency_suffixes"]["endings"]) + ("府",)
    return is_pronoun(name) or (len(name) >= 2 and name.endswith(endings))


def lead_word_cuts(run: str) -> list[int]:
    """Given the characters before a citation, return where its issuer may start, the likeliest last."""
    refs = vocabulary()["references"]
    cut = max((run.rfind(w) + len(w) for w in refs["lead_words"] if w in run), default=0)
    cuts = [cut]
    verbs = [p for p in range(cut, len(run) - 2) if run[p] in refs["lead_verbs"]
             and not run[p:].startswith(tuple(refs["lead_verb_exceptions"]))]
    if run[cut:cut + 1] in refs["lead_conjunctions"] or (
            run[cut:cut + 1] in refs["former_marks"] and not run[cut:].startswith(tuple(refs["lead_verb_exceptions"]))):
        cuts.append(cut + 1)
    for ending in vocabulary()["regulations"]["endings"]:  # 「…執行計畫及本府消防局」: a plan's name, then the issuer
        for conjunction in refs["lead_conjunctions"]:
            if (at := run.rfind(ending + conjunction)) >= cut:
                cuts.append(at + len(ending) + len(conjunction))
    if verbs:
        cuts.append(verbs[-1] + 1)
        if run[verbs[-1] + 1:verbs[-1] + 2] in refs["lead_conjunctions"]:  # 「…號函暨銓敘部」: the next citation's
            cuts.append(verbs[-1] + 2)  # issuer after the conjunction joining it to the one before
    return sorted(set(cuts))


def lead_word_cut(run: str) -> int:
    """Given the characters before a 字 that names no issuer, return where the 字 starts: after a lead word (依據), a
    conjunction (及) and the verb 以 (「前以」), never after another one-character verb that may open the 字 itself
    (經授商, 原民社)."""
    refs = vocabulary()["references"]
    cut = max((run.rfind(w) + len(w) for w in refs["lead_words"] if w in run), default=0)
    cut = cut + 1 if run[cut:cut + 1] in refs["lead_conjunctions"] else cut
    return len(run) - len(without_verb(run[cut:]))


def without_verb(word: str) -> str:
    """Given the characters before 字第 after a cited issuer or a lead word, return them without the verb opening them
    (「前以北府人考」 → 北府人考: 以, by letter no., is never part of the 字)."""
    verb = next((v for v in sorted(vocabulary()["references"]["verb_before_word"], key=len, reverse=True)
                 if word.startswith(v) and len(word) > len(v)), None)
    return word[len(verb):] if verb else word


def issuer_by_verb(run: str) -> tuple[str, str] | None:
    """Given an undated citation's run before 字第, return (issuer, 字) when an agency's name stands right before the
    verb 以 (「查本府前以北府人考」: 本府 + 北府人考, 「教育部以臺教學(二)」), else None."""
    verbs = "|".join(map(re.escape, sorted(vocabulary()["references"]["verb_before_word"], key=len, reverse=True)))
    found = list(re.finditer(verbs, run))
    if not found or found[-1].start() == 0 or found[-1].end() == len(run):
        return None
    last, head = found[-1], run[:found[-1].start()]
    issuer = next((head[cut:] for cut in reversed(lead_word_cuts(head)) if is_agency(head[cut:])), None)
    return (issuer, run[last.end():]) if issuer else None


def issuer_before(text: str, start: int, floor: int = 0) -> tuple[str | None, int]:
    """Given text and where a dated citation starts (not before floor), return the issuer written before it and where it starts."""
    window_start = max(floor, start - 40)
    window = text[window_start:start]
    m = ISSUER_RUN.search(window)
    if not m:
        return None, start
    run, offset = m.group(0), window_start + m.start()
    article = list(ARTICLE.finditer(run))
    if article:  # 「…管制要點第七點及內政部營建署」: a regulation's article is cited first, the issuer follows
        run, offset = run[article[-1].end():], offset + article[-1].end()
    opened = max(run.rfind("（"), run.rfind("("))
    if opened >= 0 and not re.search(r"[）)]", run[opened:]):  # 「…辦理（經濟部…函）」: a bracket left open opens a
        run, offset = run[opened + 1:], offset + opened + 1  # note, the name starts after it
    if m.start() > 0 and window[m.start() - 1].isdigit() and run[:1] in MEASURE_WORDS:
        run, offset = run[1:], offset + 1  # 「第13條及臺北市政府」: the run began with the measure word of a number
    for word in sorted(vocabulary()["references"]["before_date"], key=len, reverse=True):
        if run.endswith(word) and len(run) > len(word):
            run = run[: -len(word)]  # 「本會前於」113年…
            break
    aliases = "|".join(map(re.escape, sorted(vocabulary()["references"]["alias_words"], key=len, reverse=True)))
    alias = re.search(rf"[（(](?:{aliases})[^（()）]{{1,12}}[）)]$", run)
    if alias and alias.start() > 0:  # 「客家委員會（下稱客委會）(前於)」113年…: the short name it defines follows the issuer
        run = run[:alias.start()]
    pronoun = next((k for k in (2, 3, 4) if len(run) > k and is_pronoun(run[-k:])), None)
    if pronoun:  # 「本部營建署案陳貴府」: the cited issuer is the 貴府 the run ends with
        return run[-pronoun:], offset + len(run) - pronoun
    for cut in reversed(lead_word_cuts(run)):
        if is_agency(run[cut:]):
            return run[cut:], offset + cut
    return None, start


# a 民國 year in brackets, which older numbers write in the 字 (「(89)府秘四字」, 「經(90)商字」): never part of an issuer
YEAR_IN_BRACKETS = re.compile(r"[(（][\d〇○零一二三四五六七八九十百]{2,4}[)）]")


def split_issuer_word(run: str) -> tuple[str | None, str]:
    """Given an undated citation's run before 字第 (「依行政院院臺法」), return (issuer, 字)."""
    if by_verb := issuer_by_verb(run):
        return by_verb
    options = []  # (the 字 starts with a character of the issuer, after a lead word, issuer length, issuer, 字)
    never_opens = tuple(vocabulary()["references"]["word_never_opens"])
    for cut in lead_word_cuts(run):
        rest = run[cut:]
        for end in range(2, len(rest)):
            issuer, word = rest[:end], rest[end:]
            if is_agency(issuer) and ends_as_full_name(issuer) and not word.startswith(never_opens) \
                    and not YEAR_IN_BRACKETS.search(issuer) \
                    and not re.search(r"\d", issuer):  # a name has no digits: 臺88衛署 is the 字's year and word
                options.append((word[0] in issuer, cut, end, issuer, word))
    if not options:
        return None, run
    *_, issuer, word = max(options)
    return issuer, word


def ends_as_full_name(name: str) -> bool:
    """Given an agency's name split off a 字, return whether it ends as a full name does: an ending that also ends short
    names (會: 工程會, 台區水工會) only as one of the full names' endings (委員會, 公會, 協會), a pronoun (本會) as it is."""
    endings = vocabulary()["agency_suffixes"]
    return (is_pronoun(name) or not name.endswith(tuple(endings["short_name_endings"]))
            or name.endswith(tuple(endings["full_name_endings"])))


def own_agency(own: str | None, kind: str) -> str | None:
    """Given the letter's issuer and the kind a 本 names (本府 → 府), return the agency it means: the issuer up to
    that kind (本府 in a letter of 臺北市政府都市發展局 is 臺北市政府), or the issuer whole."""
    if not own or kind not in own:
        return own
    return own[: own.rindex(kind) + len(kind)]


def resolve_issuer(issuer: str | None, recipient: str | None, own: str | None) -> tuple[str | None, str | None]:
    """Given a cited issuer as written, return (issuer, how it was written) with 貴/鈞/本 resolved."""
    refs = vocabulary()["references"]
    unit = next((k for k in (2, 3, 4) if issuer and len(issuer) > k and is_pronoun(issuer[:k])
                 and issuer[0] == refs["self_prefix"] and is_agency(issuer[k:])), None)
    if unit:  # 「本部營建署」: a unit of the letter's own issuer (unnamed when the letter's issuer is not known)
        head = own_agency(own, issuer[1:unit])
        return (head + issuer[unit:] if head else None), issuer
    if issuer in refs["own_government"]:  # 「市府」: the writer's city or county government, not named
        return None, issuer
    if issuer and is_pronoun(issuer):
        if issuer[0] == refs["self_prefix"]:
            return own_agency(own, issuer[1:]), issuer
        named = recipient and not recipient.startswith(tuple(refs["unnamed_recipients"]))
        return (recipient if named else None), issuer
    if issuer and own and issuer[0] == refs["self_prefix"] and len(issuer) > 2 and own.endswith(issuer[1:]):
        return own, issuer  # 「本協調委員會」: 本 and the tail of the writer's own name
    return issuer, None


def first_joint_issuer(run: str) -> str:
    """Given the issuers a joint (會銜) citation names (「本部與行政院農業委員會」, 「內政部會銜交通部」), return the
    first when it is an agency's name (else the run as it was)."""
    words = "|".join(map(re.escape, vocabulary()["references"]["joint_words"]))
    first = re.split(words, run, maxsplit=1)[0]
    return first if first != run and is_agency(first) else run


def abbreviates(word: str, issuer: str) -> bool:
    """Given a 字 and the agency written before it, return whether the 字 opens with that agency's 代字 (a character of
    its name among the 字's first two, after a bracketed year: 內政部內授消, 教育部臺教師, 臺北市政府(89)府秘四); a 字
    that does not (「臺教國署學」 read as 臺教國署 + 學) is the whole 字 of a citation that names no issuer; a database's
    status mark, an older central number's 臺 and its year before the 代字 (臺85勞安3 of 行政院勞工委員會, 廢(90)台勞保三)
    are skipped."""
    word = YEAR_IN_BRACKETS.sub("", word, count=1)
    marks = "".join(vocabulary()["dispatch"]["status_marks"])
    return any(ch in issuer for ch in word[:2] + re.sub(rf"^[{marks}]?[臺台]?\d{{0,3}}", "", word)[:2])


BOOK_TITLE_NAME = re.compile(r"《(?P<name>[\u4e00-\u9fff]{2,20})》$")  # a name a web page sets in 《》 before the 字
# a note in brackets between the number and the kind (「…第1110121805號(核定)函」, 「…號(撥付)函」): what the letter did
NOTE_BEFORE_KIND = r"[（(][\u4e00-\u9fff]{1,4}[）)]"
# the title of what the cited document issued, in its marks between the number and the kind (「…第10760008991號「火化場
# 撿骨作業流程」公告」): part of the citation, the kind after it
TITLE_BEFORE_KIND = r"(?P<title>「[^「」\n]{2,60}」)"
CODE_LIKE_MAX = 4  # a name this short may be the 字's own code (臺教體署, 主會), not an agency's full name


def strays_from(word: str, issuer: str) -> bool:
    """Given the 字 left after an issuer's name was split off and that name, return whether the split is wrong: the
    rest is one character (a section's bracket after it or not) that is not in a name short enough to be a 字's own
    code — 「主會財」 read as 主會 + 財, 「臺教體署學(一)」 as 臺教體署 + 學(一) — (中華郵政股份有限公司 + 營 stands)."""
    core = re.sub(r"[(（][^)）]*[)）]", "", YEAR_IN_BRACKETS.sub("", word, count=1))
    return len(core) == 1 and core not in issuer and len(issuer) <= CODE_LIKE_MAX


def dated_citation(text: str, m: re.Match, floor: int) -> tuple[int, str | None, object, object] | None:
    """Given text and a dated-citation match, return (start, issuer as written, date, dispatch), or None."""
    groups = m.groupdict()
    # …開會通知單（台內營字第…號）; a number the typist left 號 out of, given it back
    number = groups["dispatch"] or groups.get("after") or (groups["no_hao"] and groups["no_hao"] + "號")
    dispatch = match_to_dispatch(DISPATCH_RE.match(number)) if number else unmarked_number(groups.get("unmarked"))
    if m.group("this_month"):  # 本年: the bracket's year, else the number's (none known: the date stays unknown)
        year = int(m.group("this_year")) if m.group("this_year") else dispatch and dispatch.year
        date = make_date(year, int(m.group("this_month")), int(m.group("this_day"))) if year else None
    else:
        date = match_to_date(DATE_RE.match(m.group("date")))
        if date is None:
            return None
    if (groups.get("named") or groups.get("title")) and dispatch is None:  # 「中華民國111年12月21日總統令」: a date over
        return None  # a title, no citation (nor 「110年3月15日「…會議」會議紀錄」, the meeting's date)
    written, start = issuer_before(text, m.start(), floor)
    start = start if written else private_writer_start(text, start, floor)
    written = written or groups.get("named") or groups.get("agency")  # 「…號總統令」: the issuer after the number
    if written and groups.get("joint"):  # a 會銜 citation: its first issuer is the one its first number belongs to
        written = first_joint_issuer(written)
    if written is None and dispatch and dispatch.word:  # date first: 108年8月8日內政部內授消字第…號函, 本部臺參字
        after, word = split_issuer_word(dispatch.word)
        if after and word and (is_pronoun(after) or len(after) >= 3 and abbreviates(word, after)):
            written = after
            dispatch = match_to_dispatch(DISPATCH_RE.match(word + dispatch.text[len(dispatch.word):]))
    return start, written, date, dispatch


def private_writer_start(text: str, start: int, floor: int) -> int:
    """Given text and where a dated citation naming no issuer starts (not before floor), return where it starts with
    the private person it is by written right before it (「台端97年6月2日信函」: 台端), else start."""
    return next((start - len(word) for word in vocabulary()["references"]["private_writers"]
                 if start - len(word) >= floor and text.startswith(word, start - len(word))), start)


# a 字 is the issuing agency's abbreviation (文書處理手冊: 機關代字), written right after its name: this many characters
WORD_LENGTHS = range(2, 7)


@cache
def unmarked_undated_pattern() -> re.Pattern:
    """Return the pattern of an undated citation whose number leaves out 字, as 財政部 numbered its older letters
    (「財政部臺財稅第820737369號函」, 「…臺財稅第八二0七三七三六九號函」): the characters before 第 that may hold the 字,
    the number, the kind."""
    kinds = sorted(vocabulary()["reference_kinds"]["names"], key=len, reverse=True)
    kind = "(?P<kind>" + "|".join(map(re.escape, kinds)) + ")"
    return re.compile(rf"(?P<run>[\u4e00-\u9fff（）()]{{{WORD_LENGTHS.start},{WORD_LENGTHS.stop - 1}}})(?<!字){_S}第{_S}"
                      rf"(?P<number>{NUMBER}){BRANCH}{_S}號{_S}{kind}")


def unmarked_undated_citation(text: str, m: re.Match, floor: int) -> tuple[int, str, None, DispatchNo] | None:
    """Given text, an unmarked undated match and where the citation before it ended, return (start, issuer as written,
    None, dispatch) when an agency's name (not 本局, 貴府) stands right before a 字 that abbreviates it and is no agency's
    name itself (財政部 + 臺財稅, not 教育部 + 體育署), else None: 「本局第3號公告」 and 「國小第6851號」 cite nothing."""
    run, number = m.group("run"), text[m.end("run"):m.start("kind")].strip()
    for length in range(WORD_LENGTHS.start, len(run) + 1):
        word, at = run[-length:], m.end("run") - length
        written, start = issuer_before(text, at, floor)
        if (written and start + len(written) == at and not is_pronoun(written) and not is_agency(word)
                and abbreviates(word, written)):
            return start, written, None, unmarked_number(word + number)
    return None


def undated_citation(m: re.Match) -> tuple[int, str | None, object, object]:
    """Given an undated-citation match, return (start, issuer as written, None, dispatch)."""
    whole = m.group("word")
    run = whole[whole.rfind("號") + 1:]  # 「…號及聯合社…字第041號函」: a 字 never holds 號, the one before ends there
    run = run.lstrip("".join(vocabulary()["references"]["shared_kind_joins"])) if len(run) < len(whole) else run
    written, word = split_issuer_word(run)
    book = None
    if written and strays_from(word, written) or not written:  # 「主會財」 is one 字, not 主會 + 財; what leads it
        written, word = None, run[lead_word_cut(run):]  # (「依據」, 「及」) no part of it
        book = BOOK_TITLE_NAME.search(m.string, 0, m.start()) if word == run else None
        book = book if book and is_agency(book.group("name")) else None  # 「依《中區國稅局》中區國稅四字…號函」
    if (shaped := DATE_SHAPED.match(word)) and shaped.end() < len(word):
        word = word[shaped.end():]
    start = m.start() + len(whole) - len(run) + (run.rfind(written) if written else len(run) - len(word))
    if book:  # the issuer in book-title marks right before the 字
        written, start = book.group("name"), book.start()
    if not written and (same := same_day_pattern().match(word)) and same.end() < len(word):
        start += same.start("same")  # 「及同日金管證二字第…號函」: the join is no part of it, 同日 is (its date: the one before)
        word = word[same.end():]
    if not written and word.startswith("日") and (lost := re.search(r"\d{4,7}$", m.string[:m.start()])):
        word, start = word[1:], lost.start()  # 「、8772日台(87)人(二)字第…號書函」: 日 ends a date that lost its 年 and 月
    dispatch = match_to_dispatch(DISPATCH_RE.match(word + m.group("dispatch")[len(whole):]))
    return start, written, None, dispatch


# a citation dated in the year of the one before it (「…(90)法律決字第048924號及同年5月28日(90)法律字第016818號函」)
SAME_YEAR_DATE = re.compile(r"同年(?P<m>\d{1,2})月(?P<d>\d{1,2})日")


@cache
def same_day_pattern() -> re.Pattern:
    """Return the pattern of what opens a citation issued the day (or in the year) of the one before it: a joining
    word, then 同日 (or 同年 and its month and day)."""
    refs = vocabulary()["references"]
    joins, same = ("|".join(map(re.escape, refs[key])) for key in ("joint_words", "same_day"))
    return re.compile(rf"(?:{joins})?(?P<same>{same}|{SAME_YEAR_DATE.pattern})")


@cache
def kind_lengths() -> tuple[int, ...]:
    """Return the lengths of the kinds a cited document can be, longest first."""
    return tuple(sorted({len(k) for k in vocabulary()["reference_kinds"]["names"]}, reverse=True))


def dated_matches(text: str) -> list[re.Match]:
    """Given text, return its dated citations in order; a match whose 字 holds a date of its own (「六十八年一月十五日
    以前（依照內政部六十八年一月十五日台內營字…函」) gives way to the citation that starts at that inner date, after
    the date and kind it opens with where they are one (「…113年1月2日函釋示略以（本府113年2月6日…號函計達）」)."""
    dated, found, at = citation_patterns()[0], [], 0
    while m := dated.search(text, at):
        inner = DATE_RE.search(m.group("dispatch") or "")
        if inner:
            if outer := next((o for n in kind_lengths() if (o := dated.match(text, m.start(), m.start("dispatch") + n))
                              and not o.group("dispatch")), None):
                found.append(outer)
            at = max(at + 1, m.start("dispatch") + inner.start())
            continue
        found.append(m)
        at = m.end()
    return found


@cache
def shared_kind_pattern() -> re.Pattern:
    """Return the pattern of a dated citation without its kind, joined to the next one (「農業部113年4月19日農農保字第
    1132607835號及本府…號函」): the text before the next citation ends with it."""
    joins = "|".join(map(re.escape, vocabulary()["references"]["shared_kind_joins"]))
    verb = "|".join(map(re.escape, vocabulary()["references"]["before_number"]))  # 「…日以…號及…號函」: 以 the verb
    date = rf"\d{{2,3}}{_S}年{_S}\d{{1,2}}{_S}月{_S}\d{{1,2}}{_S}日"  # as written: a misprinted one is still its date's place
    return re.compile(rf"(?P<date>{date}|{DATE_RE.pattern}){_S}(?:(?:{verb}){_S})?(?P<dispatch>{DISPATCH_RE.pattern}){_S}"
                      rf"(?:{joins}){_S}$")


def shared_kind_citation(text: str, start: int, floor: int) -> tuple[int, int, str | None, object, object] | None:
    """Given text and where a citation starts (not before floor), return the citation joined before it that shares
    its kind — (start, end, issuer as written or None, date, dispatch) — when one ends right before it."""
    m = shared_kind_pattern().search(text, floor, start)
    if not m:
        return None
    written, at = issuer_before(text, m.start(), floor)
    return at, m.end("dispatch"), written, match_to_date(DATE_RE.match(m.group("date"))), match_to_dispatch(
        DISPATCH_RE.match(m.group("dispatch")))


def is_joined(gap: str) -> bool:
    """Given the text between two citations, return whether it only joins them (及, 、, 暨), a bracketed note on the one
    before aside (「…號令(如附影本)、同年月日…號函」)."""
    return re.sub(r"[（(][^（()）]*[）)]", "", gap).strip(" ，,") in vocabulary()["references"]["joint_words"]


def short_names(text: str) -> dict[str, str]:
    """Given text, return the short names it gives agencies (「公務人員保障暨培訓委員會（下稱保訓會）」: 保訓會 →
    its full name), so a later citation by the short name names the agency in full."""
    aliases = "|".join(map(re.escape, sorted(vocabulary()["references"]["alias_words"], key=len, reverse=True)))
    names = {}
    for m in re.finditer(rf"[（(](?:{aliases})(?P<short>[^（()）]{{1,12}})[）)]", text):
        full, _ = issuer_before(text, m.end())
        if full and full != m.group("short") and not is_pronoun(full):
            names.setdefault(m.group("short"), full)
    return names


@cache
def elided_number_pattern() -> re.Pattern:
    """Return the pattern of a number joined to the citation before it without its 字 (「…字第10200242611號函及
    10200242612號函」, 「…號函及第1140498338A號函」: the same 字, the same date)."""
    kinds = sorted(vocabulary()["reference_kinds"]["names"], key=len, reverse=True)
    joins = "|".join(map(re.escape, vocabulary()["references"]["shared_kind_joins"]))
    return re.compile(rf"{_S}(?:{joins}){_S}(?P<cited>(?:第{_S})?(?P<number>\d{{5,12}}[A-Z]?))號{_S}"
                      rf"(?P<kind>{'|'.join(map(re.escape, kinds))})")


def elided_number(text: str, end: int, dispatch: DispatchNo | None) -> tuple[int, int, str, DispatchNo] | None:
    """Given text, where a citation ends and its 發文字號, return a number joined right after it that leaves out the
    字 (the series an agency numbers one day's letters in) as (start, end, kind, its 發文字號 in full), else None."""
    m = elided_number_pattern().match(text, end)
    if not m or dispatch is None or not dispatch.word:
        return None
    full = match_to_dispatch(DISPATCH_RE.fullmatch(f"{dispatch.word}字第{m.group('number')}號"))
    return (m.start("cited"), m.end(), m.group("kind"), full) if full else None


SUBAGENCY_MIN = 2  # characters a subordinate agency's 字 adds to its parent's opening (臺教 + 國署: 國教署's 臺教國署學)


def same_agency_word(first: DispatchNo | None, second: DispatchNo | None) -> bool:
    """Given the 發文字號 of a citation and of the one joined after it, return whether the second's 字 can be the same
    agency's: not when the part naming its agency (agency_code) is the first one's without the two or more characters
    a subordinate agency adds — the parent agency's (臺教學(五) after 臺教國署學: 教育部's own, not 國教署's; 臺教文(二)
    after 臺教授國部 is 教育部's, as that one is); any other 字 can be (台內營 and 內授營建管 are both 內政部's, so are
    台財稅發 and 台財稅; the year an older 字 holds aside, 台82人政 and 台84人政考), and so can an unknown one."""
    if not (first and first.word and second and second.word):
        return True
    a, b = (agency_code(d.word) for d in (first, second))
    return not (len(a) - len(b) >= SUBAGENCY_MIN and a.startswith(b))


def agency_code(word: str) -> str:
    """Given a 字, return the part of it that names its agency: without brackets and the year some 字 hold (台82人政),
    up to the mark of a letter issued on a higher agency's authority when it has one (臺教授國部 → 臺教: 教育部's, as
    授權發文 writes the authorizing agency's code before 授), else without its last character (a division's: 臺教國署學
    → 臺教國署)."""
    plain = re.sub(r"[（(][^）)]*[）)]|\d", "", word)
    marks = [plain.find(m) for m in vocabulary()["references"]["authority_marks"] if plain.find(m) > 0]
    return plain[:min(marks)] if marks else plain[:-1]


def points_back(before: str, kind: str, date, dispatch, cited: list[Reference], joined: bool = False) -> bool:
    """Given the text before a citation, its kind, date and 發文字號, the references found before it and whether it is
    joined to a citation pointing back (「上開…函及111年10月3日函」), return whether it names one of those again
    (「上開90年12月14日令」: a back word or that join, no number, an earlier one's date)."""
    back = tuple(vocabulary()["references"]["back_words"])
    return (dispatch is None and date is not None and (joined or before.rstrip().endswith(back))
            and any(r.kind == kind and r.date == date for r in cited))


@cache
def quoted_reply() -> re.Pattern:
    """Return the pattern of the words introducing another agency's answer a letter passes on (「經交據交通部查復如下」)."""
    return re.compile(vocabulary()["references"]["quoted_reply"])


def answer_speakers(text: str) -> list[tuple[int, str | None]]:
    """Given text, return where each answer it passes on begins and whose it is (None: agencies left unnamed)."""
    unnamed = vocabulary()["references"]["unnamed_speakers"]
    return [(m.end(), None if m.group("agency") in unnamed else m.group("agency")) for m in quoted_reply().finditer(text)]


def named_before(text: str, start: int, kind: str, cited: list[Reference]) -> str | None:
    """Given text, where a citation by 該 + kind starts (該部), that kind and the references found before it, return the
    nearest agency of that kind the text names before it by name: a cited issuer written by its name, a name after a
    lead word (「函轉法務部意見」) or one sending a letter (「轉知教育部函」, 「臺北市政府警察局來函」) — never the writer
    itself (本局), nor a word that merely ends so (內部控制, 研商會議); None when there is none."""
    refs = vocabulary()["references"]
    by_name = {r.issuer for r in cited if r.issuer and r.issuer_from is None}
    leads = tuple(refs["lead_words"] + refs["lead_verbs"])
    at = start
    while (at := text.rfind(kind, 0, at)) >= 0:
        name, name_start = issuer_before(text, at + len(kind))
        if name and (alias := max((name.rfind(w) + len(w) for w in refs["alias_words"] if w in name), default=0)):
            name = name[alias:]  # 「（以下簡稱人事總處）」: the short name it gives, which stands for the full one
        if (name and len(name) > len(kind) + 1 and not is_pronoun(name) and not is_third_party(name)
                and (name in by_name or text[:name_start].endswith(leads)
                     or text.startswith(tuple(refs["sender_marks"]), at + len(kind)))):
            return name
    return None


def same_word_issuers(refs: list[Reference]) -> list[Reference]:
    """Given references, return them with an issuer given to each that names none when another names its issuer and
    has the same 字 and year (the 字 is the issuing agency's code that year — a reorganised agency's successor may keep
    it: 「本(108)年…海科技字第…號令」 and 「海洋委員會…海科技字第…號函」; not a 字 every county's government opens so,
    府教學)."""
    generic = tuple(vocabulary()["references"]["generic_word_openers"])

    def key(r: Reference) -> tuple | None:
        word = r.dispatch_no.word if r.dispatch_no else None
        return (word, r.dispatch_no.year) if word and not word.startswith(generic) else None
    by_word = {}
    for r in refs:
        if r.issuer and key(r):
            by_word.setdefault(key(r), r.issuer)
    return [replace(r, issuer=by_word[key(r)]) if r.issuer is None and r.issuer_from is None and key(r) in by_word
            else r for r in refs]


@cache
def certificate_label() -> re.Pattern:
    """Return the pattern of a certificate's number label closing the text before a citation (「立案證書字號：」:
    vocabulary.toml [references] certificate_labels)."""
    labels = "|".join(map(re.escape, vocabulary()["references"]["certificate_labels"]))
    return re.compile(rf"(?:{labels})[ \t]*[:：][ \t]*$")


def certificate_number(text: str, start: int) -> bool:
    """Given text and where a citation starts, return whether it is the number of a body's certificate given as a
    labelled value (「立案證書字號：台（六九）高字第二六九三八號函」): it names the body, no document the text rests on."""
    return bool(certificate_label().search(text, max(0, start - 20), start))


def find_references(text: str, recipient: str | None = None, issuer: str | None = None) -> list[Reference]:
    """Given 主旨/說明 text (and the letter's recipient and issuer), return the documents it cites, in order (a cited
    issuer written by the short name the text gave it, 「保訓會」, named in full)."""
    text = text or ""
    short = short_names(text)
    dated, undated = citation_patterns()
    found = []  # (start, end, kind, issuer as written, date, dispatch)
    masked, floor = list(text), 0
    for m in dated_matches(text):
        cited = dated_citation(text, m, floor)
        if cited:
            found.append((cited[0], m.end(), m.group("kind"), *cited[1:]))
            masked[cited[0]:m.end()] = MASK * (m.end() - cited[0])
        floor = m.end()
    for m in kindless_pattern().finditer("".join(masked)):
        cited = dated_citation(text, m, max((f[1] for f in found if f[1] <= m.start()), default=0))
        if cited:
            found.append((cited[0], m.end("dispatch"), None, *cited[1:]))
            masked[cited[0]:m.end()] = MASK * (m.end() - cited[0])
    for m in year_only_pattern().finditer("".join(masked)):
        cited = year_only_citation(text, m, max((f[1] for f in found if f[1] <= m.start()), default=0))
        found.append((cited[0], m.end(), m.group("kind"), *cited[1:]))
        masked[cited[0]:m.end()] = MASK * (m.end() - cited[0])
    for m in undated.finditer("".join(masked)):
        cited = undated_citation(m)
        found.append((cited[0], m.end(), m.group("kind"), *cited[1:]))
        masked[cited[0]:m.end()] = MASK * (m.end() - cited[0])
    for m in unmarked_undated_pattern().finditer("".join(masked)):
        if cited := unmarked_undated_citation(text, m, max((f[1] for f in found if f[1] <= m.start()), default=0)):
            found.append((cited[0], m.end(), m.group("kind"), *cited[1:]))
    for _, end, _, _, date, dispatch in list(found):  # 「…第10200242611號函及10200242612號函」: the 字 and date once
        if elided := elided_number(text, end, dispatch):
            at, stop, named, full = elided
            found.append((at, stop, named, None, date, full))
    floor = 0  # 「…號、…號及…號函」: the kind written once, after the last of the joined citations, is each one's
    for start, end, kind, *_ in sorted(found, key=lambda f: f[0]):
        at = start
        while joined := shared_kind_citation(text, at, floor):  # back along the chain to the one naming the issuer
            found.append((joined[0], joined[1], kind, *joined[2:]))
            if joined[2] is not None or joined[0] >= at:
                break
            at = joined[0]
        floor = end
    refs, seen, before = [], set(), None  # before: (where the last citation ended, its issuer, date, 發文字號)
    speakers = answer_speakers(text)  # an answer passed on speaks as its agency: its 本部 is that agency
    back_end = None  # where the last citation pointing back at an earlier one ended
    for start, end, kind, written, date, dispatch in sorted(found, key=lambda f: f[0]):
        joined_back = back_end is not None and written is None and is_joined(text[back_end:start])
        if points_back(text[:start], kind, date, dispatch, refs, joined_back):  # (「上開…3月17日函及10月3日函」)
            back_end = end
            continue
        if certificate_number(text, start):
            continue
        own = next((agency for at, agency in reversed(speakers) if at <= start), issuer)
        cited_issuer, written_as = resolve_issuer(written, recipient, own)
        if written and is_third_party(written):  # 該部: the agency of that kind named before
            cited_issuer, written_as = named_before(text, start, written[1:], refs), written
        cited_issuer = short.get(cited_issuer, cited_issuer)
        if written is None and before and is_joined(text[before[0]:start]) and (
                same_agency_word(before[3], dispatch) or before[3] is None and dispatch is None):
            cited_issuer = before[1]  # 「教育部…號函及105年8月12日…號函」 (「…3月17日函及10月3日函」, no number in either):
            # the second has the first's issuer
            if date is None and text.startswith(tuple(vocabulary()["references"]["same_day"]), start):
                date = before[2]  # 「…號令及同日…號函」: issued the day of the one before
            elif date is None and before[2] and (same_year := SAME_YEAR_DATE.match(text, start)):
                date = make_date(int(before[2].iso[:4]), int(same_year.group("m")), int(same_year.group("d")))
        before = (end, cited_issuer, date, dispatch)
        identity = (cited_issuer, kind, date and date.iso, dispatch and dispatch.text)
        if identity in seen:
            continue  # cited again (in 主旨 and in 說明): one document, one reference
        seen.add(identity)
        refs.append(Reference(text=text[start:end].strip(), kind=kind, issuer=cited_issuer, issuer_from=written_as,
                              date=date, dispatch_no=checked_by_date(dispatch, date.year if date else None)))
    return same_word_issuers(refs)
