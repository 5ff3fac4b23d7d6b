"""The one rule for laying a translation over the English, for screens, self-checks, glossary and help lines.

A translation can change words, never facts. So:

- every screen, self-check, glossary entry and source note carries ``translation.source_hash``, the
  hash (``source_hash``, one recipe for all) of the English words it was translated from. When the
  English changes, the hash no longer matches, the item is *stale*, and readers see that item in
  English, whole, never mixed (a stale glossary entry: the English term and definition);
- an item whose ids, answers or parts differ from the English (``different``) is shown in English too;
- ids, sources, dates, urgencies and answers always come from the English files;
- numbers (study sizes, years, phone numbers) must survive translation (``numbers_in``): a help
  line's translated contact is used only if it dials exactly the English numbers (``dials_same``),
  and ``number_mismatches`` lists every other place they differ, for ``check`` and the tests;
- ``stamped`` records, after a translator has updated an item, that it matches the current English:
  one mechanism (the YAML node's own line) for screens, self-checks, glossary entries and source notes alike.

The translation's files are read by ``folder`` into a ``Translation``; nothing here reads files,
except ``stamped``, which rewrites one.
"""

from __future__ import annotations

import dataclasses
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from recovery_guide.guide_content.yaml_source import ContentError, YamlDocument, mappings_in
from recovery_guide.model import Guide, HelpLine, LanguageInfo, Page, Region, ReviewState, SelfCheck, Source, SourceNote, Term, Values

NUMBER = re.compile(r"\d+")

CURRENT, STALE, DIFFERENT, MISSING = "current", "stale", "different", "missing"
"""The states of a translated screen or self-check; only a current one is shown to readers."""


@dataclass
class Translation:
    """A translation's own files, as read (each part None when its file is absent)."""

    code: str
    folder: Path
    language: LanguageInfo
    pages: dict[str, tuple[YamlDocument, Page]]
    """By id; a second file with the same id wins (and is reported by ``check``, see ``duplicate_pages``)."""
    duplicate_pages: list[tuple[YamlDocument, Page, str]] = field(default_factory=list)
    """(document, page, name of the earlier file with this id)."""
    source_notes: dict[str, SourceNote] | None = None
    glossary: tuple[Term, ...] | None = None
    files: dict[str, YamlDocument] = field(default_factory=dict)
    """The documents of its top files (``sources.yaml``, ...) that exist, by name, for line numbers."""
    help_words: tuple[dict[str, str], dict[str, HelpLine]] | None = None
    checks_doc: YamlDocument | None = None
    checks: dict[str, SelfCheck] = field(default_factory=dict)
    values_doc: YamlDocument | None = None
    values: Values | None = None


# --- the hash and the state of one item -----------------------------------------------------------------


Stamped = Page | SelfCheck | Values | Term | Source | SourceNote | HelpLine
"""Everything a translation stamps: a source's stamp covers its note only (``SourceNote`` in a translation)."""


def source_hash(item: Stamped) -> str:
    """A short hash of the English words a translator translates (for a self-check, and its answers;
    for a glossary entry, its term, definition and forms; for a source, its note; for a help line, its
    name, contact and about); not ids, sources,
    citations, URLs or dates, so fixing a citation does not make every translation stale."""
    import hashlib  # only translations are checked against a hash: English loads without it

    digest = hashlib.sha256(json.dumps(_hashed(item), ensure_ascii=False, sort_keys=True).encode("utf-8"))
    return digest.hexdigest()[:16]


