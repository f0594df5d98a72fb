"""Make the sample ODT and PDF files (and the bad files) from the seed's content: ``make samples``.

ODT files are written with odfpy (automatic list numbering from list styles, real tables);
PDFs are converted from such ODTs by LibreOffice headless with a CJK font, and every PDF's
text layer is read back with pdfplumber before it is kept. Needs ``soffice`` and
fonts-noto-cjk; the produced files are committed, so tests need neither.
"""
from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

from odf.draw import Frame, TextBox
from odf.opendocument import OpenDocumentText
from odf.style import (FontFace, Footer, GraphicProperties, Header, ListLevelProperties, MasterPage, PageLayout,
                       PageLayoutProperties, ParagraphProperties, Style, TableCellProperties,
                       TableColumnProperties, TableProperties, TextProperties)
from odf.table import Table, TableCell, TableColumn, TableRow
from odf.text import (H, List, ListItem, ListLevelStyleNumber, ListStyle, OutlineLevelStyle, OutlineStyle, P,
                      PageCount, PageNumber, Span)

sys.path.insert(0, str(Path(__file__).parent))
import fictitious_content as fiction  # noqa: E402
import seed_content as seed  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
INBOX, BUNDLES, BAD = ROOT / "samples" / "inbox", ROOT / "samples" / "bundles", ROOT / "samples" / "bad"
CONVERTED = ROOT / "samples" / "converted"
FONT = "Noto Serif CJK TC"
FIXED_TIME = (2019, 11, 12, 9, 0, 0)  # zip entry times, so ODT bytes are reproducible
ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"
ATTACH = "376550000A1080251637_118_ATTACH{}.odt"


# ---------- ODT writing (odfpy) ----------

def new_document(footer: str | None = None, binding_line: bool = False) -> tuple[OpenDocumentText, dict]:
    """Given a footer pattern ("第{page}頁，共{count}頁") and whether to draw a binding line, return a document and its styles."""
    doc = OpenDocumentText()
    doc.fontfacedecls.addElement(FontFace(name=FONT, fontfamily=FONT, fontfamilygeneric="roman"))
    styles: dict[str, Style] = {}

    def paragraph(name, size, automatic=False, text=None, **para):
        style = Style(name=name, family="paragraph")
        style.addElement(TextProperties(fontname=FONT, fontnameasian=FONT, fontsize=f"{size}pt",
                                        fontsizeasian=f"{size}pt", **(text or {})))
        style.addElement(ParagraphProperties(**para))
        (doc.automaticstyles if automatic else doc.styles).addElement(style)
        styles[name] = style
        return style

    paragraph("Standard", 14, lineheight="130%")
    paragraph("Small", 12)
    paragraph("Contact", 12, marginleft="9cm")
    paragraph("Title", 20, textalign="center", marginbottom="0.4cm", text={"fontweight": "bold",
                                                                           "fontweightasian": "bold"})
    paragraph("Label", 16, marginleft="48pt", textindent="-48pt", lineheight="125%", margintop="0.1cm")
    paragraph("Item", 16, marginleft="48pt", textindent="-32pt", lineheight="125%")
    paragraph("Distribution", 12, marginleft="36pt", textindent="-36pt", margintop="0.15cm")
    paragraph("Signature", 20, marginleft="8cm", margintop="0.8cm")
    paragraph("Footer", 10, textalign="center")
    paragraph("Binding", 12, textalign="center")
    paragraph("Cell", 14, lineheight="120%")
    paragraph("Body", 14, marginleft="1.6cm", lineheight="130%")
    paragraph("TitleNextPage", 20, automatic=True, textalign="center", marginbottom="0.4cm", breakbefore="page",
              text={"fontweight": "bold", "fontweightasian": "bold"})
    heading = Style(name="Heading", family="paragraph", defaultoutlinelevel="1")
    heading.addElement(TextProperties(fontname=FONT, fontnameasian=FONT, fontsize="15pt", fontsizeasian="15pt",
                                      fontweight="bold", fontweightasian="bold"))
    heading.addElement(ParagraphProperties(margintop="0.3cm", marginbottom="0.1cm"))
    doc.styles.addElement(heading)
    styles["Heading"] = heading

    shadow = Style(name="FakeBold", family="text")  # LibreOffice draws shadowed glyphs twice: fake bold
    shadow.addElement(TextProperties(textshadow="0.4pt 0.4pt"))
    doc.automaticstyles.addElement(shadow)
    styles["FakeBold"] = shadow

    layout = PageLayout(name="A4")
    layout.addElement(PageLayoutProperties(pagewidth="21cm", pageheight="29.7cm", printorientation="portrait",
                                           margintop="1.5cm", marginbottom="1.2cm", marginleft="2.5cm",
                                           marginright="2cm"))
    doc.automaticstyles.addElement(layout)
    master = MasterPage(name="Standard", pagelayoutname=layout)
    if binding_line:
        master.addElement(binding_line_header(doc))
    if footer:
        master.addElement(page_footer(footer, styles["Footer"]))
    doc.masterstyles.addElement(master)
    return doc, styles


