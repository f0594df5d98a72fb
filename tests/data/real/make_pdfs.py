"""Lay out real letters of this corpus as PDF, the way agencies print them, from their published text.

The stems to lay out are listed, one a line, in the pdf_stems.<builder>.txt files beside this script (one file
per corpus builder, read in name order; ``#`` starts a comment). A line is a stem, then options as key=value:

    a-moi-land-ruling-750123  font=kai binding=dash lines=3-40 stamp=1130004567@113/04/02

    font     kai (default), sans or serif
    binding  dash (default), dots or none: the 裝訂線 down the left margin of every page
    lines    A-B: lay out only lines A to B (1-based, inclusive) of <stem>.txt: a web page's furniture is cut
    stamp    NUMBER@ROC-DATE: the receiving side's 收文 stamp, 「收文號：NUMBER 收文日期：ROC-DATE」, printed at the
             foot of page 1 (its expected record is then <stem>.pdf.json, with `received`)
    footer   comma (「第1頁，共2頁」, default), space (「第1頁 共2頁」) or none
    style    letter (default): each line laid out by what it is (title centred, address block at the right,
             受文者 and the field block, 主旨 / 說明 with hanging indents, items indented by level, 正本 / 副本,
             the 署名 large); lines that only continue the one before (a wrap of the published text) are
             joined to it so the PDF wraps them anew (never a date or 發文字號 standing without its label, nor a
             spaced 署名: an agency prints those on lines of their own). plain: every line as published, left-aligned, as a law
             database or a web page prints it.

Each line of the text is classified by what it opens with (labels and item markers as the 文書處理手冊 writes
them), never by stem. The PDFs are written by one LibreOffice headless call per pass (a first pass counts each
letter's pages, a second draws the binding line on every page); each PDF's text layer is read back (pypdfium2)
and must hold every character laid out, and a footer on every page; dates and ids are pinned so a re-run gives
the same bytes. The expected records (<stem>.json, <stem>.pdf.json) are written by hand, not by this script.

    .venv/bin/python tests/data/real/make_pdfs.py [STEM ...]   # needs soffice, fonts-noto-cjk, fonts-arphic-ukai
"""
from __future__ import annotations

import collections
import os
import re
import shutil
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
from corpus_scripts import load_script  # noqa: E402

base = load_script("unseen_pdf_make", "unseen_pdf/make_pdfs.py")
P, PageCount, PageNumber, Footer, MasterPage = base.P, base.PageCount, base.PageNumber, base.Footer, base.MasterPage
STEM_LISTS = tuple(sorted(path.name for path in HERE.glob("pdf_stems.*.txt")))
FONTS = {"kai": base.KAI, "sans": base.SANS, "serif": base.SERIF}
FOOTERS = {"comma": ("第", "頁，共", "頁"), "space": ("第", "頁 共", "頁"), "none": None}

DOC_TYPES = ("開會通知單", "會勘通知單", "書函", "函", "公告", "令", "便簽", "簽")
TOP_RIGHT = ("檔號", "保存年限")
CONTACT = ("機關地址", "地址", "承辦單位", "承辦人", "聯絡人", "聯絡電話", "電話", "傳真", "電子信箱", "電子郵件", "E-mail",
           "Email", "email")
RECIPIENT = ("受文者",)
FIELDS = ("發文日期", "發文字號", "速別", "密等", "附件")
BODY_LABELS = ("主旨", "說明", "辦法", "建議", "經過", "原因", "依據", "公告事項", "擬辦", "開會事由", "開會時間", "開會地點",
               "主持人", "聯絡人及電話", "出席者", "列席者", "會勘事由", "會勘時間", "會勘地點", "備註", "提醒事項",
               "注意事項", "會議議程", "開會議程", "議程", "聯絡人")
