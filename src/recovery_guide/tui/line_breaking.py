"""The app wraps Chinese and Japanese text by ``recovery_guide.linebreak``'s rules, as ``print`` does.

Every text Textual wraps (Markdown, labels, lists, buttons, notifications) goes through one function,
``divide_line``, which ``textual.content`` and ``rich.text`` import from Rich; Rich breaks only at
spaces, so a Chinese paragraph is one long word to it. ``install()`` puts ``divide_line`` below in
both places: text with Chinese or Japanese characters breaks where ``linebreak`` allows it, measured
in cells as Rich measures them; any other text goes to Rich's own function, so it wraps exactly as
before. Textual is pinned to a minor version, and ``tests/test_line_breaking.py`` checks the names
this replaces are still the ones Textual calls.
"""

from __future__ import annotations

import functools

import rich.text
import textual.content
from rich._wrap import divide_line as rich_divide_line
from rich.cells import cell_len

from recovery_guide.linebreak import divide, needs_rules


NO_BREAK_SPACE = "\u00a0"


def divide_line(text: str, width: int, fold: bool = True) -> list[int]:
    """Rich's ``divide_line``, with ``linebreak``'s rules for text that has Chinese or Japanese in it.

    Rich breaks at every white space, the no-break space included, so a rating glued with them
    ("■■■□□ (level 3 of 5)", ``view.glance``) could end a line at "(level 3" in the app while paper
    kept it whole. Here a no-break space is measured as the one-cell character it is but never broken
    at: Rich sees a letter in its place (same length, so the break offsets are the text's own)."""
    if not needs_rules(text):
        return rich_divide_line(text.replace(NO_BREAK_SPACE, "x") if NO_BREAK_SPACE in text else text, width, fold)
    return list(_divide(text, width, fold))


@functools.lru_cache(maxsize=2048)
def _divide(text: str, width: int, fold: bool) -> tuple[int, ...]:
    """``linebreak.divide``, kept per (text, width): Textual measures each paragraph's height more
    than once per layout, and draws it again at the same width, and Chinese rules cost far more than
    Rich's break at spaces."""
    return tuple(divide(text, width, fold, cell_len=cell_len))


def install() -> None:
    """Wrap all text in the app with ``divide_line`` (idempotent)."""
    textual.content.divide_line = divide_line
    rich.text.divide_line = divide_line
