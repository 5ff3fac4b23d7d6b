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
from recovery_guide.model import Clinic, Guide
from recovery_guide.notebook import Notebook
from recovery_guide.storage import SavedState, Store
from recovery_guide.tui.base import TranslatedBindingsMixin
from recovery_guide.tui.commands import GuideCommands
from recovery_guide.tui.screens.export import ExportDialog
from recovery_guide.tui.screens.help_now import HelpNowScreen
from recovery_guide.tui.screens.keys_help import KeysHelpScreen
from recovery_guide.tui.screens.languages import LanguagePicker
from recovery_guide.tui.screens.my_questions import MyQuestionsScreen
from recovery_guide.tui.screens.regions import EVERY_REGION, RegionPicker
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
        Binding("m", "my_questions", N_("My questions"), id="my-questions"),
        Binding("x", "export", N_("Handout"), id="export", show=False),
        Binding("l", "choose_language", N_("Language"), id="language"),
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
        export_folder: Path | None = None,
    ) -> None:
        super().__init__()
        self.guide = guide
        self.guides: dict[str, Guide] = {guide.language.code: guide}
        """Guides already loaded, by language, so switching back is instant."""
        self.content_root = content_root
        self.region_code = region_code
        self.region_from_reader = False
        """True once the reader chose a region in the app (then it is saved, if saving is on)."""
        self.acknowledged = acknowledged
        self.clinic = clinic
        self.store = store or Store()
        self.export_folder = export_folder
        self.notebook = Notebook()
        self.saved_screen: str | None = None
        """Where a reader who saves their place stopped last time ("continue where you left off")."""
        self.title = labels.app_title()
        self.saving = False
        self._startup_notice: str | None = None
        self._restore()

    def _restore(self) -> None:
        """Read saved data if the reader opted in before; a bad file is moved aside, never fatal."""
        state, notice = self.store.load()
        self._startup_notice = notice
        if state is None:
            self.saving = False
            return
        self.saving = True
        self.notebook = state.notebook
        self.saved_screen = state.screen if state.screen and state.screen in (s.id for s in self.guide.screens) else None
        if state.region and self.guide.region(state.region) and self.region_code is None:
            self.region_code = state.region
            self.region_from_reader = True

    def on_mount(self) -> None:
        if self.acknowledged:
            self.push_screen(ReaderScreen(self.guide, start=1, region_code=self.region_code))
        else:
            self.push_screen(WelcomeScreen(self.guide))
        if self._startup_notice:
            self.notify(self._startup_notice, severity="warning", timeout=15)
        self._check_size()

    # --- navigation -------------------------------------------------------------------------------

    def acknowledge(self, resume: bool = False) -> None:
        """The reader accepted the notice: open the reading screen at step 2 (or where they left off)."""
        self.acknowledged = True
        start = self.guide.index_of(self.saved_screen) if resume and self.saved_screen else 1
        self.switch_screen(ReaderScreen(self.guide, start=start, region_code=self.region_code))

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
            self.push_screen(HelpNowScreen())

    def action_choose_region(self) -> None:
        if not isinstance(self.screen, RegionPicker):
            self.push_screen(RegionPicker(self.guide, self.region_code), self._region_chosen)

    async def _region_chosen(self, code: str | None) -> None:
        if code is None:
            return
        self.region_code = None if code == EVERY_REGION else code
        self.region_from_reader = True
        self.save()
        for screen in self.screen_stack:
            if hasattr(screen, "region_changed"):
                await screen.region_changed()

    # --- My questions, handouts and saving ---------------------------------------------------------------

    def action_my_questions(self) -> None:
        if not isinstance(self.screen, MyQuestionsScreen):
            self.push_screen(MyQuestionsScreen())

    def action_export(self) -> None:
        if not isinstance(self.screen, ExportDialog):
            self.push_screen(ExportDialog(self.export_folder), self._exported)

    def _exported(self, path: Path | None) -> None:
        if path:
            self.notify(_("Handout saved: {path}").format(path=path), timeout=10)

    def write_handout(self, path: Path, kind: str) -> str | None:
        """Write the handout atomically; returns a message for the reader instead of raising."""
        from recovery_guide.atomic import write_text_atomic
        from recovery_guide.render.handout import build_handout, handout_html, handout_text

        handout = build_handout(self.guide, self.notebook, self.region_code, self.clinic)
        text = handout_html(handout) if kind == "html" else handout_text(handout)
        if not path.parent.is_dir():
            return _("That folder does not exist: {folder}").format(folder=path.parent)
        try:
            write_text_atomic(path, text)
        except OSError as error:
            return _("Could not save the handout to {path}: {reason}. Your list is unchanged.").format(path=path, reason=error.strerror or error)
        return None

    def screen_visited(self, screen_id: str) -> None:
        self.notebook.visit(screen_id)
        self.saved_screen = screen_id
        self.save()

    def notebook_changed(self) -> None:
        """Called after every change to the list: refresh what shows it, and save if the reader chose to."""
        reader = self.reader
        if reader is not None and reader.is_mounted:
            reader.show_questions()
        self.save()

    def set_saving(self, enabled: bool) -> None:
        if enabled == self.saving:
            return
        if enabled:
            self.saving = True
            problem = self.save()
            if problem is None:
                self.notify(_("Saving is on. Your questions and place are kept on this computer."), timeout=5)
        else:
            self.saving = False
            problem = self.store.forget()
            self.notify(problem or _("Saving is off. Nothing is kept on this computer."), severity="error" if problem else "information", timeout=5)

    def save(self) -> str | None:
        if not self.saving:
            return None
        state = SavedState(
            notebook=self.notebook,
            screen=self.saved_screen,
            language=self.guide.language.code,
            region=self.region_code if self.region_from_reader else None,
        )
        problem = self.store.save(state)
        if problem:
            self.notify(problem, severity="error", timeout=8)
        return problem

    def forget_everything(self) -> None:
        """Erase saved data and clear the list; saving is switched off."""
        self.saving = False
        problem = self.store.forget()
        self.notebook = Notebook()
        self.saved_screen = None
        self.notebook_changed()
        self.notify(problem or _("Everything is forgotten. Nothing is kept on this computer."), severity="error" if problem else "information", timeout=5)

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
