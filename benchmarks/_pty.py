"""Parent side: run a child process in a real pseudo-terminal, the way a reader's terminal runs it.

The child gets a pty of a fixed size as stdin, stdout and stderr (Textual draws on stderr), a pipe
for its JSON reports (``BENCH_FD``), and a clean environment. The parent drains the terminal output
in a thread (as a terminal would), and collects the child's resource usage with ``os.wait4``.
"""

from __future__ import annotations

import atexit
import fcntl
import json
import os
import pty
import select
import struct
import subprocess
import tempfile
import termios
import threading
import time
from dataclasses import dataclass, field

COLUMNS, ROWS = 100, 30
"""The terminal size for every run: wide enough that the reading screen shows its contents list."""

_DATA_HOME = tempfile.mkdtemp(prefix="recovery-guide-bench-")
_children: list[subprocess.Popen] = []


@atexit.register
def _kill_leftovers() -> None:
    """A child left running by an error would skew every later measurement: stop it (by its own pid)."""
    for process in _children:
        if process.returncode is None:
            try:
                process.kill()
            except ProcessLookupError:
                pass


def child_environment(**extra: str) -> dict[str, str]:
    """A reader's environment: English, a colour terminal, no saved data, no clinic, no debug switches.

    ``PYTHONDONTWRITEBYTECODE`` is dropped so that, as after ``pip install``, modules load from
    cached bytecode (the warm-up run writes it for the source checkout).
    """
    drop = ("PYTHONDONTWRITEBYTECODE", "LANGUAGE", "LC_ALL", "LC_MESSAGES", "NO_COLOR", "RECOVERY_GUIDE_CLINIC", "PYTHONPROFILEIMPORTTIME")
    env = {key: value for key, value in os.environ.items() if key not in drop and not key.startswith("TEXTUAL")}
    env.update(TERM="xterm-256color", COLORTERM="truecolor", LANG="C.UTF-8", XDG_DATA_HOME=_DATA_HOME)
    env.update(extra)
    return env


@dataclass
class Child:
    process: subprocess.Popen
    master: int
    reports: int
    started: float
    output: bytearray = field(default_factory=bytearray)
    _buffer: bytes = b""

    def send(self, data: bytes) -> None:
        os.write(self.master, data)

    def next_report(self, timeout: float = 30.0) -> dict:
        """The next JSON line the child reported; raises if it does not come in time."""
        deadline = time.monotonic() + timeout
        while b"\n" not in self._buffer:
            left = deadline - time.monotonic()
            ready, _, _ = select.select([self.reports], [], [], max(left, 0))
            if not ready:
                raise TimeoutError(f"no report from the child within {timeout} s; screen output ends with:\n{self.tail()}")
            chunk = os.read(self.reports, 65536)
            if not chunk:
                raise RuntimeError(f"the child closed its report pipe; screen output ends with:\n{self.tail()}")
            self._buffer += chunk
        line, self._buffer = self._buffer.split(b"\n", 1)
        return json.loads(line)

    def tail(self) -> str:
        return bytes(self.output[-2000:]).decode("utf-8", "replace")

    def wait(self, timeout: float = 30.0) -> tuple[int, int]:
        """Wait for the child to exit: (exit status, peak resident memory in KiB from wait4)."""
        deadline = time.monotonic() + timeout
        while True:
            pid, status, usage = os.wait4(self.process.pid, os.WNOHANG)
            if pid:
                self.process.returncode = os.waitstatus_to_exitcode(status)
                break
            if time.monotonic() > deadline:
                self.process.kill()
                pid, status, usage = os.wait4(self.process.pid, 0)
                self.process.returncode = os.waitstatus_to_exitcode(status)
                raise TimeoutError(f"child did not exit within {timeout} s; screen output ends with:\n{self.tail()}")
            time.sleep(0.005)
        os.close(self.reports)
        return self.process.returncode, usage.ru_maxrss


def spawn(argv: list[str], env: dict[str, str] | None = None) -> Child:
    """Start ``argv`` in a fresh pty; ``Child.started`` is the monotonic time just before the fork."""
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLUMNS, 0, 0))
    read_end, write_end = os.pipe()
    env = dict(env or child_environment())
    env["BENCH_FD"] = str(write_end)
    started = time.monotonic()
    process = subprocess.Popen(
        argv, stdin=slave, stdout=slave, stderr=slave, env=env, pass_fds=(write_end,), start_new_session=True, close_fds=True
    )
    _children.append(process)
    os.close(slave)
    os.close(write_end)
    child = Child(process, master, read_end, started)
    threading.Thread(target=_drain, args=(child,), daemon=True).start()
    return child


def _drain(child: Child) -> None:
    """Read everything the child draws, as a terminal would, until the pty closes."""
    while True:
        try:
            chunk = os.read(child.master, 65536)
        except OSError:  # EIO once the child has gone
            break
        if not chunk:
            break
        child.output += chunk
    os.close(child.master)

