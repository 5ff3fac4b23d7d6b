"""Item 7: every read is bounded, whatever ``stat`` says, and never waits on a pipe.

A device reports size 0, so a size check passed ``/dev/zero`` and the read grew until the process was
killed; a named pipe (FIFO) with no writer blocked for ever. Now content files, the clinic file and
the saved file are opened without blocking, refused unless they are regular files, and read only up
to their limit. The processes here run under a memory limit and a deadline, so the code before the
fix fails these tests instead of filling the machine or hanging.
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
from pathlib import Path

import pytest

from recovery_guide.guide_content.yaml_source import MAX_FILE_BYTES, ContentError, read_yaml

MEMORY = 1 << 30
"""The address space a command may use here (1 GB): enough for the guide, not for reading /dev/zero."""


def _limited() -> None:  # pragma: no cover - runs in the child before exec
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))


def guide_command(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """``recovery-guide ARGS`` with stdin closed to input, a memory limit and a 30-second deadline."""
    environment = {**os.environ, "LANG": "C.UTF-8", **(env or {})}
    try:
        return subprocess.run(
            [sys.executable, "-m", "recovery_guide", *args],
            stdin=subprocess.DEVNULL, capture_output=True, text=True, env=environment, timeout=30, preexec_fn=_limited,
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"recovery-guide {' '.join(args)} hung (a read that never ends)")


def specials(tmp_path: Path) -> dict[str, Path]:
    """A named pipe with no writer, and a link to /dev/zero (endless, size 0)."""
    pipe = tmp_path / "a-pipe"
    os.mkfifo(pipe)
    zero = tmp_path / "a-zero"
    zero.symlink_to("/dev/zero")
    return {"pipe": pipe, "zero": zero}


@pytest.mark.slow
@pytest.mark.parametrize("kind", ["pipe", "zero"])
def test_a_content_file_that_is_a_pipe_or_a_device_is_refused_in_one_line(content_copy, tmp_path, kind):
    special = specials(tmp_path)[kind]
    screen = sorted((content_copy / "en" / "screens").glob("*.yaml"))[0]
    screen.unlink()
    screen.symlink_to(special)
    result = guide_command("print", "--content", str(content_copy))
    assert result.returncode == 2, result.stderr[-500:]
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr, result.stderr[-500:]
    assert f"{screen}:1: (file): cannot read file: it is a folder, a device or a pipe, not a regular file" in result.stderr


@pytest.mark.slow
@pytest.mark.parametrize("kind", ["pipe", "zero"])
def test_a_clinic_file_that_is_a_pipe_or_a_device_is_refused_in_one_line(tmp_path, kind):
    special = specials(tmp_path)[kind]
    result = guide_command("print", "--clinic", str(special))
    assert result.returncode == 2, result.stderr[-500:]
    assert result.stderr.count("\n") == 1 and "not a regular file" in result.stderr, result.stderr[-500:]


@pytest.mark.slow
@pytest.mark.parametrize("kind", ["pipe", "zero"])
def test_a_saved_file_that_is_a_pipe_or_a_device_is_set_aside_and_the_guide_starts(tmp_path, kind):
    data = tmp_path / "data"
    (data / "recovery-guide").mkdir(parents=True)
    saved = data / "recovery-guide" / "saved.json"
    special = specials(tmp_path)[kind]
    if kind == "pipe":
        os.mkfifo(saved)
    else:
        saved.symlink_to(special)
    result = guide_command("read", env={"XDG_DATA_HOME": str(data)})
    assert result.returncode == 0, result.stderr[-500:]
    assert "Your saved questions could not be used (it is a folder, a device or a pipe" in " ".join(result.stdout.split())
    assert not os.path.lexists(saved), "set aside, so the next start is clean"
    assert os.path.exists("/dev/zero") and os.stat("/dev/zero").st_size == 0


def test_a_read_stops_at_the_limit_whatever_stat_says(tmp_path, monkeypatch):
    """A regular file that grows after ``stat`` (or a file system that reports a size wrongly) is still
    read only one byte past the limit."""
    from recovery_guide.safe_files import TooLarge, read_limited

    big = tmp_path / "big.yaml"
    big.write_bytes(b"a: b\n" + b"#" * (MAX_FILE_BYTES + 10))
    real_fstat = os.fstat

    class SaysEmpty:
        def __init__(self, result):
            self.result = result

        def __getattr__(self, name):
            return 0 if name == "st_size" else getattr(self.result, name)

    monkeypatch.setattr(os, "fstat", lambda fd: SaysEmpty(real_fstat(fd)))
    reads = []
    real_read = os.read
    monkeypatch.setattr(os, "read", lambda fd, n: reads.append(n) or real_read(fd, n))
    with pytest.raises(TooLarge):
        read_limited(big, MAX_FILE_BYTES)
    assert sum(reads) <= MAX_FILE_BYTES + 1
    with pytest.raises(ContentError, match="file is too large"):
        read_yaml(big)
