"""What matters to me: the reader's answers to the values exercise (``Guide.values``).

Plain data with no UI, shared by the app, the ``read`` mode, handouts and saving, like My questions.
Answers are stored by id (item id to level id), never by their words, so a language switch shows
them in the new language; the reader's own item is kept exactly as typed (one line, length-capped,
control characters dropped). Nothing here adds answers up: the exercise is never scored.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from recovery_guide.model import Values
from recovery_guide.my_questions import clean_text


@dataclass(frozen=True)
class Answer:
    """One rated item as the handout shows it."""

    text: str
    level: str | None
    """The level in words; None for the reader's own item when they typed it but did not rate it."""
    own: bool = False


@dataclass
class MyValues:
    ratings: dict[str, str] = field(default_factory=dict)
    """Item id -> level id; an item left out was skipped."""
    own_text: str = ""
    own_level: str | None = None

    def rate(self, item_id: str, level_id: str | None) -> bool:
        """Rate an item (None: skip it, taking any rating out). True if anything changed."""
        if level_id is None:
            return self.ratings.pop(item_id, None) is not None
        if self.ratings.get(item_id) == level_id:
            return False
        self.ratings[item_id] = level_id
        return True

    def set_own(self, text: str, level_id: str | None) -> bool:
        """Set the reader's own item (blank text clears it). True if anything changed."""
        text = clean_text(text)
        level_id = level_id if text else None
        if (text, level_id) == (self.own_text, self.own_level):
            return False
        self.own_text, self.own_level = text, level_id
        return True

    def __bool__(self) -> bool:
        return bool(self.ratings or self.own_text)

    def answers(self, values: Values | None) -> list[Answer]:
        """The rated items in the exercise's order, each with its level in the guide's words; skipped
        items and ids the content no longer has are left out; the own item last."""
        if values is None:
            return []
        found = []
        for item in values.items:
            level = values.level(self.ratings.get(item.id, ""))
            if level is not None:
                found.append(Answer(item.text, level.text))
        if self.own_text:
            level = values.level(self.own_level or "")
            found.append(Answer(self.own_text, level.text if level else None, own=True))
        return found

    # --- saving ----------------------------------------------------------------------------------------

    def to_data(self) -> dict[str, Any]:
        return {"ratings": dict(self.ratings), "own": {"text": self.own_text, "level": self.own_level}}

    @classmethod
    def from_data(cls, data: Any) -> "MyValues":
        """Rebuild from saved data; raises ValueError on anything malformed (the caller ignores the part)."""
        if data is None:
            return cls()
        if not isinstance(data, dict):
            raise ValueError("expected a mapping")
        ratings, own = data.get("ratings", {}), data.get("own") or {}
        if not isinstance(ratings, dict) or not all(isinstance(key, str) and isinstance(value, str) for key, value in ratings.items()):
            raise ValueError("ratings: expected item ids and level ids")
        if not isinstance(own, dict):
            raise ValueError("own: expected a mapping")
        text, level = own.get("text", ""), own.get("level")
        if not isinstance(text, str) or not (level is None or isinstance(level, str)):
            raise ValueError("own: expected text")
        text = clean_text(text)
        return cls(dict(ratings), text, level if text else None)
