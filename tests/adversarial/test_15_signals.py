"""Issue 15, item 15: SIGTERM and SIGHUP end the full-screen app the way ``q`` does, and the
terminal is given back: alternate screen left, mouse tracking off, cursor shown. Read from tmux's own
view of the pane (``display -p``), after the program has exited."""

from __future__ import annotations

import os
import signal
import subprocess

import pytest

from recovery_guide.tui.app import END_AFTER_SIGNAL
from tests.helpers import Terminal, needs_tmux, wait_for_process_end

STATE = "#{alternate_on} #{mouse_any_flag} #{mouse_button_flag} #{mouse_standard_flag} #{cursor_flag}"
"""In the alternate screen; any, button or standard mouse tracking on; cursor shown."""


@pytest.mark.slow
@needs_tmux
@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP], ids=["SIGTERM", "SIGHUP"])
def test_a_signal_gives_the_terminal_back(tmp_path, signum):
    terminal = Terminal(tmp_path, "C.UTF-8", size=(100, 30), command_args="; echo exit=$?")
    try:
        terminal.wait_for("I understand")
        state = lambda: terminal._tmux("display-message", "-p", "-t", "guide", STATE).split()  # noqa: E731
        assert state()[0] == "1", "the app draws in the alternate screen"
        os.kill(terminal.program_pid(), signum)
        shown = terminal.wait_for("exit=")
        assert f"exit={128 + signum}" in shown, shown
        assert "Traceback" not in terminal.screen(scrollback=True)
        assert state() == ["0", "0", "0", "0", "1"], state()
    finally:
        terminal.close()


@pytest.mark.slow
@needs_tmux
@pytest.mark.parametrize("moment", ["reading", "quitting"])
def test_closing_the_terminal_ends_the_app(tmp_path, moment):
    """A reader's terminal closing (here: its tmux server killed, which hangs up the pane) ends the
    app, whatever it was doing; it used to stay behind with its terminal deleted, one reading
    end-of-file in a loop at full speed, another stuck with its writer's queue full."""
    terminal = Terminal(tmp_path, "C.UTF-8")
    try:
        terminal.wait_for("I understand")
        terminal.send("Enter")
        terminal.wait_for("Step 2 of 14")
        terminal.send("/")
        terminal.wait_for("Search the guide")
        program = terminal.program_pid()
        if moment == "quitting":
            terminal.send("Escape", "q")  # the terminal goes while the app is giving it back
    finally:
        subprocess.run(["tmux", "-L", terminal.socket, "kill-server"], capture_output=True, timeout=20)
        terminal.socket_path.unlink(missing_ok=True)
    wait_for_process_end(program, timeout=END_AFTER_SIGNAL + 15)
