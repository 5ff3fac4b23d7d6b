"""Words used in this guide (``g``), and one word's meaning from the text (Enter on a marked word)."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from recovery_guide import wording
from recovery_guide.glossary import filter_terms, screens_using, sorted_terms
from recovery_guide.i18n import N_, _
from recovery_guide.key_names import with_keys
from recovery_guide.model import Guide, Term
from recovery_guide.tui.plain_text import plain
from recovery_guide.tui.widgets.key_list import SafeOptionList
from recovery_guide.tui.base import GuideModal, TypeToFindModal
from recovery_guide.tui.keys import APP_KEYS_IN_DIALOGS, bindings
from recovery_guide.tui.widgets.key_bar import KeyBar


def definition_text(guide: Guide, term: Term) -> str:
    """The plain definition and, so the reader can look it up in context, the steps that use it."""
    steps = [f"{guide.index_of(screen.id) + 1}. {screen.title}" for screen in screens_using(guide, term.id)]
    text = f"{term.term}\n\n{term.definition}"
    if steps:
        text += "\n\n" + wording.used_on() + "\n" + "\n".join(f"  {step}" for step in steps)
    return text


class TermDefinition(GuideModal):
    """One word's meaning over the text; Escape returns to exactly where the reader was."""

    CSS_PATH = [*GuideModal.CSS_PATH, "glossary.tcss"]
    BINDINGS = [Binding("escape,enter", "dismiss", N_("Close"), id="close-term"), *bindings(APP_KEYS_IN_DIALOGS)]

    def __init__(self, term_id: str) -> None:
        super().__init__()
        self.term_id = term_id

    def compose(self) -> ComposeResult:
        guide = self.guide
        term = next((item for item in guide.glossary if item.id == self.term_id), None)
        with Vertical(id="dialog", classes="picker"):
            yield Static(definition_text(guide, term) if term else self.term_id, id="term-definition", markup=False)
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one("#dialog").border_title = plain(wording.glossary())
        self.query_one("#dialog").can_focus = True
        self.query_one("#dialog").focus()


class GlossaryScreen(TypeToFindModal):
    """Every term, alphabetical in the reader's language; typing filters; the meaning shows beside it.

    When no word matches, Enter closes the list with what was typed, and the app searches the whole
    guide for it (the words a reader looks up are often on a screen, not in the list).
    """

    CSS_PATH = [*TypeToFindModal.CSS_PATH, "glossary.tcss"]
    BINDINGS = [Binding("escape", "dismiss", N_("Close"), id="close-glossary")]

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Input(placeholder=_("Type to filter the words"), id="glossary-filter")
            yield SafeOptionList(id="glossary-list")
            yield Static(id="glossary-definition", markup=False)
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one("#dialog").border_title = plain(wording.glossary())
        self.show_terms("")
        self.query_one(Input).focus()

    def show_terms(self, query: str) -> None:
        self.terms = filter_terms(sorted_terms(self.guide), query)
        terms = self.query_one("#glossary-list", OptionList)
        self.fill_list(terms, [Option(Text(term.term), id=term.id) for term in self.terms])
        if self.terms:
            terms.highlighted = 0
        self.show_definition(self.terms[0] if self.terms else None)

    def show_definition(self, term: Term | None) -> None:
        if term:
            text = definition_text(self.guide, term)
        else:
            text = with_keys(_("No word in this list matches. Press {enter} to search the whole guide for it, or try fewer letters."))
        self.query_one("#glossary-definition", Static).update(text)

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self.show_terms(event.value)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if self.terms:
            self.query_one("#glossary-list").focus()
        elif event.value.strip():
            self.dismiss(event.value)

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if event.option_list.id == "glossary-list" and event.option_index < len(self.terms):
            self.show_definition(self.terms[event.option_index])
