"""My questions (``m``): the reader's list, grouped by topic, to reorder, edit and take along."""

from __future__ import annotations

from typing import Callable

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, Static
from textual.widgets.option_list import Option

from recovery_guide import wording
from recovery_guide.i18n import _
from recovery_guide.key_names import with_keys
from recovery_guide.my_questions import Entry, EntryKind, MyQuestions
from recovery_guide.tui.base import GuideModal, report_problem
from recovery_guide.tui.keys import MY_QUESTIONS_KEYS, bindings
from recovery_guide.tui.plain_text import plain
from recovery_guide.tui.screens.dialogs import Confirm, TextPrompt
from recovery_guide.tui.widgets.key_list import KeyList
from recovery_guide.tui.widgets.key_bar import KeyBar


class MyQuestionsList(KeyList):
    """The questions; group titles are shown as disabled rows so the cursor skips them."""


class MyQuestionsScreen(GuideModal):
    """Everything here changes the in-memory list at once, and the saved file too if saving is on."""

    CSS_PATH = [*GuideModal.CSS_PATH, "my_questions.tcss"]
    BINDINGS = bindings(MY_QUESTIONS_KEYS)

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[Entry | None] = []
        """The entry on each row of the list (None for a group title)."""
        self.keep: Entry | None = None
        """The entry the cursor stays on when the list is shown again after a change made here."""
        self.keep_newest = False
        """True while adding here: the cursor goes to the entry just added."""

    def compose(self) -> ComposeResult:
        from recovery_guide.session import kiosk_no_saving

        with VerticalScroll(id="dialog"):
            yield Static(id="questions-help", markup=False)
            yield MyQuestionsList(id="my-questions-list")
            yield Static(id="understanding", markup=False)
            with Horizontal(classes="buttons"):
                yield Button(plain(_("Write a question")), id="write", compact=True)
                yield Button(plain(_("Make a handout")), id="handout", variant="primary", compact=True)
            if not self.session.saving_offered:  # a shared screen or a browser tab: saving is not offered
                yield Static(kiosk_no_saving(), id="keep-help", markup=False)
            else:
                yield Button(plain(self.keep_label()), id="keep", compact=True)
                yield Static(_("Off: nothing is written to this computer. On: saved only for you, until you choose Forget everything."), id="keep-help", markup=False)
                yield Button(plain(_("Forget everything")), id="forget", variant="error", compact=True)
        yield KeyBar()

    def on_mount(self) -> None:
        self.app.my_questions_changed_signal.subscribe(self, self._my_questions_changed, immediate=True)
        self.fill()

    def fill(self) -> None:
        self.query_one("#dialog").border_title = plain(wording.my_questions())
        self.refresh_list()
        self.query_one(MyQuestionsList).focus()

    def refresh_list(self, keep: Entry | None = None) -> None:
        """Show the list again from the session, with the cursor on ``keep`` if given."""
        session = self.session
        my_questions = session.my_questions
        options: list[Option] = []
        self.rows = []
        number = 0
        for group in my_questions.groups(session.guide, session.clinic, wording.general_questions()):
            options.append(Option(Text(group.title, style="bold underline"), disabled=True))
            self.rows.append(None)
            for entry, text in group.entries:
                number += 1
                own = "  (" + _("my words") + ")" if entry.kind is EntryKind.OWN else ""
                options.append(Option(Text(f"{number:>2}. {text}{own}")))
                self.rows.append(entry)
        count = sum(1 for _ in my_questions.questions())
        if count:
            help_text = with_keys(_("Questions: {count}. {up} {down} to choose; u and d move; e edits your own; {delete} removes."), count=count)
        else:
            help_text = _("Your list is empty. On any screen, press s to go to its questions, choose one with the arrows, then press s to add it. Press a to write your own.")
        self.query_one("#questions-help", Static).update(help_text)
        understanding = ["- " + wording.labelled(group.title, text) for group in my_questions.groups(session.guide, session.clinic, "", kinds=(EntryKind.UNDERSTANDING,)) for _e, text in group.entries]
        note = self.query_one("#understanding", Static)
        note.update(wording.label_line(wording.check_my_understanding()) + "\n" + "\n".join(understanding) if understanding else "")
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
        self.fill()

    @property
    def current(self) -> Entry | None:
        index = self.query_one(MyQuestionsList).highlighted
        return self.rows[index] if index is not None and index < len(self.rows) else None

    def _my_questions_changed(self, _my_questions: MyQuestions) -> None:
        if self.is_mounted:
            self.refresh_list(self.session.my_questions.entries[-1] if self.keep_newest and self.session.my_questions.entries else self.keep)

    def change(self, make_change: Callable[[], str | None], keep: Entry | None = None, keep_newest: bool = False) -> None:
        """Make a change through the session, which saves and announces it; the list is shown again (by the
        signal, during the change) with the cursor on ``keep``, or on the entry just added (``keep_newest``:
        the session adds at the end, and the new entry is not known before the signal arrives)."""
        self.keep, self.keep_newest = keep, keep_newest
        try:
            report_problem(self, make_change())
        finally:
            self.keep, self.keep_newest = None, False

    def action_add_own(self) -> None:
        def added(text: str | None) -> None:
            if text:
                self.change(lambda: self.session.add_own(text, None)[1], keep_newest=True)

        self.app.show(TextPrompt, _("Write a question"), _("Type a question to ask your provider, in your own words."), callback=added)

    def action_edit(self) -> None:
        entry = self.current
        if entry is None:
            return
        if entry.kind not in (EntryKind.OWN, EntryKind.UNDERSTANDING):
            self.notify(_("This question comes from the guide. You can remove it, or write your own."), timeout=4)
            return

        def edited(text: str | None) -> None:
            if text:
                self.change(lambda: self.session.edit(entry, text)[1], keep=entry)

        self.app.show(TextPrompt, _("Edit your question"), with_keys(_("Change the words, then press {enter}.")), entry.text, callback=edited)

    def action_move(self, step: int) -> None:
        """``u`` and ``d``; at the top or bottom of its group a question stays, and the reader is told why."""
        entry = self.current
        if entry is None:
            return
        moved: list[bool] = []

        def move() -> str | None:
            done, problem = self.session.move(entry, step)
            moved.append(done)
            return problem

        self.change(move, keep=entry)
        if not moved[0]:
            self.notify(_("This question is already first in its group.") if step < 0 else _("This question is already last in its group."), timeout=3)

    def action_remove(self) -> None:
        entry = self.current
        if entry is None:
            return
        index = self.rows.index(entry)
        self.change(lambda: self.session.remove(entry))
        # keep the cursor near where it was
        rows = self.rows
        candidates = [i for i, row in enumerate(rows) if row is not None]
        if candidates:
            self.query_one(MyQuestionsList).highlighted = min(candidates, key=lambda i: abs(i - index))
        self.refresh_bindings()  # the key bar now offers Undo

    def action_undo_remove(self) -> None:
        """``z`` or Ctrl+Z: the question removed last returns to its place, with the cursor on it."""
        restored: list[Entry] = []

        def undo() -> str | None:
            entry, problem = self.session.undo_remove()
            if entry is not None:
                restored.append(entry)
            return problem

        self.change(undo)
        if restored:
            self.refresh_list(restored[0])
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Undo is offered (and shown on the key bar) only once there is a removal to undo."""
        if action == "undo_remove":
            return self.session.can_undo_remove
        return True

    def keep_label(self) -> str:
        """The saving choice spelled out in words (a tick box would show its state by colour alone)."""
        if self.session.saving:
            return _("Saving is ON: press to stop keeping my questions on this computer")
        return _("Saving is OFF: press to keep my questions and place on this computer")

    def set_saving(self, enabled: bool) -> None:
        if enabled != self.session.saving:
            problem = self.session.set_saving(enabled)
            if problem:
                report_problem(self, problem)
            elif enabled:
                self.notify(_("Saving is on. Your questions and place are kept on this computer."), timeout=5)
            else:
                self.notify(_("Saving is off. Nothing is kept on this computer."), timeout=5)
        self.query_one("#keep", Button).label = plain(self.keep_label())

    async def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "keep":
            self.action_toggle_saving()
        elif event.button.id == "write":
            self.action_add_own()
        elif event.button.id == "handout":
            await self.run_action("app.handout")
        elif event.button.id == "forget":
            self.action_forget()

    def action_toggle_saving(self) -> None:
        """The saving button (also a palette command)."""
        self.query_one("#keep", Button).focus()
        self.set_saving(not self.session.saving)

    def action_forget(self) -> None:
        """The Forget everything button (also a palette command): asks first."""
        self.query_one("#forget", Button).focus()
        self.app.show(
            Confirm,
            _("Forget everything"),
            _("Erase your saved questions and place from this computer, and clear this list?"),
            _("Erase"),
            callback=self._forget,
        )

    def _forget(self, confirmed: bool | None) -> None:
        if confirmed:
            problem = self.session.forget_everything()  # the list is shown again by the signal
            report_problem(self, problem) if problem else self.notify(_("Everything is forgotten. Nothing is kept on this computer."), timeout=5)
            self.query_one("#keep", Button).label = plain(self.keep_label())
