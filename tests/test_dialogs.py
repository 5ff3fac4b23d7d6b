"""Issue #12, item 6 and part of 11: dialogs that fit and mark every choice in symbols, one notice at
a time that covers nothing the reader needs, labels never cut, editing that keeps the text, and a
printed handout with no app instructions and answer lines that print."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from recovery_guide import i18n
from recovery_guide.guide_content.folder import load_guide
from recovery_guide.my_questions import MyQuestions
from recovery_guide.render.handout import handout_html, handout_text
from recovery_guide.session import Session
from recovery_guide.storage import Store
from recovery_guide.tui.app import RecoveryGuideApp
from recovery_guide.view.blocks import PagesRead
from recovery_guide.view.handout import build_handout
from tests.helpers import settle, type_text

LANGUAGES = ["en", "es", "fr", "de", "pt_BR", "vi", "zh_Hans"]


def make_app(guide, tmp_path: Path, acknowledged: bool = True, **options) -> RecoveryGuideApp:
    return RecoveryGuideApp(Session(guide, store=Store(tmp_path / "data"), handout_folder=tmp_path, **options), acknowledged=acknowledged)


# --- the printed handout ---------------------------------------------------------------------------------


def full_handout(code: str):
    """A handout in ``code`` with one question and every screen read (their key points all in it)."""
    guide = load_guide(code)
    i18n.set_language(code)
    my_questions = MyQuestions()
    page = guide.pages[1]
    my_questions.toggle(page.id, page.questions[0].id, page.questions[0].text)
    return build_handout(guide, my_questions, "US", visited=[page.id for page in guide.pages])


@pytest.mark.parametrize("code", LANGUAGES)
def test_the_handout_has_no_app_instructions(code):
    """Key points such as "Press h to see help lines." were printed: on paper there is no key to press."""
    handout = full_handout(code)
    for text in (handout_text(handout), handout_html(handout)):
        lone_key = re.search(r"(?<![\w'’])h(?![\w'’])", re.sub(r"<[^>]*>", " ", text))
        assert lone_key is None, f"an app instruction is printed: {text[max(0, lone_key.start() - 60):lone_key.end() + 40]!r}"
    points = [point for block in handout.blocks if isinstance(block, PagesRead) for _title, points in block.pages for point in points]
    assert points and all(point.strip() for point in points), "no key point is left empty"


def test_the_rest_of_a_key_point_with_an_app_instruction_is_kept():
    text = handout_text(full_handout("en"))
    assert "Know when to get help." in " ".join(text.split())


def test_html_answer_lines_print_as_borders_not_a_background():
    """Browsers leave backgrounds out when printing: the ruled answer lines were a background."""
    page = handout_html(full_handout("en"))
    style = page[page.index("<style>") : page.index("</style>")]
    answer_rules = re.findall(r"\.answer[\w-]*\s*\{([^}]*)\}", style)
    assert not any("background" in rule for rule in answer_rules), "answer lines drawn as a background do not print"
    assert any("border-bottom" in rule for rule in answer_rules)
    answer = re.search(r'<div class="answer">(.*?)</div></div>', page)
    assert answer and answer.group(1).count('class="answer-line"') >= 2, "lines to write on, each a printed border"


# --- editing a question ----------------------------------------------------------------------------------


@pytest.mark.slow
async def test_editing_a_question_keeps_its_text_and_adds_what_is_typed(guide, tmp_path):
    """The edit box selected all the text, so the first key typed replaced the whole question."""
    from textual.widgets import Input

    from recovery_guide.tui.screens.dialogs import TextPrompt
    from recovery_guide.tui.screens.my_questions import MyQuestionsScreen

    app = make_app(guide, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.session.add_own("Is it safe with my pills", None)
        await pilot.press("m")
        await settle(pilot, lambda: isinstance(app.screen, MyQuestionsScreen))
        await pilot.press("e")
        await settle(pilot, lambda: isinstance(app.screen, TextPrompt))
        typed = app.screen.query_one(Input)
        assert typed.selection.is_empty, "nothing is selected"
        assert typed.cursor_position == len("Is it safe with my pills"), "the cursor is at the end"
        await type_text(pilot, " and drinks?")
        await pilot.press("enter")
        await settle(pilot, lambda: isinstance(app.screen, MyQuestionsScreen))
        assert [entry.text for entry in app.session.my_questions.entries] == ["Is it safe with my pills and drinks?"]


# --- labels never cut ------------------------------------------------------------------------------------

# --- notices ---------------------------------------------------------------------------------------------


def toasts(app):
    from textual.widgets._toast import Toast

    return [toast for toast in app.screen.query(Toast) if toast.display and toast.region]


def covered_by_notices(app) -> list[str]:
    """The widgets of the current screen that a notice is drawn over (only the notice's own are not).

    What counts is the part of each widget that is shown (a page longer than its pane goes on
    below the pane's edge, unseen)."""
    from textual.errors import NoWidget
    from textual.widgets._toast import ToastRack

    screen = app.screen
    rack = screen.query_one(ToastRack)
    covered = []
    for toast in toasts(app):
        for widget in screen.query("*"):
            if widget is rack or rack in widget.ancestors or widget in rack.ancestors or not widget.display:
                continue
            try:
                shown = screen._compositor.find_widget(widget).visible_region
            except (NoWidget, KeyError):
                continue  # not on the screen
            if shown and shown.overlaps(toast.region):
                covered.append(f"{type(widget).__name__}#{widget.id} at {shown}")
    return covered


@pytest.mark.slow
async def test_one_notice_at_a_time_and_it_covers_nothing(guide, tmp_path):
    """Toasts stacked in the bottom right corner, over the disclaimer and the last lines of text."""
    app = make_app(guide, tmp_path)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await settle(pilot)
        title = app.screen.query_one("#title").region
        app.notify("Theme: Light", timeout=30)
        app.screen.notify("Handout saved: /home/someone/[b]questions[/b].txt", timeout=30)
        await settle(pilot, lambda: toasts(app))
        shown = toasts(app)
        assert len(shown) == 1, "a new notice replaces the one showing"
        assert "Handout saved: /home/someone/[b]questions[/b].txt" in str(shown[0].render()), "the newest, as plain text (a path is never markup)"
        assert not covered_by_notices(app), covered_by_notices(app)
        assert app.screen.query_one("#title").region == title, "the text being read stays where it is"
        banner = app.screen.query_one("#banner")
        assert banner.region and banner.region.bottom <= app.size.height - 1, "the disclaimer is still shown in full"


@pytest.mark.slow
async def test_a_notice_leaves_a_dialogs_error_message_in_view(guide, tmp_path):
    from recovery_guide.tui.screens.handout import HandoutDialog

    app = make_app(guide, tmp_path)
    app.session.add_own("Is it safe with my pills?", None)
    async with app.run_test(size=(60, 20), notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("x")
        await settle(pilot, lambda: isinstance(app.screen, HandoutDialog))
        app.screen.query_one("#handout-path").value = ""
        await pilot.press("enter")
        app.notify("Could not save the handout: the folder is read-only", severity="error", timeout=30)
        await settle(pilot, lambda: toasts(app) and app.screen.query_one("#handout-error").display)
        assert not covered_by_notices(app), covered_by_notices(app)


# --- the self-check and handout dialogs fit, and mark every choice -------------------------------------


def inside(widget, dialog) -> bool:
    """``widget`` is drawn whole, within ``dialog``'s edge, on the screen."""
    return bool(widget.region) and widget.region.area == widget.outer_size.area and dialog.region.contains_region(widget.region)


@pytest.mark.slow
@pytest.mark.parametrize("size", [(60, 20), (80, 24)], ids=lambda size: f"{size[0]}x{size[1]}")
async def test_self_check_buttons_are_reachable_and_the_answer_is_marked_in_symbols(guide, tmp_path, size):
    """At 80x24 "Next question" was below the dialog's edge, and the answer was shown by colour alone."""
    from textual.widgets import OptionList

    from recovery_guide.tui.screens.self_check import SelfCheckScreen

    app = RecoveryGuideApp(Session(guide, store=Store(tmp_path / "data")), "monochrome", acknowledged=True)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        app.push_screen(SelfCheckScreen(guide.self_checks[0].id))
        await settle(pilot, lambda: isinstance(app.screen, SelfCheckScreen))
        dialog = app.screen
        choices = dialog.query_one("#check-choices", OptionList)
        assert all(str(option.prompt).startswith("( ) ") for option in choices.options), "nothing is chosen yet"
        await pilot.press("down", "enter")  # the second answer
        await settle(pilot, lambda: dialog.query_one("#check-explanation").region)
        prompts = [str(option.prompt) for option in choices.options]
        assert prompts[1].startswith("(•) ") and all(prompt.startswith("( ) ") for index, prompt in enumerate(prompts) if index != 1), prompts
        box = dialog.query_one("#dialog")
        for button in dialog.query("#check-buttons Button"):
            assert inside(button, box), f"{button.label} is not inside the dialog at {size}"
        assert app.focused is dialog.query_one("#check-next")
        explanation = dialog.query_one("#check-explanation")
        assert explanation.region.y < box.region.bottom, "what the guide says is scrolled into view"
        await pilot.press("enter")  # Next question
        await settle(pilot, lambda: dialog.position == 1 and dialog.query_one("#check-body").scroll_y == 0)  # the new question from its top
        assert all(str(option.prompt).startswith("( ) ") for option in choices.options), "a new question starts unanswered"


@pytest.mark.slow
@pytest.mark.parametrize("size", [(60, 20), (80, 24)], ids=lambda size: f"{size[0]}x{size[1]}")
async def test_the_handout_formats_are_marked_in_symbols_and_its_buttons_fit(tmp_path, size):
    """Both formats showed the same ▐●▌, told apart by colour alone; in German at 60x20 an error
    message pushed the buttons out of the dialog."""
    from textual.widgets import RadioButton

    from recovery_guide.tui.screens.handout import HandoutDialog

    i18n.set_language("de")
    guide = load_guide("de")
    app = RecoveryGuideApp(Session(guide, store=Store(tmp_path / "data"), handout_folder=tmp_path), "monochrome", acknowledged=True)
    app.session.add_own("Is it safe with my pills?", None)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await pilot.press("x")
        await settle(pilot, lambda: isinstance(app.screen, HandoutDialog))
        dialog = app.screen

        def marks() -> list[str]:
            return [str(button.render())[:3] for button in dialog.query(RadioButton)]

        assert marks() == ["(•)", "( )"]
        dialog.query_one("#format-html", RadioButton).value = True
        await settle(pilot, lambda: marks() == ["( )", "(•)"])
        dialog.query_one("#handout-path").value = ""
        await pilot.press("enter")  # an error: no file name
        await settle(pilot, lambda: dialog.query_one("#handout-error").display)
        box = dialog.query_one("#dialog")
        for widget in (*dialog.query("RadioButton"), dialog.query_one("#handout-error"), dialog.query_one("#handout-save"), dialog.query_one("#handout-cancel")):
            dialog.query_one("#dialog").scroll_to_widget(widget, animate=False)
            await settle(pilot)
            assert inside(widget, box), f"{widget} is not inside the dialog at {size}"


@pytest.mark.slow
async def test_a_notice_leaves_the_make_the_window_larger_message_in_view(guide, tmp_path):
    from recovery_guide.tui.screens.too_small import TooSmallScreen

    app = make_app(guide, tmp_path)
    async with app.run_test(size=(50, 16), notifications=True) as pilot:
        await settle(pilot, lambda: isinstance(app.screen, TooSmallScreen))
        app.notify("Theme: Light", timeout=30)
        await settle(pilot, lambda: toasts(app))
        assert not covered_by_notices(app), covered_by_notices(app)


def screen_lines(app) -> list[str]:
    return [strip.text for strip in app.screen._compositor.render_strips()]


@pytest.mark.slow
async def test_notices_one_after_another_leave_no_blank_lines_behind(guide, tmp_path):
    """Each replaced notice left an empty line above the key bar (five searches: five lines less text)."""
    from recovery_guide.tui.screens.reader import ReadingPane

    app = make_app(guide, tmp_path)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await settle(pilot)
        pane = app.screen.query_one(ReadingPane)
        app.notify("First notice.", timeout=30)
        await settle(pilot)
        height_with_one = pane.size.height
        for number in range(5):
            app.notify(f"Notice number {number}.", timeout=30)
            await settle(pilot)
        assert pane.size.height == height_with_one
        assert sum(1 for line in screen_lines(app) if line.startswith("▌")) == 1


@pytest.mark.slow
@pytest.mark.parametrize("length", [76, 77, 120])
async def test_a_notice_as_wide_as_the_window_shows_every_word(guide, tmp_path, length):
    """At 80 columns a 76- or 77-cell "Handout saved: <path>" showed only "Handout saved:"."""
    app = make_app(guide, tmp_path)
    path = "/" + "x" * (length - len("Handout saved: /"))
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await settle(pilot)
        app.notify(f"Handout saved: {path}", timeout=30)
        await settle(pilot)
        shown = "".join(line.removeprefix("▌").strip() for line in screen_lines(app) if line.startswith("▌"))
        assert shown.replace(" ", "") == f"Handoutsaved:{path}"
