"""Neutralise terminal control characters in text that came from files.

Content and clinic files are edited by people, and a stray ESC, OSC or bell could repaint or
hijack the reader's terminal. Every text field passes through here as it is loaded, so the app,
``print`` and handouts all show the same safe text.
"""

from __future__ import annotations

import re

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def neutralise(text: str) -> str:
    """Drop control characters (C0 except tab and newline, DEL and C1)."""
    return _CONTROL.sub("", text)
