"""The line of keys at the bottom of every screen (``KeyBar``): what it shows, in which language, and clicks."""

from __future__ import annotations

import pytest

from rich.cells import cell_len

from recovery_guide import i18n
from recovery_guide.guide_content.folder import load_guide
from recovery_guide.session import Session
from recovery_guide.tui import keys
from recovery_guide.tui.app import RecoveryGuideApp
from recovery_guide.tui.screens.help_now import HelpNowScreen
from recovery_guide.tui.screens.keys_help import KeysHelpScreen
from recovery_guide.tui.screens.my_questions import MyQuestionsScreen
from recovery_guide.tui.screens.reader import ReaderScreen
from recovery_guide.tui.widgets.key_bar import Candidate, KeyBar, fold, more_marks
from tests.helpers import settle

pytestmark = pytest.mark.slow  # each starts the app (about 2 s): out of the quick loop, in the full suite


def bar_text(app) -> str:
    return str(app.screen.query_one(KeyBar).render())


async def test_the_bar_lists_the_screens_keys_most_important_first_and_clicking_a_key_presses_it(guide):
    """One start-up (it was two): the order of the keys, then a click on "h"."""
    app = RecoveryGuideApp(Session(guide))
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        text = bar_text(app)
        assert text.startswith(" h Get help now  ? Keys  q Quit  m My questions  l Language  ^p Menu")
        shown = [binding for binding in app.BINDINGS if binding.show and app.check_action(binding.action, ()) is not False]  # Start over: kiosk only
        shown.sort(key=lambda binding: keys.importance(binding.id))
        assert [key.description for key in app.screen.query_one(KeyBar).shown_keys()] == [binding.description for binding in shown]

        bar = app.screen.query_one(KeyBar)
        help_key = next(key for key in bar.shown_keys() if key.key == "h")
        await pilot.click(KeyBar, offset=(help_key.start + 3, 0))
        await pilot.pause()
        assert isinstance(app.screen, HelpNowScreen), "clicking h on the bar opens Get help now"


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


# --- folding: the essential keys always show, whole, in every language, down to 60 columns ---------------

LANGUAGES = ["en", "es", "fr", "de", "pt_BR", "vi", "zh_Hans"]
WIDTHS = [60, 80, 100]


def visible_line(app) -> str:
    """The bar as the terminal shows it: its one line, cut at the bar's width."""
    return "".join(segment.text for segment in app.screen.query_one(KeyBar).render_line(0))


def keys_offered(app) -> int:
    """How many keys the bar would show on an endless line (one per action)."""
    return len({active.binding.action for active in app.screen.active_bindings.values() if active.binding.show})


def check_bar(app, where: str) -> None:
    bar = app.screen.query_one(KeyBar)
    line = visible_line(app)
    width = app.size.width
    assert cell_len(line) <= width, where
    shown = bar.shown_keys()
    drawn = "".join(f" {key.display} {key.description} " if key.description else f" {key.display} " if key.key else key.display for key in shown)
    # Every key shown is drawn whole: the line is exactly the keys, nothing cut off at the edge.
    assert line.rstrip() == drawn.rstrip(), f"{where}: a key is cut: {line!r}"
    assert shown[-1].end <= width, where
    for display, label in (("h", "Get help now"), ("?", "Keys"), ("q", "Quit")):
        assert f" {display} {i18n._(label)} " in line, f"{where}: {label!r} is not on the bar: {line!r}"
    folded = keys_offered(app) > sum(1 for key in shown if key.key)
    marks = [mark.strip() for mark in more_marks()]
    if folded:
        assert any(line.rstrip().endswith(mark) for mark in marks), f"{where}: keys are folded with no mark: {line!r}"
    else:
        assert not any(line.rstrip().endswith(mark) for mark in marks), where