CC = ("正本", "副本")
# item markers by level, and the width (em) each hangs
MARKERS = [(re.compile(r"^[一二三四五六七八九十]+、"), 1, 2), (re.compile(r"^[（(][一二三四五六七八九十]+[）)]"), 2, 3),
           (re.compile(r"^[0-9０-９]+[.、．]"), 3, 1.5), (re.compile(r"^[（(][0-9０-９]+[）)]"), 4, 2)]
SENTENCE_END = ("。", "：", ":", "；", "！", "？", "」")
# a 署名 after 正本 / 副本: a title, spaces, and a name (「部長　○○○」, 「局　　長　陳○○」, 「理事長    陳  建  宏」)
# a head line an agency prints on its own (a 令's or a 公告's date and 發文字號 without labels): never a wrap
HEAD_LINE = re.compile(r"(?:中華民國)?[\d一二三四五六七八九十百○〇]{2,5}年[\d一二三四五六七八九十○〇]{1,3}月[\d一二三四五六七八九十○〇]{1,3}日"
                       r"|[\u4e00-\u9fff（）()\d]{1,16}字第[\d○〇A-Z]{3,14}號")
SIGNATURE = re.compile(r"^[\u4e00-\u9fff][\u4e00-\u9fff \u3000]{0,10}[ \u3000]+[\u4e00-\u9fff○Ｏ〇 \u3000]{1,8}$")


@dataclass
class Options:
    """One stem's layout choices, from its line in a stem list."""
    stem: str
    font: str = "kai"
    binding: str = "dash"
    lines: tuple[int, int] | None = None
    stamp: tuple[str, str] | None = None  # 收文號, 收文日期
    footer: str = "comma"
    style: str = "letter"


@dataclass
class Block:
    """A paragraph to lay out: its kind, text, and for items and body labels the indent it hangs by."""
    kind: str  # title, top_right, contact, recipient, field, label, item, cc, signature, plain
    text: str
    start_em: float = 0
    hang_em: float = 0


@dataclass
class Layout:
    """A letter to lay out: its options, blocks and the page count the first pass found."""
    options: Options
    blocks: list[Block] = field(default_factory=list)
    pages: int = 1


def parse_options(line: str, source: str) -> Options:
    """Given a stem-list line, return its Options (a clear error for an unknown key or value)."""
    stem, *pairs = line.split()
    options = Options(stem)
    for pair in pairs:
        key, _, value = pair.partition("=")
        if key == "font" and value in FONTS:
            options.font = value
        elif key == "binding" and value in ("dash", "dots", "none"):
            options.binding = value
        elif key == "lines" and re.fullmatch(r"\d+-\d+", value):
            first, last = map(int, value.split("-"))
            options.lines = (first, last)
        elif key == "stamp" and re.fullmatch(r"\w+@\d{2,3}/\d{1,2}/\d{1,2}", value):
            number, date = value.split("@")
            options.stamp = (number, date)
        elif key == "footer" and value in FOOTERS:
            options.footer = value
        elif key == "style" and value in ("letter", "plain"):
            options.style = value
        else:
            raise SystemExit(f"make_pdfs.py: {source}: {stem}: unknown option {pair!r}")
    return options


def stem_options(names: list[str]) -> list[Options]:
    """Given stems asked for on the command line (all when empty), return their Options from the stem lists."""
    found = []
    for list_name in STEM_LISTS:
        path = HERE / list_name
        if not path.exists():
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            line = line.split("#", 1)[0].strip()
            if line:
                found.append(parse_options(line, list_name))
    unknown = set(names) - {o.stem for o in found}
    if unknown:
        raise SystemExit(f"make_pdfs.py: not in {' or '.join(STEM_LISTS)}: {', '.join(sorted(unknown))}")
    return [o for o in found if not names or o.stem in names]


def opens_with(line: str, words: tuple[str, ...]) -> str | None:
    """Given a line and label words, return the word it opens with (spaces inside the label ignored)."""
    squeezed = re.sub(r"[ \u3000]", "", line)
    for word in words:
        if squeezed.startswith(word):
            return word
    return None


