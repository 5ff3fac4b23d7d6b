"""Make a handout (``x``): choose plain text or a printable page, and where to put it."""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, Input, RadioSet, Static

from recovery_guide.handout_paths import EXTENSIONS, UnusablePath, default_path, free_path, resolve
from recovery_guide import wording
from recovery_guide.i18n import N_, _
from recovery_guide.tui.base import GuideModal
from recovery_guide.tui.plain_text import plain
from recovery_guide.tui.widgets.choice_marks import MarkedRadioButton
from recovery_guide.tui.widgets.key_bar import KeyBar

class HandoutDialog(GuideModal):
    """Writes nothing until the reader presses Save; a failure is shown here and loses nothing.

    The choices scroll and the buttons stay under them, inside the dialog's edge at any size (at
    60x20 in German an error message pushed them out of it). Each format is marked "(•)" or "( )".
    """

    CSS_PATH = [*GuideModal.CSS_PATH, "handout.tcss"]
    BINDINGS = [("escape", "dismiss", N_("Cancel"))]

    def __init__(self) -> None:
        super().__init__()
        self.kind = "text"
        self.showing_error = False
        """True from an error until the next layout, which scrolls it into view."""

    @property
    def folder(self) -> Path | None:
        return self.session.handout_folder

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog", classes="picker"):
            with VerticalScroll(id="handout-body"):
                yield Static(_("Your questions, the key points you read and help lines, to take to your appointment."), markup=False)
                with RadioSet(id="handout-format"):
                    yield MarkedRadioButton(plain(_("Plain text (.txt)")), value=True, id="format-text")
                    yield MarkedRadioButton(plain(_("Page to print (.html)")), id="format-html")
                if self.app.is_web:  # under `serve` the file goes to the reader's browser, not a folder here
                    yield Static(_("Your browser will download it as:"), markup=False)
                    yield Input(default_path("text", folder=Path()).name, id="handout-path")
                else:
                    yield Static(_("Save to this file:"), markup=False)
                    yield Input(str(free_path(default_path("text", folder=self.folder))), id="handout-path")
                yield Static("", id="handout-error", markup=False)
            with Horizontal(classes="buttons"):
                yield Button(plain(_("Save handout")), id="handout-save", variant="primary", compact=True)
                yield Button(plain(_("Cancel")), id="handout-cancel", compact=True)
        yield KeyBar()

    def on_mount(self) -> None:
        self.screen_layout_refresh_signal.subscribe(self, self._scroll_to_error)
        self.query_one("#dialog").border_title = plain(_("Make a handout"))
        self.query_one("#handout-error").display = False
        self.query_one("#handout-path", Input).focus()

    def on_radio_set_changed(self, event: RadioSet.Changed) -> None:
        event.stop()
        self.kind = "html" if event.pressed.id == "format-html" else "text"
        path_input = self.query_one("#handout-path", Input)
        current = Path(path_input.value)
        if current == free_path(default_path("text" if self.kind == "html" else "html", folder=self.folder)):
            path_input.value = str(free_path(default_path(self.kind, folder=self.folder)))
        elif current.suffix in EXTENSIONS.values():
            path_input.value = str(current.with_suffix(EXTENSIONS[self.kind]))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.save()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "handout-save":
            self.save()
        else:
            self.dismiss(None)

    def save(self) -> None:
        raw = self.query_one("#handout-path", Input).value.strip()
        if not self.session.my_questions.entries and not self.session.my_values:  # emptied while the dialog was open

            self.show_error(wording.empty_list_message())
            return
        if not raw:
            self.show_error(_("Please type where to save the handout."))
            return
        if self.app.is_web:
            self.deliver_in_browser(raw)
            return
        try:
            path = resolve(raw, self.kind, self.folder)
        except UnusablePath as problem:
            self.show_error(str(problem))
            return
        if path.exists():  # never replace an earlier handout (or any file) without asking
            from recovery_guide.tui.screens.dialogs import Confirm

            def replace(confirmed: bool | None) -> None:
                if confirmed:
                    self.write(path)

            self.app.push_screen(
                Confirm(_("Replace the file?"), _("A file named {name} is already there. Replace it with this handout?").format(name=path.name), _("Replace")),
                replace,
            )
            return
        self.write(path)

    def deliver_in_browser(self, typed: str) -> None:
        """Under ``serve``: send the handout to the reader's browser as a download, under the name
        typed (folders dropped: the reader's browser chooses where it goes)."""
        name = Path(typed.replace("\\", "/")).name
        if name in ("", ".", ".."):
            name = default_path(self.kind, folder=Path()).name
        self.app.deliver_handout_to_browser(self.kind, name)
        self.dismiss(Path(name))

    def write(self, path: Path) -> None:
        problem = self.session.write_handout(path, self.kind)
        if problem:
            self.show_error(problem)  # here, not as a notice too: a notice would take lines from this dialog
            return
        self.dismiss(path)

    def show_error(self, message: str) -> None:
        """Say what went wrong under the file name, scrolled into view once it has its place."""
        error = self.query_one("#handout-error", Static)
        error.update(message)
        error.display = True
        self.showing_error = True

    def _scroll_to_error(self, _screen: object) -> None:
        if self.showing_error:
            self.showing_error = False
            self.query_one("#handout-body").scroll_to_widget(self.query_one("#handout-error"), animate=False)
