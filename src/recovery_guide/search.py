"""Find words anywhere in the guide, in the reader's language.

``search(guide, "psicosis")`` looks in every screen's title, key points, body (Markdown removed) and
"Ask your provider" questions, and in the glossary. Matching ignores case and accents ("rinon" finds
"riñón"), treats any run of spaces or line breaks as one space, and for Chinese, Japanese and Korean
is a plain substring match. A pure function of the model: the app decides how to show the results.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Iterator, Literal, Sequence

from recovery_guide import wording
from recovery_guide.model import Guide, Page, TreatmentOption
from recovery_guide.textfold import cell_width, fold, fold_map, is_word_char, original_span
from recovery_guide.view.body import plain_texts

Kind = Literal["title", "key-point", "timeline", "body", "tiers", "option", "question", "glossary"]
SNIPPET_WIDTH = 60
"""About how many terminal cells a snippet takes (Chinese characters count 2)."""
ELLIPSIS = "..."
"""Three dots, not the ellipsis character, which breaks layout in CJK terminals."""


@dataclass(frozen=True)
class Match:
    """One place where the query was found."""

    screen_id: str | None
    """The screen it is on; None for a glossary entry."""
    kind: Kind
    snippet: str
    """About 60 cells of text around the hit, on one line, with "..." where it was cut."""
    term_id: str | None = None
    """The glossary term, for kind "glossary"."""
    highlight: tuple[int, int] = (0, 0)
    """Where the hit is inside ``snippet`` (start, end), for marking it."""
    occurrence: int = 0
    """How many earlier parts of the same kind on the same screen also hold the query (0: this is the
    first), so a view can find this very part again: the third paragraph holding "liver", say."""


@lru_cache(maxsize=256)
def _body_texts(markdown: str) -> tuple[str, ...]:
    """A body's headings, paragraphs and list items as plain one-line texts (kept: searched at every key)."""
    return tuple(plain_texts(markdown))


def _fields(screen: Page) -> Iterator[tuple[Kind, str]]:
    yield "title", screen.title
    if screen.main_message:
        yield "key-point", screen.main_message
    for point in screen.key_points:
        yield "key-point", point
    for step in screen.timeline:
        yield "timeline", wording.labelled(step.when, step.what)
    for block in _body_texts(screen.body):
        yield "body", block
    for tier in screen.urgency_tiers:
        for text in (tier.heading, *tier.signs):
            yield "tiers", text
    for _number, _field, text in option_parts(screen.options_intro, screen.options):
        yield "option", text
    for question in screen.questions:
        yield "question", question.text


def option_parts(intro: str, options: Sequence[TreatmentOption]) -> Iterator[tuple[int | None, str, str]]:
    """The texts of a screen's options, in the order searched: (the option's number from 0, or None
    for the lead-in; the field; its text). A match's ``occurrence`` counts these, so a view finds
    the very option a match names (a hit on a name is on that option's card, not the first card
    that mentions it)."""
    if intro:
        yield None, "intro", intro
    for number, option in enumerate(options):
        for name in option.TEXT_FIELDS:
            yield number, name, getattr(option, name)


def part_holds(text: str, query: str) -> bool:
    """Whether ``query`` occurs in ``text`` as ``search`` matches it (line breaks read as spaces)."""
    return find_span(_one_line(text), query) is not None


def snippet(text: str, start: int, end: int, width: int = SNIPPET_WIDTH) -> tuple[str, tuple[int, int]]:
    """About ``width`` cells of ``text`` around ``start:end``, on one line; and where the hit is in it.

    The hit is always included whole. Cuts fall between words where the text has spaces, and are
    marked with "...".
    """
    left, right = start, end
    grown = True
    while grown:  # grow one character at a time on each side, while it fits
        grown = False
        if left > 0 and cell_width(text[left - 1 : right]) <= width:
            left, grown = left - 1, True
        if right < len(text) and cell_width(text[left : right + 1]) <= width:
            right, grown = right + 1, True
    # do not cut inside a word
    if left > 0 and is_word_char(text[left - 1]) and is_word_char(text[left]):
        space = text.find(" ", left, start)
        left = space + 1 if space != -1 else left
    if right < len(text) and is_word_char(text[right - 1]) and is_word_char(text[right]):
        space = text.rfind(" ", end, right)
        right = space if space != -1 else right
    prefix = ELLIPSIS if left > 0 else ""
    suffix = ELLIPSIS if right < len(text) else ""
    piece = text[left:right]
    stripped = piece.lstrip()
    shift = len(prefix) - (len(piece) - len(stripped)) - left
    return prefix + stripped.rstrip() + suffix, (start + shift, end + shift)


def _one_line(text: str) -> str:
    return " ".join(text.split())


@lru_cache(maxsize=8192)
def _folded(text: str) -> tuple[str, list[int]]:
    """``fold_map`` of a text, kept: the guide's texts are searched again at every key press."""
    return fold_map(text)


def find_span(text: str, query: str) -> tuple[int, int] | None:
    """Where ``query`` first occurs in ``text`` (matched as ``search`` matches), as a span of ``text``;
    None if it does not. For a view marking the hit in the text it shows."""
    wanted = fold(query)
    return _find(text, wanted) if wanted else None


def _find(text: str, wanted: str) -> tuple[int, int] | None:
    """Where the folded ``wanted`` first occurs in ``text``, as a span of ``text``."""
    folded, origin = _folded(text)
    index = folded.find(wanted)
    if index == -1:
        return None
    return original_span(text, origin, index, index + len(wanted))


def _match(screen_id: str | None, kind: Kind, text: str, wanted: str, term_id: str | None = None, occurrence: int = 0) -> Match | None:
    line = _one_line(text)
    found = _find(line, wanted)
    if found is None:
        return None
    shown, highlight = snippet(line, *found)
    return Match(screen_id=screen_id, kind=kind, snippet=shown, term_id=term_id, highlight=highlight, occurrence=occurrence)


def search(guide: Guide, query: str, limit: int = 50) -> list[Match]:
    """Every place the query occurs, screens in reading order (title, key points, body, questions),
    then the glossary in its order; at most ``limit`` results. Each title, key point, paragraph or
    list item, question and glossary entry gives at most one result. An empty query finds nothing.
    """
    wanted = fold(query)
    if not wanted or limit <= 0:
        return []
    results: list[Match] = []
    for screen in guide.pages:
        found: dict[Kind, int] = {}
        for kind, text in _fields(screen):
            match = _match(screen.id, kind, text, wanted, occurrence=found.get(kind, 0))
            if match:
                found[kind] = found.get(kind, 0) + 1
                results.append(match)
                if len(results) >= limit:
                    return results
    for term in guide.glossary:
        match = _match(None, "glossary", wording.labelled(term.term, term.definition), wanted, term.id)
        if match:
            results.append(match)
            if len(results) >= limit:
                return results
    return results
