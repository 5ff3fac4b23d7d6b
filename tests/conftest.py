"""Shared fixtures: the packaged guide, a scratch copy of the content, and a clean language state;
and ``python_prints``, for what a fresh interpreter has imported."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from recovery_guide import i18n
from recovery_guide.guide_content.folder import load_guide
from recovery_guide.paths import content_dir


@pytest.fixture(autouse=True)
def english_ui(monkeypatch, tmp_path_factory):
    """Tests see the guide in English with no region, whatever the machine's locale says.

    Saved data goes to a fresh temporary folder, never the real user's, and no clinic file applies.
    """
    for variable in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG", "RECOVERY_GUIDE_CLINIC"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path_factory.mktemp("data")))
    i18n.set_language("en")
    yield
    i18n.set_language("en")


@pytest.fixture(scope="session")
def guide():
    return load_guide("en")


@pytest.fixture
def content_copy(tmp_path: Path) -> Path:
    """A writable copy of the packaged content, for tests that break it on purpose."""
    target = tmp_path / "content"
    shutil.copytree(content_dir(), target)
    return target


def python_prints(code: str, timeout: int = 120) -> str:
    """Run ``code`` in a fresh interpreter (so nothing this test process imported counts); its last line printed."""
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=timeout)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip().splitlines()[-1]
