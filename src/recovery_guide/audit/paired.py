"""A translation read beside its English, text by text and unit by unit: the same paragraphs and list
items, and in each the same numbers in the same order.

Comparing the set of a screen's numbers let a swapped pair ("13 de 26 ... 6 de 27" -> "26 de 13 ...")
and a dropped paragraph through. Here every translatable field (``units.text_fields``) is paired with
its English counterpart by id, cut into paragraphs, list items and headings (``units.units``), and the
units are paired in order: a unit without a counterpart is a problem, and so is a unit whose numbers
differ from its counterpart's, read the way its language writes numbers ("1.726" in Spanish is the
English "1,726").

Order is compared in every language but Chinese. Chinese grammar puts the whole before the part
("每100人中约66人", "about 66 in 100") and modifiers before what they modify ("来自1个团队的2项试验",
"2 trials from 1 team"), so in Chinese a unit's numbers are compared as a list in any order (every
number, as often as in English): a swapped pair in a Chinese sentence is not caught. A number the
translation repeats inside brackets (a service's name glossed in the reader's language) is not a new
number.

Contacts (help-line numbers) are compared by ``overlay.dials_same``: every group of digits, in order.
"""

from __future__ import annotations

import re
from functools import lru_cache

from recovery_guide.audit.report import Problem
from recovery_guide.guide_content.units import TextField, Unit, numbers, text_fields, units
from recovery_guide.guide_content.yaml_source import YamlDocument, format_path

FREE_ORDER = frozenset({"zh"})
"""Languages whose grammar moves numbers within a sentence: compared in any order (see above)."""

_BRACKETED = re.compile(r"[(（][^()（）]*[)）]")


def pairs(english: YamlDocument, translated: YamlDocument) -> tuple[list[tuple[TextField, TextField]], list[TextField], list[TextField]]:
    """(English, translated) field pairs by key, then English fields with no translation, then
    translated fields with no English counterpart."""
    english_fields = {field.key: field for field in text_fields(english.data)}
    translated_fields = {field.key: field for field in text_fields(translated.data)}
    matched = [(english_fields[key], field) for key, field in translated_fields.items() if key in english_fields]
    missing = [field for key, field in english_fields.items() if key not in translated_fields]
    extra = [field for key, field in translated_fields.items() if key not in english_fields]
    return matched, missing, extra


def unit_line(doc: YamlDocument, path: tuple[str | int, ...], unit: Unit | None = None) -> int:
    """The line of a unit: in a ``|`` block, its own line; otherwise the field's line."""
    line = doc.line(path)
    if unit is None:
        return line
    try:
        text = doc.path.read_text(encoding="utf-8").splitlines()[line - 1]
    except (OSError, IndexError, UnicodeDecodeError):
        return line
    if re.search(r":\s*\|[-+]?\d*\s*(?:#.*)?$", text):
        return line + 1 + unit.offset
    if re.search(r":\s*>[-+]?\d*\s*(?:#.*)?$", text):
        return line + 1
    return line


def number_problems(english: YamlDocument, translated: YamlDocument, language: str, *, known: set[tuple[str | int, ...]] = frozenset()) -> list[Problem]:
    """Missing and extra fields and units, and units whose numbers differ, in one translated file.

    ``known``: English field keys whose absence is reported elsewhere (no need to say it twice)."""
    file = str(translated.path)
    found: list[Problem] = []
    matched, missing, extra = pairs(english, translated)
    for field in missing:
        if field.key not in known:
            found.append(Problem(file, translated.line(field.path[:-1]), format_path(field.path), f"missing: the English has this text ({_quote(field.text)}); translate it"))
    for field in extra:
        found.append(Problem(file, translated.line(field.path), format_path(field.path), "no English counterpart: this text is not in the English (remove it, or check its id)"))
    free = language.replace("-", "_").split("_")[0].lower() in FREE_ORDER
    for source, target in matched:
        if target.path[-1] == "contact":
            continue  # dialled, not read: see overlay.dials_same
        source_units, target_units = _english_units(source.text), units(target.text)
        if len(source_units) != len(target_units):
            found.append(_count_problem(translated, target, list(source_units), target_units))
            continue
        for source_unit, target_unit in zip(source_units, target_units):
            wanted = list(_english_numbers(source_unit.text))
            said = _said(target_unit.text, language, wanted, free)
            if _agree(said, wanted, free):
                continue
            how = "in any order" if free else "in this order"
            found.append(
                Problem(
                    file,
                    unit_line(translated, target.path, target_unit),
                    format_path(target.path),
                    f"numbers {_list(said)} differ from the English {_list(wanted)} ({how}) in {_quote(target_unit.text)}",
                )
            )
    return found


