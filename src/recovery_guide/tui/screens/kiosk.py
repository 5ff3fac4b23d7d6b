"""The dialogs of kiosk mode (a shared screen): the idle notice, the staff exit and the handout
shown on the screen. What they do to the app is ``tui/kiosk.py``; the rules are ``recovery_guide.kiosk``."""

from __future__ import annotations

import math
import time

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, Input, Static

from recovery_guide.i18n import N_, _
from recovery_guide.key_names import with_keys
from recovery_guide.tui.base import GuideModal
from recovery_guide.tui.plain_text import plain
from recovery_guide.tui.widgets.key_bar import KeyBar

KIOSK_STYLES = [*GuideModal.CSS_PATH, "kiosk.tcss"]


class IdleNotice(GuideModal):
    """"Still reading? Press any key", counting down; any key or click closes it (the app sees them
    first: ``KioskController.activity``). Dismissed with True when the time ran out."""

    CSS_PATH = KIOSK_STYLES
    BINDINGS = []

    def __init__(self, seconds: float) -> None:
        super().__init__()
        self.seconds = seconds
        self.deadline = time.monotonic() + seconds

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog", classes="picker"):
            yield Static(_("Still reading? Press any key."), id="kiosk-message", markup=False)
            yield Static(self.countdown_text(), id="idle-countdown", markup=False)

    def on_mount(self) -> None:
        self.query_one("#dialog").border_title = plain(_("Still reading?"))
        self.set_interval(min(1.0, self.seconds / 4), self.tick)

    def remaining(self) -> int:
        return max(0, math.ceil(self.deadline - time.monotonic()))

    def countdown_text(self) -> str:
        return _("If not, the guide starts over in {seconds} seconds, and your questions are cleared.").format(seconds=self.remaining())

    def tick(self) -> None:
        if time.monotonic() >= self.deadline:
            self.dismiss(True)
        else:
            self.query_one("#idle-countdown", Static).update(self.countdown_text())


class StaffExit(GuideModal):
    """For staff: type the clinic's code to close the guide. A wrong code only says so."""

    CSS_PATH = KIOSK_STYLES
    BINDINGS = [("escape", "dismiss", N_("Cancel"))]

    def __init__(self, code: str) -> None:
        super().__init__()
        self.code = code

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog", classes="picker"):
            yield Static(with_keys(_("For staff: type the code to close the guide, then press {enter}. Readers: press {escape} to go back.")), id="kiosk-message", markup=False)
            yield Input(id="staff-code", password=True, max_length=64)
            yield Static("", id="kiosk-error", markup=False)
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one("#dialog").border_title = plain(_("Close the guide"))
        self.query_one("#kiosk-error").display = False
        self.query_one(Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        import hmac

        kiosk = self.app.kiosk
        event.input.value = ""
        error = self.query_one("#kiosk-error", Static)
        error.display = True
        if kiosk is not None and kiosk.staff_code_locked():
            error.update(_("Too many tries. Please wait a minute."))  # not even checked: guessing stays slow
            return
        if hmac.compare_digest(event.value.encode("utf-8"), self.code.encode("utf-8")):
            self.app.exit(0)
            return
        if kiosk is not None:
            kiosk.wrong_staff_code()
        error.update(_("That is not the staff code."))


class HandoutOnScreen(GuideModal):
    """The handout as text on the screen, to photograph or copy: on a shared screen with no clinic
    folder and no printer, nothing may be written."""

    CSS_PATH = KIOSK_STYLES
    BINDINGS = [("escape", "dismiss", N_("Close"))]

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog", classes="picker on-screen"):
            yield Static(_("Take a photo of this, or copy it down. It is not kept after you leave."), id="kiosk-message", markup=False)
            with VerticalScroll(id="handout-text", can_focus=True):
                yield Static(self.text, markup=False)
            with Horizontal(classes="buttons"):
                yield Button(plain(_("Close")), id="handout-close", variant="primary", compact=True)
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one("#dialog").border_title = plain(_("Your handout"))
        self.query_one("#handout-text").focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(None)