def _hashed(item: Stamped) -> dict[str, Any]:
    if isinstance(item, Term):
        return {"term": item.term, "definition": item.definition, "forms": list(item.forms or ())}
    if isinstance(item, (Source, SourceNote)):
        return {"note": item.note}
    if isinstance(item, HelpLine):
        return {"name": item.name, "contact": item.contact, "about": item.about}
    if isinstance(item, Values):
        return {"intro": item.intro, "paper_intro": item.paper_intro, "levels": [[level.id, level.text] for level in item.levels], "items": [[value.id, value.text] for value in item.items]}
    if isinstance(item, SelfCheck):
        questions = [[q.id, q.prompt, [[c.id, c.text] for c in q.choices], q.answer, q.explanation] for q in item.questions]
        return {"title": item.title, "topic": item.topic, "questions": questions}
    hashed = {
        "title": item.title,
        "key_points": list(item.key_points),
        "body": item.body,
        "questions": [[question.id, question.text] for question in item.questions],
        "evidence": item.evidence,
        "acknowledge": item.acknowledge,
        **({"main_message": item.main_message} if item.main_message else {}),
        **({"app_only": item.app_only} if item.app_only else {}),
        **({"timeline": [[step.id, step.when, step.what] for step in item.timeline]} if item.timeline else {}),
        **_option_words(item),
    }
    if item.urgency_tiers:  # only where there are tiers, so other screens keep their hashes
        hashed["urgency"] = [[tier.id, tier.heading, list(tier.signs)] for tier in item.urgency_tiers] + [item.urgency_unsure]
    if item.results:  # only where there are results, so screens without them keep their hashes
        # a caveat counts only where there is one, so results without a band keep their hashes
        hashed["results"] = [
            [result.id, result.caption, result.outcome, [group.label for group in result.groups], result.design, *([result.caveat] if result.caveat else [])]
            for result in item.results
        ]
    return hashed


def _option_words(page: Page) -> dict[str, Any]:
    """The options' words, hashed only on screens that have options (so other screens' hashes, and
    their translations' stamps, stay as they were). ``involves`` (the At a glance phrase) counts too: a
    new or changed phrase makes the translation stale, so a translator is asked to write it."""
    if not page.options and not page.options_intro:
        return {}
    return {
        "options_intro": page.options_intro,
        "options": [[option.id, *(getattr(option, name) for name in option.TEXT_FIELDS), option.involves] for option in page.options],
    }


def _structure(item: Stamped) -> Any:
    """What a translation must keep exactly as the English has it (a glossary entry or note: only its id)."""
    if isinstance(item, (Term, Source, SourceNote, HelpLine)):
        return item.id
    if isinstance(item, Values):
        return ([level.id for level in item.levels], [value.id for value in item.items])
    if isinstance(item, SelfCheck):
        return [(q.id, tuple(c.id for c in q.choices), q.answer) for q in item.questions]
    results = [(result.id, tuple(group.count for group in result.groups)) for result in item.results]
    options = [option.id for option in item.options]
    structure = ([question.id for question in item.questions], bool(item.evidence), bool(item.acknowledge), [step.id for step in item.timeline], results, item.evidence_level, options, bool(item.options_intro))
    # each tier keeps its own number of signs, and the "not sure" line stays: a sign moved to a milder tier,
    # or dropped, is a different screen, not a translation (an adversarial review moved suicidal thoughts to NEXT VISIT)
    tiers = ([(tier.id, len(tier.signs)) for tier in item.urgency_tiers], bool(item.urgency_unsure))
    return (*structure, tiers) if item.urgency_tiers else structure


def state(english: Stamped, translated: Stamped | None) -> str:
    """``current``, ``stale`` (the English changed since), ``different`` (ids, answers or parts differ) or ``missing``."""
    if translated is None:
        return MISSING
    if isinstance(translated, Page) and translated.evidence_level is None:  # english_only: a translation may leave it out
        translated = dataclasses.replace(translated, evidence_level=english.evidence_level)
    if _structure(translated) != _structure(english):
        return DIFFERENT
    if translated.translated_from != source_hash(english):
        return STALE
    return CURRENT


# --- laying a translation over the English ------------------------------------------------------------------


