"""The options side by side, as stacked cards: one box per option, every field under the same label.

A table of seven columns cannot fit a terminal, so each option is a card (``OptionCard``): its name
as the border title, then each label in bold and its text, wrapped. Content never reaches Textual as
markup: the text is built from ``Text`` parts. A name too long for the card's top border (a narrow
terminal, a long translation) moves inside the card, as its first line, so it is never cut.
"""

from __future__ import annotations

from rich.cells import cell_len
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Static

from recovery_guide import wording
from recovery_guide.i18n import in_language
from recovery_guide.model import TreatmentOption
from recovery_guide.search import find_span
from recovery_guide.view import glance
from recovery_guide.view.blocks import OptionsTable

TITLE_ROOM = 6
"""Cells of the top border a title cannot use: the corners and the space around the title."""


def card_text(option: TreatmentOption, title: str | None = None) -> Text:
    """Each label in bold, then its text; with a ``title``, that first (the name, when it is not the border title)."""
    text = Text()
    if title:
        text.append(title, style="bold underline")
        text.append("\n\n")
    for index, (label, paragraphs) in enumerate(glance.card_fields(option)):
        if index:
            text.append("\n\n")
        text.append(wording.label_line(label), style="bold")
        text.append("\n")
        text.append("\n".join(paragraphs))
    return text


class OptionCard(Static):
    """One option: its name as the border title (or inside, when the border is too short for it)."""

    def __init__(self, option: TreatmentOption, number: int, language: str | None = None) -> None:
        with in_language(language):
            words = card_text(option)
        super().__init__(words, classes="option-card", markup=False)
        self.language = language
        """The page's language: the card's labels ("What it is:") are in it (``PageView.language``)."""
        self.option = option
        self.title_text = f"{number}. {option.name}"
        self.border_title = Content(self.title_text)  # a name from content is text, never markup
        self.name_inside = False

    def words(self) -> Content:
        """What the card says, unmarked."""
        with in_language(self.language):
            return Content.from_rich_text(card_text(self.option, self.title_text if self.name_inside else None))

    def on_resize(self) -> None:
        inside = cell_len(self.title_text) + TITLE_ROOM > self.outer_size.width
        if inside != self.name_inside:
            self.name_inside = inside
            self.border_title = None if inside else Content(self.title_text)
            self.update(self.words())

    def mark(self, query: str, style: str, in_name: bool = False) -> tuple[Content, int] | None:
        """Mark the first place ``query`` is found in the card with ``style``: (the words, where; -1
        for the name in the border); None if not found. ``in_name``: the hit is the option's name,
        which is in the border unless it moved inside the card."""
        words = self.words()
        span = find_span(self.title_text, query) if in_name and not self.name_inside else None
        if span is not None:
            self.border_title = Content(self.title_text).stylize(style, *span)
            return words, -1
        span = find_span(words.plain, query)
        if span is None:
            return None
        self.update(words.stylize(style, *span))
        return words, span[0]


class OptionCards(Vertical):
    """The heading, the lead-in, then one card per option."""

    def __init__(self, block: OptionsTable, language: str | None = None, **kwargs) -> None:
        super().__init__(**kwargs)
        self.block = block
        self.language = language
        """The page's language (``PageView.language``): the heading and every card's labels are in it."""

    def compose(self) -> ComposeResult:
        with in_language(self.language):
            heading = wording.options_heading()
        yield Static(heading, classes="box-heading", markup=False)
        if self.block.intro:
            yield Static(self.block.intro, classes="options-intro", markup=False)
        for number, option in enumerate(self.block.options, start=1):
            yield OptionCard(option, number, self.language)