@lru_cache(maxsize=4096)
def _english_units(text: str) -> tuple[Unit, ...]:
    """An English text's units, cut once for all the languages compared with it."""
    return tuple(units(text))


@lru_cache(maxsize=4096)
def _english_numbers(text: str) -> tuple[str, ...]:
    """An English unit's numbers, read once for all the languages compared with it."""
    return tuple(numbers(text, "en"))


def _said(text: str, language: str, wanted: list[str], free: bool) -> list[str]:
    """The numbers of a translated unit; a bracketed gloss that repeats numbers already said adds none
    (it is left out only when that makes the numbers agree)."""
    said = numbers(text, language, wanted)
    if _agree(said, wanted, free):
        return said
    for gloss in _BRACKETED.findall(text)[:10]:  # a few glosses per paragraph at most: bounded work on any input
        inside = numbers(gloss, language)
        rest = text.replace(gloss, " ", 1)
        if inside and all(number in numbers(rest, language) for number in inside):
            without = numbers(rest, language, wanted)
            if _agree(without, wanted, free):
                return without
    return said


def _agree(said: list[str], wanted: list[str], free: bool) -> bool:
    return said == wanted or (free and sorted(said) == sorted(wanted))


def _count_problem(doc: YamlDocument, field: TextField, source: list[Unit], target: list[Unit]) -> Problem:
    """A paragraph or list item added or dropped: say where the two first part ways."""
    line = unit_line(doc, field.path, target[min(len(source), len(target)) - 1] if target and source else None)
    for index, (english_unit, translated_unit) in enumerate(zip(source, target)):
        if _shape(english_unit.text) != _shape(translated_unit.text):
            line = unit_line(doc, field.path, translated_unit)
            break
    else:
        index = min(len(source), len(target))
    what = "is missing a paragraph or list item" if len(target) < len(source) else "has a paragraph or list item the English does not"
    near = f"; the English unit {index + 1} is {_quote(source[index].text)}" if index < len(source) else ""
    return Problem(str(doc.path), line, format_path(field.path), f"{what} ({len(target)} units, the English {len(source)}){near}")


def _shape(text: str) -> str:
    """What kind of block a unit is (heading, list item, paragraph), to find where two texts part ways."""
    match = re.match(r"\s*(#+|[-*+]|\d+[.)])?", text)
    return (match.group(1) or "p")[:1] if match else "p"


def _list(values: list[str]) -> str:
    return "[" + ", ".join(values) + "]"


def _quote(text: str, width: int = 60) -> str:
    text = " ".join(text.split())
    return repr(text if len(text) <= width else text[: width - 1] + "…")


def line_with(doc: YamlDocument):
    """``line_of(path, needle)``: the line of the field at ``path`` that holds ``needle`` (the file is read once)."""
    lines: list[str] = []

    def line_of(path: tuple[str | int, ...], needle: str) -> int:
        start = doc.line(path)
        if not lines:
            lines.extend(doc.path.read_text(encoding="utf-8").splitlines())
        for number in range(start, len(lines) + 1):
            text = lines[number - 1]
            if number > start and re.match(r"\s*(?:-\s+)?[\w\"']+:(?:\s|$)", text) and not text.startswith(" " * (_indent(lines[start - 1]) + 1)):
                break
            if needle.lower() in text.lower():
                return number
        return start

    return line_of


def _indent(text: str) -> int:
    return len(text) - len(text.lstrip())