def label_width(line: str) -> float:
    """Given a line opening with a body label, return the width (em) of the label and its colon."""
    match = re.match(r"^[^：:]{1,8}[：:]", line)
    return len(match.group(0)) if match else 0


def is_title(line: str) -> bool:
    """Given a line, return whether it is a title line: an issuer followed by its 文別 (「○○縣政府 函」)."""
    squeezed = re.sub(r"[ \u3000]", "", line)
    squeezed = re.sub(r"[（(]稿[）)]$", "", squeezed)
    return len(squeezed) <= 32 and "：" not in squeezed and squeezed.endswith(DOC_TYPES) and \
        not squeezed.endswith(("號函", "號令", "號公告"))


def marker_of(line: str) -> tuple[int, float] | None:
    """Given a line, return (level, hang em) of the item marker it opens with, or None."""
    for pattern, level, hang in MARKERS:
        if pattern.match(line.lstrip(" \u3000")):
            return level, hang
    return None


def continues(previous: Block | None, line: str) -> bool:
    """Given the block before and a line, return whether the line only wraps the block's text."""
    if previous is None or previous.kind in ("title", "top_right", "signature"):
        return False
    if any(HEAD_LINE.fullmatch(text) or SIGNATURE.match(text) and "\u3000" in text for text in (line, previous.text)):
        return False  # a head line without its label, and a 署名 spaced as printed (「部　　長　尹啟銘」), stand alone
    return not previous.text.rstrip().endswith(SENTENCE_END) and previous.kind in (
        "label", "item", "cc", "plain", "field", "contact", "recipient")


def join(text: str, more: str) -> str:
    """Given a block's text and a wrapped line, return them joined (a space only between Latin words)."""
    more = more.strip(" \u3000")
    if text and more and text[-1].isascii() and text[-1].isalnum() and more[0].isascii() and more[0].isalnum():
        return text + " " + more
    return text + more


def letter_blocks(lines: list[str]) -> list[Block]:
    """Given a letter's lines, return its blocks, each line classified by what it opens with."""
    blocks: list[Block] = []
    label_em = 0.0  # the width of the body label the current items hang under
    open_items: dict[int, Block] = {}  # item level → the last item of that level still open
    after_cc = False
    for raw in lines:
        line = raw.strip(" \u3000\t")
        if not line:
            continue
        previous = blocks[-1] if blocks else None
        item = marker_of(line)
        if opens_with(line, TOP_RIGHT):
            kind = "top_right"
        elif not any(b.kind in ("title", "label", "field") for b in blocks) and is_title(line):
            kind = "title"
        elif opens_with(line, CC):
            kind, after_cc = "cc", True
        elif opens_with(line, BODY_LABELS) and label_width(line):
            kind = "label"
        elif opens_with(line, RECIPIENT):
            kind = "recipient"
        elif opens_with(line, FIELDS):
            kind = "field"
        elif opens_with(line, CONTACT) and not any(b.kind in ("label", "item") for b in blocks):
            kind = "contact"
        elif item and not after_cc:
            kind = "item"
        elif SIGNATURE.match(line) and (after_cc or any(b.kind in ("label", "item") for b in blocks)):
            kind = "signature"  # a 公告 without 正本 / 副本 signs under its last item
        elif continues(previous, line):
            previous.text = join(previous.text, line)
            continue
        elif after_cc:
            kind = "signature"
        else:
            kind = "plain"
        if kind == "label":
            label_em = label_width(line)
            open_items = {}
            blocks.append(Block(kind, line, 0, label_em if line[int(label_em):].strip() else 0))
        elif kind == "item":
            level, hang = item
            parents = [b for lv, b in open_items.items() if lv < level]
            start = parents[-1].start_em + parents[-1].hang_em if parents else label_em
            open_items = {lv: b for lv, b in open_items.items() if lv < level}
            open_items[level] = Block(kind, line, start, hang)
            blocks.append(open_items[level])
        else:
            blocks.append(Block(kind, line, 0, 3 if kind == "cc" else 0))
    return blocks


