"""The keys are declared once (``tui.keys``): the bindings, the ``?`` screen, the palette and the README follow."""

from __future__ import annotations

from pathlib import Path

from recovery_guide.tui import keys
from recovery_guide.tui.app import RecoveryGuideApp
from recovery_guide.tui.screens.help_now import HelpNowScreen
from recovery_guide.tui.screens.my_questions import MyQuestionsScreen
from recovery_guide.tui.screens.values import ValuesScreen
from recovery_guide.tui.screens.reader import ReaderScreen, TermList
from recovery_guide.tui.screens.welcome import WelcomeScreen
from recovery_guide.tui.widgets.provider_questions import ProviderQuestions

README = Path(__file__).parents[1] / "README.md"
BOUND = {RecoveryGuideApp: keys.APP_KEYS, ReaderScreen: keys.READER_KEYS, TermList: (keys.TERM_MEANING,),
         ProviderQuestions: (keys.ADD_QUESTION,), HelpNowScreen: keys.HELP_NOW_KEYS, MyQuestionsScreen: keys.MY_QUESTIONS_KEYS,
         WelcomeScreen: keys.WELCOME_KEYS, ValuesScreen: keys.VALUES_KEYS}


def test_the_readme_key_table_is_the_one_the_guide_shows():
    table = "\n".join(keys.keys_table())
    assert table in README.read_text(encoding="utf-8"), "update the README's table from tui/keys.py (keys.keys_table())"


def test_every_binding_with_an_id_is_a_declared_key_with_the_same_key_and_meaning():
    for owner, declared_keys in BOUND.items():
        declared = {key.id: key for key in declared_keys}
        for binding in owner.BINDINGS:
            key = declared[binding.id]
            assert (binding.key, binding.action, binding.description, binding.tooltip) == (key.key, key.action, key.label, key.help), binding.id


def test_every_key_on_the_keys_help_is_bound_somewhere_or_handled_by_a_widget():
    bound = {binding.id for owner in BOUND for binding in owner.BINDINGS}
    for key in keys.HELP_ORDER:
        assert key.help, key.id
        assert key.id in bound or not key.action, f"{key.id} is listed in the help but bound nowhere"


def test_the_palette_offers_each_key_with_words_of_its_own():
    ids = [key.id for key in keys.PALETTE_ORDER]
    assert len(ids) == len(set(ids))
    for key in keys.PALETTE_ORDER:
        assert key.command and key.command_help and key.action, key.id


def test_every_palette_command_runs_an_action_that_exists():
    for key in keys.PALETTE_ORDER:
        owner = ReaderScreen if key in keys.READER_KEYS else RecoveryGuideApp
        name = key.action.removeprefix("app.").split("(")[0]
        assert callable(getattr(owner, f"action_{name}", None)), f"{key.id}: {owner.__name__} has no action {name!r}"


def test_the_key_bar_knows_the_importance_of_every_bound_key():
    """``keys.importance`` reads ``BOUND_KEYS``: a key bound but not listed there would get the default."""
    declared = {key.id for key in keys.BOUND_KEYS}
    for owner in BOUND:
        for binding in owner.BINDINGS:
            assert binding.id in declared, binding.id
    for key in (keys.HELP_NOW, keys.KEYS_HELP, keys.QUIT):
        assert keys.importance(key.id) == keys.ESSENTIAL


def test_every_command_that_is_not_a_key_runs_an_app_action_and_has_words():
    for command in keys.MORE_COMMANDS:
        assert command.title and command.help and command.words
        name = command.action.split("(")[0]
        assert callable(getattr(RecoveryGuideApp, f"action_{name}", None)), command.title