def translate(english: Guide, translation: Translation, warn: Callable[[str], None]) -> Guide:
    """The English guide with every current translated part laid over it."""
    code = translation.code
    english_ids = {page.id for page in english.pages}
    for page_id, (_doc, page) in translation.pages.items():
        if page_id not in english_ids:
            warn(f"{page.file}:1: id: no English screen has the id {page_id!r} (ignored)")

    pages = []
    for page in english.pages:
        candidate = translation.pages.get(page.id, (None, None))[1]
        if state(page, candidate) == CURRENT:
            names = ("title", "key_points", "body", "questions", "evidence", "acknowledge", "options_intro", "urgency_tiers", "urgency_unsure", "file", "translated_from")
            words = {name: getattr(candidate, name) for name in names}
            words["main_message"] = candidate.main_message or page.main_message  # the English until a translator adds it
            words["app_only"] = candidate.app_only or page.app_only
            timeline = tuple(dataclasses.replace(step, when=other.when, what=other.what) for step, other in zip(page.timeline, candidate.timeline))
            words["results"] = _result_words(page.results, candidate.results)
            words["options"] = tuple(
                dataclasses.replace(option, involves=other.involves or option.involves, **{name: getattr(other, name) for name in option.TEXT_FIELDS})
                for option, other in zip(page.options, candidate.options)
            )  # approved_short and evidence_level always from the English; involves from the English until translated
            pages.append(dataclasses.replace(page, language=code, timeline=timeline, **words))
        else:
            pages.append(page)

    sources = dict(english.sources)
    for source_id, note in (translation.source_notes or {}).items():
        if source_id in sources and state(sources[source_id], note) == CURRENT:
            sources[source_id] = dataclasses.replace(sources[source_id], note=note.note)

    glossary = english.glossary
    if translation.glossary is not None and {term.id for term in translation.glossary} >= {term.id for term in english.glossary}:
        english_terms = {term.id: term for term in english.glossary}
        glossary = tuple(term if state(english_terms[term.id], term) == CURRENT else _stale_term(english_terms[term.id], term) for term in translation.glossary if term.id in english_terms)

    regions = english.regions if translation.help_words is None else _regions(english.regions, *translation.help_words)

    guide = Guide(
        language=dataclasses.replace(translation.language, code=code),
        pages=tuple(pages),
        sources=sources,
        glossary=glossary,
        regions=regions,
        help_lines_checked=english.help_lines_checked,
        translated_pages=sum(page.language == code for page in pages),
        self_checks=_self_checks(english.self_checks, translation, warn),
        values=_values(english.values, translation, warn),
    )
    if not guide.language.reviews:  # no record: nothing to hash, never "reviewed"
        return guide
    return dataclasses.replace(guide, language=dataclasses.replace(guide.language, **review_states(english, guide)))


def _stale_term(english: Term, translated: Term) -> Term:
    """A stale glossary entry as readers see it: the English term and definition, whole (never the
    out-of-date translation), still found in the translated text by the translated word and its forms,
    so the word on the screen keeps leading to its (English) entry."""
    return dataclasses.replace(english, forms=tuple(dict.fromkeys((translated.term, *translated.forms, *english.forms))))


# --- review records -----------------------------------------------------------------------------------------


def _digest(texts: list[str]) -> str:
    import hashlib

    return hashlib.sha256(json.dumps(texts, ensure_ascii=False).encode("utf-8")).hexdigest()[:16]


def _words(guide: Guide, screen: str | None) -> list[str]:
    """Every word a reader sees in ``guide`` (or on one screen): what a review record's hashes cover."""
    pages = [guide.page(screen)] if screen is not None else list(guide.pages)
    words = [text for page in pages for _at, text in page_fields(page)]
    if screen is None:
        words += [text for term in guide.glossary for text in (term.term, term.definition)]
        words += [text for region in guide.regions for text in (region.name, *(part for line in region.lines for part in (line.name, line.contact, line.about)))]
        words += [source.note for source in guide.sources.values()]
        words += [text for check in guide.self_checks for text in check_texts(check)]
        words += _values_texts(guide.values) if guide.values is not None else []
    return words


def review_hashes(english: Guide, translated: Guide, screen: str | None = None) -> tuple[str, str]:
    """(English version, translated words) as a review record stores them, for the language or one screen.
    A screen's English version is the hash ``translations stamp`` writes; a language's covers all its English words."""
    source = source_hash(english.page(screen)) if screen is not None else _digest(_words(english, None))
    return source, _digest(_words(translated, screen))


def review_states(english: Guide, translated: Guide) -> dict[str, Any]:
    """The language's review state (from its latest whole-language record) and each reviewed screen's."""

    def judged(screen: str | None) -> ReviewState:
        records = [review for review in translated.language.reviews if review.screen == screen]
        if not records:
            return ReviewState.NOT_REVIEWED
        latest = records[-1]
        if screen is not None and screen not in {page.id for page in english.pages}:
            return ReviewState.CHANGED
        same = (latest.source_hash, latest.translation_hash) == review_hashes(english, translated, screen)
        return ReviewState.REVIEWED if same else ReviewState.CHANGED

    screens = sorted({review.screen for review in translated.language.reviews if review.screen is not None})
    return {"review_state": judged(None), "screen_review_states": tuple((screen, judged(screen)) for screen in screens)}


