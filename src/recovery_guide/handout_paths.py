"""Where a handout is offered to be saved: the reader's Documents folder, else their home folder, else
(with no home folder at all) the folder the guide was started in."""

from __future__ import annotations

import os
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


class UnusablePath(ValueError):
    """A typed name that can name no file; its message is for the reader (``resolve`` raises it)."""


def resolve(typed: str, kind: str, folder: Path | None = None) -> Path:
    """The file a reader meant: ``~`` expanded, a bare name put in the offered folder (not wherever the
    program happened to start), and a folder given the default file name.

    A name no file can have raises UnusablePath with what to do, instead of the RuntimeError
    (``~nosuchuser/x.txt``; ``~Documents/x.txt`` names the home of a user "Documents"), ValueError
    (a NUL) or OSError (a name too long) that would end the app.
    """
    from recovery_guide.i18n import _

    if "\0" in typed:
        raise UnusablePath(_("This name has a character that cannot be used in a file name. Please type it again."))
    try:
        path = Path(typed).expanduser()
    except RuntimeError:
        home = typed.replace(os.sep, "/").split("/")[0]
        raise UnusablePath(_("There is no home folder for {name}. Type the whole path, or start it with ~/ for your own home folder.").format(name=home)) from None
    if not path.is_absolute():
        path = (folder or default_folder()) / path
    try:
        if path.is_dir():
            path = default_path(kind, folder=path)
    except OSError as error:
        raise UnusablePath(_("Could not save the handout to {path}: {reason}. Your list is unchanged.").format(path=path, reason=error.strerror or error)) from None
    return path
