"""The Recovery Guide app: screens, global keys and the command palette."""

from __future__ import annotations

from pathlib import Path

from textual import events
from textual.app import App
from textual.binding import Binding

from recovery_guide import labels
from recovery_guide.i18n import N_
from recovery_guide.model import Guide
from recovery_guide.tui.base import TranslatedBindingsMixin
from recovery_guide.tui.commands import GuideCommands
from recovery_guide.tui.screens.help_now import HelpNowScreen
from recovery_guide.tui.screens.keys_help import KeysHelpScreen
from recovery_guide.tui.screens.reader import ReaderScreen
from recovery_guide.tui.screens.too_small import MIN_HEIGHT, MIN_WIDTH, TooSmallScreen
from recovery_guide.tui.screens.welcome import WelcomeScreen


class RecoveryGuideApp(TranslatedBindingsMixin, App[int]):
    """Welcome -> acknowledgement -> reading. Help lines and the keys list open over any screen."""

    CSS_PATH = "app.tcss"
    COMMANDS = App.COMMANDS | {GuideCommands}
    ENABLE_COMMAND_PALETTE = True

    BINDINGS = [
        Binding("h", "help_now", N_("Get help now"), id="help-now", priority=False),
        Binding("question_mark", "keys_help", N_("Keys"), key_display="?", id="keys-help"),
        Binding("q", "quit", N_("Quit"), id="quit"),
        Binding("ctrl+p", "command_palette", N_("Menu"), id="command-palette", key_display="^p"),
    ]

    def __init__(self, guide: Guide, content_root: Path | None = None, region_code: str | None = None, acknowledged: bool = False) -> None:
        super().__init__()
        self.guide = guide
        self.content_root = content_root
        self.region_code = region_code
        self.acknowledged = acknowledged
        self.title = labels.app_title()

    def on_mount(self) -> None:
        if self.acknowledged:
            self.push_screen(ReaderScreen(self.guide, start=1, region_code=self.region_code))
        else:
            self.push_screen(WelcomeScreen(self.guide))
        self._check_size()

    # --- navigation -------------------------------------------------------------------------------

    def acknowledge(self) -> None:
        """The reader accepted the notice: open the reading screen at step 2."""
        self.acknowledged = True
        self.switch_screen(ReaderScreen(self.guide, start=1, region_code=self.region_code))

    @property
    def reader(self) -> ReaderScreen | None:
        return next((screen for screen in self.screen_stack if isinstance(screen, ReaderScreen)), None)

    def go_to_screen(self, screen_id: str) -> None:
        """Jump to a screen by id (from the palette); acknowledges nothing on the reader's behalf."""
        reader = self.reader
        if reader is None:
            return
        while self.screen is not reader:
            self.pop_screen()
        reader.go_to(self.guide.index_of(screen_id))

    def action_help_now(self) -> None:
        if not isinstance(self.screen, HelpNowScreen):
            self.push_screen(HelpNowScreen(self.guide, self.region_code))

    def action_keys_help(self) -> None:
        if not isinstance(self.screen, KeysHelpScreen):
            self.push_screen(KeysHelpScreen())

    # --- size ---------------------------------------------------------------------------------------

    def on_resize(self, event: events.Resize) -> None:
        self._check_size(event.size.width, event.size.height)

    def _check_size(self, width: int | None = None, height: int | None = None) -> None:
        if width is None or height is None:
            width, height = self.size
        too_small = width < MIN_WIDTH or height < MIN_HEIGHT
        showing = isinstance(self.screen, TooSmallScreen)
        if too_small and not showing:
            self.push_screen(TooSmallScreen())
        elif too_small and showing:
            self.screen.refresh_message(width, height)
        elif showing:
            self.pop_screen()
