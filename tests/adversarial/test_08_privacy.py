"""Item 8: what the guide writes stays private, and Forget everything leaves nothing behind.

Handouts and ``print --output`` hold health questions: a new file is 0600 (stricter if the umask
says so), and an existing file keeps the mode its owner gave it. Before the fix every one was 0644.
A save killed mid-write left ``.saved.json.*.tmp`` holding the newest questions, which Forget
everything did not remove, and after a damaged ``saved.json`` folder was set aside, Forget
everything failed with "Is a directory".
"""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from recovery_guide.session import Session
from recovery_guide.storage import FILE_NAME, Store
from tests.helpers import run


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def print_to(path: Path, umask: int = 0o022) -> subprocess.CompletedProcess:
    return run("print", "--output", str(path), preexec_fn=lambda: os.umask(umask))


def test_print_output_is_private_and_a_stricter_umask_is_honoured(tmp_path):
    assert print_to(tmp_path / "guide.txt").returncode == 0
    assert mode(tmp_path / "guide.txt") == 0o600, "a new file is readable by its owner only"
    assert print_to(tmp_path / "strict.txt", umask=0o277).returncode == 0
    assert mode(tmp_path / "strict.txt") == 0o400, "a stricter umask narrows it further"


def test_print_output_keeps_an_existing_files_mode(tmp_path):
    for kept in (0o600, 0o640):
        target = tmp_path / f"guide-{kept:o}.txt"
        target.write_text("old\n", encoding="utf-8")
        target.chmod(kept)
        assert print_to(target).returncode == 0
        assert mode(target) == kept
        assert target.read_text(encoding="utf-8") != "old\n"


def test_a_handout_is_private(guide, tmp_path):
    session = Session(guide, store=Store(tmp_path / "data"))
    session.add_own("Can I keep taking my other medicine?")
    assert session.write_handout(tmp_path / "questions.html", "html") is None
    assert mode(tmp_path / "questions.html") == 0o600


KILLED_SAVE = r"""
import os, signal, sys
from recovery_guide.guide_content.folder import load_guide
from recovery_guide.session import Session
from recovery_guide.storage import Store

session = Session(load_guide("en"), store=Store(sys.argv[1]))
session.set_saving(True)
os.replace = lambda *args: os.kill(os.getpid(), signal.SIGKILL)  # killed after writing, before the rename
session.add_own("My newest question")
"""


@pytest.mark.slow
def test_a_save_killed_mid_write_leaves_no_copy_after_the_next_start(guide, tmp_path):
    data = tmp_path / "data"
    result = subprocess.run([sys.executable, "-c", KILLED_SAVE, str(data)], capture_output=True, text=True, timeout=60)
    assert result.returncode == -signal.SIGKILL, result.stderr
    strays = [path for path in data.iterdir() if path.name.startswith(f".{FILE_NAME}.")]
    assert strays and "My newest question" in strays[0].read_text(encoding="utf-8"), "the kill left the newest questions in a temporary file"
    session = Session(guide, store=Store(data))  # the next start
    assert session.saving
    assert sorted(path.name for path in data.iterdir()) == [FILE_NAME], "the stray temporary file is gone"


def test_forget_everything_removes_strays_and_set_aside_files_and_folders(guide, tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    (data / FILE_NAME).mkdir()  # a damaged saved file that is a folder, with something in it
    (data / FILE_NAME / "inside.txt").write_text("x", encoding="utf-8")
    session = Session(guide, store=Store(data))
    assert "could not be used" in session.startup_notice  # set aside as saved.json.unreadable-...
    assert session.set_saving(True) is None
    session.add_own("A question I want gone")
    (data / f".{FILE_NAME}.abc123.tmp").write_text('{"entries": "left by a kill"}', encoding="utf-8")
    (data / f"{FILE_NAME}.newer-20260101-000000").write_text("{}", encoding="utf-8")
    (data / "not-ours.txt").write_text("someone else's file", encoding="utf-8")
    assert session.forget_everything() is None
    assert sorted(path.name for path in data.iterdir()) == ["not-ours.txt"], "every file the guide wrote is gone, nothing else"
    (data / "not-ours.txt").unlink()
    assert Session(guide, store=Store(data)).forget_everything() is None
    assert not data.exists(), "an empty data folder is removed too"


def test_forget_everything_in_one_window_is_not_undone_by_another(guide, tmp_path):
    """A reader erases their health questions in one window; the other window's next page turn must
    not write them back (it once did: a missing file read as "nothing saved yet")."""
    from recovery_guide.session import Session
    from recovery_guide.storage import Store

    a = Session(guide, store=Store(tmp_path))
    a.set_saving(True)
    a.add_own("Is it safe with my heart?")
    b = Session(guide, store=Store(tmp_path))
    assert b.saving and [entry.text for entry in b.my_questions.entries] == ["Is it safe with my heart?"]
    assert b.forget_everything() is None
    problem = a.visit(guide.pages[2].id)
    assert problem and "erased" in problem, problem
    assert not (tmp_path / "saved.json").exists(), "the erased questions were written back"
    assert not a.saving, "saving is off in the other window too"
    assert [entry.text for entry in a.my_questions.entries] == ["Is it safe with my heart?"], "still on screen"
    a.add_own("How long is a session?")
    assert not (tmp_path / "saved.json").exists()
