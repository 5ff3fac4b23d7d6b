"""Pictures drawn in plain characters: numbered step boxes joined by arrows, and the urgency tiers as
boxes with their signs inside.

``print`` draws them at its page width and Markdown (and so the app's body) in a fenced block; the
drawing is written once, here, and wraps through ``linebreak`` (measured in cells, so Chinese text
keeps its borders straight). Every box is at most ``BOX_CELLS`` wide: nothing is cut off in a window
of 60 columns. No Textual or Rich here.
"""

from __future__ import annotations

from recovery_guide import linebreak
from recovery_guide.textfold import cell_width
from recovery_guide.view.blocks import ListItem, UrgencyTiers
from recovery_guide.view.body import plain_inline

BOX_CELLS = 56
"""The width of a box, borders included: fits a 60-column window with room for a margin."""

ARROW = "↓"
"""Between one step's box and the next: the steps are stacked, most narrow screens' way."""

TIER_BORDERS = {"now": "#", "today": "=", "next-visit": "-"}
"""Each tier's border character: heaviest for the most urgent, so black-and-white paper tells the
tiers apart by shape as well as by words and symbol."""


def within(lines: list[str], inner: int) -> list[str]:
    """``lines`` with any line wider than ``inner`` cells (a long web address: the wrap never breaks a
    word) cut into pieces that fit, so a box never grows past its width (an adversarial review)."""
    fitted: list[str] = []
    for line in lines:
        while cell_width(line) > inner:
            cut, used = 0, 0
            while cut < len(line) and used + cell_width(line[cut]) <= inner:
                used += cell_width(line[cut])
                cut += 1
            fitted.append(line[: max(cut, 1)])
            line = line[max(cut, 1) :]
        fitted.append(line)
    return fitted


def boxed(lines: list[str], border: str, width: int = BOX_CELLS) -> list[str]:
    """``lines`` (already wrapped to ``width - 4`` cells) in a box drawn with ``border`` all round (a tier)."""
    inner = width - 4
    rows = [f"{border} {line}{' ' * (inner - cell_width(line))} {border}" for line in within(lines, inner)]
    return [border * width, *rows, border * width]


def step_box(lines: list[str], width: int = BOX_CELLS) -> list[str]:
    """``lines`` in a box with thin corners and sides (a step): not to be taken for a box to write in."""
    inner = width - 4
    rows = [f"│ {line}{' ' * (inner - cell_width(line))} │" for line in within(lines, inner)]
    return ["┌" + "─" * (width - 2) + "┐", *rows, "└" + "─" * (width - 2) + "┘"]


def step_boxes(items: tuple[ListItem, ...], width: int = BOX_CELLS) -> list[str]:
    """Each numbered step in a box of its own, the number first, an arrow down to the next step."""
    rows: list[str] = []
    for index, item in enumerate(items):
        marker = f"{item.marker} "
        words = linebreak.wrap_cells(plain_inline(item.text), width - 4, initial_indent=marker, subsequent_indent=" " * cell_width(marker))
        if index:
            rows.append(" " * (width // 2) + ARROW)
        rows += step_box(words, width)
    return rows


def tier_lines(block: UrgencyTiers, width: int = BOX_CELLS) -> list[str]:
    """Each tier in a box with its own border: its symbol and heading, then its signs, one to a line."""
    rows: list[str] = []
    inner = width - 4
    for tier in block.tiers:
        symbol = f"{block.symbol(tier):<3} "
        words = linebreak.wrap_cells(tier.heading, inner, initial_indent=symbol, subsequent_indent=" " * len(symbol))
        for sign in tier.signs:
            words += linebreak.wrap_cells(sign, inner, initial_indent="  - ", subsequent_indent="    ")
        rows += boxed(words, TIER_BORDERS.get(tier.id, "-"), width)
    if block.unsure:
        rows += ["", *linebreak.wrap_cells(block.unsure, width)]
    return rows
