"""What search looks like: a match landed on and marked in the text (in the monochrome theme too, so the
mark is seen without colour), and ``/`` opened again with the last words.

One snapshot per look: the mark in colour at 80x24 (with the contents beside the text) and without
colour at 60x20 (the text alone, the contents hidden); the dialog opened again at 80x24. The dialog at
60x20 is checked for cut labels by the live-switch walk (test_live_switch_words.py), and the last
words selected by test_search_app.py.

Accept changes with ``pytest tests/test_snapshots_search.py --snapshot-update`` after looking at them.
"""

from __future__ import annotations

import pytest
from textual.widgets import Input

from recovery_guide.guide_content.folder import load_guide
from recovery_guide.session import Session
from recovery_guide.tui.app import RecoveryGuideApp
from recovery_guide.tui.screens.reader import ReaderScreen
from recovery_guide.tui.screens.search import SearchScreen
from tests.helpers import settle, type_text

pytestmark = pytest.mark.slow  # each starts the app (about 2 s): out of the quick loop, in the full suite

async def land_on_bladder_problems(pilot):
    await settle(pilot)
    await pilot.press("slash")
    await settle(pilot, lambda: isinstance(pilot.app.screen, SearchScreen))
    await type_text(pilot, "bladder problems")
    await settle(pilot, lambda: len(pilot.app.screen.matches) == 2, timeout=30)  # a loaded CI machine needed more than 10 s
    await pilot.press("down", "down", "enter")
    await settle(pilot, lambda: isinstance(pilot.app.screen, ReaderScreen) and pilot.app.screen.query_one("#reading").scroll_y > 0, timeout=30)
    pilot.app.clear_notifications()
    await settle(pilot)


@pytest.mark.slow
@pytest.mark.parametrize(("size", "theme"), [((80, 24), "standard"), ((60, 20), "monochrome")], ids=["80x24-standard", "60x20-monochrome"])
def test_a_match_is_marked_where_it_lands(snap_compare, size, theme):
    app = RecoveryGuideApp(Session(load_guide("en")), theme, acknowledged=True)
    assert snap_compare(app, terminal_size=size, run_before=land_on_bladder_problems)


@pytest.mark.slow
@pytest.mark.parametrize("size", [(80, 24)], ids=["80x24"])
def test_search_opens_again_with_the_last_words_selected(snap_compare, size):
    async def search_again(pilot):
        await land_on_bladder_problems(pilot)
        await pilot.press("slash")
        await settle(pilot, lambda: isinstance(pilot.app.screen, SearchScreen) and pilot.app.screen.matches, timeout=30)
        pilot.app.screen.query_one(Input).cursor_blink = False  # the cursor shows in every snapshot, not only in those taken while it is on
        await settle(pilot)

    app = RecoveryGuideApp(Session(load_guide("en")), acknowledged=True)
    assert snap_compare(app, terminal_size=size, run_before=search_again)
