"""Make the PDFs whose parts the reader knows by their shape: 收文 stamps, boxed 正本/副本 marks, an unruled 分工表.

What a receiving agency's document system prints on a letter, and a table laid out without ruling lines:

    stamp-foot-boxed.pdf       a 函 whose long 副本 list reaches the right margin, a boxed 收文 stamp
                               (「收文號：1130004567」「收文日期：113/04/02」) right under it at the foot of page 1,
                               and a boxed 「正本」 beside the title
    stamp-top-right-turned.pdf the same 函 (one page), the stamp 「收文：113.4.2 第1130004567號」 boxed at the top
                               right and printed turned a quarter, a boxed 「副本」 beside the title
    division-unruled.pdf       the seed's 分工表 (samples/inbox/…_ATTACH2.odt) as a borderless table: aligned columns,
                               wrapped cells, no line drawn

Each is written as ODT with odfpy (frames with a border for the stamp and the mark, a table with no borders for the
分工表) and converted by one LibreOffice headless call with its own profile; the text layer of each PDF is read back
(pypdfium2) and must hold every character written. Dates and ids are pinned so a re-run gives the same bytes. The
tests (tests/test_pdf_shapes.py) hold the values they must give.

    .venv/bin/python tests/data/pdf_shapes/make_pdfs.py     # needs soffice, fonts-arphic-ukai
"""
from __future__ import annotations

import io
import os
import re
import sys
import tempfile
import zipfile
from pathlib import Path

from odf.draw import Rect
from odf.opendocument import OpenDocumentText
from odf.style import (FontFace, Footer, GraphicProperties, MasterPage, PageLayout, PageLayoutProperties,
                       ParagraphProperties, Style, TableCellProperties, TableColumnProperties, TableProperties,
                       TextProperties)
from odf.table import Table, TableCell, TableColumn, TableRow
from odf.text import P, PageCount, PageNumber

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent.parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(ROOT))
from corpus_scripts import load_script  # noqa: E402

base = load_script("unseen_pdf_make", "unseen_pdf/make_pdfs.py")
FONT = base.KAI
PAGE_W, PAGE_H, MARGIN = 21.0, 29.7, 2.5  # A4, cm
TEXT_W = PAGE_W - 2 * MARGIN

TITLE = "臺北市政府教育局　函"
HEAD = ["地址：10401臺北市中山區長安西路15號", "承辦人：陳怡君", "電話：02-27208889轉1234"]
FIELDS = ["受文者：臺北市立建國高級中學", "發文日期：中華民國113年3月28日", "發文字號：北市教中字第1130001234號",
          "速別：普通件", "密等及解密條件或保密期限：", "附件："]
SUBJECT = "主旨：有關本市113學年度高級中等學校校園安全維護工作，請依說明辦理，請查照。"
ITEMS = ["一、依據教育部113年3月20日臺教學（五）字第1130023456號函辦理。",
         "二、請各校於113年4月30日前完成校園安全檢核，並將檢核表送本局備查。"]
CC_MAIN = "正本：臺北市立建國高級中學、臺北市立北一女子高級中學"
CC_COPY = ("副本：臺北市政府秘書處、臺北市政府警察局、臺北市政府消防局、臺北市政府衛生局、臺北市政府社會局、"
           "本局中等教育科、本局學生事務及特殊教育科")
SIGNATURE = "局長　湯志民"


