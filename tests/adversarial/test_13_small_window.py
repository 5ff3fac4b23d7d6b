"""Issue 15, item 13: below 60x20, ``h`` shows the help lines and ``q``, Ctrl+Q and Ctrl+C quit;
the too-small notice follows the real window size even with ``LINES=1`` or ``COLUMNS=1`` exported."""

from __future__ import annotations

import pytest

from recovery_guide.session import Session
from recovery_guide.storage import Store
from recovery_guide.tui.app import RecoveryGuideApp
from recovery_guide.tui.screens.help_now import HelpNowScreen
from recovery_guide.tui.screens.reader import ReaderScreen
from recovery_guide.tui.screens.too_small import TooSmallScreen
from tests.helpers import Terminal, needs_tmux, settle, visible_text


def small_app(guide, tmp_path) -> RecoveryGuideApp:
    return RecoveryGuideApp(Session(guide, store=Store(tmp_path / "data")), acknowledged=True)


@pytest.mark.slow
async def test_h_shows_the_help_lines_in_a_small_window_and_the_notice_comes_back(guide, tmp_path):
    app = small_app(guide, tmp_path)
    async with app.run_test(size=(50, 15)) as pilot:
        await settle(pilot, lambda: isinstance(app.screen, TooSmallScreen))
        assert "press h" in visible_text(app).lower()
        await pilot.press("h")
        await settle(pilot, lambda: isinstance(app.screen, HelpNowScreen))
        text = visible_text(app)
        assert "911" in text and "larger" not in text, text
        await pilot.resize_terminal(45, 12)  # a resize keeps the numbers in view
        await settle(pilot)
        assert isinstance(app.screen, HelpNowScreen)
        await pilot.press("escape")
        await settle(pilot, lambda: isinstance(app.screen, TooSmallScreen))
        await pilot.press("h")
        await settle(pilot, lambda: isinstance(app.screen, HelpNowScreen))
        await pilot.resize_terminal(100, 30)
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot, lambda: isinstance(app.screen, ReaderScreen))
        assert not any(isinstance(screen, TooSmallScreen) for screen in app.screen_stack)


@pytest.mark.slow
@pytest.mark.parametrize("key", ["q", "ctrl+c", "ctrl+q"])
async def test_quit_keys_work_in_a_small_window(guide, tmp_path, key):
    app = small_app(guide, tmp_path)
    async with app.run_test(size=(50, 15)) as pilot:
        await settle(pilot, lambda: isinstance(app.screen, TooSmallScreen))
        await pilot.press(key)
        await settle(pilot, lambda: not app.is_running)
    assert app.return_code == 0


@pytest.mark.slow
@needs_tmux
@pytest.mark.parametrize("exported", ["LINES=1", "COLUMNS=1", "LINES=1 COLUMNS=1"])
def test_exported_size_variables_do_not_decide_the_size(tmp_path, exported):
    terminal = Terminal(tmp_path, "C.UTF-8", size=(100, 30), environment=exported)
    try:
        screen = terminal.wait_for("I understand")
        assert "larger" not in screen, screen
        terminal._tmux("resize-window", "-t", "guide", "-x", "50", "-y", "15")
        terminal.wait_for("Now: 50 x 15")
        terminal._tmux("resize-window", "-t", "guide", "-x", "100", "-y", "30")
        terminal.wait_until_gone("larger")
        assert "I understand" in terminal.wait_until_still()
    finally:
        terminal.close()
