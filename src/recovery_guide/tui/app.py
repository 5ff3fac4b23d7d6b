"""The Recovery Guide app: screens, global keys and the command palette.

Start-up is kept to what the first frame shows (benchmarks/README.md): the welcome screen is
Textual's first screen, and only it is imported with the app. The other screens are imported when
first opened, the welcome text and the rest of the CSS are added just after the first frame
(``_after_first_frame``), and the reading screen's module is loaded then, before the reader can
press "I understand".
"""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import TYPE_CHECKING

from textual import events
from textual.app import App
from textual.binding import Binding
from textual.screen import Screen

from textual.command import CommandPalette

from recovery_guide import wording
from recovery_guide.i18n import N_, _
from recovery_guide.guide_content.folder import ContentFolder
from recovery_guide.guide_content.yaml_source import ContentError
from recovery_guide.model import Clinic, Guide
from recovery_guide.session import Session
from recovery_guide.storage import Store
from recovery_guide.tui.base import TranslatedBindingsMixin
from recovery_guide.tui.commands import GuideCommands
from recovery_guide.tui.screens.too_small import MIN_HEIGHT, MIN_WIDTH, TooSmallScreen
from recovery_guide.tui.screens.welcome import WelcomeScreen
from recovery_guide.tui.widgets.deferred_markdown import DeferredMarkdown
from recovery_guide.tui.themes import THEMES, default_theme, next_theme, register_themes, textual_name

if TYPE_CHECKING:
    from recovery_guide.tui.screens.reader import ReaderScreen


