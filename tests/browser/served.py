"""``recovery-guide serve`` as a real process, and the guide's terminal as a browser page draws it.

- ``Served``: the installed command on a free loopback port, in a home folder of its own, marked so
  every app process it starts can be found (and found gone) afterwards;
- ``open_guide``, ``screen``, ``wait_for_screen``, ``press``: a tab of the guide, read through the
  terminal's own buffer.

Reading the screen: textual-serve draws the terminal on a canvas (xterm.js), so the page's text is
empty, and its script keeps the terminal object inside a closure. ``CATCH_TERMINAL`` runs before that
script and catches the one object that gets a ``websocket_url`` (textual-serve's client, which holds
``terminal``); ``screen`` then reads xterm's own buffer, line by line, exactly the characters drawn.
If textual-serve ever renames that field the tests fail with "the page never drew the guide", never
pass by reading nothing.

Waiting: the page's Content-Security-Policy forbids ``eval``, which ``page.wait_for_function`` uses;
so waits poll ``page.evaluate`` (not subject to the policy) until a condition holds, with a deadline.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import uuid
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.helpers import COMMAND, wait_until

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    # Without these Chromium keeps trying to reach Google's servers, which floods a closed network.
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
VIEWPORT = {"width": 1280, "height": 800}
ARTIFACTS = Path(__file__).resolve().parents[1] / ".artifacts" / "browser"
"""Screenshots of the page for a person to look at (not committed: see .gitignore and the README)."""
MARKER = "RECOVERY_GUIDE_SERVE_TEST"
"""An environment variable only the server of one test and its app processes have."""

CATCH_TERMINAL = """
Object.defineProperty(Object.prototype, "websocket_url", {
  configurable: true,
  set(value) {
    Object.defineProperty(this, "websocket_url", {value, writable: true, configurable: true, enumerable: true});
    window.__guideClient = this;
  },
});
"""

READ_SCREEN = """() => {
  const client = window.__guideClient;
  if (!client || !client.terminal || !document.body.classList.contains("-first-byte")) return "";
  const terminal = client.terminal, buffer = terminal.buffer.active, lines = [];
  for (let row = 0; row < terminal.rows; row++) {
    const line = buffer.getLine(buffer.viewportY + row);
    lines.push(line ? line.translateToString(true) : "");
  }
  return lines.join("\\n");
}"""


def chromium_path() -> str:
    """Debian's Chromium; missing, the browser tests fail (CI installs it) rather than skip."""
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: install it with `apt-get install chromium` (.ci/run does), or leave these tests out with -m 'not browser'")
    return str(CHROMIUM)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclass
class Stopped:
    returncode: int
    stdout: str
    stderr: str


class Served:
    """``recovery-guide serve ARGS --port N`` started in ``home`` (its HOME and data folders)."""

    def __init__(self, home: Path, *args: str) -> None:
        assert COMMAND.exists(), f"the console script is not installed at {COMMAND}"
        self.home = home
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.marker = uuid.uuid4().hex
        environment = {key: value for key, value in os.environ.items() if not key.startswith(("LC_", "XDG_", "RECOVERY_GUIDE_")) and key not in ("LANGUAGE",)}
        environment.update({"HOME": str(home), "LANG": "C.UTF-8", MARKER: self.marker})
        self.process = subprocess.Popen(
            [str(COMMAND), "serve", "--port", str(self.port), *args],
            cwd=home,
            env=environment,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        wait_until(self._listening, timeout=60, message=lambda: f"serve never listened on {self.url}: {self.stop().stderr}")

    def _listening(self) -> bool:
        if self.process.poll() is not None:
            raise AssertionError(f"serve exited with {self.process.returncode}: {self.process.stderr.read()}")
        with socket.socket() as probe:
            return probe.connect_ex(("127.0.0.1", self.port)) == 0

    def app_processes(self) -> list[int]:
        """The guide's app processes this server started (not the server itself), still running."""
        found = []
        for entry in Path("/proc").iterdir():
            if not entry.name.isdigit() or int(entry.name) == self.process.pid:
                continue
            try:
                environ = (entry / "environ").read_bytes()
            except OSError:
                continue
            if f"{MARKER}={self.marker}".encode() in environ.split(b"\0"):
                found.append(int(entry.name))
        return found

    def stop(self) -> Stopped:
        """Ctrl+C, as an operator stops it; its exit status and everything it printed."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
        try:
            stdout, stderr = self.process.communicate(timeout=60)
        except subprocess.TimeoutExpired:
            self.process.kill()
            stdout, stderr = self.process.communicate()
        return Stopped(self.process.returncode, stdout, stderr)


def open_guide(context, url: str):
    """A new tab of the guide, once its welcome screen is drawn, with the terminal focused (keys
    reach the app only then)."""
    page = context.new_page()
    page.add_init_script(CATCH_TERMINAL)
    page.goto(url)
    wait_for_screen(page, "The US drug agency (the FDA) has not approved ketamine")  # the main message, first line at any width
    page.locator(".xterm-helper-textarea").focus()
    return page


def screen(page) -> str:
    """The characters the terminal shows now, one line per row ("" until the guide has drawn)."""
    return page.evaluate(READ_SCREEN)


def wait_for_screen(page, *texts: str, timeout: float = 60.0) -> str:
    """Wait until every one of ``texts`` is on the screen; return the screen."""

    def drawn() -> str:
        shown = screen(page)
        return shown if all(text in shown for text in texts) else ""

    return wait_until(drawn, timeout=timeout, message=lambda: f"the page never drew {texts!r}; it showed:\n{screen(page) or '(nothing: the page never drew the guide)'}")


def press(page, *keys: str) -> None:
    for key in keys:
        page.keyboard.press(key)
