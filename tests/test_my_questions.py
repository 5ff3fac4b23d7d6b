"""My questions and handouts, driven by keyboard as a reader would (Textual's Pilot)."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest

from recovery_guide import i18n, wording
from recovery_guide.guide_content.folder import load_guide
from recovery_guide.model import Clinic, Question
from recovery_guide.my_questions import EntryKind
from recovery_guide.storage import Store
from recovery_guide.session import Session
from recovery_guide.tui.app import RecoveryGuideApp
from recovery_guide.tui.screens.handout import HandoutDialog
from recovery_guide.tui.screens.my_questions import MyQuestionsList, MyQuestionsScreen
from recovery_guide.tui.screens.reader import ReaderScreen
from tests.helpers import acknowledge, add_question, make_handout, settle, type_text, visible_text


def make_app(guide, tmp_path: Path, **options) -> RecoveryGuideApp:
    return RecoveryGuideApp(Session(guide, store=Store(tmp_path / "data"), handout_folder=tmp_path, **options))


@pytest.mark.slow
async def test_add_curated_and_own_questions_across_screens_and_see_them_marked(guide, tmp_path):
    app = make_app(guide, tmp_path)
    async with app.run_test(size=(100, 40)) as pilot:
        await acknowledge(pilot)  # step 2, ketamine basics
        basics = guide.pages[1]
        await add_question(pilot, 1)
        assert app.session.my_questions.has(basics.questions[1].id)
        text = visible_text(app)
        assert f"[✓] {basics.questions[1].text}" in text, "an added question is marked in words, not colour"
        assert f"[+] {basics.questions[0].text}" in text
        assert "1 of" in str(app.screen.query_one("#ask-count").render())
        await pilot.press("right")  # step 3
        await pilot.pause()
        course = guide.pages[2]
        await add_question(pilot, 0)
        await pilot.press("a")
        await pilot.pause()
        await type_text(pilot, "Can my sister come with me")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        await pilot.press("m")
        await pilot.pause()
        assert isinstance(app.screen, MyQuestionsScreen)
        text = visible_text(app)
        assert basics.title in text and course.title in text, "grouped by topic"
        assert text.index(basics.questions[1].text) < text.index(course.questions[0].text) < text.index("Can my sister come with me")
        assert "(my words)" in text


async def test_pressing_s_again_takes_a_question_out_and_a_bare_file_name_goes_in_the_offered_folder(guide, tmp_path, monkeypatch):
    """One start-up (it was two): s adds and s takes out; then a handout named without a folder goes in
    the folder offered, not the working folder."""
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    app = make_app(guide, tmp_path)
    async with app.run_test(size=(100, 40)) as pilot:
        await acknowledge(pilot)
        await add_question(pilot, 0)
        assert len(app.session.my_questions) == 1
        await pilot.press("s")
        await pilot.pause()
        assert len(app.session.my_questions) == 0
        assert "[✓]" not in visible_text(app)

        app.session.add_own("Can my sister come with me?")  # an empty list makes no handout
        await make_handout(pilot, Path("notes.txt"))
    assert (tmp_path / "notes.txt").is_file()
    assert not list(elsewhere.iterdir())


@pytest.mark.slow
async def test_reorder_edit_and_remove_in_my_questions(guide, tmp_path):
    app = make_app(guide, tmp_path)
    basics = guide.pages[1]
    async with app.run_test(size=(100, 40)) as pilot:
        await acknowledge(pilot)
        for position in range(3):
            await add_question(pilot, position)
        await pilot.press("a")
        await type_text(pilot, "My own question")
        await pilot.press("enter")
        await pilot.press("m")
        await pilot.pause()
        entries = app.screen.query_one(MyQuestionsList)
        assert entries.highlighted == 1, "the cursor starts on the first question, not the topic title"
        await pilot.press("d")  # first question moves down
        await pilot.pause()
        order = [entry.question_id for entry in app.session.my_questions.entries if entry.kind is EntryKind.CURATED]
        assert order == [basics.questions[1].id, basics.questions[0].id, basics.questions[2].id]
        await pilot.press("u")
        await pilot.pause()
        order = [entry.question_id for entry in app.session.my_questions.entries if entry.kind is EntryKind.CURATED]
        assert order == [question.id for question in basics.questions[:3]]
        await pilot.press("delete")
        await pilot.pause()
        assert not app.session.my_questions.has(basics.questions[0].id)
        # edit the reader's own question (the last row)
        await pilot.press("end", "e")
        await pilot.pause()
        await pilot.press("ctrl+u")
        await type_text(pilot, "Changed words")
        await pilot.press("enter")
        await pilot.pause()
        assert [entry.text for entry in app.session.my_questions.entries if entry.kind is EntryKind.OWN] == ["Changed words"]
        assert "Changed words" in visible_text(app)


@pytest.mark.slow
async def test_switching_language_translates_curated_questions_and_keeps_own_words(guide, tmp_path):
    app = make_app(guide, tmp_path)
    spanish = load_guide("es")
    try:
        async with app.run_test(size=(100, 40)) as pilot:
            await acknowledge(pilot)
            await add_question(pilot, 0)
            await pilot.press("a")
            await type_text(pilot, "Who pays for this")
            await pilot.press("enter")
            await pilot.press("m")
            await pilot.pause()
            await app.switch_language("es")
            await pilot.pause()
            text = visible_text(app)
            assert spanish.pages[1].questions[0].text in text
            assert guide.pages[1].questions[0].text not in text
            assert "Who pays for this" in text, "the reader's own words stay as typed"
    finally:
        i18n.set_language("en")


@pytest.mark.slow
async def test_export_text_and_html_handouts(guide, tmp_path):
    """A missing folder is reported first (one start-up; it was a start-up of its own), then both formats."""
    clinic = Clinic(name="Riverside Clinic", phone="555 0100", hours="Mon-Fri 9-5", questions=(Question("clinic-1", "Do you take my insurance?"),))
    app = make_app(guide, tmp_path, region_code="US", clinic=clinic)
    async with app.run_test(size=(100, 40)) as pilot:
        await acknowledge(pilot)
        await add_question(pilot, 0)
        await pilot.press("a")
        await type_text(pilot, "Is it safe with my <heart> pills & more")
        await pilot.press("enter")
        # first a folder that does not exist: the error shows, the dialog and the list stay
        await make_handout(pilot, tmp_path / "no-such-folder" / "questions.txt")
        assert isinstance(app.screen, HandoutDialog)
        assert "That folder does not exist" in visible_text(app)
        assert len(app.session.my_questions) == 2
        await pilot.press("escape")
        await settle(pilot, lambda: isinstance(app.screen, ReaderScreen))
        await make_handout(pilot, tmp_path / "questions.txt")
        assert isinstance(app.screen, ReaderScreen), "the dialog closes after saving"
        text = (tmp_path / "questions.txt").read_text(encoding="utf-8")
        assert wording.handout_title() in text
        assert wording.format_day(date.today()) in text
        assert guide.pages[1].questions[0].text in " ".join(text.split())
        assert "Is it safe with my <heart> pills & more" in text
        assert "Answer:" in text and "____" in text, "room to write the answers"
        assert "Bring this to your appointment" in text
        for point in guide.pages[1].key_points:
            assert " ".join(point.split()) in " ".join(text.split()), "key points of the screens read"
        assert guide.pages[5].key_points[0] not in " ".join(text.split()), "only screens the reader opened"
        assert "988" in text and "1-800-662-4357" in text, "the region's help lines"
        assert "Riverside Clinic" in text and "555 0100" in text

        await make_handout(pilot, tmp_path / "questions.html", html=True)
        page = (tmp_path / "questions.html").read_text(encoding="utf-8")
        assert page.startswith("<!DOCTYPE html>")
        assert '<html lang="en" dir="ltr">' in page
        assert "Is it safe with my &lt;heart&gt; pills &amp; more" in page, "reader's words are escaped"
        assert "<heart>" not in page
        assert "@media print" in page and "<script" not in page and "http" not in page.split("<body>")[0]


@pytest.mark.slow  # a long app flow: about 2.6 s
async def test_export_in_spanish_sets_the_language_of_the_page(tmp_path):
    i18n.set_language("pt_BR")
    try:
        app = make_app(load_guide("pt_BR"), tmp_path)
        async with app.run_test(size=(100, 40)) as pilot:
            await acknowledge(pilot)
            app.session.add_own("Posso levar alguém comigo?")  # an empty list makes no handout
            await make_handout(pilot, tmp_path / "perguntas.html", html=True)
        page = (tmp_path / "perguntas.html").read_text(encoding="utf-8")
        assert '<html lang="pt-BR" dir="ltr">' in page
        assert "188" in page, "region unknown: every region's crisis numbers"
    finally:
        i18n.set_language("en")


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write anywhere")
async def test_export_to_an_unwritable_folder_shows_the_error_and_keeps_the_list(guide, tmp_path):
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    app = make_app(guide, tmp_path)
    try:
        async with app.run_test(size=(100, 40)) as pilot:
            await acknowledge(pilot)
            await add_question(pilot, 0)
            await make_handout(pilot, locked / "questions.txt")
            assert isinstance(app.screen, HandoutDialog), "the dialog stays open"
            assert "Could not save the handout" in visible_text(app)
            assert len(app.session.my_questions) == 1
            assert not list(locked.iterdir())
    finally:
        locked.chmod(0o700)


@pytest.mark.slow
async def test_clinic_details_show_on_the_banner_help_now_and_its_questions_can_be_added(guide, tmp_path):
    clinic = Clinic(name="Riverside Clinic", phone="555 0100", hours="Mon-Fri 9-5", questions=(Question("clinic-1", "Do you take my insurance?"),))
    app = make_app(guide, tmp_path, clinic=clinic)
    last_topic = max(index for index, screen in enumerate(guide.pages) if screen.kind.value == "topic")
    async with app.run_test(size=(100, 40)) as pilot:
        await acknowledge(pilot)
        assert "Your clinic: Riverside Clinic, 555 0100, Mon-Fri 9-5" in visible_text(app)
        app.screen.go_to(last_topic)
        await pilot.pause()
        assert "Do you take my insurance?" in visible_text(app)
        await add_question(pilot, len(guide.pages[last_topic].questions))
        assert app.session.my_questions.has("clinic-1")
        await pilot.press("h")
        await pilot.pause()
        assert "555 0100" in visible_text(app)


@pytest.mark.slow
async def test_a_failed_write_keeps_the_previous_handout_and_the_list(guide, tmp_path, monkeypatch):
    """Disk full (simulated) while exporting: the earlier handout survives whole, the list stays."""
    import errno

    from recovery_guide import safe_files as atomic

    app = make_app(guide, tmp_path)
    target = tmp_path / "questions.txt"
    target.write_text("earlier handout\n", encoding="utf-8")
    real_fdopen = os.fdopen

    class FullDisk:
        def __init__(self, stream):
            self.stream = stream

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.stream.close()

        def write(self, text):
            raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(atomic.os, "fdopen", lambda fd, *a, **k: FullDisk(real_fdopen(fd, *a, **k)))
    async with app.run_test(size=(100, 40)) as pilot:
        await acknowledge(pilot)
        await add_question(pilot, 0)
        await make_handout(pilot, target)
        from recovery_guide.tui.screens.dialogs import Confirm

        await settle(pilot, lambda: isinstance(app.screen, Confirm))  # the earlier handout is replaced only when the reader says so
        app.screen.query_one("#confirm-yes").press()
        await settle(pilot, lambda: isinstance(app.screen, HandoutDialog))
        assert "No space left on device" in visible_text(app)
        assert len(app.session.my_questions) == 1
    assert target.read_text(encoding="utf-8") == "earlier handout\n"
    assert [path.name for path in tmp_path.iterdir() if path.name.startswith(".questions")] == [], "no temporary file left behind"