def binding_line_header(doc: OpenDocumentText) -> Header:
    """Given a document, return a page header holding the 裝訂線: 裝, 訂, 線 one per line in the left margin."""
    frame_style = Style(name="BindingFrame", family="graphic")
    frame_style.addElement(GraphicProperties(horizontalpos="from-left",
                                             horizontalrel="page", verticalpos="from-top", verticalrel="page",
                                             wrap="run-through", border="none", padding="0cm", fill="none"))
    doc.automaticstyles.addElement(frame_style)
    box = TextBox()
    for index, char in enumerate("裝訂線"):
        if index:
            for _ in range(6):
                box.addElement(P(stylename="Binding", text="|"))
        box.addElement(P(stylename="Binding", text=char))
    frame = Frame(stylename=frame_style, anchortype="paragraph", x="0.9cm", y="7cm", width="0.8cm",
                  height="15cm", zindex="0")
    frame.addElement(box)
    header = Header()
    holder = P(stylename="Footer")
    holder.addElement(frame)
    header.addElement(holder)
    return header


def page_footer(pattern: str, style: Style) -> Footer:
    """Given a pattern with {page} and {count}, return a page footer with live page-number fields."""
    para = P(stylename=style)
    head, rest = pattern.split("{page}")
    middle, tail = rest.split("{count}")
    para.addText(head)
    para.addElement(PageNumber(selectpage="current", text="1"))
    para.addText(middle)
    para.addElement(PageCount(text="1"))
    para.addText(tail)
    footer = Footer()
    footer.addElement(para)
    return footer


def number_list_style(doc: OpenDocumentText, name: str, levels: list[tuple[str, str, str]]) -> ListStyle:
    """Given (num-format, prefix, suffix) per level, return an automatic list style numbering them."""
    style = ListStyle(name=name)
    for level, (num_format, prefix, suffix) in enumerate(levels, 1):
        number = ListLevelStyleNumber(level=level, numformat=num_format, numprefix=prefix, numsuffix=suffix)
        number.addElement(ListLevelProperties(spacebefore=f"{0.6 * (level - 1):.1f}cm", minlabelwidth="1.4cm"))
        style.addElement(number)
    doc.automaticstyles.addElement(style)
    return style


def outline_style(doc: OpenDocumentText, num_format: str, suffix: str) -> None:
    """Given a num-format and suffix, number level-1 headings with them (text:outline-style)."""
    outline = OutlineStyle(name="Outline")
    level = OutlineLevelStyle(level=1, numformat=num_format, numsuffix=suffix)
    level.addElement(ListLevelProperties(minlabelwidth="1.2cm"))
    outline.addElement(level)
    doc.styles.addElement(outline)


def text_paragraph(style, text: str, bold_style: Style | None = None, element=P) -> P:
    """Given a style and text, return a paragraph (its text in a fake-bold span when asked)."""
    para = element(stylename=style)
    if bold_style is None:
        para.addText(text)
    else:
        para.addElement(Span(stylename=bold_style, text=text))
    return para


def plan_items_to_list(items: list, style: ListStyle | None, body_style) -> List:
    """Given plan items (text, (title, body) or (title, sub-items)), return a text:list numbering them."""
    lst = List(stylename=style) if style is not None else List()
    for item in items:
        entry = ListItem()
        if isinstance(item, str):
            entry.addElement(P(stylename="Standard", text=item))
        else:
            title, sub = item
            entry.addElement(P(stylename="Standard", text=title))
            if isinstance(sub, str):
                entry.addElement(P(stylename=body_style, text=sub))
            else:
                entry.addElement(plan_items_to_list(sub, None, body_style))
        lst.addElement(entry)
    return lst


