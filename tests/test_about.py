"""The About screen is honest about the guide itself (issue #13): what was checked, who made it, who
paid, how to report a mistake, that no independent clinician has reviewed it yet, and when each
screen was last reviewed and is next due."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest

from recovery_guide import wording
from recovery_guide.model import next_review
from recovery_guide.render.html import guide_html
from recovery_guide.render.markdown import guide_markdown
from recovery_guide.render.text import guide_text
from recovery_guide.view.blocks import ReviewDates
from recovery_guide.view.pages import page_view
from recovery_guide.view.body import plain_texts

SAYS = {
    "what was checked": ["abstract", "not always the full study", "through copies"],
    "who made it": ["open-source project", "AI model"],
    "who paid": ["No one paid", "no funding", "no ads"],
    "how to report a mistake": ["tell the people who gave you this guide"],
    "not reviewed by a clinician": ["No independent doctor", "has reviewed this guide yet"],
}


@pytest.fixture
def about_text(guide) -> str:
    about = guide.page("about")
    return " ".join([*about.key_points, *plain_texts(about.body)])


@pytest.mark.parametrize("topic", SAYS)
def test_about_says_it(about_text, topic):
    missing = [words for words in SAYS[topic] if words not in about_text]
    assert not missing, f"About does not say {topic}: {missing}"


def test_the_not_reviewed_statement_is_a_key_point(guide):
    assert any("No independent" in point and "reviewed" in point for point in guide.page("about").key_points)


def test_next_review_is_12_months_after_the_last():
    assert next_review(date(2026, 11, 27)) == date(2027, 11, 27)
    assert next_review(date(2028, 2, 29)) == date(2029, 2, 28)


def test_about_lists_every_screen_with_a_later_next_review(guide):
    blocks = [block for block in page_view(guide, guide.page("about")).blocks if isinstance(block, ReviewDates)]
    assert len(blocks) == 1
    listed = blocks[0].screens
    assert [title for title, _reviewed, _due in listed] == [page.title for page in guide.pages]
    for (title, reviewed, due), page in zip(listed, guide.pages):
        assert reviewed == page.reviewed and due == page.next_review and due > reviewed, title


def _about_part(out: str) -> str:
    return " ".join(out[out.index(wording.review_dates()) :].replace("&#x27;", "'").split())


@pytest.mark.parametrize("write", [guide_text, guide_markdown, guide_html], ids=["text", "markdown", "html"])
def test_every_writer_says_shared_review_dates_in_one_line(guide, write):
    """Every screen checked on one day: one line, not a list of 14 (review r7, PEMAT item 2)."""
    page = guide.pages[0]
    guide = dataclasses.replace(guide, pages=tuple(dataclasses.replace(screen, reviewed=page.reviewed) for screen in guide.pages))
    assert {(screen.reviewed, screen.next_review) for screen in guide.pages} == {(page.reviewed, page.next_review)}
    about = _about_part(write(guide))
    assert wording.all_reviewed(page.reviewed, page.next_review) in about
    assert wording.review_due(page.title, page.reviewed, page.next_review) not in about


@pytest.mark.parametrize("write", [guide_text, guide_markdown, guide_html], ids=["text", "markdown", "html"])
def test_every_writer_lists_each_screen_when_review_dates_differ(guide, write):
    """No day shared by most screens: each screen on its own line, and no line for "every screen"."""
    pages = [dataclasses.replace(page, reviewed=date(2026, 6, 1 + number % 2)) for number, page in enumerate(guide.pages)]
    guide = dataclasses.replace(guide, pages=tuple(pages))
    about = _about_part(write(guide))
    for page in guide.pages:
        assert wording.review_due(page.title, page.reviewed, page.next_review) in about, page.id
    for page in guide.pages[:2]:
        assert wording.all_reviewed(page.reviewed, page.next_review) not in about
        assert wording.all_reviewed(page.reviewed, page.next_review, others=True) not in about


@pytest.mark.parametrize("write", [guide_text, guide_markdown, guide_html], ids=["text", "markdown", "html"])
def test_screens_re_read_on_another_day_are_listed_and_the_rest_said_once(guide, write):
    """Two screens re-read a day later must not turn one line into a list of 14 (PEMAT item 2):
    the two are listed with their dates, every other screen is one line."""
    usual = date(2026, 11, 27)
    pages = [dataclasses.replace(page, reviewed=usual) for page in guide.pages]
    pages[8] = dataclasses.replace(pages[8], reviewed=date(2026, 11, 28))
    pages[9] = dataclasses.replace(pages[9], reviewed=date(2026, 11, 28))
    guide = dataclasses.replace(guide, pages=tuple(pages))
    about = _about_part(write(guide))
    listed = [page for page in guide.pages if wording.review_due(page.title, page.reviewed, page.next_review) in about]
    assert listed == [guide.pages[8], guide.pages[9]]
    assert wording.all_reviewed(usual, guide.pages[0].next_review, others=True) in about
    assert wording.all_reviewed(usual, guide.pages[0].next_review) not in about


