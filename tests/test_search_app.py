"""Search like ``less`` (remembered words, next and previous match, the match marked where it lands),
the glossary's filter, the command palette's words, and two small keys (welcome, My questions).

Pilot tests, driven by keys as a reader would (issue #12, item 9 and two points of item 11).
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import pytest
from textual.command import CommandList, CommandPalette
from textual.content import Content
from textual.pilot import Pilot
from textual.widget import Widget
from textual.widgets import Input, OptionList

from recovery_guide import i18n
from recovery_guide.glossary import filter_terms, sorted_terms
from recovery_guide.guide_content.folder import load_guide
from recovery_guide.search import find_span
from recovery_guide.session import Session
from recovery_guide.tui.app import RecoveryGuideApp
from recovery_guide.tui.screens.dialogs import Confirm
from recovery_guide.tui.screens.glossary import GlossaryScreen
from recovery_guide.tui.screens.my_questions import MyQuestionsList, MyQuestionsScreen
from recovery_guide.tui.screens.reader import HIT_STYLE, ReaderScreen, ReadingPane
from recovery_guide.tui.screens.search import SearchScreen
from recovery_guide.tui.screens.welcome import WelcomeScreen
from recovery_guide.tui.widgets.guide_markdown import BulletList
from recovery_guide.tui.widgets.provider_questions import ProviderQuestions
from tests.helpers import add_question, record_notifications, settle, type_text

pytestmark = pytest.mark.slow  # each starts the app (about 2 s): out of the quick loop, in the full suite

SIZE = (80, 24)


@asynccontextmanager
async def running(guide, size: tuple[int, int] = SIZE, acknowledged: bool = True) -> AsyncIterator[tuple[RecoveryGuideApp, Pilot, list[str]]]:
    """The app (reading already, unless ``acknowledged`` is False), its pilot once it is ready, and the
    messages it shows as toasts."""
    app = RecoveryGuideApp(Session(guide), acknowledged=acknowledged)
    shown = record_notifications(app)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        yield app, pilot, shown


async def search_for(pilot, words: str) -> SearchScreen:
    await pilot.press("slash")
    await settle(pilot, lambda: isinstance(pilot.app.screen, SearchScreen))
    await type_text(pilot, words)
    await settle(pilot)
    return pilot.app.screen


def marked_texts(reader: ReaderScreen) -> list[str]:
    """Every piece of the page shown with the search mark, and where."""
    found = []
    for widget in reader.query("#title, #key-points, #body MarkdownBlock, .option-card"):
        contents = widget.item_texts if isinstance(widget, BulletList) else [widget.content]
        for content in contents:
            if isinstance(content, Content):
                found += [content.plain[span.start : span.end] for span in content.spans if str(span.style) == HIT_STYLE]
    return found


def in_view(reader: ReaderScreen, widget) -> bool:
    pane = reader.query_one(ReadingPane)
    return widget.region.overlaps(pane.content_region)


# --- search ---------------------------------------------------------------------------------------------


@pytest.mark.slow
async def test_a_chosen_match_lands_on_the_words_and_marks_them(guide):
    async with running(guide) as (app, pilot, shown):
        search = await search_for(pilot, "bladder problems")
        assert [match.screen_id for match in search.matches] == ["ketamine-basics", "side-effects-safety"]
        await pilot.press("down", "down", "enter")  # the second: far down its screen
        await settle(pilot, lambda: isinstance(app.screen, ReaderScreen))
        reader = app.screen
        assert reader.index == guide.index_of("side-effects-safety")
        assert marked_texts(reader) == ["bladder problems"], "the words found are marked in the text"
        marked = next(block for block in reader.query("#body MarkdownBlock") if "bladder problems" in getattr(block.content, "plain", ""))
        pane = reader.query_one(ReadingPane)
        assert pane.scroll_y > 0, "the text moved to the match, not to the top of the screen"
        assert in_view(reader, marked), "the match is in view"
        assert app.focused is pane


@pytest.mark.slow
async def test_the_landing_holds_when_the_text_is_slow_to_answer(guide, monkeypatch):
    """On a busy machine the text's own queue can be behind the screen's: what it asked to do "after
    the next refresh" then runs after the landing. Here it is always behind, so the race is the same
    every time; the landing must still hold, and the reader's own keys still scroll afterwards."""

    def behind_the_screen(pane: ReadingPane, message) -> None:
        pane.screen.call_after_refresh(Widget._on_invoke_later, pane, message)

    monkeypatch.setattr(ReadingPane, "_on_invoke_later", behind_the_screen)
    async with running(guide) as (app, pilot, shown):
        await search_for(pilot, "bladder problems")
        await pilot.press("down", "down", "enter")
        await settle(pilot, lambda: isinstance(app.screen, ReaderScreen) and app.screen.index == guide.index_of("side-effects-safety"))
        await settle(pilot)
        pane = app.screen.query_one(ReadingPane)
        landed = pane.scroll_y
        assert landed > 0, "the text went back to the top of the screen after landing on the match"
        await pilot.press("up")
        await settle(pilot)
        assert pane.scroll_y == landed - 1, "Up scrolls from where the match landed"
        await pilot.press("home")
        await settle(pilot)
        assert pane.scroll_y == 0, "Home still goes to the top"


