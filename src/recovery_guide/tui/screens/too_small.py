"""Shown instead of a broken layout when the terminal is smaller than the guide needs."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Center, Middle
from textual.widgets import Static

from recovery_guide.i18n import _
from recovery_guide.tui.base import GuideModal

MIN_WIDTH = 60
MIN_HEIGHT = 20


class TooSmallScreen(GuideModal):
    """Covers everything until the window is large enough again; the reader's place is kept."""

    CSS_PATH = [*GuideModal.CSS_PATH, "too_small.tcss"]
    BINDINGS = []

    def compose(self) -> ComposeResult:
        with Middle():
            with Center():
                yield Static(id="too-small-message", markup=False)

    def on_mount(self) -> None:
        self.refresh_message()

    def refresh_message(self, width: int | None = None, height: int | None = None) -> None:
        if width is None or height is None:
            width, height = self.app.size
        self.query_one("#too-small-message", Static).update(
            _("Please make this window larger.\nThe guide needs at least {min_width} x {min_height} characters.\nNow: {width} x {height}.").format(
                min_width=MIN_WIDTH, min_height=MIN_HEIGHT, width=width, height=height
            )
        )
