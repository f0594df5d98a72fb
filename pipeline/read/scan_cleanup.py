"""Clean a scanned page before OCR: stamp colours dropped, punched holes and speckles removed, rotation and skew
undone.

Pure Pillow functions from an image to an image (or to the angle found). Red seals (印信) and
blue date stamps (收文章) are ink of a colour no letter's text has, so their pixels are painted
white before the page is read: their characters and digits never reach the parser.
"""
from __future__ import annotations

from PIL import Image, ImageChops, ImageFilter

STAMP_BRIGHT = 110  # …and that channel is this bright: black text under a seal stays (its pixels are dark)
STAMP_MARGIN = 30  # a pixel is stamp ink when its red (or blue) exceeds both other channels by this much
SKEW_LIMIT = 6.0  # degrees searched either way
SKEW_WIDTH = 700  # pixels: the page is shrunk to this width to find its skew
INK = 140  # grey level below which a pixel is ink
HOLE_MM = 4.0  # a punched hole (打孔) is a solid disc of 5–8 mm; no stroke of text is this thick
HOLE_MARGIN = 0.15  # …and it lies in the outer 15 % of the page, beside the binding edge
HOLE_DPI = 50  # the page is shrunk to this resolution to find holes


def drop_stamp_colours(page: Image.Image) -> Image.Image:
    """Given a page in any mode, return it in grey with red and blue ink (seals, stamps) painted white."""
    if page.mode not in ("RGB", "RGBA", "P", "CMYK", "YCbCr"):
        return page.convert("L")
    rgb = page.convert("RGB")
    red, green, blue = rgb.split()
    stronger = lambda a, b, c: ImageChops.darker(ImageChops.subtract(a, b), ImageChops.subtract(a, c))  # noqa: E731
    stamp = ImageChops.lighter(stronger(red, green, blue), stronger(blue, red, green))
    bright = ImageChops.lighter(red, blue).point(lambda v: 255 if v > STAMP_BRIGHT else 0)
    mask = ImageChops.multiply(stamp.point(lambda v: 255 if v > STAMP_MARGIN else 0), bright)
    grey = rgb.convert("L")
    grey.paste(255, mask=mask)
    return grey


def solid_ink(grey: Image.Image, dpi: float, size_mm: float) -> Image.Image:
    """Given a grey page and its resolution, return a mask (white) of its ink areas solid across ``size_mm`` in
    every direction (a morphological opening of the ink), at HOLE_DPI: thin strokes vanish, solid discs stay."""
    scale = HOLE_DPI / dpi
    small = grey.resize((max(1, round(grey.width * scale)), max(1, round(grey.height * scale))), Image.BOX)
    ink = small.point(lambda v: 255 if v < INK else 0)
    kernel = max(3, int(size_mm / 25.4 * HOLE_DPI) | 1)
    return ink.filter(ImageFilter.MinFilter(kernel)).filter(ImageFilter.MaxFilter(kernel))


def fill_punched_holes(grey: Image.Image, dpi: float) -> Image.Image:
    """Given a grey page and its resolution, return it with punched holes (solid dark discs in the outer margins)
    painted white, so OCR never reads them as 「○」 or 「●」; solid ink in the body (a bar, a black table cell) stays."""
    solid = solid_ink(grey, dpi, HOLE_MM)
    if not solid.getbbox():
        return grey
    w, h = solid.size
    body = (round(w * HOLE_MARGIN), round(h * HOLE_MARGIN), round(w * (1 - HOLE_MARGIN)), round(h * (1 - HOLE_MARGIN)))
    solid.paste(0, body)  # only the margins
    if not solid.getbbox():
        return grey
    mask = solid.filter(ImageFilter.MaxFilter(3)).resize(grey.size, Image.NEAREST)  # a little around the rim too
    cleaned = grey.copy()
    cleaned.paste(255, mask=mask)
    return cleaned


def despeckle(grey: Image.Image) -> Image.Image:
    """Given a grey page, return it with isolated specks (scanner dust, fax noise) removed by a 3×3 median."""
    return grey.filter(ImageFilter.MedianFilter(3))


def profile_sharpness(ink: Image.Image, angle: float) -> float:
    """Given an ink mask (ink white) and an angle, return how sharply its rows part when turned by the angle."""
    turned = ink.rotate(angle, resample=Image.BILINEAR, fillcolor=0)
    rows = turned.resize((1, turned.height), Image.BOX).tobytes()
    return sum((b - a) ** 2 for a, b in zip(rows, rows[1:]))


def skew_angle(grey: Image.Image) -> float:
    """Given a grey page, return the angle (degrees, Pillow's sense) that makes its text lines level."""
    scale = SKEW_WIDTH / max(grey.width, 1)
    small = grey.resize((SKEW_WIDTH, max(1, round(grey.height * scale))), Image.BOX) if scale < 1 else grey
    ink = small.point(lambda v: 255 if v < INK else 0)
    best = max((step * 0.5 for step in range(int(-2 * SKEW_LIMIT), int(2 * SKEW_LIMIT) + 1)),
               key=lambda a: profile_sharpness(ink, a))
    return max((best + step * 0.1 for step in range(-5, 6)), key=lambda a: profile_sharpness(ink, a))


def deskew(grey: Image.Image) -> tuple[Image.Image, float]:
    """Given a grey page, return it turned level and the angle turned (0 when under a tenth of a degree)."""
    angle = round(skew_angle(grey), 1)
    if abs(angle) < 0.1:
        return grey, 0.0
    return grey.rotate(angle, resample=Image.BICUBIC, fillcolor=255), angle


def square_pixels(page: Image.Image, dpi: tuple[float, float]) -> tuple[Image.Image, float]:
    """Given a page and its horizontal and vertical resolution, return it with square pixels (a fax's 204×98 or
    204×196 stretched to its horizontal resolution) and that resolution."""
    x_dpi, y_dpi = dpi
    if abs(x_dpi - y_dpi) < 1:
        return page, x_dpi
    return page.resize((page.width, round(page.height * x_dpi / y_dpi)), Image.LANCZOS), x_dpi
