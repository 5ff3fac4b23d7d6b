"""One number per group (review r13, PEMAT 6): no picture draws a range with "maybe" marks. The harm
that studies found at different levels (esketamine and blood pressure) is said as a range in words,
with its comparison group and time, and has no picture (review r15: its picture paired two maximums);
nothing in any writer, the key or the catalogs speaks of a half-filled mark."""

from __future__ import annotations

from html import unescape
from pathlib import Path

import pytest

from recovery_guide.guide_content.folder import load_guide
from recovery_guide.render.html import guide_html
from recovery_guide.render.markdown import guide_markdown
from recovery_guide.render.text import guide_text
from tests.test_icon_arrays import english_problems as problems_in, line_with, write_cocaine_result

BP = "safety-esketamine-blood-pressure"
"""The picture that drew the highest numbers found (19 against 4 in 100): review r15 (PEMAT 6 and 16,
CCI 16) found it paired two maximums that may come from different trials, so step 9 says the ranges in
words instead (content/en/screens/09-side-effects-safety.yaml)."""
HALF = "\u25d2"
"""The half-filled "maybe" mark the pictures used to draw for a range."""
LOCALES = Path(__file__).resolve().parents[1] / "locales"


def safety_words(guide) -> str:
    """Step 9 as a reader of the English gets it: its key points, body and picture captions, on one line."""
    page = guide.page("side-effects-safety")
    return " ".join(" ".join([*page.key_points, page.body, *(result.caption for result in page.results)]).split())


def test_step_9_draws_no_picture_pairing_numbers_that_may_come_from_different_trials(guide):
    """Review r15: "between 8 and 19 in 100 ... between 1 and 4 in 100" drawn as 19 against 4 compared two
    maximums that may come from different trials; our reference gives only the two ranges."""
    page = guide.page("side-effects-safety")
    assert BP not in {result.id for result in page.results}
    assert all("different trials" not in result.caption and "highest numbers" not in result.caption for _page in guide.pages for result in _page.results)
    assert "The picture at the top of this screen" not in page.body, "no text points to a picture that is gone"


def test_step_9_says_the_blood_pressure_numbers_in_words_with_the_placebo_group_and_the_time(guide):
    said = safety_words(guide)
    assert "In the first 90 minutes after a dose, between 8 and 19 in every 100 people on the spray had a big rise in blood pressure." in said
    assert "With a dummy spray (a placebo), between 1 and 4 in every 100 did." in said, "the comparison group, same denominator"
    assert "the top number went up by 40 points or more, or the bottom number by 25 points or more" in said, "what a big rise is"
    assert "staff check your blood pressure before each session" in said and "heart disease" in said, "why staff check it"
    assert "%" not in said and "mmHg" not in said and "1.5 hours" not in said


@pytest.mark.parametrize("writer", [guide_text, guide_markdown, guide_html])
def test_no_writer_draws_or_explains_a_maybe_mark(guide, writer):
    written = unescape(writer(guide))
    assert HALF not in written
    assert "studies found different numbers" not in written and "maybe" not in written.lower()
    assert "between 8 and 19 in every 100" in written and "8 to 19 in 100" not in written


@pytest.mark.parametrize("code", ["en", "es", "fr", "de", "pt_BR", "vi", "zh_Hans"])
def test_no_language_draws_the_blood_pressure_picture(code):
    """A translation that still has the picture is a different screen: the English one is shown until it is updated."""
    shown = load_guide(code)
    assert BP not in {result.id for page in shown.pages for result in page.results}


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
