"""Paper says a thing once (review r13, PEMAT item 2 "No distracting information"): the "Comparing the
options" section of the four research screens and the urgency tiers printed twice are printed in full
once, with a one-line pointer where they came again. The app keeps them on every screen, since a reader
opens any screen alone."""

from __future__ import annotations

import html
import re

import pytest

from recovery_guide import i18n, wording
from recovery_guide.guide_content.folder import load_guide
from recovery_guide.model import PageKind
from recovery_guide.render.html import guide_html
from recovery_guide.render.markdown import guide_markdown
from recovery_guide.render.text import guide_text
from recovery_guide.view.blocks import Heading, Paragraph, UrgencyTiers
from recovery_guide.view.pages import page_view
from recovery_guide.view.paper import said_once

FORMATS = {"text": guide_text, "markdown": guide_markdown, "html": guide_html}
COMPARING = "Comparing the options"
BORDER = re.compile(r"[-=#~]*")
"""A heading's underline or a box's top or bottom edge in text and Markdown."""


def flat(written: str) -> str:
    """The printed words on one line each way: HTML tags and entities, Markdown escapes and line breaks gone."""
    lines = (line.strip().strip("#=").strip() for line in html.unescape(re.sub(r"<[^>]+>", " ", written)).replace("\\", "").splitlines())
    return " ".join(" ".join(line for line in lines if not BORDER.fullmatch(line)).split())


def comparing_pages(guide) -> list:
    """The research screens whose body has the "Comparing the options" section, in reading order."""
    return [page for page in guide.pages if f"## {COMPARING}\n" in page.body]


def comparing_words(guide) -> str:
    """The section's paragraph as the content writes it (the same on every research screen)."""
    body = comparing_pages(guide)[0].body
    return " ".join(body.split(f"## {COMPARING}\n", 1)[1].split("\n\n", 1)[0].split())


def step_parts(guide, written: str) -> dict[str, str]:
    """Each page's printed words by page id, from its "Step N of M" heading to the next one."""
    starts = [written.index(wording.step(number, len(guide.pages)) + ":") for number in range(1, len(guide.pages) + 1)]
    ends = [*starts[1:], len(written)]
    return {page.id: written[start:end] for page, start, end in zip(guide.pages, starts, ends)}


@pytest.mark.parametrize("fmt", FORMATS)
def test_comparing_the_options_is_printed_once_with_a_pointer_on_the_later_research_screens(guide, fmt):
    pages = comparing_pages(guide)
    assert len(pages) == 4
    written = flat(FORMATS[fmt](guide, "US"))
    words = comparing_words(guide)
    assert written.count(words) == 1, "the paragraph is printed in full once"
    parts = {page_id: flat(part) for page_id, part in step_parts(guide, FORMATS[fmt](guide, "US")).items()}
    first = pages[0]
    assert words in parts[first.id]
    pointer = wording.said_on_page(guide.index_of(first.id) + 1, first.title)
    for page in pages[1:]:
        assert f"{COMPARING} {pointer}" in parts[page.id], f"{page.id}: no pointer under the section's heading"


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_urgency_tiers_are_printed_once_on_get_help_now_with_a_pointer_on_the_safety_screen(guide, fmt):
    """Get help now is where paper sends a reader in danger, so the tiers are printed there, and the
    safety screen, whose content holds them, points ahead to it."""
    holder = guide.tiers_page
    help_now = next(page for page in guide.pages if page.kind is PageKind.HELP_NOW)
    written = FORMATS[fmt](guide, "US")
    parts = {page_id: flat(part) for page_id, part in step_parts(guide, written).items()}
    for tier in holder.urgency_tiers:
        assert flat(written).count(tier.heading) == 1, tier.heading
        assert tier.heading in parts[help_now.id]
        for sign in tier.signs:
            assert sign in parts[help_now.id]
    pointer = wording.tiers_on_page(guide.index_of(help_now.id) + 1, help_now.title)
    assert pointer in parts[holder.id]
    assert holder.urgency_tiers[0].heading not in parts[holder.id]


def test_never_on_your_own_stays_in_full_on_the_screens_the_issue_names(guide):
    """The rule must never point away from the warning (issue 13): each screen prints its own words."""
    parts = {page_id: flat(part) for page_id, part in step_parts(guide, guide_text(guide, "US")).items()}
    for page_id in ("ketamine-basics", "research-cocaine", guide.tiers_page.id):
        section = guide.page(page_id).body.split("## Never on your own\n", 1)[1].split("\n\n", 1)[0]
        assert " ".join(section.split()) in parts[page_id], page_id


def test_a_short_repeated_section_stays_as_it_is():
    """A section of one short line, repeated on two pages, is shorter than a pointer would make it worth
    (the guide's one such section, "What ketamine is", has since left the research screens)."""
    short = (Heading(2, "What ketamine is"), Paragraph(("Ketamine is a medicine used for surgery. Step 2 says more about it.",)))
    longer = (Heading(2, "Comparing"), Paragraph(("word " * 60,)))
    pages = [short + longer, short + longer]
    printed = said_once(pages, lambda home, part, _on: (part[0], Paragraph((f"See step {home + 1}.",))))
    assert printed[1][:2] == short, "the short section stays in full"
    assert printed[1][2:] == (longer[0], Paragraph(("See step 1.",))), "the longer one becomes a pointer"


def test_the_app_keeps_comparing_the_options_and_the_tiers_on_every_screen(guide):
    """The app's view (``page_view`` without ``paper``) keeps every block: a reader can open any screen alone."""
    for page in comparing_pages(guide):
        blocks = page_view(guide, page).blocks
        index = next(index for index, block in enumerate(blocks) if isinstance(block, Heading) and block.text == COMPARING)
        assert isinstance(blocks[index + 1], Paragraph) and blocks[index + 1].text == comparing_words(guide), page.id
    for page in (guide.tiers_page, next(page for page in guide.pages if page.kind is PageKind.HELP_NOW)):
        assert any(isinstance(block, UrgencyTiers) for block in page_view(guide, page).blocks), page.id


def test_a_translation_points_in_its_own_language():
    """The pointer comes from the catalog, so a Spanish guide points in Spanish (the language is reset after each test)."""
    i18n.set_language("es")
    guide = load_guide("es")
    first = comparing_pages(load_guide("en"))[0]
    pointer = wording.said_on_page(guide.index_of(first.id) + 1, guide.page(first.id).title)
    assert pointer.startswith("Vea esta parte") and flat(guide_text(guide, "US")).count(pointer) == 3
