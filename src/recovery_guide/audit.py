"""``recovery-guide check``: everything the content tests check, as one command for editors.

Clinicians, editors and translators change YAML, not code; this tells them, in one run and without
pytest, whether a content folder (the built-in one, or a clinic's copy) is ready to use:

- it loads: schema, required fields, types, cross-references and duplicate ids, through the same
  ``ContentFolder`` the app uses; unknown fields are warnings, not problems;
- every translation is complete and current, and says the same numbers as the English, by the one
  rule the app lays translations over with (``guide_content.overlay``: ``state``,
  ``number_mismatches``); this module only adds where to look (lines) and how to say it;
- every UI catalog keeps the ``{name}`` placeholders of its msgids, and has no untranslated or
  fuzzy entries;
- every English screen reads at US grade 8 or below, and the whole guide at 6.5 or below; other
  languages' reading levels are reported, never failed (see ``readability`` for the formulas and
  why).

UI catalogs live in ``locales/``, beside ``content/``, not inside it. They are checked for the
built-in content, and for a content folder that has a ``locales`` folder next to it (a checkout of
this repository). A clinic's copy of ``content/`` alone has no catalogs: they are reported as not
checked.

Problems are ``file:line: field: message`` lines, so an editor can jump to them. ``run`` returns the
exit status: 0 no problems, 1 problems found. A folder that cannot be checked at all raises
``CannotCheck`` (the command exits 2).

Nothing here imports Textual; Babel is imported only to read ``.po`` catalogs.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from recovery_guide import readability
from recovery_guide.guide_content import SOURCE_LANGUAGE
from recovery_guide.guide_content.folder import ContentFolder
from recovery_guide.guide_content.overlay import CURRENT, DIFFERENT, MISSING, STALE, NumberMismatch, Translation, number_mismatches, source_hash
from recovery_guide.guide_content.parse import parse_sources
from recovery_guide.guide_content.translators import states, status
from recovery_guide.guide_content.yaml_source import ContentError, YamlDocument, format_path, mappings_in, read_yaml
from recovery_guide.model import Guide, Page
from recovery_guide.paths import content_dir, locales_dir

PLACEHOLDER = re.compile(r"\{(\w*)\}")
"""A ``str.format`` placeholder in a UI string: ``{number}``, ``{}``."""


class CannotCheck(Exception):
    """The folder could not be checked at all (missing, unreadable, not a content folder)."""


@dataclass(frozen=True)
class Problem:
    """Something an editor must fix, located to the file, line and field."""

    file: str
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.field}: {self.message}"

    @classmethod
    def from_error(cls, error: ContentError) -> Problem:
        return cls(error.file, error.line, error.field_path, error.message)


@dataclass
class LanguageRow:
    """One line of the summary table."""

    code: str
    screens: str = "-"
    current: str = "-"
    stale: str = "-"
    numbers: str = "-"
    catalog: str = "-"
    reading: str = "-"


@dataclass
class Report:
    root: Path
    locales: Path | None
    rows: list[LanguageRow] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def exit_code(self) -> int:
        return 1 if self.problems else 0


# --- the whole check ----------------------------------------------------------------------------------


def default_locales(root: Path) -> Path | None:
    """The catalogs that go with ``root``: the built-in ones, or ``locales/`` beside it, or none."""
    try:
        if root.resolve() == content_dir().resolve():
            return locales_dir()
    except OSError:
        return None
    sibling = root.parent / "locales"
    return sibling if sibling.is_dir() else None


def check_content(folder: ContentFolder | None = None) -> Report:
    """Check a content folder (the built-in one by default) and the UI catalogs that go with it.

    The folder is read afresh, each language once, so that every warning reaches the report.
    """
    root = (folder or ContentFolder()).root
    _ensure_checkable(root)
    report = Report(root=root, locales=default_locales(root))
    warn = report.warnings.append
    folder = ContentFolder(root, warn)

    english_row = LanguageRow(SOURCE_LANGUAGE, current="source")
    report.rows.append(english_row)
    try:
        english = folder.english
    except ContentError as error:
        report.problems.append(Problem.from_error(error))
        english = None
        english_row.reading = "not checked: the English does not load"
    if english is not None:
        english_row.screens = str(len(english.pages))
        english_row.reading = _english_reading(english, report)
        _unused_sources(root, english, warn)

    catalogs = _catalog_files(report.locales)
    for code in folder.languages():
        if code == SOURCE_LANGUAGE:
            continue
        row = LanguageRow(code)
        report.rows.append(row)
        if english is None:
            row.reading = "not checked: the English does not load"
        else:
            _check_translation(folder, code, english, row, report)
        if report.locales is None:
            row.catalog = "not checked"
        elif code not in catalogs:
            row.catalog = "missing"
            report.problems.append(Problem(str(report.locales / code / "LC_MESSAGES" / "messages.po"), 1, "(file)", "no UI catalog for this language"))
        else:
            found = catalog_problems(catalogs[code])
            row.catalog = str(len(found))
            report.problems += found
    return report


def _ensure_checkable(root: Path) -> None:
    try:
        if not root.exists():
            raise CannotCheck(f"{root}: content folder not found")
        if not root.is_dir():
            raise CannotCheck(f"{root}: not a folder")
        os.listdir(root)
        if not (root / SOURCE_LANGUAGE).is_dir():
            raise CannotCheck(f"{root}: not a content folder (it has no {SOURCE_LANGUAGE}/ folder)")
        os.listdir(root / SOURCE_LANGUAGE)
    except OSError as error:
        raise CannotCheck(f"{error.filename or root}: cannot read: {error.strerror or error}") from None


# --- English --------------------------------------------------------------------------------------------


def _english_reading(english: Guide, report: Report) -> str:
    formula = readability.FORMULAS[SOURCE_LANGUAGE]
    total = readability.Counts()
    worst: tuple[float, str] = (0.0, "")
    for screen in english.pages:
        counts = readability.count(readability.screen_text(screen.key_points, screen.body), SOURCE_LANGUAGE)
        total += counts
        grade = readability.flesch_kincaid_grade(counts)
        worst = max(worst, (grade, screen.id))
        if not formula.fine(grade):
            report.problems.append(
                Problem(
                    screen.file,
                    _line(screen.file, ("body",)),
                    "body",
                    f"screen {screen.id!r} reads at US grade {grade:.1f} (Flesch-Kincaid, key points and body); "
                    f"the limit is {readability.ENGLISH_SCREEN_LIMIT:g}, the aim {readability.ENGLISH_AIM:g}: use shorter sentences and words",
                )
            )
    whole = readability.flesch_kincaid_grade(total)
    if whole > readability.ENGLISH_GUIDE_LIMIT:
        report.problems.append(
            Problem(
                str(Path(english.pages[0].file).parent),
                1,
                "body",
                f"the guide as a whole reads at US grade {whole:.1f}; the limit is {readability.ENGLISH_GUIDE_LIMIT:g}, the aim {readability.ENGLISH_AIM:g}",
            )
        )
    return f"{formula.name}: worst {worst[0]:.1f} ({worst[1]}), whole guide {whole:.1f}; SMOG {readability.smog(total):.1f} (whole guide)"


def _unused_sources(root: Path, english: Guide, warn: Callable[[str], None]) -> None:
    cited = {source_id for screen in english.pages for source_id in screen.source_ids}
    cited |= {line.source_id for region in english.regions for line in region.lines}
    path = root / SOURCE_LANGUAGE / "sources.yaml"
    doc = read_yaml(path)
    for index, source_id in enumerate(parse_sources(doc, lambda message: None)):
        if source_id not in cited:
            warn(f"{path}:{doc.line(('sources', index, 'id'))}: sources: source {source_id!r} is never cited")


# --- translations -----------------------------------------------------------------------------------------


def _check_translation(folder: ContentFolder, code: str, english: Guide, row: LanguageRow, report: Report) -> None:
    try:
        folder.guide(code)
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
    row.stale = str(sum(state in (STALE, DIFFERENT) for state in page_states.values()))

    for page_id, state in page_states.items():
        english_page = english_by_id[page_id]
        if state == MISSING:
            path = translation.folder / "screens" / Path(english_page.file).name
            report.problems.append(Problem(str(path), 1, "(file)", f"missing: screen {page_id!r} is not translated (readers see it in English)"))
        elif state != CURRENT:
            doc, page = translation.pages[page_id]
            report.problems.append(_stale_problem(code, doc, page, english_page))

    mismatches = number_mismatches(english, translation)
    number_problems = [_number_problem(translation, mismatch) for mismatch in mismatches if mismatch.kind != "self-check"]
    number_problems += _self_check_problems(code, translation, [item for item in status(folder, code) if item.kind == "self-check"], mismatches)
    row.numbers = str(len(number_problems))
    report.problems += number_problems
    report.problems += _completeness_problems(translation, english)
    row.reading = _translation_reading(code, [translation.pages[page_id][1] for page_id in present])


def _stamp_hint(code: str, name: str) -> str:
    return f"recovery-guide translations stamp --lang {code} {name}"


def _self_check_problems(code: str, translation: Translation, states: list, mismatches: list[NumberMismatch]) -> list[Problem]:
    """Self-check sets that readers see in English (missing, stale or shaped differently), and changed numbers."""
    path = str(translation.folder / "self-checks.yaml")
    problems = []
    for item in states:
        if item.state != CURRENT:
            problems.append(Problem(path, 1, f"self-check {item.id}", f"{item.state}: readers see this self-check in English; translate it, then stamp it with {_stamp_hint(code, item.name)}"))
    problems += [Problem(path, 1, "numbers", f"{mismatch.item}: {mismatch.difference}") for mismatch in mismatches if mismatch.kind == "self-check"]
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
    for name in ("evidence", "acknowledge"):
        if bool(getattr(screen, name)) != bool(getattr(english, name)):
            has = "has" if getattr(english, name) else "has no"
            return Problem(str(doc.path), doc.line((name,)), name, f"stale: the English {has} {name}, the translation does not match")
    return Problem(str(doc.path), 1, "(file)", "stale: does not match the English")


def _number_problem(translation: Translation, mismatch: NumberMismatch) -> Problem:
    """A screen's or help line's numbers differ from the English ones: at which line?"""
    doc = translation.files["help-lines.yaml"] if mismatch.contact else translation.pages[mismatch.item][0]
    if mismatch.contact:
        translated, english = mismatch.contact
        return Problem(mismatch.file, doc.line(mismatch.at), format_path(mismatch.at), f"contact {translated!r} does not dial the English {english!r}")
    message = f"numbers differ from the English: {mismatch.difference}"
    if not mismatch.at:
        return Problem(mismatch.file, 1, "(file)", message)
    return Problem(mismatch.file, _line_with_number(doc, doc.line(mismatch.at), list(mismatch.extra)), format_path(mismatch.at), message)


def _line_with_number(doc: YamlDocument, start: int, numbers: list[str]) -> int:
    """Within a field that starts at line ``start`` (a long ``body: |`` block), the line with the first
    extra number; the field's own line when only numbers are missing."""
    if not numbers:
        return start
    lines = doc.path.read_text(encoding="utf-8").splitlines()
    pattern = re.compile(rf"(?<!\d)(?:{'|'.join(numbers)})(?!\d)")
    for number in range(start, len(lines) + 1):
        text = lines[number - 1]
        if number > start and re.match(r"[^\s#]", text):
            break  # the next top-level field
        if pattern.search(text):
            return number
    return start


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


