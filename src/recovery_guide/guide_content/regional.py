"""English in a reader's region's own words: "randomized", "counseling", "fake pill" for a reader in the US.

The English content is written once, in British spelling (the guide also serves readers in the UK,
Ireland, India ...). Four independent reviews of the printed guide for a US reader (CDC Clear
Communication Index item 7, "uses words the primary audience uses") marked it down for
"randomised", "counselling", "diarrhoea", "dummy pill". So ``content/en/us-words.yaml`` lists
pairs, and the guide a reader in one of its regions reads is the guide with every English text a
reader sees swapped (``reworded``), once, where ``ContentFolder`` builds the guide for a (language,
region): the app, read mode, ``print``, the handout and search all read that guide, so every writer
gets the words for free.

Never changed: ids, citations, URLs, help lines' names and contacts, region names, and any text a
translation has put in the reader's language; nor the English guide that translations are laid over
and checked against (``ContentFolder.english``).
"""

from __future__ import annotations

import dataclasses
import functools
import re
from typing import Callable, TypeVar

from recovery_guide.guide_content import SOURCE_LANGUAGE
from recovery_guide.model import CheckQuestion, Guide, LanguageInfo, Page, RegionalWords, Result, SelfCheck, Term, Values

REGIONAL_WORDS_FILE = "us-words.yaml"
"""In the English folder; a content folder without it has no regional words (every reader reads the guide's own)."""

Change = Callable[[str], str]
T = TypeVar("T")


class Swapper:
    """``RegionalWords`` as one function on text: each British form, as a whole word and ignoring
    case, becomes the region's word in the case the text had ("Randomised" -> "Randomized",
    "DUMMY PILL" -> "FAKE PILL"). A phrase matches across any spacing ("dummy\\n  pill"). The longest
    form wins where two start at the same place.

    Regular expressions run on the text in lowercase: a case-blind pattern is about three times slower
    in Python's ``re`` (it cannot skip ahead to a form's first letter), and the whole guide is swapped
    in about 3 ms (``print`` takes about 200 ms; its budget allows 2 %)."""

    def __init__(self, words: RegionalWords) -> None:
        self.words = words
        self._instead = {_key(swap.british): swap.us for swap in words.swaps}
        self._spelled = {_key(swap.british): swap.british for swap in words.swaps}
        forms = sorted((swap.british.lower() for swap in words.swaps), key=len, reverse=True)
        self._either = "|".join(r"\s+".join(map(re.escape, form.split())) for form in forms)
        """Every form, longest first; a phrase's words with any spacing between them."""

    @functools.cached_property
    def _whole(self) -> re.Pattern[str]:
        """A form as a whole word or phrase (compiled when first asked: a reader outside the US never needs it)."""
        return re.compile(rf"(?<!\w)(?:{self._either})(?!\w)")

    @functools.cached_property
    def _maybe(self) -> re.Pattern[str]:
        """Where a form may start: without the look-behind in front, ``re`` skips ahead to a form's first
        letter, about 3 times faster; ``_whole`` then says, there only, whether it is a whole word."""
        return re.compile(self._either)

    def __call__(self, text: str) -> str:
        found = self._found(text)
        if not found:
            return text
        parts, last = [], 0
        for start, end in found:
            parts += [text[last:start], self._instead_of(text[start:end])]
            last = end
        return "".join([*parts, text[last:]])

    def forms_in(self, text: str) -> list[str]:
        """The British forms found in ``text`` (as the pairs write them), for ``check``."""
        return [self._spelled[_key(text[start:end])] for start, end in self._found(text)]

    def _found(self, text: str) -> list[tuple[int, int]]:
        if not self._either or not text:
            return []
        lowered = text.lower()
        if len(lowered) != len(text):  # rare ("İ"): positions in the lowercase would not be the text's
            blind = re.compile(rf"(?<!\w)(?:{self._either})(?!\w)", re.IGNORECASE)  # kept in re's own cache
            return [match.span() for match in blind.finditer(text)]
        found, at = [], 0
        while (maybe := self._maybe.search(lowered, at)) is not None:  # a form, perhaps inside a word
            exact = self._whole.match(lowered, maybe.start())  # a whole word or phrase there?
            if exact is None:
                at = maybe.start() + 1
            else:
                found.append(exact.span())
                at = exact.end()
        return found

    def _instead_of(self, found: str) -> str:
        instead = self._instead[_key(found)]
        if len(found) > 1 and found.isupper():
            return instead.upper()
        if found[0].isupper():
            return instead[0].upper() + instead[1:]
        return instead


def _key(form: str) -> str:
    return " ".join(form.casefold().split())


