"""The declared import rules (``[tool.importlinter]`` in pyproject.toml) hold.

They keep the content package below everything that uses it and free of Textual, and its stages in
one direction, so an import inside a function can no longer hide a cycle.
"""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def test_the_import_contracts_are_kept(monkeypatch, tmp_path):
    cli = pytest.importorskip("importlinter.cli", reason="pip install import-linter")
    monkeypatch.chdir(ROOT)
    assert cli.lint_imports(config_filename=str(ROOT / "pyproject.toml"), no_cache=True, no_logo=True) == 0