def check_fold(app, width: int, where: str) -> None:
    """What the bar would show at ``width``, from the keys of the screen as it is: Get help now, Keys
    and Quit among them, whole inside the width, and the mark exactly when keys are folded away."""
    bar = app.screen.query_one(KeyBar)
    shown = bar._find_keys(width)
    assert shown[-1].end <= width, f"{where}: the keys need {shown[-1].end} cells"
    descriptions = {key.description for key in shown if key.key}
    for label in ("Get help now", "Keys", "Quit"):
        assert i18n._(label) in descriptions, f"{where}: {label!r} is not on the bar: {shown}"
    folded = keys_offered(app) > sum(1 for key in shown if key.key)
    assert folded == (shown[-1].key == "" and shown[-1].display in more_marks()), f"{where}: folded {folded}, last {shown[-1]}"


async def check_widths(app, pilot, screen: str, resize: bool) -> None:
    """The bar at each width: drawn at each size of a real resize, or (``resize=False``) drawn at the
    size the app has and chosen for the other widths from the same keys."""
    for width in WIDTHS if resize else WIDTHS[:1]:
        if resize:
            await pilot.resize_terminal(width, 24)
        await settle(pilot, lambda: app.screen.query_one(KeyBar).size.width == width)
        check_bar(app, f"{i18n.current_language()}, {screen}, {width} columns")
    if not resize:
        for width in WIDTHS[1:]:
            check_fold(app, width, f"{i18n.current_language()}, {screen}, {width} columns")


RESIZED = {"en", "de", "zh_Hans"}
"""English, German (the longest words) and Chinese (wide characters) are drawn at every width by real
resizes; the other four are drawn at 60 columns, the narrowest, and their keys chosen for 80 and 100."""


@pytest.mark.slow
@pytest.mark.parametrize("code", LANGUAGES)
async def test_get_help_keys_and_quit_always_show_whole_with_a_more_mark(code):
    """At 60, 80 and 100 columns, on the welcome, reading and My questions screens (issue 12, item 4:
    Quit, Keys and the menu were cut off at 80 columns, and Quit at 100 in five languages)."""
    i18n.set_language(code)
    resize = code in RESIZED
    app = RecoveryGuideApp(Session(load_guide(code)))
    async with app.run_test(size=(100 if resize else WIDTHS[0], 24)) as pilot:
        await settle(pilot)
        await check_widths(app, pilot, "welcome", resize)
        await pilot.press("enter")
        await settle(pilot, lambda: isinstance(app.screen, ReaderScreen))
        await check_widths(app, pilot, "reading", resize)
        await pilot.press("m")
        await settle(pilot, lambda: isinstance(app.screen, MyQuestionsScreen))
        await check_widths(app, pilot, "My questions", resize)
    i18n.set_language("en")


