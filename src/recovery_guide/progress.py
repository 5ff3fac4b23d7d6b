"""Reading progress: which pages the reader has opened, and where they stopped.

Kept apart from My questions because it is a different promise to the reader: the list is what they
chose to take to their provider; progress is only where they have been, used for the handout's key
points and for "continue where you left off". Plain data, no UI, so every front end shares it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class ReadingProgress:
    visited: list[str] = field(default_factory=list)
    """Page ids the reader has opened, in the order first opened (for the handout's key points)."""
    page: str | None = None
    """The last page read; offered as "continue where you left off" when saving is on."""

    def visit(self, page_id: str) -> None:
        if page_id not in self.visited:
            self.visited.append(page_id)
        self.page = page_id

    def to_data(self) -> dict[str, Any]:
        """The saved file's ``screen`` and ``visited`` fields (their names predate this class)."""
        return {"screen": self.page, "visited": list(self.visited)}

    @classmethod
    def from_data(cls, data: Any) -> "ReadingProgress":
        """Rebuild from saved data; raises ValueError on anything malformed (the caller sets the file aside)."""
        if not isinstance(data, dict):
            raise ValueError("expected a mapping")
        page = data.get("screen")
        if page is not None and not isinstance(page, str):
            raise ValueError("screen: expected text")
        visited = data.get("visited", [])
        if not isinstance(visited, list) or not all(isinstance(item, str) for item in visited):
            raise ValueError("visited: expected a list of screen ids")
        return cls(list(visited), page)
