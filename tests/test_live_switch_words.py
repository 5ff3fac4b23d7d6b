"""A live language switch changes every word on screen: no English UI string from the catalog stays behind.

For each language the guide is opened in English, on the screen that ends a topic (so the "Check your
understanding" button shows), switched with ``l``, and then everything the reader can read that is not
the guide's content (banner, buttons, border titles, key bar, notices, the quit question) is checked
against every catalog msgid whose translation differs from the English.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from textual.command import CommandList, CommandPalette
from textual.widget import Widget
from textual.widgets import Button, Markdown, OptionList, Static

from recovery_guide import i18n
from recovery_guide.guide_content.folder import load_guide
from recovery_guide.session import Session
from recovery_guide.tui.app import RecoveryGuideApp
from recovery_guide.tui.screens.quit import QuitDialog
from recovery_guide.tui.screens.reader import ReaderScreen
from recovery_guide.tui.widgets.key_bar import KeyBar
from tests.helpers import choose_language, settle

LOCALES = Path(__file__).resolve().parents[1] / "locales"
LANGUAGES = ["es", "fr", "de", "pt_BR", "zh_Hans", "vi"]
CONTENT_IDS = {"title", "evidence", "key-points", "body", "extra", "questions", "term-list", "contents"}
"""Widgets showing the guide's own content (translated through content/, not the catalog)."""
PLACEHOLDER = re.compile(r"\{\w*\}")


def english_left_behind(code: str) -> set[str]:
    """Fixed English pieces of every msgid whose translation in ``code`` differs from it."""
    with (LOCALES / code / "LC_MESSAGES" / "messages.po").open("rb") as handle:
        catalog = read_po(handle)
    pieces = set()
    for message in catalog:
        if not message.id or not message.string or message.string == message.id or isinstance(message.id, tuple):
            continue
        for piece in PLACEHOLDER.split(message.id):
            piece = piece.strip(" .,:;()")
            # Short pieces ("Tab", "OK") may be the same word in another language; long ones never are.
            if len(piece) >= 12 or (piece == message.id and len(piece) >= 4):
                pieces.add(piece)
    return pieces


def ui_text(app) -> list[str]:
    """What the reader can read on screen that is not the guide's content, one piece per widget."""
    parts = []
    for widget in app.screen.query(Widget):
        if not widget.display or widget.id in CONTENT_IDS or any(a.id in CONTENT_IDS for a in widget.ancestors if isinstance(a, Widget)):
            continue
        if widget.border_title and widget.id not in ("self-check",):  # the self-check's title is content
            parts.append(str(widget.border_title))
        if isinstance(widget, Button):
            parts.append(str(widget.label))
        elif isinstance(widget, (Static, KeyBar)) and not isinstance(widget, (Markdown, OptionList)):
            parts.append(str(widget.render()))
    return parts


def english_shown(pieces: set[str], texts: list[str]) -> list[tuple[str, str]]:
    found = []
    for text in texts:
        for piece in pieces:
            if len(piece) >= 12 and piece in text or piece == text.strip():
                found.append((piece, text))
    return found


def no_matches_shown(app) -> str | None:
    """The palette's "No matches found" line, once it shows (Textual adds it after half a second)."""
    try:
        return str(app.screen.query_one(CommandList).get_option("--no-matches").prompt.renderable)
    except Exception:  # no palette yet, or no such line yet
        return None


@pytest.mark.slow
@pytest.mark.parametrize("code", LANGUAGES)
async def test_a_live_switch_leaves_no_english_ui_string_on_the_reading_screen(code):
    english = load_guide("en")
    end_of_topic = english.index_of(english.self_checks[0].after)
    pieces = english_left_behind(code)
    assert "Learning only, not medical advice. Talk with your provider before you decide" in pieces
    app = RecoveryGuideApp(Session(english), acknowledged=True)
    try:
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(pilot, lambda: isinstance(app.screen, ReaderScreen))
            app.screen.go_to(end_of_topic)
            await settle(pilot, lambda: app.screen.query_one("#self-check").display)
            before = ui_text(app)
            assert english_shown(pieces, before), "the test sees the English UI before the switch"
            await choose_language(app, pilot, code)
            assert isinstance(app.screen, ReaderScreen) and app.screen.query_one("#self-check").display
            assert not english_shown(pieces, ui_text(app))
            assert str(app.screen.query_one("#self-check-button", Button).label) == i18n._("Check your understanding")
            question = english.pages[end_of_topic].questions[0]
            app.session.toggle_question(english.pages[end_of_topic].id, question.id, question.text)
            await pilot.press("ctrl+c")  # with a question not kept, Ctrl+C asks before quitting
            await settle(pilot, lambda: isinstance(app.screen, QuitDialog))
            assert not english_shown(pieces, ui_text(app)), "the quit question is in the reader's language"
            await pilot.press("escape")
            await settle(pilot, lambda: isinstance(app.screen, ReaderScreen))
            await pilot.press("n")  # another screen, drawn after the switch
            await settle(pilot, lambda: app.screen.index == end_of_topic + 1)
            assert not english_shown(pieces, ui_text(app))
            await pilot.press("ctrl+p")  # Textual's own palette words: "No matches found"
            await settle(pilot, lambda: isinstance(app.screen, CommandPalette))
            await pilot.press(*"zqzqzq")
            await settle(pilot, lambda: no_matches_shown(app))
            assert no_matches_shown(app) == i18n._("No matches found") != "No matches found"
    finally:
        i18n.set_language("en")