def plan_to_odt() -> OpenDocumentText:
    """Return the seed's plan (專案安全維護計畫) as an ODT with 壹 headings and 一、 (一) 1、 list numbering."""
    doc, styles = new_document()
    outline_style(doc, "壹, 貳, 參, ...", "、")
    numbers = number_list_style(doc, "PlanList", [("一, 二, 三, ...", "", "、"), ("一, 二, 三, ...", "(", ")"),
                                                  ("1", "", "、"), ("1", "(", ")")])
    for line in seed.PLAN_TITLE:
        doc.text.addElement(P(stylename=styles["Title"], text=line))
    for heading, text, items in seed.PLAN:
        doc.text.addElement(H(outlinelevel=1, stylename=styles["Heading"], text=heading))
        if text:
            doc.text.addElement(P(stylename=styles["Body"], text=text))
        if not items:
            continue
        if heading == "執行":
            # 一、工作期程 with its text outside the list, then 二、工作要項 continuing the numbering
            (title, body), rest = items[0], items[1:]
            doc.text.addElement(plan_items_to_list([title], numbers, styles["Body"]))
            doc.text.addElement(P(stylename=styles["Body"], text=body))
            continued = plan_items_to_list(rest, numbers, styles["Body"])
            continued.setAttribute("continuenumbering", "true")
            doc.text.addElement(continued)
        else:
            doc.text.addElement(plan_items_to_list(items, numbers, styles["Body"]))
    return doc


def division_to_odt() -> OpenDocumentText:
    """Return the seed's 分工表 as an ODT: a two-column table, its last row on page 2 under the repeated title."""
    doc, styles = new_document()
    duties = number_list_style(doc, "DutyList", [("1", "", ".")])
    table_style = Style(name="DivisionTable", family="table")
    table_style.addElement(TableProperties(width="16.5cm", align="center"))
    doc.automaticstyles.addElement(table_style)
    columns = []
    for name, width in (("UnitColumn", "4.5cm"), ("DutyColumn", "12cm")):
        column = Style(name=name, family="table-column")
        column.addElement(TableColumnProperties(columnwidth=width))
        doc.automaticstyles.addElement(column)
        columns.append(column)
    cell_style = Style(name="RuledCell", family="table-cell")
    cell_style.addElement(TableCellProperties(border="0.5pt solid #000000", padding="0.1cm"))
    doc.automaticstyles.addElement(cell_style)

    def table(rows, title_style):
        doc.text.addElement(P(stylename=title_style, text=seed.DIVISION_TITLE))
        grid = Table(name=f"Division{len(doc.text.childNodes)}", stylename=table_style)
        for column in columns:
            grid.addElement(TableColumn(stylename=column))
        for unit, unit_duties in rows:
            row = TableRow()
            unit_cell = TableCell(stylename=cell_style, valuetype="string")
            unit_cell.addElement(P(stylename=styles["Cell"], text=unit))
            duty_cell = TableCell(stylename=cell_style, valuetype="string")
            if len(unit_duties) == 1:
                duty_cell.addElement(P(stylename=styles["Cell"], text=unit_duties[0]))
            else:
                lst = List(stylename=duties)
                for duty in unit_duties:
                    item = ListItem()
                    item.addElement(P(stylename=styles["Cell"], text=duty))
                    lst.addElement(item)
                duty_cell.addElement(lst)
            row.addElement(unit_cell)
            row.addElement(duty_cell)
            grid.addElement(row)
        doc.text.addElement(grid)

    split = seed.DIVISION_FIRST_PAGE_ROWS
    table(seed.DIVISION[:split], styles["Title"])
    table(seed.DIVISION[split:], styles["TitleNextPage"])
    return doc


