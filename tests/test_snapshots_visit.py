"""What a session is like (issue #13): the timeline picture on the treatment-course screen, at the
smallest size and the usual one, in the standard and monochrome themes (the marks are characters, so
they show without colour). Accept changes with ``--snapshot-update`` after looking."""

from __future__ import annotations

import pytest

from recovery_guide.guide_content.folder import load_guide
from recovery_guide.session import Session
from recovery_guide.tui.app import RecoveryGuideApp
from tests.helpers import settle

pytestmark = pytest.mark.slow  # each starts the app (about 2 s): out of the quick loop, in the full suite


async def timeline_in_view(pilot):
    """Step 3, scrolled so the timeline's box starts at the top of the text."""
    from recovery_guide.tui.screens.reader import ReaderScreen
    from recovery_guide.tui.widgets.timeline import TimelineView

    screen = pilot.app.screen
    await settle(pilot, lambda: isinstance(pilot.app.screen, ReaderScreen))
    screen = pilot.app.screen
    screen.go_to(screen.guide.index_of("treatment-course"))
    await settle(pilot, lambda: screen.query_one(TimelineView).display)
    screen.query_one(TimelineView).scroll_visible(top=True, animate=False, immediate=True)
    await settle(pilot)


@pytest.mark.parametrize(("size", "theme"), [((80, 24), "standard"), ((60, 20), "monochrome")], ids=["80x24-standard", "60x20-monochrome"])
def test_the_session_timeline(snap_compare, size, theme):
    """One snapshot per look: in colour at the usual size, without colour at the smallest (each size
    and each theme once; test_timeline.py asserts the whole timeline is drawn inside 60x20)."""
    app = RecoveryGuideApp(Session(load_guide("en")), theme, acknowledged=True)
    assert snap_compare(app, terminal_size=size, run_before=timeline_in_view)
