"""The guide's Markdown draws each list as one widget, and draws it exactly as Textual's own Markdown does.

One widget per list is a speed measure (``tui/widgets/guide_markdown.py``): the About screen's
numbered list of sources was some 120 widgets, and turning to that screen took ten times as long as
to any other. The reader must see no difference: the same cells, in the same colours.
"""

from __future__ import annotations

import pytest
from textual.app import App, ComposeResult
from textual.widgets import Markdown

from recovery_guide.tui.widgets.guide_markdown import GuideMarkdown

NUMBERED = "\n".join(
    [
        "## Sources",
        "",
        *[f"{number}. Source number {number}, a title long enough to wrap at this width, with its journal and year.  \n   *A note in italics.*" for number in range(1, 13)],
        "",
        "After the list.",
        "",
        "3. A list that starts at three",
        "4. and goes on",
        "",
        "- a bullet",
        "- another bullet",
    ]
)


class OneMarkdown(App):
    def __init__(self, widget: Markdown) -> None:
        super().__init__()
        self.widget = widget

    def compose(self) -> ComposeResult:
        yield self.widget


async def drawn(widget: Markdown) -> tuple[list[tuple[tuple[str, str], ...]], int]:
    """Every cell the app shows (its character and style), and how many widgets the Markdown has.

    A blank cell shows only its background: its foreground colour (Textual's bullet column has the
    bullet's) is left out."""
    app = OneMarkdown(widget)
    async with app.run_test(size=(60, 80)) as pilot:
        await pilot.pause()
        await pilot.pause()
        strips = app.screen._compositor.render_strips()
        rows = [
            tuple((char, str(segment.style.background_style if char == " " else segment.style)) for segment in strip for char in segment.text)
            for strip in strips
        ]
        return rows, len(list(widget.query("*")))


@pytest.mark.parametrize("source", [NUMBERED], ids=["numbered and bullet lists"])
async def test_numbered_lists_are_one_widget_each_and_look_as_textuals(source):
    ours, our_widgets = await drawn(GuideMarkdown(source))
    textuals, textual_widgets = await drawn(Markdown(source))
    assert ours == textuals, "the same cells in the same styles"
    # heading, paragraph, three lists, each one widget (Textual's: four widgets per item)
    assert our_widgets == 5, f"{our_widgets} widgets (Textual's own: {textual_widgets})"
