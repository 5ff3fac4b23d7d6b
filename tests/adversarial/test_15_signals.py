"""Issue 15, item 15: SIGTERM and SIGHUP end the full-screen app the way ``q`` does, and the
terminal is given back: alternate screen left, mouse tracking off, cursor shown. Read from tmux's own
view of the pane (``display -p``), after the program has exited."""

from __future__ import annotations

import os
import signal
import subprocess

import pytest

from tests.helpers import Terminal, needs_tmux, wait_until

STATE = "#{alternate_on} #{mouse_any_flag} #{mouse_button_flag} #{mouse_standard_flag} #{cursor_flag}"
"""In the alternate screen; any, button or standard mouse tracking on; cursor shown."""


def program_pid(terminal: Terminal) -> int:
    """The guide's process: the child of the pane's shell (the shell then runs ``sleep``)."""
    shell = terminal._tmux("display-message", "-p", "-t", "guide", "#{pane_pid}").strip()

    def child() -> int:
        found = subprocess.run(["ps", "-ww", "-o", "pid=,args=", "--ppid", shell], capture_output=True, text=True).stdout
        return next((int(line.split()[0]) for line in found.splitlines() if "recovery-guide" in line or "recovery_guide" in line), 0)

    return wait_until(child, timeout=30, message="the guide's process was not found")


@pytest.mark.slow
@needs_tmux
@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP], ids=["SIGTERM", "SIGHUP"])
def test_a_signal_gives_the_terminal_back(tmp_path, signum):
    terminal = Terminal(tmp_path, "C.UTF-8", size=(100, 30), command_args="; echo exit=$?")
    try:
        terminal.wait_for("I understand")
        state = lambda: terminal._tmux("display-message", "-p", "-t", "guide", STATE).split()  # noqa: E731
        assert state()[0] == "1", "the app draws in the alternate screen"
        os.kill(program_pid(terminal), signum)
        shown = terminal.wait_for("exit=")
        assert f"exit={128 + signum}" in shown, shown
        assert "Traceback" not in terminal.screen(scrollback=True)
        assert state() == ["0", "0", "0", "0", "1"], state()
    finally:
        terminal.close()