def letter_to_odt(letter, footer: str, binding_line: bool) -> OpenDocumentText:
    """Given letter content (a module-like object), return the 函 laid out as an ODT."""
    doc, styles = new_document(footer=footer, binding_line=binding_line)
    for line in letter.HEADER:
        doc.text.addElement(P(stylename=styles["Small"], text=line))
    doc.text.addElement(text_paragraph(styles["Title"], letter.TITLE, styles["FakeBold"]))
    for line in letter.CONTACT:
        doc.text.addElement(P(stylename=styles["Contact"], text=line))
    doc.text.addElement(P(stylename=styles["Small"], text=""))
    for line in letter.FIELDS:
        doc.text.addElement(P(stylename=styles["Small"], text=line))
    label, subject = letter.SUBJECT
    doc.text.addElement(P(stylename=styles["Label"], text=label + subject))
    for label, items in letter.SECTIONS:
        doc.text.addElement(P(stylename=styles["Label"], text=label))
        for marker, text in items:
            doc.text.addElement(P(stylename=styles["Item"], text=marker + text))
    if getattr(letter, "SIGNATURE", None):
        doc.text.addElement(P(stylename=styles["Signature"], text=letter.SIGNATURE))
    for label, names in letter.DISTRIBUTION:
        doc.text.addElement(P(stylename=styles["Distribution"], text=label + names))
    return doc


class SeedLetter:
    """The seed letter's content in the shape letter_to_odt reads."""
    HEADER = [line for _, line in seed.LETTER_HEADER]
    TITLE = seed.LETTER_TITLE
    CONTACT = seed.LETTER_CONTACT
    FIELDS = seed.LETTER_FIELDS
    SUBJECT = seed.LETTER_SUBJECT
    SECTIONS = seed.LETTER_SECTIONS
    DISTRIBUTION = seed.LETTER_DISTRIBUTION


def odt_bytes(doc: OpenDocumentText) -> bytes:
    """Given an odfpy document, return its .odt bytes with fixed zip times (reproducible output)."""
    raw = io.BytesIO()
    doc.save(raw)
    return rezip(zipfile.ZipFile(raw))


def rezip(source: zipfile.ZipFile, extra: dict[str, bytes] | None = None, drop: tuple[str, ...] = ()) -> bytes:
    """Given a zip, return it rewritten with fixed times, mimetype first and stored; members replaced or dropped."""
    out = io.BytesIO()
    members = {name: source.read(name) for name in source.namelist() if name not in drop}
    members.update(extra or {})
    with zipfile.ZipFile(out, "w") as target:
        for name in sorted(members, key=lambda n: (n != "mimetype", n)):
            info = zipfile.ZipInfo(name, FIXED_TIME)
            info.compress_type = zipfile.ZIP_STORED if name == "mimetype" else zipfile.ZIP_DEFLATED
            target.writestr(info, members[name])
    return out.getvalue()


# ---------- PDF making (LibreOffice) ----------

def soffice_convert(odt: bytes, target: str, work: Path, name: str) -> bytes:
    """Given ODT bytes and a LibreOffice filter target ("pdf", "fodt", "pdf:…"), return the converted bytes."""
    source = work / f"{name}.odt"
    source.write_bytes(odt)
    profile = (work / "profile").as_uri()
    subprocess.run(["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to", target,
                    "--outdir", str(work / "out"), str(source)], check=True, capture_output=True, timeout=180)
    suffix = target.split(":")[0]
    return (work / "out" / f"{name}.{suffix}").read_bytes()


def check_text_layer(pdf: bytes, expected: list[str], name: str) -> None:
    """Given PDF bytes and strings its text must contain, stop with a message when the text layer is wrong."""
    import pdfplumber
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        text = "".join(page.crop((page.width * 0.1, 0, page.width, page.height)).dedupe_chars(tolerance=2)
                       .extract_text(x_tolerance_ratio=0.25) for page in doc.pages)  # binding line cropped
    flat = "".join(text.split())
    missing = [s for s in expected if "".join(s.split()) not in flat]
    if missing:
        raise SystemExit(f"{name}: text layer does not read back (missing {missing[:2]}); is fonts-noto-cjk installed?")


def merge_pdfs(parts: list[bytes]) -> bytes:
    """Given PDFs, return one PDF with all their pages in order."""
    import pypdfium2 as pdfium
    merged = pdfium.PdfDocument.new()
    for part in parts:
        merged.import_pages(pdfium.PdfDocument(part))
    out = io.BytesIO()
    merged.save(out)
    return out.getvalue()


# ---------- bad files ----------

