"""Kiosk mode: the guide on a shared screen (a waiting room), where nothing may stay behind a reader.

Turned on by ``--kiosk`` or ``kiosk: true`` in the clinic file; the clinic file's other kiosk keys
(``KioskSettings``) choose the idle time, the staff code and where handouts go. This module holds
the rules that do not need Textual: whether kiosk mode is on, how long the idle notice lasts, where a
handout goes (``handout_destination``: the one place that choice is made) and printing through
``lp``. The app's side (idle notice, staff exit, start over) is ``tui/kiosk.py``.
"""

from __future__ import annotations

import dataclasses
import os
import subprocess
from enum import Enum

from recovery_guide.model import Clinic, KioskSettings

NOTICE_SECONDS = 30.0
"""How long "Still reading? Press any key" counts down before the guide starts over."""
NOTICE_VARIABLE = "RECOVERY_GUIDE_KIOSK_NOTICE_SECONDS"
"""For tests only: a shorter countdown (e.g. 1), so a test need not wait 30 seconds."""
PRINT_SECONDS = 30
"""How long ``lp`` may take to hand the handout to the print queue."""


def kiosk_settings(flag: bool, clinic: Clinic | None) -> KioskSettings | None:
    """The kiosk settings when kiosk mode is on (``--kiosk``, or ``kiosk: true`` in the clinic file), else None."""
    settings = clinic.kiosk if clinic is not None else KioskSettings()
    if not (flag or settings.enabled):
        return None
    return dataclasses.replace(settings, enabled=True)


def idle_seconds(settings: KioskSettings) -> float:
    return settings.idle_minutes * 60


def notice_seconds(environ=os.environ) -> float:
    """30 seconds, or the test's shorter time from ``RECOVERY_GUIDE_KIOSK_NOTICE_SECONDS``."""
    try:
        value = float(environ.get(NOTICE_VARIABLE, ""))
    except ValueError:
        return NOTICE_SECONDS
    return value if 0 < value <= NOTICE_SECONDS else NOTICE_SECONDS


class Destination(Enum):
    """Where a reader's handout goes on a shared screen."""

    FOLDER = "folder"
    """Written into the clinic's handout folder (staff print or hand it over)."""
    PRINTER = "printer"
    """Printed with ``lp -d PRINTER``; nothing is written."""
    SCREEN = "screen"
    """Shown on the screen as text, to photograph or copy; nothing is written."""
    BROWSER = "browser"
    """Served in a browser (``recovery-guide serve``): a download in the reader's own browser; nothing
    is written on the computer that runs the guide."""


def handout_destination(settings: KioskSettings, is_web: bool = False) -> Destination:
    """The one place where a kiosk handout's destination is chosen.

    ``is_web``: the guide is served in a browser (``recovery-guide serve``); delivering the handout
    to the browser as a download comes first: the reader takes it away on their own device, and the
    clinic's folder or printer may be in another room from a tablet."""
    if is_web:
        return Destination.BROWSER
    if settings.handout_folder:
        return Destination.FOLDER
    if settings.printer:
        return Destination.PRINTER
    return Destination.SCREEN


def print_handout(text: str, printer: str) -> str | None:
    """Send ``text`` to ``printer`` through the system's print command; returns a message for the
    reader (in their language) when it failed, else None.

    ``lp`` is run with a list of arguments, never through a shell, and reads the handout from its
    standard input, so no file is written on the way."""
    from recovery_guide.i18n import _

    command = ["lp", "-d", printer, "-t", "Recovery Guide"]
    try:
        result = subprocess.run(command, input=text.encode("utf-8"), capture_output=True, timeout=PRINT_SECONDS, check=False)
    except FileNotFoundError:
        reason = _("this computer has no print command (lp)")
    except subprocess.TimeoutExpired:
        reason = _("the printer did not answer")
    except OSError as error:
        reason = error.strerror or str(error)
    else:
        if result.returncode == 0:
            return None
        details = " ".join(result.stderr.decode("utf-8", "replace").split())[:200]
        reason = details or _("the print command failed")
    return _("Could not print the handout: {reason}. Please ask the front desk for help.").format(reason=reason)
