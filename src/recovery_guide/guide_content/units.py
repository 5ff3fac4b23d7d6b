"""The translatable texts of a content file, cut into units (paragraphs, list items, headings), and
the numbers each unit says, read the way its language writes them.

A translation may change words, never facts. Comparing the set of numbers of a whole screen let a
swapped pair ("13 de 26 ... 6 de 27" -> "26 de 13 ...") and a dropped paragraph through. So ``check``
pairs the English and the translated texts field by field (``text_fields``), each field unit by unit
in order (``units``), and compares each pair's numbers as a sequence (``numbers_match``).

Everything here reads the raw YAML data (not the parsed model) so each text keeps its field path,
and with it the line ``check`` reports.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

TEXT_KEYS = frozenset(
    {
        # screens
        "title", "evidence", "acknowledge", "main_message", "key_points", "body", "text", "when", "what", "caption", "outcome", "design", "label",
        "options_intro", "name", "approved", "research", "like", "side_effects", "not_for",
        # the safety screen's urgency tiers (a mapping of tiers, each a heading and its signs)
        "heading", "signs", "unsure",
        # glossary, help lines, self-checks, values
        "term", "definition", "about", "contact", "prompt", "explanation", "topic", "intro", "paper_intro", "note",
    }
)  # fmt: skip
"""The fields a translator translates (``schema.py`` declares them; ids, sources and dates are never translated)."""


@dataclass(frozen=True)
class TextField:
    """One translatable text of a file: ``key`` pairs it with its English counterpart (ids, not
    positions, where the items have ids), ``path`` finds its line."""

    key: tuple[str | int, ...]
    path: tuple[str | int, ...]
    text: str


def text_fields(data: Any) -> list[TextField]:
    """Every translatable text in a file's data, in file order."""
    found: list[TextField] = []
    _walk(data, (), (), found)
    return found


def _walk(data: Any, key: tuple, path: tuple, found: list[TextField]) -> None:
    if not isinstance(data, dict):
        return
    for name, value in data.items():
        if isinstance(value, str) and name in TEXT_KEYS:
            found.append(TextField(key + (name,), path + (name,), value))
        elif isinstance(value, (int, float)) and not isinstance(value, bool) and name == "contact":
            found.append(TextField(key + (name,), path + (name,), str(value)))
        elif isinstance(value, dict) and name != "translation":  # a nested mapping (the urgency tiers): its texts too
            _walk(value, key + (name,), path + (name,), found)
        elif isinstance(value, list):
            for index, item in enumerate(value):
                if isinstance(item, dict):
                    item_id = item.get("id", item.get("code", index))
                    _walk(item, key + (name, str(item_id)), path + (name, index), found)
                elif isinstance(item, str) and name in TEXT_KEYS:
                    found.append(TextField(key + (name, index), path + (name, index), item))


# --- units -------------------------------------------------------------------------------------------

_BLOCK_START = re.compile(r"^\s*(?:#{1,6}\s|[-*+]\s|\d+[.)]\s)")


@dataclass(frozen=True)
class Unit:
    """A paragraph, list item or heading, and the line (counted from 0) within its text where it starts."""

    offset: int
    text: str


def units(text: str) -> list[Unit]:
    """Markdown cut where a reader sees a new block: a blank line, a heading, a list item."""
    found: list[Unit] = []
    current: list[str] = []
    start = 0
    for number, line in enumerate(text.splitlines()):
        if not line.strip() or _BLOCK_START.match(line):
            if current:
                found.append(Unit(start, " ".join(current)))
                current = []
            if not line.strip():
                continue
        if not current:
            start = number
        current.append(line.strip())
        if line.lstrip().startswith("#"):  # a heading is one line
            found.append(Unit(start, " ".join(current)))
            current = []
    if current:
        found.append(Unit(start, " ".join(current)))
    return found


# --- numbers -----------------------------------------------------------------------------------------

_RUN = re.compile(r"\d+(?:[.,\u00a0\u202f ]\d+)*")
"""Digits, possibly joined by the marks languages group thousands or write decimals with."""

GROUPING = {"en": ",", "zh": ",", "es": ". \u00a0\u202f", "fr": " \u00a0\u202f.", "de": ". \u00a0\u202f", "pt": ".\u00a0 ", "vi": "."}
"""Thousands separators per language ("1,726", "1.726", "1 726"); unknown languages use the English ones."""
DECIMAL = {"en": ".", "zh": "."}
"""Decimal separators; every other language here writes "0,5"."""


def _base(language: str) -> str:
    return language.replace("-", "_").split("_")[0].lower()


def _readings(run: str, language: str) -> list[list[str]]:
    """The ways a run of digits and separators can be read in ``language``: one grouped number, one
    decimal, or several numbers. The first is what a reader of that language would most likely read."""
    base = _base(language)
    grouping, decimal = GROUPING.get(base, ","), DECIMAL.get(base, ",")
    parts = re.split(r"([.,\u00a0\u202f ])", run)
    numbers, separators = parts[0::2], parts[1::2]
    readings: list[list[str]] = []
    if separators:
        whole, tail = numbers, []
        if separators[-1] == decimal:
            whole, tail = numbers[:-1], [numbers[-1]]
        whole_seps = separators[: len(whole) - 1]
        if all(sep in grouping for sep in whole_seps) and all(len(group) == 3 for group in whole[1:]):
            readings.append([_canonical("".join(whole) + ("." + tail[0] if tail else ""))])
    readings.append([_canonical(number) for number in numbers])
    return readings


def _canonical(number: str) -> str:
    try:
        value = Decimal(number)
    except InvalidOperation:
        return number
    return format(value.normalize(), "f") if value == value.to_integral_value() or "." in number else number


def numbers(text: str, language: str, expected: list[str] | None = None) -> list[str]:
    """The numbers ``text`` says, in order. Where a run can be read more than one way ("116 123": one
    number in French, two phone groups in English), the reading that matches ``expected`` at that
    point is chosen."""
    found: list[str] = []
    for match in _RUN.finditer(text):
        run = match.group().rstrip(".,\u00a0\u202f ")
        readings = _readings(run, language)
        chosen = readings[0]
        if expected is not None:
            position = len(found)
            chosen = next((reading for reading in readings if expected[position : position + len(reading)] == reading), chosen)
        found += chosen
    return found


def contact_digits(contact: str) -> list[str]:
    """A contact's groups of digits, exactly and in order: what a phone dials."""
    return re.findall(r"\d+", contact)
