"""One number per group (review r13, PEMAT 6): no picture draws a range with "maybe" marks. The harm
that studies found at different levels (esketamine and blood pressure) draws the highest number found
and says the range in words; nothing in any writer, the key or the catalogs speaks of a half-filled mark."""

from __future__ import annotations

from html import unescape
from pathlib import Path

import pytest

from recovery_guide.guide_content.folder import load_guide
from recovery_guide.model import OutcomeKind
from recovery_guide.render.html import guide_html
from recovery_guide.render.markdown import guide_markdown
from recovery_guide.render.text import guide_text
from tests.test_icon_arrays import english_problems as problems_in, line_with, write_cocaine_result

BP = "safety-esketamine-blood-pressure"
HALF = "\u25d2"
"""The half-filled "maybe" mark the pictures used to draw for a range."""
LOCALES = Path(__file__).resolve().parents[1] / "locales"


def bp_result(guide):
    return next(result for page in guide.pages for result in page.results if result.id == BP)


def test_the_blood_pressure_picture_draws_the_highest_numbers_and_says_the_range_in_words(guide):
    result = bp_result(guide)
    assert [group.count for group in result.groups] == [19, 4]
    assert result.outcome_is is OutcomeKind.BAD
    caption = result.caption
    assert "between 8 and 19 in 100" in caption and "between 1 and 4 in 100" in caption
    assert "The picture shows the highest numbers found, which may come from different trials." in caption
    assert "the top number went up by 40 points or more, or the bottom number by 25 points or more" in caption, "the definition of a big rise stays"
    assert "staff check blood pressure" in caption and "heart" in caption, "why it matters, in plain words"
    assert "%" not in caption and "mmHg" not in caption and "mg" not in caption.split()


@pytest.mark.parametrize("writer", [guide_text, guide_markdown, guide_html])
def test_no_writer_draws_or_explains_a_maybe_mark(guide, writer):
    written = unescape(writer(guide))
    assert HALF not in written
    assert "studies found different numbers" not in written and "maybe" not in written.lower()
    assert "19 in 100" in written and "8 to 19 in 100" not in written


@pytest.mark.parametrize("code", ["en", "es", "fr", "de", "pt_BR", "vi", "zh_Hans"])
def test_every_language_loads_one_number_per_group_on_the_safety_screen(code):
    shown = load_guide(code)
    result = bp_result(shown)
    assert [group.count for group in result.groups] == [19, 4]
    assert not hasattr(result.groups[0], "high")


@pytest.mark.parametrize("code", ["es", "fr", "de", "pt_BR", "vi", "zh_Hans"])
def test_the_catalogs_no_longer_carry_the_range_strings(code):
    text = (LOCALES / code / "LC_MESSAGES" / "messages.po").read_text(encoding="utf-8")
    assert "{range}" not in text and "{low} to {high}" not in text
    assert "{range}" not in (LOCALES / "messages.pot").read_text(encoding="utf-8")


def test_a_range_in_content_is_refused_with_file_line_and_field(content_copy):
    path = write_cocaine_result(content_copy, "About 8 in 100 did. Otherwise about 1 in 100 did.", "low: 8\n        high: 19", "count: 1")
    problem = next(problem for problem in problems_in(content_copy, path) if problem.field == "results[0].groups[0].count")
    assert "required" in problem.message and "\n" not in str(problem)
    assert problem.line == line_with(path, "Had ketamine"), "the group's line, where its count is missing"


def test_a_leftover_high_beside_a_count_is_named_as_unknown(content_copy):
    from recovery_guide.audit import check_content
    from recovery_guide.guide_content.folder import ContentFolder

    path = write_cocaine_result(content_copy, "About 8 in 100 did. Otherwise about 1 in 100 did.", "count: 8\n        high: 19", "count: 1")
    warnings = [warning for warning in check_content(ContentFolder(content_copy)).warnings if str(path) in warning]
    assert warnings == [f"{path}:{line_with(path, 'high: 19')}: results[0].groups[0].high: unknown field (ignored)"]
