"""Reading one YAML mapping by its declared shape (``schema.Shape``), each failure located.

Every content file and the clinic file are read through this one class, so a missing field, a wrong
type or an unknown field is reported in the same words, as ``file:line: field: message``, wherever
it happens. Text is stripped and made safe to show (``safetext.neutralise``) as it is read.
"""

from __future__ import annotations

from datetime import date
from typing import Any, Callable

from recovery_guide.guide_content.schema import ID_PATTERN, Shape
from recovery_guide.guide_content.yaml_source import YamlDocument
from recovery_guide.safetext import neutralise


class Fields:
    """Typed access to one mapping in a document, each failure naming its line and field."""

    def __init__(self, doc: YamlDocument, data: Any, at: tuple[str | int, ...], shape: Shape, warn: Callable[[str], None]):
        if not isinstance(data, dict):
            raise doc.error(at, f"expected a mapping of fields, found {type_name(data)}")
        self.doc, self.data, self.at, self.shape = doc, data, at, shape
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
        text = neutralise(value.strip())
        if not text.strip():  # empty, or only control characters that would be dropped
            raise self.doc.error(self.at + (key,), "must not be empty")
        return text

    def literal(self, key: str) -> str:
        """Text that YAML may have read as a number (a phone number such as 988)."""
        value = self._get(key, True)
        if isinstance(value, int) and not isinstance(value, bool):
            return str(value)
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
        return tuple(neutralise(value.strip()) for value in values)

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
