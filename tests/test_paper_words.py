"""What the printed guide says must make sense on paper, and every number it lists must show its
sources (an independent review of the printed English guide, round 10):

- "In the app, make your handout and print it" (step 12) and "Your answers go on your handout" (What
  matters to me) were app steps printed on paper, where the reader ticks on the page and takes it along;
- the heading "What matters to me" was printed twice (the worksheet, then ruled lines after the sources);
- the emergency and crisis numbers for other countries had no source tags, while the reader's own
  country said "Sources: [..]".

Each rule is written once in the view, so text, Markdown and HTML are checked alike.
"""

from __future__ import annotations

import re
from html import unescape

import pytest

from recovery_guide.render.html import guide_html
from recovery_guide.render.markdown import guide_markdown
from recovery_guide.render.text import guide_text
from recovery_guide.view.blocks import Paragraph, BulletList
from recovery_guide.view.pages import page_view, source_numbers

WRITERS = {"text": guide_text, "markdown": guide_markdown, "html": guide_html}


def printed(guide, writer: str, region: str | None = "US") -> str:
    """The whole printed guide as one line of plain words (no Markdown escapes, no HTML entities)."""
    return " ".join(unescape(WRITERS[writer](guide, region)).replace("\\", "").split())


@pytest.mark.parametrize("writer", WRITERS)
def test_print_gives_no_app_steps_for_the_handout(guide, writer):
    text = printed(guide, writer)
    for app_only in ("In the app", "press x", "Your answers go on your handout"):
        assert app_only not in text, app_only
    assert "Take this page to your visit, and talk about your answers with your provider." in text


def test_the_app_still_says_how_to_make_the_handout(guide):
    """The app keeps its own step: only paper loses it."""
    view = page_view(guide, guide.page("is-it-right"))
    words = " ".join(item.text for block in view.blocks if isinstance(block, BulletList) for item in block.items)
    words += " ".join(line for block in view.blocks if isinstance(block, Paragraph) for line in block.lines)
    assert "In the app, press x to make your handout" in words
    assert "Your answers go on your handout" in guide.values.intro


@pytest.mark.parametrize("writer", WRITERS)
def test_what_matters_to_me_is_a_heading_once_in_print(guide, writer):
    written = WRITERS[writer](guide, "US")
    headings = {
        "text": re.findall(r"^What matters to me\n[=-]+$", written, re.M),
        "markdown": re.findall(r"^#+ What matters to me$", written, re.M),
        "html": re.findall(r"<h[1-6][^>]*>What matters to me</h[1-6]>", written),
    }[writer]
    assert len(headings) == 1, headings


@pytest.mark.parametrize("writer", ["text", "markdown"])
def test_other_countries_numbers_show_their_sources(guide, writer):
    """With the reader's country unknown every country is given in full, and each must say which
    sources of the list its numbers rest on (with it known only that country prints: review r15)."""
    text = printed(guide, writer, None)
    numbers = source_numbers(guide)
    start = text.index("If a life is in danger, call your local emergency number.")
    listing = text[start : text.index("Phone numbers last checked", start)]
    others = sorted((region for region in guide.regions if region.code != "US"), key=lambda region: listing.index(f"{region.name} ({region.code})"))
    assert others
    for region, following in zip(others, [*others[1:], None]):
        entry = listing[listing.index(f"{region.name} ({region.code})") : listing.index(f"{following.name} ({following.code})") if following else None]
        expected = ", ".join(f"[{number}]" for number in dict.fromkeys(numbers[line.source_id] for line in region.lines))
        assert f"Sources: {expected}" in entry.replace("\\", ""), entry


def test_every_country_in_the_html_print_shows_its_sources(guide):
    html = guide_html(guide, None)  # the country unknown: every country
    sections = re.findall(r'<section class="region">(.*?)</section>', html, re.S)
    assert len(sections) == len(guide.regions)
    assert all(re.search(r'<p class="meta">Sources: \[\d+\]', section) for section in sections)
