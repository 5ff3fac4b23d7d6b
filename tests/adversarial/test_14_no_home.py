"""Item 14: with no home folder (HOME unset and no user entry) the guide works, and saving says it
is unavailable instead of crashing.

platformdirs raises when it cannot find a home folder; before the fix that ended ``read`` and the app
at start, even with saving off. Here the user entry is taken away for the test (``pwd`` raises, as on
a system whose user database does not list the user) and every XDG folder is unset.
"""

from __future__ import annotations

import io
import pwd
import sys

import pytest

from recovery_guide import cli
from recovery_guide.session import Session
from tests.helpers import acknowledge, record_notifications, settle

UNAVAILABLE = "Saving is not available: no home folder was found for your user."


@pytest.fixture
def no_home(monkeypatch, tmp_path):
    for variable in ("HOME", "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_DOCUMENTS_DIR", "USERPROFILE"):
        monkeypatch.delenv(variable, raising=False)

    def no_entry(uid):
        raise KeyError(f"getpwuid(): uid not found: {uid}")

    monkeypatch.setattr(pwd, "getpwuid", no_entry)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_read_mode_starts_and_says_saving_is_unavailable(no_home, monkeypatch, capsys):
    # acknowledge, My questions, turn saving on, back, quit
    monkeypatch.setattr(sys, "stdin", io.StringIO("1\n5\n7\n0\n0\n"))
    assert cli.main(["read"]) == 0
    out = " ".join(capsys.readouterr().out.split())
    assert UNAVAILABLE in out
    assert "Saving is on" not in out
    assert list(no_home.iterdir()) == [], "nothing written in the folder the guide was started in"


def test_the_session_keeps_saving_off_and_handouts_still_have_a_folder(guide, no_home):
    session = Session(guide)
    assert session.set_saving(True).startswith(UNAVAILABLE)
    assert not session.saving
    assert session.forget_everything() is None
    from recovery_guide.handout_paths import default_path

    path = default_path("text")
    assert path.parent == no_home, "with no home folder, a handout is offered where the guide was started"
    assert session.write_handout(path, "text") is None


@pytest.mark.slow
async def test_the_app_starts_and_says_saving_is_unavailable(guide, no_home):
    from recovery_guide.tui.app import RecoveryGuideApp
    from recovery_guide.tui.screens.my_questions import MyQuestionsScreen

    app = RecoveryGuideApp(Session(guide))
    shown = record_notifications(app)
    async with app.run_test(size=(100, 30)) as pilot:
        await acknowledge(pilot)
        await pilot.press("m")
        await settle(pilot, lambda: isinstance(app.screen, MyQuestionsScreen))
        app.screen.query_one("#keep").press()
        await settle(pilot, lambda: any(UNAVAILABLE in message for message in shown))
        assert "Saving is OFF" in str(app.screen.query_one("#keep").label)
    assert list(no_home.iterdir()) == []
