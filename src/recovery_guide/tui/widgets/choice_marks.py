"""A choice shows whether it is chosen in symbols, not by colour alone: "(•)" chosen, "( )" not.

Textual's radio button draws the same ``▐●▌`` for both states and tells them apart only by
colour, which the monochrome theme (and many readers) cannot see.
"""

from __future__ import annotations

from textual.content import Content
from textual.widgets import RadioButton

CHOSEN = "(•)"
NOT_CHOSEN = "( )"


def mark(chosen: bool) -> str:
    """The symbol put before a choice: "(•)" when chosen, "( )" when not."""
    return CHOSEN if chosen else NOT_CHOSEN


class MarkedRadioButton(RadioButton):
    """A radio button that shows "(•)" when chosen and "( )" when not, in every theme."""

    @property
    def _button(self) -> Content:
        return Content.styled(mark(self.value), self.get_visual_style("toggle--button"))
