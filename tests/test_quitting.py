"""The reader's work is never lost by a key: quitting asks when My questions is not saved, a removed
question can be put back, and an empty list makes no handout (issue 12, item 2)."""

from __future__ import annotations

from pathlib import Path

import pytest

from recovery_guide.session import Session
from recovery_guide.storage import Store
from recovery_guide.tui.app import RecoveryGuideApp
from recovery_guide.wording import empty_list_message
from recovery_guide.tui.screens.handout import HandoutDialog
from recovery_guide.tui.screens.my_questions import MyQuestionsScreen
from recovery_guide.tui.screens.quit import QuitDialog
from recovery_guide.tui.screens.reader import ReaderScreen
from tests.helpers import acknowledge, record_notifications, settle, visible_text


def make_app(guide, tmp_path: Path, acknowledged: bool = True) -> RecoveryGuideApp:
    return RecoveryGuideApp(Session(guide, store=Store(tmp_path / "data"), handout_folder=tmp_path), acknowledged=acknowledged)


async def _ask_to_quit(app, pilot, key: str = "q") -> QuitDialog:
    await pilot.press(key)
    await settle(pilot, lambda: isinstance(app.screen, QuitDialog))
    return app.screen


@pytest.mark.slow
async def test_q_with_a_question_not_saved_asks_instead_of_quitting(guide, tmp_path):
    """Enter, s, s, q used to exit at once and lose the question (saving is off by default). Then, in
    the same start-up (they were two of their own): cancelling the handout from the quit question goes
    back to reading, and the question is asked in the reader's language."""
    from recovery_guide import i18n

    app = make_app(guide, tmp_path, acknowledged=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await acknowledge(pilot)
        await settle(pilot, lambda: isinstance(app.screen, ReaderScreen))
        await pilot.press("s", "s")
        await settle(pilot, lambda: len(app.session.my_questions) == 1)
        dialog = await _ask_to_quit(app, pilot)
        assert app.is_running
        text = visible_text(app)
        for words in ("are not saved", "Make a handout to take along", "Keep them for next time, and quit", "Quit without keeping them"):
            assert words in text or any(words in str(button.label) for button in dialog.query("Button")), words
        await pilot.press("escape")
        await settle(pilot, lambda: isinstance(app.screen, ReaderScreen))
        assert app.is_running and len(app.session.my_questions) == 1, "Escape goes back to reading, nothing lost"

        # cancelling the handout from the quit question goes back to reading
        dialog = await _ask_to_quit(app, pilot)
        dialog.query_one("#quit-handout").press()
        await settle(pilot, lambda: isinstance(app.screen, HandoutDialog))
        await pilot.press("escape")
        await settle(pilot, lambda: isinstance(app.screen, ReaderScreen))
        assert app.is_running and len(app.session.my_questions) == 1

        # the quit question is in the reader's language
        try:
            await app.switch_language("de")
            await settle(pilot)
            dialog = await _ask_to_quit(app, pilot)
            labels = [str(button.label) for button in dialog.query("Button")]
            assert "Beenden, ohne sie zu behalten" in labels
            assert "nicht gespeichert" in visible_text(app)
        finally:
            i18n.set_language("en")


@pytest.mark.slow
@pytest.mark.parametrize("key", ["ctrl+q", "ctrl+c"])
async def test_ctrl_q_and_ctrl_c_take_the_same_path_as_q(guide, tmp_path, key):
    """No tmux: the keys go through Pilot, and both end in the app's one quit action."""
    app = make_app(guide, tmp_path)
    calls: list[str] = []
    async with app.run_test(size=(80, 24)) as pilot:
        quit_action = app.action_quit

        async def counting() -> None:
            calls.append(key)
            await quit_action()

        app.action_quit = counting
        app.session.add_own("Can my sister come with me?")
        await _ask_to_quit(app, pilot, key)
        assert calls == [key]
        assert "Do you want to quit?" not in [notification.title for notification in app._notifications]
        await pilot.press("escape")
        await settle(pilot, lambda: isinstance(app.screen, ReaderScreen))
        app.session.remove(app.session.my_questions.entries[0])
        await pilot.press(key)
        await settle(pilot, lambda: not app.is_running)
    assert calls == [key, key] and app.return_code == 0


@pytest.mark.slow
async def test_quit_without_keeping_quits_and_writes_nothing(guide, tmp_path):
    app = make_app(guide, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        app.session.add_own("Can my sister come with me?")
        dialog = await _ask_to_quit(app, pilot)
        dialog.query_one("#quit-discard").press()
        await settle(pilot, lambda: not app.is_running)
    assert app.return_code == 0
    assert not (tmp_path / "data").exists() or not any((tmp_path / "data").iterdir())


@pytest.mark.slow
async def test_keep_for_next_time_turns_saving_on_saves_and_quits(guide, tmp_path):
    app = make_app(guide, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        app.session.add_own("Can my sister come with me?")
        dialog = await _ask_to_quit(app, pilot)
        dialog.query_one("#quit-keep").press()
        await settle(pilot, lambda: not app.is_running)
    assert app.session.saving
    later = Session(app.session.guide, store=Store(tmp_path / "data"))
    assert [entry.text for entry in later.my_questions.entries] == ["Can my sister come with me?"], "kept for next time"


@pytest.mark.slow
async def test_make_a_handout_opens_the_dialog_and_quits_once_it_is_saved(guide, tmp_path):
    app = make_app(guide, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        app.session.add_own("Can my sister come with me?")
        dialog = await _ask_to_quit(app, pilot)
        dialog.query_one("#quit-handout").press()
        await settle(pilot, lambda: isinstance(app.screen, HandoutDialog))
        assert app.is_running
        app.screen.query_one("#handout-path").value = str(tmp_path / "handout.txt")
        await pilot.press("enter")
        await settle(pilot, lambda: not app.is_running)
    assert "Can my sister come with me?" in (tmp_path / "handout.txt").read_text(encoding="utf-8")


@pytest.mark.slow
@pytest.mark.parametrize("state", ["empty", "saved"])
async def test_q_quits_at_once_with_an_empty_list_or_everything_saved(guide, tmp_path, state):
    app = make_app(guide, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        if state == "saved":
            app.session.set_saving(True)
            app.session.add_own("Can my sister come with me?")
        await pilot.press("q")
        await settle(pilot, lambda: not app.is_running)
    assert app.return_code == 0


@pytest.mark.slow
async def test_q_quits_at_once_after_a_handout_of_the_list_as_it_is(guide, tmp_path):
    app = make_app(guide, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        app.session.add_own("Can my sister come with me?")
        assert app.session.write_handout(tmp_path / "handout.txt", "text") is None
        await pilot.press("q")
        await settle(pilot, lambda: not app.is_running)


@pytest.mark.slow
async def test_a_removed_question_can_be_put_back_in_its_place(guide, tmp_path):
    app = make_app(guide, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        for text in ("First question?", "Second question?", "Third question?"):
            app.session.add_own(text)
        await pilot.press("m")
        await settle(pilot, lambda: isinstance(app.screen, MyQuestionsScreen))
        screen = app.screen
        bar_keys = lambda: {binding.action for _node, binding, *_rest in screen.active_bindings.values()}  # noqa: E731
        assert "undo_remove" not in bar_keys(), "nothing to undo yet: the key bar does not offer it"
        await pilot.press("down", "backspace")
        await settle(pilot, lambda: len(app.session.my_questions) == 2)
        assert "Second question?" not in visible_text(app)
        assert "undo_remove" in bar_keys(), "after a removal the key bar shows Undo"
        await pilot.press("z")
        await settle(pilot, lambda: len(app.session.my_questions) == 3)
        assert [entry.text for entry in app.session.my_questions.entries] == ["First question?", "Second question?", "Third question?"]
        assert screen.current is not None and screen.current.text == "Second question?", "the cursor is on the question put back"
        assert "undo_remove" not in bar_keys()
        await pilot.press("delete", "ctrl+z")
        await settle(pilot)
        assert [entry.text for entry in app.session.my_questions.entries] == ["First question?", "Second question?", "Third question?"]


@pytest.mark.slow
async def test_an_empty_list_makes_no_handout(guide, tmp_path):
    app = make_app(guide, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        shown = record_notifications(app)
        await pilot.press("x")
        await settle(pilot, lambda: empty_list_message() in shown)
        assert not isinstance(app.screen, HandoutDialog)
        assert list(tmp_path.glob("*.txt")) == [] and list(tmp_path.glob("*.html")) == []


@pytest.mark.slow
async def test_the_handout_dialog_refuses_a_list_emptied_while_it_was_open(guide, tmp_path):
    app = make_app(guide, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        app.session.add_own("Can my sister come with me?")
        await pilot.press("x")
        await settle(pilot, lambda: isinstance(app.screen, HandoutDialog))
        app.session.remove(app.session.my_questions.entries[0])
        app.screen.query_one("#handout-path").value = str(tmp_path / "handout.txt")
        await pilot.press("enter")
        await settle(pilot, lambda: empty_list_message() in visible_text(app))
        assert isinstance(app.screen, HandoutDialog) and not (tmp_path / "handout.txt").exists()


# --- the read mode asks the same ------------------------------------------------------------------------


def _read(guide, tmp_path: Path, lines: list[str]) -> tuple[str, Session]:
    from io import StringIO

    from recovery_guide.plain import PlainReader

    session = Session(guide, store=Store(tmp_path / "data"), handout_folder=tmp_path)
    out = StringIO()
    PlainReader(session, stdin=StringIO("\n".join(lines) + "\n"), stdout=out, handout_folder=tmp_path).run()
    return out.getvalue(), session


WRITE_ONE = ["1", "5", "2", "Can my sister come with me?", "0"]
"""Start reading, open My questions, write a question, back to the main menu."""


def test_read_mode_asks_before_quitting_and_0_goes_back(guide, tmp_path):
    out, session = _read(guide, tmp_path, [*WRITE_ONE, "0", "0", "0", "3"])
    assert out.count("are not saved") == 2, "asked each time 0 was typed to quit; 0 in the question goes back"
    assert out.rstrip().endswith("Goodbye. Talk with your provider before you decide anything.")
    assert not session.saving and not (tmp_path / "data").exists()


def test_read_mode_keep_for_next_time_saves(guide, tmp_path):
    out, session = _read(guide, tmp_path, [*WRITE_ONE, "0", "2"])
    assert session.saving
    assert [entry.text for entry in Session(guide, store=Store(tmp_path / "data")).my_questions.entries] == ["Can my sister come with me?"]


def test_read_mode_quits_at_once_with_an_empty_list_and_makes_no_empty_handout(guide, tmp_path):
    out, _session = _read(guide, tmp_path, ["1", "5", "6", "0", "0"])
    assert "Your list is empty." in out and "are not saved" not in out
    assert "Handout saved" not in out and not list(tmp_path.glob("*.txt"))


# --- a handout never replaces another without asking --------------------------------------------------


@pytest.mark.slow
async def test_a_second_handout_never_replaces_the_first_without_asking(guide, tmp_path):
    from datetime import date

    from recovery_guide.handout_paths import default_path
    from recovery_guide.tui.screens.dialogs import Confirm

    first = default_path("text", today=date.today(), folder=tmp_path)
    first.write_text("my first handout", encoding="utf-8")
    app = make_app(guide, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        app.session.add_own("Can my sister come with me?")
        await pilot.press("x")
        await settle(pilot, lambda: isinstance(app.screen, HandoutDialog))
        dialog = app.screen
        offered = dialog.query_one("#handout-path").value
        assert offered == str(first.with_name(f"{first.stem}-2.txt")), "a second handout the same day is offered a new name"
        dialog.query_one("#handout-path").value = str(first)
        await pilot.press("enter")
        await settle(pilot, lambda: isinstance(app.screen, Confirm))
        assert first.name in visible_text(app)
        await pilot.press("escape")
        await settle(pilot, lambda: app.screen is dialog)
        assert first.read_text(encoding="utf-8") == "my first handout", "kept unless the reader says to replace it"
        await pilot.press("enter")
        await settle(pilot, lambda: isinstance(app.screen, Confirm))
        app.screen.query_one("#confirm-yes").press()
        await settle(pilot, lambda: isinstance(app.screen, ReaderScreen))
    assert "Can my sister come with me?" in first.read_text(encoding="utf-8")


def test_read_mode_asks_before_replacing_a_file(guide, tmp_path):
    target = tmp_path / "handout.txt"
    target.write_text("my first handout", encoding="utf-8")
    out, _session = _read(guide, tmp_path, [*WRITE_ONE, "5", "6", "1", str(target), "0", "0", "0", "3"])
    assert "A file named handout.txt is already there" in out
    assert target.read_text(encoding="utf-8") == "my first handout"