@pytest.mark.slow
async def test_a_match_in_a_list_item_and_a_question_are_in_view(guide):
    async with running(guide) as (app, pilot, shown):
        search = await search_for(pilot, "how far apart")
        assert [match.kind for match in search.matches] == ["question"]
        await pilot.press("enter")
        await settle(pilot, lambda: isinstance(app.screen, ReaderScreen))
        questions = app.screen.query_one(ProviderQuestions)
        assert app.focused is questions, "a question found is the chosen row of the focused list (s adds it)"
        assert find_span(str(questions.options[questions.highlighted].prompt), "how far apart")
        assert in_view(app.screen, questions)
        search = await search_for(pilot, "")
        await type_text(pilot, "Heavy drinking")  # a bullet of one screen's body
        await settle(pilot)
        bullets = [match for match in search.matches if match.kind == "body"]
        await pilot.press("down", *["down"] * search.matches.index(bullets[0]), "enter")
        await settle(pilot, lambda: isinstance(app.screen, ReaderScreen))
        assert [text.casefold() for text in marked_texts(app.screen)] == ["heavy drinking"]


@pytest.mark.slow
async def test_one_readers_searches_next_and_previous_the_last_words_and_empty_lists(guide):
    """One start-up, one reader searching in turn (it was four start-ups): full stop and comma go to
    the next and previous match; / shows the last words selected, so typing replaces them; Down and
    Up never leave the focus in an empty list; matches on one screen are visited down the page, one
    mark at a time. Each search types over the last words, as a reader's would."""
    async with running(guide) as (app, pilot, shown):
        await pilot.press("full_stop")
        await settle(pilot)
        assert shown[-1] == "Press / to search first."
        search = await search_for(pilot, "liver")
        screens = [match.screen_id for match in search.matches if match.screen_id]
        assert len(screens) >= 3
        await pilot.press("enter")
        await settle(pilot, lambda: isinstance(app.screen, ReaderScreen))
        reader = app.screen
        assert reader.index == guide.index_of(screens[0])
        await pilot.press("full_stop")
        await settle(pilot)
        assert reader.index == guide.index_of(screens[1]) and app.match_number == 1
        assert [text.casefold() for text in marked_texts(reader)] == ["liver"]
        assert shown[-1].startswith(f"Found 2 of {len(app.screen_matches())}")
        await pilot.press("full_stop", "full_stop")
        await settle(pilot)
        assert reader.index == guide.index_of(screens[3]) and app.match_number == 3
        await pilot.press("comma")
        await settle(pilot)
        assert app.match_number == 2 and reader.index == guide.index_of(screens[2])
        await pilot.press("comma", "comma", "comma")  # before the first: round to the last
        await settle(pilot)
        assert app.match_number == len(app.screen_matches()) - 1

        await search_for(pilot, "liver")
        await pilot.press("escape")
        await settle(pilot, lambda: isinstance(app.screen, ReaderScreen))
        search = await search_for(pilot, "")
        typed = search.query_one(Input)
        assert typed.value == "liver", "/ forgot the last words searched for"
        assert (typed.selection.start, typed.selection.end) == (0, len("liver")), "the last words are selected"
        assert search.matches, "their results are shown at once"
        await type_text(pilot, "kidney")
        await settle(pilot)
        assert typed.value == "kidney", "typing replaces the remembered words"
        await pilot.press("escape")
        await settle(pilot, lambda: isinstance(app.screen, ReaderScreen))

        search = await search_for(pilot, "zzzz")
        typed, results = search.query_one(Input), search.query_one(OptionList)
        await pilot.press("down")
        await settle(pilot)
        assert app.focused is typed, "Down moved into an empty list"
        await pilot.press("tab")
        await settle(pilot)
        assert app.focused is not results, "Tab moved into an empty list"
        typed.focus()
        typed.value = ""
        await type_text(pilot, "liver")
        await pilot.press("down")
        await settle(pilot)
        assert app.focused is results and results.highlighted == 0
        await pilot.press("up")
        await settle(pilot)
        assert app.focused is typed, "Up on the first result goes back to the typing line"
        await pilot.press("down", "down", "s")
        await settle(pilot)
        assert app.focused is typed and typed.value == "livers", "typing in the list goes on typing the words"
        await pilot.press("escape")
        await settle(pilot, lambda: isinstance(app.screen, ReaderScreen))

        search = await search_for(pilot, "ketamine")
        on_first = [match for match in search.matches if match.screen_id == search.matches[0].screen_id and match.kind != "question"]
        assert len(on_first) >= 3
        await pilot.press("enter")
        await settle(pilot, lambda: isinstance(app.screen, ReaderScreen))
        pane, places = app.screen.query_one(ReadingPane), []
        for _match in on_first:
            assert [text.casefold() for text in marked_texts(app.screen)] == ["ketamine"], "one mark: the one the reader is on"
            places.append(pane.scroll_y)
            await pilot.press("full_stop")
            await settle(pilot)
        assert places == sorted(places) and places[-1] > 0, f"the text moves down the page with the matches: {places}"