def reworded(guide: Guide, english: Guide, swap: Change) -> Guide:
    """``guide`` with ``swap`` applied to every English text a reader sees in it: all of an English
    guide's words; in a translation, what is shown in English (a stale screen, self-check, glossary
    entry, help line or source note, which equals ``english``'s). ``guide`` itself when no text
    changes (a translation shown whole), so nothing is redrawn for nothing. The one list of what is
    reader text: ``reader_texts`` reads it from here."""
    own = guide.language.code == SOURCE_LANGUAGE
    lines = {line.id: line.about for region in english.regions for line in region.lines}
    notes = {source_id: source.note for source_id, source in english.sources.items()}
    changed = False

    def change(text: str) -> str:
        nonlocal changed
        said = swap(text)
        changed = changed or said != text
        return said

    made = dataclasses.replace(
        guide,
        language=_language(guide.language, change) if own else guide.language,
        pages=tuple(_page(page, change) if page.language == SOURCE_LANGUAGE else page for page in guide.pages),
        sources={
            source_id: dataclasses.replace(source, note=change(source.note)) if notes.get(source_id) == source.note else source
            for source_id, source in guide.sources.items()
        },  # the note is the guide's words; the citation and URL stay exactly as published
        glossary=tuple(_term(term, change) if term.translated_from is None else term for term in guide.glossary),  # a current translated entry carries its stamp
        regions=tuple(
            dataclasses.replace(
                region,  # a country's name, and a line's name and contact, stay as written
                lines=tuple(dataclasses.replace(line, about=change(line.about)) if lines.get(line.id) == line.about else line for line in region.lines),
            )
            for region in guide.regions
        ),
        self_checks=tuple(_check(check, change) if check.language == SOURCE_LANGUAGE else check for check in guide.self_checks),
        values=_values(guide.values, change) if guide.values is not None and guide.values.language == SOURCE_LANGUAGE else guide.values,
    )
    return made if changed else guide


def reader_texts(english: Guide) -> list[str]:
    """Every English text a reader sees (what ``reworded`` changes), for ``check``'s questions about the pairs."""
    found: list[str] = []

    def note(text: str) -> str:
        found.append(text)
        return text

    reworded(english, english, note)
    return found


def _language(info: LanguageInfo, change: Change) -> LanguageInfo:
    return dataclasses.replace(info, produced=change(info.produced), review_status=change(info.review_status))


def _optional(text: str | None, change: Change) -> str | None:
    return change(text) if text else text


def _page(page: Page, change: Change) -> Page:
    return dataclasses.replace(
        page,
        title=change(page.title),
        key_points=tuple(map(change, page.key_points)),
        body=change(page.body),
        questions=_texts(page.questions, change),
        evidence=_optional(page.evidence, change),
        acknowledge=_optional(page.acknowledge, change),
        main_message=_optional(page.main_message, change),
        app_only=_optional(page.app_only, change),
        timeline=tuple(dataclasses.replace(step, when=change(step.when), what=change(step.what)) for step in page.timeline),
        results=tuple(_result(result, change) for result in page.results),
        options=tuple(
            dataclasses.replace(option, involves=_optional(option.involves, change), **{name: change(getattr(option, name)) for name in option.TEXT_FIELDS})
            for option in page.options
        ),
        options_intro=_optional(page.options_intro, change),
        urgency_tiers=tuple(dataclasses.replace(tier, heading=change(tier.heading), signs=tuple(map(change, tier.signs))) for tier in page.urgency_tiers),
        urgency_unsure=_optional(page.urgency_unsure, change),
    )


def _result(result: Result, change: Change) -> Result:
    return dataclasses.replace(
        result,
        caption=change(result.caption),
        outcome=change(result.outcome),
        design=change(result.design),
        caveat=change(result.caveat),
        groups=tuple(dataclasses.replace(group, label=change(group.label)) for group in result.groups),
    )


def _term(term: Term, change: Change) -> Term:
    """The term, its definition and its forms (so the word as the page now spells it still leads to its entry)."""
    word = change(term.term)
    forms = tuple(form for form in dict.fromkeys(map(change, term.forms)) if form != word)
    return dataclasses.replace(term, term=word, definition=change(term.definition), forms=forms)


def _check(check: SelfCheck, change: Change) -> SelfCheck:
    return dataclasses.replace(check, title=change(check.title), topic=change(check.topic), questions=tuple(_check_question(question, change) for question in check.questions))


def _check_question(question: CheckQuestion, change: Change) -> CheckQuestion:
    return dataclasses.replace(question, prompt=change(question.prompt), explanation=change(question.explanation), choices=_texts(question.choices, change))


def _values(values: Values, change: Change) -> Values:
    return dataclasses.replace(values, intro=change(values.intro), paper_intro=change(values.paper_intro), levels=_texts(values.levels, change), items=_texts(values.items, change))


def _texts(items: tuple[T, ...], change: Change) -> tuple[T, ...]:
    """Items with a ``text`` (questions, choices, rating words, value items), each text changed."""
    return tuple(dataclasses.replace(item, text=change(item.text)) for item in items)
