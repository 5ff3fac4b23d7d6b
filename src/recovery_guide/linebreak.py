"""Where a line may break: spaces, and between Chinese and Japanese characters by the rules readers expect.

Chinese and Japanese write no spaces between words, so a wrapper that breaks only at spaces sees a
whole paragraph as one long word: it moves it off the line that holds its bullet (leaving a lone
``-`` or ``1.``) and then cuts it wherever the width runs out, even before a comma. The rule here is
the core of the Unicode line breaking algorithm (UAX #14) and of the W3C's requirements for Chinese
layout (clreq), written once for the app and for ``print``:

- a line may break at a space, and between two characters when either is an ideograph or kana;
- never before closing punctuation (``，。、；：？！）」』】》`` and the like, small kana included),
  never after opening punctuation (``（「『【《``), and never inside ``——`` or ``……``;
- never inside a run of Latin letters, digits or symbols (``48``, ``FDA``, ``1-800-662-4357``), and
  never inside Korean words (Korean separates words with spaces);
- never right after a list marker at the start (``- ``, ``1. ``), so no bullet or number stands alone.

``divide`` is the greedy fill (the same as Rich's, so the app's text stays as it was wherever these
rules add nothing); ``wrap`` is ``textwrap.wrap`` for text with such characters. Both measure cells
with ``textfold.cell_width`` unless given another measure. No Textual here: the app plugs ``divide``
into its text wrapping (``tui/line_breaking.py``) and ``render/text.py`` calls ``wrap``.
"""

from __future__ import annotations

import functools
import re
import textwrap
from collections.abc import Callable

from recovery_guide.textfold import cell_width, is_wide

NO_LINE_START = frozenset(
    # Closing brackets and quotes, full-width and narrow
    "）」』】》〉〕］｝〗〙〛｠”’)]}»"
    # Full stops, commas, colons and other marks that end a phrase
    "，。、；：？！．｡､,.;:?!%％‰"
    # Marks that stay with the character before them: middle dots, ellipses, iteration and small kana
    "・·‧…‥々〻ゝゞヽヾーぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿ"
)
"""Characters a line never starts with (UAX #14 classes CL, CP, EX, IS, NS, IN and the like)."""

NO_LINE_END = frozenset("（「『【《〈〔［｛〖〘〚｟“‘([{«")
"""Characters a line never ends with (opening punctuation, UAX #14 class OP)."""

INSEPARABLE = frozenset("—…‥")
"""Two of the same are one mark (``——``, ``……``): never split."""

LIST_MARKER = re.compile(r"\s*(?:[-*+•]|\d{1,3}[.)、])\s+")
"""A bullet or number at the start of a line: it stays with the first word after it."""


HANGUL = re.compile("[\u1100-\u11ff\u3130-\u318f\ua960-\ua97f\uac00-\ud7ff]")
"""Korean letters and syllables: Korean puts spaces between words, so it breaks only there."""


def is_hangul(char: str) -> bool:
    return HANGUL.match(char) is not None


def breaks_between_characters(char: str) -> bool:
    """True for ideographs, kana and full-width marks: a line may break next to them without a space."""
    return is_wide(char) and not is_hangul(char)


CJK = re.compile(
    "[\u2e80-\u303f\u3040-\u30ff\u3100-\u312f\u3190-\u31ff\u3200-\u33ff\u3400-\u4dbf\u4e00-\u9fff"
    "\ua000-\ua4cf\uf900-\ufaff\ufe10-\ufe1f\ufe30-\ufe6f\uff00-\uff60\uffe0-\uffe6\U0001b000-\U0001b16f\U0001f200-\U0001f2ff\U00020000-\U0003fffd]"
)
"""Chinese and Japanese characters and full-width punctuation (the wide blocks of Unicode; Korean and emoji left out: spaces break them)."""


def needs_rules(text: str) -> bool:
    """True when ``text`` has Chinese or Japanese in it (otherwise breaking at spaces is enough).

    Called on every text the app wraps, so it is one regular expression search, not a loop.
    """
    return not text.isascii() and CJK.search(text) is not None


def may_break(text: str, index: int) -> bool:
    """True when a line may start at ``text[index]`` (0 < index < len(text))."""
    before, after = text[index - 1], text[index]
    if after.isspace():
        return False
    if before.isspace():  # as in Latin text, except for a list marker and full-width punctuation
        last = index - 1
        while last > 0 and text[last].isspace():
            last -= 1
        if text[last].isspace():  # only spaces before: they are the first unit's indent
            return False
        full_width_rule = (after in NO_LINE_START and is_wide(after)) or (text[last] in NO_LINE_END and is_wide(text[last]))
        return not full_width_rule and LIST_MARKER.fullmatch(text, 0, index) is None
    if after in NO_LINE_START or before in NO_LINE_END or (before == after and before in INSEPARABLE):
        return False
    return breaks_between_characters(before) or breaks_between_characters(after)


class _BreaksBeside(dict):
    """``breaks_between_characters`` of each character, worked out the first time it is asked for."""

    def __missing__(self, char: str) -> bool:
        found = self[char] = breaks_between_characters(char)
        return found


_BREAKS_BESIDE = _BreaksBeside()


def break_points(text: str) -> list[int]:
    """Every index where a line may start, after the first: ``may_break`` at each index.

    ``may_break`` is the rule; this loop gives the same answers faster (it is asked once per character
    of every Chinese text the app or ``print`` wraps: most of the time ``print`` took in Chinese). It
    looks at the two characters around each index itself, with each character's class remembered,
    and leaves the cases after a space to ``may_break``."""
    points: list[int] = []
    beside = _BREAKS_BESIDE
    before = text[:1]
    for index in range(1, len(text)):
        after = text[index]
        if after.isspace():
            pass
        elif before.isspace():
            if may_break(text, index):
                points.append(index)
        elif after in NO_LINE_START or before in NO_LINE_END or (before == after and before in INSEPARABLE):
            pass
        elif beside[before] or beside[after]:
            points.append(index)
        before = after
    return points


