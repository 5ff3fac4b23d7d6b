"""Each translation: complete and current (by the overlay's own rule, ``guide_content.overlay.state``),
each file read beside its English one (``paired``: the same paragraphs, the same numbers in order;
``leftover``: no English left in; ``terms``: no avoided word), contacts that dial the English digits,
and every screen within its language's reading limit. This module says where to look (the line)
and what to do."""

from __future__ import annotations

from pathlib import Path

from recovery_guide import readability
from recovery_guide.audit.leftover import english_problems
from recovery_guide.audit.paired import number_problems as number_problems_in
from recovery_guide.audit.paired import line_with, unit_line
from recovery_guide.audit.report import LanguageRow, Problem, Report
from recovery_guide.audit.terms import content_term_problems, load_terms
from recovery_guide.guide_content.folder import ContentFolder
from recovery_guide.guide_content.overlay import CURRENT, DIFFERENT, MISSING, STALE, NumberMismatch, Translation, contact_mismatches, source_hash
from recovery_guide.guide_content.translators import ENTRY_FILES, entry_at, states, status
from recovery_guide.guide_content.units import TextField, text_fields
from recovery_guide.guide_content.yaml_source import ContentError, YamlDocument, format_path, mappings_in, read_yaml
from recovery_guide.model import Guide, Page


def check_translation(folder: ContentFolder, code: str, english: Guide, row: LanguageRow, report: Report) -> None:
    try:
        row.review = review_line(folder.guide(code).language)
        translation = folder.translation(code)
    except ContentError as error:
        report.problems.append(Problem.from_error(error))
        row.reading = "not checked: does not load"
        return
    for doc, page, earlier in translation.duplicate_pages:  # the loader silently uses the last one
        report.problems.append(Problem.from_error(doc.error(("id",), f"duplicate screen id {page.id!r} (also in {earlier})")))

    page_states = states(folder, code, "screen")
    english_by_id = {page.id: page for page in english.pages}
    present = [page_id for page_id in english_by_id if page_id in translation.pages]
    row.screens = f"{len(present)}/{len(english.pages)}"
    row.current = f"{round(100 * sum(state == CURRENT for state in page_states.values()) / len(english.pages))}%"
    entry_problems = _entry_problems(code, translation, [item for item in status(folder, code) if item.kind in ENTRY_FILES])
    # the Stale count: screens, and glossary entries, source notes and help lines readers see in English because the English changed
    row.stale = str(sum(state in (STALE, DIFFERENT) for state in page_states.values()) + len(entry_problems))
    report.problems += entry_problems

    for page_id, state in page_states.items():
        english_page = english_by_id[page_id]
        if state == MISSING:
            path = translation.folder / "screens" / Path(english_page.file).name
            report.problems.append(Problem(str(path), 1, "(file)", f"missing: screen {page_id!r} is not translated (readers see it in English)"))
        elif state != CURRENT:
            doc, page = translation.pages[page_id]
            report.problems.append(_stale_problem(code, doc, page, english_page))

    number_problems = [_contact_problem(translation, mismatch) for mismatch in contact_mismatches(english, translation.files.get("help-lines.yaml"))]
    number_problems += _self_check_problems(code, translation, [item for item in status(folder, code) if item.kind == "self-check"])
    wording = []
    terms = load_terms(translation.folder, report.problems)
    for english_doc, doc in _file_pairs(folder.root, translation, english):
        number_problems += number_problems_in(english_doc, doc, code)
        fields = text_fields(doc.data)
        line_of = line_with(doc)
        wording += content_term_problems(doc, [field for field in fields if not _citation(field)], terms, code, line_of)
        wording += english_problems(doc, [field for field in fields if not _citation(field)], terms.names, lambda path, unit, doc=doc: unit_line(doc, path, unit))
    row.numbers = str(len(number_problems))
    report.problems += number_problems
    report.problems += list(dict.fromkeys(wording))  # one line per place, however often a term is on it
    report.problems += _completeness_problems(translation, english)
    row.reading = _translation_reading(code, [translation.pages[page_id] for page_id in present], report)


def review_line(language) -> str:
    """"reviewed", "machine-assisted, not reviewed" or "changed since review", and any screen whose own record differs."""
    screens = [f"{screen} {state.value}" for screen, state in language.screen_review_states if state != language.review_state]
    return language.review_state.value + (f" (screens: {'; '.join(screens)})" if screens else "")


def _stamp_hint(code: str, name: str) -> str:
    return f"recovery-guide translations stamp --lang {code} {name}"


def _self_check_problems(code: str, translation: Translation, states: list) -> list[Problem]:
    """Self-check sets that readers see in English (missing, stale or shaped differently); their
    numbers are compared with the other files' (``paired``)."""
    path = str(translation.folder / "self-checks.yaml")
    problems = []
    for item in states:
        if item.state != CURRENT:
            problems.append(Problem(path, 1, f"self-check {item.id}", f"{item.state}: readers see this self-check in English; translate it, then stamp it with {_stamp_hint(code, item.name)}"))
    return problems


def _entry_problems(code: str, translation: Translation, items: list) -> list[Problem]:
    """Glossary entries, source notes and help lines whose stamp is missing or older than the English
    (readers see the English entry), at their stamp's line; a missing entry is ``_completeness_problems``' to report."""
    problems = []
    for item in items:
        if item.state != STALE:
            continue
        doc = translation.files[ENTRY_FILES[item.kind]]
        at = entry_at(doc, item.kind, item.id)
        then = f"then run: {_stamp_hint(code, item.name)}"
        if doc.node(at + ("translation", "source_hash")) is None:
            problems.append(Problem(str(doc.path), doc.line(at + ("translation",)), format_path(at + ("translation",)), f"not stamped: no translation.source_hash (readers see the English); check it against the English, {then}"))
        else:
            problems.append(
                Problem(str(doc.path), doc.line(at + ("translation", "source_hash")), format_path(at + ("translation", "source_hash")), f"stale: the English changed after this was translated; update the translation, {then}")
            )
    return problems


