"""What "What matters to me" looks like at the smallest supported size and the standard one: each
item's choices marked "(•)" or "( )", the item being rated marked by a bar as well as colour, and
the end of the list (the reader's own item) reachable by scrolling.

Accept changes with ``pytest tests/test_snapshots_values.py --snapshot-update`` after looking at them.
"""

from __future__ import annotations

import pytest

from recovery_guide.guide_content.folder import load_guide
from recovery_guide.session import Session
from recovery_guide.tui.app import RecoveryGuideApp
from tests.helpers import settle

pytestmark = pytest.mark.slow  # each starts the app (about 2 s)

SIZES = [(60, 20), (80, 24)]


def make_app() -> RecoveryGuideApp:
    session = Session(load_guide("en"))
    session.rate_value("approved", "very")
    session.rate_value("evidence", "a-little")
    return RecoveryGuideApp(session, acknowledged=True)


@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
def test_values_rating_the_second_item(snap_compare, size):
    async def open_and_move(pilot):
        from recovery_guide.tui.screens.values import ValuesScreen

        app = pilot.app
        await settle(pilot)
        await pilot.press("w")
        await settle(pilot, lambda: isinstance(app.screen, ValuesScreen))
        await pilot.press("down")
        await settle(pilot)

    assert snap_compare(make_app(), terminal_size=size, run_before=open_and_move)


def test_values_own_item_at_the_end(snap_compare):
    async def to_the_end(pilot):
        from recovery_guide.tui.screens.values import ValuesScreen

        app = pilot.app
        await settle(pilot)
        app.session.set_own_value("Being near my family", "quite")
        await pilot.press("w")
        await settle(pilot, lambda: isinstance(app.screen, ValuesScreen))
        await pilot.press(*["down"] * 8)
        app.screen.query_one("#own-value").cursor_blink = False
        await settle(pilot)

    assert snap_compare(make_app(), terminal_size=(60, 20), run_before=to_the_end)
