"""Opt-in saving of the reader's questions and place.

Privacy first: nothing is written unless the reader turns saving on, and the saved file's existence
*is* that choice, so there is no separate setting to leak. The file lives in the user data directory
(platformdirs), is readable by the reader only (0600), and is replaced atomically so a crash never
leaves half a file. A file we cannot use is moved aside, never overwritten, and the app starts clean.

One file, one writer at a time: two windows may share it, so every save is read-modify-write under a
lock (``filelock``), and a file another window changed since this one last read it is merged
(``saved_merge``), never overwritten with stale state. Forget everything removes every file the
guide wrote here: the saved file, files set aside, and temporary files a killed save left behind.
With no home folder (no ``HOME`` and no user entry) there is nowhere to save: saving is unavailable,
with a message, and the guide works as before.
"""

from __future__ import annotations

import json
import os
import shutil
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from recovery_guide.i18n import _
from recovery_guide.my_questions import MyQuestions
from recovery_guide.my_values import MyValues
from recovery_guide.progress import ReadingProgress

SCHEMA_VERSION = 1
FILE_NAME = "saved.json"
MAX_BYTES = 1_000_000
LOCK_NAME = FILE_NAME + ".lock"
LOCK_SECONDS = 10
"""How long a save waits for another window's save to finish (each takes milliseconds)."""


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


def default_directory() -> Path | None:
    """The user data folder, or None when there is none: platformdirs raises without a home folder
    (HOME unset and no user entry), and a relative answer would save wherever the guide started."""
    try:
        from platformdirs import user_data_dir

        directory = Path(user_data_dir("recovery-guide", appauthor=False))
    except Exception:  # platformdirs' own error for a missing home (RuntimeError), or any other surprise
        return None
    return directory if directory.is_absolute() else None


def busy() -> str:
    """Why a save or Forget everything waited in vain for the lock."""
    return _("another Recovery Guide window is busy saving")


def erased_elsewhere() -> str:
    """Why a save wrote nothing: another window used Forget everything since this one last saved."""
    return _("Another Recovery Guide window erased what was saved, so saving is now off here too. Your list is still on this screen.")


def _temporary(name: str) -> bool:
    """A save's temporary file (``safe_files.write_private`` writes ``.saved.json.*.tmp`` beside it)."""
    return name.startswith(f".{FILE_NAME}.") and name.endswith(".tmp")


def _ours(name: str) -> bool:
    """A file the guide writes in its folder: the saved file, one set aside, or a save's temporary file."""
    return name == FILE_NAME or (name.startswith(FILE_NAME + ".") and name != LOCK_NAME) or _temporary(name)


