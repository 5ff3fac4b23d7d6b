"""What the reading page looks like (issue #12, items 5 to 7): the chosen row of a focused list marked
by a symbol, the contents with a hanging indent, a readable text column on a wide terminal, and box
headings that wrap instead of being cut. Accept changes with ``--snapshot-update`` after looking."""

from __future__ import annotations

import pytest

from recovery_guide.guide_content.folder import load_guide
from recovery_guide.session import Session
from recovery_guide.tui.app import RecoveryGuideApp
from tests.helpers import settle

pytestmark = pytest.mark.slow  # each starts the app (about 2 s): out of the quick loop, in the full suite


def make_app(language: str = "en", theme: str | None = None) -> RecoveryGuideApp:
    return RecoveryGuideApp(Session(load_guide(language)), theme)


async def words_focused(pilot):
    """Step 2, Tab to the words on this screen: the first word is chosen and marked."""
    await pilot.press("enter")
    await settle(pilot)
    await pilot.press("tab")
    await settle(pilot)


@pytest.mark.parametrize("theme", ["standard"])
def test_a_focused_word_list_marks_the_chosen_row(snap_compare, theme):
    """In colour. Without colour a focused list looks as in test_snapshots.py's monochrome snapshot, and
    test_reading_page asserts the mark on every list in both themes."""
    assert snap_compare(make_app(theme=theme), terminal_size=(80, 24), run_before=words_focused)


def test_german_box_headings_wrap_at_the_smallest_size(snap_compare):
    assert snap_compare(make_app("de"), terminal_size=(60, 20), run_before=words_focused)


def test_the_contents_hang_their_titles_at_the_smallest_size(snap_compare):
    async def open_contents(pilot):
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("c")
        await settle(pilot)

    assert snap_compare(make_app("fr"), terminal_size=(60, 20), run_before=open_contents)


@pytest.mark.slow
def test_a_wide_terminal_keeps_a_readable_text_column(snap_compare):
    async def open_alcohol_research(pilot):
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("n", "n", "n")
        await settle(pilot)

    assert snap_compare(make_app(), terminal_size=(200, 50), run_before=open_alcohol_research)
