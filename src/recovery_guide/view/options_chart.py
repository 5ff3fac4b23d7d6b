""""The options at a glance": one small chart under the guide's main message, so a picture says what
the words do (CDC Clear Communication Index item 4: not approved, early research, other options exist).

It is built from the research screens' own options (the data their "At a glance" grids use, through
``view.glance``): one group per screen, ketamine's row first, then the options rated highest on that
screen, then where the rest are ("See all options in step K (N more)."). Not every option: the full chart ran to some 24 rows, more than
a first page (or the app's welcome) can hold, and every option is one step away. Each row says the
option, whether it is approved (in words) and its research in words with its squares; read mode says
each row as a sentence, without the squares. No Textual or Rich here.
"""

from __future__ import annotations

from dataclasses import dataclass

from recovery_guide import wording
from recovery_guide.i18n import in_language
from recovery_guide.linebreak import wrap_cells
from recovery_guide.model import Approval, Guide, TreatmentOption
from recovery_guide.textfold import cell_width
from recovery_guide.view import glance

KETAMINE = "ketamine"
"""The option id every research screen gives ketamine: its row comes first in each group."""
SHOWN = 2
"""How many of a screen's other options the chart shows (those rated highest)."""
GAP = "  "
INDENT = "  "


@dataclass(frozen=True)
class ChartGroup:
    """One research screen's rows: its heading ("What research shows for alcohol (step 5)"),
    the options shown and its step number for "and N more in step K"."""

    heading: str
    step: int
    options: tuple[TreatmentOption, ...]
    more: int
    """How many of the screen's options the chart leaves to the screen itself."""
    language: str | None = None
    """The screen's language (English for a stale screen): its group is written in it, whole, like
    the screen itself (``i18n.in_language``); None for the language around it."""


def groups(guide: Guide) -> tuple[ChartGroup, ...]:
    """A group per screen with options, in the guide's order."""
    found = []
    for index, page in enumerate(guide.pages):
        if not page.options:
            continue
        first = [option for option in page.options if option.id == KETAMINE]
        others = [option for option in page.options if option.id != KETAMINE]
        # the highest rated first; a tie keeps the screen's order ("not rated" counts as 0)
        best = sorted(others, key=lambda option: -(option.evidence_level or 0))[:SHOWN]
        shown = tuple(first + [option for option in others if option in best])
        step = index + 1
        with in_language(page.language):
            heading = wording.chart_group(page.title, step)
        found.append(ChartGroup(heading, step, shown, len(page.options) - len(shown), page.language))
    return tuple(found)


def approval(option: TreatmentOption) -> str:
    """"approved", "not approved" or "not a medicine", as the option's data says."""
    return wording.chart_approval(option.approved_short or Approval.NO)


def row(option: TreatmentOption, dots: bool = True) -> tuple[str, str, str]:
    """The option's name, approval in words and research (the "At a glance" grid's cells)."""
    name, _approved, _involves, research = glance.cells(option, dots)
    return name, approval(option), research


def more_line(group: ChartGroup) -> str:
    return wording.chart_more(group.more, group.step) if group.more else ""


def lines(chart_groups: tuple[ChartGroup, ...], width: int, dots: bool = True) -> list[str]:
    """The groups at ``width`` cells: each heading, then a row per option in three columns where they
    fit, or else the name with its approval and research on the lines under it (indented)."""
    group_rows = [group_cells(group, dots) for group in chart_groups]
    rows = [cells for cells_of_group, _more in group_rows for cells in cells_of_group]
    widths = [max((cell_width(cell) for cell in column), default=0) for column in zip(*rows)] if rows else []
    fits = bool(widths) and cell_width(INDENT) + sum(widths) + cell_width(GAP) * (len(widths) - 1) <= width
    out: list[str] = []
    for number, group in enumerate(chart_groups):
        if number:
            out.append("")
        out += wrap_cells(group.heading, width)
        cells_of_group, more = group_rows[number]
        for cells in cells_of_group:
            if fits:
                out.append((INDENT + GAP.join(cell + " " * (column - cell_width(cell)) for cell, column in zip(cells, widths))).rstrip())
            else:
                out += wrap_cells(cells[0], width, initial_indent=INDENT, subsequent_indent=INDENT)
                with in_language(group.language):
                    separator = wording.list_separator()
                out += wrap_cells(separator.join(cells[1:]), width, initial_indent=INDENT * 2, subsequent_indent=INDENT * 2)
        if more:
            out += wrap_cells(more, width, initial_indent=INDENT, subsequent_indent=INDENT)
    return out


def group_cells(group: ChartGroup, dots: bool = True) -> tuple[list[tuple[str, str, str]], str]:
    """A group's rows and its "See all options in step K" line, in the group's own language."""
    with in_language(group.language):
        return [row(option, dots) for option in group.options], more_line(group)


def sentences(chart_groups: tuple[ChartGroup, ...]) -> list[str]:
    """What the chart says, a sentence a row (read mode and screen readers: no squares)."""
    out: list[str] = []
    for group in chart_groups:
        out.append(group.heading)
        with in_language(group.language):
            out += [wording.chart_sentence(*row(option, dots=False)) for option in group.options]
            if group.more:
                out.append(more_line(group))
    return out
