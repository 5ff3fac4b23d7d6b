"""The reader's emergency and crisis numbers on the first page of paper (two independent reviews of
``print --region US``: the first screen only pointed to step 13, some 2,000 lines on).

With the region known, ``print`` (text, Markdown, HTML) and the handout give its emergency and crisis
lines right after the main message (the handout: after its opening lines), each as the content writes
it in the reader's language, its number never changed, then one line saying where the other lines
are. With the region unknown, the first page keeps saying where the help lines are, once.
"""

from __future__ import annotations

import dataclasses
import html
import re

import pytest

from recovery_guide import i18n, wording
from recovery_guide.guide_content.folder import load_guide
from recovery_guide.model import PageKind, Urgency
from recovery_guide.my_questions import MyQuestions
from recovery_guide.render.handout import handout_html, handout_text
from recovery_guide.render.html import guide_html
from recovery_guide.render.markdown import guide_markdown
from recovery_guide.render.text import guide_text
from recovery_guide.view.handout import build_handout

PRINTS = {"text": guide_text, "markdown": guide_markdown, "html": guide_html}
HANDOUTS = {"text": handout_text, "html": handout_html}


def flat(text: str) -> str:
    """``text`` on one line: HTML tags and entities, Markdown's bold and quote marks and the box's
    ``#`` and ``=`` borders undone, runs of spaces made one."""
    text = re.sub(r"(?s)<head>.*?</head>", "", text)
    text = re.sub(r"</?(?:p|li|ul|ol|h\d|section|div|br|figure|table|tr|td|th)\b[^>]*>", " ", text)  # a block ends a word
    text = html.unescape(re.sub(r"<[^>]+>", "", text)).replace("**", "")
    text = re.sub(r"(?m)^(> ?|[#=] )|( [#=])$", " ", text)
    return " ".join(text.split())


def first_page(written: str, guide, step: int = 1) -> str:
    """What ``print`` writes before step ``step`` (before the first: under the title), on one line."""
    text = flat(written)
    return text[: text.index(wording.step(step, len(guide.pages)))]


def at(text: str, words: str, start: int = 0) -> int:
    """Where ``words`` are in ``text``, in any case (the text print writes the box's heading in capitals)."""
    return text.casefold().index(words.casefold(), start)


def urgent(guide, code: str):
    region = guide.region(code)
    return [line for line in region.lines if line.urgency in (Urgency.EMERGENCY, Urgency.CRISIS)]


def help_now(guide):
    page = guide.first_of_kind(PageKind.HELP_NOW)
    return guide.index_of(page.id) + 1, page.title


@pytest.mark.parametrize("fmt", PRINTS)
def test_a_us_print_gives_911_and_988_before_step_1(guide, fmt):
    written = PRINTS[fmt](guide, "US")
    top = first_page(written, guide)
    message = top.index(guide.first_of_kind(PageKind.WELCOME).main_message)
    block = at(top, wording.danger_now(), message)
    assert block < top.index(wording.options_chart()), "right after the main message, before the chart"
    for line in urgent(guide, "US"):
        assert wording.labelled(line.name, wording.contact_and_about(line.contact, line.about)) in top[block:]
    assert "911" in top and "988 (call or text)" in top
    assert "1-800-662-4357" not in top, "the emergency and crisis lines only: the helplines stay in step 13"
    assert wording.other_help_lines_on_page(*help_now(guide)) in top
    assert 'Other help lines are in step 13, "Get help now".' in top


@pytest.mark.parametrize("fmt", PRINTS)
def test_a_gb_print_gives_999_and_116_123_before_step_1(guide, fmt):
    top = first_page(PRINTS[fmt](guide, "GB"), guide)
    assert "999" in top and "116 123" in top
    assert "111, then option 2. Mental health crisis help, day and night, in England." in top, "a number with the words that say where it works"
    assert "0300 123 6600" not in top


