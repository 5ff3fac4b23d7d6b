"""The English guide: every file of ``content/en/`` read and cross-checked as one.

English is the source every translation is laid over, so it alone must be complete and consistent:
every source and glossary id a screen names exists, ids are unique across files, and the welcome,
help-now and about screens exist once each, the welcome screen first. Loading stops at the first
problem (a ``ContentError`` naming file, line and field): the guide is never shown half-valid.
"""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path
from typing import Callable

from recovery_guide.guide_content.parse import parse_glossary, parse_help_lines, parse_language, parse_screen, parse_self_checks, parse_sources, parse_values
from recovery_guide.guide_content.yaml_source import ContentError, read_yaml
from recovery_guide.model import Guide, Page, PageKind, SelfCheck, Source

SELF_CHECKS_FILE = "self-checks.yaml"
VALUES_FILE = "values.yaml"


def load_english(folder: Path, warn: Callable[[str], None] | None = None) -> Guide:
    """Load and cross-check the English folder (``content/en/``); ``warn`` hears unknown fields."""
    warn = warn or (lambda message: None)
    if not folder.is_dir():
        raise ContentError(folder, 1, "(folder)", "content folder does not exist")
    language = parse_language(read_yaml(folder / "language.yaml"), warn)
    sources_doc = read_yaml(folder / "sources.yaml")
    sources = parse_sources(sources_doc, warn)
    glossary = parse_glossary(read_yaml(folder / "glossary.yaml"), warn)
    term_ids = {term.id for term in glossary}
    help_doc = read_yaml(folder / "help-lines.yaml")
    checked, regions, line_refs = parse_help_lines(help_doc, warn)
    for source_id, at in line_refs:
        if source_id not in sources:
            raise help_doc.error(at, f"unknown source id {source_id!r} (not in sources.yaml)")
    regions = tuple(
        dataclasses.replace(region, checked_from=tuple(dict.fromkeys(sources[line.source_id].citation for line in region.lines))) for region in regions
    )

    screen_files = sorted((folder / "screens").glob("*.yaml"))
    if not screen_files:
        raise ContentError(folder / "screens", 1, "(folder)", "no screen files found")
    pages: list[Page] = []
    question_ids: dict[str, str] = {}
    for path in screen_files:
        doc = read_yaml(path)
        page = parse_screen(doc, warn)
        if any(other.id == page.id for other in pages):
            raise doc.error(("id",), f"duplicate screen id {page.id!r}")
        for index, source_id in enumerate(page.source_ids):
            if source_id not in sources:
                raise doc.error(("sources", index), f"unknown source id {source_id!r} (not in sources.yaml)")
        _check_part_sources(doc, "timeline", page.timeline, sources)
        _check_part_sources(doc, "options", page.options, sources)
        for index, option in enumerate(page.options):
            for name in ("approved_short", "involves", "evidence_level"):
                if getattr(option, name) is None:
                    raise doc.error(("options", index, name), "required field is missing")
        for index, term_id in enumerate(page.terms):
            if term_id not in term_ids:
                raise doc.error(("terms", index), f"unknown term id {term_id!r} (not in glossary.yaml)")
            if term_id in page.terms[:index]:
                raise doc.error(("terms", index), f"term id {term_id!r} is listed twice")
        for index, result in enumerate(page.results):
            if result.source_id not in sources:
                raise doc.error(("results", index, "source"), f"unknown source id {result.source_id!r} (not in sources.yaml)")
            if result.outcome_is is None:
                raise doc.error(("results", index, "outcome_is"), "required field is missing (good or bad)")
            if result.after_section is not None and result.after_section > _section_count(page.body):
                raise doc.error(("results", index, "after_section"), f"the body has {_section_count(page.body)} sections (## headings), not {result.after_section}")
        if page.evidence and page.evidence_level is None:
            raise doc.error(("evidence",), "a screen with evidence needs evidence_level too (1 to 5)")
        for index, question in enumerate(page.questions):
            if question.id in question_ids:
                raise doc.error(("questions", index, "id"), f"duplicate question id {question.id!r} (also in {question_ids[question.id]})")
            question_ids[question.id] = path.name
        pages.append(page)

    for kind in (PageKind.WELCOME, PageKind.HELP_NOW, PageKind.ABOUT):
        count = sum(page.kind is kind for page in pages)
        if count != 1:
            raise ContentError(folder / "screens", 1, "kind", f"expected exactly one {kind.value!r} screen, found {count}")
    if pages[0].kind is not PageKind.WELCOME:
        raise ContentError(pages[0].file, 1, "kind", "the first screen must be the welcome screen")

    return Guide(
        language=language,
        pages=tuple(pages),
        sources=sources,
        glossary=glossary,
        regions=regions,
        help_lines_checked=checked,
        self_checks=_self_checks(folder, pages, sources, warn),
        values=parse_values(read_yaml(folder / VALUES_FILE), warn, source_ids=sources, screen_ids=[page.id for page in pages]) if (folder / VALUES_FILE).is_file() else None,
    )


def _self_checks(folder: Path, pages: list[Page], sources: dict[str, Source], warn: Callable[[str], None]) -> tuple[SelfCheck, ...]:
    """The English self-checks, in reading order; none if the file is absent."""
    path = folder / SELF_CHECKS_FILE
    if not path.is_file():
        return ()
    order = {page.id: index for index, page in enumerate(pages)}
    checks = parse_self_checks(read_yaml(path), warn, screen_ids=order, source_ids=sources)
    return tuple(sorted(checks, key=lambda check: order[check.after]))


def _check_part_sources(doc, field: str, parts, sources) -> None:
    """Every part of a screen's list field (timeline steps, options) names sources, each one known."""
    for index, part in enumerate(parts):
        if not part.source_ids:
            raise doc.error((field, index, "sources"), "required field is missing")
        for s_index, source_id in enumerate(part.source_ids):
            if source_id not in sources:
                raise doc.error((field, index, "sources", s_index), f"unknown source id {source_id!r} (not in sources.yaml)")


def _section_count(body: str) -> int:
    """How many sections the body has: headings of its top level (as ``view.body_sections`` counts them;
    this layer reads no view code)."""
    levels = [len(match.group(1)) for match in re.finditer(r"^(#+)\s", body, re.MULTILINE)]
    return levels.count(min(levels)) if levels else 0
