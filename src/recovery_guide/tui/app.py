"""The Recovery Guide app: screens, global keys and the command palette.

``RecoveryGuideApp(session, theme)``: the session holds everything about the reader (guide,
language, region, clinic, My questions, progress, saving); the app shows it. The session announces
each change once, and the app turns that into a Textual signal (``language_changed_signal``,
``region_changed_signal``, ``my_questions_changed_signal``) that the screens showing it subscribe to,
so no screen calls the app back and the app never has to know which screens care.

Start-up is kept to what the first frame shows (benchmarks/README.md): the welcome screen is
Textual's first screen, and only it is imported with the app. The other screens are imported when
first opened, each bringing its own stylesheet (``CSS_PATH``); the welcome text is added just after
the first frame (``_after_first_frame``), and the other screens' modules and stylesheets are loaded
then, before the reader can press "I understand" (``stylesheets.py``).
"""

from __future__ import annotations

import gc
from functools import partial
from typing import TYPE_CHECKING, Any, Callable, TypeVar

from textual import events
from textual.app import App, ScreenStackError
from textual.notifications import Notify
from textual.screen import Screen
from textual.signal import Signal

from recovery_guide import wording
from recovery_guide.i18n import _
from recovery_guide.key_names import bar_key_name
from recovery_guide.guide_content.yaml_source import ContentError
from recovery_guide.model import Guide
from recovery_guide.my_questions import MyQuestions
from recovery_guide.session import Change, Session
from recovery_guide.tui.base import TranslatedBindingsMixin, report_problem
from recovery_guide.tui.commands import GuideCommands
from recovery_guide.tui.keys import APP_KEYS, bindings
from recovery_guide.tui.kiosk import KioskController, action_allowed
from recovery_guide.tui.input_decoding import install_input_decoding
from recovery_guide.tui.line_breaking import install as install_line_breaking
from recovery_guide.tui.screens.too_small import MIN_HEIGHT, MIN_WIDTH, TooSmallScreen
from recovery_guide.tui.screens.welcome import WelcomeScreen
from recovery_guide.tui.stylesheets import read_every_stylesheet
from recovery_guide.tui.themes import THEME_VARIABLE_DEFAULTS, THEMES, default_theme, next_theme, register_themes
from recovery_guide.tui.widgets.deferred_markdown import DeferredMarkdown

if TYPE_CHECKING:
    from recovery_guide.search import Match
    from recovery_guide.tui.screens.reader import ReaderScreen
    from recovery_guide.tui.screens.search import Searched

ScreenType = TypeVar("ScreenType", bound=Screen)


END_AFTER_SIGNAL = 5.0
"""Seconds a SIGTERM or SIGHUP leaves Textual to give the terminal back before the process ends anyway."""


