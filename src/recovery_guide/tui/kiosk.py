"""Kiosk mode in the app: the idle reset, starting over, the staff exit and the handout on a shared screen.

The app keeps one ``KioskController`` when the session is in kiosk mode. Every key and click reaches
it first (``RecoveryGuideApp.on_event``), typing in a dialog included: that is what "still reading"
means. After the clinic's idle time a notice counts down in the reader's language; any key or click
closes it (and does nothing else), and when the time runs out the guide starts over for the next
reader (``start_over``). Served in a browser the app ends instead, which closes that reader's
session (``recovery-guide serve`` relies on it).
"""

from __future__ import annotations

import time
from pathlib import Path

from textual import events
from textual.app import App

from recovery_guide.i18n import _
from recovery_guide.kiosk import Destination, handout_destination, idle_seconds, notice_seconds, print_handout
from recovery_guide.model import KioskSettings

ACTIVITY = (events.Key, events.MouseDown, events.MouseUp, events.MouseScrollDown, events.MouseScrollUp, events.Paste)
"""What counts as a reader still there. A mouse only moving does not (a bumped mouse would keep a
left session open for good)."""
CLOSES_NOTICE = (events.Key, events.MouseDown, events.Paste)

WRONG_CODES_ALLOWED = 5
"""Wrong staff codes in a row before the staff exit stops checking codes for ``CODE_LOCK_SECONDS``."""
CODE_LOCK_SECONDS = 60.0

KIOSK_ONLY = frozenset({"start_over", "staff_exit"})
"""Actions that exist only on a shared screen."""
NOT_IN_KIOSK = frozenset({"quit", "help_quit", "in_my_questions", "suspend_process", "screenshot"})
"""Actions a reader on a shared screen must not reach: leaving the app (``q``, Ctrl+Q, Ctrl+C),
suspending it (Ctrl+Z), saving or erasing files, and Textual's screenshot."""


SAVING = frozenset({"in_my_questions"})
"""Actions that save or erase the reader's files: not offered where saving is not (a browser tab)."""


def action_allowed(action: str, kiosk: bool, saving_offered: bool = True) -> bool:
    """Whether the app offers ``action`` (a binding, a palette command) in this mode; one rule for both."""
    name = action.removeprefix("app.").split("(", 1)[0]
    if not saving_offered and name in SAVING:
        return False
    return name not in NOT_IN_KIOSK if kiosk else name not in KIOSK_ONLY


