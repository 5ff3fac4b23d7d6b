"""Small dialogs: type a line of text, or confirm a choice that cannot be undone."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Input, Static

from recovery_guide.i18n import N_, _
from recovery_guide.key_names import with_keys
from recovery_guide.my_questions import MAX_TEXT
from recovery_guide.tui.base import GuideModal
from recovery_guide.tui.plain_text import plain
from recovery_guide.tui.widgets.key_bar import KeyBar


class TextPrompt(GuideModal):
    """Returns the typed text, or None when the reader closes it with Escape.

    Text to edit is shown with the cursor at its end and nothing selected: a selection would be
    replaced by the first key typed, losing the question the reader meant to change."""

    BINDINGS = [("escape", "dismiss", N_("Cancel"))]

    def __init__(self, title: str, explanation: str, value: str = "") -> None:
        super().__init__()
        self.title_text = title
        self.explanation = explanation
        self.value = value

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog", classes="picker"):
            yield Static(self.explanation, id="prompt-help", markup=False)
            yield Input(self.value, id="prompt-input", max_length=MAX_TEXT, placeholder=with_keys(_("Type here, then press {enter}")), select_on_focus=False)
            with Horizontal(classes="buttons"):
                yield Button(plain(_("Save")), id="prompt-save", variant="primary", compact=True)
                yield Button(plain(_("Cancel")), id="prompt-cancel", compact=True)
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one("#dialog").border_title = plain(self.title_text)
        typed = self.query_one(Input)
        typed.cursor_position = len(typed.value)
        typed.focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.dismiss(event.value)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(self.query_one(Input).value if event.button.id == "prompt-save" else None)


class Confirm(GuideModal):
    """Returns True only when the reader presses the confirming button; the safe choice has focus."""

    BINDINGS = [("escape", "dismiss", N_("Cancel"))]

    def __init__(self, title: str, question: str, confirm_label: str) -> None:
        super().__init__()
        self.title_text = title
        self.question = question
        self.confirm_label = confirm_label

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog", classes="picker"):
            yield Static(self.question, id="confirm-question", markup=False)
            with Horizontal(classes="buttons"):
                yield Button(plain(_("Cancel")), id="confirm-cancel", variant="primary", compact=True)
                yield Button(plain(self.confirm_label), id="confirm-yes", variant="error", compact=True)
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one("#dialog").border_title = plain(self.title_text)
        self.query_one("#confirm-cancel").focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id == "confirm-yes")
