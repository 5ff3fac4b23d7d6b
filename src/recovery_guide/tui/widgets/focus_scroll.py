"""A dialog's text in a box that takes the focus itself, so the reader scrolls it with the keys."""

from __future__ import annotations

from textual.containers import VerticalScroll


class FocusScroll(VerticalScroll, can_focus=True):
    """``VerticalScroll`` that styles only itself again when it takes or loses the focus.

    Textual styles a widget and everything inside it again at each change of its focus, in case a
    rule styles what is inside by the box's focus. No rule does here (only the box's own look follows
    its focus), and Get help now holds about 280 widgets: styling them all again took a few tenths of
    a second of processor time as the dialog opened and again as it closed, when the reader is
    looking for a number to call.
    """

    def watch_has_focus(self, has_focus: bool) -> None:
        self.app.stylesheet.update_nodes([self], animate=True)
