"""What a publisher printed around a letter (data/publishers.toml): a law database's notes (要旨, 資料來源, 編註),
a site's menus and footers. A stage before the letter's fields are read: clean text → the letter's own text."""
from __future__ import annotations

import re
from functools import cache

from pipeline.parse.dates import CN_RUN, DATE_RE, in_roc_years, whole_date
from pipeline.parse.division import is_unit_name
from pipeline.parse.doc_types import ISSUER_TYPE, body_keys, header_keys, type_names
from pipeline.parse.items import ANY_MARKER
from pipeline.parse.labels import label_regex
from pipeline.parse.publisher_table import publisher_table
from pipeline.parse.title_line import title_match
from pipeline.vocabulary import vocabulary

NOTE, FILE_LIST = "note", "files"  # a running note, and one that lists a post's files (附件下載): prose is none of it
PROSE_MARKS = re.compile("[。，]")
COLON = re.compile("[:：]")
SENTENCE_END = "。"  # in text run together on one line, a label may follow a sentence's end
GLUED_MIN = 4  # a post field 「發佈日期」, 「公告類別」: long enough that a line opening with it is that field
GLUED_VALUE_MAX = 40  # its value glued on is a field's (a date, a unit, a name), no clause of a sentence
TAB_MAX = 12  # a board tab's name in a post row's first cell (「歷史訊息」) is a short phrase
CARD_WORD = "聯絡資訊"  # an office's contact card: over the letter's own labels (說明：) a post's empty field, no card
POST_TITLE_MAX = 160  # a post's title field (「公告主旨」) with its title glued on, a citation of the relayed letter in it
SIGN_OFF_MAX = 2  # a footer line this short is a sign-off word alone (敬上), its unit on the line before
ROW_CELL = re.compile(r"[ \t]*/[ \t]*(?:張貼者|張貼人)")  # a post row's cell printed on a line of its own (「/ 張貼者」)
FIRST_ARTICLE = re.compile(r"第[ \t]*[一1][ \t]*條(?![之條規所及、，])\S")  # a rule's first article, its text run on
RULE_NAME_MAX = 40  # characters: a regulation's name is short
TABLE_ROW = re.compile(r"\S[ \t]*[|｜][ \t]*\S")  # a row of a web page's table as the text shows it: cells between |
SHORT_NAME = re.compile(r"[\u4e00-\u9fff]{2,12}")  # a unit's name: Chinese only, no punctuation
SIGNED_OFF = re.compile(r"(?:敬上|謹上|敬啟|啟)[ \t]*$")  # a notice's sign-off ends so (「環境安全衛生中心 啟」)
FILE_CAPTION = re.compile(r"如附件[-－：:]?[^。，\n]{0,20}")  # a caption pointing at the files posted (「如附件-公文」)
TEXT_LABEL = "全文內容："  # how a database's label before the letter's text is written for the label finder
ISSUER_LABEL = "發文機關："  # … and a law database's 發布機關 over the document's date and number (issued_over_date)
ANNOUNCEMENT_LABEL = "公告事項："  # … and a 公告's points under its 依據 (publishers.toml [text] announcement)


def labels_regex(labels: list[str]) -> str:
    """Given labels, return one alternation of them, longest first, each taking inner spaces."""
    return "|".join(label_regex(v) for v in sorted(labels, key=len, reverse=True))


FILE_TYPES = r"(?i:pdf|odt|ods|odp|docx?|xlsx?|pptx?|zip|rar|7z)\b"  # a posted file's name ends so


