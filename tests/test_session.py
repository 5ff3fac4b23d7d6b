"""The session owns the reader's state and announces each change once; saved files keep their format."""

from __future__ import annotations

import io
import json

import pytest

from recovery_guide import i18n
from recovery_guide.guide_content.folder import load_guide
from recovery_guide.my_questions import EntryKind, MyQuestions
from recovery_guide.plain import PlainReader
from recovery_guide.progress import ReadingProgress
from recovery_guide.session import Change, Session
from recovery_guide.storage import FILE_NAME, SavedState, Store


def test_each_change_is_announced_once(guide, tmp_path):
    session = Session(guide, store=Store(tmp_path))
    heard: list[Change] = []
    session.subscribe(heard.append)
    try:
        session.switch_language("es")
        assert i18n.current_language() == "es", "the session sets the UI language"
        session.set_region("gb")
        session.add_own("Who pays?")
        session.visit(guide.pages[1].id)
        session.forget_everything()
    finally:
        i18n.set_language("en")
    assert heard == [Change.LANGUAGE, Change.REGION, Change.MY_QUESTIONS, Change.MY_QUESTIONS]
    assert session.region_code == "GB"


def test_a_new_session_speaks_its_guides_language(tmp_path):
    try:
        Session(load_guide("fr"), store=Store(tmp_path))
        assert i18n.current_language() == "fr"
    finally:
        i18n.set_language("en")


def test_progress_is_kept_apart_from_my_questions_in_the_same_file_format(guide, tmp_path):
    session = Session(guide, store=Store(tmp_path))
    session.set_saving(True)
    session.visit(guide.pages[2].id)
    session.add_own("Who pays?", guide.pages[2].id)
    data = json.loads((tmp_path / FILE_NAME).read_text(encoding="utf-8"))
    assert list(data) == ["version", "app", "screen", "language", "region", "theme", "entries", "visited"]
    assert data["screen"] == guide.pages[2].id and data["visited"] == [guide.pages[2].id]
    assert [entry["text"] for entry in data["entries"]] == ["Who pays?"]
    assert not hasattr(session.my_questions, "visited")


def test_a_file_written_before_the_split_loads(tmp_path):
    old = {"version": 1, "app": "recovery-guide", "screen": "therapy", "language": "en", "region": None, "theme": None,
           "entries": [{"kind": "own", "topic": None, "question": None, "text": "Mine"}], "visited": ["welcome", "therapy"]}
    (tmp_path / FILE_NAME).write_text(json.dumps(old), encoding="utf-8")
    state, notice = Store(tmp_path).load()
    assert notice is None
    assert state.progress == ReadingProgress(["welcome", "therapy"], "therapy")
    assert [entry.text for entry in state.my_questions.entries] == ["Mine"]
    assert SavedState(state.my_questions, state.progress, "en").to_data() == old


def test_my_questions_alone_has_no_progress():
    assert MyQuestions().to_data() == {"entries": []}


def _saved_texts(folder) -> list[str]:
    path = folder / FILE_NAME
    return [entry["text"] for entry in json.loads(path.read_text(encoding="utf-8"))["entries"]] if path.exists() else []


@pytest.mark.parametrize("saving", [True, False])
def test_each_change_to_my_questions_is_saved_and_announced_in_one_step(guide, tmp_path, saving):
    """Every Session method that changes My questions announces it once, and saves it when saving is on."""
    session = Session(guide, store=Store(tmp_path))
    session.set_saving(saving)
    heard: list[Change] = []
    session.subscribe(heard.append)
    screen = next(page for page in guide.pages if page.questions)
    question = screen.questions[0]

    def step(change, expected_texts):
        heard.clear()
        result = change()
        assert heard == [Change.MY_QUESTIONS], f"announced once: {change}"
        assert _saved_texts(tmp_path) == (expected_texts if saving else []), "saved only when saving is on"
        return result

    added, problem = step(lambda: session.toggle_question(screen.id, question.id, question.text), [question.text])
    assert added and problem is None and session.my_questions.has(question.id)
    entry, problem = step(lambda: session.add_own("Who pays?", screen.id), [question.text, "Who pays?"])
    assert entry is not None and entry.text == "Who pays?" and problem is None
    edited, problem = step(lambda: session.edit(entry, "Who pays for it?"), [question.text, "Who pays for it?"])
    assert edited and problem is None
    moved, problem = step(lambda: session.move(entry, -1), ["Who pays for it?", question.text])
    assert moved and problem is None
    assert step(lambda: session.remove(entry), [question.text]) is None
    added, problem = step(lambda: session.toggle_question(screen.id, question.id, question.text), [])
    assert not added and problem is None
    understood, _problem = step(lambda: session.add_own("It helps", "check", EntryKind.UNDERSTANDING), ["It helps"])
    assert understood.kind is EntryKind.UNDERSTANDING

    heard.clear()
    assert session.add_own("   ") == (None, None), "blank text changes nothing"
    assert session.edit(understood, "") == (False, None)
    assert session.move(understood, 1) == (False, None)
    assert heard == [], "nothing changed, nothing announced"


def test_the_read_modes_changes_to_my_questions_are_announced(guide, tmp_path):
    """The line-by-line read mode changes My questions through the session, so listeners hear each change."""
    session = Session(guide, store=Store(tmp_path))
    heard: list[Change] = []
    session.subscribe(heard.append)
    screen_index = next(index for index, page in enumerate(guide.pages) if page.questions)
    # add the first question; write one; edit it (number 2); move it up (2); remove the first (1); take the question out (1)
    script = ["1", "Who pays?", "2", "Who pays for it?", "2", "1", "1"]
    reader = PlainReader(session, stdin=io.StringIO("\n".join(script) + "\n"), stdout=io.StringIO())
    reader.index = screen_index
    reader.add_from_screen()
    assert heard == [Change.MY_QUESTIONS]
    reader.write_own()
    assert heard == [Change.MY_QUESTIONS] * 2
    entries = list(session.my_questions.entries)
    reader.edit_own(entries)
    assert heard == [Change.MY_QUESTIONS] * 3
    assert entries[1].text == "Who pays for it?"
    reader.move_up(list(session.my_questions.entries))
    assert heard == [Change.MY_QUESTIONS] * 4
    reader.remove(list(session.my_questions.entries))
    assert heard == [Change.MY_QUESTIONS] * 5
    assert [entry.text for entry in session.my_questions.entries] == [entries[0].text]
    reader.add_from_screen()
    assert heard == [Change.MY_QUESTIONS] * 6
    assert len(session.my_questions) == 0
