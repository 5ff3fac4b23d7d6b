"""The welcome screen's first view, in every language, on a short terminal: the main message whole, the
notice "Before you start" and the focused button all on screen at once (CDC Clear Communication Index:
the main message first; a frightened reader must see what to press). Also after a live language switch
and after kiosk mode starts over, which both make the widgets anew."""

from __future__ import annotations

import pytest

from recovery_guide.guide_content.folder import ContentFolder, load_guide
from recovery_guide.model import KioskSettings
from recovery_guide.session import Session
from tests.helpers import choose_language, settle, welcome_complete

LANGUAGES = ["en", "es", "fr", "de", "pt_BR", "vi", "zh_Hans"]
SHORT_SIZES = [(80, 24), (60, 20)]


def size_id(size: tuple[int, int]) -> str:
    return f"{size[0]}x{size[1]}"


def assert_first_view(app) -> None:
    """The main message, the notice and the focused "I understand" button lie whole inside the part of
    the welcome the reader sees without scrolling (and the step line above them has not scrolled off)."""
    from textual.widgets import Button

    screen = app.screen
    visible = screen.query_one("#welcome-scroll").scrollable_content_region
    button = screen.query_one("#acknowledge", Button)
    assert app.focused is button
    for selector in ("#progress", "#main-message", "#notice", "#acknowledge"):
        region = screen.query_one(selector).region
        assert visible.contains_region(region), f"{selector} at {region}, the reader sees {visible}"


def with_saved_progress(session: Session) -> Session:
    session.progress.page = session.guide.pages[4].id
    return session


@pytest.mark.slow
@pytest.mark.parametrize("size", SHORT_SIZES, ids=size_id)
@pytest.mark.parametrize("code", LANGUAGES)
async def test_the_first_view_shows_the_main_message_the_notice_and_the_button(code, size):
    from recovery_guide.tui.app import RecoveryGuideApp

    app = RecoveryGuideApp(Session(load_guide(code)))
    async with app.run_test(size=size) as pilot:
        await welcome_complete(pilot)
        assert_first_view(app)


@pytest.mark.slow
@pytest.mark.parametrize("size", [(80, 24)], ids=size_id)
@pytest.mark.parametrize("code", ["de", "vi"])
async def test_with_saved_progress_the_continue_button_does_not_push_the_main_message_off(code, size):
    """The longest languages with the second button ("continue where I left off") under the first.
    At 60x20 the returning reader's test below checks the same, in every language."""
    from recovery_guide.tui.app import RecoveryGuideApp

    app = RecoveryGuideApp(with_saved_progress(Session(load_guide(code))))
    async with app.run_test(size=size) as pilot:
        await welcome_complete(pilot)
        assert app.screen.query("#resume")
        assert_first_view(app)


@pytest.mark.slow
@pytest.mark.parametrize("size", [(60, 20), (100, 30)], ids=size_id)
@pytest.mark.parametrize("code", LANGUAGES)
async def test_a_returning_reader_sees_the_button_to_continue_without_scrolling(code, size):
    """At 100x30 the key points, and at 60x20 a long German label, pushed "continue where I left off"
    below the first view: a returning reader had to scroll to find the way back in."""
    from textual.widgets import Button

    from recovery_guide.tui.app import RecoveryGuideApp

    app = RecoveryGuideApp(with_saved_progress(Session(load_guide(code))))
    async with app.run_test(size=size) as pilot:
        await welcome_complete(pilot)
        resume = app.screen.query_one("#resume", Button)
        visible = app.screen.query_one("#welcome-scroll").scrollable_content_region
        assert visible.contains_region(resume.region), f"continue at {resume.region}, the reader sees {visible}"
        assert "5" in str(resume.label), "the button still names the step"
        assert_first_view(app)


@pytest.mark.slow
@pytest.mark.parametrize("scrolled", [False, True], ids=["at-the-top", "scrolled-down"])
@pytest.mark.parametrize("size", SHORT_SIZES, ids=size_id)
@pytest.mark.parametrize("code", ["de", "zh_Hans"])
async def test_after_a_live_language_switch_the_first_view_is_the_same(code, size, scrolled):
    """Also when the reader had scrolled down the welcome text before switching (with the focus still
    on the button): the new language starts at its first view, not somewhere in its text."""
    from recovery_guide.tui.app import RecoveryGuideApp

    app = RecoveryGuideApp(Session(load_guide("en")))
    async with app.run_test(size=size) as pilot:
        await welcome_complete(pilot)
        if scrolled:
            view = app.screen.query_one("#welcome-scroll")
            view.scroll_end(animate=False)
            await settle(pilot, lambda: view.scroll_y > 0)
        await choose_language(app, pilot, code)
        await welcome_complete(pilot)
        assert app.session.guide.language.code == code
        assert_first_view(app)


@pytest.mark.slow
async def test_the_key_points_wait_below_the_buttons_only_on_a_short_terminal():
    """On a short terminal the key points follow the buttons (for the keyboard and screen order too);
    made taller, the welcome is laid out as before: key points between the main message and the notice."""
    from recovery_guide.tui.app import RecoveryGuideApp

    app = RecoveryGuideApp(Session(load_guide("de")))
    async with app.run_test(size=(80, 24)) as pilot:
        await welcome_complete(pilot)
        order = [child.id for child in app.screen.query_one("#welcome-scroll").children]
        assert order.index("key-points") > order.index("notice")
        assert app.screen.query_one("#key-points").region.y > app.screen.query_one("#acknowledge").region.y
        await pilot.resize_terminal(120, 40)
        await settle(pilot, lambda: not app.screen.has_class("-short"))
        order = [child.id for child in app.screen.query_one("#welcome-scroll").children]
        assert order.index("main-message") < order.index("key-points") < order.index("notice")
        assert app.screen.query_one("#key-points").region.y < app.screen.query_one("#notice").region.y


@pytest.mark.slow
async def test_after_kiosk_mode_starts_over_the_first_view_is_the_same(guide):
    from recovery_guide.tui.app import RecoveryGuideApp
    from recovery_guide.tui.screens.dialogs import Confirm
    from recovery_guide.tui.screens.reader import ReaderScreen
    from recovery_guide.tui.screens.welcome import WelcomeScreen

    app = RecoveryGuideApp(Session(guide, ContentFolder(), kiosk=KioskSettings(enabled=True, staff_code="4711")))
    async with app.run_test(size=(60, 20)) as pilot:
        await welcome_complete(pilot)
        await pilot.press("enter")
        await settle(pilot, lambda: isinstance(app.screen, ReaderScreen))
        await pilot.press("o")
        await settle(pilot, lambda: isinstance(app.screen, Confirm))
        app.screen.query_one("#confirm-yes").press()
        await settle(pilot, lambda: isinstance(app.screen, WelcomeScreen) and app.screen.query("#acknowledge"))
        await welcome_complete(pilot)
        assert_first_view(app)
