"""An icon array drawn in characters: the one layout ``print``, Markdown and the app share.

Each group is 100 symbols in a 10 x 10 block, filled row by row from the top, left to right (the one
fixed order every writer uses; the HTML writer draws the same order as shapes). A filled symbol and
an empty one differ in shape (``wording.FILLED``, or ``wording.BAD`` for a bad outcome, and ``wording.EMPTY``), so the picture reads without
colour and on paper. Each group has one number (where studies differ, the caption says the range
in words). Each group's label and "N in 100" stand above its block; the two blocks stand
side by side when the width allows, one above the other otherwise. A result from a weaker design
(``Result.caveat``) has a band across the picture, between the labels and the blocks, as wide as the
picture, so it cannot be read as proof; its filled marks are ◍ (✕ for a bad outcome), not a fair
test's ● (✖), and its key line says so (``filled_mark``, the one rule). No Textual or Rich here.
"""

from __future__ import annotations

import unicodedata
from typing import Iterable

from recovery_guide import wording
from recovery_guide.linebreak import wrap_cells
from recovery_guide.model import Result, ResultGroup
from recovery_guide.textfold import cell_width

SIDE = 10
"""Symbols per row, and rows per block: 100 in all."""
GAP = 4
"""Spaces between two blocks side by side."""
BLOCK_WIDTH = 2 * SIDE - 1
"""A row of 10 symbols with a space between each."""


FILLED, EMPTY = "filled", "empty"
"""What the symbol at one place in a block stands for: counted, or not counted."""


def mark_at(index: int, group: ResultGroup) -> str:
    """What the symbol at ``index`` (0 to 99, row by row from the top) is for ``group``: the first
    ``count`` are filled, the rest empty."""
    return FILLED if index < group.count else EMPTY


def grid_rows(group: ResultGroup, filled: str = wording.FILLED) -> list[str]:
    """The 10 rows of one group's block; ``filled`` is the picture's filled symbol (``filled_mark``)."""
    symbols = {FILLED: filled, EMPTY: wording.EMPTY}
    return [" ".join(symbols[mark_at(row * SIDE + column, group)] for column in range(SIDE)) for row in range(SIDE)]


def filled_mark(result: Result) -> str:
    """The picture's filled symbol, the one rule its blocks and its key line share: a dot for a good
    outcome, a cross for a bad one; a weaker study's (``Result.caveat``) striped ring or light cross,
    so the text print does not draw a weak study like a strong one (review r15, PEMAT 16)."""
    return wording.filled_symbol(result.outcome_is, weak=bool(result.caveat))


def marks_drawn(results: Iterable[Result]) -> frozenset[str]:
    """Every symbol the pictures of ``results`` draw, by the rule that draws them (``mark_at``,
    ``filled_mark``): each one's filled mark, and the empty ring. The printed key
    explains these and no other: it once named ◍, which no picture drew."""
    marks: set[str] = set()
    for result in results:
        symbols = {FILLED: filled_mark(result), EMPTY: wording.EMPTY}
        marks |= {symbols[mark_at(index, group)] for group in result.groups for index in range(SIDE * SIDE)}
    return frozenset(marks)


def legend(result: Result) -> tuple[str, ...]:
    """The lines above a picture: what each of its symbols means."""
    return wording.result_legend(result.outcome, result.outcome_is, weak=bool(result.caveat))


def _head(group: ResultGroup, width: int) -> list[str]:
    """The group's label (wrapped to ``width``), then "N in 100"."""
    return [*wrap_cells(group.label, width), wording.result_count(group.count)]


def _pad(text: str, width: int) -> str:
    return text + " " * max(0, width - cell_width(text))


def fits_side_by_side(width: int) -> bool:
    return 2 * BLOCK_WIDTH + GAP <= width


BAND_EDGE = 2
"""Dashes at least on each side of a band line's words."""