class RecoveryGuideApp(TranslatedBindingsMixin, App[int]):
    """Welcome -> acknowledgement -> reading. Help lines and the keys list open over any screen."""

    CSS_PATH = "app.tcss"
    COMMANDS = {GuideCommands}
    """Only our own, translated commands: Textual's system commands have English-only titles."""
    ENABLE_COMMAND_PALETTE = True

    BINDINGS = bindings(APP_KEYS)

    def __init__(self, session: Session, theme: str | None = None, *, acknowledged: bool = False) -> None:
        """``theme`` (from ``--theme``) wins over the one the reader saved; ``acknowledged`` opens on reading."""
        super().__init__()
        install_line_breaking()
        install_input_decoding()
        self.session = session
        self.acknowledged = acknowledged
        self.title = wording.app_title()
        register_themes(self)
        chosen = theme or session.theme
        self.theme = chosen if chosen in THEMES else default_theme()
        self.language_changed_signal: Signal[Guide] = Signal(self, "language-changed")
        """Published after the reader chose another language; every screen shows itself again in it."""
        self.region_changed_signal: Signal[str | None] = Signal(self, "region-changed")
        """Published after the reader chose a region (None: every region); help lines follow it."""
        self.my_questions_changed_signal: Signal[MyQuestions] = Signal(self, "my-questions-changed")
        """Published after each change to My questions (subscribers are called at once, so a screen's
        list is up to date before the key that changed it returns)."""
        session.subscribe(self._session_changed)
        self.search_query = ""
        """The words searched for last: ``/`` shows them again, and the match keys step through their matches."""
        self.match_number: int | None = None
        """Which of those matches on the screens (``screen_matches``) the reader was taken to last."""
        self.kiosk: KioskController | None = None
        """Set on a shared screen (kiosk mode): the idle reset, start over, the staff exit (``tui/kiosk.py``)."""
        if session.kiosk is not None:
            self.kiosk = KioskController(self, session.kiosk)
            self.acknowledged = False  # a shared screen always opens on the welcome screen
            self.features = frozenset()  # no developer tools or debug mode from the TEXTUAL variable
            self.devtools = None
        self._quit_after_delivery = False
        """In a browser (``serve``): the reader made a handout to quit; quit once the browser has it."""

    def get_key_display(self, binding) -> str:
        """A key on the key bar as the reader's keyboard prints it (``Supr``, ``Entf``, ``↓``), from
        ``key_names``; Textual's own short English forms ("esc", "del") only for keys it does not name."""
        if binding.key_display:
            return binding.key_display
        modifiers, key = binding.parse_key()
        name = bar_key_name(key)
        if name is None or modifiers:
            return super().get_key_display(binding)
        return name

    def get_theme_variable_defaults(self) -> dict[str, str]:
        """Our own theme variables, as the standard and light themes (Textual's) leave them."""
        return dict(THEME_VARIABLE_DEFAULTS)

    def get_default_screen(self) -> Screen:
        """The first screen, as Textual's own default screen rather than one pushed over it.

        A screen pushed during start-up is laid out three times before its first frame (about 20 ms
        on the welcome screen); the default screen once (benchmarks/README.md). Textual reads a
        pushed screen's ``CSS_PATH`` but not the default screen's, so it is read here (the
        stylesheet is still to be parsed, so adding it costs only the reading).
        """
        if self.acknowledged:
            from recovery_guide.tui.screens.reader import ReaderScreen

            screen: Screen = ReaderScreen(start=1)
        else:
            screen = WelcomeScreen()
        for path in screen.css_path:
            if not self.stylesheet.has_source(str(path), ""):
                self.stylesheet.read(path)
        return screen

    def on_mount(self) -> None:
        if self.session.startup_notice:
            self.notify(self.session.startup_notice, severity="warning", timeout=15)
        self._check_size()
        self._exit_on_signals()
        if self.kiosk is not None:
            self.kiosk.start()

    def _exit_on_signals(self) -> None:
        """SIGTERM and SIGHUP end the app as ``q`` does, so Textual gives the terminal back (leaves
        the alternate screen, turns mouse tracking off, shows the cursor); by default they killed
        Python at once and left the terminal unusable. The exit status is 128 + the signal's number,
        as a shell reports a program a signal ended. Not in tests (headless), nor where the event
        loop cannot take signals (Windows). The process then ends within ``END_AFTER_SIGNAL``
        seconds, whatever Textual's teardown does (``_end_on_signal``)."""
        import asyncio
        import signal

        if self.is_headless:
            return
        loop = asyncio.get_running_loop()
        for name in ("SIGTERM", "SIGHUP"):
            signum = getattr(signal, name, None)
            if signum is None:
                continue
            try:
                loop.add_signal_handler(signum, partial(self._end_on_signal, 128 + signum))
            except (NotImplementedError, RuntimeError, ValueError):
                pass

    def _end_on_signal(self, status: int) -> None:
        """Exit as ``q`` does, and make sure the process ends. A hang-up usually means the terminal
        has gone (its window closed, its tmux server killed): Textual's teardown then never finishes,
        its input thread reading end-of-file in a loop at full speed, or its writer's queue full with
        no one to read it, and the reader's closed window leaves a process spinning. So a daemon
        timer ends the process with the same status if it is still there ``END_AFTER_SIGNAL`` seconds
        later; a normal exit is over long before (and ends the timer with it)."""
        import os
        import threading

        self.exit(None, status)
        timer = threading.Timer(END_AFTER_SIGNAL, os._exit, (status,))
        timer.daemon = True
        timer.start()

    def on_ready(self) -> None:
        """Textual's start-up is over and the first frame is out (or due): finish what waited for it."""
        self.call_after_refresh(self._after_first_frame)

    def _after_first_frame(self) -> None:
        for screen in self.screen_stack:
            for deferred in screen.query(DeferredMarkdown):
                deferred.build()
        # What the next keys will need, loaded while the reader reads the first screen: the screens
        # and their stylesheets, parsed and applied once rather than at each first opening.
        read_every_stylesheet(self)
        # Everything made so far (modules, the parsed guide, the screens and their styles) lives as long
        # as the app: moved out of the collector's sight, so its full collections, which came every few
        # page turns and walked this whole heap (about 0.13 s each, a visible stall), walk only what a
        # turn makes. Objects made later are collected as before.
        gc.freeze()

    def on_unmount(self) -> None:
        """The app is closing: what it froze goes back to the collector (a process that runs the app
        again, a test runner, would otherwise keep every earlier app's objects for good)."""
        gc.unfreeze()

    # --- kiosk mode (a shared screen) ------------------------------------------------------------------

    async def on_event(self, event: events.Event) -> None:
        """Every key and click reaches the kiosk first (it counts them as the reader still there); the
        one that closes the idle notice goes no further."""
        if self.kiosk is not None and self.kiosk.activity(event):
            return
        await super().on_event(event)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """On a shared screen no key leaves the app, suspends it or saves; elsewhere Start over and the
        staff exit do not exist. False also hides the key from the key bar (``tui.kiosk.action_allowed``)."""
        return action_allowed(action, self.kiosk is not None, self.session.saving_offered)

    async def action_start_over(self) -> None:
        if self.kiosk is not None:
            self.kiosk.confirm_start_over()

    def action_staff_exit(self) -> None:
        if self.kiosk is not None:
            self.kiosk.staff_exit()

    def action_screenshot(self, filename: str | None = None, path: str | None = None) -> None:
        """Textual's screenshot writes a file: never on a shared screen."""
        if self.kiosk is None:
            super().action_screenshot(filename, path)

    def deliver_screenshot(self, *args: Any, **kwargs: Any) -> str | None:
        """Also reached by ``TEXTUAL_SCREENSHOT``: refused on a shared screen."""
        if self.kiosk is not None:
            return None
        return super().deliver_screenshot(*args, **kwargs)

    def action_suspend_process(self) -> None:
        if self.kiosk is None:
            super().action_suspend_process()

    # --- the session's changes, as signals ----------------------------------------------------------------

    def _session_changed(self, change: Change) -> None:
        if change is Change.LANGUAGE:
            self.title = wording.app_title()
            self.refresh_bindings()
            self.language_changed_signal.publish(self.session.guide)
        elif change is Change.REGION:
            self.region_changed_signal.publish(self.session.region_code)
        elif change is Change.MY_QUESTIONS:
            self.my_questions_changed_signal.publish(self.session.my_questions)
        # Change.VALUES: only the What matters to me screen shows the answers, and it makes the changes itself

    # --- showing screens ------------------------------------------------------------------------------

    def show(self, screen_type: type[ScreenType], *args: Any, callback: Callable[[Any], Any] | None = None, **kwargs: Any) -> None:
        """Open a screen of ``screen_type`` over the current one, unless one is already on top.

        A key pressed twice (or held) must not stack two copies of the same dialog.
        """
        if not isinstance(self.screen, screen_type):
            self.push_screen(screen_type(*args, **kwargs), callback)

    # --- navigation -------------------------------------------------------------------------------

    def on_welcome_screen_acknowledged(self, message: WelcomeScreen.Acknowledged) -> None:
        """The reader accepted the notice: open the reading screen at step 2 (or where they left off)."""
        self.acknowledged = True
        from recovery_guide.tui.screens.reader import ReaderScreen

        page = self.session.progress.page
        start = self.session.guide.index_of(page) if message.resume and page else 1
        self.push_screen(ReaderScreen(start=start))
        message.welcome.retire()

    @property
    def reader(self) -> ReaderScreen | None:
        from recovery_guide.tui.screens.reader import ReaderScreen

        return next((screen for screen in self.screen_stack if isinstance(screen, ReaderScreen)), None)

    def go_to_page(self, page_id: str) -> None:
        """Close what is over the reading screen and turn to ``page_id`` (acknowledges nothing on the reader's behalf)."""
        reader = self.reader
        if reader is None:
            return
        while self.screen is not reader:
            self.pop_screen()
        reader.go_to(self.session.guide.index_of(page_id))

    async def reader_action(self, action: str) -> None:
        """Run a reading-screen action from anywhere (the palette), if reading has begun."""
        reader = self._back_to_reader()
        if reader is not None:
            await reader.run_action(action)

    def _back_to_reader(self) -> ReaderScreen | None:
        """Close what is over the reading screen and return it; before reading has begun, the welcome
        screen says how to begin instead (a reading key never does nothing without a word)."""
        reader = self.reader
        if reader is None:
            welcome = next((screen for screen in self.screen_stack if isinstance(screen, WelcomeScreen)), None)
            while welcome is not None and self.screen is not welcome:
                self.pop_screen()
            if welcome is not None:
                welcome.action_not_yet()
            return None
        while self.screen is not reader:
            self.pop_screen()
        return reader

    def action_help_now(self) -> None:
        from recovery_guide.tui.screens.help_now import HelpNowScreen

        self.show(HelpNowScreen, callback=lambda _closed: self._check_size())  # closed in a small window: the notice again

    def action_choose_region(self) -> None:
        from recovery_guide.tui.screens.regions import RegionPicker

        self.show(RegionPicker, callback=self._region_chosen)

    def _region_chosen(self, code: str | None) -> None:
        from recovery_guide.tui.screens.regions import EVERY_REGION

        if code is not None:
            report_problem(self, self.session.set_region(None if code == EVERY_REGION else code))

    def action_my_questions(self) -> None:
        from recovery_guide.tui.screens.my_questions import MyQuestionsScreen

        self.show(MyQuestionsScreen)

    def action_what_matters(self) -> None:
        """``w``: What matters to me (nothing happens when a content folder has no such exercise)."""
        from recovery_guide.tui.screens.values import ValuesScreen

        if self.session.guide.values is None:
            return
        self.show(ValuesScreen)

    async def action_in_my_questions(self, action: str) -> None:
        """Run an action of the My questions screen (a palette command: saving, forget everything), opening it first."""
        from recovery_guide.tui.screens.my_questions import MyQuestionsScreen

        if not isinstance(self.screen, MyQuestionsScreen):
            await self.push_screen(MyQuestionsScreen())
        await self.screen.run_action(action)

    def action_handout(self, then_quit: bool = False) -> None:
        """``x``: the handout dialog; with an empty list, a message instead of an empty handout."""
        from recovery_guide.tui.screens.handout import HandoutDialog

        if not self.session.my_questions.entries and not self.session.my_values:
            self.notify(wording.empty_list_message(), severity="warning", timeout=8)
            return
        if self.kiosk is not None:
            self.kiosk.handout()
            return
        self.show(HandoutDialog, callback=self._handout_saved_then_quit if then_quit else self._handout_saved)

    def deliver_handout_to_browser(self, kind: str, name: str) -> None:
        """Under ``serve`` (``is_web``): the handout as a download in the reader's browser, named
        ``name``; nothing is written on the computer that runs the guide, which may be a clinic's
        shared one. The handout dialog calls this; so can any other place that makes a handout."""
        from io import StringIO

        mime_type = "text/html" if kind == "html" else "text/plain"
        self.deliver_text(StringIO(self.session.handout(kind)), save_filename=name, mime_type=mime_type, encoding="utf-8")
        self.session.handout_delivered()

    def _handout_saved(self, path) -> None:
        if path:
            self.notify(self.handout_message(path), timeout=10)

    def _handout_saved_then_quit(self, path) -> None:
        """The reader chose a handout when quitting: once it is saved, quit and say where it is.
        In a browser the app serves the download itself, so it quits once the browser has it."""
        if not path:
            return
        if self.is_web:
            self.notify(self.handout_message(path), timeout=10)
            self._quit_after_delivery = True
            return
        from rich.text import Text

        self.exit(0, message=Text(self.handout_message(path)))

    def handout_message(self, path) -> str:
        """Where the reader's handout went: their browser's downloads under ``serve``, else its path."""
        if self.is_web:
            return _("Handout sent to your browser as {name}. Look in your downloads.").format(name=path.name)
        return _("Handout saved: {path}").format(path=path)

    def on_delivery_complete(self, event) -> None:
        """A handout reached the browser (``serve``): quit now if the reader was quitting."""
        if self._quit_after_delivery:
            self.exit(0)

    def on_delivery_failed(self, event) -> None:
        """The browser did not take the handout (``serve``): say so; the list is still here."""
        self._quit_after_delivery = False
        self.notify(_("Your browser did not receive the handout. Please try again."), severity="error", timeout=10)

    # --- quitting -----------------------------------------------------------------------------------

    async def action_quit(self) -> None:
        """``q``, Ctrl+Q and Ctrl+C: quit at once, unless questions would be lost; then ask first.
        An answer in What matters to me still held back (the reader quit from its row) is written first."""
        if self.kiosk is not None:  # a shared screen stays open: staff close it with their code
            return
        report_problem(self, self.session.save_held())
        if not self.session.questions_at_risk:
            self.exit(0)
            return
        from recovery_guide.tui.screens.quit import QuitDialog

        self.show(QuitDialog, callback=self._quit_chosen)

    async def action_help_quit(self) -> None:
        """Textual's Ctrl+C (an English "Do you want to quit?" hint) takes the same path as ``q``."""
        await self.action_quit()

    def _quit_chosen(self, choice: str | None) -> None:
        from recovery_guide.tui.screens.quit import HANDOUT, KEEP, QUIT

        if choice == HANDOUT:
            self.action_handout(then_quit=True)
        elif choice == KEEP:
            problem = self.session.set_saving(True) if not self.session.saving else self.session.save()
            if problem:  # not kept: stay, so nothing is lost
                report_problem(self, problem)
            else:
                self.exit(0)
        elif choice == QUIT:
            self.exit(0)

    def action_glossary(self) -> None:
        from recovery_guide.tui.screens.glossary import GlossaryScreen

        self.show(GlossaryScreen, callback=self._glossary_closed)

    def _glossary_closed(self, search_for: str | None) -> None:
        """The glossary had no word for what the reader typed, and they asked to search the whole guide."""
        if search_for:
            self.search_query = search_for
            self.action_search()

    def action_search(self) -> None:
        from recovery_guide.tui.screens.search import SearchScreen

        self.show(SearchScreen, self.search_query, callback=self._search_result_chosen)

    def screen_matches(self) -> list[Match]:
        """Every match of the last search on the guide's screens, in reading order (the glossary's are left out)."""
        from recovery_guide.search import search

        query = self.search_query
        return [match for match in search(self.session.guide, query, limit=10_000) if match.screen_id] if query.strip() else []

    async def _search_result_chosen(self, searched: Searched | None) -> None:
        if searched is None:
            return
        self.search_query = searched.query
        match = searched.match
        if match is None:
            return
        if match.screen_id:
            matches = self.screen_matches()
            self.match_number = matches.index(match) if match in matches else None
            await self.land_on(match)
        elif match.term_id:
            from recovery_guide.tui.screens.glossary import TermDefinition

            self.show(TermDefinition, match.term_id)

    async def land_on(self, match: Match) -> None:
        """Close what is over the reading screen, turn to the match and mark it (before reading has
        begun, the welcome screen says how to begin instead)."""
        reader = self._back_to_reader()
        if reader is not None:
            await reader.land_on(match, self.search_query)

    async def step_match(self, step: int) -> None:
        """The next (``step`` 1) or previous (-1) match of the last search, going round at either end."""
        if not self.search_query.strip():
            self.notify(_("Press / to search first."), timeout=4)
            return
        matches = self.screen_matches()
        if not matches:
            self.notify(_("Nothing found. Try another word, or press g for the list of words."), timeout=4)
            return
        if self.match_number is None:
            number = 0 if step > 0 else len(matches) - 1
        else:
            number = (self.match_number + step) % len(matches)
        self.match_number = number
        await self.land_on(matches[number])
        self.notify(_("Found {number} of {count}: {words}").format(number=number + 1, count=len(matches), words=self.search_query), timeout=3, markup=False)

    def action_keys_help(self) -> None:
        from recovery_guide.tui.screens.keys_help import KeysHelpScreen

        self.show(KeysHelpScreen)

    def action_command_palette(self) -> None:
        from recovery_guide.tui.palette import GuidePalette

        self.show(GuidePalette, id="--command-palette", placeholder=_("Search for actions and screens"))

    def action_next_theme(self) -> None:
        """``t``: standard -> light -> high contrast -> monochrome -> standard."""
        self.theme = next_theme(self.theme)
        self.session.theme = self.theme
        report_problem(self, self.session.save())
        self.notify(_("Theme: {name}").format(name=_(THEMES[self.theme])), timeout=3)

    # --- notices --------------------------------------------------------------------------------------

    def _on_notify(self, event: Notify) -> None:
        """Show one notice at a time: a new one replaces the one showing.

        Notices (``notify`` from anywhere: the app, a screen, a widget) show in a band just above the
        key bar (app.tcss) that takes its own lines while it shows: the text above it stays where it
        is and the screen's last lines make room, the disclaimer moving up with them. Textual's
        toasts float over the bottom right corner, stacked, where they covered the disclaimer, the
        last lines of text, a dialog's error message and the "make this window larger" notice;
        the band is drawn over nothing. A dialog shows its own problems in itself, not as a notice.
        Messages are plain text, never markup: they may hold a path or a file name.
        """
        event.notification.markup = False
        self._notifications.clear()
        super()._on_notify(event)

    def _refresh_notifications(self) -> None:
        """Take away the line of each notice no longer shown before showing the others.

        Textual 8.2's toast rack removes a replaced toast but keeps the box it sat in; in the band
        (which takes its own lines) each such empty box kept a blank line above the key bar, one more
        per notice, squeezing the text (found by an adversarial pass)."""
        from textual.css.query import NoMatches
        from textual.widgets._toast import ToastHolder, ToastRack

        try:
            rack = self.screen.get_child_by_type(ToastRack)
        except (NoMatches, ScreenStackError):
            rack = None
        if rack is not None:
            shown = {ToastRack._toast_id(notification) for notification in self._notifications}
            for holder in rack.query_children(ToastHolder):
                if holder.id not in shown:
                    holder.remove()
        super()._refresh_notifications()

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

    # --- languages --------------------------------------------------------------------------------

    def action_choose_language(self) -> None:
        from recovery_guide.tui.screens.languages import LanguagePicker

        self.show(LanguagePicker, self.session.available_languages(), callback=self._language_chosen)

    async def _language_chosen(self, code: str | None) -> None:
        if code:
            await self.switch_language(code)

    async def switch_language(self, code: str) -> None:
        """Show everything in ``code``: same screen, same place; footer, help and palette follow."""
        try:
            self.session.switch_language(code)
        except ContentError as error:
            self.notify(str(error), severity="error", timeout=10)

    # --- size ---------------------------------------------------------------------------------------

    def on_resize(self, event: events.Resize) -> None:
        self._check_size(event.size.width, event.size.height)

    def _check_size(self, width: int | None = None, height: int | None = None) -> None:
        """The too-small notice over everything below 60x20, except Get help now: help lines are
        shown at any size (they scroll). A notice under a dialog (Quit) is refreshed where it is,
        and closes itself when it is on top again (``TooSmallScreen.on_screen_resume``)."""
        if width is None or height is None:
            width, height = self.size
        too_small = width < MIN_WIDTH or height < MIN_HEIGHT
        notice = next((screen for screen in self.screen_stack if isinstance(screen, TooSmallScreen)), None)
        if notice is not None:
            if too_small:
                notice.refresh_message(width, height)
            elif self.screen is notice:
                self.pop_screen()
        elif too_small and not getattr(self.screen, "SHOWN_AT_ANY_SIZE", False):
            self.push_screen(TooSmallScreen())
