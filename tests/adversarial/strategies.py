"""Hypothesis strategies for hostile text: what a reader, a clinic file or a damaged file may hold.

Shared by the adversarial tests. Each strategy is small on purpose (few, short examples) so a test
that starts the app runs in seconds.
"""

from __future__ import annotations

from hypothesis import strategies as st

MARKUP = ["[", "]", "[/]", "[b]", "[/b]", "[at=10:30]", "[@click=app.quit]", "[link=https://example.org]", "\\[", "[red on blue]", "[]"]
"""Textual and Rich markup, well formed and broken: shown as written, never parsed."""

BIDI = ["\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069", "\u200e", "\u200f", "\u061c"]
"""Bidi embeddings, overrides, isolates and marks: they can make "911" show as "119"."""

INVISIBLE = ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u2028", "\u2029"]
"""Zero-width characters and the line and paragraph separators."""

INVALID_UTF8 = [b"\xe9", b"\xff", b"\xc3", b"\xed\xa0\x80", b"\xf4\x90\x80\x80", b"\x80"]
"""Bytes that are not UTF-8: a Latin-1 accent, a lone lead byte, a surrogate, beyond U+10FFFF, a lone continuation."""

IMPOSSIBLE_DATES = ["2026-02-30", "2026-13-01", "2025-02-29", "0000-01-01", "2026-04-31", "99999-01-01"]
"""Dates YAML reads as dates (or tries to) that no calendar has."""

pieces = st.sampled_from(MARKUP + BIDI + INVISIBLE) | st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), min_size=1, max_size=6)

hostile_text = st.lists(pieces, min_size=1, max_size=6).map("".join)
"""Printable text mixed with markup, bidi controls and invisible characters."""

typed_text = hostile_text.filter(lambda text: text.strip() != "")
"""What a reader might type into a field: something that is not only white space."""

invalid_utf8 = st.lists(st.sampled_from(INVALID_UTF8) | st.binary(min_size=1, max_size=4), min_size=1, max_size=4).map(b"".join)
"""Bytes a terminal set to another encoding, or a damaged file, might send."""

impossible_dates = st.sampled_from(IMPOSSIBLE_DATES)


# --- whole documents, by their declared shape --------------------------------------------------------

IDS = ["a", "yes", "no", "ketamine-basics", "treatment-course", "x-1", "Bad Id", "", "[/]"]


def document(shape) -> st.SearchStrategy[dict]:
    """A mapping with every field of ``shape`` (``guide_content.schema.Shape``), each often hostile:
    text with markup, bidi and invisible characters; ids that are not ids; impossible dates written
    as text; numbers out of range; and now and then a field of the wrong type or left out."""
    fields = {}
    for field in shape.fields:
        fields[field.name] = st.one_of(_value(field), st.none(), st.integers(), st.booleans())
    return st.fixed_dictionaries({}, optional=fields)


def _value(field) -> st.SearchStrategy:
    kind = field.kind
    if kind == "text":
        return hostile_text
    if kind == "literal":
        return hostile_text | st.integers(min_value=-(10**20), max_value=10**20)
    if kind == "id":
        return st.sampled_from(IDS)
    if kind == "date":
        return impossible_dates | st.dates().map(str)
    if kind == "bool":
        return st.booleans() | hostile_text
    if kind == "int":
        low, high = field.low if field.low is not None else -5, field.high if field.high is not None else 5
        return st.integers(min_value=low - 3, max_value=high + 3)
    if kind == "number":  # a whole number or a fraction (kiosk idle_minutes), or not a number at all
        return st.floats(allow_nan=True, allow_infinity=True) | st.integers(min_value=-(10**20), max_value=10**20) | hostile_text
    if kind == "choice":
        return st.sampled_from([member.value for member in field.choices]) | hostile_text
    if kind == "texts":
        return st.lists(hostile_text, max_size=3)
    if kind == "ids":
        return st.lists(st.sampled_from(IDS), max_size=3)
    if kind == "mapping":
        return st.deferred(lambda: document(field.shape))
    if kind == "mappings":
        return st.lists(st.deferred(lambda: document(field.shape)), max_size=2)
    if kind == "texts-or-mappings":
        return st.lists(hostile_text | st.deferred(lambda: document(field.shape)), max_size=2)
    raise ValueError(f"no strategy for field kind {kind!r}")
