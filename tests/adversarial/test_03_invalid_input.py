"""Item 3: a byte that is not UTF-8, typed or piped, never ends the app.

A terminal set to Latin-1 sends "é" as the one byte 0xE9. Textual's driver decoded keys strictly
and its input thread died (``UnicodeDecodeError``), ending the app with exit code 0; the read mode
died the same way on ``readline``. Both now decode with replacement: the byte reads as U+FFFD.
"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from tests.helpers import Terminal, needs_tmux, wait_until

INVALID = [b"\xe9", b"\xff\xfe", b"\xc3", b"\xed\xa0\x80"]


@needs_tmux
@pytest.mark.slow
@pytest.mark.terminal
def test_a_latin1_byte_typed_in_the_full_screen_app_leaves_it_running(tmp_path):
    terminal = Terminal(tmp_path, "en_US.UTF-8")
    try:
        terminal.wait_for("I understand - start reading")
        terminal.send("Enter")
        terminal.wait_for("Step 2 of 14")
        terminal._tmux("send-keys", "-t", "guide", "-H", "e9")  # one raw byte, as a Latin-1 terminal sends "é"
        terminal._tmux("send-keys", "-t", "guide", "-H", "ff", "c3")
        terminal.send("/")  # the search dialog: typing still reaches the app
        terminal.wait_for("Search the guide")
        terminal._tmux("send-keys", "-t", "guide", "-H", "e9")
        terminal.send("Escape")
        terminal.wait_until_gone("Search the guide")
        terminal.send("n")
        shown = terminal.wait_for("Step 3 of 14")
        assert "Traceback" not in shown and "UnicodeDecodeError" not in shown
    finally:
        terminal.close()


def _read(script: bytes, home) -> subprocess.CompletedProcess:
    environment = {**os.environ, "LANG": "C.UTF-8", "XDG_DATA_HOME": str(home / "data")}
    environment.pop("LC_ALL", None)
    return subprocess.run([sys.executable, "-m", "recovery_guide", "read"], input=script, capture_output=True, env=environment, timeout=60)


@pytest.mark.slow
@pytest.mark.parametrize("raw", INVALID)
def test_invalid_bytes_in_read_mode_are_replaced_and_a_handout_still_saves(tmp_path, raw):
    target = tmp_path / "handout.txt"
    lines = [b"1" + raw, b"1", b"5", b"1", b"2", b"2", b"My " + raw + b" own words", b"6", b"1", str(target).encode(), b"0", b"0"]
    result = _read(b"\n".join(lines) + b"\n", tmp_path)
    assert result.returncode == 0, result.stderr.decode(errors="replace")
    assert b"Traceback" not in result.stderr
    assert b"Please type one of the numbers shown" in result.stdout, "the byte was read as a wrong answer, not a crash"
    text = wait_until(lambda: target.exists() and target.read_text(encoding="utf-8"))
    assert "My \ufffd" in text and "own words" in text
