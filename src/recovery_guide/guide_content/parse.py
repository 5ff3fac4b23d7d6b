"""Each content file, read by its declared shape (``schema``) into the typed model.

One function per file kind. Each checks what one file can check by itself (types, required fields,
duplicate ids inside the file); references between files are checked by ``english`` once the
files are all read. A translation file is read by the same functions as the English one: the fields
that always come from the English (``english_only`` in the schema) may be left out there.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Callable, Iterable, TypeVar

from recovery_guide.guide_content.schema import (
    AVOIDED_TERM,
    CHECK,
    CHECK_QUESTION,
    CHOICE,
    GLOSSARY,
    HELP_LINE,
    HELP_LINES,
    LANGUAGE,
    OPTION,
    PREFERRED_TERM,
    QUESTION,
    REGION,
    REGIONAL_WORDS,
    RESULT,
    REVIEW,
    RESULT_GROUP,
    SCREEN,
    SELF_CHECKS,
    SOURCE,
    SOURCES,
    STEP,
    TERM,
    TERMS,
    TIER,
    TRANSLATION,
    URGENCY,
    VALUE_ITEM,
    VALUES,
    WORD_SWAP,
)
from recovery_guide.guide_content.fields import Fields
from recovery_guide.guide_content.yaml_source import YamlDocument
from recovery_guide.model import AvoidedTerm, CheckQuestion, Choice, HelpLine, LanguageInfo, Page, PageKind, Question, Region, RegionalWords, Result, ResultGroup, Review, SelfCheck, Source, SourceNote, Term, TermBase, TimelineStep, TreatmentOption, Urgency, UrgencyTier, ValueItem, Values, WordSwap, NOT_RATED

Warn = Callable[[str], None]
T = TypeVar("T")


def _translated_from(doc: YamlDocument, item: dict, at: tuple[str | int, ...], warn: Warn) -> str | None:
    """The ``translation.source_hash`` stamp of a screen, self-check, glossary entry or source note, if it has one."""
    if item.get("translation") is None:
        return None
    return Fields(doc, item["translation"], at + ("translation",), TRANSLATION, warn).get("source_hash")


def _unique(doc: YamlDocument, items: list, at: tuple[str | int, ...], shape, warn: Warn, what: str, make: Callable[[Fields], T], key: str = "id", seen: set | None = None) -> tuple[T, ...]:
    """The list ``items`` (found at ``at``), each item read by ``shape`` and built by ``make``; an item
    whose ``key`` repeats an earlier one's is refused ("duplicate {what} 'x'", at that item's ``key``).

    Every list with ids (results, timeline steps, options, sources, terms, regions, help lines,
    self-checks, their questions and choices, values) is read through here, so each refuses a
    duplicate the same way. ``seen``: the keys met so far, when they must be unique across more than
    one list (help lines in every region, questions in every self-check)."""
    seen = set() if seen is None else seen
    found: list[T] = []
    for index, item in enumerate(items):
        fields = Fields(doc, item, (*at, index), shape, warn)
        ident = fields.get(key)
        if ident in seen:
            raise doc.error((*at, index, key), f"duplicate {what} {ident!r}")
        seen.add(ident)
        found.append(make(fields))
    return tuple(found)


def parse_results(doc: YamlDocument, fields: Fields, warn: Warn) -> tuple[Result, ...]:
    """A screen's study results: each exactly two groups, each a count out of 100; ids unique on the screen.

    ``source``, ``outcome_is`` and ``after_section`` may be left out in a translation (they always come from the English)."""

    def result(fields: Fields) -> Result:
        groups = []
        for g_index, g_item in enumerate(fields.get("groups")):
            group = Fields(doc, g_item, fields.at + ("groups", g_index), RESULT_GROUP, warn)
            groups.append(ResultGroup(label=group.get("label"), count=group.get("count")))
        if len(groups) != 2:
            raise doc.error(fields.at + ("groups",), f"a result needs exactly 2 groups (the treatment group and the comparison group), found {len(groups)}")
        source = fields.get("source") if fields.data.get("source") is not None else ""
        outcome_is = fields.get("outcome_is") if fields.data.get("outcome_is") is not None else None
        return Result(
            id=fields.get("id"),
            caption=fields.get("caption"),
            outcome=fields.get("outcome"),
            groups=tuple(groups),
            design=fields.get("design"),
            caveat=fields.get("caveat") or "",
            source_id=source,
            outcome_is=outcome_is,
            after_section=fields.get("after_section"),
        )

    return _unique(doc, fields.get("results"), ("results",), RESULT, warn, "result id", result)


def parse_screen(doc: YamlDocument, warn: Warn) -> Page:
    fields = Fields(doc, doc.data, (), SCREEN, warn)
    questions = []
    for index, item in enumerate(fields.get("questions")):
        question = Fields(doc, item, ("questions", index), QUESTION, warn)
        questions.append(Question(id=question.get("id"), text=question.get("text")))
    timeline = _unique(
        doc,
        fields.get("timeline"),
        ("timeline",),
        STEP,
        warn,
        "step id",
        lambda step: TimelineStep(id=step.get("id"), when=step.get("when"), what=step.get("what"), source_ids=step.get("sources", required=False)),
    )
    kind = fields.get("kind")
    acknowledge = fields.get("acknowledge", required=kind is PageKind.WELCOME)
    main_message = fields.get("main_message")
    if main_message and kind is not PageKind.WELCOME:  # the guide has one main message, at its top
        raise doc.error(("main_message",), "only the welcome screen has a main message (the guide says it once, at the top)")
    translated_from = _translated_from(doc, doc.data, (), warn)
    options = parse_options(doc, fields.get("options"), warn)
    tiers, unsure = parse_urgency(doc, fields.get("urgency"), warn)
    return Page(
        urgency_tiers=tiers,
        urgency_unsure=unsure,
        options=options,
        options_intro=fields.get("options_intro"),
        translated_from=translated_from,
        id=fields.get("id"),
        title=fields.get("title"),
        kind=kind,
        key_points=fields.get("key_points"),
        body=fields.get("body"),
        app_only=fields.get("app_only"),
        questions=tuple(questions),
        source_ids=fields.get("sources"),
        terms=fields.get("terms"),
        timeline=timeline,
        reviewed=fields.get("reviewed"),
        evidence=fields.get("evidence"),
        evidence_level=fields.get("evidence_level"),
        results=parse_results(doc, fields, warn),
        acknowledge=acknowledge,
        main_message=main_message,
        file=str(doc.path),
    )


TIER_FIELDS = ("now", "today", "next_visit")
"""The tiers of a screen's ``urgency``, most urgent first."""