@cache
def patterns() -> dict[str, re.Pattern]:
    """Return the patterns of the table: note labels (running and one-line), text labels, furniture lines,
    prefixes and suffixes, footer lines, and any label of a letter at a line's start."""
    table = publisher_table()
    notes, text = table["notes"], table["text"]["labels"]
    letter_labels = [v for variants in vocabulary()["labels"].values() for v in variants]
    site_keys = set(table["furniture"]["site_footer_labels"])
    site_labels = [v for key in site_keys for v in vocabulary()["labels"][key]]
    not_site_labels = [v for k, variants in vocabulary()["labels"].items() if k not in site_keys for v in variants
                       if v not in site_labels]
    colon = r"[ \t]*(?:[:：]|$)"
    cell = rf"[【\[]?(?:{labels_regex(notes['line'])})[】\]]?[ \t]*[:：]?[ \t]*"  # a post row's cell: its label
    bar = r"[ \t]*[|｜][ \t]*"
    # a letter's label (發文機關, 發文日期, 主旨, 說明 …) and its colon: a post row's last cell never runs over it (a page
    # run together on one line: 「… | 更新日期:2019-11-11 發布單位:食品組 發文機關:衛生福利部 …」, 「… | 發佈單位: 農業處
    # 主旨：轉知…」)
    letter_labels = [v for k in (*header_keys(), *body_keys()) for v in vocabulary()["labels"][k]]
    head = rf"(?:{labels_regex(letter_labels)})[ \t]*[:：]"
    value = rf"[^|｜\n。，]{{0,{GLUED_VALUE_MAX}}}?"
    return {
        # a board's post fields in bar-separated cells, two or more (「發布日期 … | 發佈單位: … | 瀏覽人數: 114人」), and the
        # pin tag after them (「《置頂》」); the row's other cells with them, a tab's name before (「歷史訊息 |」, after a
        # sentence's end or at the line's start) and fields after it to the line's end (「| 聯絡資訊: 農 04-…」)
        "post_row": re.compile(rf"(?:(?:^|(?<=[。！？]))[ \t]*(?:[^|｜\n。，]{{1,{TAB_MAX}}}{bar})+)?"
                               rf"{cell}{value}(?:{bar}{cell}{value})*{bar}{cell}"
                               rf"(?:{notes['row_last_value']}|(?:(?!{head})[^|｜\n])*$)(?:[ \t]*{notes['pin']})*"
                               rf"(?:(?:{bar}[^|｜\n。，]{{1,{GLUED_VALUE_MAX}}})+$)?"),
        "head": re.compile(head),
        # a furniture row ending with a one-line note's label and no value (「一般公告 / 張貼者」)
        "label_last": re.compile(rf"(?:{labels_regex(notes['line'])})[ \t]*[:：]?[ \t]*$"),
        "file_list": re.compile(rf"[【\[]?(?:{labels_regex(notes['file_lists'])})"),
        # (a file list's label may have its first file on its line: 「附加檔案 ○○報告.pdf」, a name, no sentence or address;
        # a label may carry a short note in brackets: 「檔案下載(或附件)」)
        "running": re.compile(rf"(?:^|(?<={SENTENCE_END}))(?:【(?:{labels_regex(notes['running'])})】[ \t]*[:：]?|"
                              rf"\[?(?:{labels_regex(notes['running'])})\]?(?:[（(][^（()）\n]{{1,6}}[）)])?{colon}|"
                              rf"(?:{labels_regex(notes['file_lists'])})[ \t]*(?=[^\n，。；：:/請]{{1,60}}\.{FILE_TYPES}))"),
        # a site's post-field table (field name, value) flattened to one line loses the space between them once
        # normalised: a field name of GLUED_MIN characters or more still opens the line with its value glued on (not
        # a law database's longer label 「公布日期文號」, whose value is the document's citation), a short value without
        # a sentence's punctuation (a letter's wrapped line 「發布日期及場次另行通知。」 is the letter's)
        "line": re.compile(rf"^(?:[【\[]?(?:{labels_regex(notes['line'])})[】\]]?(?:[ \t]*[:：]|[ \t]+|$)|"
                           rf"(?:{labels_regex([v for v in notes['line'] if len(v) >= GLUED_MIN] + notes['glued'])})"
                           rf"(?=\S)(?!文號)"
                           rf"(?=[^。，,；;\n]{{1,{GLUED_VALUE_MAX}}}$)|"
                           rf"(?:{labels_regex(notes['post_titles'])})(?=[^\n]{{1,{POST_TITLE_MAX}}}$))"),
        # (its numbers in digits or in Chinese numerals, 「中華民國九十年九月卅日」)
        "own_date": re.compile(rf"(?:{labels_regex(notes['own_date'])})[ \t]*[:：][ \t]*中華民國[ \t]*(?:\d{{2,3}}|{CN_RUN})"
                               rf"[ \t]*年[ \t]*(?:\d{{1,2}}|{CN_RUN})[ \t]*月[ \t]*(?:\d{{1,2}}|{CN_RUN})[ \t]*日"),
        "dated_over_number": re.compile(rf"^(?:{labels_regex(notes['dated_over_number'])})[ \t]*[:：]"),
        "issued_over_date": re.compile(rf"^(?:{labels_regex(notes['issued_over_date'])})[ \t]*[:：]"),
        "dated_alone": re.compile(rf"(?:{labels_regex(notes['dated_over_number'])})[ \t]*[:：]?"),
        "number_label": re.compile(rf"^(?:{labels_regex(vocabulary()['labels']['dispatch_no'])})[ \t]*[:：]"),
        "below": re.compile(rf"(?:{labels_regex(notes['below'])}){colon}[ \t]*$"),
        "next_line": re.compile(rf"^(?:{labels_regex(notes['next_line'])}){colon}[ \t]*$"),
        # a text label of GLUED_MIN characters or more may stand before the text's first item with no colon (a
        # document board's 「文件內容 一、依據…」, the space closed once normalised)
        "announcement": re.compile(rf"^[ \t]*(?:{labels_regex(table['text']['announcement'])})[ \t]*[:：]"),
        "basis": re.compile(rf"^[ \t]*(?:{labels_regex(vocabulary()['labels']['basis'])})[ \t]*[:：]"),
        "text": re.compile(rf"^(?:[【\[]?(?:{labels_regex(text)})[】\]]?{colon}|"
                           rf"(?:{labels_regex([v for v in text if len(v) >= GLUED_MIN])})(?=[ \t]*(?:{ANY_MARKER.pattern})))"
                           rf"[ \t]*"),
        "label": re.compile(rf"(?:{labels_regex(letter_labels)})[ \t]*[:：]"),
        "empty_label": re.compile(rf"[ \t]*(?:{labels_regex(letter_labels)})[ \t]*[:：]?[ \t]*"),
        "subject": re.compile(rf"(?:{labels_regex(vocabulary()['labels']['subject'])})[ \t]*[:：]"),
        "furniture": re.compile("|".join(f"(?:{p})" for p in (*table["furniture"]["lines"],
                                                                *table["furniture"]["breadcrumbs"]))),
        "breadcrumb": re.compile("|".join(f"(?:{p})" for p in table["furniture"]["breadcrumbs"])),
        "prefix": re.compile("^(?:" + "|".join(table["furniture"]["prefixes"] + [notes["pin"]]) + ")[ \t]*"),
        "suffix": re.compile("[ \t]*(?:" + "|".join(table["furniture"]["suffixes"]) + ")$"),
        "title_suffix": re.compile("[ \t]*(?:" + "|".join(table["furniture"]["title_suffixes"]) + ")$"),
        "footer": re.compile("|".join(f"(?:{p})" for p in table["furniture"]["footer"])),
        "end": re.compile("|".join(f"(?:{p})" for p in table["furniture"]["end"])),
        "site_footer": re.compile("|".join(f"(?:{p})" for p in table["furniture"]["site_footer"])),
        # a letter's label other than the contact labels a site's footer carries (its address and phone)
        "not_site_label": re.compile(rf"(?:{labels_regex(not_site_labels)})[ \t]*[:：]"),
        "address": re.compile(rf"(?:{labels_regex(vocabulary()['labels']['address'])})[ \t]*[:：]"),
        # a row a site's footer opens with a contact label (「住址：…」, 「電話：…」, 「服務信箱：…」)
        "site_row": re.compile(rf"^[ \t]*(?:{labels_regex(site_labels + table['furniture']['site_footer_words'])})[ \t]*[:：]"),
        "echo": re.compile("|".join(f"(?:{p})" for p in table["furniture"]["echoes"])),
        "region": re.compile("|".join(f"(?:{p})" for p in table["furniture"]["region"])),
        "site_name": re.compile("|".join(f"(?:{p})" for p in table["furniture"]["site_names"])),
        "regulation_page": re.compile(rf"^(?:{labels_regex(table['regulation']['page'])})[ \t]*[:：]"),
        "article": re.compile(table["regulation"]["heading"]),
        "history_line": re.compile(rf"(?:{DATE_RE.pattern})[^\n。，]{{2,40}}?號[\u4e00-\u9fff]{{0,2}}?"
                                   rf"(?:{'|'.join(map(re.escape, vocabulary()['history']['actions']))})+"),
        "law_row": re.compile(rf"^(?:{labels_regex(table['regulation']['rows'])})[ \t]*(?:[:：]|$)"),
        "rule_caption": re.compile(rf"[ \t]*(?:{labels_regex(table['regulation']['text_captions'])})[ \t]*[:：]?[ \t]*"),
        "first_point": re.compile(table["regulation"]["first_point"]),
        "ruling_mark": re.compile(table["regulation"]["ruling_mark"]),
    }


def has_bar(line: str) -> bool:
    """Given a line, return whether it holds a cell bar (「|」, 「｜」), as every board's post row does (patterns()
    ["post_row"] sets a bar between its cells): a line without one holds no row."""
    return "|" in line or "｜" in line


def opens_field(line: str) -> bool:
    """Given a line, return whether it opens a field: it holds a letter's label, or opens with a note's or a text
    label."""
    p = patterns()
    return bool(p["label"].search(line) or p["running"].match(line) or p["line"].match(line) or p["text"].match(line)
                or p["next_line"].match(line))