def _translation_reading(code: str, screens: list[Page]) -> str:
    formula = readability.formula_for(code)
    if formula is None:
        return "no formula"
    if not screens:
        return f"{formula.name}: no screens"
    scores = {screen.id: formula.score(readability.screen_text(screen.key_points, screen.body), code) for screen in screens}
    worst = formula.worst(scores.values())
    worst_id = next(screen_id for screen_id, score in scores.items() if score == worst)
    beyond = sum(not formula.fine(score) for score in scores.values())
    side = "below" if formula.higher_is_easier else "above"
    return f"{formula.name}: worst {worst:.1f} ({worst_id}), {formula.label(worst)}; {beyond} of {len(scores)} {side} {formula.limit:g}"


# --- UI catalogs --------------------------------------------------------------------------------------------


def _catalog_files(locales: Path | None) -> dict[str, Path]:
    if locales is None:
        return {}
    return {path.parents[1].name: path for path in sorted(locales.glob("*/LC_MESSAGES/messages.po"))}


def catalog_problems(po_path: Path) -> list[Problem]:
    """Untranslated and fuzzy entries, and msgstrs whose ``{placeholders}`` differ from the msgid's."""
    from babel.messages.pofile import PoFileError, read_po

    try:
        lines = po_path.read_text(encoding="utf-8").splitlines()
        with po_path.open("rb") as handle:
            catalog = read_po(handle, abort_invalid=True)
    except (OSError, UnicodeDecodeError, PoFileError, ValueError) as error:
        line = getattr(error, "lineno", None) or 1
        return [Problem(str(po_path), line, "(file)", f"cannot read catalog: {error}")]

    problems = []
    for message in catalog:
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, (list, tuple)) else (message.id,)
        strings = message.string if isinstance(message.string, (list, tuple)) else (message.string,)
        line = _msgstr_line(lines, message.lineno)
        where = f"msgid {ids[0]!r}"
        if message.fuzzy:  # not shown to readers, so its placeholders are checked once the flag goes
            problems.append(Problem(str(po_path), line, "msgstr", f"fuzzy (readers see the English until it is checked and the flag removed): {where}"))
            continue
        if not all(strings):
            problems.append(Problem(str(po_path), line, "msgstr", f"not translated: {where}"))
            continue
        wanted = sorted(PLACEHOLDER.findall(ids[0]))
        for string in strings:
            found = sorted(PLACEHOLDER.findall(string))
            if found != wanted:
                problems.append(
                    Problem(str(po_path), line, "msgstr", f"placeholders {_braces(found)} differ from the msgid's {_braces(wanted)} in {where}: keep them exactly")
                )
                break
    return problems


