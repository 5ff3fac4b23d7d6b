"""Asked before quitting with questions that are not saved (``q``, Ctrl+Q, Ctrl+C): nothing the
reader wrote or chose is lost by a key."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Button, Static

from recovery_guide import wording
from recovery_guide.i18n import _
from recovery_guide.key_names import with_keys
from recovery_guide.tui.base import GuideModal
from recovery_guide.tui.keys import QUIT_DIALOG_KEYS, bindings
from recovery_guide.tui.plain_text import plain
from recovery_guide.tui.widgets.key_bar import KeyBar

HANDOUT, KEEP, QUIT = "handout", "keep", "quit"
"""What the dialog returns; None when the reader goes back (Escape)."""


class QuitDialog(GuideModal):
    """Three choices, one per line (so each is whole at 60 columns in every language); Escape goes back."""

    CSS_PATH = [*GuideModal.CSS_PATH, "quit.tcss"]
    BINDINGS = bindings(QUIT_DIALOG_KEYS)

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog", classes="picker"):
            yield Static(
                wording.not_kept_warning(bool(self.session.my_questions.entries)),
                id="quit-question",
                markup=False,
            )
            with Vertical(id="quit-choices"):
                yield Button(plain(_("Make a handout to take along")), id="quit-handout", variant="primary", compact=True)
                if self.session.saving_offered:  # not in a browser tab: nothing of the reader's is kept there
                    yield Button(plain(_("Keep them for next time, and quit")), id="quit-keep", compact=True)
                yield Button(plain(_("Quit without keeping them")), id="quit-discard", variant="error", compact=True)
            yield Static(with_keys(_("Press {escape} to go back to reading.")), id="quit-help", markup=False)
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one("#dialog").border_title = plain(_("Quit"))
        self.query_one("#quit-handout").focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss({"quit-handout": HANDOUT, "quit-keep": KEEP, "quit-discard": QUIT}[event.button.id or ""])