def _values(english: Values | None, translation: Translation, warn: Callable[[str], None]) -> Values | None:
    """"What matters to me" in the translation's words when its translation is current, else in English, whole."""
    if english is None:
        return None
    candidate = translation.values
    found = state(english, candidate)
    if found == MISSING:  # not translated yet: English, quietly (``translations status`` lists it as missing)
        return english
    if found != CURRENT:
        reason = {DIFFERENT: "has different level or item ids from the English", STALE: _REASONS[STALE]}[found]
        warn(f"{translation.values_doc.path}:1: values: \"What matters to me\" {reason}; it is shown in English")
        return english
    return dataclasses.replace(
        english,  # ids and sources stay the English ones
        intro=candidate.intro,
        paper_intro=candidate.paper_intro,
        levels=tuple(dataclasses.replace(level, text=other.text) for level, other in zip(english.levels, candidate.levels)),
        items=tuple(dataclasses.replace(item, text=other.text) for item, other in zip(english.items, candidate.items)),
        language=translation.code,
        translated_from=candidate.translated_from,
        file=candidate.file,
    )


def _result_words(english: tuple, translated: tuple) -> tuple:
    """The English results (ids, counts, sources) with the translation's caption, outcome, labels and design;
    its caveat too once it gives one (until then the English band stands: a weak-design picture never
    loses its band; the English hash makes the translation stale, not wrong)."""
    return tuple(
        dataclasses.replace(
            result,
            caption=other.caption,
            outcome=other.outcome,
            design=other.design,
            caveat=other.caveat or result.caveat,
            groups=tuple(dataclasses.replace(group, label=o_group.label) for group, o_group in zip(result.groups, other.groups)),
        )
        for result, other in zip(english, translated)
    )


def _regions(english: tuple[Region, ...], names: dict[str, str], lines: dict[str, HelpLine]) -> tuple[Region, ...]:
    """Region and line names from the translation, all or none; a stale line (the English changed since it
    was stamped) in English, whole; contacts only if they dial the same numbers."""
    complete = all(region.code in names for region in english) and all(line.id in lines for region in english for line in region.lines)
    if not complete:
        return english
    return tuple(
        dataclasses.replace(
            region,
            name=names[region.code],
            lines=tuple(
                dataclasses.replace(
                    line,
                    name=lines[line.id].name,
                    about=lines[line.id].about,
                    contact=lines[line.id].contact if dials_same(lines[line.id].contact, line.contact) else line.contact,
                )
                if state(line, lines[line.id]) == CURRENT
                else line
                for line in region.lines
            ),
        )
        for region in english
    )


_REASONS = {
    MISSING: "is missing",
    DIFFERENT: "has different question ids, choice ids or answers from the English",
    STALE: "is out of date with the English (stamp it after updating)",
}


def _self_checks(english: tuple[SelfCheck, ...], translation: Translation, warn: Callable[[str], None]) -> tuple[SelfCheck, ...]:
    """The English checks with every current translated check laid over them, one check at a time."""
    if not english:
        return ()
    doc = translation.checks_doc
    if doc is None:
        warn(f"{translation.folder / 'self-checks.yaml'}:1: (file): no translated self-checks; they are shown in English")
        return english
    known = {check.id for check in english}
    for check_id in translation.checks:
        if check_id not in known:
            warn(f"{doc.path}:1: checks: no English self-check has the id {check_id!r} (ignored)")
    result = []
    for check in english:
        candidate = translation.checks.get(check.id)
        found = state(check, candidate)
        if found != CURRENT:
            warn(f"{doc.path}:1: checks: the self-check {check.id!r} {_REASONS[found]}; it is shown in English")
            result.append(check)
            continue
        questions = tuple(
            dataclasses.replace(
                question,
                prompt=other.prompt,
                explanation=other.explanation,
                choices=tuple(dataclasses.replace(choice, text=o_choice.text) for choice, o_choice in zip(question.choices, other.choices)),
            )
            for question, other in zip(check.questions, candidate.questions)
        )
        result.append(dataclasses.replace(check, title=candidate.title, topic=candidate.topic, questions=questions, language=translation.code, translated_from=candidate.translated_from))
    return tuple(result)


