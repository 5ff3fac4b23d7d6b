"""Reading one YAML mapping by its declared shape (``schema.Shape``), each failure located.

Every content file and the clinic file are read through this one class, so a missing field, a wrong
type or an unknown field is reported in the same words, as ``file:line: field: message``, wherever
it happens. Text is stripped and made safe to show (``safetext.neutralise``) as it is read.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any, Callable

from recovery_guide.guide_content.schema import ID_PATTERN, Shape
from recovery_guide.guide_content.yaml_source import ContentError, YamlDocument, format_path
from recovery_guide.safetext import deceptive, neutralise

_LINKS = re.compile(
    r"!?\[[^\]]*\]\("  # an image or a link: ![p](...), [text](...)
    r"|^\s{0,3}\[[^\]]+\]:"  # a link reference definition, without which [text][ref] is only text
    r"|<[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*>"  # an autolink: <https://...>
    r"|<(?:/?[A-Za-z][A-Za-z0-9-]*|!--)[\s/>]",  # HTML: <img ...>, </p>, <!--
    re.MULTILINE,
)
"""Markdown and HTML that would link to or load something: content has none (docs/content.md), so
no writer can emit a URL that a handout, a printed page or a Markdown viewer would fetch."""


class Fields:
    """Typed access to one mapping in a document, each failure naming its line and field."""

    def __init__(self, doc: YamlDocument, data: Any, at: tuple[str | int, ...], shape: Shape, warn: Callable[[str], None]):
        if not isinstance(data, dict):
            raise doc.error(at, f"expected a mapping of fields, found {type_name(data)}")
        self.doc, self.data, self.at, self.shape, self.warn = doc, data, at, shape, warn
        allowed = shape.allowed
        for key in data:
            if key not in allowed:
                warn(str(doc.error(at + (str(key),), "unknown field (ignored)")))

    def get(self, key: str, required: bool | None = None) -> Any:
        """The field read as its declaration says; ``required`` overrides the declaration when a
        field's need depends on another (``acknowledge`` on the welcome screen)."""
        field = self.shape.by_name[key]
        need = field.required if required is None else required
        kind = field.kind
        if kind == "text":
            return self.text(key, need)
        if kind == "choice":
            return self.choice(key, field.choices, None if need else field.default)
        if kind == "texts":
            return self.texts(key, need)
        if kind == "ids":
            return self.ids(key, need)
        if kind in ("mappings", "texts-or-mappings"):
            return self.items(key, need)
        if not need and self.data.get(key) is None:
            return field.default
        if kind == "literal":
            return self.literal(key)
        if kind == "id":
            return self.ident(key)
        if kind == "date":
            return self.day(key)
        if kind == "bool":
            return self.flag(key)
        if kind == "int":
            return self.whole(key, field.low, field.high)
        if kind == "number":
            return self.number(key, field.low, field.high)
        return self._get(key, need)  # a mapping, read by its own Fields

    def _get(self, key: str, required: bool) -> Any:
        if key not in self.data or self.data[key] is None:
            if required:
                raise self.doc.error(self.at + (key,), "required field is missing")
            return None
        return self.data[key]

    def text(self, key: str, required: bool = True) -> str | None:
        value = self._get(key, required)
        if value is None:
            return None
        if not isinstance(value, str):
            raise self.doc.error(self.at + (key,), f"expected text, found {type_name(value)}")
        self._within_limit(value, key, self.at + (key,))
        text = self._clean(value, self.at + (key,))
        if not text.strip():  # empty, or only control characters that would be dropped
            raise self.doc.error(self.at + (key,), "must not be empty")
        return text

    def _within_limit(self, value: str, key: str, at: tuple[str | int, ...]) -> None:
        """Refuse a text longer than its field's limit (``schema.Field.limit``), before reading it further."""
        limit = self.shape.by_name[key].limit
        if limit is not None and len(value) > limit:
            raise self.doc.error(at, f"too long: {len(value):,} characters, at most {limit:,} are allowed")

    def _clean(self, value: str, at: tuple[str | int, ...]) -> str:
        """``value`` stripped and made safe to show; a deceptive invisible character dropped is reported."""
        link = _LINKS.search(value)
        if link:
            raise self._error_within(at, value, link.start(), f"{link.group().strip()!r}: links, images and HTML are not allowed in content (the guide loads nothing from the network; write a web address as plain text in sources.yaml)")
        hidden = deceptive(value)
        if hidden:
            self.warn(str(self.doc.error(at, f"{hidden} removed: it draws nothing but can change how the text reads")))
        return neutralise(value.strip()).strip()

    def _error_within(self, at: tuple[str | int, ...], value: str, position: int, message: str) -> ContentError:
        """A problem at ``position`` in the text at ``at``: in a literal block (``body: |``) the line
        is the one that holds it, not the field's first line."""
        line = self.doc.line(at)
        node = self.doc.node(at)
        if getattr(node, "style", None) == "|":
            line += 1 + value.count("\n", 0, position)
        return ContentError(self.doc.path, line, format_path(at), message)

    def literal(self, key: str) -> str:
        """Text that YAML may have read as a number (a phone number such as 988). A character that
        draws nothing but reorders or hides digits is refused: a number must read as it dials."""
        value = self._get(key, True)
        if isinstance(value, int) and not isinstance(value, bool):
            # How it was written, to catch 0042 (octal 34 to YAML) and +44: only where the file was
            # parsed now (a clinic file, an edited folder); the packaged stored copies were checked
            # when they were built, and reading their nodes would mean parsing them after all.
            written = getattr(self.doc.node(self.at + (key,)), "value", str(value)) if self.doc.has_nodes else str(value)
            if written.replace("_", "") != str(value):
                raise self.doc.error(self.at + (key,), f'write {written} in quotes, like "{written}": without quotes YAML reads it as the number {value}')
            return str(value)
        if isinstance(value, str):
            self._within_limit(value, key, self.at + (key,))
        hidden = deceptive(value) if isinstance(value, str) else None
        if hidden:
            raise self.doc.error(self.at + (key,), f"{hidden} is not allowed in a number or contact: it can make the number read differently from how it dials")
        return self.text(key)

    def ident(self, key: str) -> str:
        value = self._get(key, True)
        if isinstance(value, bool):  # yes/no unquoted: YAML reads them as true/false
            raise self.doc.error(self.at + (key,), f'write this id in quotes, like "yes" or "no" (without quotes YAML reads it as {str(value).lower()})')
        if isinstance(value, int):
            value = str(value)
        if not isinstance(value, str) or not ID_PATTERN.match(value):
            raise self.doc.error(self.at + (key,), f"expected an id of lowercase letters, digits and dashes, found {value!r}")
        return value

    def day(self, key: str) -> date:
        value = self._get(key, True)
        if isinstance(value, date):
            return value
        if isinstance(value, str):
            try:
                return date.fromisoformat(value)
            except ValueError:
                pass
        raise self.doc.error(self.at + (key,), f"expected a date like 2026-11-27, found {value!r}")

    def whole(self, key: str, low: int | None, high: int | None) -> int:
        """A whole number from ``low`` to ``high``."""
        value = self._get(key, True)
        if isinstance(value, bool) or not isinstance(value, int):
            raise self.doc.error(self.at + (key,), f"expected a whole number, found {value!r}")
        if (low is not None and value < low) or (high is not None and value > high):
            raise self.doc.error(self.at + (key,), f"expected a number from {low} to {high}, found {value}")
        return value

    def number(self, key: str, low: float | None, high: float | None) -> float:
        """A number from ``low`` to ``high``; fractions allowed (``idle_minutes: 0.5``)."""
        value = self._get(key, True)
        if isinstance(value, bool) or not isinstance(value, (int, float)) or value != value:  # value != value: NaN
            raise self.doc.error(self.at + (key,), f"expected a number, found {value!r}")
        if (low is not None and value < low) or (high is not None and value > high):
            raise self.doc.error(self.at + (key,), f"expected a number from {low:g} to {high:g}, found {value:g}")
        return float(value)

    def flag(self, key: str) -> bool:
        value = self.data.get(key)
        if not isinstance(value, bool):
            raise self.doc.error(self.at + (key,), "expected true or false")
        return value

    def items(self, key: str, required: bool = True) -> list[Any]:
        value = self._get(key, required)
        if value is None:
            return []
        if not isinstance(value, list):
            raise self.doc.error(self.at + (key,), f"expected a list, found {type_name(value)}")
        if required and not value:
            raise self.doc.error(self.at + (key,), "list must not be empty")
        return value

    def texts(self, key: str, required: bool = True) -> tuple[str, ...]:
        values = self.items(key, required)
        for index, value in enumerate(values):
            if not isinstance(value, str) or not neutralise(value).strip():
                raise self.doc.error(self.at + (key, index), f"expected text, found {type_name(value)}")
            self._within_limit(value, key, self.at + (key, index))
        return tuple(self._clean(value, self.at + (key, index)) for index, value in enumerate(values))

    def ids(self, key: str, required: bool = True) -> tuple[str, ...]:
        values = self.items(key, required)
        for index, value in enumerate(values):
            if not isinstance(value, str) or not ID_PATTERN.match(value):
                raise self.doc.error(self.at + (key, index), f"expected an id, found {value!r}")
        return tuple(values)

    def choice(self, key: str, enum: type, default: Any = None) -> Any:
        value = self._get(key, default is None)
        if value is None:
            return default
        try:
            return enum(value)
        except ValueError:
            allowed = ", ".join(member.value for member in enum)
            raise self.doc.error(self.at + (key,), f"expected one of {allowed}, found {value!r}") from None


def type_name(value: Any) -> str:
    return {str: "text", int: "a number", float: "a number", bool: "true/false", list: "a list", dict: "a mapping"}.get(
        type(value), "nothing" if value is None else type(value).__name__
    )
