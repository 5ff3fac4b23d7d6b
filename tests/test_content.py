"""The English content meets the product's rules: scope, order, honesty, sources and reading level."""

from __future__ import annotations

import re

import pytest

from recovery_guide import readability
from recovery_guide.model import PageKind, Urgency

EXPECTED_ORDER = [
    "welcome",
    "ketamine-basics",
    "treatment-course",
    "how-it-may-work",
    "research-alcohol",
    "research-opioids",
    "research-cocaine",
    "research-cannabis",
    "side-effects-safety",
    "therapy",
    "other-treatments",
    "is-it-right",
    "get-help-now",
    "about",
]
RESEARCH_SCREENS = [screen for screen in EXPECTED_ORDER if screen.startswith("research-")]


def test_screens_cover_the_required_topics_in_order(guide):
    assert [screen.id for screen in guide.pages] == EXPECTED_ORDER


def test_every_screen_has_the_required_parts(guide):
    for screen in guide.pages:
        assert screen.title and screen.body, screen.id
        assert 1 <= len(screen.key_points) <= 5, screen.id
        assert screen.source_ids, f"{screen.id} cites no source"
        assert screen.reviewed.year >= 2026, screen.id


def test_every_reading_screen_has_questions_for_the_provider(guide):
    for screen in guide.pages:
        assert screen.questions, f"{screen.id} has no 'Ask your provider' questions"


def test_research_screens_carry_an_evidence_label(guide):
    for screen_id in RESEARCH_SCREENS:
        assert guide.page(screen_id).evidence, screen_id


def test_ids_are_unique_across_the_guide(guide):
    question_ids = [question.id for screen in guide.pages for question in screen.questions]
    assert len(question_ids) == len(set(question_ids))
    assert len({term.id for term in guide.glossary}) == len(guide.glossary)


def test_every_cited_source_exists_and_every_source_is_cited(guide):
    cited = {source_id for screen in guide.pages for source_id in screen.source_ids}
    cited |= {line.source_id for region in guide.regions for line in region.lines}
    cited |= {source_id for screen in guide.pages for option in screen.options for source_id in option.source_ids}
    cited |= set(guide.values.source_ids)
    assert cited <= set(guide.sources)
    assert set(guide.sources) - cited == set(), "sources listed but never cited"


def test_sources_have_full_citations(guide):
    for source in guide.sources.values():
        assert len(source.citation) > 20, source.id
        assert source.url is None or source.url.startswith("https://"), source.id


def test_welcome_asks_for_acknowledgement(guide):
    welcome = guide.pages[0]
    assert welcome.kind is PageKind.WELCOME
    assert "not medical advice" in welcome.acknowledge.lower()


def test_ketamine_is_said_to_be_not_approved_for_substance_use(guide):
    for screen_id in ["ketamine-basics", *RESEARCH_SCREENS]:
        screen = guide.page(screen_id)
        text = " ".join([screen.body, *screen.key_points]).lower()
        assert "not approved" in text, screen_id


def test_approved_treatments_are_named(guide):
    text = guide.page("other-treatments").body.lower()
    for medicine in ["acamprosate", "disulfiram", "naltrexone", "buprenorphine", "methadone"]:
        assert medicine in text


def test_no_doses_anywhere(guide):
    dose = re.compile(r"\b\d+(\.\d+)?\s*(mg|milligrams?|ml|mcg)\b|mg/kg", re.I)
    for screen in guide.pages:
        for text in [screen.body, *screen.key_points, *(q.text for q in screen.questions)]:
            assert not dose.search(text), f"{screen.id}: {text[:60]}"


def test_no_characters_that_break_wide_terminals(guide):
    """Curly quotes and the ellipsis are 'ambiguous width' and break CJK layouts (see docs/content.md)."""
    for screen in guide.pages:
        assert not re.search("[\u2018\u2019\u201c\u201d\u2026]", screen.body + "".join(screen.key_points)), screen.id


def test_help_lines_cover_us_uk_and_canada(guide):
    contacts = {region.code: " ".join(line.contact for line in region.lines) for region in guide.regions}
    assert "988" in contacts["US"]
    assert "116 123" in contacts["GB"]
    assert "9-8-8" in contacts["CA"]
    assert guide.region("US").lines[0].urgency is Urgency.EMERGENCY


def test_language_version_says_how_it_was_made(guide):
    assert guide.language.produced and guide.language.review_status
    assert "not yet been reviewed" in guide.language.review_status


# Reading level: the same measure as `recovery-guide check` (key points and body; see readability.py).


@pytest.mark.parametrize("screen_id", EXPECTED_ORDER)
def test_each_screen_reads_at_grade_8_or_below(guide, screen_id):
    screen = guide.page(screen_id)
    grade = readability.grade(readability.page_text(screen))
    assert grade <= readability.ENGLISH_SCREEN_LIMIT, f"{screen_id} reads at grade {grade:.1f}"


def test_the_guide_as_a_whole_reads_near_grade_6(guide):
    whole = "\n".join(readability.page_text(screen) for screen in guide.pages)
    grade = readability.grade(whole)
    assert grade <= readability.ENGLISH_GUIDE_LIMIT, f"the guide reads at grade {grade:.1f}"
