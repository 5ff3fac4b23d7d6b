"""The English, the source: its reading level (a hard limit) and sources it never cites (a warning)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Callable

from recovery_guide import readability
from recovery_guide.audit.report import Problem, Report
from recovery_guide.guide_content import SOURCE_LANGUAGE
from recovery_guide.guide_content.parse import parse_sources
from recovery_guide.guide_content.yaml_source import read_yaml
from recovery_guide.model import Guide
from recovery_guide.view.pages import cited_on


def english_reading(english: Guide, report: Report) -> str:
    formula = readability.FORMULAS[SOURCE_LANGUAGE]
    total = readability.Counts()
    worst: tuple[float, str] = (0.0, "")
    for screen in english.pages:
        counts = readability.count(readability.page_text(screen), SOURCE_LANGUAGE)
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


def result_problems(english: Guide, report: Report) -> None:
    """Each result's picture and words agree: every group's count (out of 100) is in the caption."""
    for screen in english.pages:
        for index, result in enumerate(screen.results):
            said = {int(number) for number in re.findall(r"(?<![\d.,])\d+(?![\d.,]\d)", result.caption)}
            missing = [group.count for group in result.groups if group.count not in said]
            if missing:
                report.problems.append(
                    Problem(
                        screen.file,
                        _line(screen.file, ("results", index, "caption")),
                        f"results[{index}].caption",
                        f"result {result.id!r}: the caption does not say {' and '.join(f'{count} in 100' for count in missing)}; "
                        "the picture and the words must give the same numbers",
                    )
                )


STEP_REFERENCE = re.compile(r"\b[Ss]tep (\d+), \"([^\"]+)\"")
"""How the English points to another step, in words that work in the app and on paper: step 9,
"Side effects and safety" (reviews found "the screen ..." and "in the app" odd on paper)."""


def step_reference_problems(english: Guide, report: Report) -> None:
    """Each 'step N, "Title"' names the step that really has that number and title: the numbers are
    written in the text (translations keep them), so moving a screen must not leave them pointing
    at the wrong one."""
    titles = {number: page.title for number, page in enumerate(english.pages, start=1)}
    for screen in english.pages:
        for number, title in STEP_REFERENCE.findall(readability.page_text(screen)):
            if titles.get(int(number)) != title:
                right = next((n for n, t in titles.items() if t == title), None)
                hint = f"it is step {right}" if right else "no step has that title"
                report.problems.append(
                    Problem(screen.file, _line(screen.file, ("body",)), "body", f'screen {screen.id!r} points to step {number}, "{title}": {hint}')
                )


def unused_sources(root: Path, english: Guide, warn: Callable[[str], None]) -> None:
    cited = {source_id for screen in english.pages for source_id in cited_on(screen)}
    cited |= {line.source_id for region in english.regions for line in region.lines}
    cited |= set(english.values.source_ids if english.values else ())
    path = root / SOURCE_LANGUAGE / "sources.yaml"
    doc = read_yaml(path)
    for index, source_id in enumerate(parse_sources(doc, lambda message: None)):
        if source_id not in cited:
            warn(f"{path}:{doc.line(('sources', index, 'id'))}: sources: source {source_id!r} is never cited")


READ_THROUGH_WORDS = re.compile(r"\b(?:read (?:\w+ ){0,3}through|re-check|reposts?|reprint|news reports?|copies|a copy)\b", re.IGNORECASE)
"""Words in a source's note that say the team did not read the original ("Read through a copy",
"re-check before release", "a news report"): such a source must carry ``read_through``."""


def read_through_problems(root: Path, english: Guide, report: Report) -> None:
    """Every source the team read through a copy, a summary, an abstract or a news report says so by
    its ``read_through`` mark, which every writer shows as a tag and explains in one legend line: a
    note that still tells it in words, without the mark, would be a flag the sources list hides."""
    path = root / SOURCE_LANGUAGE / "sources.yaml"
    doc = read_yaml(path)
    for index, source in enumerate(english.sources.values()):
        if source.read_through is None and READ_THROUGH_WORDS.search(source.note):
            report.problems.append(
                Problem(
                    str(path),
                    doc.line(("sources", index, "note")),
                    f"sources[{index}].note",
                    f"source {source.id!r}: the note says it was not read in the original; set read_through "
                    "(copy, summary, abstract or news-report) and keep the note to what the source is",
                )
            )


def _line(file: str, field_path: tuple[str | int, ...]) -> int:
    return read_yaml(Path(file)).line(field_path)