def holds_letter_label(line: str, key: str = "label") -> bool:
    """Given a line, return whether it holds a letter's label (of the pattern `key`: any label, or one a site's footer
    does not carry) and is no publisher's one-line note (「最後更新日期：2023/05/03」 holds 日期： but is the site's) nor
    a text label alone (「內容：」)."""
    p = patterns()
    return bool(p[key].search(line)) and not p["line"].match(line) and not p["text"].fullmatch(line.strip())


def site_footer_above(lines: list[str], at: int) -> int:
    """Given lines and where a site's copyright line stands, return where its footer starts: from the agency's address
    in the lines right above it (「地址：970花蓮縣… 電話：03-8227171」 over 「服務時間：…」 over 「© 2023 花蓮縣政府 版權所有」),
    which hold no label of a letter but the address, phone, fax and e-mail a footer carries, no item and no sentence's
    end; the copyright line itself when there is no address above it."""
    p, start = patterns(), at
    while (start > 0 and not p["not_site_label"].search(lines[start - 1])
           and not ANY_MARKER.match(lines[start - 1].lstrip()) and not lines[start - 1].rstrip().endswith("。")):
        start -= 1
    return next((i for i in range(start, at) if p["address"].search(lines[i])), at)


def is_letter_text(line: str) -> bool:
    """Given a line, return whether it is a letter's: it holds a label, opens a numbered item or ends a sentence."""
    return holds_letter_label(line) or bool(ANY_MARKER.match(line.lstrip()) or line.rstrip().endswith("。"))


def is_card_row(line: str) -> bool:
    """Given a line under a unit's name, return whether it can be a row of the site's contact card: empty, a contact
    row a footer carries (地址, 電話, 傳真, e-mail, 聯繫方式), a one-line note (「最後更新時間：2024-11-21」) or furniture."""
    p = patterns()
    return not line.strip() or bool(p["site_row"].match(line) or p["line"].match(line)
                                    or p["furniture"].fullmatch(line) or p["footer"].fullmatch(line))


def contact_card_start(lines: list[str]) -> int:
    """Given lines, return where a site's contact card closing the page starts: a unit's name alone on its line
    (「苗栗縣政府教育處學前教育科」) under the letter's text (a label, an item, a sentence's end; not under a colon
    introducing it, 「…寄送至下列單位：」, which makes it the letter's), over rows that are all
    the card's (is_card_row) to the page's end, a contact row among them (地址, 傳真) — a letter prints those in its
    head, never under its text (len(lines) when there is none)."""
    p, rows = patterns(), card_rows_start(lines)
    # (the card's rows run to the page's end and hold a contact row: only a line over the last such row, the first
    # card row or one below it, can be the unit's name heading them)
    contact = max((i for i in range(rows, len(lines)) if p["site_row"].match(lines[i])), default=-1)
    for i in range(max(rows - 1, 0), contact):
        above = next((l.strip() for l in reversed(lines[:i]) if l.strip()), "")
        if is_unit_name(lines[i]) and any(is_letter_text(l) for l in lines[:i]) and not above.endswith(("：", ":")):
            return i
    return len(lines)


def card_rows_start(lines: list[str]) -> int:
    """Given lines, return where the lines that can all be a contact card's rows (is_card_row) to the end start
    (len(lines) when the last line cannot)."""
    start = len(lines)
    while start > 0 and is_card_row(lines[start - 1]):
        start -= 1
    return start


def footer_start(lines: list[str]) -> int:
    """Given lines, return where the site's footer starts: the first footer line after which no line opens a
    field of the letter nor a numbered item — with a web page's table right over it (table_rows_above) — (len(lines)
    when there is none)."""
    p, start = patterns(), len(lines)
    ends = [i for i, line in enumerate(lines) if p["end"].fullmatch(line) and any(is_letter_text(l) for l in lines[:i])
            and not (CARD_WORD in line and any(holds_letter_label(after, "not_site_label") for after in lines[i + 1:]))]
    if ends:  # a card or list whose own labels follow (an office's 聯絡資訊: its phone and address), below the letter
        lines, start = lines[:ends[0]], ends[0]
    if (card := contact_card_start(lines)) < len(lines):  # a unit's name over its address and fax rows
        lines, start = lines[:card], card
    site = [i for i, line in enumerate(lines) if p["site_footer"].fullmatch(line) and not p["not_site_label"].search(line)
            and not any(holds_letter_label(after, "not_site_label") or p["text"].match(after) for after in lines[i + 1:])]
    if site:  # a government site's copyright line under or over the agency's address and phone (a page run together
        # on one line, the letter's labels before its copyright, is the letter's line: its notes cut it)
        start = site_footer_above(lines, site[0])
        lines = lines[:start]
    outermost = next((m.lastgroup for line in lines if (m := ANY_MARKER.match(line.lstrip()))), None)
    for i in range(len(lines) - 1, -1, -1):
        if holds_letter_label(lines[i]) or p["text"].match(lines[i]):
            break
        if p["footer"].fullmatch(lines[i]):
            start = i
        elif (m := ANY_MARKER.match(lines[i].lstrip())) and m.lastgroup == outermost:
            break  # an item of the letter's list under a footer-like line (「…關心您」 over 「三、請各班導師…」): it goes on
            # (a picture widget's numbered captions under 「相關圖片」 are no such item)
    if start < len(lines) and 0 < start and len(lines[start]) <= SIGN_OFF_MAX and SHORT_NAME.fullmatch(lines[start - 1]):
        start -= 1  # 「人事室」 / 「敬上」: a sign-off set apart by columns begins on the line before
    elif start < len(lines) and SIGNED_OFF.search(lines[start]):
        signer = start - 1 if start > 0 and is_unit_name(lines[start - 1].strip()) else start  # (the body signing it)
        if signer > 0 and FILE_CAPTION.fullmatch(lines[signer - 1].strip()):
            start = signer - 1  # 「如附件-公文」 / 「國立台中科技大學」 / 「環境安全衛生中心 啟」: a file caption over the
            # school's name and the office's sign-off is the sign-off's, and so is the name under it
    elif ends and start == len(lines) and start > 0 and SHORT_NAME.fullmatch(lines[start - 1]):
        start -= 1  # 「學務處」 / 「聯絡資訊」: the office's name heads its card
    return table_rows_above(lines, start) if start < len(lines) else start


def table_rows_above(lines: list[str], at: int) -> int:
    """Given lines and where the site's footer starts, return where it starts with a web page's table right over it (a
    side box of links: 「專區概念 | 消防災館」 over its text and its row 「防災虛擬體驗館2.0 | 消防防災e點通APP」), its first
    row under the letter's sentence ended outside it (「…（如附檔）。」), no label or item of a letter from there on; at
    when there is none."""
    start = at
    while start > 0 and not (holds_letter_label(lines[start - 1]) or ANY_MARKER.match(lines[start - 1].lstrip())):
        start -= 1
    return next((i for i in range(max(start, 1), at)
                 if TABLE_ROW.search(lines[i]) and lines[i - 1].rstrip().endswith(SENTENCE_END)), at)


