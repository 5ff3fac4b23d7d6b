"""The "Ask your provider" questions of a screen, each one a keypress away from My questions."""

from __future__ import annotations

from rich.text import Text
from textual.widgets.option_list import Option

from recovery_guide.i18n import _
from recovery_guide.model import Question
from recovery_guide.tui.keys import ADD_QUESTION, bindings
from recovery_guide.tui.widgets.key_list import KeyList


def question_prompt(text: str, added: bool) -> Text:
    """The mark is a word-like symbol and a label, never colour alone."""
    mark = "[✓] " if added else "[+] "
    prompt = Text(mark, style="bold")
    prompt.append(text)
    if added:
        prompt.append("  (" + _("in My questions") + ")", style="italic")
    return prompt


class ProviderQuestions(KeyList):
    """Up and down choose a question; ``s`` or Enter adds it to My questions (or takes it out)."""

    BINDINGS = bindings((ADD_QUESTION,))

    def action_select(self) -> None:
        """Add the chosen question, but only one the reader can see: a list scrolled out of view is
        brought into view first, and nothing is added."""
        from recovery_guide.tui.focus_cursor import row_in_view

        if not row_in_view(self):
            self.scroll_visible(animate=False)
            self.app.call_after_refresh(self.app.follow_focus)
            return
        super().action_select()

    def show_questions(self, questions: list[tuple[Question, bool]]) -> None:
        """Fill the list: (question, already added)."""
        highlighted = self.highlighted
        self.set_options([Option(question_prompt(question.text, added), id=question.id) for question, added in questions])
        if questions:
            self.highlighted = min(highlighted or 0, len(questions) - 1)
