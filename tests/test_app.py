"""The full-screen app driven by keyboard, as a reader would use it (Textual's Pilot)."""

from __future__ import annotations

import pytest
from textual.command import CommandList, CommandPalette

from recovery_guide import wording
from recovery_guide.session import Session
from recovery_guide.tui.app import RecoveryGuideApp
from recovery_guide.tui.screens.help_now import HelpNowScreen
from recovery_guide.tui.screens.keys_help import KeysHelpScreen
from recovery_guide.tui.screens.reader import ContentsList, ReaderScreen
from recovery_guide.tui.screens.too_small import TooSmallScreen
from recovery_guide.tui.screens.welcome import WelcomeScreen
from tests.helpers import acknowledge, settle, visible_text


async def test_reading_starts_only_after_the_notice_is_acknowledged_then_labels_and_the_contents_work(guide):
    """One start-up (it was three): the notice first; then a research screen's evidence label, and a jump
    with the contents list."""
    app = RecoveryGuideApp(Session(guide))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, WelcomeScreen)
        assert guide.pages[0].acknowledge in visible_text(app)
        await pilot.press("n")  # next does nothing before acknowledging
        await pilot.pause()
        assert isinstance(app.screen, WelcomeScreen)
        await acknowledge(pilot)
        assert isinstance(app.screen, ReaderScreen)
        assert "Step 2 of 14" in visible_text(app)
        assert guide.pages[1].title in visible_text(app)

        # the research screen shows its evidence label
        app.screen.go_to(guide.index_of("research-alcohol"))
        await pilot.pause()
        assert wording.evidence(guide.page("research-alcohol").evidence) in visible_text(app)

        # a jump with the contents list
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.focused, ContentsList)
        await pilot.press("end", "up", "enter")
        await pilot.pause()
        assert app.screen.index == len(guide.pages) - 2
        assert guide.pages[-2].title in visible_text(app)
        assert not isinstance(app.focused, ContentsList), "focus returns to the text after choosing"


@pytest.mark.slow
async def test_walk_every_screen_forward_and_back(guide):
    app = RecoveryGuideApp(Session(guide))
    total = len(guide.pages)
    async with app.run_test(size=(100, 30)) as pilot:
        await acknowledge(pilot)
        for number in range(2, total + 1):
            text = visible_text(app)
            screen = guide.pages[number - 1]
            assert f"Step {number} of {total}" in text
            assert screen.title in text
            assert wording.provider_banner() in text, "the provider line must be on every screen"
            for question in screen.questions:
                assert question.text in text
            await pilot.press("right")
            await pilot.pause()
        assert app.screen.index == total - 1, "next stops at the last screen"
        for number in range(total, 0, -1):
            assert f"Step {number} of {total}" in visible_text(app)
            await pilot.press("p")
            await pilot.pause()
        assert app.screen.index == 0


async def test_help_now_puts_the_readers_region_first(guide):
    app = RecoveryGuideApp(Session(guide, region_code="GB"))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("h")
        await pilot.pause()
        text = visible_text(app)
        assert text.index("United Kingdom") < text.index("United States")
        for heading in ("Emergency number", "Crisis lines", "Treatment and information helplines"):
            assert heading in text, "urgency is graded in words"
        assert text.index("999") < text.index("116 123") < text.index("0300 123 6600"), "most urgent first"
        assert "United Kingdom: numbers last checked November 27, 2026" in text


@pytest.mark.slow
async def test_help_now_with_no_known_region_shows_every_number_at_once_then_lets_the_reader_choose(guide):
    app = RecoveryGuideApp(Session(guide))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("h")
        await pilot.pause()
        text = visible_text(app)
        for number in ("911", "988", "999", "116 123", "024", "3114", "188", "13 11 14", "14416", "800 911 2000"):
            assert number in text, number
        assert "Crisis lines" not in text, "no region is shown in full until the reader chooses one"
        await pilot.press("r")
        await pilot.pause()
        await pilot.press("down", "down", "down", "down", "down", "enter")  # every region, US, GB, CA, IE, ES
        await pilot.pause()
        assert isinstance(app.screen, HelpNowScreen)
        assert app.session.region_code == "ES"
        text = visible_text(app)
        assert text.index("Spain (ES)") < text.index("United States (US)")
        assert "Crisis lines" in text and "024" in text


@pytest.mark.parametrize("start_acknowledged", [False, True])
async def test_q_quits(guide, start_acknowledged):
    app = RecoveryGuideApp(Session(guide), acknowledged=start_acknowledged)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 0
    assert not app.is_running


@pytest.mark.slow
async def test_help_keys_palette_a_small_window_and_the_session_all_bring_the_reader_back_to_the_same_place(guide):
    """One reader's journey in one start-up (it was five): help before and while reading, the keys help,
    the command palette, a window made too small and large again, and a change made through the session
    reaching the screens showing it (the app turns the session's announcements into signals)."""
    app = RecoveryGuideApp(Session(guide))
    async with app.run_test(size=(100, 30)) as pilot:
        # help now opens from anywhere and returns to the same place
        await pilot.press("h")
        await pilot.pause()
        assert isinstance(app.screen, HelpNowScreen), "help is reachable even before acknowledging"
        assert "988" in visible_text(app) and "116 123" in visible_text(app)
        await pilot.press("escape")
        await pilot.pause()
        await acknowledge(pilot)
        await pilot.press("n", "n")
        await pilot.pause()
        await pilot.press("h")
        await pilot.pause()
        assert isinstance(app.screen, HelpNowScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen) and app.screen.index == 3

        # the keys help lists the keys
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, KeysHelpScreen)
        text = visible_text(app)
        for words in ("Next screen", "Previous screen", "Contents", "Get help now", "Quit"):
            assert words in text
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen) and app.screen.index == 3

        # the command palette offers the same actions
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"side effects")
        results = app.screen.query_one(CommandList)
        await settle(pilot, lambda: results.option_count and results.highlighted is not None)
        await pilot.press("enter")
        await settle(pilot, lambda: not CommandPalette.is_open(app))
        assert isinstance(app.screen, ReaderScreen)
        assert app.screen.index == guide.index_of("side-effects-safety")

        # a window too small shows a message and keeps the place
        place = app.screen.index
        await pilot.resize_terminal(50, 15)
        await settle(pilot, lambda: isinstance(app.screen, TooSmallScreen))
        assert "larger" in visible_text(app)
        await pilot.resize_terminal(80, 24)
        await settle(pilot, lambda: not isinstance(app.screen, TooSmallScreen))
        assert isinstance(app.screen, ReaderScreen) and app.screen.index == place

        # a change made through the session reaches every screen showing it
        reader = app.screen
        page = guide.pages[reader.index]
        first = page.questions[0]
        app.session.toggle_question(page.id, first.id, first.text)
        assert "1 of" in str(reader.query_one("#ask-count").render()), "the reader's count follows at once"
        await pilot.press("h")
        await pilot.pause()
        app.session.set_region("ES")
        await pilot.pause()
        assert isinstance(app.screen, HelpNowScreen) and "Crisis lines" in visible_text(app)


async def test_what_the_app_keeps_for_good_is_set_aside_while_it_runs_and_given_back_when_it_closes(guide):
    """The app freezes its start-up heap once the first screen is out (full garbage collections of it
    were a visible stall every few page turns) and unfreezes it when it closes, so a process that runs
    the app again (a test worker, a kiosk restart) does not keep every earlier app's objects."""
    import gc

    app = RecoveryGuideApp(Session(guide))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot, lambda: gc.get_freeze_count() > 0)
    assert gc.get_freeze_count() == 0