def articles_span(lines: list[str]) -> tuple[int, int]:
    """Given lines, return where a law database's page prints the regulation's own text: from its caption over it
    (「法規內文:」), its first article or chapter heading (第一條 with its text run on), or the first point of a
    regulation its 法規名稱 names (a 要點) — its name and history line over it with it —, after the page's 法規名稱 row,
    to a text label that opens the rulings filed under it (「函釋內容：」), or the mark of a ruling's 要旨 (「△…」), or
    the page's end ((len, len) when it is no such page or prints none)."""
    p = patterns()
    page = next((i for i, line in enumerate(lines) if p["regulation_page"].match(line)), None)
    if page is None:
        return len(lines), len(lines)
    named = p["regulation_page"].sub("", lines[page]).strip()
    points = named.endswith(tuple(vocabulary()["regulations"]["endings"]))
    start = next((i for i in range(page + 1, len(lines)) if p["article"].fullmatch(lines[i].strip())
                  or points and p["first_point"].match(lines[i].strip()) or p["rule_caption"].fullmatch(lines[i])
                  or FIRST_ARTICLE.match(lines[i].strip())), len(lines))
    while start - 1 > page and (is_rule_name(lines[start - 1]) or is_history_line(lines[start - 1])):
        start -= 1  # the rule's name and its history line over its first article (「…辦法」 / 「中華民國99年…號令發布」)
    return start, next((i for i in range(start + 1, len(lines))
                        if p["text"].match(lines[i]) or p["ruling_mark"].match(lines[i].strip())), len(lines))


def is_rule_name(line: str) -> bool:
    """Given a line, return whether it is wholly a regulation's name (「嘉義市托育機構辦理兒童團體保險辦法」)."""
    line = line.strip()
    return 0 < len(line) <= RULE_NAME_MAX and line.endswith(tuple(vocabulary()["regulations"]["endings"])) and not (
        PROSE_MARKS.search(line))


def is_history_line(line: str) -> bool:
    """Given a line, return whether it is a regulation's history entry as a rule's page prints it under its name: a 民國
    date, a 發文字號 and what the document did (「中華民国99年7月31日府行法字第0991101403號令發布」)."""
    return bool(patterns()["history_line"].fullmatch(line.strip()))


def empty_rows_start(lines: list[str], end: int) -> int:
    """Given lines and where the letter's text ends, return where the site's empty field rows closing it start: lines
    that are wholly a letter's label with no value, nothing under them but such rows (雲林縣政府's posts close with
    「公告字號」 over 「公告依據」, empty where the post is no 公告), under the letter's text."""
    p, at = patterns(), end
    while at > 0 and (not lines[at - 1].strip() or p["empty_label"].fullmatch(lines[at - 1])):
        at -= 1
    filled = [line for line in lines[at:end] if line.strip()]
    return at if filled and any(is_letter_text(line) for line in lines[:at]) else end


def region_start(lines: list[str], anchors: list[int]) -> int:
    """Given lines and where a page's region anchors (「:::」) stood, return where the site's region after the letter
    starts: the first anchor below the letter's text (a label, a numbered item, a sentence's end) with no label of the
    letter after it (len(lines) when there is none)."""
    p = patterns()
    for i in anchors:
        above = any(is_letter_text(line) for line in lines[:i])
        below = any(holds_letter_label(line, "not_site_label") or p["text"].match(line) for line in lines[i + 1:])
        if above and not below:
            return i
    return len(lines)


CUT_LABEL = re.compile(r"[ \t]*(\S)[ \t]*[:：][ \t]*")


@cache
def whole_cut_label() -> re.Pattern:
    """Return the pattern of any label of the cut-labels table written whole with its colon (publishers.toml
    [cut_labels])."""
    labels = publisher_table()["cut_labels"]["labels"].values()
    return re.compile("|".join(rf"{label_regex(label)}[ \t]*[:：]" for label in labels))


def restore_cut_labels(lines: list[str]) -> list[str]:
    """Given a text's lines, return them with labels a page cut to their last character (「旨: 茲為…」 over 「明:」) made
    whole, when every such label of the table opens a line and none stands whole; else the lines as they are."""
    cut = publisher_table()["cut_labels"]["labels"]
    opening = {i: m for i, line in enumerate(lines) if (m := CUT_LABEL.match(line)) and m.group(1) in cut}
    if set(m.group(1) for m in opening.values()) != set(cut) or any(whole_cut_label().search(line) for line in lines):
        return lines  # (a letter holding the labels whole lost none of them)
    return restore_cut_rows([cut[opening[i].group(1)] + "：" + line[opening[i].end():] if i in opening else line
                             for i, line in enumerate(lines)])


def restore_cut_rows(lines: list[str]) -> list[str]:
    """Given a text's lines whose cut labels were made whole, return them with its copy rows cut to their last
    character (「本:董事會…」) made whole too: one alone is the 副本, two the 正本 and the 副本; more stay as they are."""
    rows = publisher_table()["cut_labels"]["copy_rows"]
    opening = [i for i, line in enumerate(lines) if (m := CUT_LABEL.match(line)) and m.group(1) == rows[0][-1]]
    names = dict(zip(opening, rows[-len(opening):])) if 0 < len(opening) <= len(rows) else {}
    return [names[i] + "：" + line[CUT_LABEL.match(line).end():] if i in names else line for i, line in enumerate(lines)]


LABEL_LINE_MAX = 12  # a line this short may be a label alone (「發文單位」, 「要  旨」)
SPACES = re.compile(r"[ \t\u3000]+")


@cache
def doubled_label_pattern() -> re.Pattern:
    """Return the pattern of a label (the letter's labels and the publisher's note labels; a colon after it or not, as
    cleaning left it): the whole of a line that is a label alone, or the opening of a line with a label before its
    value."""
    notes = publisher_table()["notes"]
    labels = labels_regex([v for vs in vocabulary()["labels"].values() for v in vs] + notes["running"] + notes["line"])
    return re.compile(rf"[ \t\u3000]*(?P<label>{labels})[ \t\u3000]*[:：]?[ \t\u3000]*")