def units(text: str) -> list[tuple[int, str]]:
    """(start, unit): the pieces a line is never broken inside, each with the spaces after it."""
    return list(_units(text))


@functools.lru_cache(maxsize=2048)
def _units(text: str) -> tuple[tuple[int, str], ...]:
    """``units``, kept per text: they do not depend on the width, and the app measures and draws the
    same paragraph many times (each layout, each width); finding the break points was most of the
    time a Chinese screen took to lay out (``may_break`` is called once per character)."""
    starts = [0, *break_points(text)]
    return tuple((start, text[start:end]) for start, end in zip(starts, [*starts[1:], len(text)]))


@functools.lru_cache(maxsize=2048)
def _measured_units(text: str, cell_len: Callable[[str], int]) -> tuple[tuple[int, str, int, int], ...]:
    """``units`` with each one's width without and with the spaces after it, kept per text: they do not
    depend on the width either, and measuring every unit again at every width (``print``'s columns try
    several) was most of the time left in wrapping a Chinese page."""
    return tuple((start, unit, cell_len(unit.rstrip()), cell_len(unit)) for start, unit in _units(text))


def _chop(unit: str, width: int, cell_len: Callable[[str], int]) -> list[str]:
    """A unit wider than a line, in pieces of at most ``width`` cells (at least one character each)."""
    pieces, piece = [], ""
    for char in unit:
        if piece and cell_len(piece + char) > width:
            pieces.append(piece)
            piece = ""
        piece += char
    return [*pieces, piece]


def divide(text: str, width: int, fold: bool = True, cell_len: Callable[[str], int] = cell_width, first_width: int | None = None) -> list[int]:
    """The indices to break ``text`` at so that each line fits ``width`` cells (the first ``first_width``).

    Greedy, like Rich's ``divide_line``: a unit goes on the current line if it fits (spaces after it
    may hang over the edge); a unit wider than a whole line starts a new line and is folded there
    (``fold``) or left to overflow.
    """
    breaks: list[int] = []
    offset = 0
    limit = width if first_width is None else first_width
    for start, unit, unit_width, width_with_spaces in _measured_units(text, cell_len):
        if limit - offset >= unit_width:
            offset += width_with_spaces
            continue
        if offset and start:
            breaks.append(start)
            limit = width
            offset = 0
        if unit_width <= limit or not fold:
            offset = width_with_spaces
            continue
        pieces = _chop(unit, limit, cell_len)
        for piece in pieces[:-1]:
            start += len(piece)
            breaks.append(start)
            limit = width
        offset = cell_len(pieces[-1])
    return breaks


_SPACE_AFTER_FULL_STOP = re.compile(r"(?<=[。！？；：，、）」』])\s+")
"""Full-width punctuation carries its own space: one written after it (a bold lead "**大脑信号。** …",
or a line end in the YAML) printed as a gap a Chinese translator's read found."""


def wrap(text: str, width: int, initial_indent: str = "", subsequent_indent: str = "", fold: bool = False) -> list[str]:
    """``textwrap.wrap`` for text with Chinese or Japanese: lines of at most ``width`` cells, indents included.

    As with ``textwrap``: white space becomes spaces, spaces at the ends of lines are dropped, and a
    unit wider than a line is left whole unless ``fold``.
    """
    text = _SPACE_AFTER_FULL_STOP.sub("", re.sub(r"\s", " ", text))
    first, rest = width - cell_width(initial_indent), width - cell_width(subsequent_indent)
    offsets = [0, *divide(text, max(rest, 1), fold, first_width=max(first, 1)), len(text)]
    lines = [text[start:end].strip() for start, end in zip(offsets, offsets[1:])]
    lines = [line for line in lines if line]
    return [(initial_indent if number == 0 else subsequent_indent) + line for number, line in enumerate(lines)]


def wrap_cells(text: str, width: int, initial_indent: str = "", subsequent_indent: str = "") -> list[str]:
    """The project's one wrap: lines of at most ``width`` cells, never broken inside a word or at a
    hyphen (phone numbers like 1-800-662-4357 stay whole). Chinese and Japanese break by the rules
    above (``wrap``), measured in cells; other text exactly as ``textwrap`` breaks it. ``print``, the
    icon arrays' labels and the app's icon-array captions all wrap through here (a Chinese label was
    once measured in characters and ran past its column)."""
    if needs_rules(text):
        return wrap(text, width, initial_indent, subsequent_indent)
    glued = _SPACED_NUMBER.sub(lambda number: number.group(0).replace(" ", _GLUE), text)
    lines = textwrap.wrap(glued, max(width, 1), break_on_hyphens=False, break_long_words=False, initial_indent=initial_indent, subsequent_indent=subsequent_indent)
    return [line.replace(_GLUE, " ") for line in lines]


_SPACED_NUMBER = re.compile(r"(?<![\w-])\d+(?: \d+)+(?![\w-])")
"""A number written in groups with spaces, as phone numbers are ("0477 13 11 14", "116 123"): kept on
one line, as a hyphenated one is (a translator's read found "0477" at the end of a line and "13 11 14"
on the next, a number a reader would dial wrong)."""
_GLUE = "\ue000"
"""A private-use character in place of each space inside such a number while wrapping: ``textwrap``
breaks only at white space, so the groups hold together, and it is a plain space again in the lines
given back (not a no-break space, which French text has of its own and must keep)."""

