"""The glossary as the app uses it: marking terms in the text, sorting, filtering, and where each is used.

Screens list the glossary terms they use (``terms:`` in the English screen file; translations inherit
it). ``term_spans`` finds those terms in a piece of text so a view can mark them; the glossary view
uses ``sorted_terms``, ``filter_terms`` and ``screens_using``. Everything here is a pure function of
the model: no UI, no files.

Sorting. The standard library and Babel have no locale collation, so ``sorted_terms`` uses a small
key of its own: lower case with accents ignored (German "Übelkeit" sorts with "u", French "é" with
"e"), plus the letters that are separate letters of the alphabet in a language: Spanish "ñ" after
"n"; Vietnamese "ă", "â" after "a", "đ" after "d", "ê" after "e", "ô", "ơ" after "o" and "ư" after
"u", with tone marks ignored. Ties are broken by the accented spelling. Chinese terms sort by code
point, which for Chinese characters follows the radical-and-stroke order of dictionaries; terms that
start with Latin letters or digits ("FDA", "12步...") come first. This is close to, but not the same
as, full Unicode collation (CLDR); it needs no extra package.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Sequence

from recovery_guide.model import Guide, Page, Term
from recovery_guide.textfold import fold, fold_char, is_word_char

Span = tuple[int, int, str]


@lru_cache(maxsize=1024)
def _form_pattern(form: str) -> re.Pattern[str]:
    """Find every start of ``form`` (case-insensitive; any white space between its words)."""
    words = r"\s+".join(re.escape(word) for word in form.split())
    return re.compile(f"(?=({words}))", re.IGNORECASE)


def term_spans(text: str, terms: Sequence[Term]) -> list[Span]:
    """Where the terms occur in ``text``: sorted, non-overlapping ``(start, end, term_id)``.

    Each term's ``term`` and ``forms`` are matched case-insensitively, as whole words: a match must
    not begin or end inside a word ("review" is not found in "reviewed"). Chinese, Japanese and
    Korean text has no spaces between words, so next to those characters no word boundary is needed.
    Where two matches overlap the longer wins ("mindfulness-based relapse prevention" over
    "relapse"), then the earlier.
    """
    candidates: list[Span] = []
    for term in terms:
        for form in dict.fromkeys((term.term, *term.forms)):
            if not form.strip():
                continue
            for match in _form_pattern(form).finditer(text):
                start, end = match.span(1)
                if start > 0 and is_word_char(text[start]) and is_word_char(text[start - 1]):
                    continue
                if end < len(text) and is_word_char(text[end - 1]) and is_word_char(text[end]):
                    continue
                candidates.append((start, end, term.id))
    candidates.sort(key=lambda span: (span[0] - span[1], span[0]))
    chosen: list[Span] = []
    for span in candidates:
        if all(span[1] <= other[0] or span[0] >= other[1] for other in chosen):
            chosen.append(span)
    return sorted(chosen)


def screen_terms(guide: Guide, screen: Page) -> list[Term]:
    """The glossary terms a screen lists, in the guide's language, in the order listed."""
    by_id = {term.id: term for term in guide.glossary}
    return [by_id[term_id] for term_id in screen.terms if term_id in by_id]


def screens_using(guide: Guide, term_id: str) -> list[Page]:
    """The screens that list a term, in reading order."""
    return [screen for screen in guide.pages if term_id in screen.terms]


# --- sorting and filtering ---------------------------------------------------------------------------

_TAILORING = {
    "es": {"ñ": "n{"},
    "vi": {"ă": "a{", "â": "a|", "đ": "d{", "ê": "e{", "ô": "o{", "ơ": "o|", "ư": "u{"},
}
"""Letters that are letters of their own, sorted after their base letter ("{" and "|" sort after "z")."""
_VIETNAMESE_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}


def collation_key(text: str, language: str) -> tuple[str, str]:
    """A sort key for ``text`` in ``language`` (see the module notes)."""
    code = language.replace("-", "_").split("_")[0].lower()
    tailoring = _TAILORING.get(code, {})
    primary: list[str] = []
    for char in unicodedata.normalize("NFC", text.casefold()):
        if code == "vi":
            char = unicodedata.normalize("NFC", "".join(c for c in unicodedata.normalize("NFD", char) if c not in _VIETNAMESE_TONES))
        primary.append(tailoring.get(char) or fold_char(char))
    return "".join(primary).strip(), unicodedata.normalize("NFC", text.casefold())


def sorted_terms(guide: Guide) -> list[Term]:
    """Every glossary term, alphabetical in the guide's language: the one order of the glossary
    everywhere (the app's glossary, ``read`` and ``print``), so no view lists it differently."""
    return sorted(guide.glossary, key=lambda term: (collation_key(term.term, guide.language.code), term.id))


def filter_terms(terms: Sequence[Term], query: str) -> list[Term]:
    """The terms whose name, other forms or definition contain ``query`` anywhere (inside a longer
    term too: "bladder" finds "bladder problems"), ignoring case and accents.

    Best first: terms that start with it, then terms (or their other forms) that hold it, then
    definitions that hold it; within each, the order of ``terms`` is kept. An empty query keeps every term.
    """
    wanted = fold(query)
    if not wanted:
        return list(terms)

    def rank(term: Term) -> int | None:
        names = [fold(text) for text in (term.term, *term.forms)]
        if any(name.startswith(wanted) for name in names):
            return 0
        if any(wanted in name for name in names):
            return 1
        return 2 if wanted in fold(term.definition) else None

    ranked = [(rank(term), number, term) for number, term in enumerate(terms)]
    return [term for place, _number, term in sorted(item for item in ranked if item[0] is not None)]
