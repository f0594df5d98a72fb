"""附件: the attachment titles a letter lists, paired with their exchange file names."""
from __future__ import annotations

import re

from pipeline.parse.clean import join_wrapped
from pipeline.parse.items import text_to_items
from pipeline.records import Attachment, DispatchNo
from pipeline.vocabulary import vocabulary


NUMBERED_START = re.compile(r"\s*\d{1,2}[.．、]")  # a list of titles numbered from its start (「1.實施計畫 2.報名表.docx」)


def parse_attachments(value: str) -> list[Attachment]:
    """Given the 附件 value, return its titles paired with the exchange file names it lists."""
    numbered = numbered_titles(value)
    if numbered:
        return [Attachment(title=None if is_pointer(t) else t) for t in numbered]
    value = join_wrapped(value)
    vocab = vocabulary()["attachments"]
    if not value or any(value.startswith(word) for word in vocab["none"]) and len(value) < 12 or \
            re.match(vocab["zero_count"], value):
        return []
    ext = "|".join(vocab["file_extensions"])
    # a site's download tag after the name (「中華中藥典 [ ZIP 檔 ]」, 「[PDF]」): the link's file type, not the title's
    value = re.sub(rf"\s*[\[［]\s*(?i:{ext})\s*檔?\s*[\]］]\s*$", "", value) or value
    value = re.sub(rf"\s*{vocab['count_note']}", "", value) or value
    file_re = re.compile(rf"[\w\-.]+?\.(?:{ext})\b", re.I)
    files: list[str] = []
    if listed := bracketed_files(value, ext):  # the 公文系統's row, the receiving system's copies after it dropped
        files, value = listed
    elif (m := re.search(r"[（(]([^（()）]*)[）)]\s*$", value)) and file_re.search(re.sub(r"\s", "", m.group(1))):
        files = bracket_files(m.group(1), file_re)
        value = value[: m.start()].strip()
    elif not NUMBERED_START.match(value) and (
            m := re.search(rf"(?<=[^\x00-\x7f])\s*\d{{1,2}}[.．、]\s*(?P<file>{file_re.pattern})\s*$", value, re.I)):
        files, value = [m.group("file")], value[: m.start()].strip()  # 「…原則   1.  05b7…_Attach1.pdf」: a receiving
        # system's list of the files after the title, numbered
    if files and not value:
        return [Attachment(title=None, file=f) for f in files]
    titles = split_titles(value) if (len(files) > 1 or not files) and not is_pointer(value) else [value]
    if len(files) > 1 and len(titles) != len(files):  # 「通知單及說明書（A.pdf、B.pdf）」: one title a file
        joined = [t for title in titles for t in title.split("及") if t]
        titles = joined if len(joined) == len(files) else titles
    if not files:  # file names listed as titles: 「A09…_ATTACH1.pdf、A09…_ATTACH2.pdf」
        return [Attachment(title=None, file=t) if file_re.fullmatch(t) else Attachment(title=without_period(t))
                for t in titles]
    if len(titles) != len(files):
        titles = titles if len(titles) > len(files) else titles + [None] * (len(files) - len(titles))
    titles = [None if t and is_pointer(t) else t for t in titles]
    return [Attachment(title=without_period(t), file=files[i] if i < len(files) else None) for i, t in enumerate(titles)]


def bracketed_files(value: str, ext: str) -> tuple[list[str], str] | None:
    """Given an 附件 value and the file extensions, return (the exchange files a 公文系統 row lists in brackets closed by
    their count, what stands before the bracket without the item count) — 「(2件) 如主旨( A.pdf、B.pdf,共二個電子檔案 )」
    → ([A.pdf, B.pdf], 如主旨) — or None; a file's name keeps its own brackets ASCII (「要點(附件1).pdf」), and so may
    the title before them (「實施計畫(草案)( … )」)."""
    vocab = vocabulary()["attachments"]
    value = re.sub(vocab["item_count"], "", value)
    m = re.search(vocab["file_list_note"], value)
    if not m:
        return None
    opened, depth = None, 1  # the bracket the closing one matches, walking back over the files' own brackets
    for at in range(m.start() - 1, -1, -1):
        depth += (value[at] in "）)") - (value[at] in "（(")
        if depth == 0:
            opened = at
            break
    if opened is None:
        return None
    names = [re.sub(r"\s", "", f).replace("（", "(").replace("）", ")") for f in value[opened + 1:m.start()].split("、")]
    files = [f for f in names if re.search(rf"\.(?:{ext})$", f, re.I)]
    if not files or len(files) != len(names):
        return None
    return files, value[:opened].strip()


def bracket_files(inside: str, file_re: re.Pattern) -> list[str]:
    """Given the text inside an 附件 value's closing bracket and the pattern of a file's name, return the files it
    lists: names set apart by spaces, each a whole name (a receiving school's 公文系統: 「(339_ATTACH1.pdf
    339_ATTACH2.docx)」), are a file each; else the names with every space dropped (a name a line break cut)."""
    names = inside.split()
    if len(names) > 1 and all(file_re.fullmatch(n) for n in names):
        return names
    return file_re.findall(re.sub(r"\s", "", inside))


