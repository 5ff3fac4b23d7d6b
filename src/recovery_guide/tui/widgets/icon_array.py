"""A study result as an icon array in the app: two blocks of 100 symbols, a legend, counts and the caption.

Drawn with Rich ``Text`` built from the same character layout as ``print`` (``view.icons``), never
from markup, so content can never be read as styling. The blocks stand side by side when the widget
is wide enough (an 80-column window) and one above the other when it is not (60 columns); the height
follows the layout, so nothing is cut off and the page scrolls as usual. Filled and empty symbols
differ in shape (a bad outcome's cross, ``wording.BAD``, from a good one's dot too); their colours come from ``icon_array.tcss``. A weak design's
picture has a band across it (``view.icons.picture_band``), styled as ``icon-array--band``, and its
marks are the paper's weak ones (◍, ✕: ``view.icons.filled_mark``), styled as ``icon-array--weak`` and ``icon-array--weak-bad``,
so the app and paper agree.
"""

from __future__ import annotations

from rich.text import Text
from textual.widget import Widget

from recovery_guide import linebreak, wording
from recovery_guide.i18n import in_language
from recovery_guide.view.blocks import IconArray
from recovery_guide.view.icons import grid_lines, picture_band, words_lines


SIDE_BY_SIDE_FROM = 80
"""The window width (columns) from which the two blocks stand side by side."""


class IconArrayView(Widget):
    """One ``IconArray`` block (a result of the page)."""

    COMPONENT_CLASSES = {"icon-array--filled", "icon-array--bad", "icon-array--weak", "icon-array--weak-bad", "icon-array--empty", "icon-array--caption", "icon-array--band"}

    def __init__(self, block: IconArray, language: str | None = None, **kwargs) -> None:
        super().__init__(**kwargs)
        self.block = block
        self.language = language
        """The page's language: its key lines and band words are drawn in it (``PageView.language``)."""

    def show(self, block: IconArray, language: str | None = None) -> None:
        """Draw another result (or the same in another language) in this widget."""
        self.block = block
        self.language = language
        self.refresh(layout=True)

    def side_by_side(self) -> bool:
        """Side by side in a window of 80 columns or more; one above the other in a narrower one."""
        return self.app.size.width >= SIDE_BY_SIDE_FROM

    def lines(self, width: int) -> list[str]:
        """The plain lines at ``width`` cells: the legend and blocks, a blank line, the caption and design."""
        with in_language(self.language):
            words = [line for text in words_lines(self.block.result, self.block.source_number) for line in linebreak.wrap_cells(text, width) or [""]]
            return [*grid_lines(self.block.result, width, self.side_by_side()), "", *words]

    def get_content_height(self, container, viewport, width: int) -> int:
        return len(self.lines(width))

    def render(self) -> Text:
        width = self.content_size.width or 80
        filled = self.get_component_rich_style("icon-array--filled", partial=True)
        bad = self.get_component_rich_style("icon-array--bad", partial=True)
        empty = self.get_component_rich_style("icon-array--empty", partial=True)
        weak = self.get_component_rich_style("icon-array--weak", partial=True)
        weak_bad = self.get_component_rich_style("icon-array--weak-bad", partial=True)
        styles = {wording.FILLED: filled, wording.BAD: bad, wording.WEAK_FILLED: weak, wording.WEAK_BAD: weak_bad, wording.EMPTY: empty}
        caption = self.get_component_rich_style("icon-array--caption", partial=True)
        band_style = self.get_component_rich_style("icon-array--band", partial=True)
        with in_language(self.language):
            band = set(picture_band(self.block.result, width, self.side_by_side()))
            grid_end = len(grid_lines(self.block.result, width, self.side_by_side()))
        text = Text(no_wrap=True, overflow="fold", end="")
        lines = self.lines(width)
        for number, line in enumerate(lines):
            if number:
                text.append("\n")
            if number >= grid_end:
                text.append(line, style=caption)
                continue
            if line in band:
                text.append(line, style=band_style)
                continue
            for char in line:
                text.append(char, style=styles.get(char, ""))
        return text
