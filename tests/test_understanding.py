"""Glossary, self-checks, own words and search, driven by keyboard (Textual's Pilot)."""

from __future__ import annotations

from pathlib import Path

import pytest

from textual.widgets import Input, OptionList

from recovery_guide import i18n, wording
from recovery_guide.glossary import sorted_terms
from recovery_guide.guide_content.folder import load_guide
from recovery_guide.my_questions import EntryKind
from recovery_guide.model import check_after
from recovery_guide.storage import Store
from recovery_guide.session import Session
from recovery_guide.tui.app import RecoveryGuideApp
from recovery_guide.tui.screens.glossary import GlossaryScreen, TermDefinition
from recovery_guide.tui.screens.reader import ReaderScreen, ReadingPane, TermList
from recovery_guide.tui.screens.search import SearchScreen
from recovery_guide.tui.screens.self_check import SelfCheckScreen
from tests.helpers import acknowledge, make_handout, record_notifications, settle, type_text, visible_text


def make_app(guide, tmp_path: Path) -> RecoveryGuideApp:
    return RecoveryGuideApp(Session(guide, store=Store(tmp_path / "data"), handout_folder=tmp_path))


async def test_a_narrow_window_hides_the_contents_until_asked_and_marked_words_are_links_and_listed(guide, tmp_path):
    """One start-up (it was two): at 60x20 the contents are hidden until c; then, at 100x40, the words
    marked in the text are underlined links and listed."""
    app = make_app(guide, tmp_path)
    course = guide.page("treatment-course")
    async with app.run_test(size=(60, 20)) as pilot:
        await acknowledge(pilot)
        contents = app.screen.query_one("#contents")
        assert not contents.display or contents.region.width == 0
        await pilot.press("c")
        await pilot.pause()
        assert app.screen.query_one("#contents").region.width > 0
        await pilot.press("down", "enter")
        await pilot.pause()
        assert app.screen.index == 2
        assert app.screen.query_one("#reading").region.width > 0

        await pilot.resize_terminal(100, 40)
        await pilot.pause()
        app.screen.go_to(guide.index_of(course.id))
        await pilot.pause()
        body = app.screen.query_one("#body").source
        assert "[psychosis](term:psychosis)" in body, "a term is marked in the text (a link is underlined, not only coloured)"
        listed = [str(option.prompt) for option in app.screen.query_one(TermList).options]
        assert "psychosis" in listed and "infusion" in listed


@pytest.mark.slow  # a long app flow: about 3 s
async def test_open_a_words_meaning_and_return_to_the_same_place(guide, tmp_path):
    app = make_app(guide, tmp_path)
    course = guide.page("treatment-course")
    async with app.run_test(size=(100, 30)) as pilot:
        await acknowledge(pilot)
        app.screen.go_to(guide.index_of(course.id))
        await pilot.pause()
        words = app.screen.query_one(TermList)
        words.focus()
        words.highlighted = [option.id for option in words.options].index("psychosis")
        await pilot.pause()
        await pilot.wait_for_scheduled_animations()
        pane = app.screen.query_one(ReadingPane)
        scrolled = pane.scroll_y
        assert scrolled > 0, "the word list is further down the page"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, TermDefinition)
        psychosis = next(term for term in guide.glossary if term.id == "psychosis")
        text = visible_text(app)
        assert psychosis.definition in text
        assert f"{guide.index_of(course.id) + 1}. {course.title}" in text, "where the word is used"
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        assert app.screen.index == guide.index_of(course.id)
        assert app.screen.query_one(ReadingPane).scroll_y == scrolled
        assert app.focused is words


