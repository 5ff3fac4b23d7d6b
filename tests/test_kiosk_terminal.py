"""Kiosk mode end to end (issue 16): the installed ``recovery-guide --kiosk`` in a real terminal (tmux)."""

from __future__ import annotations

import pytest

from recovery_guide.guide_content.folder import load_guide
from tests.helpers import Terminal, needs_tmux, wait_until

pytestmark = [needs_tmux, pytest.mark.terminal, pytest.mark.slow]

STAFF_CODE = "4711"


@pytest.fixture
def kiosk_terminal(tmp_path):
    """The guide in kiosk mode with a clinic file; ``idle_minutes`` short enough for a test."""
    opened: list[Terminal] = []

    def open_terminal(idle_minutes: float = 60) -> Terminal:
        clinic = tmp_path / "clinic.yaml"
        clinic.write_text(f'name: Riverside Recovery Clinic\nphone: "555 0100"\nkiosk: true\nidle_minutes: {idle_minutes}\nstaff_code: "{STAFF_CODE}"\n', encoding="utf-8")
        home = tmp_path / "home"
        home.mkdir(exist_ok=True)
        opened.append(Terminal(home, "en_US.UTF-8", command_args=f"--clinic {clinic}", environment="RECOVERY_GUIDE_KIOSK_NOTICE_SECONDS=3"))
        return opened[-1]

    yield open_terminal
    for terminal in opened:
        terminal.close()


def test_q_does_nothing_on_a_shared_screen_and_the_staff_code_ends_it(kiosk_terminal):
    """Before kiosk mode, q ended the guide (nothing in the list: at once). Then staff leave with the
    code, after a wrong one (the same terminal; it was one of its own)."""
    terminal = kiosk_terminal()
    terminal.wait_for("I understand - start reading")
    terminal.send("Enter")
    terminal.wait_for("Step 2 of 14")
    terminal.send("q")
    terminal.send("C-c")
    terminal.send("C-q")
    terminal.send("n")  # keys are taken in order: step 3 shows only if the guide outlived q, Ctrl+C and Ctrl+Q
    shown = terminal.wait_for("Step 3 of 14")
    assert "Riverside Recovery Clinic" in shown, "the clinic's details are shown"
    assert "Start over" in shown and "Quit" not in shown
    terminal.send("C-x")
    terminal.wait_for("For staff")
    terminal.send("-l", "1234")
    terminal.send("Enter")
    terminal.wait_for("not the staff code")
    terminal.send("-l", STAFF_CODE)
    terminal.send("Enter")
    wait_until(lambda: terminal.program_pid(timeout=0) == 0, timeout=30, message="the right staff code did not end the guide")


def test_idle_notice_then_the_list_is_cleared(kiosk_terminal, tmp_path):
    question = load_guide("en").pages[1].questions[0].text
    terminal = kiosk_terminal(idle_minutes=0.15)  # 9 seconds: far more than a key takes here, even on a busy machine
    terminal.wait_for("I understand - start reading")
    terminal.send("Enter")
    terminal.wait_for("Step 2 of 14")
    terminal.send("s")
    terminal.wait_for_cursor_on("[+]")
    terminal.send("s")
    terminal.wait_for("[✓]")
    terminal.send("m")
    terminal.wait_for(question[:30])
    terminal.wait_for("Still reading? Press any key.")
    terminal.wait_for("I understand - start reading")
    terminal.send("Enter")
    terminal.wait_for("Step 2 of 14")
    terminal.send("m")
    shown = terminal.wait_for("Write a question")
    assert question[:30] not in shown
    assert [path for path in (tmp_path / "home").rglob("*")] == [], "nothing written in the reader's home"


def test_sigterm_still_ends_it_cleanly(kiosk_terminal):
    """The system must be able to stop a kiosk (``systemctl stop``): SIGTERM ends it and gives the terminal back."""
    import os
    import signal
    import subprocess

    terminal = kiosk_terminal()
    terminal.wait_for("I understand - start reading")
    shell = terminal._tmux("display-message", "-p", "-t", "guide", "#{pane_pid}").strip()
    children = subprocess.run(["ps", "-o", "pid=", "--ppid", shell], capture_output=True, text=True, check=True).stdout.split()
    assert len(children) == 1, children
    os.kill(int(children[0]), signal.SIGTERM)
    terminal.wait_until_gone("I understand - start reading")
    assert terminal._tmux("display-message", "-p", "-t", "guide", "#{alternate_on}").strip() == "0", "the alternate screen was left"
