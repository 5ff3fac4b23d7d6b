"""My questions (``m``): the reader's list, grouped by topic, to reorder, edit and take along."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, Static
from textual.widgets.option_list import Option

from recovery_guide import wording
from recovery_guide.i18n import N_, _
from recovery_guide.my_questions import Entry, EntryKind
from recovery_guide.tui.base import GuideModal
from recovery_guide.tui.screens.dialogs import Confirm, TextPrompt
from recovery_guide.tui.widgets.key_list import KeyList
from recovery_guide.tui.widgets.key_bar import KeyBar


class MyQuestionsList(KeyList):
    """The questions; group titles are shown as disabled rows so the cursor skips them."""


class MyQuestionsScreen(GuideModal):
    """Everything here changes the in-memory list at once, and the saved file too if saving is on."""

    BINDINGS = [
        Binding("escape,m", "dismiss", N_("Close"), id="close"),
        Binding("a", "add_own", N_("Write a question"), id="write-question"),
        Binding("e,enter", "edit", N_("Edit"), id="edit-question"),
        Binding("u", "move(-1)", N_("Move up"), id="move-up"),
        Binding("d", "move(1)", N_("Move down"), id="move-down"),
        Binding("delete,s", "remove", N_("Remove"), id="remove-question", key_display="del"),
        Binding("x", "app.export", N_("Handout"), id="export-from-list"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[Entry | None] = []
        """The entry on each row of the list (None for a group title)."""

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="dialog", classes="questions-dialog"):
            yield Static(id="questions-help", markup=False)
            yield MyQuestionsList(id="my-questions-list")
            yield Static(id="understanding", markup=False)
            with Horizontal(classes="buttons"):
                yield Button(_("Write a question"), id="write", compact=True)
                yield Button(_("Make a handout"), id="export", variant="primary", compact=True)
            yield Button(self.keep_label(), id="keep", compact=True)
            yield Static(_("Off: nothing is written to this computer. On: saved only for you, until you choose Forget everything."), id="keep-help", markup=False)
            yield Button(_("Forget everything"), id="forget", variant="error", compact=True)
        yield KeyBar()

    async def on_mount(self) -> None:
        self.query_one("#dialog").border_title = wording.my_questions()
        self.refresh_list()
        self.query_one(MyQuestionsList).focus()

    def refresh_list(self, keep: Entry | None = None) -> None:
        """Show the list again from the notebook, with the cursor on ``keep`` if given."""
        app = self.app
        notebook = app.notebook
        options: list[Option] = []
        self.rows = []
        number = 0
        for group in notebook.groups(app.guide, app.clinic, wording.general_questions()):
            options.append(Option(Text(group.title, style="bold underline"), disabled=True))
            self.rows.append(None)
            for entry, text in group.entries:
                number += 1
                own = "  (" + _("my words") + ")" if entry.kind is EntryKind.OWN else ""
                options.append(Option(Text(f"{number:>2}. {text}{own}")))
                self.rows.append(entry)
        count = sum(1 for _ in notebook.questions())
        if count:
            help_text = _("Questions: {count}. Up and down to choose; u and d move; e edits your own; Delete removes.").format(count=count)
        else:
            help_text = _("Your list is empty. On any screen, press Tab to reach its questions, then s to add one. Press a to write your own.")
        self.query_one("#questions-help", Static).update(help_text)
        understanding = [f"- {group.title}: {text}" for group in notebook.groups(app.guide, app.clinic, "", kinds=(EntryKind.UNDERSTANDING,)) for _e, text in group.entries]
        note = self.query_one("#understanding", Static)
        note.update(wording.check_my_understanding() + ":\n" + "\n".join(understanding) if understanding else "")
        note.display = bool(understanding)
        entries = self.query_one(MyQuestionsList)
        entries.set_options(options)
        if keep is not None and keep in self.rows:
            entries.highlighted = self.rows.index(keep)
        elif any(row is not None for row in self.rows):
            entries.highlighted = next(index for index, row in enumerate(self.rows) if row is not None)

    async def language_changed(self) -> None:
        """Curated questions follow the language; the reader's own words stay as typed."""
        await self.recompose()
        await self.on_mount()

    @property
    def current(self) -> Entry | None:
        index = self.query_one(MyQuestionsList).highlighted
        return self.rows[index] if index is not None and index < len(self.rows) else None

    def changed(self, keep: Entry | None = None) -> None:
        self.app.notebook_changed()
        self.refresh_list(keep)

    def action_add_own(self) -> None:
        def added(text: str | None) -> None:
            if text:
                entry = self.app.notebook.add_own(text, None)
                self.changed(entry)

        self.app.push_screen(TextPrompt(_("Write a question"), _("Type a question to ask your provider, in your own words.")), added)

    def action_edit(self) -> None:
        entry = self.current
        if entry is None:
            return
        if entry.kind not in (EntryKind.OWN, EntryKind.UNDERSTANDING):
            self.notify(_("This question comes from the guide. You can remove it, or write your own."), timeout=4)
            return

        def edited(text: str | None) -> None:
            if text and self.app.notebook.edit(entry, text):
                self.changed(entry)

        self.app.push_screen(TextPrompt(_("Edit your question"), _("Change the words, then press Enter."), entry.text), edited)

    def action_move(self, step: int) -> None:
        entry = self.current
        if entry is not None and self.app.notebook.move(entry, step):
            self.changed(entry)

    def action_remove(self) -> None:
        entry = self.current
        if entry is None:
            return
        index = self.rows.index(entry)
        self.app.notebook.remove(entry)
        self.changed()
        # keep the cursor near where it was
        rows = self.rows
        candidates = [i for i, row in enumerate(rows) if row is not None]
        if candidates:
            self.query_one(MyQuestionsList).highlighted = min(candidates, key=lambda i: abs(i - index))

    def keep_label(self) -> str:
        """The saving choice spelled out in words (a tick box would show its state by colour alone)."""
        if self.app.saving:
            return _("Saving is ON: press to stop keeping my questions on this computer")
        return _("Saving is OFF: press to keep my questions and place on this computer")

    def set_saving(self, enabled: bool) -> None:
        self.app.set_saving(enabled)
        self.query_one("#keep", Button).label = self.keep_label()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "keep":
            self.set_saving(not self.app.saving)
        elif event.button.id == "write":
            self.action_add_own()
        elif event.button.id == "export":
            self.app.action_export()
        elif event.button.id == "forget":
            self.app.push_screen(
                Confirm(_("Forget everything"), _("Erase your saved questions and place from this computer, and clear this list?"), _("Erase")),
                self._forget,
            )

    def _forget(self, confirmed: bool | None) -> None:
        if confirmed:
            self.app.forget_everything()
            self.query_one("#keep", Button).label = self.keep_label()
            self.refresh_list()
