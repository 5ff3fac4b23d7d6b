"""Opt-in saving: nothing written unless asked; what is saved comes back; bad files never block the guide."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest

from recovery_guide.my_questions import MyQuestions
from recovery_guide.progress import ReadingProgress
from recovery_guide.storage import FILE_NAME, SavedState, Store
from recovery_guide.session import Session
from recovery_guide.tui.app import RecoveryGuideApp
from recovery_guide.tui.screens.my_questions import MyQuestionsScreen
from recovery_guide.tui.screens.welcome import WelcomeScreen
from tests.helpers import acknowledge, add_question


def tree(folder: Path) -> list[str]:
    return sorted(str(path.relative_to(folder)) for path in folder.rglob("*"))


async def opt_in(pilot) -> None:
    await pilot.press("m")
    await pilot.pause()
    assert isinstance(pilot.app.screen, MyQuestionsScreen)
    assert "Saving is OFF" in str(pilot.app.screen.query_one("#keep").label)
    pilot.app.screen.query_one("#keep").press()
    await pilot.pause()
    assert "Saving is ON" in str(pilot.app.screen.query_one("#keep").label), "the state is spelled out in words"
    await pilot.press("escape")
    await pilot.pause()


@pytest.mark.slow
async def test_with_opt_in_the_list_and_place_survive_a_relaunch(guide, tmp_path):
    store_dir = tmp_path / "data"
    app = RecoveryGuideApp(Session(guide, store=Store(store_dir)))
    async with app.run_test(size=(100, 40)) as pilot:
        await acknowledge(pilot)
        await add_question(pilot, 1)
        await opt_in(pilot)
        await pilot.press("right", "right")  # step 4
        await pilot.pause()
    saved = store_dir / FILE_NAME
    assert saved.is_file()
    assert stat.S_IMODE(saved.stat().st_mode) == 0o600, "readable by the reader only"

    relaunched = RecoveryGuideApp(Session(guide, store=Store(store_dir)))
    async with relaunched.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        assert relaunched.session.my_questions.has(guide.pages[1].questions[1].id)
        assert isinstance(relaunched.screen, WelcomeScreen)
        assert f"continue where I left off (step 4: {guide.pages[3].title})" in str(relaunched.screen.query_one("#resume").label)
        relaunched.screen.query_one("#resume").press()
        await pilot.pause()
        assert relaunched.screen.index == 3


@pytest.mark.slow
async def test_forget_everything_erases_the_saved_file_and_the_list(guide, tmp_path):
    store_dir = tmp_path / "data"
    app = RecoveryGuideApp(Session(guide, store=Store(store_dir)))
    async with app.run_test(size=(100, 40)) as pilot:
        await acknowledge(pilot)
        await add_question(pilot, 0)
        await opt_in(pilot)
        assert (store_dir / FILE_NAME).exists()
        await pilot.press("m")
        await pilot.pause()
        app.screen.query_one("#forget").press()
        await pilot.pause()
        await pilot.click("#confirm-yes")
        await pilot.pause()
        assert len(app.session.my_questions) == 0
        assert not store_dir.exists()
        assert "Saving is OFF" in str(app.screen.query_one("#keep").label)


async def test_a_corrupt_saved_file_is_set_aside_and_the_app_starts_cleanly(guide, tmp_path):
    store_dir = tmp_path / "data"
    store_dir.mkdir()
    (store_dir / FILE_NAME).write_text('{"version": 1, "entries": [', encoding="utf-8")  # truncated
    app = RecoveryGuideApp(Session(guide, store=Store(store_dir)))
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, WelcomeScreen)
        assert len(app.session.my_questions) == 0 and not app.session.saving
        assert any("could not be used" in notification.message for notification in app._notifications)
    kept = [path.name for path in store_dir.iterdir()]
    assert len(kept) == 1 and kept[0].startswith(f"{FILE_NAME}.unreadable-"), "the damaged file is kept, not deleted"


def test_store_round_trip(tmp_path):
    store = Store(tmp_path / "data")
    my_questions = MyQuestions()
    my_questions.toggle("ketamine-basics", "basics-approved", "text")
    my_questions.add_own("My words", "therapy")
    assert store.save(SavedState(my_questions=my_questions, progress=ReadingProgress(page="therapy"), language="es", region="ES")) is None
    state, notice = Store(tmp_path / "data").load()
    assert notice is None
    assert state.progress.page == "therapy" and state.language == "es" and state.region == "ES"
    assert [entry.text for entry in state.my_questions.entries] == ["text", "My words"]


def test_a_file_from_a_newer_version_is_kept_untouched(tmp_path):
    store = Store(tmp_path)
    (tmp_path / FILE_NAME).write_text(json.dumps({"version": 99, "entries": []}), encoding="utf-8")
    state, notice = store.load()
    assert state is None and "newer version" in notice
    assert [path.name.split("-")[0] for path in tmp_path.iterdir()] == [f"{FILE_NAME}.newer"]


def test_wrong_shapes_are_refused_not_crashed_on(tmp_path):
    for content in ("[]", '{"version": 1, "entries": {"a": 1}}', '{"version": 1, "entries": [{"kind": "evil"}]}', '{"version": 1, "screen": 5}', "\xff\xfe"):
        store = Store(tmp_path / str(abs(hash(content))))
        store.directory.mkdir()
        store.path.write_text(content, encoding="utf-8", errors="surrogateescape") if content != "\xff\xfe" else store.path.write_bytes(b"\xff\xfe")
        state, notice = store.load()
        assert state is None and notice, content


def test_an_unreadable_saved_file_turns_saving_off_without_touching_it(tmp_path, monkeypatch):
    store = Store(tmp_path)
    store.path.write_text('{"version": 1}', encoding="utf-8")

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("recovery_guide.safe_files.read_limited", refuse)
    state, notice = store.load()
    monkeypatch.undo()
    assert state is None and "cannot read" in notice
    assert store.save(SavedState()) is not None, "must not overwrite a file it could not read"
    assert store.path.read_text(encoding="utf-8") == '{"version": 1}'


def test_a_read_only_data_folder_gives_a_message_not_a_crash(tmp_path, monkeypatch):
    store = Store(tmp_path / "data")

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "mkdir", refuse)
    problem = store.save(SavedState())
    assert problem and "could not save" in problem
