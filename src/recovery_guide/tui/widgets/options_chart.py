""""The options at a glance" in the app, under the welcome screen's main message: the same character
layout as ``print`` (``view.options_chart``) at the widget's own width, so it stacks in a narrow window
and nothing is cut off. Content goes in as Rich ``Text`` (never markup); the height follows the layout.
"""

from __future__ import annotations

from rich.text import Text
from textual.widget import Widget

from recovery_guide import linebreak, wording
from recovery_guide.view import options_chart
from recovery_guide.view.options_chart import ChartGroup


class OptionsChartView(Widget):
    """The chart of the guide it is given; its title in bold."""

    COMPONENT_CLASSES = {"options-chart--title"}

    def __init__(self, groups: tuple[ChartGroup, ...], **kwargs) -> None:
        super().__init__(**kwargs)
        self.groups = groups

    def lines(self, width: int) -> list[str]:
        """The title, the caption, then the rows at ``width`` cells."""
        return [*linebreak.wrap_cells(wording.options_chart(), width), *linebreak.wrap_cells(wording.options_chart_caption(), width), "", *options_chart.lines(self.groups, width)]

    def get_content_height(self, container, viewport, width: int) -> int:
        return len(self.lines(width))

    def render(self) -> Text:
        width = self.content_size.width or 80
        title = self.get_component_rich_style("options-chart--title", partial=True)
        depth = len(linebreak.wrap_cells(wording.options_chart(), width))
        text = Text(no_wrap=True, overflow="fold", end="")
        for number, line in enumerate(self.lines(width)):
            if number:
                text.append("\n")
            text.append(line, style=title if number < depth else "")
        return text
