"""Make scanned copies of sample letters, as a front desk's scanner or fax would: ``make scans``.

A PDF page is rasterised with PDFium at a given resolution, then given what paper scans have:
a skew of a few degrees, speckle noise, a red seal (印信) stamped over the body, a blue 收文章
outline near the top (with a date and number in it that must not be read as the letter's), and
optionally punched holes (打孔) in the left margin, rotation or a 1-bit fax TIFF (CCITT G4). Everything is seeded: the same call gives the
same pixels. Writes the small committed scans to tests/data/scans; bench/ocr.py calls ``scan``
for the resolutions it measures.
"""
from __future__ import annotations

import random
import sys
import time
from pathlib import Path

import pypdfium2 as pdfium
from PIL import Image, ImageChops, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parent.parent
SEED_PDF = ROOT / "samples" / "inbox" / "hualien-1080251637.pdf"
TWO_PAGE_PDF = ROOT / "samples" / "inbox" / "dongyu-1130012345-two-pages.pdf"
BUNDLE_PDF = ROOT / "samples" / "bundles" / "hualien-1080251637-with-attachments.pdf"
DIVISION_PAGES = [4, 5]  # the bundle's ruled 分工表 (0-based pages)
OUT = ROOT / "tests" / "data" / "scans"
FONT = "/usr/share/fonts/opentype/noto/NotoSerifCJK-Bold.ttc"
RED, BLUE = (205, 30, 35), (40, 60, 185)


def rasterise(pdf_path: Path, dpi: int, pages: list[int] | None = None) -> list[Image.Image]:
    """Given a PDF, a resolution and optionally which pages (0-based), return the pages as RGB images."""
    pdf = pdfium.PdfDocument(str(pdf_path))
    try:
        return [pdf[i].render(scale=dpi / 72).to_pil().convert("RGB") for i in (pages or range(len(pdf)))]
    finally:
        pdf.close()


def font(size: int) -> ImageFont.FreeTypeFont:
    """Given a pixel size, return the CJK font for stamps (Pillow's default font when it is missing)."""
    try:
        return ImageFont.truetype(FONT, size, index=1)  # index 1: Traditional Chinese
    except OSError:
        return ImageFont.load_default()