def restore_doubled_labels(lines: list[str]) -> list[str]:
    """Given a text's lines, return them with a label a page prints twice — alone on its line, then again opening the
    next line before its value (a record table's heading cell over its value cell, which repeats the label: 「發文單位」
    over 「發文單位 臺灣集中保管結算所股份有限公司」) — written once, with its colon: 「發文單位：臺灣…」."""
    pattern = doubled_label_pattern()
    out, skip = [], False
    for i, line in enumerate(lines):
        if skip:
            skip = False
            continue
        following = lines[i + 1] if i + 1 < len(lines) else ""
        if (len(line) <= LABEL_LINE_MAX and (m := pattern.fullmatch(line)) and (n := pattern.match(following))
                and SPACES.sub("", m.group("label")) == SPACES.sub("", n.group("label"))
                and (n.end() > n.end("label") or n.end() == len(following))):  # not a name opening so (「附件-….pdf」)
            label, value = SPACES.sub("", n.group("label")), following[n.end():].strip()
            out.append(f"{label}：{value}" if value else following)
            skip = True
            continue
        out.append(line)
    return out


NOTE_DATE = re.compile(r"[ \t]*(?:(?:19|20)?\d{2,3}[./\-]\d{1,2}[./\-]\d{1,2}|(?:中華民國)?[ \t]*\d{2,4}[ \t]*年[ \t]*"
                       r"\d{1,2}[ \t]*月[ \t]*\d{1,2}[ \t]*日)(?:[ \t]+\d{1,2}[:：]\d{2}(?:[:：]\d{2})?)?[ \t]*"
                       r"(?=[\u4e00-\u9fff])")


RUN_ON_MIN = 8  # text this long run on after a note's date is a line of the post's (shorter: the note's, 「點閱:170」)


def join_row_cells(lines: list[str]) -> list[str]:
    """Given lines, return them with a board's post row printed a cell a line joined again: a line opening with the bar
    and a post field (「/ 張貼者」) goes onto the line above (the post's category, 「一般公告」)."""
    out: list[str] = []
    for line in lines:
        if out and out[-1].strip() and ROW_CELL.match(line):
            out[-1] = out[-1].rstrip() + " " + line.strip()
        else:
            out.append(line)
    return out


def split_dated_note(line: str) -> list[str]:
    """Given a line, return it as lines: a one-line note whose value is a date with a line of text or another note
    run on after it (a page's 「發布日期：113/03/15」 and the post's first line, joined where the layout set them side by
    side) as the note and what follows, split again; a board's post row flattened onto one line up to the letter's
    主旨 label (「標題 | … | 內容 | 主旨:…」) as the row and the 主旨; any other line as it is."""
    p = patterns()
    if (m := p["line"].match(line)) and (date := NOTE_DATE.match(line, m.end())):
        rest = line[date.end():]
        if p["line"].match(rest) or len(rest.strip()) >= RUN_ON_MIN:
            return [line[:date.end()].rstrip(), *split_dated_note(rest)]
    if m and (opening := p["subject"].search(line, m.end())):  # a board's row run on into the letter's 主旨
        return [line[:opening.start()].rstrip(" \t|｜"), line[opening.start():]]
    return [line]


def split_post_row(line: str) -> list[str]:
    """Given a line, return it as lines: a board's post row glued between the post's headline and its text (a page
    run together on one line: 「…公告(114年9月5日起)發布日期2025/09/03 | 發佈單位:… | 瀏覽人數:114人《置頂》本府…」) as
    what stands before it, the row (its pin tag with it) and what follows; any other line as it is."""
    p = patterns()
    m = p["post_row"].search(line) if has_bar(line) else None
    if not m or not (line[:m.start()].strip() or line[m.end():].strip()):
        return [line]
    rest = line[m.end():]
    if p["line"].match(rest.strip()) and (head := p["head"].search(rest)):  # 「發布單位:食品組 發文機關:…」: the note
        return [piece for piece in (line[:m.start()], m.group(), rest[:head.start()], rest[head.start():])
                if piece.strip()]  # on its line, the letter's head on the next
    return [piece for piece in (line[:m.start()], m.group(), rest) if piece.strip()]


POST_TITLE_MIN = 8  # a post's title is a phrase this long at least (a shorter line: a heading, a title line)


def is_post_header(line: str) -> bool:
    """Given a line, return whether it is a line of a post's header: a site's furniture or one-line note, the post's
    date alone in Gregorian years, or its hit counter alone (「584」)."""
    p = patterns()
    return bool(p["furniture"].fullmatch(line) or p["line"].match(line)
                or has_bar(line) and p["post_row"].fullmatch(line.strip()) or line.strip().isdigit()
                or (whole_date(line) and not in_roc_years(line)))


def post_title(lines: list[str]) -> set[int]:
    """Given a page's lines, return the places of the post's title and hit counter when the post's header (its date,
    poster, counter, links) sets the title apart from the text below and that text opens with a sentence, not an item
    or a label (「…將自公告日後一年生效」 over 「張貼日期: …」 over 「縣府劃設…。」), or when the sentence right below
    restates the title whole (the unlabelled 主旨 the title was cut from): the site's, no sentence of the letter, and
    so is the title printed again right under the header; else none (a title over numbered items is the text's,
    kept)."""
    p = patterns()
    first = next((i for i, line in enumerate(lines) if line.strip() and not p["furniture"].fullmatch(line)), None)
    if first is None:
        return set()
    line = lines[first].strip()
    if (len(line) < POST_TITLE_MIN or line.endswith(("。", "！", "？")) or not CHINESE.search(line) or is_post_header(line)
            or p["label"].search(line) or ANY_MARKER.match(line) or line.endswith(tuple(type_names(ISSUER_TYPE)))):
        return set()
    after = next((i for i in range(first + 1, len(lines)) if lines[i].strip() and not is_post_header(lines[i])), None)
    header = [i for i in range(first + 1, after or first + 1) if lines[i].strip()]
    below = lines[after].strip() if after is not None else ""
    if not header and below.endswith("。") and line in below:
        return {first}
    if not header or opens_field(below) or ANY_MARKER.match(below) or not CHINESE.search(below):
        return set()
    # the title printed again under the header goes too, unless bare items follow it (then it is the post's text)
    again = {after} if below == line and not opens_item(lines[after + 1:]) else set()
    return {first, *again, *(i for i in header if lines[i].strip().isdigit())}


HEADING_MAX = 6  # a site's section heading over a post (「公文轉知」, 「校園公告」) is a few characters
WRAP_RATIO = 3  # a line this many times shorter than the next is no wrapped line of the same paragraph


def section_heading(lines: list[str]) -> set[int]:
    """Given a page's lines, return the place of the site's section heading over the post: the page's first line
    when it is a few Chinese characters alone (no title line — a board's 「北聰公告」, 「校務公告」 names no agency —, no
    agency's or unit's name, no label) over a far longer line (a paragraph's first line, which the heading cannot have
    wrapped from); else none."""
    p = patterns()
    first = next((i for i, line in enumerate(lines) if line.strip() and not p["furniture"].fullmatch(line)), None)
    if first is None or first + 1 >= len(lines):
        return set()
    line, below = lines[first].strip(), lines[first + 1].strip()
    if (not SHORT_NAME.fullmatch(line) or len(line) > HEADING_MAX or len(below) < WRAP_RATIO * len(line)
            or title_match(line)
            or is_unit_name(line) and not line.endswith(tuple(publisher_table()["furniture"]["section_endings"]))
            or opens_field(line)):
        return set()
    return {first}


