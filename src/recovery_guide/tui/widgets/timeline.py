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
from recovery_guide.i18n import in_language
from recovery_guide.view.timeline import GUTTER, timeline_rows
from recovery_guide.view.blocks import Timeline


class TimelinePicture:
    """A Rich renderable: the steps of a ``Timeline`` block, wrapped at whatever width it is given."""

    def __init__(self, block: Timeline, language: str | None = None) -> None:
        self.block = block
        self.language = language
        """The page's language, for the heading (``PageView.language``)."""

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement(GUTTER + 1, options.max_width)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        width = max(options.max_width - GUTTER, 1)
        with in_language(self.language):
            heading = Text(wording.timeline(), style="bold")
        yield from heading.wrap(console, options.max_width)
        yield Text("")
        for row in timeline_rows(self.block.steps, lambda text: [line.plain for line in Text(text).wrap(console, width)]):
            style = "bold" if row.when else ""
            yield Text(row.left, style=style) + Text(row.words, style=style)


class TimelineView(Static):
    """The timeline of the page being read; hidden on pages without one."""

    def show_timeline(self, block: Timeline | None, language: str | None = None) -> None:
        self.display = block is not None
        self.update(TimelinePicture(block, language) if block is not None else "")
