"""The reading screen's key bar at the smallest size and the standard one (issue 12, item 4): Get help
now, Keys and Quit whole, the rest folded behind "... more".

English, German (the longest words) and Chinese (wide characters) are the three looks: the other
four languages are the same bar with other words, and ``test_key_bar.py`` asserts in all seven, at
60, 80 and 100 columns, that those three keys are drawn whole and that folded keys leave the mark.

Accept changes with ``pytest tests/test_snapshots_keybar.py --snapshot-update`` after looking at them.
"""

from __future__ import annotations

import pytest

from recovery_guide import i18n
from recovery_guide.guide_content.folder import load_guide
from recovery_guide.session import Session
from recovery_guide.tui.app import RecoveryGuideApp
from tests.helpers import settle

pytestmark = pytest.mark.slow  # each starts the app (about 2 s): out of the quick loop, in the full suite

LANGUAGES = ["en", "de", "zh_Hans"]
SIZES = [(60, 20), (80, 24)]


@pytest.mark.slow
@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
@pytest.mark.parametrize("code", LANGUAGES)
def test_reading_screen_key_bar(snap_compare, code, size):
    i18n.set_language(code)
    app = RecoveryGuideApp(Session(load_guide(code)), acknowledged=True)

    async def ready(pilot):
        await settle(pilot)
        pilot.app.clear_notifications()

    assert snap_compare(app, terminal_size=size, run_before=ready)
