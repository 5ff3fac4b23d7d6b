"""The banner under every screen: "Learning only, not medical advice", and the reader's clinic.

A clinic file may hold anything (forty lines of hours, a very long name): the banner takes at most a
few lines (``#banner`` in ``app.tcss``) and the rest scrolls inside it, with the mouse; it is never a
stop for Tab. Get help now lists the clinic's phone and hours in full, in its own scrolling text.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static


class Banner(VerticalScroll, can_focus=False):
    def __init__(self, text: str) -> None:
        super().__init__(id="banner")
        self._text = text

    def compose(self) -> ComposeResult:
        yield Static(self._text, markup=False)

    def update(self, text: str) -> None:
        self._text = text
        self.query_one(Static).update(text)
