"""Chinese reading screens at the two smallest sizes (one look each): lines break by the rules Chinese readers expect.

A bullet or a contents number keeps its text beside it, no line starts with a full-width comma or
full stop, and no line ends with an opening bracket (``recovery_guide.linebreak``). Accept changes
with ``pytest tests/test_snapshots_cjk.py --snapshot-update`` after looking at them.
"""

from __future__ import annotations

import pytest

from recovery_guide import i18n
from recovery_guide.guide_content.folder import load_guide
from recovery_guide.session import Session
from recovery_guide.tui.app import RecoveryGuideApp
from tests.helpers import settle, welcome_complete

pytestmark = pytest.mark.slow  # each starts the app (about 2 s): out of the quick loop, in the full suite


def chinese_app() -> RecoveryGuideApp:
    i18n.set_language("zh_Hans")
    return RecoveryGuideApp(Session(load_guide("zh_Hans")))


def open_step(number: int, scroll_to: str | None = None):
    """Acknowledge the welcome, go to step ``number`` (from 1), and scroll its text to the heading ``scroll_to``."""

    async def run_before(pilot):
        from recovery_guide.tui.screens.reader import ReaderScreen, ReadingPane

        await welcome_complete(pilot)
        await pilot.press("enter")
        await settle(pilot, lambda: isinstance(pilot.app.screen, ReaderScreen))
        screen = pilot.app.screen
        screen.go_to(number - 1)
        await settle(pilot, lambda: screen.index == number - 1)
        if scroll_to is not None:
            body = screen.query_one("#body")
            heading = next(block for block in body.query("MarkdownH2, MarkdownH3") if scroll_to in str(block._content))
            screen.query_one(ReadingPane).scroll_to_widget(heading, animate=False, top=True)
            await settle(pilot)
        await pilot.wait_for_scheduled_animations()

    return run_before


@pytest.mark.parametrize("size", [(80, 24)], ids=["80x24"])
@pytest.mark.slow
def test_chinese_key_points_and_contents(snap_compare, size):
    """At 80x24, the smallest size that shows the contents beside the text."""
    """Step 2: each key point starts beside its bullet; at 80x24 each contents number beside its title."""
    assert snap_compare(chinese_app(), terminal_size=size, run_before=open_step(2))


@pytest.mark.parametrize("size", [(60, 20)], ids=["60x20"])
@pytest.mark.slow
def test_chinese_body_text_with_numbers_and_brackets(snap_compare, size):
    """At 60x20, the narrowest column. The breaking rules at both sizes, on every screen, are asserted
    by test_line_breaking.test_chinese_reading_screens_break_lines_by_the_rules."""
    """Step 6, its main studies: paragraphs and bullets with numbers, Latin names and brackets."""
    assert snap_compare(chinese_app(), terminal_size=size, run_before=open_step(6, "主要的研究"))
