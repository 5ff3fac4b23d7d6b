"""Neutralise terminal control characters and deceptive invisible characters in text from files.

Content and clinic files are edited by people, and a stray ESC, OSC or bell could repaint or
hijack the reader's terminal. Every text field passes through here as it is loaded, so the app,
``print`` and handouts all show the same safe text.

Some characters draw nothing but change what the reader sees: a right-to-left override makes
"911" show as "119"; an isolate, a zero-width space or a line separator can hide or split a
word. Where the exact text matters (a phone number, a contact: ``Fields.literal``) they are refused
with a located error (``deceptive``); everywhere else they are dropped (a line or paragraph
separator becomes a space), and ``check`` reports each one it dropped.
"""

from __future__ import annotations

import re
import unicodedata

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_DECEPTIVE = re.compile("[\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\u2028\u2029]")
"""The Arabic letter mark; zero-width space, non-joiner and joiner; left-to-right and right-to-left
marks; bidi embeddings and overrides; word joiner and invisible operators; bidi isolates; the byte
order mark; and the line and paragraph separators."""
_SEPARATORS = re.compile("[\u2028\u2029]")


def neutralise(text: str) -> str:
    """Drop control characters (C0 except tab and newline, DEL and C1) and deceptive invisible ones."""
    return _DECEPTIVE.sub("", _SEPARATORS.sub(" ", _CONTROL.sub("", text)))


def deceptive(text: str) -> str | None:
    """The first deceptive invisible character in ``text``, named (``U+202E RIGHT-TO-LEFT OVERRIDE``), or None."""
    found = _DECEPTIVE.search(text)
    if found is None:
        return None
    char = found.group()
    return f"U+{ord(char):04X} {unicodedata.name(char, 'invisible character')}"