def parse_urgency(doc: YamlDocument, data: dict | None, warn: Warn) -> tuple[tuple[UrgencyTier, ...], str | None]:
    """A screen's urgency tiers (all three, each a heading and at least one sign) and its "not sure" sentence."""
    if data is None:
        return (), None
    urgency = Fields(doc, data, ("urgency",), URGENCY, warn)
    tiers = []
    for name in TIER_FIELDS:
        tier = Fields(doc, urgency.get(name), ("urgency", name), TIER, warn)
        tiers.append(UrgencyTier(id=name.replace("_", "-"), heading=tier.get("heading"), signs=tier.get("signs")))
    return tuple(tiers), urgency.get("unsure")


def parse_options(doc: YamlDocument, items: list, warn: Warn) -> tuple[TreatmentOption, ...]:
    """A screen's treatment options, each with every field filled; ``sources``, ``approved_short``,
    ``involves`` and ``evidence_level`` may be left out in a translation (``english`` requires them;
    ``involves`` then comes from the English until a translator adds it)."""

    def option(fields: Fields) -> TreatmentOption:
        words = {name: fields.get(name) for name in TreatmentOption.TEXT_FIELDS}
        level = fields.get("evidence_level") if fields.data.get("evidence_level") is not None else None
        if level is not None and level != NOT_RATED and level not in {str(number) for number in range(1, 6)}:
            raise doc.error(fields.at + ("evidence_level",), f"expected 1 to 5 or {NOT_RATED}, found {level!r}")
        return TreatmentOption(
            id=fields.get("id"),
            source_ids=fields.get("sources", required=False),
            approved_short=fields.get("approved_short") if fields.data.get("approved_short") is not None else None,
            involves=fields.get("involves", required=False),
            evidence_level=None if level is None else 0 if level == NOT_RATED else int(level),
            **words,
        )

    return _unique(doc, items, ("options",), OPTION, warn, "option id", option)


