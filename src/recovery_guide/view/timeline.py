"""A session timeline as a picture: a mark per step on a line down the left, the words beside it.

``print`` and the app draw the same picture; only the wrapping differs (``print`` at its page width,
the app at the widget's width, through Rich). So the step loop is written once, here, and each takes
the rows and writes them its own way. No Textual or Rich here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from recovery_guide.model import TimelineStep

STEP_MARK = "●── "
"""The mark of each step of a timeline picture, with the step's label after it ("●── Before")."""
STEP_LINE = "│   "
"""Down the left of a step's words: the line that joins one step to the next."""
LAST_STEP = "    "
"""Under the last step, where the line ends."""
GUTTER = len(STEP_MARK)
"""Cells the left of the picture takes: the words wrap in what is left."""


@dataclass(frozen=True)
class PictureRow:
    """One line of the picture: what stands at the left (a mark or the line), then the words."""

    left: str
    words: str
    when: bool = False
    """A line of a step's label ("Before"), which the app shows in bold."""


def timeline_rows(steps: tuple[TimelineStep, ...], wrap: Callable[[str], list[str]]) -> list[PictureRow]:
    """The picture of ``steps``: ``wrap(text)`` breaks a step's label or words into the lines that fit
    beside the gutter; a bare line joins one step to the next."""
    rows: list[PictureRow] = []
    for number, step in enumerate(steps, start=1):
        last = number == len(steps)
        side = LAST_STEP if last else STEP_LINE
        rows += [PictureRow(STEP_MARK if index == 0 else side, line, when=True) for index, line in enumerate(wrap(step.when))]
        rows += [PictureRow(side, line) for line in wrap(step.what)]
        if not last:
            rows.append(PictureRow(STEP_LINE.rstrip(), ""))
    return rows