def red_seal(page: Image.Image, dpi: int) -> Image.Image:
    """Given a page, return it with a square red seal (印信) multiplied over the body, right of centre."""
    side = int(1.4 * dpi)
    seal = Image.new("RGB", (side, side), "white")
    draw = ImageDraw.Draw(seal)
    draw.rectangle([4, 4, side - 5, side - 5], outline=RED, width=max(3, dpi // 30))
    glyph = font(side // 3 - 8)
    for i, ch in enumerate("花蓮縣政府印信"[:6]):
        col, row = divmod(i, 3)
        draw.text((side - (col + 1) * side // 2 + side // 12, 12 + row * (side // 3 - 4)), ch, fill=RED, font=glyph)
    seal = seal.rotate(7, fillcolor="white")
    box = (int(page.width * 0.55), int(page.height * 0.42))
    region = page.crop((*box, box[0] + side, box[1] + side))
    page.paste(ImageChops.multiply(region, seal), box)
    return page


def blue_stamp(page: Image.Image, dpi: int) -> Image.Image:
    """Given a page, return it with a blue 收文 date stamp outline near the top right (digits inside)."""
    w, h = int(2.2 * dpi), int(0.9 * dpi)
    stamp = Image.new("RGB", (w, h), "white")
    draw = ImageDraw.Draw(stamp)
    draw.rounded_rectangle([3, 3, w - 4, h - 4], radius=dpi // 10, outline=BLUE, width=max(2, dpi // 50))
    draw.text((dpi // 8, dpi // 12), "明利國小 收文", fill=BLUE, font=font(dpi // 5))
    draw.text((dpi // 8, dpi // 2 - dpi // 20), "108.11.15 第1080003321號", fill=BLUE, font=font(dpi // 6))
    box = (int(page.width * 0.58), int(page.height * 0.03))
    region = page.crop((*box, box[0] + w, box[1] + h))
    page.paste(ImageChops.multiply(region, stamp), box)
    return page


def punched_holes(page: Image.Image, dpi: int) -> Image.Image:
    """Given a page, return it with two punched holes (6 mm, 80 mm apart, 12 mm from the left edge) as a scanner
    sees them: dark discs where the lid shows through."""
    page = page.copy()
    draw = ImageDraw.Draw(page)
    radius, x = round(3 / 25.4 * dpi), round(12 / 25.4 * dpi)
    middle, gap = page.height // 2, round(40 / 25.4 * dpi)
    for y in (middle - gap, middle + gap):
        draw.ellipse([x - radius, y - radius, x + radius, y + radius], fill=(38, 38, 38))
    return page


def speckle(page: Image.Image, share: float, rng: random.Random) -> Image.Image:
    """Given a page, return it with ``share`` of its pixels turned to dark or light specks."""
    pixels = page.load()
    for _ in range(int(page.width * page.height * share)):
        x, y = rng.randrange(page.width), rng.randrange(page.height)
        shade = rng.choice((30, 60, 235))
        pixels[x, y] = (shade, shade, shade)
    return page


def scan(pdf_path: Path, dpi: int, skew: float = 2.0, noise: float = 0.002, stamps: bool = True,
         rotate: int = 0, seed: int = 1080251637, pages: list[int] | None = None,
         holes: bool = False) -> list[Image.Image]:
    """Given a text-layer PDF (and optionally which pages), return its pages as scans: stamped (first page),
    punched, speckled, skewed, rotated."""
    rng = random.Random(seed)
    scanned = []
    for number, page in enumerate(rasterise(pdf_path, dpi, pages)):
        if stamps and number == 0:
            page = blue_stamp(red_seal(page, dpi), dpi)
        if holes:
            page = punched_holes(page, dpi)
        page = speckle(page, noise, rng)
        page = page.rotate(skew, resample=Image.BICUBIC, expand=False, fillcolor="white")
        scanned.append(page.rotate(rotate, expand=True) if rotate else page)
    return scanned


def fax(pages: list[Image.Image], dpi: int) -> list[Image.Image]:
    """Given scanned pages at ``dpi``, return them as a fax sends them: 1-bit, 204×196 dpi (fine mode)."""
    out = []
    for page in pages:
        size = (round(page.width * 204 / dpi), round(page.height * 196 / dpi))
        out.append(page.convert("L").resize(size, Image.LANCZOS).point(lambda v: 255 if v > 150 else 0, mode="1"))
    return out


def save_pdf(pages: list[Image.Image], path: Path, dpi: int) -> None:
    """Given page images, write them as an image-only PDF (JPEG pages) at ``dpi``."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fixed = time.strptime("2019-11-12 09:00:00", "%Y-%m-%d %H:%M:%S")  # the PDF's dates pinned: the same bytes on every run
    pages[0].save(path, "PDF", resolution=dpi, save_all=True, append_images=pages[1:], quality=70,
                  creationDate=fixed, modDate=fixed)


def save_tiff(pages: list[Image.Image], path: Path, dpi: tuple[int, int]) -> None:
    """Given 1-bit pages, write them as one multi-page TIFF compressed with CCITT G4."""
    path.parent.mkdir(parents=True, exist_ok=True)
    pages[0].save(path, "TIFF", compression="group4", dpi=dpi, save_all=True, append_images=pages[1:])


def main() -> None:
    """Write the committed scans: the seed letter at 200 dpi (skewed, speckled, sealed, stamped) as PDF and PNG
    rotated 90°, the same as a 1-bit fax TIFF, a copy with two punched holes, the two-page letter as a two-page fax TIFF, and the ruled 分工表
    (pages 5–6 of the seed bundle) as a greyscale 200-dpi PDF."""
    sealed = scan(SEED_PDF, 200)
    save_pdf(sealed, OUT / "hualien-200dpi-skewed-sealed.pdf", 200)
    save_tiff(fax(sealed, 200), OUT / "hualien-fax.tif", (204, 196))
    rotated = scan(SEED_PDF, 150, skew=-1.0, rotate=90)[0].convert("L")
    rotated.save(OUT / "hualien-150dpi-rotated.jpg", quality=60, dpi=(150, 150))
    save_tiff(fax(scan(TWO_PAGE_PDF, 200, stamps=False), 200), OUT / "dongyu-two-page-fax.tif", (204, 196))
    save_pdf(scan(SEED_PDF, 200, holes=True), OUT / "hualien-200dpi-punched.pdf", 200)
    division = [page.convert("L") for page in scan(BUNDLE_PDF, 200, skew=1.5, stamps=False, pages=DIVISION_PAGES)]
    save_pdf(division, OUT / "division-ruled-200dpi.pdf", 200)
    for path in sorted(OUT.iterdir()):
        print(f"{path.relative_to(ROOT)}  {path.stat().st_size} bytes")


if __name__ == "__main__":
    sys.exit(main())
