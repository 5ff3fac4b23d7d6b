"""Drive the installed command in a real terminal: tmux send-keys in, capture-pane out."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

COMMAND = Path(sys.executable).with_name("recovery-guide")
needs_tmux = pytest.mark.skipif(shutil.which("tmux") is None and not os.environ.get("CI"), reason="tmux is not installed")


class Terminal:
    """One tmux session running ``recovery-guide`` from an unrelated folder with a clean HOME."""

    def __init__(self, home: Path, lang: str, size: tuple[int, int] = (100, 30), command_args: str = "", environment: str = "") -> None:
        assert COMMAND.exists(), f"the console script is not installed at {COMMAND}"
        self.session = f"recovery-guide-test-{os.getpid()}-{time.monotonic_ns()}"
        environment = f"env -u LC_ALL -u LANGUAGE -u LC_MESSAGES LANG={lang} TERM=xterm-256color HOME={home} {environment}"
        width, height = size
        self._tmux("new-session", "-d", "-s", self.session, "-x", str(width), "-y", str(height), "-c", str(home), f"{environment} {COMMAND} {command_args}; sleep 5")

    def _tmux(self, *args: str) -> str:
        return subprocess.run(["tmux", *args], check=True, capture_output=True, text=True, timeout=20).stdout

    def send(self, *keys: str) -> None:
        self._tmux("send-keys", "-t", self.session, *keys)

    def screen(self, scrollback: bool = False) -> str:
        """What the terminal shows; with ``scrollback``, every line printed so far (line-by-line programs)."""
        return self._tmux("capture-pane", "-p", "-t", self.session, *(["-S", "-"] if scrollback else []))

    def wait_for(self, text: str, timeout: float = 15.0, scrollback: bool = False) -> str:
        deadline = time.monotonic() + timeout
        shown = ""
        while time.monotonic() < deadline:
            shown = self.screen(scrollback)
            if text in shown:
                return shown
            time.sleep(0.2)
        raise AssertionError(f"{text!r} never appeared; the screen showed:\n{shown}")

    def wait_until_gone(self, text: str, timeout: float = 10.0) -> None:
        deadline = time.monotonic() + timeout
        while text in self.screen() and time.monotonic() < deadline:
            time.sleep(0.2)
        assert text not in self.screen()

    def close(self) -> None:
        subprocess.run(["tmux", "kill-session", "-t", self.session], capture_output=True)
