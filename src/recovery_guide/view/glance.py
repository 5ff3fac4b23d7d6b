"""The "At a glance" grid: one row per option, three short columns (approved? what it involves?
research?), laid out in characters for ``print``, Markdown and the app. No Textual or Rich here.

A grid that fits the width is drawn as columns, each cell wrapped inside its column and never cut;
where it does not fit (a narrow window, a long word in some language) every option becomes stacked
lines: its name, then each column's label and value. Chinese is measured in cells.
"""

from __future__ import annotations

import functools

import re

from recovery_guide import wording
from recovery_guide.linebreak import wrap_cells
from recovery_guide.model import TreatmentOption
from recovery_guide.textfold import cell_width

GAP = 2
"""Spaces between two columns."""
COMFORT = 12
"""The fewest cells a column gets (or its options' widest text, if shorter) before the grid gives way to stacked lines."""
HEADER_LINES = 2
"""The most lines a column's header wraps onto (when COMFORT cells allow it)."""
NAME_LINES = 2
"""The most lines an option's name wraps onto in the grid: an independent review (r15, PEMAT 19) found
"Rewards / for / drug-free / tests" over four lines, the rows hard to follow. Where the names cannot
have that room, the grid gives way to stacked lines."""
INDENT = "  "
"""Before each label in the stacked form."""


def research_words(option: TreatmentOption, dots: bool = True) -> str:
    """The option's evidence level in words with its squares ("good evidence ■■■■□ (level 4 of 5)"), or
    "not rated"; without ``dots`` for read mode (a screen reader would read each square)."""
    if not option.evidence_level:
        return wording.not_rated()
    line = wording.evidence_scale_line(option.evidence_level, dots=dots)
    return _glued(line) if dots else line


def _glued(line: str) -> str:
    """The squares and "(level 3 of 5)" held together with no-break spaces, so a narrow column wraps before
    them, never inside them ("■■■□□ (level 3" / "of 5)" read as two facts to an independent reviewer)."""
    return re.sub(r"\s*\([^)]*\)", lambda match: match.group().replace(" ", "\u00a0"), line)


def _whole(rating: str) -> str:
    """The whole rating held on one line with no-break spaces, its words too: after the card's question
    ("How strong is the research? early evidence ■■□□□ (level 2 of 5)") a wrap otherwise left
    "early evidence" at a line's end and the squares on the next (Spanish and French print, once the
    level said "level")."""
    return rating.replace(" ", "\u00a0")


def _whole_if_it_fits(rating: str, room: int) -> str:
    """``_whole`` where the rating fits in ``room`` cells; as it is where it does not (a wrap then parts
    the words from the squares, but never cuts a word past the edge)."""
    whole = _whole(rating)
    return whole if cell_width(whole) <= room else rating


def cells(option: TreatmentOption, dots: bool = True) -> tuple[str, str, str, str]:
    """The option's row: its name, approved in one word, what it involves, the research."""
    return (option.name, wording.approval_word(option.approved_short), option.involves or "", research_words(option, dots))


def card_fields(option: TreatmentOption, dots: bool = True) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """(label, paragraphs) for each field of the option's card, in the order every writer shows them.
    The research is followed by its strength on the same scale as this grid and the screen's evidence
    label ("How strong is the research? early evidence ■■□□□ (level 2 of 5)"): an independent review found
    the cards' own "How sure" words and the squares were two scales with no link between them.
    Without ``dots`` (read mode) the words alone."""
    fields = []
    for name, label in wording.option_labels():
        paragraphs = (getattr(option, name),)
        if name == "research":
            rating = research_words(option, dots)
            paragraphs += (wording.evidence(_whole(rating) if dots else rating),)
        fields.append((label, paragraphs))
    return tuple(fields)


def headers() -> tuple[str, str, str, str]:
    return (wording.option_column(), wording.approved_for_this(), wording.what_it_involves(), wording.research_column())


def _narrowest(text: str) -> int:
    """The narrowest a cell can be without cutting a word (a Chinese text breaks between characters)."""
    return max((cell_width(line) for line in wrap_cells(text, 1)), default=0)


