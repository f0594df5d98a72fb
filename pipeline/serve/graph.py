"""Draw a letter's reference chain (what it cites ← it ← what cites it) as a small SVG, server-side."""
from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup, escape

BOX_W, BOX_H, GAP_X, GAP_Y, PAD = 220, 46, 60, 14, 10


@dataclass
class Node:
    """A box in the graph: two lines of text and the page it links to (None: an unresolved citation)."""
    title: str
    detail: str
    href: str | None  # "": the letter the page is about


def column_to_svg(nodes: list[Node], x: int, height: int) -> tuple[list[str], list[int]]:
    """Given a column of nodes, its x and the drawing's height, return the SVG parts and each box's centre y."""
    parts, centres = [], []
    top = (height - (len(nodes) * (BOX_H + GAP_Y) - GAP_Y)) // 2
    for i, node in enumerate(nodes):
        y = top + i * (BOX_H + GAP_Y)
        centres.append(y + BOX_H // 2)
        css = "node" if node.href else "node self" if node.href == "" else "node unresolved"
        box = (f'<rect class="{css}" x="{x}" y="{y}" width="{BOX_W}" height="{BOX_H}" rx="6"/>'
               f'<text x="{x + 8}" y="{y + 19}">{escape(node.title[:16])}</text>'
               f'<text class="detail" x="{x + 8}" y="{y + 37}">{escape(node.detail[:24])}</text>')
        parts.append(f'<a href="{escape(node.href)}">{box}</a>' if node.href else box)
    return parts, centres


def chain_to_svg(cited: list[Node], centre: Node, citing: list[Node]) -> Markup:
    """Given what a letter cites, the letter itself and what cites it, return an SVG: three columns, arrows from
    each citing letter to the one it cites."""
    rows = max(len(cited), len(citing), 1)
    height = PAD * 2 + rows * (BOX_H + GAP_Y) - GAP_Y
    xs = [PAD, PAD + BOX_W + GAP_X, PAD + 2 * (BOX_W + GAP_X)]
    width = xs[2] + BOX_W + PAD
    left, left_y = column_to_svg(cited, xs[0], height)
    middle, middle_y = column_to_svg([centre], xs[1], height)
    right, right_y = column_to_svg(citing, xs[2], height)
    arrows = [f'<line x1="{xs[1]}" y1="{middle_y[0]}" x2="{xs[0] + BOX_W}" y2="{y}" marker-end="url(#arrow)"/>'
              for y in left_y]
    arrows += [f'<line x1="{xs[2]}" y1="{y}" x2="{xs[1] + BOX_W}" y2="{middle_y[0]}" marker-end="url(#arrow)"/>'
               for y in right_y]
    return Markup(
        f'<svg class="chain" xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" role="img" aria-label="引據關係圖">'
        '<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" '
        'orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z"/></marker></defs>'
        + "".join(arrows + left + middle + right) + "</svg>")