class RecoveryGuideApp(TranslatedBindingsMixin, App[int]):
    """Welcome -> acknowledgement -> reading. Help lines and the keys list open over any screen."""

    CSS_PATH = "app.tcss"
    COMMANDS = {GuideCommands}
    """Only our own, translated commands: Textual's system commands have English-only titles."""
    ENABLE_COMMAND_PALETTE = True

    BINDINGS = [
        Binding("h", "help_now", N_("Get help now"), id="help-now"),
        Binding("m", "my_questions", N_("My questions"), id="my-questions"),
        Binding("x", "export", N_("Handout"), id="export", show=False),
        Binding("l", "choose_language", N_("Language"), id="language"),
        Binding("t", "next_theme", N_("Theme"), id="theme", show=False),
        Binding("g", "glossary", N_("Words"), id="glossary", show=False),
        Binding("slash", "search", N_("Search"), id="search", key_display="/", show=False),
        Binding("question_mark", "keys_help", N_("Keys"), key_display="?", id="keys-help"),
        Binding("q", "quit", N_("Quit"), id="quit"),
        Binding("ctrl+p", "command_palette", N_("Menu"), id="command-palette", key_display="^p"),
    ]

    def __init__(
        self,
        guide: Guide,
        content_root: Path | None = None,
        region_code: str | None = None,
        acknowledged: bool = False,
        clinic: Clinic | None = None,
        store: Store | None = None,
        handout_folder: Path | None = None,
        session: Session | None = None,
        theme_name: str | None = None,
    ) -> None:
        super().__init__()
        self.session = session or Session(guide, ContentFolder(content_root), region_code, clinic, store)
        self.acknowledged = acknowledged
        self.handout_folder = handout_folder
        self.title = wording.app_title()
        register_themes(self)
        chosen = theme_name or self.session.theme
        self.theme_name = chosen if chosen in THEMES else default_theme()
        self.theme = textual_name(self.theme_name)
        self.set_class(True, f"theme-{self.theme_name}")
        self._all_styles_loaded = False

    # The session holds the reader's state; these names keep the screens short.
    guide = property(lambda self: self.session.guide)
    notebook = property(lambda self: self.session.notebook)
    clinic = property(lambda self: self.session.clinic)
    saving = property(lambda self: self.session.saving)
    saved_screen = property(lambda self: self.session.saved_screen)
    content_root = property(lambda self: self.session.folder.root)

    @property
    def region_code(self) -> str | None:
        return self.session.region_code

    def get_default_screen(self) -> Screen:
        """The first screen, as Textual's own default screen rather than one pushed over it.

        A screen pushed during start-up is laid out three times before its first frame (about 20 ms
        on the welcome screen); the default screen once (benchmarks/README.md).
        """
        if self.acknowledged:
            from recovery_guide.tui.screens.reader import ReaderScreen

            self.load_all_styles()
            return ReaderScreen(self.guide, start=1, region_code=self.region_code)
        return WelcomeScreen(self.guide)

    def load_all_styles(self) -> None:
        """Add ``screens.tcss``, the rules of every screen after the first, once.

        ``app.tcss`` has only what the first screen needs: parsing the rest took about 3 ms of the
        time to the first frame. No widget on the first screen matches these rules, so nothing
        already drawn changes; they are in place before any other screen is pushed.
        """
        if self._all_styles_loaded:
            return
        self._all_styles_loaded = True
        path = Path(__file__).with_name("screens.tcss")
        self.stylesheet.add_source(path.read_text(encoding="utf-8"), read_from=(str(path), ""), is_default_css=False)

    def push_screen(self, screen, *args, **kwargs):
        """As Textual's; a screen pushed before the first frame is out still gets all the CSS."""
        self.load_all_styles()
        return super().push_screen(screen, *args, **kwargs)

    def on_mount(self) -> None:
        if self.session.startup_notice:
            self.notify(self.session.startup_notice, severity="warning", timeout=15)
        self._check_size()

    def on_ready(self) -> None:
        """Textual's start-up is over and the first frame is out (or due): finish what waited for it."""
        self.call_after_refresh(self._after_first_frame)

    def _after_first_frame(self) -> None:
        self.load_all_styles()
        for screen in self.screen_stack:
            for deferred in screen.query(DeferredMarkdown):
                deferred.build()
        # What the next key will need, loaded while the reader reads the first screen.
        importlib.import_module("recovery_guide.tui.screens.reader")

    # --- navigation -------------------------------------------------------------------------------

    def acknowledge(self, resume: bool = False) -> None:
        """The reader accepted the notice: open the reading screen at step 2 (or where they left off)."""
        self.acknowledged = True
        from recovery_guide.tui.screens.reader import ReaderScreen

        start = self.guide.index_of(self.saved_screen) if resume and self.saved_screen else 1
        welcome = self.screen
        self.push_screen(ReaderScreen(self.guide, start=start, region_code=self.region_code))
        if isinstance(welcome, WelcomeScreen):
            welcome.retire()

    @property
    def reader(self) -> ReaderScreen | None:
        from recovery_guide.tui.screens.reader import ReaderScreen

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
        from recovery_guide.tui.screens.help_now import HelpNowScreen

        if not isinstance(self.screen, HelpNowScreen):
            self.push_screen(HelpNowScreen())

    def action_choose_region(self) -> None:
        from recovery_guide.tui.screens.regions import RegionPicker

        if not isinstance(self.screen, RegionPicker):
            self.push_screen(RegionPicker(self.guide, self.region_code), self._region_chosen)

    async def _region_chosen(self, code: str | None) -> None:
        from recovery_guide.tui.screens.regions import EVERY_REGION

        if code is None:
            return
        self.session.set_region(None if code == EVERY_REGION else code)
        for screen in self.screen_stack:
            if hasattr(screen, "region_changed"):
                await screen.region_changed()

    # --- My questions, handouts and saving ---------------------------------------------------------------

    def action_my_questions(self) -> None:
        from recovery_guide.tui.screens.my_questions import MyQuestionsScreen

        if not isinstance(self.screen, MyQuestionsScreen):
            self.push_screen(MyQuestionsScreen())

    def action_export(self) -> None:
        from recovery_guide.tui.screens.handout import HandoutDialog

        if not isinstance(self.screen, HandoutDialog):
            self.push_screen(HandoutDialog(self.handout_folder), self._exported)

    def _exported(self, path: Path | None) -> None:
        if path:
            self.notify(_("Handout saved: {path}").format(path=path), timeout=10)

    def write_handout(self, path: Path, kind: str) -> str | None:
        return self.session.write_handout(path, kind)

    def screen_visited(self, screen_id: str) -> None:
        self._report(self.session.visit(screen_id))

    def notebook_changed(self) -> None:
        """Called after every change to the list: refresh what shows it, and save if the reader chose to."""
        reader = self.reader
        if reader is not None and reader.is_mounted:
            reader.show_questions()
        self._report(self.session.save())

    def set_saving(self, enabled: bool) -> None:
        if enabled == self.saving:
            return
        problem = self.session.set_saving(enabled)
        if problem:
            self._report(problem)
        elif enabled:
            self.notify(_("Saving is on. Your questions and place are kept on this computer."), timeout=5)
        else:
            self.notify(_("Saving is off. Nothing is kept on this computer."), timeout=5)

    def forget_everything(self) -> None:
        problem = self.session.forget_everything()
        self.notebook_changed()
        self._report(problem) if problem else self.notify(_("Everything is forgotten. Nothing is kept on this computer."), timeout=5)

    def _report(self, problem: str | None) -> None:
        if problem:
            self.notify(problem, severity="error", timeout=8)

    def action_glossary(self) -> None:
        from recovery_guide.tui.screens.glossary import GlossaryScreen

        if not isinstance(self.screen, GlossaryScreen):
            self.push_screen(GlossaryScreen())

    def action_search(self) -> None:
        from recovery_guide.tui.screens.search import SearchScreen

        if not isinstance(self.screen, SearchScreen):
            self.push_screen(SearchScreen())

    def action_next_theme(self) -> None:
        """``t``: standard -> light -> high contrast -> monochrome -> standard."""
        self.set_class(False, f"theme-{self.theme_name}")
        self.theme_name = next_theme(self.theme_name)
        self.set_class(True, f"theme-{self.theme_name}")
        self.theme = textual_name(self.theme_name)
        self.session.theme = self.theme_name
        self._report(self.session.save())
        self.notify(_("Theme: {name}").format(name=_(THEMES[self.theme_name])), timeout=3)

    # --- the terminal cursor follows focus, for screen readers and braille displays -----------------

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        self.call_after_refresh(self.follow_focus)

    def on_option_list_option_highlighted(self, event) -> None:
        self.call_after_refresh(self.follow_focus)

    def follow_focus(self) -> None:
        """Put the terminal cursor on the focused item (the highlighted row of a list)."""
        from recovery_guide.tui.focus_cursor import cursor_for

        widget = self.focused
        if widget is not None and widget.is_mounted:
            position = cursor_for(widget)
            if position is not None and position != self.cursor_position:
                self.cursor_position = position
                self.refresh()  # the cursor moves with the next frame; only ask for one when it changed

    def action_keys_help(self) -> None:
        from recovery_guide.tui.screens.keys_help import KeysHelpScreen

        if not isinstance(self.screen, KeysHelpScreen):
            self.push_screen(KeysHelpScreen())

    def action_command_palette(self) -> None:
        if not CommandPalette.is_open(self):
            self.push_screen(CommandPalette(id="--command-palette", placeholder=_("Search for actions and screens")))

    # --- languages --------------------------------------------------------------------------------

    def guide_in(self, code: str) -> Guide:
        return self.session.guide_in(code)

    def action_choose_language(self) -> None:
        from recovery_guide.tui.screens.languages import LanguagePicker

        if isinstance(self.screen, LanguagePicker):
            return
        self.push_screen(LanguagePicker(self.session.available_languages()), self._language_chosen)

    async def _language_chosen(self, code: str | None) -> None:
        if code:
            await self.switch_language(code)

    async def switch_language(self, code: str) -> None:
        """Show everything in ``code``: same screen, same place; footer, help and palette follow."""
        try:
            guide = self.session.switch_language(code)
        except ContentError as error:
            self.notify(str(error), severity="error", timeout=10)
            return
        self.title = wording.app_title()
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
