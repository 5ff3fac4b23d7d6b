"""Joining two windows' changes to the saved file, so neither loses what the other added.

Two windows (two terminals, or a kiosk and a staff session) can share one saved file. Each keeps the
file's contents as it last read or wrote them (the *base*). When one saves and finds the file changed
since its base, it does not overwrite it: it merges, three ways, in the saved file's own format:

- **My questions**: an entry either window added is kept; an entry either window took out stays out.
  Entries are matched by their question id (the guide's and the clinic's questions) or by their words
  (the reader's own), so the same question added in both windows appears once.
- **Where the reader has been**: the pages read in either window.
- **Single choices** (the last page, language, region, theme, each answer to "What matters to me"):
  the saving window's value if it changed it since its base, else the other window's.

Everything here works on plain data (the dicts of ``SavedState.to_data``): no files, no locks.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

CHOICES = ("screen", "language", "region", "theme")


def merge(base: dict[str, Any] | None, mine: dict[str, Any], theirs: dict[str, Any]) -> dict[str, Any]:
    """The saved data holding both ``mine`` and ``theirs``, given the ``base`` both started from (None: nothing)."""
    base = base or {}
    merged = {**theirs, **mine}  # fields this copy does not know, written by another, are kept
    for key in CHOICES:
        merged[key] = _choose(base.get(key), mine.get(key), theirs.get(key))
    merged["visited"] = _union(mine.get("visited") or [], theirs.get("visited") or [])
    merged["entries"] = _merge_entries(base.get("entries") or [], mine.get("entries") or [], theirs.get("entries") or [])
    values = _merge_values(base.get("values") or {}, mine.get("values") or {}, theirs.get("values") or {})
    merged.pop("values", None)
    if values["ratings"] or values["own"].get("text"):
        merged["values"] = values
    return merged


def _choose(base: Any, mine: Any, theirs: Any) -> Any:
    """One value, three ways: mine if I changed it, else theirs."""
    return mine if mine != base else theirs


def _union(first: list, second: list) -> list:
    return [*first, *(item for item in second if item not in first)]


def entry_identity(kind: Any, question: Any, topic: Any, text: Any) -> tuple:
    """What makes two entries of My questions the same one: its kind and question id, or (the
    reader's own words) its kind, topic and words. One rule for the merge and for the window taking
    the merge in (``Session``)."""
    return (kind, question) if question else (kind, topic, text)


def _keyed(entries: list[dict]) -> list[tuple[tuple, dict]]:
    """Each entry with what identifies it (``entry_identity``); a count tells equal entries apart (the
    same words typed twice are two entries)."""
    seen: Counter = Counter()
    keyed = []
    for entry in entries:
        identity = entry_identity(entry.get("kind"), entry.get("question"), entry.get("topic"), entry.get("text"))
        keyed.append(((identity, seen[identity]), entry))
        seen[identity] += 1
    return keyed


def _merge_entries(base: list[dict], mine: list[dict], theirs: list[dict]) -> list[dict]:
    """Mine in my order, less what they took out, plus what they added (each after its neighbour there)."""
    base_keys = {key for key, _ in _keyed(base)}
    their_list = _keyed(theirs)
    their_keys = {key for key, _ in their_list}
    my_list = _keyed(mine)
    my_keys = {key for key, _ in my_list}
    merged = [(key, entry) for key, entry in my_list if key in their_keys or key not in base_keys]
    for index, (key, entry) in enumerate(their_list):
        if key in my_keys or key in base_keys:
            continue  # already here, or I took it out
        keys = [item for item, _ in merged]
        before = next((keys.index(item) + 1 for item, _ in reversed(their_list[:index]) if item in keys), 0)
        merged.insert(before, (key, entry))
    return [entry for _, entry in merged]


def _merge_values(base: dict, mine: dict, theirs: dict) -> dict:
    """Each rating three ways (a skipped item has none), and the reader's own item as one choice."""
    ratings = {}
    base_ratings, my_ratings, their_ratings = (part.get("ratings") or {} for part in (base, mine, theirs))
    for item in [*my_ratings, *(item for item in their_ratings if item not in my_ratings)]:
        level = _choose(base_ratings.get(item), my_ratings.get(item), their_ratings.get(item))
        if level is not None:
            ratings[item] = level
    own = _choose(base.get("own") or {}, mine.get("own") or {}, theirs.get("own") or {})
    return {"ratings": ratings, "own": own}