class Builder:
    """An odfpy document on A4 with the few styles these pages need."""

    def __init__(self):
        self.doc = OpenDocumentText()
        self.doc.fontfacedecls.addElement(FontFace(name=FONT, fontfamily=FONT, fontfamilygeneric="roman",
                                                   fontpitch="variable"))
        self.count = 0
        self.master()

    def name(self, prefix: str) -> str:
        self.count += 1
        return f"{prefix}{self.count}"

    def master(self) -> None:
        layout = PageLayout(name="A4")
        layout.addElement(PageLayoutProperties(pagewidth=f"{PAGE_W}cm", pageheight=f"{PAGE_H}cm",
                                               margintop="1.5cm", marginbottom="1.2cm", marginleft=f"{MARGIN}cm",
                                               marginright=f"{MARGIN}cm", printorientation="portrait"))
        self.doc.automaticstyles.addElement(layout)
        footer = Footer()
        p = P(stylename=self.style(10, automatic=False, textalign="center"))
        p.addText("第")
        p.addElement(PageNumber(selectpage="current", numformat="1"))
        p.addText("頁，共")
        p.addElement(PageCount(numformat="1"))
        p.addText("頁")
        footer.addElement(p)
        page = MasterPage(name="Standard", pagelayoutname=layout)
        page.addElement(footer)
        self.doc.masterstyles.addElement(page)

    def style(self, size: float, *, automatic: bool = True, **para) -> Style:
        text = dict(fontname=FONT, fontnameasian=FONT, fontsize=f"{size}pt", fontsizeasian=f"{size}pt")
        style = Style(name=self.name("P"), family="paragraph")
        style.addElement(TextProperties(**text))
        style.addElement(ParagraphProperties(**para))
        (self.doc.automaticstyles if automatic else self.doc.styles).addElement(style)
        return style

    def para(self, text: str, size: float, parent=None, **props) -> P:
        p = P(stylename=self.style(size, **props), text=text)
        (parent if parent is not None else self.doc.text).addElement(p)
        return p

    def hanging(self, text: str, size: float, hang_em: float, **props) -> P:
        cm = hang_em * size * base.PT
        return self.para(text, size, marginleft=f"{cm:.3f}cm", textindent=f"{-cm:.3f}cm", **props)

    def boxed(self, anchor: P, lines: list[str], size: float, x: float, y: float, width: float, height: float,
              turned: bool = False) -> None:
        """Given a paragraph to anchor to, put a bordered box with lines of text at x, y (cm, from the page's left
        and the paragraph's top); turned: the box and its text a quarter turn anticlockwise about its corner."""
        style = Style(name=self.name("G"), family="graphic")
        style.addElement(GraphicProperties(wrap="run-through", runthrough="foreground", verticalpos="from-top",
                                           verticalrel="paragraph", horizontalpos="from-left", horizontalrel="page",
                                           stroke="solid", strokewidth="0.05cm", strokecolor="#000000",
                                           fill="none", textareaverticalalign="middle", padding="0.1cm"))
        self.doc.automaticstyles.addElement(style)
        if turned:  # a drawn rectangle (a Writer frame cannot turn), its text turning with it
            shape = Rect(anchortype="paragraph", stylename=style, width=f"{width}cm", height=f"{height}cm",
                         transform=f"rotate (1.5707963) translate ({x}cm {y + width}cm)")
        else:
            shape = Rect(anchortype="paragraph", stylename=style, x=f"{x}cm", y=f"{y}cm", width=f"{width}cm",
                         height=f"{height}cm")
        for line in lines:
            self.para(line, size, shape, textalign="center")
        anchor.addElement(shape)

    def odt(self) -> bytes:
        raw = io.BytesIO()
        self.doc.write(raw)
        return base.rezip(zipfile.ZipFile(raw))


def letter(stamp: str) -> bytes:
    """Given where the 收文 stamp goes (foot or top-right), return the 函 as ODT bytes."""
    b = Builder()
    title = b.para(TITLE, 20, textalign="center", margintop="0.8cm", marginbottom="0.3cm")
    mark_x = PAGE_W / 2 + 3.6  # the boxed 正本/副本 mark right of the centred title
    if stamp == "foot":
        b.boxed(title, ["正本"], 12, mark_x, 0.75, 1.5, 0.9)
    else:
        b.boxed(title, ["副本"], 12, mark_x, 0.75, 1.5, 0.9)
        b.boxed(title, ["收文：113.4.2", "第1130004567號"], 10, PAGE_W - MARGIN + 1.0, -1.2, 3.8, 1.2,
                turned=True)
    for line in HEAD:
        b.para(line, 12, marginleft=f"{TEXT_W - 7.5:.2f}cm")
    b.para(FIELDS[0], 16, margintop="0.3cm", marginbottom="0.1cm")
    for line in FIELDS[1:]:
        b.para(line, 12)
    b.hanging(SUBJECT, 16, 3, margintop="0.3cm")
    b.para("說明：", 16)
    for item in ITEMS:  # under 說明's text, the marker 「一、」 hanging
        b.para(item, 16, marginleft=f"{5 * 16 * base.PT:.3f}cm", textindent=f"{-2 * 16 * base.PT:.3f}cm")
    b.hanging(CC_MAIN, 12, 3, margintop="0.4cm")
    copy = b.hanging(CC_COPY, 12, 3)
    if stamp == "foot":
        b.boxed(copy, ["收文號：1130004567", "收文日期：113/04/02"], 12, PAGE_W - MARGIN - 5.6, 1.05, 5.6, 1.45)
    b.para("", 12, margintop="2.0cm")
    b.para(SIGNATURE, 22, marginleft=f"{TEXT_W / 2:.2f}cm")
    return b.odt()


