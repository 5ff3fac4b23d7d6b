"""Where the guide's data lives.

An installed wheel carries ``content/`` and ``locales/`` inside the package. A source checkout (or an
editable install) keeps them at the repository root, so look there second. Nothing here imports more
than pathlib: every command needs these paths.
"""

from __future__ import annotations

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
_REPO_ROOT = PACKAGE_DIR.parents[1]


def _data_dir(name: str) -> Path:
    packaged = PACKAGE_DIR / name
    if packaged.is_dir():
        return packaged
    return _REPO_ROOT / name


def content_dir() -> Path:
    """The folder holding one content sub-folder per language."""
    return _data_dir("content")


def locales_dir() -> Path:
    """The folder holding the gettext catalogs for UI strings."""
    return _data_dir("locales")
