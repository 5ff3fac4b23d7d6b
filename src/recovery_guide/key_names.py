"""Key names as the reader's own keyboard prints them: the one table every view takes them from.

A key name used to be written into each sentence and each key list in English ("Delete", "Down",
"esc"), and translators left some of them in English. Spanish, French and German keyboards print
"Supr", "Suppr" and "Entf" on the Delete key, so the reader looked for a key that is not there.
Now a sentence names a key by a placeholder (``{enter}``, ``{delete}``, ``{down}`` ...) and
``with_keys`` fills it in from here: each word is one catalog entry (context ``keyboard key``) that
translators write as it is printed on keyboards sold in their language. The arrows are drawn as
the arrows printed on every keyboard, so they are the same in every language.

No Textual here: read mode (``plain.py``) and ``print`` name keys too.
"""

from __future__ import annotations

from recovery_guide.i18n import pgettext

ARROWS = {"up": "↑", "down": "↓", "left": "←", "right": "→"}
"""Printed as arrows on every keyboard, in every language."""

BAR_SYMBOLS = {"enter": "⏎", "backspace": "⌫"}
"""Keys most keyboards mark with a symbol: the key bar, which has little room, draws the symbol."""


def key_words() -> dict[str, str]:
    """Each key's name in the current language, as printed on the key (translated at call time)."""
    # TRANSLATORS: Each "keyboard key" entry is the name of a key, written exactly as it is printed on keyboards sold in your language (German keyboards print "Entf" on Delete, Spanish "Supr", French "Suppr"). Keep the English word where your keyboards print it in English.
    return {
        "enter": pgettext("keyboard key", "Enter"),
        "escape": pgettext("keyboard key", "Esc"),
        "delete": pgettext("keyboard key", "Delete"),
        "backspace": pgettext("keyboard key", "Backspace"),
        "tab": pgettext("keyboard key", "Tab"),
        "space": pgettext("keyboard key", "Space"),
        "pageup": pgettext("keyboard key", "Page Up"),
        "pagedown": pgettext("keyboard key", "Page Down"),
        "home": pgettext("keyboard key", "Home"),
        "end": pgettext("keyboard key", "End"),
        "ctrl": pgettext("keyboard key", "Ctrl"),
    }


def key_name(key: str) -> str | None:
    """A key (Textual's name: ``delete``, ``down``) as the reader's keyboard prints it; None for a
    key the table does not name (a letter, a digit: those are printed as themselves)."""
    return ARROWS.get(key) or key_words().get(key)


def bar_key_name(key: str) -> str | None:
    """A key as the key bar draws it: its symbol where keyboards print one, else its name."""
    return BAR_SYMBOLS.get(key) or key_name(key)


def with_keys(text: str, **values: object) -> str:
    """``text`` with each key placeholder (``{enter}``, ``{delete}``, ``{down}`` ...) replaced by the
    key's name in the reader's language, and any other placeholders by ``values``."""
    return text.format(**ARROWS, **key_words(), **values)
