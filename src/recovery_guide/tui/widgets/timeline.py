"""What a session is like, drawn as the same vertical picture ``print`` writes: a mark per step on a
line down the left, each step's words beside it, wrapped at the widget's own width (never cut off).

The words are content, so they go in as Rich ``Text`` (never markup). The heading is the widget's first
line, like every box on the reading screen (a border title would be cut at the box's width).
"""

from __future__ import annotations

from rich.console import Console, ConsoleOptions, RenderResult
from rich.measure import Measurement
from rich.text import Text
from textual.widgets import Static

from recovery_guide import wording
from recovery_guide.render.text import LAST_STEP, STEP_LINE, STEP_MARK
from recovery_guide.view.blocks import Timeline


class TimelinePicture:
    """A Rich renderable: the steps of a ``Timeline`` block, wrapped at whatever width it is given."""

    def __init__(self, block: Timeline) -> None:
        self.block = block

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement(len(STEP_MARK) + 1, options.max_width)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        width = max(options.max_width - len(STEP_MARK), 1)
        heading = Text(wording.timeline(), style="bold")
        yield from heading.wrap(console, options.max_width)
        yield Text("")
        steps = self.block.steps
        for number, step in enumerate(steps, start=1):
            last = number == len(steps)
            side = LAST_STEP if last else STEP_LINE
            for index, line in enumerate(Text(step.when, style="bold").wrap(console, width)):
                yield Text(STEP_MARK if index == 0 else side, style="bold") + line
            for line in Text(step.what).wrap(console, width):
                yield Text(side) + line
            if not last:
                yield Text(STEP_LINE.rstrip())


class TimelineView(Static):
    """The timeline of the page being read; hidden on pages without one."""

    def show_timeline(self, block: Timeline | None) -> None:
        self.display = block is not None
        self.update(TimelinePicture(block) if block is not None else "")