def _msgstr_line(lines: list[str], msgid_line: int | None) -> int:
    if not msgid_line:
        return 1
    for number in range(msgid_line, min(len(lines), msgid_line + 200) + 1):
        if lines[number - 1].startswith("msgstr"):
            return number
    return msgid_line


def _braces(names: list[str]) -> str:
    return ", ".join("{" + name + "}" for name in names) or "none"


# --- helpers ------------------------------------------------------------------------------------------------

def _line(file: str, field_path: tuple[str | int, ...]) -> int:
    return read_yaml(Path(file)).line(field_path)


# --- output -------------------------------------------------------------------------------------------------

HEADER = LanguageRow("Code", "Screens", "Current", "Stale", "Numbers", "Catalog", "Reading level")


def format_report(report: Report) -> str:
    """The table, then problems and warnings as ``file:line: field: message``, then one summary line."""
    columns = ("code", "screens", "current", "stale", "numbers", "catalog")
    rows = [HEADER, *report.rows]
    widths = {name: max(len(getattr(row, name)) for row in rows) for name in columns}
    out = [f"Checking {report.root}" + (f" (UI catalogs: {report.locales})" if report.locales else " (UI catalogs: not checked, no locales folder beside it)"), ""]
    for row in rows:
        out.append("  ".join(getattr(row, name).ljust(widths[name]) for name in columns) + "  " + row.reading)
    if report.problems:
        out += ["", "Problems:", *map(str, report.problems)]
    if report.warnings:
        out += ["", "Warnings:", *report.warnings]
    out += ["", summary(report)]
    return "\n".join(out) + "\n"


def summary(report: Report) -> str:
    count = len(report.problems)
    text = "No problems found" if not count else f"{count} problem{'s' if count != 1 else ''} found"
    if report.warnings:
        text += f" ({len(report.warnings)} warning{'s' if len(report.warnings) != 1 else ''})"
    return text + "."