def plain_blocks(lines: list[str]) -> list[Block]:
    """Given a page's lines, return one plain block per non-empty line, as published."""
    return [Block("plain", line.rstrip()) for line in lines if line.strip()]


def read_layout(options: Options) -> Layout:
    """Given a stem's options, return its Layout from <stem>.txt (the chosen lines)."""
    path = HERE / f"{options.stem}.txt"
    if not path.exists():
        raise SystemExit(f"make_pdfs.py: {path.name}: no such file")
    lines = path.read_text(encoding="utf-8").splitlines()
    if options.lines:
        first, last = options.lines
        lines = lines[first - 1:last]
    blocks = plain_blocks(lines) if options.style == "plain" else letter_blocks(lines)
    if not blocks:
        raise SystemExit(f"make_pdfs.py: {path.name}: nothing to lay out")
    return Layout(options, blocks)


class RealBuilder(base.Builder):
    """The unseen_pdf Builder's styles and binding line, laying out a real letter's classified blocks."""

    def __init__(self, layout: Layout, binding: bool):
        self.layout = layout
        options = layout.options
        title = next((b.text for b in layout.blocks if b.kind == "title"), "")
        letter = base.Letter(stem=options.stem, font=FONTS[options.font], pages=layout.pages, title=title,
                             file_no="", retention="", contact=[], recipient="", fields=[], body=[], cc=[],
                             signature=None, binding=options.binding if binding else "none")
        super().__init__(letter)

    def pages(self) -> None:
        """Add the A4 page layout and a first-page master (with the 收文 stamp) followed by the others."""
        options = self.layout.options
        layout = self.a4_layout()
        footer_style = self.paragraph_style(10, automatic=False, textalign="center")
        stamp_style = self.paragraph_style(10, automatic=False, textalign="end")
        rest = MasterPage(name="Rest", pagelayoutname=layout)
        first = MasterPage(name="First", pagelayoutname=layout, nextstylename="Rest")
        words = FOOTERS[options.footer]
        for master in (first, rest):
            footer = Footer()
            if master is first and options.stamp:
                number, date = options.stamp
                footer.addElement(P(stylename=stamp_style, text=f"收文號：{number}　收文日期：{date}"))
            if words:
                p = P(stylename=footer_style)
                p.addText(words[0])
                p.addElement(PageNumber(selectpage="current", numformat="1"))
                p.addText(words[1])
                p.addElement(PageCount(numformat="1"))
                p.addText(words[2])
                footer.addElement(p)
            master.addElement(footer)
        self.doc.masterstyles.addElement(first)
        self.doc.masterstyles.addElement(rest)

    def blocks(self) -> None:
        """Write every block by its kind: sizes, alignment and hanging indents as agencies print them."""
        contact_offset = f"{base.TEXT_W - 8.2:.2f}cm"
        top_right = f"{base.TEXT_W - 6.2:.2f}cm"
        first = True
        for block in self.layout.blocks:
            master = {"master": "First"} if first else {}
            first = False
            if block.kind == "title":
                self.para(block.text, 20, textalign="center", margintop="0.3cm", marginbottom="0.2cm", **master)
            elif block.kind == "top_right":
                self.para(block.text, 12, marginleft=top_right, **master)
            elif block.kind == "contact":
                self.para(block.text, 12, marginleft=contact_offset, **master)
            elif block.kind == "recipient":
                self.para(block.text, 16, margintop="0.3cm", marginbottom="0.15cm", **master)
            elif block.kind == "field":
                self.hanging(block.text, 12, 0, 3 if opens_with(block.text, ("附件",)) else 0, **master)
            elif block.kind in ("label", "item"):
                self.hanging(block.text, 16, block.start_em, block.hang_em, lineheight="135%",
                             margintop="0.1cm" if block.kind == "label" else "0cm", **master)
            elif block.kind == "cc":
                self.hanging(block.text, 12, 0, block.hang_em, margintop="0.2cm", **master)
            elif block.kind == "signature":
                self.para(block.text, 20, marginleft=f"{base.TEXT_W / 2:.2f}cm", margintop="0.8cm", **master)
            else:
                size = 12 if self.layout.options.style == "plain" else 16
                self.para(block.text, size, **master)

    def odt(self) -> bytes:
        """Return the letter as ODT bytes with fixed zip times."""
        if self.letter.binding != "none":
            self.binding_line()
        self.blocks()
        raw = base.io.BytesIO()
        self.doc.write(raw)
        return base.rezip(base.zipfile.ZipFile(raw))