@pytest.mark.slow
async def test_glossary_search_with_no_result_and_theme_key(guide, tmp_path):
    """One start-up (it was three): the glossary is alphabetical and filters as you type; a search
    with no result says so; the theme key cycles and is announced in words."""
    app = make_app(guide, tmp_path)
    announced = record_notifications(app)
    async with app.run_test(size=(100, 30)) as pilot:
        await acknowledge(pilot)
        await pilot.press("g")
        await pilot.pause()
        assert isinstance(app.screen, GlossaryScreen)
        shown = [str(option.prompt) for option in app.screen.query_one("#glossary-list", OptionList).options]
        assert shown == [term.term for term in sorted_terms(guide)]
        assert len(shown) == len(guide.glossary)
        await type_text(pilot, "psycho")
        await pilot.pause()
        shown = [str(option.prompt) for option in app.screen.query_one("#glossary-list", OptionList).options]
        assert "psychosis" in shown and "abstinence" not in shown
        psychosis = next(term for term in guide.glossary if term.id == "psychosis")
        await pilot.press("enter", "down")  # to the list, then the next match
        await pilot.pause()
        await pilot.press("up")
        await pilot.pause()
        assert psychosis.definition in visible_text(app) or any(
            term.definition in visible_text(app) for term in guide.glossary if "psycho" in term.term
        )
        await pilot.press("escape")
        await settle(pilot, lambda: isinstance(app.screen, ReaderScreen))

        await pilot.press("slash")
        await type_text(pilot, "zzqxv")
        await pilot.pause()
        assert "Nothing found" in visible_text(app)
        await pilot.press("enter", "escape")
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)

        assert app.theme == "standard"
        names = []
        for _ in range(4):
            await pilot.press("t")
            await pilot.pause()
            names.append(app.theme)
        assert names == ["light", "high-contrast", "monochrome", "standard"]
        assert app.current_theme.name == "standard" and app.theme_variables["banner-text-style"] == "bold", "no monochrome look is left behind"
        assert any("Theme: Monochrome" in message for message in announced)


@pytest.mark.slow
async def test_in_spanish_the_glossary_is_sorted_in_spanish_and_search_finds_a_word(tmp_path):
    """One start-up (it was two): the glossary sorted in Spanish under its Spanish title; a search for
    PSICOSIS (case and accents do not matter) jumps to its screen."""
    i18n.set_language("es")
    try:
        spanish = load_guide("es")
        app = make_app(spanish, tmp_path)
        async with app.run_test(size=(100, 30)) as pilot:
            await acknowledge(pilot)
            await pilot.press("g")
            await pilot.pause()
            shown = [str(option.prompt) for option in app.screen.query_one("#glossary-list", OptionList).options]
            assert shown == [term.term for term in sorted_terms(spanish)]
            assert app.screen.query_one("#dialog").border_title == i18n._("Words used in this guide")
            await pilot.press("escape")
            await settle(pilot, lambda: isinstance(app.screen, ReaderScreen))

            await pilot.press("slash")
            await pilot.pause()
            assert isinstance(app.screen, SearchScreen)
            await type_text(pilot, "PSICOSIS")  # case and accents do not matter
            await pilot.pause()
            results = app.screen.query_one("#search-results", OptionList)
            assert results.option_count > 0
            first = str(results.options[0].prompt)
            assert spanish.page("treatment-course").title in first
            await pilot.press("enter")
            await pilot.pause()
            assert isinstance(app.screen, ReaderScreen)
            assert app.screen.index == spanish.index_of("treatment-course")
    finally:
        i18n.set_language("en")