def agency_dated(value: str) -> bool:
    """Given a note's value, return whether it is wholly a date as an agency dates a document: 民國 years, written
    with 年 (「90年01月15日」, 「九十一年十二月六日」), not a post's 「111-09-26」."""
    return bool(whole_date(value)) and in_roc_years(value) and "年" in value


def breadcrumb_end(lines: list[str]) -> int:
    """Given a page's lines, return where its content starts: under its first breadcrumb (「目前位置 : 首頁 / 學務處 /
    …」) when no line above it holds a letter's label, title line or sentence (the site's menus, banner and phone
    over it), else 0."""
    p = patterns()
    at = next((i for i, line in enumerate(lines) if p["breadcrumb"].fullmatch(line.strip())), None)
    return at + 1 if at is not None and site_header_above(lines, at) else 0


BANNER_MAX = 12  # characters: a line of a site's banner or buttons (「新北市新莊區公所」, 「字級設定:」) is short


def anchor_end(lines: list[str], anchors: list[int]) -> int:
    """Given a page's lines and where its region anchors (「:::」) stood, return where its content starts: under its
    first anchor when every line above it is short and none holds a letter's label, title line, item or sentence (the
    office's banner and the share buttons over it: 「新北市新莊區公所」, 「• FB」, 「• 字級設定:」; not a post's headline) and
    the letter's text follows it, else 0."""
    at = anchors[0] if anchors else None
    if (at is None or not site_header_above(lines, at) or any(
            len(line.strip()) > BANNER_MAX or ANY_MARKER.match(line.strip()) for line in lines[:at])
            or not any(is_letter_text(line) for line in lines[at + 1:])):
        return 0
    return at + 1


def site_header_above(lines: list[str], at: int) -> bool:
    """Given a page's lines and a place, return whether no line above it holds a letter's label, title line or
    sentence."""
    p = patterns()
    return not any(p["label"].search(line) or title_match(line) or PROSE_MARKS.search(line) for line in lines[:at])


def drop_publisher_notes(text: str) -> tuple[str, list[str]]:
    """Given a letter's clean text, return it without its publisher's notes, furniture lines and footer (a text
    label written 全文內容：), and the lines dropped."""
    p = patterns()
    lines, cut_early, anchors = [], [], []
    for line in join_row_cells(restore_cut_labels(restore_doubled_labels(text.split("\n")))):
        if p["region"].fullmatch(line.strip()):
            anchors.append(len(lines))
        if p["site_name"].fullmatch(line.strip()):  # the site's name in its header region
            cut_early.append(line.strip())
            line = ""
        line = p["prefix"].sub("", line)
        caption = p["suffix"].search(line) or not COLON.search(line) and p["title_suffix"].search(line)
        if caption and not p["furniture"].fullmatch(line):  # a button's caption wrapped onto the text line above it
            cut_early.append(caption.group().strip())
            line = line[:caption.start()]
        lines.extend(part for piece in split_post_row(line) for part in (
            [piece] if has_bar(piece) and p["post_row"].fullmatch(piece) else split_dated_note(piece)))
    # the site's header over its breadcrumb, or over its content's anchor: the page's content starts under it
    below_crumb = breadcrumb_end(lines) or anchor_end(lines, anchors)
    cut_early += lines[:below_crumb]
    anchors = [a - below_crumb for a in anchors if a >= below_crumb]
    lines = lines[below_crumb:]
    start, resume = articles_span(lines)
    if resume < len(lines):  # the rulings filed under an article: the law's page and text over them are the page's
        resume += 1 if p["ruling_mark"].match(lines[resume].strip()) else 0  # (a ruling's 要旨 too)
        cut_early += lines[:resume]
        anchors = [a - resume for a in anchors if a >= resume]
        lines = lines[resume:]
        start = len(lines)
    region = region_start(lines, anchors)  # the site's footer may start above its region's anchor
    end = empty_rows_start(lines, min(footer_start(lines[:region]), start))
    kept, dropped, in_note = [], cut_early + lines[end:], None  # in_note: the running note's kind, if in one
    row_above = False  # the line above (blank lines aside) is a row of the post the page drops
    last_text_label = max((i for i in range(end) if p["text"].fullmatch(lines[i].strip())), default=-1)
    law_page = any(p["regulation_page"].match(line) for line in lines)  # a rule's page: its rows are notes
    title = post_title(lines[:end]) or section_heading(lines[:end])
    for i in range(end):
        line = lines[i]
        if i in title:
            dropped.append(line)
            continue
        if (in_note and not opens_field(line) and not p["furniture"].fullmatch(line) and not title_match(line)
                and not (in_note == FILE_LIST and PROSE_MARKS.search(line))):
            dropped.append(line)
            continue
        in_note = None
        if p["below"].match(line) and any(is_letter_text(k) for k in kept):  # a statute's tab under the letter
            dropped.append(line)
            in_note = NOTE
            continue
        if p["furniture"].fullmatch(line):
            dropped.append(line)
            row_above = bool(COLON.search(line))  # a post's row (「日期：112-10-23」), not a button's caption
            if p["label_last"].search(line) and i + 1 < end and SHORT_NAME.fullmatch(lines[i + 1].strip()):
                dropped.append(lines[i + 1])  # 「一般公告 / 張貼者」 over 「衛生組長」: the row's value on the next line
                lines[i + 1] = ""
            continue
        if has_bar(line) and p["post_row"].fullmatch(line.strip()):  # a board's post fields in bar-separated cells
            dropped.append(line)
            row_above = True
            continue
        if p["next_line"].match(line):  # a printout's note label alone on its line: its value is the next line
            dropped.append(line)
            if i + 1 < end and not opens_field(lines[i + 1]):
                dropped.append(lines[i + 1])
                lines[i + 1] = ""
            continue
        if own := p["own_date"].match(line):  # the agency's own 民國 date of its 公告, not the post's date; text a PDF
            kept.extend(filter(None, [own.group(), line[own.end():].strip()]))  # paragraph ran onto it is the next line's
            continue
        if ((m := p["dated_over_number"].match(line)) and i + 1 < end and p["number_label"].match(lines[i + 1])
                and agency_dated(line[m.end():])):
            kept.append(line)  # the document's own date over its 發文字號, not a post's date
            continue
        if ((issued := p["issued_over_date"].match(line)) and i + 2 < end
                and (m := p["dated_over_number"].match(lines[i + 1])) and in_roc_years(lines[i + 1][m.end():])
                and p["number_label"].match(lines[i + 2])):  # the body issuing the document, over its date and number
            kept += [ISSUER_LABEL + line[issued.end():].strip(), lines[i + 1]]
            lines[i + 1] = ""
            continue
        if (p["dated_alone"].fullmatch(line.strip()) and i + 2 < end and agency_dated(lines[i + 1])
                and p["number_label"].match(lines[i + 2])):
            kept.append(line.strip().rstrip(":：") + "：")  # each label alone over its value: the same, a line down
            continue
        if p["ruling_mark"].match(line.strip()) and i + 1 < end and p["first_point"].match(lines[i + 1].strip()):
            dropped.append(line)  # a ruling's 要旨 marked △ over its first point (「△…」 over 「一、…」): the database's
            continue
        if ((m := p["line"].match(line)) or law_page and (m := p["law_row"].match(line))) and not under_open_item(kept):
            dropped.append(line)
            row_above = True
            in_note = NOTE if not COLON.search(line) and not line[m.end():].strip() else None  # alone, no colon:
            # its value is the next line (a colon with nothing after it: the site left it empty)
            if in_note and i + 1 < end and not opens_field(lines[i + 1]) or (
                    re.search("[:：][ \t]*$", line) and i + 1 < end and lines[i + 1].strip().isdigit()):
                dropped.append(lines[i + 1])  # (「張貼日期: … 點閱:」 over 「173」: the row's last count on the next line)
                lines[i + 1], in_note = "", None
            continue
        if m := p["running"].search(line):
            if line[: m.start()].strip():
                kept.append(line[: m.start()])
            dropped.append(line[m.start():])
            # over all of the letter, a note with its value on its line (「資料來源：教育處」) is a post's row: that line;
            # so is one over the letter's numbered items (a news post's 「• 資料來源:公共工程科」 under its headline),
            # and one right under another row of the post (「• 日期:112-10-23」 over 「• 資料來源:政風處」; a file list
            # there still runs on over its files)
            valued = bool(line[m.end():].strip())
            files = bool(p["file_list"].match(line, m.start()))
            in_note = (FILE_LIST if files else NOTE) if (
                (any(is_letter_text(k) for k in kept) or not valued)
                and not (valued and (opens_item(lines[i + 1:end]) or row_above and not files))) else None
            row_above = True
            continue
        if (row_above and (short := SHORT_ROW.fullmatch(line)) and is_unit_name(short.group("value").strip())
                and not p["label"].match(line.strip())):
            dropped.append(line)  # right under a post's row, a short row naming a unit is the post's too (「• 發布單位:
            continue  # 古坑鄉公所」 over 「• 單位:古坑鄉公所」); a letter's label (承辦人: the notice's contact) or a place not
        if p["text"].fullmatch(line.strip()) and (not kept or i < last_text_label):  # a page's text field alone over
            dropped.append(line)  # all of the letter (「內容：」 over its title line and header, or over the letter's own
            continue  # 全文內容 further down): it marks where no text starts, the letter's parts do
        line = p["text"].sub(ANNOUNCEMENT_LABEL if heads_announcement(line, kept) else TEXT_LABEL, line)
        if echo := p["echo"].search(line):  # a site template's text glued after a label: the label's colon stays
            dropped.append(echo.group())
            line = line[:echo.start()] + "：" + line[echo.end():]
        if line:
            kept.append(line)
            row_above = row_above and not line.strip()
    kept, repeated = drop_repeated_lines(kept)
    return "\n".join(kept), [line for line in dropped + repeated if line.strip()]