class KioskController:
    """The app's kiosk behaviours, kept out of ``app.py``: one per app, only on a shared screen."""

    def __init__(self, app: App, settings: KioskSettings) -> None:
        """``app``: the ``RecoveryGuideApp`` (not imported here: it imports this module)."""
        self.app = app
        self.settings = settings
        self.idle_after = idle_seconds(settings)
        self.last_activity = time.monotonic()
        self.theme = app.theme
        """The theme a reset returns to (a reader may change it with ``t``)."""
        self.wrong_codes = 0
        self.codes_locked_until = 0.0
        """After ``WRONG_CODES_ALLOWED`` wrong staff codes in a row, no code is checked for a minute, so
        a reader cannot try all 10,000 four-digit codes in an afternoon (an adversarial review did 43
        in 13 seconds)."""

    def staff_code_locked(self) -> bool:
        return time.monotonic() < self.codes_locked_until

    def wrong_staff_code(self) -> None:
        self.wrong_codes += 1
        if self.wrong_codes >= WRONG_CODES_ALLOWED:
            self.wrong_codes = 0
            self.codes_locked_until = time.monotonic() + CODE_LOCK_SECONDS

    def start(self) -> None:
        """Check for idleness a few times within the idle time (at most once a second)."""
        self.app.set_interval(min(1.0, self.idle_after / 4), self._check_idle, name="kiosk idle")

    @property
    def notice(self):
        from recovery_guide.tui.screens.kiosk import IdleNotice

        screen = self.app.screen_stack[-1] if self.app.screen_stack else None
        return screen if isinstance(screen, IdleNotice) else None

    def activity(self, event: events.Event) -> bool:
        """Note a key or click; True when it only closed the idle notice (the app then drops it, so the
        key a reader pressed to say "I'm here" does not also act on the page)."""
        if not isinstance(event, ACTIVITY):
            return False
        self.last_activity = time.monotonic()
        notice = self.notice
        if notice is not None and isinstance(event, CLOSES_NOTICE):
            notice.dismiss(False)
            return True
        return False

    def _check_idle(self) -> None:
        if self.notice is None and time.monotonic() - self.last_activity >= self.idle_after:
            if self._nothing_to_clear():  # the welcome screen, untouched: no notice every few minutes
                self.last_activity = time.monotonic()
                return
            from recovery_guide.tui.screens.kiosk import IdleNotice

            self.app.push_screen(IdleNotice(notice_seconds()), self._notice_closed)

    def _nothing_to_clear(self) -> bool:
        """The guide is as a new reader finds it: the welcome screen alone, in the starting language
        and theme, with nothing in My questions or What matters to me."""
        from recovery_guide.tui.screens.welcome import WelcomeScreen

        app, session = self.app, self.app.session
        screen = app.screen_stack[-1] if app.screen_stack else None
        return (
            len(app.screen_stack) == 1
            and isinstance(screen, WelcomeScreen)
            and not screen.retired
            and session.fresh
            and app.theme == self.theme
        )

    async def _notice_closed(self, timed_out: bool | None) -> None:
        """The notice ran out: start over; served in a browser, end the app instead, which ends that
        reader's session (``recovery-guide serve`` relies on it to close sessions left open)."""
        self.last_activity = time.monotonic()
        if timed_out and self.app.is_web:
            self.app.exit(0)
        elif timed_out:
            await self.start_over()

    async def start_over(self) -> None:
        """Back to the welcome screen in the clinic's language, with My questions, What matters to me,
        the pages read, the region and the theme cleared, and every dialog closed."""
        app = self.app
        while len(app.screen_stack) > 1:
            await app.pop_screen()
        app.acknowledged = False
        app.copy_to_clipboard("")  # what the last reader copied (Ctrl+C in a text box) is not the next one's to paste
        problem = app.session.reset()
        app.theme = self.theme
        app.search_query, app.match_number = "", None
        from recovery_guide.tui.screens.welcome import WelcomeScreen

        if isinstance(app.screen, WelcomeScreen):
            # After the language switch the reset announced, which the welcome screen (still retired)
            # lets pass: its queue runs them in order, so the screen is drawn once, in the new language.
            app.screen.call_next(app.screen.welcome_again)
        app.clear_notifications()
        app.notify(problem or _("The guide has started over. Nothing from before was kept."), timeout=8)
        self.last_activity = time.monotonic()
        app._check_size()

    def confirm_start_over(self) -> None:
        """``o``: ask first, then start over."""
        from recovery_guide.tui.screens.dialogs import Confirm

        async def chosen(confirmed: bool | None) -> None:
            if confirmed:
                await self.start_over()

        self.app.show(
            Confirm,
            _("Start over"),
            _("Start over for the next person? This clears your questions and your answers on this screen."),
            _("Start over"),
            callback=chosen,
        )

    def staff_exit(self) -> None:
        """Ctrl+X: the staff code dialog; with no code in the clinic file, only the system can stop the guide."""
        if not self.settings.staff_code:
            self.app.notify(_("This guide stays open on this shared screen."), timeout=5)
            return
        from recovery_guide.tui.screens.kiosk import StaffExit

        self.app.show(StaffExit, self.settings.staff_code)

    def handout(self) -> None:
        """``x`` on a shared screen: the clinic's folder, its printer, or the screen (``handout_destination``)."""
        app = self.app
        session = app.session
        destination = handout_destination(self.settings, app.is_web)
        if destination is Destination.BROWSER:
            from recovery_guide.handout_paths import default_path

            name = default_path("html", folder=Path()).name
            app.deliver_handout_to_browser("html", name)
            app.notify(app.handout_message(Path(name)), timeout=10)
        elif destination is Destination.SCREEN:
            from recovery_guide.tui.screens.kiosk import HandoutOnScreen

            session.handout_delivered()
            app.show(HandoutOnScreen, session.handout("text"))
        elif destination is Destination.PRINTER:
            app.run_worker(self._print(session.handout("text")), name="print handout", group="print")
        else:
            self._to_folder()

    async def _print(self, text: str) -> None:
        """``lp`` in a thread: a slow or absent printer (up to ``PRINT_SECONDS``) must not freeze the
        screen, the help key or the idle timer (an adversarial review saw 4 s without a key)."""
        import asyncio

        app = self.app
        problem = await asyncio.to_thread(print_handout, text, self.settings.printer or "")
        if problem:
            app.notify(problem, severity="error", timeout=10)
        else:
            app.session.handout_delivered()
            app.notify(_("Your handout was sent to the printer. Ask the front desk for it."), timeout=10)

    def _to_folder(self) -> None:
        from recovery_guide.handout_paths import default_path, free_path

        app = self.app
        path = free_path(default_path("text", folder=Path(self.settings.handout_folder or "")))
        problem = app.session.write_handout(path, "text")
        if problem:
            app.notify(problem, severity="error", timeout=10)
        else:
            app.notify(_("Your handout is ready. Ask the front desk for it; its name is {name}.").format(name=path.name), timeout=10)