@pytest.mark.slow
async def test_answer_a_self_check_and_see_explanations(guide, tmp_path):
    app = make_app(guide, tmp_path)
    check = check_after(guide, "treatment-course")
    async with app.run_test(size=(100, 40)) as pilot:
        await acknowledge(pilot)
        app.screen.go_to(guide.index_of("treatment-course"))
        await pilot.pause()
        assert check.title == str(app.screen.query_one("#self-check-heading").render())
        await pilot.press("k")
        await pilot.pause()
        assert isinstance(app.screen, SelfCheckScreen)
        assert "not a test" in visible_text(app)
        for number, question in enumerate(check.questions, start=1):
            text = visible_text(app)
            assert f"Question {number} of {len(check.questions)}" in text
            assert question.prompt in text
            choices = [choice.id for choice in question.choices]
            # the first question: pick the answer the guide supports; later ones: "not sure"
            pick = choices.index(question.answer) if number == 1 else choices.index("unsure")
            await pilot.press(*["down"] * pick, "enter")
            await pilot.pause()
            text = visible_text(app)
            assert question.explanation in text
            assert (wording.matches_the_guide() if number == 1 else wording.not_sure_is_fine()) in text
            assert wording.read_more(guide.index_of(question.screen) + 1, guide.page(question.screen).title) in text
            await pilot.press("enter")  # Next question
            await pilot.pause()
        assert wording.own_words_prompt(check.topic) in visible_text(app)


@pytest.mark.slow
async def test_a_different_answer_is_met_kindly_and_can_lead_back_to_the_screen(guide, tmp_path):
    app = make_app(guide, tmp_path)
    check = check_after(guide, "treatment-course")
    question = check.questions[0]
    wrong = next(index for index, choice in enumerate(question.choices) if choice.id not in (question.answer, "unsure"))
    async with app.run_test(size=(100, 40)) as pilot:
        await acknowledge(pilot)
        app.screen.go_to(guide.index_of("treatment-course"))
        await pilot.pause()
        await pilot.press("k")
        await pilot.pause()
        await pilot.press(*["down"] * wrong, "enter")
        await pilot.pause()
        assert wording.guide_says_otherwise() in visible_text(app)
        app.screen.query_one("#check-read-more").press()
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        assert app.screen.index == guide.index_of(question.screen)


@pytest.mark.slow
async def test_own_words_reach_the_handout_for_the_provider(guide, tmp_path):
    app = make_app(guide, tmp_path)
    check = check_after(guide, "therapy")
    async with app.run_test(size=(100, 40)) as pilot:
        await acknowledge(pilot)
        app.screen.go_to(guide.index_of("therapy"))
        await pilot.pause()
        await pilot.press("k")
        await pilot.pause()
        for _question in check.questions:
            await pilot.press("enter")  # any choice
            await pilot.pause()
            await pilot.press("enter")  # next
            await pilot.pause()
        assert isinstance(app.focused, Input)
        await type_text(pilot, "Therapy helps me keep the change going")
        await pilot.press("enter")
        await pilot.pause()
        assert [entry.kind for entry in app.session.my_questions.entries] == [EntryKind.UNDERSTANDING]
        await pilot.press("m")
        await pilot.pause()
        assert "Therapy helps me keep the change going" in visible_text(app)
        await pilot.press("escape")
        await make_handout(pilot, tmp_path / "handout.txt")
    handout = (tmp_path / "handout.txt").read_text(encoding="utf-8")
    assert wording.check_my_understanding() in handout
    flat = " ".join(handout.split())
    assert f"{check.topic}: Therapy helps me keep the change going" in flat


async def test_no_color_starts_in_monochrome(guide, tmp_path, monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    app = make_app(guide, tmp_path)
    assert app.theme == "monochrome"


@pytest.mark.slow
async def test_the_terminal_cursor_follows_focus(guide, tmp_path):
    app = make_app(guide, tmp_path)
    async with app.run_test(size=(100, 60)) as pilot:
        await acknowledge(pilot)
        await pilot.press("s")  # to the questions
        await pilot.pause()
        await pilot.wait_for_scheduled_animations()
        await pilot.pause()
        questions = app.focused
        first = app.cursor_position
        assert questions.content_region.contains_point(first), "the cursor sits on the focused list"
        await pilot.press("down")
        await pilot.wait_for_scheduled_animations()
        await pilot.pause()
        assert app.cursor_position.y > first.y, "and moves with the highlighted question"
        await pilot.press("c")
        await pilot.pause()
        await pilot.pause()
        contents = app.screen.query_one("#contents")
        assert contents.content_region.contains_point(app.cursor_position)
