"""Focus is always on something the reader can see, and useful: after turning the page, jumping
from the contents or a search, switching language and closing a dialog, the focus is on the text
(or on the item the reader was on, while it is still shown), and Down scrolls the text."""

from __future__ import annotations

import pytest

from recovery_guide.session import Session
from recovery_guide.tui.app import RecoveryGuideApp
from recovery_guide.tui.screens.glossary import GlossaryScreen, TermDefinition
from recovery_guide.tui.screens.reader import ContentsList, ReaderScreen, ReadingPane, TermList
from recovery_guide.tui.screens.search import SearchScreen
from recovery_guide.tui.widgets.provider_questions import ProviderQuestions
from tests.helpers import acknowledge, choose_language, settle, type_text

SIZE = (80, 24)


async def start(pilot) -> ReaderScreen:
    await acknowledge(pilot)
    await settle(pilot, lambda: isinstance(pilot.app.screen, ReaderScreen))
    return pilot.app.screen


async def focus_questions(pilot) -> None:
    """Tab, Tab from the text: the key bar offers "s Add to My questions"."""
    await pilot.press("tab", "tab")
    await settle(pilot, lambda: isinstance(pilot.app.focused, ProviderQuestions))


async def focus_questions_out_of_view(pilot, reader: ReaderScreen):
    """Focus the questions list, then scroll the page back to the top so it is out of view; returns it."""
    await focus_questions(pilot)
    questions = pilot.app.focused
    reader.query_one(ReadingPane).scroll_home(animate=False, immediate=True)
    await settle(pilot, lambda: not reader.shows(questions))
    return questions


async def assert_text_has_focus_and_scrolls(pilot) -> None:
    app = pilot.app
    reader = app.screen
    assert isinstance(reader, ReaderScreen)
    pane = reader.query_one(ReadingPane)
    assert app.focused is pane, f"focus is on {app.focused!r}, not the reading text"
    assert pane.max_scroll_y > 0, "the text must be longer than the window for this test"
    pane.scroll_home(animate=False, immediate=True)
    await settle(pilot, lambda: pane.scroll_y == 0)
    await pilot.press("down")
    await settle(pilot, lambda: pane.scroll_y > 0)
    before = pane.scroll_y
    await pilot.press("pagedown")
    await settle(pilot, lambda: pane.scroll_y > before)


async def back_to(pilot, reader: ReaderScreen, index: int) -> None:
    """The next step of a journey starts as a reader would: on screen ``index``, at its top, in the text."""
    pane = reader.query_one(ReadingPane)
    reader.go_to(index)
    await settle(pilot, lambda: reader.index == index)
    pane.focus()
    pane.scroll_home(animate=False, immediate=True)
    await settle(pilot, lambda: pilot.app.focused is pane and pane.scroll_y == 0)


@pytest.mark.slow
async def test_turning_the_page_or_jumping_from_the_contents_or_a_search_puts_the_focus_on_the_text(guide):
    """One start-up, each way of moving in turn, each from the questions list (it was one start-up
    each): n, p, a contents jump, a search jump; and s just after n adds no question the reader never
    saw chosen."""
    app = RecoveryGuideApp(Session(guide))
    async with app.run_test(size=SIZE) as pilot:
        reader = await start(pilot)
        pane = reader.query_one(ReadingPane)
        for key, start_at in (("n", 1), ("p", 3)):
            await back_to(pilot, reader, start_at)
            await focus_questions(pilot)
            await pilot.press(key)
            await settle(pilot, lambda: reader.index != start_at)
            await assert_text_has_focus_and_scrolls(pilot)

        await back_to(pilot, reader, 1)  # s after turning the page
        await focus_questions(pilot)
        await pilot.press("n")
        await settle(pilot, lambda: reader.index == 2)
        assert app.focused is pane, f"focus is on {app.focused!r} after n"
        await pilot.press("s")
        await settle(pilot)
        assert len(app.session.my_questions) == 0, "s added a question the reader never saw chosen"
        focused = app.focused
        assert focused is pane or (isinstance(focused, ProviderQuestions) and reader.shows(focused))

        await back_to(pilot, reader, 1)  # a contents jump
        await focus_questions(pilot)
        await pilot.press("c")
        await settle(pilot, lambda: isinstance(app.focused, ContentsList))
        await pilot.press("down", "down", "enter")
        await settle(pilot, lambda: reader.index == 3)
        await assert_text_has_focus_and_scrolls(pilot)

        await back_to(pilot, reader, 1)  # a search jump
        await focus_questions(pilot)
        await pilot.press("slash")
        await settle(pilot, lambda: isinstance(app.screen, SearchScreen))
        await type_text(pilot, "Alcoholics Anonymous")
        await settle(pilot, lambda: app.screen.matches)
        target = guide.index_of(app.screen.matches[0].screen_id)
        assert target != reader.index
        await pilot.press("enter")
        await settle(pilot, lambda: app.screen is reader and reader.index == target)
        await assert_text_has_focus_and_scrolls(pilot)


