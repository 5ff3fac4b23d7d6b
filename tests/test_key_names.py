"""Key names reach the reader in their language, as printed on their keys (issue 14, "All"): one
table (``key_names``), used by the key bar, the keys help, the dialogs and read mode."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from recovery_guide import i18n
from recovery_guide.guide_content.folder import load_guide
from recovery_guide.key_names import with_keys
from recovery_guide.session import Session
from recovery_guide.tui.app import RecoveryGuideApp
from recovery_guide.tui.screens.keys_help import KeysHelpScreen, keys_markdown
from recovery_guide.tui.screens.my_questions import MyQuestionsScreen
from recovery_guide.tui.widgets.key_bar import KeyBar
from tests.helpers import settle

ROOT = Path(__file__).resolve().parents[1]
SHIPPED = ["es", "fr", "de", "pt_BR", "vi", "zh_Hans"]
PLACEHOLDER = re.compile(r"\{(enter|escape|delete|backspace|tab|space|pageup|pagedown|home|end|ctrl|up|down|left|right)\}")
ENGLISH_KEY_WORD = re.compile(r"\b(Enter|Escape|Esc|Delete|Down|Up|Left|Right|Tab|Backspace|Page Up|Page Down)\b")

# What keyboards sold in each language print on Delete and Escape, and on Page Up in the keys help.
PRINTED = {
    "es": {"delete": "Supr", "escape": "Esc", "scroll": "Re Pág"},
    "fr": {"delete": "Suppr", "escape": "Échap", "scroll": "Pg préc"},
    "de": {"delete": "Entf", "escape": "Esc", "scroll": "Bild ↑"},
}


def catalog(code: str):
    with (ROOT / "locales" / code / "LC_MESSAGES" / "messages.po").open("rb") as handle:
        return read_po(handle)


def code_messages() -> list[tuple[str | None, str]]:
    found = []
    for _filename, _lineno, message, _comments, context in extract_from_dir(str(ROOT / "src" / "recovery_guide")):
        for text in (message if isinstance(message, tuple) else (message,)):
            if text:
                found.append((context, text))
    return found


def test_no_ui_string_names_a_key_in_english_words():
    """A key in a sentence is a placeholder filled from the one table, never an English word a
    translator might leave (the key hint "Down" was untranslated in all six catalogs)."""
    named = [text for context, text in code_messages() if context != "keyboard key" and ENGLISH_KEY_WORD.search(text)]
    assert named == []


@pytest.mark.parametrize("code", SHIPPED)
def test_every_key_name_and_sentence_with_a_key_is_translated(code):
    messages = [message for message in catalog(code) if message.id]
    key_messages = [message for message in messages if message.context == "keyboard key" or PLACEHOLDER.search(str(message.id))]
    assert len([message for message in key_messages if message.context == "keyboard key"]) >= 10
    assert [message.id for message in key_messages if not message.string or message.fuzzy] == []
    for message in key_messages:
        assert sorted(PLACEHOLDER.findall(message.string)) == sorted(PLACEHOLDER.findall(message.id)), message.id
    sentences = [message for message in messages if message.context != "keyboard key"]
    assert [message.string for message in sentences if re.search(r"\bDown\b", str(message.string))] == []


@pytest.mark.parametrize("code", SHIPPED)
def test_no_obsolete_entries_are_left_in_the_catalogs(code):
    assert not catalog(code).obsolete
    assert "#~" not in (ROOT / "locales" / code / "LC_MESSAGES" / "messages.po").read_text(encoding="utf-8")


@pytest.mark.parametrize("code", PRINTED)
def test_sentences_and_the_keys_help_use_the_printed_names(code):
    i18n.set_language(code)
    printed = PRINTED[code]
    removes = with_keys(i18n._("Questions: {count}. {up} {down} to choose; u and d move; e edits your own; {delete} removes."), count=2)
    assert printed["delete"] in removes and "↑ ↓" in removes and "Delete" not in removes
    help_text = keys_markdown()
    assert printed["escape"] in help_text and printed["scroll"] in help_text and "Escape" not in help_text


@pytest.mark.slow
@pytest.mark.parametrize("code", PRINTED)
async def test_the_key_bar_and_the_keys_help_show_the_readers_key_names(code):
    i18n.set_language(code)
    printed = PRINTED[code]
    app = RecoveryGuideApp(Session(load_guide(code)), acknowledged=True)
    async with app.run_test(size=(200, 30)) as pilot:
        await settle(pilot)
        await pilot.press("m")
        await settle(pilot, lambda: isinstance(app.screen, MyQuestionsScreen))
        shown = {key.key: key.display for key in app.screen.query_one(KeyBar).shown_keys()}
        assert shown["delete"] == printed["delete"]
        assert shown["escape"] == printed["escape"]
        await pilot.press("question_mark")
        await settle(pilot, lambda: isinstance(app.screen, KeysHelpScreen))
        await settle(pilot, lambda: printed["scroll"] in app.screen.query_one("Markdown").source)
        source = app.screen.query_one("Markdown").source
        assert printed["escape"] in source and "Escape" not in source