# a post's short field row: a name of up to four characters, a colon, a short value with no clause and no number (a
# bullet before it; a law database's 「公發布日：民國108年10月03日」 dates the document)
SHORT_ROW = re.compile(r"[ \t•·‧]*[\u4e00-\u9fff]{1,4}[ \t]*[:：](?P<value>[^。，；,;:：\d\n]{1,30})")


def heads_announcement(line: str, kept: list[str]) -> bool:
    """Given a line opening with a text label and the letter's lines above it, return whether the label heads a 公告's
    points: it is one that may (「公告內容：」) and a line above opens with the 公告's 依據 label."""
    p = patterns()
    return bool(p["announcement"].match(line)) and any(p["basis"].match(k) for k in kept)


def opens_item(lines: list[str]) -> bool:
    """Given the lines after a line (a note, a post's title printed again), return whether the first that holds text
    opens a numbered item."""
    return bool(ANY_MARKER.match(next((line.strip() for line in lines if line.strip()), "")))


def under_open_item(kept: list[str]) -> bool:
    """Given the lines kept so far, return whether the last one opens a numbered item that ends no sentence (「三、指導
    單位:雲林縣政府」): a note label's line under it (「主辦單位:雲林縣稅務局」) goes on with the item, no site's row."""
    last = next((line.strip() for line in reversed(kept) if line.strip()), "")
    return bool(ANY_MARKER.match(last)) and not last.endswith(SENTENCE_END)


RENDERING_MIN = 3  # lines an English rendering runs to after the text (fewer: a URL, a name, an address)
CHINESE = re.compile(r"[\u3400-\u9fff]")
# a line of English rendering interleaved with a bilingual notice's Chinese paragraphs: this many words or more, no
# Chinese character, words set apart by spaces (fewer: a URL a line wrapped, a name, an e-mail address, a label and its
# value)
RENDERING_WORDS = 6


def split_rendering(value: str) -> tuple[str, str]:
    """Given the text a letter's body ends with, return it without the English rendering a bilingual notice prints
    after its Chinese text (the lines to the end holding no Chinese character, RENDERING_MIN or more counting English
    run onto the last Chinese line after its 。, after a line that ends its sentence with 。), and that rendering (""
    when there is none)."""
    lines = value.split("\n")
    end = len(lines)
    while end and not CHINESE.search(lines[end - 1]):
        end -= 1
    if not end:
        return value, ""
    last, run_on = run_on_rendering(lines[end - 1])
    tail = [line for line in [run_on, *lines[end:]] if line.strip()]
    if len(tail) < RENDERING_MIN or not last.endswith("。"):
        return value, ""
    return "\n".join([*lines[:end - 1], last]), "\n".join(tail)


def run_on_rendering(line: str) -> tuple[str, str]:
    """Given a bilingual notice's last Chinese line, return it up to its last 。 and the English rendering run onto it
    after that 。 (「…參閱。 SUBJECT: Distribution of the …」: no Chinese character, RENDERING_WORDS words or more, opening
    with a Latin letter), or (the line, "") when none is run on."""
    text = line.rstrip()
    head, mark, rest = text.rpartition("。")
    words = rest.split()
    if (mark and rest.strip() and not CHINESE.search(rest) and re.match(r"[A-Za-z]", rest.strip())
            and sum(bool(re.search("[A-Za-z]", w)) for w in words) >= RENDERING_WORDS):
        return head + mark, rest.strip()
    return text, ""


