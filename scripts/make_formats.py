"""Make the Word and spreadsheet test files (tests/data/formats) from the seed's content: ``make formats``.

- the seed letter as an ODT whose 說明 items are numbered by a list style (一、), converted by
  LibreOffice to .docx (Word numbering.xml), .doc and .rtf;
- the sample plan and 分工表 ODTs converted to .docx;
- the 分工表 as an .xlsx written here (title row merged across, header row, a unit merged over
  two rows, a wrapped duty cell), converted by LibreOffice to .ods and .xls.
Needs LibreOffice; the produced files are committed, so tests need it only for .doc/.rtf/.xls.
"""
from __future__ import annotations

import re
import sys
import tempfile
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

sys.path.insert(0, str(Path(__file__).parent))
import make_samples as samples  # noqa: E402
import seed_content as seed  # noqa: E402
from odf.text import List, ListItem, P  # noqa: E402

OUT = samples.ROOT / "tests" / "data" / "formats"


def numbered_letter_odt() -> bytes:
    """Return the seed letter as ODT bytes, its 說明 items numbered 一、 二、 by a list style (not typed)."""
    doc, styles = samples.new_document()
    items = samples.number_list_style(doc, "ItemList", [("一, 二, 三, ...", "", "、"), ("一, 二, 三, ...", "(", ")")])
    for _, line in seed.LETTER_HEADER:
        doc.text.addElement(P(stylename=styles["Small"], text=line))
    doc.text.addElement(P(stylename=styles["Title"], text=seed.LETTER_TITLE))
    for line in seed.LETTER_CONTACT:
        doc.text.addElement(P(stylename=styles["Contact"], text=line))
    for line in seed.LETTER_FIELDS:
        doc.text.addElement(P(stylename=styles["Small"], text=line))
    doc.text.addElement(P(stylename=styles["Label"], text="".join(seed.LETTER_SUBJECT)))
    for label, section_items in seed.LETTER_SECTIONS:
        doc.text.addElement(P(stylename=styles["Label"], text=label))
        numbered = List(stylename=items)
        for _, text in section_items:
            item = ListItem()
            item.addElement(P(stylename=styles["Item"], text=text))
            numbered.addElement(item)
        doc.text.addElement(numbered)
    for label, names in seed.LETTER_DISTRIBUTION:
        doc.text.addElement(P(stylename=styles["Distribution"], text=label + names))
    return samples.odt_bytes(doc)


def cell_xml(ref: str, text: str, style: int) -> str:
    """Given a cell reference, its text and a style index, return an inline-string c element."""
    return f'<c r="{ref}" t="inlineStr" s="{style}"><is><t xml:space="preserve">{escape(text)}</t></is></c>'


def division_rows() -> list[list[str]]:
    """Return the 分工表 as sheet rows: header, then a row per unit; the unit with two duties over two rows (its
    cell merged), the last duty with a line break inside its cell (wrapped)."""
    rows = [["單位", "工作項目"]]
    for unit, duties in seed.DIVISION:
        if len(duties) > 1:
            rows += [[unit if i == 0 else "", f"{i + 1}.{duty}"] for i, duty in enumerate(duties)]
        else:
            rows.append([unit, duties[0]])
    last = rows[-1][1]
    rows[-1][1] = last[:last.index(",") + 1] + "\n" + last[last.index(",") + 1:]  # a line break typed in the cell
    return rows


