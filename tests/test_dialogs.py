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
