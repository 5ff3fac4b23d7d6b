"""A list moved with the arrow keys only, so left and right stay free to turn the page."""

from __future__ import annotations

from textual.binding import Binding
from textual.widgets import OptionList


class SafeOptionList(OptionList):
    """Textual's list, with Page Up/Down made safe while the list is being refilled.

    Textual 8.2 looks up the highlighted row's line before the new options are laid out, and raises
    KeyError if a key arrives in between (found by the monkey test).
    """

    def _move_page(self, direction: int) -> None:
        self._update_lines()
        if (self.highlighted or 0) not in self._index_to_line or not self._lines:
            return
        super()._move_page(direction)


class KeyList(SafeOptionList, inherit_bindings=False):
    """Up, Down, Home, End, Page Up and Page Down move; subclasses add what Enter or a letter does."""

    BINDINGS = [
        Binding("down", "cursor_down", "Down", show=False),
        Binding("up", "cursor_up", "Up", show=False),
        Binding("home", "first", "First", show=False),
        Binding("end", "last", "Last", show=False),
        Binding("pageup", "page_up", "Page up", show=False),
        Binding("pagedown", "page_down", "Page down", show=False),
    ]
