"""The About screen is honest about the guide itself (issue #13): what was checked, who made it, who
paid, how to report a mistake, that no independent clinician has reviewed it yet, and when each
screen was last reviewed and is next due."""

from __future__ import annotations

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


@pytest.mark.parametrize("write", [guide_text, guide_markdown, guide_html], ids=["text", "markdown", "html"])
def test_every_writer_shows_both_dates_for_every_screen(guide, write):
    out = write(guide)
    assert wording.review_dates() in out
    about = out[out.index(wording.review_dates()) :]
    for page in guide.pages:
        row = wording.review_due(page.title, page.reviewed, page.next_review)
        assert row.replace("'", "&#x27;") in about or row in " ".join(about.split()), page.id
