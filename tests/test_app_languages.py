"""Switching language in the running app: same screen, same place; footer and help follow; e shows English."""

from __future__ import annotations

import pytest

from recovery_guide import i18n
from recovery_guide.guide_content.folder import load_guide
from recovery_guide.session import Session
from recovery_guide.tui.app import RecoveryGuideApp
from recovery_guide.tui.screens.keys_help import KeysHelpScreen
from recovery_guide.tui.screens.reader import ReaderScreen
from tests.helpers import choose_language, settle, visible_text, welcome_complete

LANGUAGES = ["es", "fr", "de", "pt_BR", "zh_Hans", "vi"]


def footer_descriptions(app) -> set[str]:
    return {active.binding.description for active in app.screen.active_bindings.values()}


@pytest.mark.slow
async def test_switching_language_keeps_the_screen_and_translates_everything():
    """Spanish on screen 5, then Chinese on screen 9, then German on screen 13, one after another in one
    start-up (it was one start-up each, each from English): each switch keeps the screen, translates
    its title, the footer and the keys help, and leaves none of the language before."""
    before = load_guide("en")
    app = RecoveryGuideApp(Session(before), acknowledged=True)
    try:
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            for start, code in ((4, "es"), (8, "zh_Hans"), (12, "de")):
                translated = load_guide(code)
                app.screen.go_to(start)
                await pilot.pause()
                assert before.pages[start].title in visible_text(app)
                next_before = i18n._("Next")
                await choose_language(app, pilot, code)
                assert isinstance(app.screen, ReaderScreen)
                assert app.screen.index == start, "the reader stays on the same screen"
                text = visible_text(app)
                assert translated.pages[start].title in text
                assert before.pages[start].title not in text
                assert i18n._("Next") in footer_descriptions(app) and next_before not in footer_descriptions(app)
                await pilot.press("question_mark")
                await pilot.pause()
                assert isinstance(app.screen, KeysHelpScreen)
                assert i18n._("Previous screen") in visible_text(app)
                await pilot.press("escape")
                await settle(pilot, lambda: isinstance(app.screen, ReaderScreen))
                before = translated
    finally:
        i18n.set_language("en")


@pytest.mark.slow
async def test_language_switch_keeps_the_scroll_position():
    """The same part of the page stays at the top (the translation's lines have other heights)."""
    app = RecoveryGuideApp(Session(load_guide("en")), acknowledged=True)
    async with app.run_test(size=(100, 30)) as pilot:
        app.screen.go_to(8)
        await pilot.pause()
        await pilot.press("pagedown")
        await pilot.pause()
        pane = app.screen.query_one("#reading")
        assert pane.scroll_y > 0
        block, _lines_above = pane.top_anchor()
        await choose_language(app, pilot, "fr")
        assert app.screen.query_one("#reading").top_anchor()[0] == block


@pytest.mark.slow  # a long app flow: about 4 s
async def test_e_shows_the_english_original_and_back():
    english, spanish = load_guide("en"), load_guide("es")
    i18n.set_language("es")
    app = RecoveryGuideApp(Session(spanish), acknowledged=True)
    async with app.run_test(size=(100, 30)) as pilot:
        app.screen.go_to(5)
        await pilot.pause()
        assert spanish.pages[5].title in visible_text(app)
        await pilot.press("e")
        await settle(pilot)
        text = visible_text(app)
        assert english.pages[5].title in text and spanish.pages[5].title not in text
        await pilot.press("e")
        await settle(pilot)
        assert spanish.pages[5].title in visible_text(app)


async def test_welcome_switches_language_before_acknowledging():
    app = RecoveryGuideApp(Session(load_guide("en")))
    async with app.run_test(size=(100, 30)) as pilot:
        await choose_language(app, pilot, "vi")
        assert load_guide("vi").pages[0].acknowledge in visible_text(app)
        assert load_guide("vi").language.review_status in visible_text(app)


# German (long words) and Chinese (wide characters): the other four languages are the same screen with
# other words. Their first view (main message, notice and button whole) is asserted in every language
# by test_welcome_first_view.py, and their labels whole by the live-switch walk (test_live_switch_words.py).
@pytest.mark.parametrize("code", ["de", "zh_Hans"])
def test_welcome_snapshot_in_every_language(snap_compare, code):
    i18n.set_language(code)
    assert snap_compare(RecoveryGuideApp(Session(load_guide(code))), terminal_size=(80, 24), run_before=welcome_complete)