# --- the glossary -----------------------------------------------------------------------------------------


def test_the_glossary_filter_finds_words_inside_terms_best_first(guide):
    terms = sorted_terms(guide)
    assert [term.id for term in filter_terms(terms, "relapse")][:1] == ["mindfulness-based-relapse-prevention"], "a word inside a longer term"
    found = [term.id for term in filter_terms(terms, "therapy")]
    assert found.index("talking-therapy") < found.index("mindfulness-based-relapse-prevention"), "a term holding the word before a definition holding it"
    assert [term.id for term in filter_terms(terms, "drug")][:2] == ["drug-label", "controlled-drug"], "a term that starts with the word, then one holding it inside"
    assert "twelve-step-groups" in [term.id for term in filter_terms(terms, "Anonymous")], "a word of a definition"


@pytest.mark.slow
async def test_a_word_not_in_the_glossary_is_searched_for_in_the_whole_guide(guide):
    async with running(guide) as (app, pilot, shown):
        await pilot.press("g")
        await settle(pilot, lambda: isinstance(app.screen, GlossaryScreen))
        glossary = app.screen
        await type_text(pilot, "bladder")
        await settle(pilot)
        assert not glossary.terms
        assert "search the whole guide" in str(glossary.query_one("#glossary-definition").render())
        await pilot.press("enter")
        await settle(pilot, lambda: isinstance(app.screen, SearchScreen))
        search = app.screen
        assert search.query_one(Input).value == "bladder"
        assert "side-effects-safety" in [match.screen_id for match in search.matches]


# --- the command palette ------------------------------------------------------------------------------------


async def palette_titles(pilot, words: str) -> list[str]:
    """The titles the palette offers for ``words``, typed into it."""
    app = pilot.app
    if not CommandPalette.is_open(app):
        await pilot.press("ctrl+p")
        await settle(pilot, lambda: CommandPalette.is_open(app))
    palette_input = app.screen.query_one(Input)
    palette_input.value = ""
    await type_text(pilot, words)
    results = app.screen.query_one(CommandList)
    await settle(pilot, lambda: results.option_count and not results.get_option_at_index(0).disabled)
    return [str(option.prompt).split("\n")[0] for option in results.options]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("code", "words"),
    [
        ("en", {"colour": "Theme", "print": "Make a handout", "saving": "Saving on or off", "forget": "Forget everything"}),
        ("es", {"color": "Theme", "imprimir": "Make a handout", "guardar": "Saving on or off", "olvidar": "Forget everything"}),
        ("zh_Hans", {"颜色": "Theme", "打印": "Make a handout", "保存": "Saving on or off", "忘记": "Forget everything"}),
    ],
)
async def test_the_palette_finds_every_action_by_its_words(code, words):
    guide = load_guide(code)
    i18n.set_language(code)
    async with running(guide, (100, 30)) as (app, pilot, shown):
        for typed, english_title in words.items():
            title = i18n._(english_title)  # the command's title in the reader's language
            titles = await palette_titles(pilot, typed)
            assert any(offered.startswith(title) for offered in titles), f"{typed!r} did not find {title!r}: {titles}"