async def test_clicking_the_more_mark_opens_the_keys_help(guide):
    app = RecoveryGuideApp(Session(guide), acknowledged=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        mark = app.screen.query_one(KeyBar).shown_keys()[-1]
        assert mark.key == "" and "more" in mark.display
        await pilot.click(KeyBar, offset=(mark.start + 2, 0))
        await settle(pilot, lambda: isinstance(app.screen, KeysHelpScreen))


# --- a key that cannot be used is not offered (issue 12, item 11) ----------------------------------------


async def test_next_is_not_offered_on_the_last_screen_nor_back_on_the_first(guide):
    app = RecoveryGuideApp(Session(guide), acknowledged=True)
    async with app.run_test(size=(200, 24)) as pilot:
        await settle(pilot)
        reader = app.screen
        assert "→/n Next" in bar_text(app) and "←/p Back" in bar_text(app)
        await pilot.press("p")
        await settle(pilot, lambda: reader.index == 0)
        assert "←/p" not in bar_text(app) and "→/n Next" in bar_text(app)
        await pilot.press("p")
        await settle(pilot)
        assert reader.index == 0
        reader.go_to(len(guide.pages) - 1)
        await settle(pilot, lambda: "→/n" not in bar_text(app))
        assert "←/p Back" in bar_text(app)
        await pilot.press("n")
        await settle(pilot)
        assert reader.index == len(guide.pages) - 1
        await pilot.press("p")
        await settle(pilot, lambda: "→/n Next" in bar_text(app))


async def test_the_more_mark_follows_a_language_switch():
    app = RecoveryGuideApp(Session(load_guide("en")), acknowledged=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert visible_line(app).rstrip().endswith("... more")
        await app.switch_language("de")
        await settle(pilot, lambda: "Jetzt Hilfe holen" in visible_line(app))
        assert visible_line(app).rstrip().endswith("... mehr")
        check_bar(app, "de after a switch, reading, 80 columns")
    i18n.set_language("en")


def test_folding_keeps_the_essential_keys_and_shortens_the_mark_before_dropping_one():
    essential = [Candidate(key, key, "x" * 10, True, keys.ESSENTIAL) for key in "abc"]
    others = [Candidate("d", "d", "x" * 20, True, 2), Candidate("e", "e", "xxx", True, 1)]
    everything = essential + others
    needed = sum(candidate.width for candidate in essential)
    assert fold(everything, 200) == ([*essential, others[1], others[0]], ""), "the most important first, no mark"
    full, short = more_marks()
    assert fold(everything, needed + others[1].width + len(full)) == ([*essential, others[1]], full), "the least important folds first"
    assert fold(everything, needed + len(short)) == (essential, short), "the essential keys stay, with the short mark"
    assert fold(everything, needed - 1) == (essential[:2], short), "only a line too short for them drops one, whole"


async def test_get_help_now_keys_and_quit_work_from_every_dialog(guide):
    """One start-up visits each dialog in turn (it was one start-up each).

    ``h`` said "from anywhere", but in the language list, the keys help and a word's meaning it did
    nothing; My questions is a dialog, where Textual leaves out the app's keys (they are declared for
    it too); a reader on the help lines could close them with h or Escape, but ? and q did nothing there."""
    from recovery_guide.tui.screens.glossary import TermDefinition

    app = RecoveryGuideApp(Session(guide), acknowledged=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, lambda: isinstance(app.screen, ReaderScreen))
        reader = app.screen
        for opener in ("l", "question_mark", "glossary-word"):
            if opener == "glossary-word":
                app.push_screen(TermDefinition(guide.glossary[0].id))
            else:
                await pilot.press(opener)
            await settle(pilot, lambda: not isinstance(app.screen, ReaderScreen))
            dialog = app.screen
            assert f" h {i18n._('Get help now')} " in visible_line(app), opener
            await pilot.press("h")
            await settle(pilot, lambda: isinstance(app.screen, HelpNowScreen))
            await pilot.press("escape")
            await settle(pilot, lambda: app.screen is dialog)
            await pilot.press("escape")
            await settle(pilot, lambda: app.screen is reader)

        await pilot.press("m")
        await settle(pilot, lambda: isinstance(app.screen, MyQuestionsScreen))
        await pilot.press("h")
        await settle(pilot, lambda: isinstance(app.screen, HelpNowScreen))
        await pilot.press("escape")
        await settle(pilot, lambda: isinstance(app.screen, MyQuestionsScreen))
        await pilot.press("question_mark")
        await settle(pilot, lambda: isinstance(app.screen, KeysHelpScreen))
        await pilot.press("escape")
        await settle(pilot, lambda: isinstance(app.screen, MyQuestionsScreen))
        await pilot.press("escape")
        await settle(pilot, lambda: app.screen is reader)

        await pilot.press("h")
        await settle(pilot, lambda: isinstance(app.screen, HelpNowScreen))
        line = visible_line(app)
        assert f" ? {i18n._('Keys')} " in line and f" q {i18n._('Quit')} " in line
        await pilot.press("question_mark")
        await settle(pilot, lambda: isinstance(app.screen, KeysHelpScreen))
        await pilot.press("escape")
        await settle(pilot, lambda: isinstance(app.screen, HelpNowScreen))
        await pilot.press("q")  # nothing to lose: the guide closes
        await settle(pilot, lambda: not app.is_running)
