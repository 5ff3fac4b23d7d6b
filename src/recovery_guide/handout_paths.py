"""Where a handout is offered to be saved: the reader's Documents folder, else their home folder, else
(with no home folder at all) the folder the guide was started in."""

from __future__ import annotations

from datetime import date
from pathlib import Path

EXTENSIONS = {"text": ".txt", "html": ".html"}


def default_folder() -> Path:
    try:
        from platformdirs import user_documents_dir

        documents = Path(user_documents_dir())
        if documents.is_dir():
            return documents
    except Exception:  # platformdirs can fail on unusual systems (it raises with no home folder)
        pass
    try:
        return Path.home()
    except RuntimeError:  # no home folder at all (HOME unset, no user entry): where the guide was started
        return Path.cwd()


def default_path(kind: str, today: date | None = None, folder: Path | None = None) -> Path:
    """``recovery-guide-questions-2026-11-27.txt`` in ``folder`` (default: Documents or home)."""
    today = today or date.today()
    return (folder or default_folder()) / f"recovery-guide-questions-{today.isoformat()}{EXTENSIONS[kind]}"


def free_path(path: Path) -> Path:
    """``path``, or the first of ``name-2.txt``, ``name-3.txt``... that is not there yet: the name a
    handout is offered under never replaces an earlier one (a second handout the same day)."""
    number = 2
    candidate = path
    while candidate.exists():
        candidate = path.with_name(f"{path.stem}-{number}{path.suffix}")
        number += 1
    return candidate


def resolve(typed: str, kind: str, folder: Path | None = None) -> Path:
    """The file a reader meant: ``~`` expanded, a bare name put in the offered folder (not wherever the
    program happened to start), and a folder given the default file name."""
    path = Path(typed).expanduser()
    if not path.is_absolute():
        path = (folder or default_folder()) / path
    if path.is_dir():
        path = default_path(kind, folder=path)
    return path
