"""What the self-check and handout dialogs look like at the smallest supported size: every button inside
the dialog's edge, every choice marked "(•)" or "( )". At 80x24 they are the same dialogs with more room
around them; test_dialogs.py asserts at both sizes that the buttons fit and the choices are marked.

Accept changes with ``pytest tests/test_snapshots_dialogs.py --snapshot-update`` after looking at them.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from recovery_guide.guide_content.folder import load_guide
from recovery_guide.session import Session
from recovery_guide.tui.app import RecoveryGuideApp
from tests.helpers import settle

pytestmark = pytest.mark.slow  # each starts the app (about 2 s): out of the quick loop, in the full suite

SIZES = [(60, 20)]


def make_app() -> RecoveryGuideApp:
    session = Session(load_guide("en"), handout_folder=Path("/home/reader/Documents"))
    session.add_own("Is it safe with my heart pills?", None)
    return RecoveryGuideApp(session, acknowledged=True)


@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
def test_self_check_after_an_answer(snap_compare, size):
    async def answer_the_first_question(pilot):
        from recovery_guide.tui.screens.self_check import SelfCheckScreen

        app = pilot.app
        app.push_screen(SelfCheckScreen(app.session.guide.self_checks[0].id))
        await settle(pilot, lambda: isinstance(app.screen, SelfCheckScreen))
        await pilot.press("down", "enter")
        await settle(pilot, lambda: app.screen.query_one("#check-explanation").region)

    assert snap_compare(make_app(), terminal_size=size, run_before=answer_the_first_question)


@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
def test_handout_dialog(snap_compare, size):
    async def open_the_handout_dialog(pilot):
        from recovery_guide.tui.screens.handout import HandoutDialog

        app = pilot.app
        await settle(pilot)
        await pilot.press("x")
        await settle(pilot, lambda: isinstance(app.screen, HandoutDialog))
        path = app.screen.query_one("#handout-path")
        path.value = "/home/reader/Documents/my-questions.txt"  # no date: the same every day
        path.cursor_blink = False  # the cursor shows in every snapshot, not only in those taken while it is on
        await settle(pilot)

    assert snap_compare(make_app(), terminal_size=size, run_before=open_the_handout_dialog)
