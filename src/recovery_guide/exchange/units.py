"""Every translatable string of one language, with its English, its translation and what a translator needs.

Which fields are translatable is read from ``guide_content.schema`` (the one declaration of every
file's fields): text fields that are not ``english_only``, minus the few a translation never changes
(citations, addresses, glossary ``forms``). Lists of mappings are matched by ``id`` (or ``code``) so a
unit keeps its name when items move; each unit's name, ``file#path``, is what PO calls ``msgctxt``
and XLIFF calls the unit ``id``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator

from recovery_guide.guide_content import SOURCE_LANGUAGE
from recovery_guide.guide_content.english import SELF_CHECKS_FILE, VALUES_FILE
from recovery_guide.guide_content.folder import ContentFolder
from recovery_guide.guide_content.overlay import CURRENT, NUMBER
from recovery_guide.guide_content.schema import GLOSSARY, HELP_LINES, SCREEN, SELF_CHECKS, SOURCES, VALUES, Shape
from recovery_guide.guide_content.translators import SELF_CHECK_PREFIX, VALUES_NAME, status
from recovery_guide.guide_content.yaml_source import read_yaml

NOT_TRANSLATED = frozenset({"citation", "url", "forms", "translation", "checked", "code"})
"""Text fields a translation keeps as in English (or never has)."""
TEXT_KINDS = ("text", "literal")

TOP_FILES = (("sources.yaml", SOURCES), ("glossary.yaml", GLOSSARY), ("help-lines.yaml", HELP_LINES), (SELF_CHECKS_FILE, SELF_CHECKS), (VALUES_FILE, VALUES))


@dataclass(frozen=True)
class Unit:
    """One translatable string."""

    id: str
    """``file#path``: ``screens/05-research-alcohol.yaml#questions[alcohol-which-studies].text``."""
    file: str
    """The translated file, relative to the language's folder."""
    english: str
    translation: str
    """Empty when the translation has no such field yet."""
    at: tuple[str | int, ...] | None
    """The field's place in the translated file (indices), None when it is not there yet."""
    item: str | None
    """What ``translations stamp`` takes for it (a screen id, ``self-check:ID``, ``values``), None for
    glossary, sources and help lines, which have no stamp."""
    state: str
    """The item's state (``current``, ``stale``, ...), or ``unstamped`` for files without a stamp."""
    notes: tuple[str, ...] = ()

    @property
    def numbers(self) -> list[str]:
        """The English numbers, in order: a translation keeps them."""
        return NUMBER.findall(self.english)


def _walk(shape: Shape, english: Any, translated: Any, name: str, at: tuple | None) -> Iterator[tuple[str, str, Any, tuple | None]]:
    """(path name, English text, translated text or None, translated place) for every translatable leaf."""
    if not isinstance(english, dict):
        return
    for field in shape.fields:
        if field.english_only or field.name in NOT_TRANSLATED or field.name not in english:
            continue
        value = english[field.name]
        other = translated.get(field.name) if isinstance(translated, dict) else None
        here = f"{name}.{field.name}" if name else field.name
        place = at + (field.name,) if at is not None and other is not None else None
        if field.kind in TEXT_KINDS and value is not None:
            yield here, str(value), None if other is None else str(other), place
        elif field.kind == "texts" and isinstance(value, list):
            others = other if isinstance(other, list) else []
            for index, text in enumerate(value):
                present = index < len(others)
                yield f"{here}[{index}]", str(text), str(others[index]) if present else None, place + (index,) if place and present else None
        elif field.kind == "mapping" and isinstance(value, dict):  # a screen's urgency tiers: each tier's heading and signs
            yield from _walk(field.shape, value, other if isinstance(other, dict) else None, here, place)
        elif field.kind == "mappings" and isinstance(value, list):
            others = other if isinstance(other, list) else []
            for index, item in enumerate(value):
                key, position = _match(item, others, index)
                sub_place = place + (position,) if place is not None and position is not None else None
                yield from _walk(field.shape, item, others[position] if position is not None else None, f"{here}[{key}]", sub_place)


