"""Image reader: a scanned letter as PNG, JPEG or TIFF (one page a frame, fax G3/G4 included), read by OCR.

Each frame's size is checked before its pixels are decoded (a decompression bomb is refused),
a fax's oblong pixels are made square, and the page goes through pipeline.read.scanned.
"""
from __future__ import annotations

import io
import warnings

from PIL import Image, UnidentifiedImageError

from pipeline.blocks import Document
from pipeline.errors import InputError
from pipeline.read.ocr import require_engine
from pipeline.read.scan_cleanup import square_pixels
from pipeline.read.scanned import (MAX_OCR_PAGES, MAX_PIXELS, image_to_page, mend_paragraph_ends, ocr_note,
                                   page_warnings, pages_to_blocks, progress)

DEFAULT_DPI = 200.0  # when the file does not say (a phone photo): a page's text is read as at 200 dpi
MIN_DPI, MAX_DPI = 50.0, 1200.0
FORMATS = ("PNG", "JPEG", "TIFF", "MPO")
DECODE_ERRORS = (OSError, SyntaxError, ValueError, EOFError, Image.DecompressionBombError, TypeError, KeyError,
                 IndexError, ZeroDivisionError)


def open_image(data: bytes, path: str | None) -> Image.Image:
    """Given image bytes, return the opened image (pixels not yet decoded); raise InputError when not one."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data))
    except (Image.DecompressionBombWarning, Image.DecompressionBombError):
        raise InputError(path, f"image of more than {MAX_PIXELS} pixels: refused as a decompression bomb") from None
    except (UnidentifiedImageError, *DECODE_ERRORS):
        raise InputError(path, "not a readable image (PNG, JPEG or TIFF): damaged or of another kind") from None
    if image.format not in FORMATS:
        raise InputError(path, f"{image.format} images are not read: only PNG, JPEG and TIFF")
    return image


def frame_resolution(frame: Image.Image) -> tuple[float, float]:
    """Given an image frame, return its horizontal and vertical resolution in dpi (DEFAULT_DPI when unknown)."""
    dpi = frame.info.get("dpi") or (DEFAULT_DPI, DEFAULT_DPI)
    try:
        x, y = float(dpi[0]), float(dpi[1])
    except (TypeError, ValueError, IndexError):
        return DEFAULT_DPI, DEFAULT_DPI
    fix = lambda v: v if MIN_DPI <= v <= MAX_DPI else DEFAULT_DPI  # noqa: E731
    return fix(x), fix(y)


def image_frames(image: Image.Image, path: str | None):
    """Given an opened image, yield (page number, frame decoded, its dpi), refusing frames past the pixel limit."""
    for index in range(MAX_OCR_PAGES + 1):
        try:
            image.seek(index)
        except EOFError:
            return
        except DECODE_ERRORS as exc:
            raise InputError(path, f"damaged image: page {index + 1} cannot be read ({exc})") from None
        number = index + 1
        if number > MAX_OCR_PAGES:
            raise InputError(path, f"image has more than {MAX_OCR_PAGES} pages: refused")
        width, height = image.size
        if width * height > MAX_PIXELS:
            raise InputError(path, f"page {number} is {width}×{height} pixels (limit {MAX_PIXELS}): refused as a "
                                   "decompression bomb")
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", Image.DecompressionBombWarning)
                decoded = image.copy()
                decoded.load()
        except DECODE_ERRORS as exc:
            raise InputError(path, f"damaged image: page {number} cannot be decoded ({exc})") from None
        yield number, decoded, frame_resolution(image)


def frame_count(image: Image.Image) -> int:
    """Given an opened image, return how many pages it says it has (1 when it cannot tell)."""
    try:
        return int(getattr(image, "n_frames", 1))
    except DECODE_ERRORS:
        return 1


def read_image(data: bytes, path: str | None = None) -> Document:
    """Given PNG, JPEG or TIFF bytes, return the Document read by OCR, one page a frame."""
    image = open_image(data, path)
    total = frame_count(image)
    engine = None
    pages = []
    for number, frame, dpi in image_frames(image, path):
        engine = engine or require_engine(path, "an image has no text layer")
        square, resolution = square_pixels(frame, dpi)
        pages.append(image_to_page(square, resolution, number, path))
        progress(path, number, total)
    if not any(p.chars for p in pages):
        raise InputError(path, "OCR found no text in the image")
    blocks, removed = pages_to_blocks(pages)
    note = ocr_note(engine, pages)
    mend_paragraph_ends(blocks, note.pages)
    notes = page_warnings(pages)
    bindings = [str(p.number) for p in pages if p.has_binding]
    if bindings:
        notes.append(f"removed binding-line text (裝訂線) on page(s) {', '.join(bindings)}")
    if removed:
        notes.append(f"removed {len(removed)} page header/footer line(s): "
                     + "、".join(f"「{text}」" for text in dict.fromkeys(removed)))
    return Document(blocks=blocks, format="image", warnings=notes, path=path, ocr=note)