def minimal_odt(content: bytes, with_content: bool = True) -> bytes:
    """Given content.xml bytes, return a small ODT zip around them (or without content.xml)."""
    manifest = (b'<?xml version="1.0" encoding="UTF-8"?>\n<manifest:manifest xmlns:manifest='
                b'"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
                b'<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.'
                b'opendocument.text"/></manifest:manifest>')
    members = {"mimetype": ODT_MIMETYPE, "META-INF/manifest.xml": manifest}
    if with_content:
        members["content.xml"] = content
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for name, data in members.items():
            info = zipfile.ZipInfo(name, FIXED_TIME)
            info.compress_type = zipfile.ZIP_STORED if name == "mimetype" else zipfile.ZIP_DEFLATED
            target.writestr(info, data)
    return out.getvalue()


CONTENT_HEAD = (b'<?xml version="1.0" encoding="UTF-8"?>\n')
CONTENT_ROOT = (b'<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
                b'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
                b'<office:body><office:text>')
CONTENT_END = b"</office:text></office:body></office:document-content>"


def billion_laughs() -> bytes:
    """Return a content.xml whose DTD defines the billion-laughs entity bomb."""
    entities = [b'<!ENTITY lol "lol">'] + [
        b'<!ENTITY lol%d "%s">' % (i, (b"&lol%s;" % (str(i - 1).encode() if i > 1 else b"")) * 10)
        for i in range(1, 10)]
    doctype = b"<!DOCTYPE office:document-content [" + b"".join(entities) + b"]>\n"
    return CONTENT_HEAD + doctype + CONTENT_ROOT + b"<text:p>&lol9;</text:p>" + CONTENT_END


def external_entity() -> bytes:
    """Return a content.xml reading /etc/passwd through an external entity (XXE)."""
    doctype = b'<!DOCTYPE office:document-content [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n'
    return CONTENT_HEAD + doctype + CONTENT_ROOT + b"<text:p>&xxe;</text:p>" + CONTENT_END


def zip_bomb(decompressed_mb: int = 100) -> bytes:
    """Return an ODT whose content.xml is small compressed and ``decompressed_mb`` MB decompressed."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        info = zipfile.ZipInfo("mimetype", FIXED_TIME)
        target.writestr(info, ODT_MIMETYPE)
        info = zipfile.ZipInfo("content.xml", FIXED_TIME)
        info.compress_type = zipfile.ZIP_DEFLATED
        with target.open(info, "w", force_zip64=True) as stream:
            stream.write(CONTENT_HEAD + CONTENT_ROOT + b"<text:p>")
            block = b" " * (1024 * 1024)
            for _ in range(decompressed_mb):
                stream.write(block)
            stream.write(b"</text:p>" + CONTENT_END)
    return out.getvalue()


def not_odf_zip() -> bytes:
    """Return a plain zip (no ODF mimetype) named like an ODT."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        target.writestr(zipfile.ZipInfo("readme.txt", FIXED_TIME), "這不是 ODF 文件。\n")
        target.writestr(zipfile.ZipInfo("data/letter.txt", FIXED_TIME), "主旨：測試。\n")
    return out.getvalue()


def scanned_pdf() -> bytes:
    """Return an image-only PDF (a 'scan' of a letter's first lines, no text layer)."""
    from PIL import Image, ImageDraw, ImageFont
    font_path = subprocess.run(["fc-match", "-f", "%{file}", f"{FONT}:lang=zh-tw"], capture_output=True,
                               text=True, check=True).stdout
    page = Image.new("L", (827, 1169), 255)  # A4 at 100 dpi
    draw = ImageDraw.Draw(page)
    draw.text((300, 110), seed.LETTER_TITLE, font=ImageFont.truetype(font_path, 34), fill=0)
    small = ImageFont.truetype(font_path, 20)
    for index, line in enumerate(seed.LETTER_CONTACT + seed.LETTER_FIELDS[:4]):
        draw.text((100 if index >= 3 else 420, 190 + 34 * index), line[:34], font=small, fill=0)
    out = io.BytesIO()
    page.convert("1").save(out, "PDF", resolution=100.0)
    return out.getvalue()


