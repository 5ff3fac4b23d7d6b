"""Item 6: writing a file respects what is there.

A symbolic link is written through (the link stays, its target gets the text); a named pipe, a
device or a folder is refused with a one-line message and left exactly as it was. Before the fix the
atomic rename replaced the link, turned a pipe into a plain file, and (as root) turned a device node
into a regular file. Device nodes here are made in a scratch folder, never the system's own.
"""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

import pytest

from recovery_guide.session import Session
from recovery_guide.storage import Store
from tests.helpers import run


def test_print_output_onto_a_symlink_writes_through_and_keeps_the_link(tmp_path):
    target = tmp_path / "real.txt"
    target.write_text("old\n", encoding="utf-8")
    link = tmp_path / "link.txt"
    link.symlink_to(target)
    result = run("print", "--output", str(link))
    assert result.returncode == 0, result.stderr
    assert link.is_symlink(), "the link was replaced by a file"
    assert "ketamine" in target.read_text(encoding="utf-8").lower()


def test_a_handout_onto_a_symlink_writes_through_and_keeps_the_link(guide, tmp_path):
    target = tmp_path / "kept" / "questions.txt"
    target.parent.mkdir()
    link = tmp_path / "questions.txt"
    link.symlink_to(target)  # a link to a file that is not there yet
    session = Session(guide, store=Store(tmp_path / "data"))
    session.add_own("What if I feel unwell after a session?")
    assert session.write_handout(link, "text") is None
    assert link.is_symlink()
    assert "What if I feel unwell after a session?" in target.read_text(encoding="utf-8")


def _special_files(tmp_path: Path) -> dict[str, Path]:
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    folder = tmp_path / "folder"
    folder.mkdir()
    found = {"a named pipe": pipe, "a folder": folder}
    if os.geteuid() == 0:  # only root may make a device node: a copy of /dev/null, in the scratch folder
        device = tmp_path / "null"
        os.mknod(device, stat.S_IFCHR | 0o666, os.makedev(1, 3))
        found["a device"] = device
    return found


def _kind(path: Path) -> int:
    return stat.S_IFMT(os.lstat(path).st_mode)


@pytest.mark.slow  # three real print commands: about 2.7 s
def test_print_output_refuses_a_pipe_a_device_and_a_folder_and_leaves_them(tmp_path):
    for name, path in _special_files(tmp_path).items():
        before = _kind(path)
        result = run("print", "--output", str(path))
        assert result.returncode == 2, name
        assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr, result.stderr
        assert "not a regular file" in result.stderr, (name, result.stderr)
        assert _kind(path) == before, f"{name} was replaced"
    assert not [item for item in tmp_path.iterdir() if item.name.endswith(".tmp")], "no temporary file left"


def test_a_handout_onto_a_pipe_or_device_is_refused_with_a_message(guide, tmp_path):
    session = Session(guide, store=Store(tmp_path / "data"))
    session.add_own("Who do I call at night?")
    for name, path in _special_files(tmp_path).items():
        if name == "a folder":
            continue  # a folder named in the handout dialog gets the default file name (handout_paths)
        before = _kind(path)
        problem = session.write_handout(path, "html")
        assert problem and "not a regular file" in problem, name
        assert _kind(path) == before, f"{name} was replaced"


@pytest.mark.skipif(not hasattr(os, "fork") or os.geteuid() != 0, reason="needs root to become another user")
def test_dev_null_as_an_ordinary_user_is_refused_and_never_replaced():
    """The real /dev/null, written by a user who is not root: refused, and still the device."""
    from recovery_guide.safe_files import NotARegularFile, write_private

    child = os.fork()
    if child == 0:  # pragma: no cover - the child reports by its exit status only
        code = 3
        try:
            os.setgid(54321)
            os.setuid(54321)
            write_private(Path("/dev/null"), "my questions\n")
            code = 1
        except NotARegularFile:
            code = 0
        except BaseException:
            code = 2
        finally:
            os._exit(code)
    _pid, status = os.waitpid(child, 0)
    assert os.waitstatus_to_exitcode(status) == 0, "writing /dev/null was not refused as not a regular file"
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)