def column_widths(rows: list[tuple[str, ...]], width: int) -> list[int] | None:
    """Widths of the four columns within ``width`` cells, or None when they do not fit with ``COMFORT``
    cells each (or their whole text) and no word cut.
    Each column gets what its longest word needs; each cell left over goes to the column where it
    makes the grid shortest, so the grid stays as short as it can."""
    columns = list(zip(*rows))
    least = [max(_narrowest(text) for text in column) for column in columns]
    # a header (rows[0]) takes at most two lines, up to COMFORT cells: a column of "Có"/"Không" would
    # otherwise squeeze "Approved for this?" onto six lines (the Vietnamese translator's finding)
    least = [max(low, min(_fits_in_lines(header, HEADER_LINES), COMFORT)) for low, header in zip(least, rows[0])]
    most = [max(cell_width(text) for text in column) for column in columns]
    # ``COMFORT`` is for the options' cells (a header has its own rule above): a Chinese header that
    # reads well on two lines of 8 cells ("是否获批用于此？" over "是"/"否") would otherwise ask for 12
    # and stack a grid that fits (three of the four Chinese grids on paper, once each rating said "level")
    body = [max(cell_width(text) for text in column[1:]) for column in columns]
    # the research rating reads on one line, its words with its squares ("very early / evidence /
    # ■□□□□ (level 1 of 5)" over three lines read as three facts to an independent reviewer)
    least[-1] = max(least[-1], max(cell_width(text) for text in columns[-1][1:]))
    # each option's name breaks at most once (``NAME_LINES``), the room taken from the other columns
    least[0] = max(least[0], max(_fits_in_lines(text, NAME_LINES) for text in columns[0][1:]))
    room = width - GAP * (len(columns) - 1)
    if sum(max(low, min(high, COMFORT)) for low, high in zip(least, body)) > room:
        return None  # columns this narrow would hold two or three words a line: stacked lines read better
    widths = list(least)
    spare = room - sum(widths)
    while spare > 0:
        growable = [index for index in range(len(widths)) if widths[index] < most[index]]
        if not growable:
            break
        # one more cell to the column that makes the grid shortest (ties: the one that wants most)
        index = min(growable, key=lambda index: (_height(rows, [*widths[:index], widths[index] + 1, *widths[index + 1 :]]), widths[index] - most[index]))
        widths[index] += 1
        spare -= 1
    return widths


def _fits_in_lines(text: str, lines: int) -> int:
    """The narrowest width at which ``text`` wraps onto at most ``lines`` lines."""
    width = _narrowest(text)
    while len(wrap_cells(text, width)) > lines:
        width += 1
    return width


def _height(rows: list[tuple[str, ...]], widths: list[int]) -> int:
    """How many lines the grid takes with these column widths."""
    return sum(max(_line_count(text, column) for text, column in zip(row, widths)) for row in rows)


@functools.lru_cache(maxsize=4096)
def _line_count(text: str, width: int) -> int:
    """Lines ``text`` wraps onto at ``width`` cells. Remembered: ``column_widths`` asks again for every
    cell it hands out, and a Chinese grid asked some 19,000 times (0.65 s of one ``print``)."""
    return len(wrap_cells(text, width))


def _pad(text: str, width: int) -> str:
    return text + " " * max(0, width - cell_width(text))


def grid_lines(options: tuple[TreatmentOption, ...], width: int) -> list[str]:
    """The grid at ``width`` cells: a header row, a rule, then a row per option (a blank line between
    options); stacked lines where the columns do not fit."""
    rows = [headers(), *(cells(option) for option in options)]
    widths = column_widths(rows, width)
    if widths is None:
        return stacked_lines(options, width)
    lines: list[str] = []
    for number, row in enumerate(rows):
        wrapped = [wrap_cells(text, column) or [""] for text, column in zip(row, widths)]
        depth = max(len(cell) for cell in wrapped)
        for line in range(depth):
            lines.append((" " * GAP).join(_pad(cell[line] if line < len(cell) else "", column) for cell, column in zip(wrapped, widths)).rstrip())
        if number == 0:
            lines.append((" " * GAP).join("-" * column for column in widths))
        elif number < len(rows) - 1:
            lines.append("")
    return lines


def stacked_lines(options: tuple[TreatmentOption, ...], width: int, dots: bool = True) -> list[str]:
    """Each option as its name, then "label: value" lines, indented and wrapped to ``width``."""
    labels = headers()[1:]
    lines: list[str] = []
    for number, option in enumerate(options):
        if number:
            lines.append("")
        name, *values = cells(option, dots)
        if dots:  # read mode's words are read, not seen: plain spaces, as ``research_words`` gives them
            values[-1] = _whole_if_it_fits(values[-1], width - cell_width(INDENT * 2))
        lines += wrap_cells(name, width)
        for label, value in zip(labels, values):
            lines += wrap_cells(wording.labelled(label, value), width, initial_indent=INDENT, subsequent_indent=INDENT * 2)
    return lines
