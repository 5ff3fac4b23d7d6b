"""Issue 15, item 5: paths a reader or clinic may type. ``~nosuchuser/...`` and ``~Documents/...``
(a ``~`` with no such user), a NUL in a path, and invalid UTF-8 typed as a question all give a
clear message, never RuntimeError, ValueError or UnicodeEncodeError, in the app, in read mode and
for ``--clinic``."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from recovery_guide.session import Session
from recovery_guide.storage import Store
from recovery_guide.tui.app import RecoveryGuideApp
from recovery_guide.tui.screens.handout import HandoutDialog
from tests.helpers import acknowledge, add_question, run, settle

NO_SUCH_HOMES = ["~nosuchuser/handout.txt", "~Documents/x.txt"]


async def test_the_handout_dialog_says_the_home_folder_is_unknown(guide, tmp_path):
    """Each unknown home folder in turn, in the one dialog: it stays open after each (one app start, not one per path)."""
    app = RecoveryGuideApp(Session(guide, store=Store(tmp_path / "data"), handout_folder=tmp_path))
    async with app.run_test(size=(100, 40)) as pilot:
        await acknowledge(pilot)
        await add_question(pilot, 0)
        await pilot.press("x")
        await settle(pilot, lambda: isinstance(app.screen, HandoutDialog))
        for typed in NO_SUCH_HOMES:
            app.screen.query_one("#handout-path").value = typed
            await pilot.press("enter")
            await settle(pilot, lambda: app.screen.query_one("#handout-error").display and typed.split("/")[0] in str(app.screen.query_one("#handout-error").render()))
            message = str(app.screen.query_one("#handout-error").render())
            assert "home folder" in message and typed.split("/")[0] in message, message
            assert app.is_running and isinstance(app.screen, HandoutDialog), "the dialog stays open; nothing is lost"
    assert list(tmp_path.glob("*.txt")) == []


@pytest.mark.parametrize("typed", NO_SUCH_HOMES)
def test_clinic_with_an_unknown_home_folder_is_one_line(typed):
    result = run("print", "--clinic", typed)
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    assert result.stderr.count("\n") == 1 and "home folder" in result.stderr, result.stderr


def read_bytes(script: bytes, tmp_path, *args: str) -> subprocess.CompletedProcess:
    """``recovery-guide read`` fed raw bytes, as a terminal or a script sends them."""
    import os

    env = {**os.environ, "LANG": "C.UTF-8", "XDG_DATA_HOME": str(tmp_path / "data"), "HOME": str(tmp_path)}
    return subprocess.run([sys.executable, "-m", "recovery_guide", "read", *args], input=script, capture_output=True, env=env, timeout=60)


WRITE_OWN = [b"1", b"5", b"2", b"My own words"]
"""Start reading, open My questions, write a question of one's own."""


@pytest.mark.slow
@pytest.mark.parametrize("typed", [b"~nosuchuser/handout.txt", b"~Documents/x.txt", b"bad\x00name.txt"], ids=["no such user", "Documents", "NUL"])
def test_read_mode_handout_path_problems_are_a_message(tmp_path, typed):
    result = read_bytes(b"\n".join([*WRITE_OWN, b"6", b"1", typed, b"0", b"0"]) + b"\n", tmp_path)
    stderr = result.stderr.decode()
    assert "Traceback" not in stderr, stderr
    assert result.returncode == 0, stderr
    out = result.stdout.decode()
    assert "Handout saved" not in out
    assert ("home folder" in out) if b"~" in typed else ("cannot be used in a file name" in out), out


@pytest.mark.slow
def test_invalid_utf8_typed_as_a_question_can_be_handed_out_and_saved(tmp_path):
    target = tmp_path / "handout.txt"
    script = [b"1", b"5", b"2", b"Caf\xe9 \xff\xfe question?", b"6", b"1", str(target).encode(), b"7", b"0", b"0"]
    result = read_bytes(b"\n".join(script) + b"\n", tmp_path)
    stderr = result.stderr.decode()
    assert "Traceback" not in stderr and result.returncode == 0, stderr
    handout = target.read_text(encoding="utf-8")
    assert "Caf\ufffd \ufffd\ufffd question?" in handout
    saved = json.loads((tmp_path / "data" / "recovery-guide" / "saved.json").read_text(encoding="utf-8"))
    assert "Caf\ufffd \ufffd\ufffd question?" in json.dumps(saved, ensure_ascii=False)
