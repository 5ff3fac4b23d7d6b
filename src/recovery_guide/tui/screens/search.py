"""Search (``/``): find words anywhere in the guide, in the reader's language, and jump there."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from recovery_guide import wording
from recovery_guide.i18n import N_, _
from recovery_guide.key_names import with_keys
from recovery_guide.search import Match, search
from recovery_guide.tui.plain_text import plain
from recovery_guide.tui.widgets.key_list import SafeOptionList
from recovery_guide.tui.base import TypeToFindModal
from recovery_guide.tui.widgets.key_bar import KeyBar


def result_prompt(guide, match: Match) -> Text:
    """Where (step and title, or the glossary) and the snippet with the hit underlined, not just coloured."""
    if match.screen_id:
        place = wording.labelled(wording.step(guide.index_of(match.screen_id) + 1, len(guide.pages)), guide.page(match.screen_id).title)
    else:
        place = wording.glossary()
    prompt = Text(place + "\n", style="bold")
    start, end = match.highlight
    prompt.append(match.snippet[:start])
    prompt.append(match.snippet[start:end], style="bold underline reverse")
    prompt.append(match.snippet[end:])
    return prompt


@dataclass(frozen=True)
class Searched:
    """What the search dialog closes with: the words typed (remembered for the next ``/`` and for the
    next and previous match keys), and the match chosen, if any."""

    query: str
    match: Match | None = None


class SearchScreen(TypeToFindModal):
    """Results update as the reader types; Enter (or Down, then Enter) opens one.

    Opened again, it shows the last words searched for, selected, so typing replaces them (like ``less``).
    """

    BINDINGS = [Binding("escape", "close", N_("Close"), id="close-search")]
    """Closes with ``Searched``; the app opens the match (``RecoveryGuideApp._search_result_chosen``)."""

    def __init__(self, query: str = "") -> None:
        super().__init__()
        self.last_query = query

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Input(self.last_query, placeholder=_("Type a word to find, e.g. blood pressure"), id="search-input")
            yield Static(id="search-count", markup=False)
            yield SafeOptionList(id="search-results")
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one("#dialog").border_title = plain(_("Search the guide"))
        self.matches: list[Match] = []
        typed = self.query_one(Input)
        self.show_results(typed.value)
        typed.focus()
        typed.select_all()

    @property
    def query_text(self) -> str:
        return self.query_one(Input).value

    def show_results(self, query: str) -> None:
        guide = self.guide
        self.matches = search(guide, query) if query.strip() else []
        results = self.query_one("#search-results", OptionList)
        self.fill_list(results, [Option(result_prompt(guide, match)) for match in self.matches])
        count = self.query_one("#search-count", Static)
        if not query.strip():
            count.update(_("Type at least one word."))
        elif self.matches:
            count.update(with_keys(_("Found: {count}. Press {down} to choose, then {enter}."), count=len(self.matches)))
        else:
            count.update(_("Nothing found. Try another word, or press g for the list of words."))

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self.show_results(event.value)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if self.matches:
            self.open(self.matches[0])

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.open(self.matches[event.option_index])

    def open(self, match: Match) -> None:
        self.dismiss(Searched(self.query_text, match))

    def action_close(self) -> None:
        self.dismiss(Searched(self.query_text))
