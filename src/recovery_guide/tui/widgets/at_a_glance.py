"""The "At a glance" grid in the app: the same character layout as ``print`` (``view.glance``), laid
out at the widget's own width, so it becomes stacked lines in a narrow window and nothing is cut off.
Content goes in as Rich ``Text`` (never markup); the height follows the layout.
"""

from __future__ import annotations

from rich.text import Text
from textual.widget import Widget

from recovery_guide import linebreak, wording
from recovery_guide.i18n import in_language
from recovery_guide.view import glance
from recovery_guide.view.blocks import AtAGlance


class AtAGlanceView(Widget):
    """The grid of the page being read; hidden on pages without options."""

    COMPONENT_CLASSES = {"at-a-glance--heading"}

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.block: AtAGlance | None = None
        self.language: str | None = None
        """The page's language: the heading and the grid's words are drawn in it (``PageView.language``)."""

    def show(self, block: AtAGlance | None, language: str | None = None) -> None:
        self.block = block
        self.language = language
        self.display = block is not None
        self.refresh(layout=True)

    def lines(self, width: int) -> list[str]:
        """The heading, then the grid (or stacked lines) at ``width`` cells."""
        if self.block is None:
            return []
        with in_language(self.language):
            return [*linebreak.wrap_cells(wording.at_a_glance(), width), "", *glance.grid_lines(self.block.options, width)]

    def get_content_height(self, container, viewport, width: int) -> int:
        return len(self.lines(width))

    def render(self) -> Text:
        width = self.content_size.width or 80
        heading = self.get_component_rich_style("at-a-glance--heading", partial=True)
        lines = self.lines(width)
        with in_language(self.language):
            depth = len(linebreak.wrap_cells(wording.at_a_glance(), width))
        text = Text(no_wrap=True, overflow="fold", end="")
        for number, line in enumerate(lines):
            if number:
                text.append("\n")
            text.append(line, style=heading if number < depth else "")
        return text
