"""What the options side by side look like (issue #13): stacked cards, each option's name as its
border title, the labels in bold, nothing cut at the smallest size. Accept changes with
``--snapshot-update`` after looking."""

from __future__ import annotations

import pytest

from recovery_guide.guide_content.folder import load_guide
from recovery_guide.session import Session
from recovery_guide.tui.app import RecoveryGuideApp
from tests.helpers import settle

pytestmark = pytest.mark.slow  # each starts the app (about 2 s): out of the quick loop, in the full suite


def open_options(card: int):
    """Step 6 (opioids), scrolled so the ``card``-th option card (from 0) is at the top of the text."""

    async def run_before(pilot):
        from recovery_guide.tui.screens.reader import ReaderScreen, ReadingPane
        from recovery_guide.tui.widgets.option_cards import OptionCard

        await pilot.press("enter")
        await settle(pilot, lambda: isinstance(pilot.app.screen, ReaderScreen))
        reader = pilot.app.screen
        reader.index = 5
        await settle(pilot, lambda: len(reader.query(OptionCard)) > card)
        reader.query_one(ReadingPane).scroll_to_widget(list(reader.query(OptionCard))[card], animate=False, top=True)
        await settle(pilot)

    return run_before


@pytest.mark.parametrize("size", [(60, 20), (100, 30)], ids=["60x20", "100x30"])
def test_option_cards(snap_compare, size):
    assert snap_compare(RecoveryGuideApp(Session(load_guide("en"))), terminal_size=size, run_before=open_options(4))


def open_at_a_glance(pilot_index: int = 5):
    """Step 6 (opioids), scrolled so the "At a glance" grid is at the top of the text."""

    async def run_before(pilot):
        from recovery_guide.tui.screens.reader import ReaderScreen, ReadingPane
        from recovery_guide.tui.widgets.at_a_glance import AtAGlanceView

        await pilot.press("enter")
        await settle(pilot, lambda: isinstance(pilot.app.screen, ReaderScreen))
        reader = pilot.app.screen
        reader.index = pilot_index
        view = reader.query_one(AtAGlanceView)
        await settle(pilot, lambda: view.display and view.size.height > 0)
        reader.query_one(ReadingPane).scroll_to_widget(view, animate=False, top=True)
        await settle(pilot)

    return run_before


@pytest.mark.parametrize("size", [(60, 20), (100, 30)], ids=["60x20", "100x30"])
def test_at_a_glance_grid(snap_compare, size):
    """Issue #13 round 5: columns at 100 columns, stacked lines at 60, nothing cut."""
    assert snap_compare(RecoveryGuideApp(Session(load_guide("en"))), terminal_size=size, run_before=open_at_a_glance())
