"""Text the guide shows is text, never Textual markup: the one way to hand a string to Textual where
it would otherwise parse it.

Textual parses a plain ``str`` as markup in a button's label, a border title and the command
palette's hits (``Content.from_markup``): a page title, a clinic name, a saved question or a file
name holding ``[/]`` or ``[at=10:30]`` then crashes the app (``MarkupError``) or loses its brackets.
``Static`` widgets take ``markup=False`` and lists take ``Text``; everything else takes ``plain()``.
"""

from __future__ import annotations

from textual.content import Content
from textual.fuzzy import Matcher
from textual.markup import escape


def plain(text: str) -> Content:
    """``text`` exactly as written: brackets and all."""
    return Content(text)


def plain_markup(text: str) -> str:
    """``text`` escaped, for the few places that only take a markup string (the palette's help line)."""
    return escape(text)


def highlighted(matcher: Matcher, candidate: str) -> Content:
    """``candidate`` as plain text with the letters the palette matched marked (Textual's own
    ``Matcher.highlight`` parses the candidate as markup)."""
    content = plain(candidate)
    score, offsets = matcher.fuzzy_search.match(matcher.query, candidate)
    if not score:
        return content
    for offset in offsets:
        if not candidate[offset].isspace():
            content = content.stylize(matcher.match_style, offset, offset + 1)
    return content