@pytest.mark.slow
async def test_the_palette_turns_saving_on_and_forgets_everything_after_asking(guide):
    async with running(guide, (100, 30)) as (app, pilot, shown):
        await palette_titles(pilot, "saving")
        await pilot.press("enter")
        await settle(pilot, lambda: isinstance(app.screen, MyQuestionsScreen) and app.session.saving)
        assert app.focused.id == "keep", "the reader sees the saving choice that was changed"
        await pilot.press("escape")
        await settle(pilot, lambda: isinstance(app.screen, ReaderScreen))
        await palette_titles(pilot, "forget")
        await pilot.press("enter")
        await settle(pilot, lambda: isinstance(app.screen, Confirm))
        assert app.session.saving, "nothing is forgotten before the reader confirms"
        await pilot.press("escape")
        await settle(pilot, lambda: isinstance(app.screen, MyQuestionsScreen))
        assert app.session.saving


def says_how_to_start(app, shown: list[str]) -> None:
    assert isinstance(app.screen, WelcomeScreen)
    assert shown and "press Enter to start reading" in shown[-1]
    assert app.focused.id == "acknowledge", "Enter now starts reading"


# --- small keys -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("key", ["n", "right", "c"])
async def test_page_keys_on_the_welcome_screen_say_how_to_start(guide, key):
    async with running(guide, acknowledged=False) as (app, pilot, shown):
        app.screen.query_one("#welcome-scroll").focus()
        await pilot.press(key)
        await settle(pilot)
        says_how_to_start(app, shown)
        await pilot.press("enter")
        await settle(pilot, lambda: isinstance(app.screen, ReaderScreen))


@pytest.mark.slow
async def test_moving_a_question_past_the_top_or_bottom_of_its_group_says_so(guide):
    async with running(guide, (100, 30)) as (app, pilot, shown):
        await add_question(pilot, 0)
        await add_question(pilot, 1)
        await pilot.press("m")
        await settle(pilot, lambda: isinstance(app.screen, MyQuestionsScreen))
        entries = list(app.session.my_questions.entries)
        assert isinstance(app.focused, MyQuestionsList)
        await pilot.press("u")
        await settle(pilot)
        assert shown[-1] == "This question is already first in its group."
        assert list(app.session.my_questions.entries) == entries
        await pilot.press("down", "d")
        await settle(pilot)
        assert shown[-1] == "This question is already last in its group."


async def test_a_match_chosen_before_reading_says_how_to_start(guide):
    async with running(guide, acknowledged=False) as (app, pilot, shown):
        await search_for(pilot, "liver")
        await pilot.press("enter")
        await settle(pilot, lambda: isinstance(app.screen, WelcomeScreen))
        says_how_to_start(app, shown)


@pytest.mark.slow
async def test_a_reading_command_from_the_palette_before_reading_says_how_to_start(guide):
    async with running(guide, (100, 30), acknowledged=False) as (app, pilot, shown):
        await palette_titles(pilot, "Next screen")
        await pilot.press("enter")
        await settle(pilot, lambda: not CommandPalette.is_open(app))
        says_how_to_start(app, shown)


@pytest.mark.slow
async def test_a_match_on_an_options_name_lands_on_that_options_card(guide):
    """The name is the card's border title: a hit on it used to land on the top of the options box,
    far above the card; now it lands on that card, with the name marked."""
    from recovery_guide.tui.widgets.option_cards import OptionCard

    async with running(guide) as (app, pilot, shown):
        search = await search_for(pilot, "Acamprosate")
        names = [match for match in search.matches if match.kind == "option"]
        assert names and names[0].snippet == "Acamprosate"
        await pilot.press("down", *["down"] * search.matches.index(names[0]), "enter")
        await settle(pilot, lambda: isinstance(app.screen, ReaderScreen) and app.screen.index == guide.index_of(names[0].screen_id))
        reader = app.screen
        card = next(card for card in reader.query(OptionCard) if card.option.name == "Acamprosate")
        await settle(pilot, lambda: in_view(reader, card))
        assert f"[{HIT_STYLE}]Acamprosate[/{HIT_STYLE}]" in str(card.border_title), "the name found is marked in the card's border"
        pane = reader.query_one(ReadingPane)
        assert card.region.y - pane.content_region.y < pane.content_region.height // 2, "the card's top is shown, not only its end"