class Store:
    """The one saved file. Every method reports problems as a message, never as an exception."""

    def __init__(self, directory: Path | None = None) -> None:
        self.directory = Path(directory) if directory else default_directory()
        self.path = self.directory / FILE_NAME if self.directory else None
        self.writable = True
        """False when the file on disk could not be read or moved aside: then we must not overwrite it."""
        self._base: dict | None = None
        """The file's contents as this store last read or wrote them: what another window's changes are measured from."""
        self.erased = False
        """True once a save found the file erased by another window (Forget everything there): the
        session then turns saving off rather than write the reader's erased questions back."""

    @property
    def available(self) -> bool:
        """False when there is no folder to save in (no home folder)."""
        return self.path is not None

    def unavailable_message(self) -> str:
        return _("Saving is not available: no home folder was found for your user. Your list stays here until you close the guide.")

    @property
    def enabled(self) -> bool:
        """The reader opted in (a saved file exists)."""
        return self.path is not None and self.path.exists()

    @contextmanager
    def _lock(self) -> Iterator[None]:
        """Hold the lock on the saved file; raises ``filelock.Timeout`` after ``LOCK_SECONDS``.

        The lock file is removed before the lock is let go, so between saves the folder holds only what
        the reader asked to keep (filelock sees a lock file removed under a waiting window, and retries)."""
        from filelock import FileLock

        path = self.directory / LOCK_NAME
        with FileLock(path, timeout=LOCK_SECONDS, mode=0o600):
            try:
                yield
            finally:
                try:
                    path.unlink()
                except OSError:
                    pass

    def _read(self) -> dict | None:
        """The file's data (None: no file); raises OSError, TooLarge, ValueError for one we cannot use."""
        from recovery_guide.safe_files import read_limited

        try:
            raw = read_limited(self.path, MAX_BYTES)
        except FileNotFoundError:
            return None
        data = json.loads(raw.decode("utf-8"))
        if isinstance(data, dict) and isinstance(data.get("version"), int) and data["version"] > SCHEMA_VERSION:
            raise NewerVersionError(f"it was saved by a newer version of Recovery Guide (format {data['version']})")
        if not isinstance(data, dict) or data.get("version") != SCHEMA_VERSION:
            raise ValueError("it is not a Recovery Guide saved file")
        SavedState.from_data(data)  # every part usable, or ValueError
        return data

    def load(self) -> tuple[SavedState | None, str | None]:
        """(state, notice). No file: (None, None). A bad file is moved aside and explained in the notice."""
        if self.path is None:
            return None, None
        self._remove_stray_temporaries()
        if not os.path.lexists(self.path):
            return None, None
        try:
            data = self._read()
        except PermissionError as error:
            self.writable = False
            return None, f"{self.path}: cannot read your saved questions ({error.strerror}). Saving is off for now; nothing was changed."
        except (OSError, UnicodeDecodeError, ValueError, RecursionError) as error:
            reason = self._reason(error)
            aside = self._set_aside("newer" if isinstance(error, NewerVersionError) else "unreadable")
            if aside is None:
                self.writable = False
                return None, f"{self.path}: your saved questions could not be used ({reason}). Saving is off for now; nothing was changed."
            return None, f"Your saved questions could not be used ({reason}). The file was kept as {aside}; the guide starts fresh."
        if data is None:
            return None, None
        self._base = data
        state = SavedState.from_data(data)
        return state, state.notice

    @staticmethod
    def _reason(error: Exception) -> str:
        from recovery_guide.safe_files import NotARegularFile, TooLarge

        if isinstance(error, TooLarge):
            return f"the file is {error}"
        if isinstance(error, NotARegularFile):
            return str(error.strerror)
        if isinstance(error, ValueError) and not isinstance(error, (json.JSONDecodeError, UnicodeDecodeError)):
            return str(error)
        return "the file is damaged"

    def _remove_stray_temporaries(self) -> None:
        """Temporary files of a save that was killed mid-write hold the newest questions: remove them,
        under the lock (so never one that another window is writing right now). Best effort: a folder we
        cannot lock or change keeps them, and the guide goes on."""
        try:
            strays = [item for item in self.directory.iterdir() if _temporary(item.name)]
            if strays:
                with self._lock():
                    for item in strays:
                        item.unlink(missing_ok=True)
        except Exception:  # no folder yet, no permission, or the lock timed out: try again next start
            pass

    def _set_aside(self, label: str) -> Path | None:
        aside = self.path.with_name(f"{FILE_NAME}.{label}-{time.strftime('%Y%m%d-%H%M%S')}")
        try:
            os.replace(self.path, aside)
        except OSError:
            return None
        return aside

    def save(self, state: SavedState) -> str | None:
        """Write the state; returns an error message instead of raising (the reader's list stays in memory)."""
        return self.save_merged(state)[1]

    def save_merged(self, state: SavedState) -> tuple[SavedState | None, str | None]:
        """Write the state, merged with what another window saved since this store last read or wrote
        the file: (the merged state when it differs from ``state``, else None; a problem message or None)."""
        if self.path is None:
            return None, self.unavailable_message()
        if not self.writable:
            return None, f"{self.path}: not saved, because the existing file could not be read."
        from filelock import Timeout

        from recovery_guide.saved_merge import CHOICES, merge
        from recovery_guide.safe_files import write_private

        mine = state.to_data()
        try:
            self.directory.mkdir(parents=True, exist_ok=True, mode=0o700)
            with self._lock():
                try:
                    theirs = self._read()
                except (OSError, UnicodeDecodeError, ValueError, RecursionError) as error:  # damaged (or newer) since we read it
                    if self._set_aside("newer" if isinstance(error, NewerVersionError) else "unreadable") is None:
                        return None, f"{self.path}: not saved, because the existing file could not be read."
                    theirs = None
                else:
                    if theirs is None and self._base is not None:  # it was there: Forget everything in another window
                        self._base, self.erased = None, True
                        return None, erased_elsewhere()
                data = mine if theirs is None or theirs == self._base else merge(self._base, mine, theirs)
                write_private(self.path, json.dumps(data, ensure_ascii=False, indent=1))
        except Timeout:
            return None, f"{self.path}: could not save ({busy()}). Your list is still here."
        except OSError as error:
            return None, f"{self.path}: could not save ({error.strerror or error}). Your list is still here."
        if data is mine:
            self._base = data
            return None, None
        # A single choice this window did not make (another window's theme, say) stays the other's at
        # the next save too: measured from this window's own value, it does not count as changed here.
        self._base = {**data, **{key: mine.get(key) for key in CHOICES}}
        return SavedState.from_data(data), None

    def forget(self) -> str | None:
        """Erase everything saved, including files (and folders) set aside and the temporary files of
        a killed save; returns an error message or None."""
        if self.directory is None:
            return None
        from filelock import Timeout
        try:
            if self.directory.is_dir():
                with self._lock():  # not while another window writes: it would put the file back
                    for item in self.directory.iterdir():
                        if _ours(item.name):
                            if item.is_dir() and not item.is_symlink():
                                shutil.rmtree(item)
                            else:
                                item.unlink()
                if not any(self.directory.iterdir()):
                    self.directory.rmdir()
        except Timeout:
            return f"{self.directory}: could not erase everything ({busy()})."
        except OSError as error:
            return f"{self.directory}: could not erase everything ({error.strerror or error})."
        self.writable = True
        self._base = None
        return None
