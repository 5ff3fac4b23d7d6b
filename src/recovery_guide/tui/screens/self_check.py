"""Check your understanding (``k`` at the end of a topic): a few questions, never scored.

Whatever the reader picks, they see what the guide says and where. At the end they may write what
they understood in their own words; that goes to My questions under "Please check my understanding",
for their provider to go over with them (teach-back happens with the provider, not here).
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, Input, OptionList, Static
from textual.widgets.option_list import Option

from recovery_guide import wording
from recovery_guide.i18n import N_, _
from recovery_guide.key_names import with_keys
from recovery_guide.model import SelfCheck
from recovery_guide.my_questions import EntryKind, MAX_TEXT
from recovery_guide.tui.plain_text import plain
from recovery_guide.tui.widgets.choice_marks import mark
from recovery_guide.tui.widgets.key_list import SafeOptionList
from recovery_guide.tui.base import GuideModal, report_problem
from recovery_guide.tui.widgets.key_bar import KeyBar


class SelfCheckScreen(GuideModal):
    """Closes with the id of the page to read more on ("Go to that screen"), or None.

    The question and what the guide says scroll; the buttons stay under them, inside the dialog's
    edge at any size (at 80x24 "Next question" used to be below it). The reader's answer is marked
    "(•)" and the others "( )", so it shows without colour.
    """

    CSS_PATH = [*GuideModal.CSS_PATH, "self_check.tcss"]
    BINDINGS = [Binding("escape", "dismiss", N_("Close"), id="close-check")]

    def __init__(self, check_id: str) -> None:
        super().__init__()
        self.check_id = check_id
        self.position = 0
        self.answered: str | None = None
        self.explaining = False
        """True from an answer until the next layout, which scrolls the explanation into view."""

    @property
    def check(self) -> SelfCheck:
        return next(check for check in self.guide.self_checks if check.id == self.check_id)

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            with VerticalScroll(id="check-body"):
                yield Static(self.check.topic, id="check-topic", markup=False)
                yield Static(wording.self_check_intro(), id="check-intro", markup=False)
                yield Static(id="check-progress", markup=False)
                yield Static(id="check-prompt", markup=False)
                yield SafeOptionList(id="check-choices")
                yield Static(id="check-explanation", markup=False)
                yield Static(id="own-words-prompt", markup=False)
                yield Input(id="own-words", max_length=MAX_TEXT, placeholder=with_keys(_("Type here, then press {enter}")))
            with Horizontal(classes="buttons", id="check-buttons"):
                yield Button(plain(_("Next question")), id="check-next", variant="primary", compact=True)
                yield Button(plain(_("Go to that screen")), id="check-read-more", compact=True)
        yield KeyBar()

    def on_mount(self) -> None:
        self.screen_layout_refresh_signal.subscribe(self, self._show_explanation)
        self.fill()

    def fill(self) -> None:
        # the short name on the edge (a border title cannot wrap: the check's full title was cut at
        # 60 columns in five languages); the topic, which may wrap, heads the text
        self.query_one("#dialog").border_title = plain(_("Check your understanding"))
        self.show_question()

    async def language_changed(self) -> None:
        """Same question, same answer state, in the new language."""
        await self.recompose()
        self.fill()
        if self.answered:
            self.show_answer(self.answered)

    def show_question(self) -> None:
        check = self.check
        finished = self.position >= len(check.questions)
        self.query_one("#check-prompt").display = not finished
        self.query_one("#check-choices").display = not finished
        self.query_one("#check-explanation").display = False
        self.query_one("#check-buttons").display = False
        self.query_one("#own-words-prompt").display = finished
        self.query_one("#own-words").display = finished
        self.query_one("#check-body").scroll_home(animate=False)  # a new question starts at the top
        if finished:
            self.query_one("#check-progress", Static).update(_("You have seen all the questions."))
            self.query_one("#own-words-prompt", Static).update(wording.own_words_prompt(check.topic))
            self.query_one("#own-words", Input).focus()
            return
        question = check.questions[self.position]
        self.query_one("#check-progress", Static).update(_("Question {number} of {total}").format(number=self.position + 1, total=len(check.questions)))
        self.query_one("#check-prompt", Static).update(question.prompt)
        choices = self.query_one("#check-choices", OptionList)
        choices.set_options([Option(Text(f"{mark(False)} {choice.text}"), id=choice.id) for choice in question.choices])
        choices.highlighted = 0
        choices.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.answered = event.option.id
        self.show_answer(event.option.id)

    def show_answer(self, choice_id: str) -> None:
        question = self.check.questions[self.position]
        choices = self.query_one("#check-choices", OptionList)
        for choice in question.choices:
            choices.replace_option_prompt(choice.id, Text(f"{mark(choice.id == choice_id)} {choice.text}"))
        verdict = wording.self_check_verdict(question, choice_id)
        guide = self.guide
        more = wording.read_more(guide.index_of(question.screen) + 1, guide.page(question.screen).title)
        explanation = self.query_one("#check-explanation", Static)
        explanation.update(f"{verdict}\n\n{question.explanation}\n\n{more}")
        explanation.display = True
        self.query_one("#check-buttons").display = True
        self.query_one("#check-next", Button).focus(scroll_visible=False)
        self.explaining = True

    def _show_explanation(self, _screen: object) -> None:
        """Once the answer is laid out (it has no place before), scroll what the guide says into view."""
        if self.explaining:
            self.explaining = False
            self.query_one("#check-body").scroll_to_widget(self.query_one("#check-explanation"), animate=False)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "check-next":
            self.position += 1
            self.answered = None
            self.show_question()
        elif event.button.id == "check-read-more":
            self.dismiss(self.check.questions[self.position].screen)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        entry, problem = self.session.add_own(event.value, self.check.id, EntryKind.UNDERSTANDING)
        if entry:
            report_problem(self, problem)
            self.notify(_("Added to My questions, under \"Please check my understanding\"."), timeout=4)
        self.dismiss()
