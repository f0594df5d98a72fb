"""Build hostile inputs for the robustness tests: minimal PDFs with broken page trees, mutated ODTs."""
from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
PLAN_ODT = SAMPLES / "inbox" / "376550000A1080251637_118_ATTACH1.odt"
SEED_TEXT = SAMPLES / "inbox" / "000_7274a88dd80a289e.txt"
PAGE_CONTENT = b"BT /F1 12 Tf 72 720 Td (Hello) Tj ET"


def pdf_bytes(objects: list[bytes]) -> bytes:
    """Given the bodies of objects 1..n (1 is the catalog), return a PDF with a correct xref table."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def page_objects(kids: list[int], count: int, pages_obj: int = 2) -> list[bytes]:
    """Given the object numbers of page kids and a /Count, return catalog, pages, font and content objects."""
    return [b"<< /Type /Catalog /Pages %d 0 R >>" % pages_obj,
            b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(b"%d 0 R" % k for k in kids), count),
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
            b"<< /Length %d >>\nstream\n" % len(PAGE_CONTENT) + PAGE_CONTENT + b"\nendstream"]


def page(parent: int = 2) -> bytes:
    """Return a page object body drawing 'Hello' (objects 3 and 4: font and content)."""
    return b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> " \
           b"/Contents 4 0 R >>" % parent


def many_pages_pdf(n: int) -> bytes:
    """Return a PDF of n pages (each its own page object)."""
    return pdf_bytes(page_objects(list(range(5, 5 + n)), n) + [page()] * n)


def looping_pdf() -> bytes:
    """Return a PDF whose page tree holds itself: pages node 2 has kid 5, a pages node whose kid is 2."""
    objects = page_objects([5, 6], 3)
    return pdf_bytes(objects + [b"<< /Type /Pages /Parent 2 0 R /Kids [2 0 R] /Count 2 >>", page()])


def lying_count_pdf(count: int) -> bytes:
    """Return a PDF with one page whose page tree claims ``count`` pages."""
    return pdf_bytes(page_objects([5], count) + [page()])


def odt_with(content_sub=None, styles: bytes | None = None) -> bytes:
    """Return the sample plan ODT with content.xml changed by ``content_sub`` (bytes → bytes) or styles.xml replaced."""
    source = zipfile.ZipFile(PLAN_ODT)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "content.xml" and content_sub:
                data = content_sub(data)
            if info.filename == "styles.xml" and styles is not None:
                data = styles
            method = zipfile.ZIP_STORED if info.filename == "mimetype" else zipfile.ZIP_DEFLATED
            target.writestr(info.filename, data, compress_type=method)
    return out.getvalue()


def odt_member(name: str) -> bytes:
    """Return a member of the sample plan ODT."""
    return zipfile.ZipFile(PLAN_ODT).read(name)


def odt_body(inner: bytes) -> bytes:
    """Return the sample plan ODT with its office:text body replaced by ``inner``."""
    return odt_with(lambda d: re.sub(rb"<office:text>.*</office:text>", lambda _: b"<office:text>" + inner + b"</office:text>",
                                     d, flags=re.S))
