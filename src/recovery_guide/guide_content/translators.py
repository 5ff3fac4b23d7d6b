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
ENTRY_FILES = {"glossary": ("glossary.yaml", "terms"), "source": ("sources.yaml", "sources")}
"""Kinds stamped one list entry at a time: (file, list key); named ``glossary:ID`` and ``source:ID``."""
ENGLISH = "english"


class CannotStamp(Exception):
    """A stamp request that names something that cannot be stamped; nothing was written."""


@dataclass(frozen=True)
class ItemState:
    """One screen or self-check of one language, and its state."""

    kind: str
    """``screen``, ``self-check``, ``values``, ``glossary`` or ``source``."""
    id: str
    state: str

    @property
    def name(self) -> str:
        """The item as ``stamp`` takes it: a screen id, ``self-check:ID``, ``values``, ``glossary:ID`` or ``source:ID``."""
        if self.kind == VALUES_NAME:
            return VALUES_NAME
        return self.id if self.kind == "screen" else f"{self.kind}:{self.id}"


def status(folder: ContentFolder, code: str) -> list[ItemState]:
    """Every English screen, then every English self-check, then "What matters to me", then every
    glossary entry and every source note, with its state in ``code``."""
    english = folder.english
    values = english.values
    if code == SOURCE_LANGUAGE:
        items = [ItemState("screen", page.id, ENGLISH) for page in english.pages] + [ItemState("self-check", check.id, ENGLISH) for check in english.self_checks]
        items += [ItemState(VALUES_NAME, values.id, ENGLISH)] if values is not None else []
        return items + [ItemState("glossary", term.id, ENGLISH) for term in english.glossary] + [ItemState("source", source_id, ENGLISH) for source_id in english.sources]
    translation = folder.translation(code)
    pages = [ItemState("screen", page.id, state(page, translation.pages.get(page.id, (None, None))[1])) for page in english.pages]
    pages += [ItemState("self-check", check.id, state(check, translation.checks.get(check.id))) for check in english.self_checks]
    pages += [ItemState(VALUES_NAME, values.id, state(values, translation.values))] if values is not None else []
    terms = {term.id: term for term in translation.glossary or ()}
    pages += [ItemState("glossary", term.id, state(term, terms.get(term.id))) for term in english.glossary]
    notes = translation.source_notes or {}
    return pages + [ItemState("source", source_id, state(source, notes.get(source_id))) for source_id, source in english.sources.items()]


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
            raise CannotStamp(f"{name!r} is not an English screen id, self-check:ID, glossary:ID or source:ID (or {VALUES_NAME})")
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
            file_name, key = ENTRY_FILES[item.kind]
            path = folder.root / code / file_name
            doc = read_yaml(path)
            at = (key, entry_index(doc, key, item.id))
            digest = source_hash(english.sources[item.id] if item.kind == "source" else next(term for term in english.glossary if term.id == item.id))
        elif item.kind == VALUES_NAME:
            path = folder.root / code / VALUES_FILE
            doc, at = read_yaml(path), ()
            digest = source_hash(english.values)
        else:
            path = folder.root / code / SELF_CHECKS_FILE
            doc = read_yaml(path)
            at = ("checks", entry_index(doc, "checks", item.id))
            digest = source_hash(next(check for check in english.self_checks if check.id == item.id))
        path.write_text(stamped(doc, at, digest), encoding="utf-8")
    folder.forget()
    return names


def entry_index(doc, key: str, item_id: str) -> int:
    """Where in the list ``key`` of ``doc`` the entry with ``item_id`` is (the last one, as the reader keeps it)."""
    return [i for i, entry in enumerate(doc.data.get(key) or []) if isinstance(entry, dict) and entry.get("id") == item_id][-1]
