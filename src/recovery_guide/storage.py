"""Opt-in saving of the reader's questions and place.

Privacy first: nothing is written unless the reader turns saving on, and the saved file's existence
*is* that choice, so there is no separate setting to leak. The file lives in the user data directory
(platformdirs), is readable by the reader only (0600), and is replaced atomically so a crash never
leaves half a file. A file we cannot use is moved aside, never overwritten, and the app starts clean.
"""

from __future__ import annotations

import json
import os
import time
from dataclasses import dataclass, field
from pathlib import Path

from recovery_guide.my_questions import MyQuestions
from recovery_guide.my_values import MyValues
from recovery_guide.progress import ReadingProgress

SCHEMA_VERSION = 1
FILE_NAME = "saved.json"
MAX_BYTES = 1_000_000


@dataclass
class SavedState:
    my_questions: MyQuestions = field(default_factory=MyQuestions)
    progress: ReadingProgress = field(default_factory=ReadingProgress)
    """Where the reader has been, and the page for "continue where you left off"."""
    language: str | None = None
    region: str | None = None
    theme: str | None = None
    values: MyValues = field(default_factory=MyValues)
    """What matters to me. An optional part of version 1: older copies ignore it, and a file without it loads."""
    notice: str | None = None
    """Set when a part could not be used and was left out (the rest loaded)."""

    def to_data(self) -> dict:
        """The file format of version 1, field for field, so older and newer copies read each other's files.

        ``values`` was added to version 1 without a new version number: a copy that does not know it
        ignores it (and keeps the questions), and a file written before it simply has none."""
        progress = self.progress.to_data()
        return {
            "version": SCHEMA_VERSION,
            "app": "recovery-guide",
            "screen": progress["screen"],
            "language": self.language,
            "region": self.region,
            "theme": self.theme,
            **self.my_questions.to_data(),
            "visited": progress["visited"],
            **({"values": self.values.to_data()} if self.values else {}),
        }

    @classmethod
    def from_data(cls, data) -> "SavedState":
        if not isinstance(data, dict):
            raise ValueError("expected a mapping")
        values = {key: data.get(key) for key in ("language", "region", "theme")}
        for key, value in values.items():
            if value is not None and not isinstance(value, str):
                raise ValueError(f"{key}: expected text")
        notice = None
        try:
            my_values = MyValues.from_data(data.get("values"))
        except ValueError as error:
            my_values = MyValues()
            notice = f"Your saved answers to \"What matters to me\" could not be used ({error}); they were left out. Your questions are kept."
        return cls(my_questions=MyQuestions.from_data(data), progress=ReadingProgress.from_data(data), values=my_values, notice=notice, **values)


class NewerVersionError(ValueError):
    """Saved by a newer Recovery Guide: keep it untouched for that version."""


def default_directory() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir("recovery-guide", appauthor=False))


class Store:
    """The one saved file. Every method reports problems as a message, never as an exception."""

    def __init__(self, directory: Path | None = None) -> None:
        self.directory = Path(directory) if directory else default_directory()
        self.path = self.directory / FILE_NAME
        self.writable = True
        """False when the file on disk could not be read or moved aside: then we must not overwrite it."""

    @property
    def enabled(self) -> bool:
        """The reader opted in (a saved file exists)."""
        return self.path.exists()

    def load(self) -> tuple[SavedState | None, str | None]:
        """(state, notice). No file: (None, None). A bad file is moved aside and explained in the notice."""
        if not self.path.exists():
            return None, None
        try:
            if self.path.stat().st_size > MAX_BYTES:
                raise ValueError("the file is too large")
            data = json.loads(self.path.read_text(encoding="utf-8"))
            if isinstance(data, dict) and isinstance(data.get("version"), int) and data["version"] > SCHEMA_VERSION:
                raise NewerVersionError(f"it was saved by a newer version of Recovery Guide (format {data['version']})")
            if not isinstance(data, dict) or data.get("version") != SCHEMA_VERSION:
                raise ValueError("it is not a Recovery Guide saved file")
            state = SavedState.from_data(data)
            return state, state.notice
        except PermissionError as error:
            self.writable = False
            return None, f"{self.path}: cannot read your saved questions ({error.strerror}). Saving is off for now; nothing was changed."
        except (OSError, UnicodeDecodeError, ValueError) as error:
            reason = str(error) if isinstance(error, ValueError) and not isinstance(error, json.JSONDecodeError) else "the file is damaged"
            aside = self._set_aside("newer" if isinstance(error, NewerVersionError) else "unreadable")
            if aside is None:
                self.writable = False
                return None, f"{self.path}: your saved questions could not be used ({reason}). Saving is off for now; nothing was changed."
            return None, f"Your saved questions could not be used ({reason}). The file was kept as {aside}; the guide starts fresh."

    def _set_aside(self, label: str) -> Path | None:
        aside = self.path.with_name(f"{FILE_NAME}.{label}-{time.strftime('%Y%m%d-%H%M%S')}")
        try:
            os.replace(self.path, aside)
        except OSError:
            return None
        return aside

    def save(self, state: SavedState) -> str | None:
        """Write the state; returns an error message instead of raising (the reader's list stays in memory)."""
        if not self.writable:
            return f"{self.path}: not saved, because the existing file could not be read."
        from recovery_guide.atomic import write_text_atomic

        try:
            self.directory.mkdir(parents=True, exist_ok=True, mode=0o700)
            write_text_atomic(self.path, json.dumps(state.to_data(), ensure_ascii=False, indent=1), mode=0o600)
        except OSError as error:
            return f"{self.path}: could not save ({error.strerror or error}). Your list is still here."
        return None

    def forget(self) -> str | None:
        """Erase everything saved, including files set aside; returns an error message or None."""
        try:
            if self.directory.is_dir():
                for item in self.directory.iterdir():
                    if item.name == FILE_NAME or item.name.startswith(FILE_NAME + "."):
                        item.unlink()
                if not any(self.directory.iterdir()):
                    self.directory.rmdir()
        except OSError as error:
            return f"{self.directory}: could not erase everything ({error.strerror or error})."
        self.writable = True
        return None