def band_lines(result: Result, width: int) -> list[str]:
    """The band across a weak-design picture, ``width`` cells wide (``picture_band``: the picture's
    width): the caveat wrapped, each line framed by dashes ("┄┄ Not a fair test: this cannot show ┄┄┄┄");
    none for a fair test."""
    if not result.caveat:
        return []
    room = max(width, BLOCK_WIDTH) - 2 * (BAND_EDGE + 1)
    parts = wrap_cells(result.caveat, room)
    # lines of even length ("... caused the" / "difference." would leave one word alone on a line)
    parts = next(wrapped for wrapped in (wrap_cells(result.caveat, narrower) for narrower in range(-(-cell_width(result.caveat) // len(parts)), room + 1)) if len(wrapped) <= len(parts))
    edge = wording.BAND * BAND_EDGE
    return [f"{edge} {part}{_gap(part)}{wording.BAND * (room - cell_width(part) + BAND_EDGE + 1 - len(_gap(part)))}" for part in parts]


def _gap(part: str) -> str:
    """The space after a band line's words; none after a full-width mark ("差别。┄┄": a full-width
    stop already holds its own space)."""
    return "" if part and cell_width(part[-1]) == 2 and unicodedata.category(part[-1]).startswith("P") else " "


def _column(result: Result, width: int) -> int:
    """A group's column side by side: its block, or its label's width when wider, within half of ``width``."""
    return max(BLOCK_WIDTH, min((width - GAP) // 2, max(cell_width(group.label) for group in result.groups)))


def picture_band(result: Result, width: int, side_by_side: bool = True) -> list[str]:
    """The band as ``grid_lines`` draws it at ``width``: as wide as the picture (both columns side by
    side, else the width), so its dashes end where the picture does and its words wrap, never its
    dashes (review r15, PEMAT 18: the methadone band ran on to two lines of dashes past the picture)."""
    if not (side_by_side and fits_side_by_side(width)):
        return band_lines(result, width)
    column = _column(result, width)
    right = max(BLOCK_WIDTH, *(cell_width(line) for line in _head(result.groups[1], column)))
    return band_lines(result, column + GAP + right)


def grid_lines(result: Result, width: int, side_by_side: bool = True, band: bool = True) -> list[str]:
    """The legend (what a filled symbol means in this picture), then both groups' blocks with their
    labels and counts, to fit ``width`` cells: side by side if ``side_by_side`` and they fit, one
    above the other otherwise. A weak design's band (``band_lines``; left out with ``band=False``, for
    a writer that draws it its own way) stands between the labels and the blocks side by side, above
    the first group's label when stacked."""
    filled = filled_mark(result)
    lines = [*(part for line in legend(result) for part in wrap_cells(line, max(width, BLOCK_WIDTH))), ""]
    across = picture_band(result, width, side_by_side) if band else []
    first, second = result.groups
    if side_by_side and fits_side_by_side(width):
        column = _column(result, width)
        heads = [_head(first, column), _head(second, column)]
        # the counts line up: labels take the same number of lines in both columns
        depth = max(len(head) for head in heads)
        heads = [[*head[:-1], *[""] * (depth - len(head)), head[-1]] for head in heads]
        lines += [(_pad(left, column) + " " * GAP + right).rstrip() for left, right in zip(*heads)]
        lines += across
        lines += [_pad(left, column) + " " * GAP + right for left, right in zip(grid_rows(first, filled), grid_rows(second, filled))]
        return lines
    lines += across
    for index, group in enumerate(result.groups):
        if index:
            lines.append("")
        lines += _head(group, max(BLOCK_WIDTH, width))
        lines += grid_rows(group, filled)
    return lines


def words_lines(result: Result, source_number: int | None, caveat: bool = False) -> list[str]:
    """The caption, then the design and the source number (unwrapped: the writer wraps them); with
    ``caveat`` (where no picture is drawn: read mode, a screen reader) a weak design's band first, as a
    sentence of its own (the content writes it as one, with its full stop)."""
    first = [result.caveat] if caveat and result.caveat else []
    return [*first, result.caption, wording.result_design(result.design, source_number)]
