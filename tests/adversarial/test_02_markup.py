"""Item 2: text from content, clinic files, saved data, file paths or the reader is never Textual markup.

Textual parses a ``str`` as markup in button labels, border titles and the command palette: a
bracketed page title crashed the app on Ctrl+P (``MarkupError``), a bracketed title of the page to
resume crashed the welcome screen, and a handout named ``handout [at=10:30].txt`` must be shown by
its own name. Everything here is shown exactly as written, brackets and all.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from recovery_guide.clinic import load_clinic
from recovery_guide.guide_content.folder import ContentFolder, load_guide
from recovery_guide.paths import content_dir
from recovery_guide.session import Session
from recovery_guide.storage import Store
from recovery_guide.tui.app import RecoveryGuideApp
from tests.helpers import make_handout, record_notifications, replace_once, settle, visible_text

BRACKETS = "[b]x[/b] [/] [at=10:30] [@click=app.quit]y[/]"
"""Closing tags with nothing to close, an attribute that looks like a time, an action: all text."""
TITLE = f"Ketamine in brief {BRACKETS}"
CHECK_TOPIC = f"What treatment {BRACKETS}"
CLINIC = f"Clinic {BRACKETS}"
OWN = f"My own [/] question [b]?"
TERM = "abstinence [/] [b]"
VALUE = "Using a treatment that is approved for my problem [/]"


@pytest.fixture
def bracketed(tmp_path: Path) -> Path:
    """A content folder whose own path has brackets, with a bracketed page title and self-check topic."""
    root = tmp_path / "[b]content[/]"
    shutil.copytree(content_dir(), root)
    replace_once(root / "en" / "screens" / "02-ketamine-basics.yaml", "title: Ketamine in brief", f'title: "{TITLE}"')
    replace_once(root / "en" / "self-checks.yaml", "topic: What treatment involves", f'topic: "{CHECK_TOPIC}"')
    replace_once(root / "en" / "glossary.yaml", "term: abstinence", f'term: "{TERM}"')
    replace_once(root / "en" / "values.yaml", "text: Using a treatment that is approved for my problem", f'text: "{VALUE}"')
    return root


def _saved(data: Path, **extra) -> None:
    data.mkdir(parents=True, exist_ok=True)
    state = {"version": 1, "app": "recovery-guide", "screen": "ketamine-basics", "language": None, "region": None, "theme": None,
             "entries": [{"kind": "own", "topic": None, "question": None, "text": OWN}], "visited": ["ketamine-basics"], **extra}
    (data / "saved.json").write_text(json.dumps(state), encoding="utf-8")


@pytest.mark.slow
async def test_bracketed_text_is_shown_as_written_everywhere(bracketed, tmp_path):
    clinic_file = tmp_path / "clinic [b].yaml"
    clinic_file.write_text(f'name: "{CLINIC}"\nphone: "555 0100"\nhours: "[/] Mon-Fri"\n', encoding="utf-8")
    data = tmp_path / "data"
    _saved(data)
    guide = load_guide("en", bracketed)
    app = RecoveryGuideApp(Session(guide, ContentFolder(bracketed), clinic=load_clinic(clinic_file), store=Store(data), handout_folder=tmp_path))
    shown = record_notifications(app)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, lambda: app.screen.query("#resume"))
        # the welcome screen offers to continue on the bracketed page, by its own title
        assert TITLE in app.screen.query_one("#resume").label.plain
        assert CLINIC in visible_text(app)
        await pilot.click("#resume")
        await settle(pilot, lambda: str(app.screen.query("#title").first().render()) == TITLE)
        # the command palette lists the page by its title, and finds it
        await pilot.press("ctrl+p")
        await settle(pilot, lambda: app.screen.id == "--command-palette")
        await pilot.press(*"ketamine")
        await settle(pilot, lambda: any(TITLE in str(option.prompt) for option in app.screen.query_one("CommandList").options))
        await pilot.press("escape")
        await settle(pilot, lambda: app.screen.id != "--command-palette")
        # the self-check shows its topic as written
        app.go_to_page("treatment-course")
        await settle(pilot)
        await app.reader_action("self_check")
        await settle(pilot, lambda: app.screen.query("#check-topic"))
        assert str(app.screen.query_one("#check-topic").render()) == CHECK_TOPIC
        await pilot.press("escape")
        await settle(pilot, lambda: not app.screen.query("#check-topic"))
        # My questions shows the saved question as written
        await app.run_action("my_questions")
        await settle(pilot, lambda: app.screen.query("#dialog"))
        assert OWN in visible_text(app)
        await pilot.press("escape")
        await settle(pilot, lambda: not app.screen.query("#dialog"))
        # the glossary, "What matters to me" and search show bracketed words as written
        for key, widget, expected in (("g", "#glossary-filter", TERM), ("w", "#own-value", VALUE)):
            await pilot.press(key)
            await settle(pilot, lambda: app.screen.query(widget))
            assert expected in visible_text(app)
            await pilot.press("escape")
            await settle(pilot, lambda: not app.screen.query(widget))
        await pilot.press("slash")
        await settle(pilot, lambda: app.screen.query("#search-input"))
        app.screen.query_one("#search-input").value = "ketamine in brief"
        await settle(pilot, lambda: TITLE in visible_text(app))
        await pilot.press("escape")
        await settle(pilot, lambda: not app.screen.query("#search-input"))
        # handouts named with brackets are written, and named as they are
        for name in ("handout [at=10:30].txt", "notes [copy].txt"):
            await make_handout(pilot, tmp_path / name)
            await settle(pilot, lambda: any(name in message for message in shown))
            assert (tmp_path / name).exists()
            assert f"Handout saved: {tmp_path / name}" in shown
        assert app.is_running


@pytest.mark.slow
async def test_a_damaged_saved_file_with_markup_starts_the_guide_and_never_echoes_its_contents(tmp_path, guide):
    data = tmp_path / "data"
    _saved(data)
    saved = data / "saved.json"
    saved.write_text(saved.read_text(encoding="utf-8").replace('"own"', '"[/] secret [b]"'), encoding="utf-8")
    app = RecoveryGuideApp(Session(guide, store=Store(data), handout_folder=tmp_path))
    shown = record_notifications(app)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot, lambda: shown)
        assert "could not be used" in shown[0]
        assert "secret" not in shown[0], "the notice names the problem, never what the file held"
        assert app.is_running
