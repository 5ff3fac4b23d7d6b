"""Issue 15, item 12: closed or full standard streams end with one line on standard error and a
non-zero exit, never a traceback; Ctrl+C in read mode exits 130 after a newline."""

from __future__ import annotations

import os
import shlex
import signal
import subprocess
import sys
import threading

import pytest

from tests.helpers import wait_until

COMMAND = f"{shlex.quote(sys.executable)} -m recovery_guide"


def shell(redirected: str) -> subprocess.CompletedProcess:
    """The command run by a shell with ``redirected`` (e.g. ``print >&-``), as a reader would type it."""
    env = {**os.environ, "LANG": "C.UTF-8"}
    return subprocess.run(["sh", "-c", f"{COMMAND} {redirected}"], capture_output=True, text=True, env=env, timeout=60)


STREAMS = [
    ("print >&-", "standard output is closed"),
    ("print >/dev/full", "No space left on device"),
    ("print --format html >/dev/full", "No space left on device"),
    ("read >&-", "standard output is closed"),
    ("read </dev/null >/dev/full", "No space left on device"),
    ("read <&-", "standard input is closed"),
    ("languages >/dev/full", "No space left on device"),
    ("languages >&-", "standard output is closed"),
    ("check >/dev/full", "No space left on device"),
    ("translations export --lang es >&-", "standard output is closed"),
    ("translations export --lang es >/dev/full", "No space left on device"),
    ("translations status >/dev/full", "No space left on device"),
]
QUICK = {"print >&-", "print >/dev/full", "read <&-"}
"""A closed output, a full output and a closed input stay in the quick loop; each other command and
stream is a fresh process of its own (about half a second of CPU each), in the full suite."""


@pytest.mark.parametrize(
    ("redirected", "says"),
    [pytest.param(redirected, says, marks=() if redirected in QUICK else pytest.mark.slow) for redirected, says in STREAMS],
)
@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
def test_a_closed_or_full_stream_is_one_line_and_a_failure(redirected, says):
    result = shell(redirected)
    assert result.returncode not in (0, 130), (result.returncode, result.stderr)
    assert "Traceback" not in result.stderr and "Exception ignored" not in result.stderr, result.stderr
    assert result.stderr.count("\n") == 1 and says in result.stderr, result.stderr


def test_print_to_a_file_with_standard_output_closed_succeeds(tmp_path):
    """``--output`` writes a file; a closed standard output it never used is no failure."""
    result = shell(f"print --output {shlex.quote(str(tmp_path / 'guide.txt'))} >&-")
    assert result.returncode == 0 and result.stderr == "", result.stderr
    assert (tmp_path / "guide.txt").read_text(encoding="utf-8").startswith("Recovery Guide")


@pytest.mark.slow
def test_ctrl_c_in_read_mode_exits_130_after_a_newline():
    env = {**os.environ, "LANG": "C.UTF-8"}
    process = subprocess.Popen([sys.executable, "-m", "recovery_guide", "read"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    out = bytearray()

    def collect() -> None:
        while chunk := process.stdout.read1(4096):
            out.extend(chunk)

    reader = threading.Thread(target=collect, daemon=True)
    reader.start()
    try:
        wait_until(lambda: out.rstrip().endswith(b"press Enter:"), timeout=60, message=lambda: out.decode())
        process.send_signal(signal.SIGINT)
        assert process.wait(timeout=30) == 130
        reader.join(timeout=10)
        stderr = process.stderr.read().decode()
    finally:
        process.kill()
        process.wait()
    assert "Traceback" not in stderr, stderr
    assert out.endswith(b"press Enter: \n"), bytes(out[-80:])
