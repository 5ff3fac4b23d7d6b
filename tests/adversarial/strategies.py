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
