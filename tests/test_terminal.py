"""End to end: the installed ``recovery-guide`` command in a real terminal (tmux), keys and screen text."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

COMMAND = Path(sys.executable).with_name("recovery-guide")
SESSION = f"recovery-guide-test-{os.getpid()}"

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None and not os.environ.get("CI"), reason="tmux is not installed")


def tmux(*args: str) -> str:
    return subprocess.run(["tmux", *args], check=True, capture_output=True, text=True, timeout=20).stdout


def screen_text() -> str:
    return tmux("capture-pane", "-p", "-t", SESSION)


def wait_for(text: str, timeout: float = 15.0) -> str:
    deadline = time.monotonic() + timeout
    shown = ""
    while time.monotonic() < deadline:
        shown = screen_text()
        if text in shown:
            return shown
        time.sleep(0.2)
    raise AssertionError(f"{text!r} never appeared; the screen showed:\n{shown}")


@pytest.fixture
def terminal(tmp_path):
    assert COMMAND.exists(), f"the console script is not installed at {COMMAND}"
    # Run from an unrelated folder, so the guide must come from the installed package.
    environment = f"env -u LC_ALL -u LANGUAGE LANG=en_US.UTF-8 TERM=xterm-256color HOME={tmp_path}"
    tmux("new-session", "-d", "-s", SESSION, "-x", "100", "-y", "30", "-c", str(tmp_path), f"{environment} {COMMAND}; sleep 5")
    yield
    subprocess.run(["tmux", "kill-session", "-t", SESSION], capture_output=True)


def test_read_the_guide_in_a_real_terminal(terminal):
    shown = wait_for("I understand - start reading")
    assert "Step 1 of 14" in shown and "not medical advice" in shown
    tmux("send-keys", "-t", SESSION, "Enter")
    shown = wait_for("Step 2 of 14")
    assert "Ketamine in brief" in shown
    assert "Talk with your provider" in shown
    tmux("send-keys", "-t", SESSION, "n", "n", "n")
    shown = wait_for("Step 5 of 14")
    assert "How strong is the research?" in shown
    tmux("send-keys", "-t", SESSION, "h")
    shown = wait_for("If a life is in danger")
    assert "988" in shown, "LANG=en_US puts the US help lines first"
    tmux("send-keys", "-t", SESSION, "Escape")
    wait_for("Step 5 of 14")
    tmux("send-keys", "-t", SESSION, "q")
    deadline = time.monotonic() + 10
    while "Step 5 of 14" in screen_text() and time.monotonic() < deadline:
        time.sleep(0.2)
    assert "Step 5 of 14" not in screen_text(), "q closes the app"