@pytest.mark.slow
async def test_a_language_switch_or_the_words_list_brings_the_focus_back_to_the_text(guide):
    """One start-up (it was one each): a language switch from the text and from an item out of view,
    closing the words list with the item out of view, and the report's path (Tab, Tab, n, the words
    list and back); after each, the text has the focus and Down scrolls it."""
    app = RecoveryGuideApp(Session(guide))
    async with app.run_test(size=SIZE) as pilot:
        reader = await start(pilot)
        await choose_language(app, pilot, "es")
        await settle(pilot)
        await assert_text_has_focus_and_scrolls(pilot)

        await back_to(pilot, reader, 1)
        await focus_questions_out_of_view(pilot, reader)
        await choose_language(app, pilot, "en")
        await settle(pilot)
        await assert_text_has_focus_and_scrolls(pilot)

        await back_to(pilot, reader, 1)  # closing the words list, the item out of view
        await focus_questions_out_of_view(pilot, reader)
        await pilot.press("g")
        await settle(pilot, lambda: isinstance(app.screen, GlossaryScreen))
        await pilot.press("escape")
        await settle(pilot, lambda: app.screen is reader)
        await assert_text_has_focus_and_scrolls(pilot)

        await back_to(pilot, reader, 1)  # the path of the report: Tab, Tab, n, then the words list and back
        await focus_questions(pilot)
        await pilot.press("n")
        await settle(pilot, lambda: reader.index == 2)
        await pilot.press("g")
        await settle(pilot, lambda: isinstance(app.screen, GlossaryScreen))
        await pilot.press("escape")
        await settle(pilot, lambda: app.screen is reader)
        await assert_text_has_focus_and_scrolls(pilot)


@pytest.mark.slow
async def test_closing_a_word_meaning_keeps_the_focus_on_the_word_still_shown(guide):
    app = RecoveryGuideApp(Session(guide))
    async with app.run_test(size=SIZE) as pilot:
        reader = await start(pilot)
        await pilot.press("tab")
        await settle(pilot, lambda: isinstance(app.focused, TermList))
        words = app.focused
        await pilot.press("down", "enter")  # Down chooses the first word
        await settle(pilot, lambda: isinstance(app.screen, TermDefinition))
        await pilot.press("escape")
        await settle(pilot, lambda: app.screen is reader)
        assert app.focused is words, "the word the reader was on is still shown: the focus stays on it"


@pytest.mark.slow
async def test_s_on_questions_scrolled_out_of_view_shows_them_and_adds_nothing(guide):
    app = RecoveryGuideApp(Session(guide))
    async with app.run_test(size=SIZE) as pilot:
        reader = await start(pilot)
        questions = await focus_questions_out_of_view(pilot, reader)
        await pilot.press("s")
        await settle(pilot, lambda: reader.shows(questions))
        assert len(app.session.my_questions) == 0, "s added a question the reader could not see"
        await pilot.press("s")  # now in view: s adds the chosen question
        await settle(pilot, lambda: len(app.session.my_questions) == 1)


@pytest.mark.slow
async def test_a_language_switch_on_the_welcome_screen_keeps_the_focus_on_its_button(guide):
    """Switching language before starting: Enter still starts reading (the button was redrawn unfocused)."""
    from recovery_guide.tui.screens.welcome import WelcomeScreen

    app = RecoveryGuideApp(Session(guide))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot, lambda: isinstance(app.screen, WelcomeScreen))
        await choose_language(app, pilot, "de")
        await settle(pilot, lambda: isinstance(app.screen, WelcomeScreen))
        assert app.focused is not None and app.focused.id == "acknowledge"
        await pilot.press("enter")
        await settle(pilot, lambda: isinstance(app.screen, ReaderScreen))
