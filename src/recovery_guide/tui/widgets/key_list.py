"""The app's lists: a chosen row always marked by a symbol, and moved with the arrow keys only."""

from __future__ import annotations

from rich.segment import Segment
from rich.style import Style
from textual import _widget_navigation, events
from textual.binding import Binding
from textual.strip import Strip
from textual.widgets import OptionList


CHOSEN_MARK = "▶ "
"""Drawn before the chosen row of a focused list, so the row is told by a symbol and not by colour alone
(the monochrome theme has no colour to tell it by)."""


class SafeOptionList(OptionList):
    """Textual's list, with a chosen row always shown while focused, and Page Up/Down made safe.

    Every list of the app is one of these: a focused list always has a chosen row (the first, when
    the reader arrives), marked with ``CHOSEN_MARK`` in a gutter on the left as well as by colour,
    so Enter and the list's keys always act on the row the reader sees picked.

    Textual 8.2 looks up the highlighted row's line before the new options are laid out, and raises
    KeyError if a key arrives in between (found by the monkey test).
    """

    def _get_left_gutter_width(self) -> int:
        return len(CHOSEN_MARK)

    def get_content_height(self, container, viewport, width: int) -> int:
        # Textual measures the rows at the full width; they are drawn beside the gutter.
        return super().get_content_height(container, viewport, width - self._get_left_gutter_width())

    def render_line(self, y: int) -> Strip:
        line = super().render_line(y)
        index, first_line = self._row_at(self.scroll_offset.y + y)
        chosen = index is not None and first_line and index == self.highlighted and self.has_focus
        base = next(iter(line), None)
        style = (base.style if base is not None else None) or Style()
        if index is not None:
            style += Style(meta={"option": index})
        gutter = Strip([Segment(CHOSEN_MARK if chosen else " " * len(CHOSEN_MARK), style)], len(CHOSEN_MARK))
        return Strip.join([gutter, line])

    def _row_at(self, line_number: int) -> tuple[int | None, bool]:
        """The option drawn on ``line_number`` and whether it is that option's first line."""
        try:
            index, line_offset = self._lines[line_number]
        except IndexError:
            return None, False
        return index, line_offset == 0

    def choose_a_row(self) -> None:
        """A focused list always has a chosen row: the first one the reader can choose, if none is."""
        if self.highlighted is None and self.option_count:
            self.highlighted = _widget_navigation.find_first_enabled(self.options)

    def _on_focus(self, event: events.Focus) -> None:
        super()._on_focus(event)
        self.choose_a_row()
        self.refresh()

    def _on_blur(self, event: events.Blur) -> None:
        super()._on_blur(event)
        self.refresh()

    def add_options(self, items):
        result = super().add_options(items)
        if self.has_focus:
            self.choose_a_row()
        return result

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