def _stale_problem(code: str, doc: YamlDocument, screen: Page, english: Page) -> Problem:
    """Why this screen is not current, at the line to look at."""
    stamp = f"then run: {_stamp_hint(code, screen.id)}"
    english_ids = [question.id for question in english.questions]
    translated_ids = [question.id for question in screen.questions]
    if screen.translated_from is None:
        return Problem(str(doc.path), doc.line(("translation",)), "translation", f"not stamped: no translation.source_hash; check it against the English, {stamp}")
    if screen.translated_from != source_hash(english):
        return Problem(
            str(doc.path),
            doc.line(("translation", "source_hash")),
            "translation.source_hash",
            f"stale: the English changed after this was translated; update the translation, {stamp}",
        )
    if translated_ids != english_ids:
        return Problem(str(doc.path), doc.line(("questions",)), "questions", f"stale: question ids {translated_ids} differ from the English {english_ids}")
    english_results = [(result.id, [group.count for group in result.groups]) for result in english.results]
    translated_results = [(result.id, [group.count for group in result.groups]) for result in screen.results]
    if translated_results != english_results:
        return Problem(
            str(doc.path),
            doc.line(("results",)) if screen.results else 1,
            "results",
            f"stale: result ids and counts {translated_results} differ from the English {english_results}; copy them exactly",
        )
    for name in ("evidence", "acknowledge"):
        if bool(getattr(screen, name)) != bool(getattr(english, name)):
            has = "has" if getattr(english, name) else "has no"
            return Problem(str(doc.path), doc.line((name,)), name, f"stale: the English {has} {name}, the translation does not match")
    return Problem(str(doc.path), 1, "(file)", "stale: does not match the English")


def _contact_problem(translation: Translation, mismatch: NumberMismatch) -> Problem:
    """A help line's translated contact dials other digits than the English one (readers see the English)."""
    doc = translation.files["help-lines.yaml"]
    translated, english = mismatch.contact
    return Problem(mismatch.file, doc.line(mismatch.at), format_path(mismatch.at), f"contact {translated!r} does not dial the English {english!r}")


def _completeness_problems(translation: Translation, english: Guide) -> list[Problem]:
    """Sources, glossary and help lines: a partial translation is silently replaced by the English."""
    problems = []
    expected = {
        "sources.yaml": ("sources", "id", set(english.sources)),
        "glossary.yaml": ("terms", "id", {term.id for term in english.glossary}),
        "help-lines.yaml": ("regions", "code", {region.code for region in english.regions}),
    }
    for name, (key, id_key, wanted) in expected.items():
        path = translation.folder / name
        doc = translation.files.get(name)
        if doc is None:
            problems.append(Problem(str(path), 1, "(file)", f"missing: readers see the English {name}"))
            continue
        have = {str(item.get(id_key)) for item in mappings_in(doc.data, key)}
        if name == "help-lines.yaml":
            wanted = wanted | {line.id for region in english.regions for line in region.lines}
            have |= {str(line.get("id")) for region in mappings_in(doc.data, key) for line in mappings_in(region, "lines")}
        missing = sorted(wanted - have)
        if missing:
            problems.append(Problem(str(path), doc.line((key,)), key, f"incomplete: readers see the English {name}; missing {', '.join(missing)}"))
    return problems


def _translation_reading(code: str, screens: list[tuple[YamlDocument, Page]], report: Report) -> str:
    """The language's reading level; every screen past its limit is a problem."""
    formula = readability.formula_for(code)
    if formula is None:
        return "no formula"
    if not screens:
        return f"{formula.name}: no screens"
    scores = {screen.id: formula.score(readability.page_text(screen), code) for _doc, screen in screens}
    worst = formula.worst(scores.values())
    worst_id = next(screen_id for screen_id, score in scores.items() if score == worst)
    beyond = sum(not formula.fine(score) for score in scores.values())
    side = "below" if formula.higher_is_easier else "above"
    for doc, screen in screens:
        score = scores[screen.id]
        if not formula.fine(score):
            report.problems.append(
                Problem(
                    str(doc.path),
                    doc.line(("body",)),
                    "body",
                    f"screen {screen.id!r} reads at {score:.1f} ({formula.name}, key points, steps, body and options), {side} the limit "
                    f"{formula.limit:g} for this language: use shorter sentences and plainer, shorter words",
                )
            )
    return f"{formula.name}: worst {worst:.1f} ({worst_id}), {formula.label(worst)}; {beyond} of {len(scores)} {side} {formula.limit:g}"


def _file_pairs(root: Path, translation: Translation, english: Guide) -> list[tuple[YamlDocument, YamlDocument]]:
    """(English, translated) documents: each translated screen with the English screen of its id, each
    other file with the English file of its name."""
    found = []
    english_files = {page.id: Path(page.file) for page in english.pages}
    for page_id, (doc, _page) in translation.pages.items():
        if page_id in english_files:
            found.append((read_yaml(english_files[page_id]), doc))
    for name, doc in translation.files.items():
        source = root / "en" / name
        if source.is_file():
            found.append((read_yaml(source), doc))
    return found


def _citation(field: TextField) -> bool:
    return field.path[-1] in ("citation", "title") and field.path[:1] == ("sources",)
