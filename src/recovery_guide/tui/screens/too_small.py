"""Shown instead of a broken layout when the terminal is smaller than the guide needs."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Center, Middle
from textual.widgets import Static

from recovery_guide.i18n import _
from recovery_guide.tui.base import GuideModal
from recovery_guide.tui.keys import HELP_NOW, QUIT, QUIT_CONTROL, bindings, in_dialog

MIN_WIDTH = 60
MIN_HEIGHT = 20


class TooSmallScreen(GuideModal):
    """Covers everything until the window is large enough again; the reader's place is kept.

    Help lines and quitting work at any size: ``h`` closes this notice and opens Get help now (which
    scrolls, and is never covered by this notice: ``RecoveryGuideApp._check_size``), and ``q``,
    Ctrl+Q and Ctrl+C quit as everywhere. A modal screen hides the app's own keys, so they are bound here.
    """

    CSS_PATH = [*GuideModal.CSS_PATH, "too_small.tcss"]
    BINDINGS = bindings((HELP_NOW, in_dialog(QUIT), in_dialog(QUIT_CONTROL)))

    def compose(self) -> ComposeResult:
        with Middle():
            with Center():
                yield Static(id="too-small-message", markup=False)

    def on_mount(self) -> None:
        self.refresh_message()

    def on_screen_resume(self) -> None:
        """Back on top after a dialog opened over it (Quit) closed: the window may have grown meanwhile."""
        width, height = self.app.size
        if width >= MIN_WIDTH and height >= MIN_HEIGHT:
            self.dismiss()
        else:
            self.refresh_message(width, height)

    async def action_help_now(self) -> None:
        await self.dismiss()
        self.app.action_help_now()

    def refresh_message(self, width: int | None = None, height: int | None = None) -> None:
        if width is None or height is None:
            width, height = self.app.size
        self.query_one("#too-small-message", Static).update(
            _("Please make this window larger.\nThe guide needs at least {min_width} x {min_height} characters.\nNow: {width} x {height}.").format(
                min_width=MIN_WIDTH, min_height=MIN_HEIGHT, width=width, height=height
            )
            + "\n"
            + (_("Press h for help lines.") if self.app.session.kiosk else _("Press h for help lines, or q to quit."))  # a shared screen has no quit
        )
