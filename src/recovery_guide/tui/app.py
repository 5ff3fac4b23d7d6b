"""The Recovery Guide app: screens, global keys and the command palette."""

from __future__ import annotations

from pathlib import Path

from textual import events
from textual.app import App
from textual.binding import Binding

from textual.command import CommandPalette

from recovery_guide import i18n, labels
from recovery_guide.i18n import N_, _
from recovery_guide.loader import ContentError, load_guide
from recovery_guide.model import Guide
from recovery_guide.tui.base import TranslatedBindingsMixin
from recovery_guide.tui.commands import GuideCommands
from recovery_guide.tui.screens.help_now import HelpNowScreen
from recovery_guide.tui.screens.keys_help import KeysHelpScreen
from recovery_guide.tui.screens.languages import LanguagePicker
from recovery_guide.tui.screens.reader import ReaderScreen
from recovery_guide.tui.screens.too_small import MIN_HEIGHT, MIN_WIDTH, TooSmallScreen
from recovery_guide.tui.screens.welcome import WelcomeScreen


class RecoveryGuideApp(TranslatedBindingsMixin, App[int]):
    """Welcome -> acknowledgement -> reading. Help lines and the keys list open over any screen."""

    CSS_PATH = "app.tcss"
    COMMANDS = {GuideCommands}
    """Only our own, translated commands: Textual's system commands have English-only titles."""
    ENABLE_COMMAND_PALETTE = True

    BINDINGS = [
        Binding("h", "help_now", N_("Get help now"), id="help-now"),
        Binding("l", "choose_language", N_("Language"), id="language"),
        Binding("question_mark", "keys_help", N_("Keys"), key_display="?", id="keys-help"),
        Binding("q", "quit", N_("Quit"), id="quit"),
        Binding("ctrl+p", "command_palette", N_("Menu"), id="command-palette", key_display="^p"),
    ]

    def __init__(self, guide: Guide, content_root: Path | None = None, region_code: str | None = None, acknowledged: bool = False) -> None:
        super().__init__()
        self.guide = guide
        self.guides: dict[str, Guide] = {guide.language.code: guide}
        """Guides already loaded, by language, so switching back is instant."""
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

    async def reader_action(self, action: str) -> None:
        """Run a reading-screen action from anywhere (the palette), if reading has begun."""
        reader = self.reader
        if reader is not None:
            while self.screen is not reader:
                self.pop_screen()
            await reader.run_action(action)

    def action_help_now(self) -> None:
        if not isinstance(self.screen, HelpNowScreen):
            self.push_screen(HelpNowScreen(self.guide, self.region_code))

    def action_keys_help(self) -> None:
        if not isinstance(self.screen, KeysHelpScreen):
            self.push_screen(KeysHelpScreen())

    def action_command_palette(self) -> None:
        if not CommandPalette.is_open(self):
            self.push_screen(CommandPalette(id="--command-palette", placeholder=_("Search for actions and screens")))

    # --- languages --------------------------------------------------------------------------------

    def guide_in(self, code: str) -> Guide:
        """The guide in ``code``, loaded once."""
        if code not in self.guides:
            self.guides[code] = load_guide(code, self.content_root)
        return self.guides[code]

    def action_choose_language(self) -> None:
        if isinstance(self.screen, LanguagePicker):
            return
        codes = i18n.available_languages(self.content_root) if self.content_root else i18n.available_languages()
        self.push_screen(LanguagePicker(codes), self._language_chosen)

    async def _language_chosen(self, code: str | None) -> None:
        if code:
            await self.switch_language(code)

    async def switch_language(self, code: str) -> None:
        """Show everything in ``code``: same screen, same place; footer, help and palette follow."""
        try:
            guide = self.guide_in(code)
        except ContentError as error:
            self.notify(str(error), severity="error", timeout=10)
            return
        i18n.set_language(code)
        self.guide = guide
        self.title = labels.app_title()
        for screen in self.screen_stack:
            if hasattr(screen, "guide"):
                screen.guide = guide
            if hasattr(screen, "language_changed"):
                await screen.language_changed()
        self.refresh_bindings()

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