def division_xlsx() -> bytes:
    """Return the 分工表 as .xlsx bytes: the title in A1 merged over A1:B1, a unit merged over two rows."""
    rows = division_rows()
    sheet_rows = [f'<row r="1">{cell_xml("A1", seed.DIVISION_TITLE, 1)}</row>']
    merges = ["A1:B1"]
    for r, row in enumerate(rows, 2):
        sheet_rows.append(f'<row r="{r}">' + "".join(cell_xml(f"{col}{r}", text, 1)
                                                       for col, text in zip("AB", row) if text) + "</row>")
        if row[0] == "" and r > 2:
            merges.append(f"A{r - 1}:A{r}")
    merge_xml = "".join(f'<mergeCell ref="{m}"/>' for m in merges)
    main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    parts = {
        "[Content_Types].xml": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
            '<Override PartName="/xl/worksheets/sheet1.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
            '<Override PartName="/xl/styles.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>'),
        "_rels/.rels": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'<Relationship Id="rId1" Type="{rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>'),
        "xl/workbook.xml": (
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="{main}" xmlns:r="{rel}">'
            '<sheets><sheet name="分工表" sheetId="1" r:id="rId1"/></sheets></workbook>'),
        "xl/_rels/workbook.xml.rels": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'<Relationship Id="rId1" Type="{rel}/worksheet" Target="worksheets/sheet1.xml"/>'
            f'<Relationship Id="rId2" Type="{rel}/styles" Target="styles.xml"/></Relationships>'),
        "xl/styles.xml": (  # style 1: wrap text (so the typed line break shows as a wrapped cell)
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><styleSheet xmlns="{main}">'
            '<fonts count="1"><font><sz val="12"/><name val="Noto Sans CJK TC"/></font></fonts>'
            '<fills count="1"><fill><patternFill patternType="none"/></fill></fills>'
            '<borders count="1"><border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs>'
            '<cellXfs count="2"><xf/><xf applyAlignment="1"><alignment wrapText="1" vertical="top"/></xf></cellXfs>'
            '</styleSheet>'),
        "xl/worksheets/sheet1.xml": (
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="{main}">'
            '<cols><col min="1" max="1" width="24" customWidth="1"/><col min="2" max="2" width="70" customWidth="1"/>'
            f'</cols><sheetData>{"".join(sheet_rows)}</sheetData>'
            f'<mergeCells count="{len(merges)}">{merge_xml}</mergeCells>'
            '</worksheet>'),
    }
    return zip_parts({name: text.encode() for name, text in parts.items()})


def zip_parts(parts: dict[str, bytes]) -> bytes:
    """Given part names and bytes, return a zip of them with fixed times (reproducible bytes)."""
    out = samples.io.BytesIO()
    with zipfile.ZipFile(out, "w") as package:
        for name, data in parts.items():
            info = zipfile.ZipInfo(name, samples.FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            package.writestr(info, data)
    return out.getvalue()


def pin_office_dates(data: bytes) -> bytes:
    """Given .docx/.xlsx/.ods bytes from LibreOffice, return them with document dates and zip times fixed."""
    source = zipfile.ZipFile(samples.io.BytesIO(data))
    parts = {}
    for name in source.namelist():
        part = source.read(name)
        if name in ("docProps/core.xml", "meta.xml"):
            part = re.sub(rb"(<(?:dcterms:created|dcterms:modified|meta:creation-date|dc:date)[^>]*>)[^<]*(<)",
                          rb"\g<1>2019-11-12T09:00:00Z\g<2>", part)
            part = re.sub(rb"(<meta:editing-duration>)[^<]*(<)", rb"\g<1>PT0S\g<2>", part)
        parts[name] = part
    if "mimetype" in parts:
        return samples.rezip(zipfile.ZipFile(samples.io.BytesIO(zip_parts(parts))))
    return zip_parts(parts)


def convert(data: bytes, source_suffix: str, target: str, work: Path, name: str) -> bytes:
    """Given file bytes and their suffix, return them converted by LibreOffice to ``target`` (docx, ods, xls …)."""
    source = work / f"{name}.{source_suffix}"
    source.write_bytes(data)
    samples.subprocess.run(["soffice", f"-env:UserInstallation={(work / 'profile').as_uri()}", "--headless",
                            "--convert-to", target, "--outdir", str(work / "out"), str(source)],
                           check=True, capture_output=True, timeout=180)
    out = (work / "out" / f"{name}.{target}").read_bytes()
    return pin_office_dates(out) if target in ("docx", "xlsx", "ods") else out


def main() -> None:
    """Write the Word and spreadsheet test files."""
    if not samples.shutil.which("soffice"):
        raise SystemExit("make formats needs LibreOffice (soffice)")
    letter = numbered_letter_odt()
    xlsx = division_xlsx()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        letter_docx = convert(letter, "odt", "docx", work, "letter")
        outputs = {
            "seed-letter-numbered.odt": letter,
            "seed-letter-numbered.docx": letter_docx,
            "seed-letter-numbered.doc": convert(letter_docx, "docx", "doc", work, "letter"),
            "seed-letter-numbered.rtf": convert(letter_docx, "docx", "rtf", work, "letter"),
            "plan.docx": convert((samples.INBOX / samples.ATTACH.format(1)).read_bytes(), "odt", "docx", work, "plan"),
            "division.docx": convert((samples.INBOX / samples.ATTACH.format(2)).read_bytes(), "odt", "docx", work,
                                     "division"),
            "division.xlsx": xlsx,
            "division.ods": convert(xlsx, "xlsx", "ods", work, "division"),
            "division.xls": convert(xlsx, "xlsx", "xls", work, "division"),
        }
    for name, data in outputs.items():
        samples.write(OUT / name, data, pin=False)


if __name__ == "__main__":
    main()
