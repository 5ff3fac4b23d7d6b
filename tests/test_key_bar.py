"""The line of keys at the bottom of every screen (``KeyBar``): what it shows, in which language, and clicks."""

from __future__ import annotations

import pytest

from recovery_guide import i18n
from recovery_guide.guide_content.folder import load_guide
from recovery_guide.session import Session
from recovery_guide.tui.app import RecoveryGuideApp
from recovery_guide.tui.screens.help_now import HelpNowScreen
from recovery_guide.tui.widgets.key_bar import KeyBar


def bar_text(app) -> str:
    return str(app.screen.query_one(KeyBar).render())


async def test_the_bar_lists_the_screens_keys_in_order(guide):
    app = RecoveryGuideApp(Session(guide))
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        text = bar_text(app)
        assert text.startswith(" h Get help now  m My questions  l Language  ? Keys  q Quit  ^p Menu")
        shown = [binding.description for binding in app.BINDINGS if binding.show]
        assert [key.description for key in app.screen.query_one(KeyBar).shown_keys()] == shown


@pytest.mark.slow
async def test_the_bar_follows_the_language_and_the_screen():
    app = RecoveryGuideApp(Session(load_guide("en")), acknowledged=True)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        assert "Next" in bar_text(app)
        await app.switch_language("es")
        await pilot.pause()
        assert i18n._("Next") in bar_text(app) and i18n._("Next") != "Next"
        assert i18n._("Get help now") in bar_text(app)
        await pilot.press("h")
        await pilot.pause()
        assert isinstance(app.screen, HelpNowScreen)
        assert i18n._("Close") in bar_text(app), "the dialog's own keys are shown while it is open"
    i18n.set_language("en")


async def test_clicking_a_key_presses_it(guide):
    app = RecoveryGuideApp(Session(guide))
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        bar = app.screen.query_one(KeyBar)
        help_key = next(key for key in bar.shown_keys() if key.key == "h")
        await pilot.click(KeyBar, offset=(help_key.start + 3, 0))
        await pilot.pause()
        assert isinstance(app.screen, HelpNowScreen)
