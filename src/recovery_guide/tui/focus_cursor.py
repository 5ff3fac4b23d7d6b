"""Where the terminal cursor should sit so that screen readers and braille displays follow focus.

Textual draws its own highlight and leaves the real cursor wherever ``App.cursor_position`` says.
Assistive technology tracks that real cursor, so we move it to the focused widget, and within a
list to the highlighted row.
"""

from __future__ import annotations

from textual.errors import NoWidget
from textual.geometry import Offset
from textual.widget import Widget
from textual.widgets import Input, OptionList


def cursor_for(widget: Widget) -> Offset | None:
    """The screen offset of the focused item, or None to leave the cursor where the widget put it."""
    if isinstance(widget, Input):
        return None  # an input places the cursor at the caret itself
    region = widget.content_region
    if isinstance(widget, OptionList) and widget.highlighted is not None:
        widget._update_lines()
        line = widget._index_to_line.get(widget.highlighted)
        if line is not None:
            y = region.y + line - int(widget.scroll_offset.y)
            if region.y <= y < region.bottom:
                return Offset(region.x, y)
    return Offset(region.x, region.y)


def row_in_view(option_list: OptionList) -> bool:
    """True if the list's highlighted row is on screen (not scrolled out of the list or of the page around it)."""
    if option_list.highlighted is None or not option_list.is_attached:
        return False
    option_list._update_lines()
    line = option_list._index_to_line.get(option_list.highlighted)
    if line is None:
        return False
    try:
        geometry = option_list.screen.find_widget(option_list)
    except NoWidget:
        return False
    region = option_list.content_region
    y = region.y + line - int(option_list.scroll_offset.y)
    return region.y <= y < region.bottom and geometry.clip.contains(region.x, y)