def without_period(title: str | None) -> str | None:
    """Given an attachment's title, return it without the 。 ending its line: a title is a name."""
    return title.rstrip("。") or None if title else title


def numbered_titles(value: str) -> list[str]:
    """Given an 附件 value, return its titles when it numbers them as items on lines of their own (「一、…申報表。(P.4)」
    over 「二、…一覽表(P.5)」, the 手冊's 分項 in the 附件欄): one title an item, wraps rejoined, without its marker —
    a 、 inside an item is the title's own; [] when the value is not such a list."""
    if "\n" not in value.strip():
        return []
    lead, items = text_to_items(value)
    if lead or len(items) < 2 or any(item.children for item in items):
        return []
    return [item.text for item in items]


def is_pointer(title: str) -> bool:
    """Given an 附件 title, return whether it only points to where the text names the attachments (「如說明五」,
    「如說明一、二」, 「如主旨」, 「見說明三」, a 開會通知單's 「如備註一」: the 手冊's 附件欄 註記), naming none itself."""
    numbers = r"[一二三四五六七八九十\d]+"
    return bool(re.fullmatch(rf"(?:詳(?:如|見)?|如|見|詳見)(?:主旨|說明|備註)(?:{numbers}(?:[、及至與和]{numbers})*)?", title))


def split_titles(value: str) -> list[str]:
    """Given an 附件 list, return its titles: split at 、, and at 及 after a count (報名表1份及海報3張)."""
    counts = vocabulary()["attachments"]["count_words"]
    pieces = [p.strip() for p in value.split("、") if p.strip()]
    return [t for p in pieces for t in re.split(rf"(?<=\d[{counts}])及", p) if t]


def code_from_files(attachments: list[Attachment], dispatch_no: DispatchNo | None) -> str | None:
    """Given attachments and the letter's 發文字號, return the 機關代碼 their exchange file names start with (code and
    number run together, 376550000A1080251637_118_ATTACH1.odt, or apart, 376736500A_1130309316_ATTACH1.pdf); with the
    number unknown (a post without the letter's head), a code of the 機關代碼's shape — nine digits or capitals and a
    capital — before a number of ten digits or more and the file's place (A55000000A108600132202-1.odt); a receiving
    system's 收文號 and copy place before them are its own (1131298683_1_A09030000E_1130126128_senddoc1_1_Attach1)."""
    number = re.escape(dispatch_no.number) if dispatch_no else None
    saved = r"(?:\d{8,12}_\d{1,3}_)?"  # a receiving system's saved copy: its 收文號 and the copy's place first
    for attachment in attachments:
        m = re.match(rf"{saved}(?P<code>[0-9A-Z]{{6,12}})_?{number}_" if number else
                     rf"{saved}(?P<code>[0-9A-Z]{{9}}[A-Z])_?\d{{10,13}}[-_]", attachment.file or "")
        if m:
            return m.group("code")
    return None


def listed_files(value: str) -> list[Attachment] | None:
    """Given the text under an 附件 printed after a letter's body, return an attachment a line when every line, two or
    more, names a file the page posts (「附件-彰化風場航道(有底圖).pdf」, 「範圍修正圖(pdf)(https://…/A01_1.pdf);」:
    a site's list of the letter's files): a bare file name is the attachment's file, a name with its link its title;
    None when the text is anything else (the attachment's own text, under its title)."""
    ext = "|".join(vocabulary()["attachments"]["file_extensions"])
    line_re = re.compile(rf"\S+\.(?:{ext})\)?[;；]?", re.I)
    lines = [line.strip() for line in value.strip().split("\n") if line.strip()]
    if len(lines) < 2 or not all(line_re.fullmatch(line) for line in lines):
        return None
    names = [line.rstrip(";；") for line in lines]
    return [Attachment(title=name) if "://" in name else Attachment(title=None, file=name) for name in names]


FILE_LABEL = re.compile(r"附件[ \t]*[0-9０-９一二三四五六七八九十]{1,2}(?:[ \t]+|[:：、.．-][ \t]*|(?=[^\x00-\x7f]))")


def labelled_files(value: str) -> list[Attachment] | None:
    """Given lines under a letter's last sentence, return an attachment a line when every line is a file the page
    posts under its own numbered 附件 label (「附件1 訪視重點說明.docx」, the label kept out of the file's name); None
    when any line is anything else."""
    ext = "|".join(vocabulary()["attachments"]["file_extensions"])
    line_re = re.compile(rf"{FILE_LABEL.pattern}(?P<file>\S(?:.*\S)?\.(?:{ext}))", re.I)
    found = [line_re.fullmatch(line.strip()) for line in value.split("\n") if line.strip()]
    return [Attachment(title=None, file=m.group("file")) for m in found] if found and all(found) else None