def test_a_german_print_for_germany_gives_germanys_numbers_in_german(guide):
    """The names and words from the German content, the numbers as dialled (the English's digits)."""
    german = load_guide("de")
    i18n.set_language("de")
    try:
        written = guide_text(german, "DE")
        step_1 = wording.step(1, len(german.pages))
        title = german.first_of_kind(PageKind.HELP_NOW).title
    finally:
        i18n.set_language("en")
    text = flat(written)
    top = text[: text.index(step_1)]
    lines = urgent(german, "DE")
    digits = lambda lines: [re.findall(r"\d+", line.contact) for line in lines]  # noqa: E731
    assert digits(lines) == digits(urgent(guide, "DE")), "the numbers as dialled"
    for line in lines:
        assert f"{line.name}: {line.contact}. {line.about}" in top
    assert "Notruf: 112." in top and title == "Jetzt Hilfe holen"
    assert re.search(rf"[„\"]{re.escape(title)}[“\"]", top), "the pointer to step 13 names it in the catalog's quotes"


@pytest.mark.parametrize("fmt", PRINTS)
def test_with_the_region_unknown_the_first_page_says_where_the_help_lines_are_once(guide, fmt):
    """Today's first page: nothing new under the title, and step 1's "Help lines are on the "Get help
    now" page (step 13). If your life is at risk, call your local emergency number now." said once."""
    for region in (None, "ZZ"):  # unknown, or not listed
        written = PRINTS[fmt](guide, region)
        assert wording.danger_now().casefold() not in first_page(written, guide).casefold()
        step_1 = first_page(written, guide, step=2)
        assert step_1.count(wording.help_lines_on_page(*help_now(guide))) == 1, "the welcome page's own line, not a second"
        assert wording.no_local_emergency_number() not in step_1


def without_help_pointer(guide):
    """``guide`` with a welcome page that never says where the help lines are."""
    welcome = guide.first_of_kind(PageKind.WELCOME)
    body = re.sub(r"## If you are in danger now\n.*?\n\n", "", welcome.body, flags=re.S)
    points = tuple(point for point in welcome.key_points if "press h" not in point)
    assert body != welcome.body and points != welcome.key_points
    changed = dataclasses.replace(welcome, body=body, key_points=points)
    return dataclasses.replace(guide, pages=tuple(changed if page.id == welcome.id else page for page in guide.pages))


@pytest.mark.parametrize("fmt", PRINTS)
def test_with_the_region_unknown_and_no_pointer_on_the_first_page_the_top_says_it(guide, fmt):
    changed = without_help_pointer(guide)
    written = PRINTS[fmt](changed)
    top = first_page(written, changed)
    said = wording.two_sentences(wording.no_local_emergency_number(), wording.help_lines_on_page(*help_now(changed)))
    assert top.count(said) == 1 and at(top, wording.danger_now()) < top.index(said)
    assert "911" not in top, "no country's number is guessed"
    assert first_page(written, changed, step=2).count(wording.help_lines_on_page(*help_now(changed))) == 1, "said once"


@pytest.mark.parametrize("fmt", HANDOUTS)
def test_the_handout_gives_the_readers_numbers_before_anything_else(guide, fmt):
    written = flat(HANDOUTS[fmt](build_handout(guide, MyQuestions(), "US")))
    start = at(written, wording.danger_now())
    assert start < written.index(wording.my_questions(), start) < written.rindex(wording.help_lines_heading())
    assert start < written.index(wording.appointment_framing()) + 200, "right under the handout's opening lines"
    top = written[start : written.index(wording.my_questions(), start)]
    assert "Emergency services: 911." in top and "988 (call or text)" in top and "1-800-662-4357" not in top
    assert wording.other_help_lines_below(wording.help_lines_heading()) in top


@pytest.mark.parametrize("fmt", HANDOUTS)
def test_a_handout_without_a_region_says_to_call_the_local_number_first(guide, fmt):
    written = flat(HANDOUTS[fmt](build_handout(guide, MyQuestions(), None)))
    start = at(written, wording.danger_now())
    top = written[start : written.index(wording.my_questions(), start)]
    assert wording.no_local_emergency_number() in top and wording.every_region_below(wording.help_lines_heading()) in top
    assert "911" not in top