def parse_sources(doc: YamlDocument, warn: Warn) -> dict[str, Source]:
    """The sources by id, in file order (the n-th is at ``("sources", n)``)."""
    top = Fields(doc, doc.data, (), SOURCES, warn)
    sources = _unique(
        doc,
        top.get("sources"),
        ("sources",),
        SOURCE,
        warn,
        "source id",
        lambda fields: Source(
            id=fields.get("id"),
            citation=fields.get("citation"),
            url=fields.get("url"),
            note=fields.get("note"),
            read_through=fields.get("read_through") if fields.data.get("read_through") is not None else None,
        ),
    )
    return {source.id: source for source in sources}


def parse_source_notes(doc: YamlDocument, warn: Warn, known: Iterable[str]) -> dict[str, SourceNote]:
    """A translation's notes for the ``known`` (English) sources, each with its stamp: only the
    plain-words notes are translated, citations stay as published."""
    top = Fields(doc, doc.data, (), SOURCES, warn)
    notes: dict[str, SourceNote] = {}
    for index, item in enumerate(top.get("sources")):
        fields = Fields(doc, item, ("sources", index), SOURCE, warn)
        source_id = fields.get("id")
        if source_id in known:
            notes[source_id] = SourceNote(source_id, fields.get("note"), _translated_from(doc, fields.data, ("sources", index), warn))
    return notes


def parse_glossary(doc: YamlDocument, warn: Warn) -> tuple[Term, ...]:
    top = Fields(doc, doc.data, (), GLOSSARY, warn)
    return _unique(
        doc,
        top.get("terms"),
        ("terms",),
        TERM,
        warn,
        "term id",
        lambda fields: Term(
            id=fields.get("id"),
            term=fields.get("term"),
            definition=fields.get("definition"),
            forms=fields.get("forms"),
            translated_from=_translated_from(doc, fields.data, fields.at, warn),
        ),
    )


def parse_terms(doc: YamlDocument, warn: Warn) -> TermBase:
    """A language's term base (``terms.yaml``): read by ``check`` only, never by the app."""
    top = Fields(doc, doc.data, (), TERMS, warn)
    avoid = []
    for index, item in enumerate(top.get("avoid") or ()):
        fields = Fields(doc, item, ("avoid", index), AVOIDED_TERM, warn)
        avoid.append(AvoidedTerm(term=fields.get("term"), forms=fields.get("forms") or (), instead=fields.get("instead"), reason=fields.get("reason")))
    prefer = []
    for index, item in enumerate(top.get("prefer") or ()):
        fields = Fields(doc, item, ("prefer", index), PREFERRED_TERM, warn)
        prefer.append((fields.get("term"), fields.get("meaning"), fields.get("reason")))
    return TermBase(avoid=tuple(avoid), prefer=tuple(prefer), names=top.get("names") or ())


def parse_help_lines(doc: YamlDocument, warn: Warn) -> tuple[date, tuple[Region, ...], list[tuple[str, tuple]]]:
    """Regions and their lines; also returns (source id, field path) pairs to cross-check later."""
    top = Fields(doc, doc.data, (), HELP_LINES, warn)
    checked = top.get("checked")
    references: list[tuple[str, tuple]] = []
    seen_lines: set[str] = set()

    def help_line(fields: Fields) -> HelpLine:
        references.append((fields.get("source"), fields.at + ("source",)))
        return _help_line(fields)

    def region(fields: Fields) -> Region:
        code = fields.get("code")
        if not re.fullmatch(r"[A-Z]{2}", code):
            raise doc.error(fields.at + ("code",), f"expected a two-letter country code like US, found {code!r}")
        lines = _unique(doc, fields.get("lines"), fields.at + ("lines",), HELP_LINE, warn, "help line id", help_line, seen=seen_lines)
        urgency_order = list(Urgency)
        lines = tuple(sorted(lines, key=lambda line: urgency_order.index(line.urgency)))
        region_checked = fields.get("checked", required=True) if fields.data.get("checked") is not None else checked
        return Region(code=code, name=fields.get("name"), lines=lines, checked=region_checked)

    regions = _unique(doc, top.get("regions"), ("regions",), REGION, warn, "region", region, key="code")
    return checked, regions, references


