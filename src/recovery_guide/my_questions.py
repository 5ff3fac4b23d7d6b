"""My questions: the list a reader builds while reading and takes to their appointment.

The list is plain data with no UI, so the app, the plain ``read`` mode, handouts and saving all
share it. Where the reader has been is not part of it (``progress.ReadingProgress``). Curated questions are stored by their stable id, never by their text, so switching
language shows them in the new language; the reader's own words are stored exactly as typed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import Any, Iterator

from recovery_guide.model import Clinic, Guide


class EntryKind(str, Enum):
    CURATED = "curated"
    """One of the guide's "Ask your provider" questions, by id."""
    CLINIC = "clinic"
    """A question suggested in the clinic file, by id."""
    OWN = "own"
    """A question the reader typed."""
    UNDERSTANDING = "understanding"
    """What the reader understood, in their own words, for the provider to check (teach-back)."""


@dataclass
class Entry:
    kind: EntryKind
    topic: str | None
    """The screen (or self-check) id it belongs to; None for a general question."""
    question_id: str | None = None
    text: str = ""
    """The reader's words; for curated questions, the text when added (used only if the id is gone)."""


@dataclass
class Group:
    """Questions about one topic, in the reader's order."""

    topic: str | None
    title: str
    entries: list[tuple[Entry, str]]
    """Each entry with the text to show in the current language."""


MAX_TEXT = 500
"""A question is a sentence or two; longer pasted text is cut so a handout stays a handout."""


@dataclass
class MyQuestions:
    entries: list[Entry] = field(default_factory=list)

    # --- questions ---------------------------------------------------------------------------------

    def has(self, question_id: str) -> bool:
        return any(entry.question_id == question_id for entry in self.entries if entry.kind in (EntryKind.CURATED, EntryKind.CLINIC))

    def toggle(self, topic: str, question_id: str, text: str, kind: EntryKind = EntryKind.CURATED) -> bool:
        """Add a curated or clinic question, or take it out again. Returns True if it is now in the list."""
        if self.has(question_id):
            self.entries = [entry for entry in self.entries if entry.question_id != question_id]
            return False
        self.entries.append(Entry(kind, topic, question_id, text))
        return True

    def add_own(self, text: str, topic: str | None = None, kind: EntryKind = EntryKind.OWN) -> Entry | None:
        """Add the reader's own words; blank text adds nothing."""
        cleaned = clean_text(text)
        if not cleaned:
            return None
        entry = Entry(kind, topic, None, cleaned)
        self.entries.append(entry)
        return entry

    def edit(self, entry: Entry, text: str) -> bool:
        """Change the reader's own words; curated questions cannot be edited (they are translated)."""
        cleaned = clean_text(text)
        if entry.kind not in (EntryKind.OWN, EntryKind.UNDERSTANDING) or not cleaned:
            return False
        entry.text = cleaned
        return True

    def remove(self, entry: Entry) -> None:
        self.entries = [item for item in self.entries if item is not entry]

    def insert(self, index: int, entry: Entry) -> None:
        """Put ``entry`` back at ``index`` (or at the end, if the list is shorter now)."""
        self.entries.insert(min(index, len(self.entries)), entry)

    def move(self, entry: Entry, step: int) -> bool:
        """Move an entry up (-1) or down (+1) among the entries of the same group."""
        same = [index for index, item in enumerate(self.entries) if _group_key(item) == _group_key(entry)]
        position = next(i for i, index in enumerate(same) if self.entries[index] is entry)
        target = position + step
        if not 0 <= target < len(same):
            return False
        a, b = same[position], same[target]
        self.entries[a], self.entries[b] = self.entries[b], self.entries[a]
        return True

    def questions(self) -> Iterator[Entry]:
        return (entry for entry in self.entries if entry.kind is not EntryKind.UNDERSTANDING)

    def understanding(self) -> Iterator[Entry]:
        return (entry for entry in self.entries if entry.kind is EntryKind.UNDERSTANDING)

    def __len__(self) -> int:
        return len(self.entries)

    # --- showing -------------------------------------------------------------------------------------

    def groups(self, guide: Guide, clinic: Clinic | None = None, general_title: str = "", kinds: tuple[EntryKind, ...] | None = None) -> list[Group]:
        """Entries grouped by topic, topics in reading order, each shown in the guide's language."""
        kinds = kinds or (EntryKind.CURATED, EntryKind.CLINIC, EntryKind.OWN)
        chosen = [entry for entry in self.entries if entry.kind in kinds]
        order = {screen.id: index for index, screen in enumerate(guide.pages)}
        checks = {check.id: check for check in guide.self_checks}
        for check_id, check in checks.items():
            order.setdefault(check_id, order.get(check.after, len(order)))
        keys: list[tuple[str | None, bool]] = []
        for entry in chosen:
            if _group_key(entry) not in keys:
                keys.append(_group_key(entry))
        keys.sort(key=lambda key: (key[1], order.get(key[0] or "", len(order))))
        groups = []
        for key in keys:
            topic, _clinic = key
            if _clinic and clinic:
                title = clinic.name
            elif topic in checks:
                title = checks[topic].topic
            elif topic in order:
                title = guide.page(topic).title
            else:
                title = general_title
            items = [(entry, self.text_of(entry, guide, clinic)) for entry in chosen if _group_key(entry) == key]
            groups.append(Group(topic, title, items))
        return groups

    def text_of(self, entry: Entry, guide: Guide, clinic: Clinic | None = None) -> str:
        if entry.kind is EntryKind.CURATED and entry.question_id:
            for screen in guide.pages:
                for question in screen.questions:
                    if question.id == entry.question_id:
                        return question.text
        if entry.kind is EntryKind.CLINIC and clinic:
            for question in clinic.questions:
                if question.id == entry.question_id:
                    return question.text
        return entry.text

    # --- saving ----------------------------------------------------------------------------------------

    def to_data(self) -> dict[str, Any]:
        return {
            "entries": [
                {"kind": entry.kind.value, "topic": entry.topic, "question": entry.question_id, "text": entry.text} for entry in self.entries
            ],
        }

    @classmethod
    def from_data(cls, data: Any) -> "MyQuestions":
        """Rebuild from saved data; raises ValueError on anything malformed (the caller sets the file aside)."""
        if not isinstance(data, dict):
            raise ValueError("expected a mapping")
        entries = []
        raw_entries = data.get("entries", [])
        if not isinstance(raw_entries, list):
            raise ValueError("entries: expected a list")
        for index, raw in enumerate(raw_entries):
            if not isinstance(raw, dict):
                raise ValueError(f"entries[{index}]: expected a mapping")
            try:
                kind = EntryKind(raw.get("kind"))
            except ValueError:
                raise ValueError(f"entries[{index}].kind: unknown kind") from None  # never the file's own text in a message
            topic, question, text = raw.get("topic"), raw.get("question"), raw.get("text", "")
            if not all(value is None or isinstance(value, str) for value in (topic, question)) or not isinstance(text, str):
                raise ValueError(f"entries[{index}]: expected text fields")
            if kind in (EntryKind.CURATED, EntryKind.CLINIC) and not question:
                raise ValueError(f"entries[{index}].question: missing")
            entries.append(Entry(kind, topic, question, clean_text(text)))
        return cls(entries)


def _group_key(entry: Entry) -> tuple[str | None, bool]:
    return (entry.topic, entry.kind is EntryKind.CLINIC)


def clean_text(text: str) -> str:
    """One line of the reader's words: control characters dropped, spaces collapsed, length capped."""
    from recovery_guide.safetext import neutralise

    return " ".join(neutralise(text).split())[:MAX_TEXT]