def pin_dates(data: bytes) -> bytes:
    """Given PDF or flat-ODT bytes, return them with dates, ids and checksums fixed (PDF lengths kept, so offsets hold)."""
    data = re.sub(rb"D:\d{14}", b"D:20191112090000", data)
    data = re.sub(rb"/(?:ID\s*\[\s*<[0-9A-Fa-f]+>\s*<[0-9A-Fa-f]+>\s*\]|DocChecksum /[0-9A-F]+)",
                  lambda m: re.sub(rb"[0-9A-F]{8,}", lambda h: b"0" * len(h.group(0)), m.group(0)), data)
    data = re.sub(rb"(<(?:meta:creation-date|dc:date|meta:editing-duration)>)[^<]*(<)", rb"\g<1>2019-11-12T09:00:00\g<2>",
                  data)
    data = re.sub(rb'(config:name="Rsid[^"]*"[^>]*>)\d+', rb"\g<1>0", data)
    ids: dict[bytes, bytes] = {}
    return re.sub(rb"\blist\d{6,}\b", lambda m: ids.setdefault(m.group(0), b"list%d" % (len(ids) + 1)), data)


def write(path: Path, data: bytes, pin: bool = True) -> None:
    """Given a path and bytes, write them through a temporary file in the same folder (dates pinned unless told)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if pin and path.suffix in (".pdf", ".fodt"):
        data = pin_dates(data)
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)
    print(f"{path.relative_to(ROOT)}  {len(data)} bytes")


def main() -> None:
    """Write every sample: attachments as ODT, letters and a bundle as PDF, and the bad files."""
    if not shutil.which("soffice"):
        raise SystemExit("make samples needs LibreOffice (soffice) and fonts-noto-cjk")
    plan, division = odt_bytes(plan_to_odt()), odt_bytes(division_to_odt())
    letter = odt_bytes(letter_to_odt(SeedLetter, footer="第{page}頁，共{count}頁", binding_line=False))
    two_page = odt_bytes(letter_to_odt(fiction, footer="第 {page} 頁，共 {count} 頁", binding_line=True))
    write(INBOX / ATTACH.format(1), plan)
    write(INBOX / ATTACH.format(2), division)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        letter_pdf = soffice_convert(letter, "pdf", work, "letter")
        check_text_layer(letter_pdf, [seed.LETTER_SUBJECT[1], seed.LETTER_DISTRIBUTION[1][1]], "seed letter")
        two_page_pdf = soffice_convert(two_page, "pdf", work, "two_page")
        check_text_layer(two_page_pdf, [fiction.SUBJECT[1], fiction.SECTIONS[0][1][-1][1]], "two-page letter")
        plan_pdf = soffice_convert(plan, "pdf", work, "plan")
        check_text_layer(plan_pdf, [seed.PLAN[-1][0]], "plan")
        division_pdf = soffice_convert(division, "pdf", work, "division")
        check_text_layer(division_pdf, [seed.DIVISION[-1][1][0]], "division table")
        plan_flat = soffice_convert(plan, "fodt", work, "plan")
        encrypted = soffice_convert(letter, 'pdf:writer_pdf_Export:{"EncryptFile":{"type":"boolean","value":"true"},'
                                    '"DocumentOpenPassword":{"type":"string","value":"gongwen"}}', work, "letter")
    write(INBOX / "hualien-1080251637.pdf", letter_pdf)
    write(INBOX / "dongyu-1130012345-two-pages.pdf", two_page_pdf)
    write(BUNDLES / "hualien-1080251637-with-attachments.pdf", merge_pdfs([letter_pdf, plan_pdf, division_pdf]))
    write(CONVERTED / "376550000A1080251637_118_ATTACH1.fodt", plan_flat)
    write(BAD / "truncated.pdf", letter_pdf[: len(letter_pdf) * 2 // 3])
    write(BAD / "encrypted.pdf", encrypted, pin=False)  # its key derives from its /ID: left as written
    write(BAD / "scanned-no-text.pdf", scanned_pdf())
    write(BAD / "not-odf.odt", not_odf_zip())
    write(BAD / "entity-bomb.odt", minimal_odt(billion_laughs()))
    write(BAD / "external-entity.odt", minimal_odt(external_entity()))
    write(BAD / "zip-bomb.odt", zip_bomb())
    write(BAD / "malformed-xml.odt", minimal_odt(CONTENT_HEAD + CONTENT_ROOT
                                                 + "<text:p>主旨：<text:span>測試</text:p>".encode() + CONTENT_END))
    write(BAD / "no-content.odt", minimal_odt(b"", with_content=False))


if __name__ == "__main__":
    main()
