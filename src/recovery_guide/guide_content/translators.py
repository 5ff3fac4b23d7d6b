"""What ``recovery-guide translations status|stamp`` does, for translators.

``status`` says, for every English screen, self-check, glossary entry and source note, whether a language's translation of it is
``current`` (readers see it), ``stale`` (the English changed since: update it, then stamp it),
``different`` (its ids or answers differ from the English), ``missing``, or ``english`` (the English
itself, the source). ``stamp`` records that translated items now match the current English; run it
only after updating their words. Both go through the same rule as the app (``overlay``).
"""

from __future__ import annotations

from dataclasses import dataclass

from recovery_guide.guide_content import SOURCE_LANGUAGE
from recovery_guide.guide_content.english import SELF_CHECKS_FILE, VALUES_FILE
from recovery_guide.guide_content.folder import ContentFolder
from recovery_guide.guide_content.overlay import STALE, source_hash, stamped, state
from recovery_guide.guide_content.yaml_source import read_yaml

VALUES_NAME = "values"
"""How "What matters to me" (``values.yaml``, one item) is named on the command line."""
SELF_CHECK_PREFIX = "self-check:"
"""How a self-check is named on the command line, beside screen ids: ``self-check:treatment``."""
ENTRY_FILES = {"glossary": "glossary.yaml", "source": "sources.yaml", "help-line": "help-lines.yaml"}
"""Kinds stamped one entry of a file at a time; named ``glossary:ID``, ``source:ID`` and ``help-line:ID``."""
ENGLISH = "english"


class CannotStamp(Exception):
    """A stamp request that names something that cannot be stamped; nothing was written."""


@dataclass(frozen=True)
class ItemState:
    """One screen or self-check of one language, and its state."""

    kind: str
    """``screen``, ``self-check``, ``values``, ``glossary``, ``source`` or ``help-line``."""
    id: str
    state: str

    @property
    def name(self) -> str:
        """The item as ``stamp`` takes it: a screen id, ``self-check:ID``, ``values``, or ``glossary:``, ``source:``, ``help-line:`` and the id."""
        if self.kind == VALUES_NAME:
            return VALUES_NAME
        return self.id if self.kind == "screen" else f"{self.kind}:{self.id}"


def status(folder: ContentFolder, code: str) -> list[ItemState]:
    """Every English screen, then every English self-check, then "What matters to me", then every
    glossary entry, every source note and every help line, with its state in ``code``."""
    english = folder.english
    values = english.values
    if code == SOURCE_LANGUAGE:
        items = [ItemState("screen", page.id, ENGLISH) for page in english.pages] + [ItemState("self-check", check.id, ENGLISH) for check in english.self_checks]
        items += [ItemState(VALUES_NAME, values.id, ENGLISH)] if values is not None else []
        return items + [ItemState(kind, item_id, ENGLISH) for kind, entries in entries_of(english).items() for item_id in entries]
    translation = folder.translation(code)
    pages = [ItemState("screen", page.id, state(page, translation.pages.get(page.id, (None, None))[1])) for page in english.pages]
    pages += [ItemState("self-check", check.id, state(check, translation.checks.get(check.id))) for check in english.self_checks]
    pages += [ItemState(VALUES_NAME, values.id, state(values, translation.values))] if values is not None else []
    translated = {
        "glossary": {term.id: term for term in translation.glossary or ()},
        "source": translation.source_notes or {},
        "help-line": translation.help_words[1] if translation.help_words is not None else {},
    }
    return pages + [ItemState(kind, item_id, state(entry, translated[kind].get(item_id))) for kind, entries in entries_of(english).items() for item_id, entry in entries.items()]


def entries_of(guide) -> dict[str, dict]:
    """The guide's entries stamped one at a time, by kind (``ENTRY_FILES``) and id, in file order."""
    return {
        "glossary": {term.id: term for term in guide.glossary},
        "source": dict(guide.sources),
        "help-line": {line.id: line for region in guide.regions for line in region.lines},
    }


def states(folder: ContentFolder, code: str, kind: str) -> dict[str, str]:
    """``{id: state}`` for every English item of one ``kind`` (``screen``, ``self-check``, ``glossary``, ``source``) in ``code``."""
    return {item.id: item.state for item in status(folder, code) if item.kind == kind}


def stamp(folder: ContentFolder, code: str, names: list[str] | None = None) -> list[str]:
    """Stamp the named items of ``code`` (screen ids, ``self-check:ID``, ``values``, ``glossary:ID``, ``source:ID``), or every stale one when
    ``names`` is None, as matching the current English; returns the names stamped.

    Every name is checked before anything is written, so a typo never leaves a half-stamped language.
    """
    if code == SOURCE_LANGUAGE:
        raise CannotStamp("English is the source: only translations are stamped")
    items = {item.name: item for item in status(folder, code)}
    if names is None:
        names = [name for name, item in items.items() if item.state == STALE]
    for name in names:
        if name not in items:
            raise CannotStamp(f"{name!r} is not an English screen id, self-check:ID, glossary:ID, source:ID or help-line:ID (or {VALUES_NAME})")
        if items[name].state == "missing":
            raise CannotStamp(f"{name!r} is not translated into {code} yet: translate it, then stamp it")
    english = folder.english
    translation = folder.translation(code)
    for name in names:
        item = items[name]
        if item.kind == "screen":
            path = translation.pages[item.id][0].path
            doc, at = read_yaml(path), ()
            digest = source_hash(english.page(item.id))
        elif item.kind in ENTRY_FILES:
            path = folder.root / code / ENTRY_FILES[item.kind]
            doc = read_yaml(path)
            at = entry_at(doc, item.kind, item.id)
            digest = source_hash(entries_of(english)[item.kind][item.id])
        elif item.kind == VALUES_NAME:
            path = folder.root / code / VALUES_FILE
            doc, at = read_yaml(path), ()
            digest = source_hash(english.values)
        else:
            path = folder.root / code / SELF_CHECKS_FILE
            doc = read_yaml(path)
            at = ("checks", _index(doc.data, "checks", item.id))
            digest = source_hash(next(check for check in english.self_checks if check.id == item.id))
        path.write_text(stamped(doc, at, digest), encoding="utf-8")
    folder.forget()
    return names


def _index(data: dict, key: str, item_id: str) -> int | None:
    """Where in the list ``key`` of ``data`` the entry with ``item_id`` is (the last one, as the reader keeps it)."""
    found = [i for i, entry in enumerate(data.get(key) or []) if isinstance(entry, dict) and entry.get("id") == item_id]
    return found[-1] if found else None


def entry_at(doc, kind: str, item_id: str) -> tuple[str | int, ...]:
    """The path of the ``kind`` entry ``item_id`` in its translated file (``ENTRY_FILES``): a glossary
    entry, a source, or a help line inside its region."""
    if kind == "help-line":
        for r_index, region in enumerate(doc.data.get("regions") or []):
            if isinstance(region, dict) and (l_index := _index(region, "lines", item_id)) is not None:
                return ("regions", r_index, "lines", l_index)
        raise KeyError(item_id)
    key = "terms" if kind == "glossary" else "sources"
    return (key, _index(doc.data, key, item_id))