# --- numbers survive translation -------------------------------------------------------------------------------


def numbers_in(*texts: str, language: str = "en") -> set[str]:
    """Every number, read the way ``language`` writes it ("1,726" in English is "1.726" or "1726" in
    Spanish): study sizes, years, phone numbers. They must survive translation."""
    from recovery_guide.guide_content.units import numbers

    return {number for text in texts for number in numbers(text, language)}


def dials_same(translated: str, english: str) -> bool:
    """A translated contact ("Llame o envíe un texto al 988") dials exactly the English numbers, in order."""
    return NUMBER.findall(translated) == NUMBER.findall(english)


def page_fields(page: Page) -> list[tuple[tuple[str | int, ...], str]]:
    """(field path, text) for every translated field of a screen; key points as one field (their count
    may differ) and questions by id (their order may not)."""
    found: list[tuple[tuple[str | int, ...], str]] = [(("title",), page.title), (("key_points",), "\n".join(page.key_points)), (("body",), page.body)]
    found += [(("questions", question.id), question.text) for question in page.questions]
    found += [((name,), getattr(page, name) or "") for name in ("evidence", "acknowledge", "main_message", "app_only")]
    found += [(("timeline", index, "what"), f"{step.when} {step.what}") for index, step in enumerate(page.timeline)]
    found += [(("results", index, "caption"), result.caption) for index, result in enumerate(page.results)]
    found += [(("results", index, "outcome"), result.outcome) for index, result in enumerate(page.results)]
    found += [(("results", index, "caveat"), result.caveat) for index, result in enumerate(page.results) if result.caveat]
    if page.options_intro:
        found.append((("options_intro",), page.options_intro))
    found += [(("urgency", tier.id.replace("-", "_")), "\n".join([tier.heading, *tier.signs])) for tier in page.urgency_tiers]
    if page.urgency_unsure:
        found.append((("urgency", "unsure"), page.urgency_unsure))
    found += [(("options", index, name), getattr(option, name)) for index, option in enumerate(page.options) for name in option.TEXT_FIELDS]
    return found


def check_texts(check: SelfCheck) -> list[str]:
    """Every piece of text a reader sees in a check (for number and reading-level checks)."""
    texts = [check.title, check.topic]
    for question in check.questions:
        texts += [question.prompt, *(choice.text for choice in question.choices), question.explanation]
    return texts


@dataclass(frozen=True)
class NumberMismatch:
    """One place where a translation's numbers differ from the English ones."""

    kind: str
    """``screen``, ``help line`` or ``self-check``."""
    file: str
    item: str
    """The screen id, ``check/question`` of a self-check, or a help line id."""
    at: tuple[str | int, ...]
    """Where in the file (empty when only the item is known)."""
    missing: tuple[str, ...] = ()
    extra: tuple[str, ...] = ()
    contact: tuple[str, str] | None = None
    """For a help line: (translated, English) contact."""

    @property
    def difference(self) -> str:
        return f"missing {list(self.missing)}, extra {list(self.extra)}"

    def __str__(self) -> str:
        if self.contact:
            return f"{self.file}: {self.item}: contact {self.contact[0]!r} differs from {self.contact[1]!r}"
        return f"{self.file}: {self.item}: {self.difference}"


def _mismatch(kind: str, file: str, item: str, at: tuple[str | int, ...], expected: set[str], found: set[str]) -> NumberMismatch | None:
    if expected == found:
        return None
    return NumberMismatch(kind, file, item, at, tuple(sorted(expected - found, key=float)), tuple(sorted(found - expected, key=float)))