def _match(item: Any, others: list, index: int) -> tuple[str, int | None]:
    """The item's name in a unit id (its id or code, else its index) and its index in the translation."""
    for key in ("id", "code"):
        if isinstance(item, dict) and key in item:
            wanted = str(item[key])
            found = next((i for i, other in enumerate(others) if isinstance(other, dict) and str(other.get(key)) == wanted), None)
            return wanted, found
    return str(index), index if index < len(others) else None


def units(folder: ContentFolder, code: str) -> list[Unit]:
    """Every translatable string of ``code``, in reading order: screens, then the other files."""
    if code == SOURCE_LANGUAGE:
        raise ValueError("English is the source: only translations are exported")
    english = folder.english
    translation = folder.translation(code)
    states = {item.name: item.state for item in status(folder, code)}
    root = folder.root
    found: list[Unit] = []
    glossary = {term.id: term.term for term in english.glossary}
    translated_terms = {term.id: term.term for term in translation.glossary or ()}
    for page in english.pages:
        doc_page = translation.pages.get(page.id)
        path = doc_page[0].path if doc_page else root / code / "screens" / Path(page.file).name
        data = doc_page[0].data if doc_page else None
        hints = tuple(f"term: {glossary[term]} = {translated_terms.get(term, '?')}" for term in page.terms if term in glossary)
        english_data = read_yaml(Path(page.file)).data
        found += _units(SCREEN, english_data, data, f"screens/{path.name}", page.id, states.get(page.id, "missing"), hints)
    for name, shape in TOP_FILES:
        if not (root / SOURCE_LANGUAGE / name).is_file():
            continue
        english_data = read_yaml(root / SOURCE_LANGUAGE / name).data
        path = root / code / name
        data = read_yaml(path).data if path.is_file() else None
        if name == SELF_CHECKS_FILE:
            for check in english_data.get("checks") or []:
                key, position = _match(check, (data or {}).get("checks") or [], 0)
                item = SELF_CHECK_PREFIX + key
                other = data["checks"][position] if position is not None else None
                sub = [(f"checks[{key}].{unit_name}", text, value, ("checks", position) + place if place is not None else None) for unit_name, text, value, place in _walk(_check_shape(), check, other, "", () if other is not None else None)]
                found += _make(name, sub, item, states.get(item, "missing"), ())
        elif name == VALUES_FILE:
            found += _units(shape, english_data, data, name, VALUES_NAME, states.get(VALUES_NAME, "missing"), ())
        else:
            found += _units(shape, english_data, data, name, None, "unstamped", ())
    return found


def _check_shape() -> Shape:
    return SELF_CHECKS.field("checks").shape


def _units(shape: Shape, english: Any, translated: Any, file: str, item: str | None, state: str, hints: tuple[str, ...]) -> list[Unit]:
    return _make(file, list(_walk(shape, english, translated, "", () if translated is not None else None)), item, state, hints)


def _make(file: str, leaves: list, item: str | None, state: str, hints: tuple[str, ...]) -> list[Unit]:
    made = []
    for name, english, translated, place in leaves:
        notes = [f"state: {state}" + (f" (stamp: {item})" if item else "")]
        numbers = NUMBER.findall(english)
        if numbers:
            notes.append(f"numbers must stay as in English, in this order: {' '.join(numbers)}")
        notes += [hint for hint in hints if hint.split(" = ")[0][6:].lower() in english.lower()]
        made.append(Unit(f"{file}#{name}", file, english, translated or "", place, item, state, tuple(notes)))
    return made


def needs_review(unit: Unit) -> bool:
    """A unit whose item readers do not see translated (stale, missing, different): marked fuzzy / not final."""
    return unit.item is not None and unit.state != CURRENT