def parse_help_line_words(doc: YamlDocument, warn: Warn) -> tuple[dict[str, str], dict[str, HelpLine]]:
    """A translation's help lines: region names by code, and each line (with its stamp) by id.
    Only name, contact and about are used: urgency, sources and dates always come from the English."""
    top = Fields(doc, doc.data, (), HELP_LINES, warn)
    names: dict[str, str] = {}
    lines: dict[str, HelpLine] = {}
    for r_index, item in enumerate(top.get("regions")):
        fields = Fields(doc, item, ("regions", r_index), REGION, warn)
        names[fields.get("code")] = fields.get("name")
        for l_index, line_item in enumerate(fields.get("lines")):
            line = Fields(doc, line_item, ("regions", r_index, "lines", l_index), HELP_LINE, warn)
            lines[line.get("id")] = _help_line(line, translated_from=_translated_from(doc, line.data, line.at, warn))
    return names, lines


def _help_line(fields: Fields, translated_from: str | None = None) -> HelpLine:
    """One help line from its fields: the English file's and a translation's are read alike (a
    translation's also carries its stamp)."""
    return HelpLine(
        id=fields.get("id"),
        urgency=fields.get("urgency"),
        name=fields.get("name"),
        contact=fields.get("contact"),
        about=fields.get("about"),
        source_id=fields.get("source"),
        translated_from=translated_from,
    )


def parse_language(doc: YamlDocument, warn: Warn) -> LanguageInfo:
    fields = Fields(doc, doc.data, (), LANGUAGE, warn)
    reviewed = fields.flag("reviewed") if "reviewed" in doc.data else False
    reviews = []
    for index, item in enumerate(fields.get("reviews") or ()):
        record = Fields(doc, item, ("reviews", index), REVIEW, warn)
        reviews.append(Review(**{name: record.get(name) for name in ("reviewer", "role", "date", "source_hash", "translation_hash", "screen")}))
    return LanguageInfo(code=fields.get("code"), produced=fields.get("produced"), review_status=fields.get("review_status"), reviewed=reviewed, reviews=tuple(reviews))


def parse_self_checks(
    doc: YamlDocument,
    warn: Warn,
    screen_ids: Iterable[str] | None = None,
    source_ids: Iterable[str] | None = None,
) -> tuple[SelfCheck, ...]:
    """Every check in one file, with its structure checked.

    With ``screen_ids`` and ``source_ids`` (the English file) the references are checked too and
    ``after``, ``screen`` and ``sources`` are required; a translation may leave them out, since they
    always come from the English.
    """
    english = screen_ids is not None
    known_screens = set(screen_ids or ())
    known_sources = set(source_ids or ())
    top = Fields(doc, doc.data, (), SELF_CHECKS, warn)
    question_ids: set[str] = set()
    followed: dict[str, str] = {}

    def choice(fields: Fields) -> Choice:
        return Choice(id=fields.get("id"), text=fields.get("text"))

    def check_question(question: Fields) -> CheckQuestion:
        q_at = question.at
        choices = _unique(doc, question.get("choices"), q_at + ("choices",), CHOICE, warn, "choice id", choice)
        if len(choices) < 2:
            raise doc.error(q_at + ("choices",), "a question needs at least 2 choices")
        answer = question.get("answer")
        if answer not in {choice.id for choice in choices}:
            raise doc.error(q_at + ("answer",), f"the answer {answer!r} is not one of the choice ids ({', '.join(c.id for c in choices)})")
        screen = question.get("screen") if english or question.data.get("screen") is not None else ""
        sources = question.get("sources", required=english)
        if english:
            if screen not in known_screens:
                raise doc.error(q_at + ("screen",), f"unknown screen id {screen!r} (no screen has this id)")
            for s_index, source_id in enumerate(sources):
                if source_id not in known_sources:
                    raise doc.error(q_at + ("sources", s_index), f"unknown source id {source_id!r} (not in sources.yaml)")
        return CheckQuestion(
            id=question.get("id"),
            prompt=question.get("prompt"),
            choices=choices,
            answer=answer,
            explanation=question.get("explanation"),
            screen=screen,
            source_ids=sources,
        )

    def check(fields: Fields) -> SelfCheck:
        at, check_id = fields.at, fields.get("id")
        after = fields.get("after") if english or fields.data.get("after") is not None else ""
        if english:
            if after not in known_screens:
                raise doc.error(at + ("after",), f"unknown screen id {after!r} (no screen has this id)")
            if after in followed:
                raise doc.error(at + ("after",), f"the self-check {followed[after]!r} already follows the screen {after!r}")
            followed[after] = check_id
        questions = _unique(doc, fields.get("questions"), at + ("questions",), CHECK_QUESTION, warn, "question id", check_question, seen=question_ids)
        return SelfCheck(
            id=check_id,
            after=after,
            title=fields.get("title"),
            topic=fields.get("topic"),
            questions=questions,
            translated_from=_translated_from(doc, fields.data, at, warn),
        )

    return _unique(doc, top.get("checks"), ("checks",), CHECK, warn, "self-check id", check)