def number_mismatches(english: Guide, translation: Translation) -> list[NumberMismatch]:
    """Every place the translation's numbers differ from the English: screens (in reading order), help
    line contacts, then self-checks. Used by ``check`` and the tests alike."""
    found: list[NumberMismatch | None] = []
    code = translation.code
    for page in english.pages:
        if page.id in translation.pages:
            found.append(_page_mismatch(page, translation.pages[page.id][1], code))
    found += contact_mismatches(english, translation.files.get("help-lines.yaml"))
    for check_id, check in translation.checks.items():
        source = next((item for item in english.self_checks if item.id == check_id), None)
        if source is None:
            continue
        for question, other in zip(source.questions, check.questions):
            found.append(_mismatch("self-check", str(translation.checks_doc.path), f"{check_id}/{question.id}", (), numbers_in(question.prompt, question.explanation, *(c.text for c in question.choices)), numbers_in(other.prompt, other.explanation, *(c.text for c in other.choices), language=code)))
        found.append(_mismatch("self-check", str(translation.checks_doc.path), f"{check_id}: title or topic", (), numbers_in(source.title, source.topic), numbers_in(check.title, check.topic, language=code)))
    if english.values is not None and translation.values is not None:
        found.append(_mismatch("values", str(translation.values_doc.path), "values", (), numbers_in(*_values_texts(english.values)), numbers_in(*_values_texts(translation.values), language=code)))
    return [item for item in found if item is not None]


def _values_texts(values: Values) -> list[str]:
    return [values.intro, values.paper_intro, *(level.text for level in values.levels), *(item.text for item in values.items)]


def _page_mismatch(english: Page, translated: Page, code: str) -> NumberMismatch | None:
    """The whole screen's numbers; ``at`` is the first field whose own numbers differ."""
    mismatch = _mismatch("screen", translated.file, translated.id, (), numbers_in(*(text for _at, text in page_fields(english))), numbers_in(*(text for _at, text in page_fields(translated)), language=code))
    if mismatch is None:
        return None
    english_fields = dict(page_fields(english))
    for at, text in page_fields(translated):
        if numbers_in(text, language=code) != numbers_in(english_fields.get(at, "")):
            if at[0] == "questions":
                at = ("questions", next(i for i, question in enumerate(translated.questions) if question.id == at[1]), "text")
            return dataclasses.replace(mismatch, at=at)
    return mismatch


def contact_mismatches(english: Guide, doc: YamlDocument | None) -> list[NumberMismatch]:
    """Help lines whose translated contact would dial other numbers (then readers see the English one)."""
    if doc is None:
        return []
    contacts = {line.id: line.contact for region in english.regions for line in region.lines}
    found = []
    for r_index, region in enumerate(mappings_in(doc.data, "regions")):
        for l_index, line in enumerate(mappings_in(region, "lines")):
            english_contact = contacts.get(line.get("id"))
            contact = str(line.get("contact", ""))
            if english_contact is not None and not dials_same(contact, english_contact):
                found.append(NumberMismatch("help line", str(doc.path), str(line.get("id")), ("regions", r_index, "lines", l_index, "contact"), contact=(line.get("contact"), english_contact)))
    return found


# --- stamping -------------------------------------------------------------------------------------------------


def stamped(doc: YamlDocument, at: tuple[str | int, ...], digest: str) -> str:
    """The text of ``doc`` with the item at ``at`` (``()`` for a screen, ``("checks", n)`` for a
    self-check) stamped as translated from the English whose hash is ``digest``.

    An existing ``source_hash`` is rewritten on its own line; otherwise a ``translation`` block goes
    right after the item's ``id`` line, at the item's indentation. Only that line changes: comments
    and layout stay as the translator wrote them.
    """
    lines = doc.path.read_text(encoding="utf-8").splitlines(keepends=True)
    item = doc.node(at)
    if doc.node(at + ("translation", "source_hash")) is not None:
        number = doc.line(at + ("translation", "source_hash")) - 1
        lines[number] = re.sub(r"source_hash:[ \t]*[0-9A-Za-z]*", f"source_hash: {digest}", lines[number], count=1)
    elif doc.node(at + ("translation",)) is not None:
        raise ContentError(doc.path, doc.line(at + ("translation",)), "translation", "has no source_hash to update; delete this translation block, then stamp again")
    elif item is None or doc.node(at + ("id",)) is None:
        raise ContentError(doc.path, doc.line(at), "id", "cannot stamp an item without an id")
    else:
        column = item.start_mark.column
        number = doc.line(at + ("id",))
        if number - 1 < len(lines) and not lines[number - 1].endswith("\n"):
            lines[number - 1] += "\n"
        lines.insert(number, f"{' ' * column}translation:\n{' ' * (column + 2)}source_hash: {digest}\n")
    return "".join(lines)
