"""``recovery-guide check``: everything the content tests check, as one command for editors.

Clinicians, editors and translators change YAML, not code; this tells them, in one run and without
pytest, whether a content folder (the built-in one, or a clinic's copy) is ready to use:

- it loads: schema, required fields, types, cross-references and duplicate ids, through the same
  ``ContentFolder`` the app uses; unknown fields are warnings, not problems;
- every translation is complete and current, and says the same numbers as the English, by the one
  rule the app lays translations over with (``guide_content.overlay``: ``state``,
  ``number_mismatches``); this module only adds where to look (lines) and how to say it;
- every translated paragraph and list item says the English one's numbers, in order, and none is
  added or dropped (``paired``); no English is left in a translation (``leftover``); no language
  uses a word its term base (``content/<lang>/terms.yaml``) avoids, in content or UI catalog (``terms``);
- every pair of ``en/us-words.yaml`` (the words a reader in the US reads) is still used in the English
  a reader sees, and touches no number or contact (``regional_words``);
- every UI catalog keeps the ``{name}`` placeholders of its msgids, and has no untranslated or
  fuzzy entries;
- every English screen reads at US grade 8 or below, and the whole guide at 6.5 or below; every
  translated screen within its language's limit (see ``readability`` for the formulas, proxies and
  limits).

UI catalogs live in ``locales/``, beside ``content/``, not inside it. They are checked for the
built-in content, and for a content folder that has a ``locales`` folder next to it (a checkout of
this repository). A clinic's copy of ``content/`` alone has no catalogs: they are reported as not
checked.

Problems are ``file:line: field: message`` lines, so an editor can jump to them. ``run`` returns the
exit status: 0 no problems, 1 problems found. A folder that cannot be checked at all raises
``CannotCheck`` (the command exits 2).

One module per part: ``report`` (what was found, and the printout), ``english``, ``translations``,
``catalogs``. Nothing here imports Textual; Babel is imported only to read ``.po`` catalogs.
"""

from __future__ import annotations

import os
from pathlib import Path

from recovery_guide.audit.catalogs import catalog_files, catalog_problems
from recovery_guide.audit.english import english_reading, read_through_problems, result_problems, step_reference_problems, unused_sources
from recovery_guide.audit.regional_words import regional_word_problems
from recovery_guide.audit.report import CannotCheck, LanguageRow, Problem, Report, format_report, summary
from recovery_guide.audit.terms import catalog_term_problems, english_term_problems, load_terms
from recovery_guide.audit.translations import check_translation
from recovery_guide.guide_content import SOURCE_LANGUAGE
from recovery_guide.guide_content.folder import ContentFolder
from recovery_guide.guide_content.yaml_source import ContentError, each_file_parsed_once
from recovery_guide.paths import content_dir, locales_dir

__all__ = ["CannotCheck", "LanguageRow", "Problem", "Report", "catalog_problems", "check_content", "default_locales", "format_report", "summary"]


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

    The folder is read afresh, each language once, so that every warning reaches the report; each
    file is parsed once however many parts of the check read it.
    """
    with each_file_parsed_once():
        return _check(folder)


def _check(folder: ContentFolder | None) -> Report:
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
        english_row.reading = english_reading(english, report)
        result_problems(english, report)
        step_reference_problems(english, report)
        read_through_problems(root, english, report)
        unused_sources(root, english, warn)
        report.problems += english_term_problems(root, report)
        report.problems += regional_word_problems(root, english)

    for misnamed in folder.misnamed():
        warn(f"{misnamed / 'language.yaml'}:1: (file): the folder name {misnamed.name!r} is not a language code like es or pt_BR (folder ignored)")
    catalogs = catalog_files(report.locales)
    for code in folder.languages():
        if code == SOURCE_LANGUAGE:
            continue
        row = LanguageRow(code)
        report.rows.append(row)
        if english is None:
            row.reading = "not checked: the English does not load"
        else:
            check_translation(folder, code, english, row, report)
        if report.locales is None:
            row.catalog = "not checked"
        elif code not in catalogs:
            row.catalog = "missing"
            report.problems.append(Problem(str(report.locales / code / "LC_MESSAGES" / "messages.po"), 1, "(file)", "no UI catalog for this language"))
        else:
            found = catalog_problems(catalogs[code]) + catalog_term_problems(catalogs[code], load_terms(root / code, report.problems), code)
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