def drop_interleaved_rendering(value: str) -> tuple[str, list[str]]:
    """Given a subject's or section's text, return it without the English lines a bilingual notice sets under its
    Chinese paragraphs one by one (「Subject:The tree pruning … postpones to Dec 24 and 25. …」 under the 主旨, 「Note:…」
    under an item: no Chinese character, RENDERING_WORDS words or more, a sentence its full stop closes, under a line
    holding Chinese that no colon ends — an English title under 「名稱：」 is the item's), and those lines."""
    kept, dropped = [], []
    for line in value.split("\n"):
        above = next((k for k in reversed(kept) if k.strip()), "")
        if (not CHINESE.search(line) and sum(bool(re.search("[A-Za-z]", w)) for w in line.split()) >= RENDERING_WORDS
                and line.rstrip().endswith(".") and CHINESE.search(above) and not above.rstrip().endswith(("：", ":"))
                and not ANY_MARKER.match(line.lstrip())):
            dropped.append(line.strip())
        else:
            kept.append(line)
    return "\n".join(kept), dropped


REPEAT_MIN = 8  # a repeated line at least this long is the page's, not a short line a letter repeats (「一、」)
LABEL_ALONE = re.compile(r"[\u4e00-\u9fff]{2,6}[ \t]*[:：]")  # a label alone on its line, its value on the next


def drop_repeated_lines(lines: list[str]) -> tuple[list[str], list[str]]:
    """Given lines, return them without what a page prints twice — a line the next line begins with (the page's
    title: the text's first words cut short) and a line printed again (the text repeated below; a sentence printed
    over the letter's title line and again under it: the one above, the post's headline; a title printed twice
    over all of the letter: both; a line printed again as the value under a label alone on its line: the one above)
    — and those lines."""
    kept, dropped, seen, passed = [], [], set(), []  # passed: the lines seen, in order
    for i, line in enumerate(lines):
        following = lines[i + 1] if i + 1 < len(lines) else ""
        # after a sentence's end a line is the letter's own (an agency's name signing it, over the 勘誤表 it sends)
        cut_short = not (kept and kept[-1].rstrip().endswith("。")) and following.startswith(line)
        # an item (「1、公司營運期間。」 under two headings) is the letter's own, even where its text repeats another's
        printed_again = line in seen and not ANY_MARKER.match(line.lstrip())
        if printed_again and line.rstrip().endswith("。") and title_below(line, passed):  # the post's headline over
            # the title line repeats the order's sentence under it (a short 令 posted under its own text): the headline
            # is the page's
            dropped.append(line)
            kept.remove(line)
        elif (printed_again and len(line) >= REPEAT_MIN and line in kept and not line.rstrip().endswith("。")
              and not title_match(line) and not any(is_letter_text(k) for k in kept)):
            kept.remove(line)  # a post's title printed twice over the letter (its headline, then the title): both the
            dropped += [line, line]  # page's
            continue
        elif (printed_again and i and lines[i - 1] == line and kept and kept[-1] == line and len(line) >= REPEAT_MIN
              and CHINESE.search(line) and not PROSE_MARKS.search(line) and not title_match(line)
              and not any(ANY_MARKER.match(k.lstrip()) for k in kept)):
            kept.pop()  # a picture's text and its caption, the same words one under the other (「…證明圖檔」 twice
            dropped += [line, line]  # between the lead and the first item): both the page's
            continue
        elif (printed_again and len(line) >= REPEAT_MIN and line in kept and LABEL_ALONE.fullmatch(kept[-1].strip())
              and not (kept.index(line) and LABEL_ALONE.fullmatch(kept[kept.index(line) - 1].strip()))):
            kept.remove(line)  # the copy a label's value (「主旨: |」 over it, a site's table): the one above, the post's
            dropped.append(line)  # title, is the page's
        elif printed_again and restates_own_line(line, kept):
            if kept.index(line) < body_start(kept):  # a label's line under the 主旨 is the letter's; its copy above
                kept.remove(line)  # it, the page's (a database's 依據 row over the 公告's own 依據)
                dropped.append(line)
            # both under the 主旨: a letter's line restating its own clause (a database wrapping at a fixed width)
        elif len(line) >= REPEAT_MIN and (printed_again or len(following) > len(line) and cut_short) and not (
                printed_again and kept and LABEL_ALONE.fullmatch(kept[-1].strip())):  # a label's value stays
            dropped.append(line)
            continue
        seen.add(line)
        passed.append(line)
        kept.append(line)
    return kept, dropped


def title_below(line: str, passed: list[str]) -> bool:
    """Given a line seen before and the lines seen so far, in order, return whether a title line stands among them
    below its first sight."""
    return any(title_match(later) for later in passed[passed.index(line) + 1:])


RESTATED_MIN = 20  # a letter's wrapped line a database repeats word for word is this long (a full-width row)


def restates_own_line(line: str, kept: list[str]) -> bool:
    """Given a line printed again and the lines kept so far, return whether it is the letter's own under its 主旨: a
    label's line whose copy stands above the 主旨 (「依據:「…」第四條。」, a rules database's row over the 公告), or a
    full-width line of prose whose copy is under the 主旨 too (a clause restated, a database wrapping at a fixed
    width) — not a page's title or footer printed again (「…，請查照。」 over the 主旨 and at page 2's top)."""
    start = body_start(kept)
    if line not in kept or start == len(kept) or not PROSE_MARKS.search(line):
        return False
    if kept.index(line) < start:
        return bool(patterns()["label"].match(line.lstrip()))
    return len(line.strip()) >= RESTATED_MIN


def body_start(lines: list[str]) -> int:
    """Given lines, return where the letter's body opens: the first line opening with its 主旨 label (len(lines) when
    none does)."""
    return next((i for i, line in enumerate(lines) if patterns()["subject"].match(line.lstrip())), len(lines))


def notes_warning(dropped: list[str]) -> list[str]:
    """Given the lines a publisher added, return the warning naming them ([] when there are none)."""
    if not dropped:
        return []
    return [f"removed the publisher's notes and site furniture ({len(dropped)} line(s)): 「{dropped[0][:30]}」"]


BRACKETED_CONTACT = re.compile(r"[（(][^（()）:：]{1,12}[:：][^（()）]*\d{6,}[^（()）]*[）)]")


def is_contact_row(line: str) -> bool:
    """Given a line, return whether it opens with a contact label a site's footer carries (address, phone, fax,
    e-mail: publishers.toml site_footer_labels), or is a post's contact wholly in brackets with a phone in it
    (「(新聞發佈人：○○○ 災害應變中心 2989119#242)」)."""
    return bool(patterns()["site_row"].match(line)) or is_bracketed_contact(line)


def is_bracketed_contact(line: str) -> bool:
    """Given a line, return whether it is a post's contact wholly in brackets with a phone in it."""
    return bool(BRACKETED_CONTACT.fullmatch(line.strip()))
