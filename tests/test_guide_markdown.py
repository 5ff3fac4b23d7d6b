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


PAGE = "\n".join(["## What it is", "", "A **first** paragraph, long enough to wrap at this width, with a [marked word](term:x).", "", "- one", "- two", "", "A last paragraph."])
TRANSLATED = "\n".join(["## Qué es", "", "Un **primer** párrafo, bastante largo para partirse a este ancho, con una [palabra](term:x).", "", "- uno", "- dos", "- tres", "", "Un último párrafo, ahora más largo que antes para ocupar dos líneas a este ancho."])
NEXT_PAGE = "\n".join(["A paragraph first.", "", "## A heading", "", "1. first", "2. second", "", "- a bullet", "", "### Smaller", "", "Words."])


async def changed(first: str, second: str) -> tuple[list[tuple[tuple[str, str], ...]], list[object], list[object], list[tuple[int, str, str]]]:
    """After ``update(second)`` on a Markdown showing ``first``: the cells drawn, its blocks before and
    after, and its table of contents."""
    widget = GuideMarkdown(first)
    app = OneMarkdown(widget)
    async with app.run_test(size=(60, 80)) as pilot:
        await pilot.pause()
        before = list(widget.children)
        await widget.update(second)
        await pilot.pause()
        await pilot.pause()
        after = list(widget.children)
        strips = app.screen._compositor.render_strips()
        rows = [tuple((char, str(segment.style.background_style if char == " " else segment.style)) for segment in strip for char in segment.text) for strip in strips]
        contents = [(level, label, widget.query_one(f"#{block_id}").id) for level, label, block_id in widget.table_of_contents]
        return rows, before, after, contents


@pytest.mark.parametrize("first, second", [(PAGE, TRANSLATED), (PAGE, NEXT_PAGE), (NEXT_PAGE, PAGE), (PAGE, ""), ("", PAGE)], ids=["translated", "next page", "back", "to empty", "from empty"])
async def test_new_text_looks_as_if_shown_first(first, second):
    """A page turn or a language switch changes the text in place: what is drawn is what a Markdown
    given the new text from the start draws, and the headings listed are the new ones."""
    after_update, _before, _after, contents = await changed(first, second)
    fresh, _widgets = await drawn(GuideMarkdown(second))
    assert after_update == fresh
    assert [label for _level, label, _id in contents] == [line.lstrip("#").strip() for line in second.splitlines() if line.startswith("#")]


async def test_a_translation_keeps_every_block_widget():
    """Switching language gives each heading, paragraph and list its new words in place: no widget is
    removed and mounted again (the largest part of a switch)."""
    _rows, before, after, _contents = await changed(PAGE, TRANSLATED)
    assert len(after) == len(before) == 4
    assert all(new is old for old, new in zip(before, after))


async def test_a_page_turn_keeps_the_blocks_of_a_kind_in_order():
    """Turning to a page of other blocks keeps, in order, each old block that has a new one of its kind
    to show; only the others are mounted."""
    _rows, before, after, _contents = await changed(NEXT_PAGE, PAGE)
    assert sum(block in before for block in after) == 3  # both paragraphs and the bullet list; the h2 is new (it comes first now)