def parse_values(doc: YamlDocument, warn: Warn, source_ids: Iterable[str] | None = None, screen_ids: Iterable[str] = ()) -> Values:
    """"What matters to me" (``values.yaml``): the intro, the rating words and the items, ids unique.

    With ``source_ids`` and ``screen_ids`` (the English file) its ``sources`` and ``after`` are required
    and checked; a translation leaves them out (they always come from the English)."""
    english = source_ids is not None
    top = Fields(doc, doc.data, (), VALUES, warn)
    sources = top.get("sources", required=english)
    if english:
        for index, source_id in enumerate(sources):
            if source_id not in set(source_ids):
                raise doc.error(("sources", index), f"unknown source id {source_id!r} (not in sources.yaml)")
    after = top.get("after") if english else ""
    if english and after not in set(screen_ids):
        raise doc.error(("after",), f"unknown screen id {after!r} (no screen has this id)")
    levels = _id_and_text(doc, top, "levels", CHOICE, Choice, warn)
    if len(levels) < 2:
        raise doc.error(("levels",), "needs at least 2 rating words")
    items = _id_and_text(doc, top, "items", VALUE_ITEM, ValueItem, warn)
    return Values(
        id=top.get("id"),
        intro=top.get("intro"),
        levels=levels,
        items=items,
        paper_intro=top.get("paper_intro"),
        source_ids=sources,
        after=after,
        translated_from=_translated_from(doc, doc.data, (), warn),
        file=str(doc.path),
    )


def _id_and_text(doc: YamlDocument, top: Fields, key: str, shape, make, warn: Warn) -> tuple:
    """A list of ``{id, text}`` mappings under ``key`` as ``make(id, text)`` objects, ids unique."""
    return _unique(doc, top.get(key), (key,), shape, warn, "id", lambda fields: make(id=fields.get("id"), text=fields.get("text")))


def parse_regional_words(doc: YamlDocument, warn: Warn) -> RegionalWords:
    """``us-words.yaml``: the regions, and each pair of a British form and the word read instead.

    A pair is refused here, so the guide never loads with it, when it could change what a reader
    must read exactly: a digit on either side (a number, a phone number), the same word on both
    sides, or a British form given twice (ignoring case). Whether each pair is still used in the
    content is ``check``'s question (``audit.regional_words``)."""
    top = Fields(doc, doc.data, (), REGIONAL_WORDS, warn)
    regions = top.get("regions")
    for index, code in enumerate(regions):
        if not re.fullmatch(r"[A-Z]{2}", code):
            raise doc.error(("regions", index), f"expected a two-letter region code like US, found {code!r}")
    seen: dict[str, int] = {}
    swaps = []
    for index, item in enumerate(top.get("words")):
        fields = Fields(doc, item, ("words", index), WORD_SWAP, warn)
        british, us = " ".join(fields.get("british").split()), " ".join(fields.get("us").split())
        for name, text in (("british", british), ("us", us)):
            if any(char.isdigit() for char in text):
                raise doc.error(("words", index, name), f"{text!r} has a digit: a pair must never change a number or a contact")
            if not any(char.isalpha() for char in text):
                raise doc.error(("words", index, name), f"{text!r} has no letter: a pair swaps words")
        if british.casefold() == us.casefold():
            raise doc.error(("words", index, "us"), f"{us!r} is the British form itself: nothing to swap")
        if british.casefold() in seen:
            raise doc.error(("words", index, "british"), f"{british!r} is given twice (also in pair {seen[british.casefold()] + 1})")
        seen[british.casefold()] = index
        swaps.append(WordSwap(british, us))
    return RegionalWords(regions=tuple(regions), swaps=tuple(swaps))