def seed_division_rows() -> tuple[str, list[list[str]]]:
    """Return the seed 分工表's title and rows, read from the sample ODT (pipeline.read.odt)."""
    from pipeline.read.odt import read_odt
    doc = read_odt((ROOT / "samples" / "inbox" / "376550000A1080251637_118_ATTACH2.odt").read_bytes())
    title = next(b.text for b in doc.blocks if b.kind == "paragraph")
    rows = [row for b in doc.blocks if b.kind == "table" for row in b.rows]
    return title, rows


def division() -> bytes:
    """Return the seed 分工表 as ODT bytes: its title, then a two-column table with no borders."""
    b = Builder()
    title, rows = seed_division_rows()
    b.para(title, 16, textalign="center", marginbottom="0.5cm")
    table_style = Style(name=b.name("T"), family="table")
    table_style.addElement(TableProperties(width=f"{TEXT_W}cm", align="left"))
    b.doc.automaticstyles.addElement(table_style)
    table = Table(name="Division", stylename=table_style)
    for width in (5.2, TEXT_W - 5.2):
        column = Style(name=b.name("C"), family="table-column")
        column.addElement(TableColumnProperties(columnwidth=f"{width}cm"))
        b.doc.automaticstyles.addElement(column)
        table.addElement(TableColumn(stylename=column))
    cell_style = Style(name=b.name("D"), family="table-cell")
    cell_style.addElement(TableCellProperties(border="none", padding="0.15cm"))
    b.doc.automaticstyles.addElement(cell_style)
    for cells in rows:
        row = TableRow()
        for text in cells:
            cell = TableCell(stylename=cell_style)
            for line in text.split("\n"):
                b.para(line, 14, cell)
            row.addElement(cell)
        table.addElement(row)
    b.doc.text.addElement(table)
    return b.odt()


def check(stem: str, pdf: bytes, written: str) -> None:
    """Given a PDF and the text written into it, stop unless its text layer holds every character of it."""
    import pypdfium2 as pdfium
    doc = pdfium.PdfDocument(pdf)
    text = "".join(doc[i].get_textpage().get_text_range() for i in range(len(doc)))
    missing = set(re.sub(r"\s", "", written)) - set(text)
    if missing:
        raise SystemExit(f"{stem}: the PDF lacks {''.join(sorted(missing))}")


def main() -> None:
    title, rows = seed_division_rows()
    letter_text = "".join([TITLE, *HEAD, *FIELDS, SUBJECT, *ITEMS, CC_MAIN, CC_COPY, SIGNATURE])
    made = {"stamp-foot-boxed": (letter("foot"), letter_text + "正本收文號：1130004567收文日期：113/04/02"),
            "stamp-top-right-turned": (letter("top-right"), letter_text + "副本收文：113.4.2第1130004567號"),
            "division-unruled": (division(), title + "".join(c for row in rows for c in row))}
    with tempfile.TemporaryDirectory() as work:
        pdfs = base.convert_all({stem: odt for stem, (odt, _) in made.items()}, Path(work))
    for stem, pdf in pdfs.items():
        check(stem, pdf, made[stem][1])
        path = HERE / f"{stem}.pdf"
        tmp = path.with_name(f".{path.name}.tmp")
        tmp.write_bytes(base.pin(pdf))
        os.replace(tmp, path)
        print(f"{stem}.pdf: {len(pdf):,} bytes")


if __name__ == "__main__":
    main()