def text_pages(pdf: bytes) -> list[str]:
    """Given PDF bytes, return each page's text layer."""
    import pypdfium2

    document = pypdfium2.PdfDocument(pdf)
    try:
        return [document[i].get_textpage().get_text_range() for i in range(len(document))]
    finally:
        document.close()


def check_text_layer(layout: Layout, pdf: bytes) -> None:
    """Given a layout and its PDF, stop unless it holds every character laid out, its footers and its stamp."""
    pages = text_pages(pdf)
    if len(pages) != layout.pages:
        raise SystemExit(f"{layout.options.stem}: {len(pages)} page(s), the first pass found {layout.pages}")
    have = collections.Counter(re.sub(r"\s", "", "".join(pages)))
    want = collections.Counter(re.sub(r"\s", "", "".join(b.text for b in layout.blocks)))
    missing = want - have
    if missing:
        raise SystemExit(f"{layout.options.stem}: text layer lacks {dict(missing)}")
    words = FOOTERS[layout.options.footer]
    for page, text in enumerate(pages, 1):
        footer = f"{words[0]}{page}{words[1]}{len(pages)}{words[2]}".replace(" ", "") if words else ""
        if footer not in re.sub(r"\s", "", text):
            raise SystemExit(f"{layout.options.stem}: page {page} has no footer {footer}")
    if layout.options.stamp and layout.options.stamp[0] not in pages[0]:
        raise SystemExit(f"{layout.options.stem}: page 1 has no 收文 stamp")


def convert(layouts: list[Layout], binding: bool, prefix: str) -> dict[str, bytes]:
    """Given layouts, return their PDFs by stem from one LibreOffice call."""
    odts = {layout.options.stem: RealBuilder(layout, binding).odt() for layout in layouts}
    with tempfile.TemporaryDirectory(prefix=prefix) as tmp:
        return base.convert_all(odts, Path(tmp))


def main(argv: list[str]) -> None:
    if not shutil.which("soffice"):
        raise SystemExit("make_pdfs.py needs LibreOffice (soffice), fonts-noto-cjk and fonts-arphic-ukai")
    layouts = [read_layout(options) for options in stem_options(argv)]
    if not layouts:
        raise SystemExit(f"make_pdfs.py: no stems listed in {' or '.join(STEM_LISTS)}")
    for layout, pdf in zip(layouts, convert(layouts, False, "real-pdf-count-").values()):
        layout.pages = len(text_pages(pdf))
    pdfs = convert(layouts, True, "real-pdf-")
    for layout in layouts:
        check_text_layer(layout, pdfs[layout.options.stem])
    for layout in layouts:
        path = HERE / f"{layout.options.stem}.pdf"
        tmp = path.with_name(f".{path.name}.tmp")
        tmp.write_bytes(base.pin(pdfs[layout.options.stem]))
        os.replace(tmp, path)
        print(f"{path.relative_to(HERE.parent.parent.parent)}  {layout.pages} page(s)  {path.stat().st_size} bytes",
              file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1:])
