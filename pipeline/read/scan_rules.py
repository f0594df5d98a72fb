"""Ruling lines of a scanned page: long straight runs of ink found in the image, as the PDF table finder's edges.

A table's rules are the only ink that runs straight for RULE_LENGTH or more: text strokes are a
character wide at most. Each pixel row (and, on the page turned a quarter, each column) is
searched for such runs as bytes with a regular expression; runs on neighbouring rows merge into
one edge. The edges go to pipeline.read.pdf_tables.page_tables like a PDF's ruling lines, and
are painted white before OCR so that no rule is read as 一 or |.
"""
from __future__ import annotations

import re

from PIL import Image, ImageDraw

from pipeline.read.pdf_tables import edge

RULE_LENGTH = 0.6  # inches of unbroken ink that make a ruling line
INK = 170  # grey level below which a pixel is ink (thin rules come out light once the page is turned level)
POINTS = 72.0


def runs(grey: Image.Image, min_length: int) -> list[tuple[int, int, int]]:
    """Given a grey page, return its horizontal runs of ink at least ``min_length`` long: (row, start, end)."""
    ink = grey.point(lambda v: 1 if v < INK else 0).tobytes()
    pattern = re.compile(b"\x01{%d,}" % min_length)
    width = grey.width
    return [(row, m.start() - row * width, m.end() - row * width)
            for row in range(grey.height) for m in pattern.finditer(ink, row * width, (row + 1) * width)]


def runs_to_boxes(found: list[tuple[int, int, int]]) -> list[list[int]]:
    """Given runs (row, start, end) in row order, return boxes [x0, top, x1, bottom] (ends exclusive) of runs
    merged across neighbouring rows where they overlap."""
    boxes: list[list[int]] = []
    open_from = 0  # boxes before this index ended above the previous row
    for row, start, end in found:
        while open_from < len(boxes) and boxes[open_from][3] < row:
            open_from += 1
        touching = [box for box in boxes[open_from:] if box[3] >= row and start < box[2] and end > box[0]]
        if touching:
            box = touching[0]
            box[0], box[2], box[3] = min(box[0], start), max(box[2], end), row + 1
        else:
            boxes.append([start, row, end, row + 1])
    return boxes


def ruling_boxes(grey: Image.Image, dpi: float) -> tuple[list[list[int]], list[list[int]]]:
    """Given a level grey page, return its horizontal and vertical ruling lines as pixel boxes."""
    length = max(int(RULE_LENGTH * dpi), 10)
    horizontal = runs_to_boxes(runs(grey, length))
    swapped = runs_to_boxes(runs(grey.transpose(Image.Transpose.TRANSPOSE), length))  # columns as rows
    return horizontal, [[top, x0, bottom, x1] for x0, top, x1, bottom in swapped]


def boxes_to_edges(boxes: list[list[int]], dpi: float) -> list[dict]:
    """Given ruling-line boxes in pixels, return them as pdfplumber edges in PDF points."""
    scale = POINTS / dpi
    return [edge(x0 * scale, top * scale, x1 * scale, bottom * scale) for x0, top, x1, bottom in boxes]


def erase(grey: Image.Image, boxes: list[list[int]]) -> Image.Image:
    """Given a grey page and line boxes, return a copy with the lines painted white (a pixel's margin around)."""
    out = grey.copy()
    draw = ImageDraw.Draw(out)
    for x0, top, x1, bottom in boxes:
        draw.rectangle([x0 - 1, top - 1, x1, bottom], fill=255)
    return out
