"""The session owns the reader's state and announces each change once; saved files keep their format."""

from __future__ import annotations

import json

from recovery_guide import i18n
from recovery_guide.guide_content.folder import load_guide
from recovery_guide.my_questions import MyQuestions
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
        session.my_questions.add_own("Who pays?")
        session.my_questions_changed()
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
    session.my_questions.add_own("Who pays?", guide.pages[2].id)
    session.my_questions_changed()
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
