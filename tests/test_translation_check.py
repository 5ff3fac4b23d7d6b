"""``check`` catches the translation mistakes a medical translator planted (issue 14): numbers swapped
within a sentence, English left in a translation, an avoided term, a contact one digit off, a dropped
paragraph, a screen above its language's reading limit. Each names file, line and field."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from recovery_guide.audit import check_content
from recovery_guide.guide_content.folder import ContentFolder
from recovery_guide.paths import locales_dir
from tests.helpers import line_of, python_prints, replace_once


def found(root: Path) -> list[str]:
    return [str(problem) for problem in check_content(ContentFolder(root)).problems]


def about(problems: list[str], path: Path, line: int, field: str) -> list[str]:
    """The problems at ``path:line: field``."""
    return [problem for problem in problems if problem.startswith(f"{path}:{line}: {field}: ")]


def test_the_packaged_content_passes_the_new_rules(packaged_report):
    assert [str(problem) for problem in packaged_report.problems] == []


def test_two_numbers_swapped_within_a_spanish_sentence(content_copy_of):
    content_copy = content_copy_of("en", "es")  # only what this test changes and asserts
    screen = content_copy / "es" / "screens" / "06-research-opioids.yaml"
    replace_once(screen, "unas 50 de cada 100 personas con 3 sesiones no consumían heroína. Con 1 sesión, unas 22 de cada 100", "unas 22 de cada 100 personas con 3 sesiones no consumían heroína. Con 1 sesión, unas 50 de cada 100")
    problems = about(found(content_copy), screen, line_of(screen, "unas 22 de cada 100 personas con 3 sesiones"), "body")
    assert len(problems) == 1 and "differ from the English" in problems[0] and "50" in problems[0] and "22" in problems[0], problems


def test_an_english_sentence_in_a_spanish_paragraph(content_copy_of):
    content_copy = content_copy_of("en", "es")  # only what this test changes and asserts
    screen = content_copy / "es" / "screens" / "09-side-effects-safety.yaml"
    replace_once(screen, "y eso puede ser mortal.", "and this is not something you need to worry about.")
    problems = about(found(content_copy), screen, line_of(screen, "not something you need"), "body")
    assert len(problems) == 1 and "English left in the translation" in problems[0], problems


def test_an_avoided_term_in_a_chinese_screen(content_copy_of):
    content_copy = content_copy_of("en", "zh_Hans")  # only what this test changes and asserts
    screen = content_copy / "zh_Hans" / "screens" / "03-treatment-course.yaml"
    text = screen.read_text(encoding="utf-8")
    word = "成瘾物质" if "成瘾物质" in text else "酒精"
    replace_once(screen, word, "毒品")
    problems = [problem for problem in found(content_copy) if problem.startswith(f"{screen}:{line_of(screen, '毒品')}: ")]
    assert len(problems) == 1 and 'avoid "毒品"; use "成瘾物质"' in problems[0], problems


def test_an_avoided_term_in_a_catalog(tmp_path, content_copy):
    shutil.copytree(locales_dir(), tmp_path / "locales", ignore=shutil.ignore_patterns("*.mo"))
    catalog = tmp_path / "locales" / "zh_Hans" / "LC_MESSAGES" / "messages.po"
    replace_once(catalog, 'msgstr "到哪里求助"', 'msgstr "毒品问题到哪里求助"')
    problems = about(found(content_copy), catalog, line_of(catalog, "毒品问题"), "msgstr")
    assert len(problems) == 1 and "毒品" in problems[0], problems


def test_a_contact_changed_by_one_digit(content_copy_of):
    content_copy = content_copy_of("en", "es")  # only what this test changes and asserts
    lines = content_copy / "es" / "help-lines.yaml"
    replace_once(lines, 'contact: "1-800-662-4357 (', 'contact: "1-800-662-4358 (')
    problems = about(found(content_copy), lines, line_of(lines, "4358"), "regions[0].lines[2].contact")
    assert len(problems) == 1 and "does not dial the English" in problems[0], problems


def test_english_words_in_a_spanish_contact(content_copy_of):
    content_copy = content_copy_of("en", "es")  # only what this test changes and asserts
    lines = content_copy / "es" / "help-lines.yaml"
    replace_once(lines, '"988 (llamada o mensaje de texto)"', '"Call or text 988"')
    problems = about(found(content_copy), lines, line_of(lines, "Call or text 988"), "regions[0].lines[1].contact")
    assert len(problems) == 1 and "English left in a contact" in problems[0], problems


def test_a_missing_paragraph(content_copy_of):
    content_copy = content_copy_of("en", "es")  # only what this test changes and asserts
    screen = content_copy / "es" / "screens" / "04-how-it-may-work.yaml"
    text = screen.read_text(encoding="utf-8")
    item = next(line for line in text.splitlines(keepends=True) if line.startswith("  - **Nuevas conexiones en el cerebro.**"))
    replace_once(screen, item, "")
    problems = [problem for problem in found(content_copy) if problem.startswith(f"{screen}:") and ": body: " in problem]
    assert len(problems) == 1 and "is missing a paragraph or list item" in problems[0], problems


def test_a_screen_above_its_languages_reading_limit(content_copy_of):
    content_copy = content_copy_of("en", "zh_Hans")  # only what this test changes and asserts
    screen = content_copy / "zh_Hans" / "screens" / "04-how-it-may-work.yaml"
    text = screen.read_text(encoding="utf-8")
    head, body = text.split("\nbody: |\n", 1)
    screen.write_text(head + "\nbody: |\n" + body.replace("。", "，"), encoding="utf-8")  # one endless sentence per paragraph
    problems = [problem for problem in found(content_copy) if problem.startswith(f"{screen}:{line_of(screen, 'body: |')}: body: ")]
    assert len(problems) == 1 and "proxy: characters per sentence" in problems[0] and "above the limit 28" in problems[0], problems


@pytest.mark.slow
def test_check_is_free_of_textual():
    """(Its speed is a budget for benchmarks/, not a timed test: a busy machine failed it.)"""
    assert python_prints("import sys; from recovery_guide.audit import check_content; check_content(); print('textual' in sys.modules)") == "False"


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("unas 66 de cada 100 (1.726 personas)", "es", ["66", "100", "1726"]),
        ("1 726 personnes, 0,5 mg", "fr", ["1726", "0.5"]),
        ("116 123", "fr", ["116", "123"]),
    ],
)
def test_numbers_are_read_the_way_each_language_writes_them(text, language, expected):
    from recovery_guide.guide_content.units import numbers

    english = {"es": ["66", "100", "1726"], "fr": expected}[language]
    assert numbers(text, language, english) == expected
