"""Text folding for matching: case- and accent-insensitive, with a way back to the original text.

``fold("Riñón")`` is ``"rinon"``, so a reader who types without accents (or in capitals) still finds
what they look for. ``fold_map`` also says, for each folded character, which original character it
came from, so a hit can be shown in the original words. Chinese, Japanese and Korean characters are
left as they are: for them a match is a plain substring.
"""

from __future__ import annotations

import unicodedata

_SPECIAL = {"đ": "d", "ð": "d", "ø": "o", "ł": "l", "æ": "ae", "œ": "oe", "ı": "i"}
"""Letters that Unicode does not decompose into a base letter and a mark."""


def fold_char(char: str) -> str:
    """One character, folded: lower case, no accents (may be empty, or longer: "ß" -> "ss")."""
    lowered = char.casefold()
    if lowered in _SPECIAL:
        return _SPECIAL[lowered]
    decomposed = unicodedata.normalize("NFKD", lowered).casefold()
    return "".join(c for c in unicodedata.normalize("NFKD", decomposed) if not unicodedata.combining(c))


def fold(text: str) -> str:
    """Lower case, accents removed, every run of white space made one space, trimmed."""
    return fold_map(text)[0].strip()


def fold_map(text: str) -> tuple[str, list[int]]:
    """The folded text (white space runs made one space) and, per folded character, its index in ``text``."""
    folded: list[str] = []
    origin: list[int] = []
    for index, char in enumerate(text):
        if char.isspace():
            if folded and folded[-1] == " ":
                continue
            piece = " "
        else:
            piece = fold_char(char)
        folded.extend(piece)
        origin.extend([index] * len(piece))
    return "".join(folded), origin


def original_span(text: str, origin: list[int], start: int, end: int) -> tuple[int, int]:
    """The span of ``text`` that the folded characters ``start:end`` came from (marks after it included)."""
    first = origin[start]
    last = origin[end - 1] + 1
    while last < len(text) and unicodedata.combining(text[last]):
        last += 1
    return first, last


def is_wide(char: str) -> bool:
    """True for characters shown two cells wide: Chinese, Japanese, Korean and full-width forms."""
    return unicodedata.east_asian_width(char) in ("W", "F")


def is_word_char(char: str) -> bool:
    """A letter or digit of a script that separates words with spaces (not Chinese, Japanese, Korean)."""
    return (char.isalnum() or char == "_") and not is_wide(char)


class _CharWidths(dict):
    """Each character's width in cells, worked out the first time it is asked for."""

    def __missing__(self, char: str) -> int:
        width = self[char] = 0 if unicodedata.combining(char) else 2 if is_wide(char) else 1
        return width


_WIDTHS = _CharWidths()


def cell_width(text: str) -> int:
    """How many terminal cells ``text`` takes (wide characters 2, combining marks 0).

    Called for every line ``print`` wraps and every part it compares, tens of thousands of characters
    a run: ASCII (one cell a character) is counted at once, other text a remembered width a character
    (asking Unicode's tables for each character again was a tenth of ``print``'s time in Chinese)."""
    if text.isascii():
        return len(text)
    return sum(map(_WIDTHS.__getitem__, text))
