"""Every screen's stylesheet, read in one go just after the first frame.

Textual reads a screen's ``CSS_PATH`` when the screen is first shown, and each time that brings a
new file it parses the whole stylesheet again from nothing (its own widgets' CSS included) and
applies it again to every widget in the app: tens of milliseconds of CPU each, paid at the first turn to the
reading screen and again at the first opening of each dialog, right when the reader is waiting.
Read here once, while the reader is still reading the welcome screen, the files are parsed once
(the stylesheet keeps what it parsed before); Textual then finds every screen's files already read
and shows it at once.

The order is kept: the reading screen's files, then each dialog's own list, which names the
dialogs' common look (``modal.tcss``) first, as when the dialogs were opened one by one.
"""

from __future__ import annotations

import importlib
import inspect
from pathlib import Path
from typing import TYPE_CHECKING

from textual.screen import Screen

if TYPE_CHECKING:
    from textual.app import App

SCREEN_MODULES = (
    "reader", "help_now", "regions", "my_questions", "values", "handout", "quit", "glossary",
    "search", "keys_help", "languages", "self_check", "dialogs", "too_small", "kiosk",
)
"""The modules of ``recovery_guide.tui.screens`` with screens shown after the first one, in order."""


def screen_stylesheets() -> list[Path]:
    """Every file named in a screen's ``CSS_PATH``, once each, resolved as Textual resolves it
    (a relative path from the file of the class that names it)."""
    paths: list[Path] = []
    for name in SCREEN_MODULES:
        module = importlib.import_module(f"recovery_guide.tui.screens.{name}")
        for screen in vars(module).values():
            if not (inspect.isclass(screen) and issubclass(screen, Screen) and screen.__module__ == module.__name__):
                continue
            named = screen.CSS_PATH if isinstance(screen.CSS_PATH, list) else [screen.CSS_PATH] if screen.CSS_PATH else []
            for path in map(Path, named):
                resolved = path if path.is_absolute() else (Path(inspect.getfile(screen)).parent / path).resolve()
                if resolved not in paths:
                    paths.append(resolved)
    return paths


def read_every_stylesheet(app: App) -> None:
    """Add every screen's files the app has not read yet and parse only those.

    Nothing shown yet is styled again: each file styles only its own screen (by its ids and
    classes, or by the screen's type, as ``HandoutDialog #dialog``), and a screen mounted later
    takes its styles from the rules as they are then. Styling the shown screen again (Textual's
    ``Stylesheet.update``) also drew the reading pane's scroll bar where none was before."""
    stylesheet = app.stylesheet
    new = [path for path in screen_stylesheets() if not stylesheet.has_source(str(path), "")]
    for path in new:
        stylesheet.read(path)
    if new:
        stylesheet.parse()  # unlike Textual's reparse, keeps the rules already parsed from unchanged sources
