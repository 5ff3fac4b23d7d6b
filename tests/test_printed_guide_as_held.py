"""The printed guide as a reader holds it (an independent review of ``print --region US``, text and HTML):
headings that make an outline, page breaks that leave no half-blank pages, a picture's legend that says
what is drawn, a contents list before Step 1, page numbers, and the same words in every format.

The browser's side (how Chromium prints it: page numbers in the foot, no half-blank page before a
step) is in ``tests/browser/test_printed_pages.py``.
"""

from __future__ import annotations

import dataclasses
import re
from html import unescape
from html.parser import HTMLParser

import pytest

from recovery_guide import i18n, wording
from recovery_guide.guide_content.folder import load_guide
from recovery_guide.render.html import STYLE, css_string, guide_html, page_footer
from recovery_guide.render.markdown import guide_markdown
from recovery_guide.render.text import guide_text
from recovery_guide.view.blocks import Heading
from recovery_guide.view.pages import guide_view
from tests.helpers import replace_once, without_contents

FORMATS = {"text": guide_text, "markdown": guide_markdown, "html": guide_html}
TAG = re.compile(r"<[^>]+>")


def words(html: str) -> str:
    """The text of some HTML, on one line."""
    return " ".join(unescape(TAG.sub(" ", html)).split())


def html_headings(html: str) -> list[tuple[int, str]]:
    """Every heading of an HTML page, in order: (level, its words)."""
    return [(int(level), words(text)) for level, text in re.findall(r"<h([1-6])[^>]*>(.*?)</h\1>", html, re.S)]


def markdown_headings(markdown: str) -> list[tuple[int, str]]:
    """Every ATX heading outside a fenced block (a drawn box's ``#`` border is not one)."""
    found, fenced = [], False
    for line in markdown.splitlines():
        if line.startswith("```"):
            fenced = not fenced
        elif not fenced and (match := re.match(r"(#{1,6}) (.*)", line)):
            found.append((len(match.group(1)), match.group(2).replace("\\", "")))
    return found


class StepHeadings(HTMLParser):
    """The heading levels inside each step's ``<section class="screen">``, nested sections included."""

    def __init__(self) -> None:
        super().__init__()
        self.steps: dict[str, list[int]] = {}
        self.depth, self.step = 0, None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "section":
            self.depth += 1
            if found.get("class") == "screen":
                self.step = (found["id"], self.depth)
                self.steps[found["id"]] = []
        elif self.step and re.fullmatch(r"h[1-6]", tag):
            self.steps[self.step[0]].append(int(tag[1]))

    def handle_endtag(self, tag: str) -> None:
        if tag == "section":
            if self.step and self.step[1] == self.depth:
                self.step = None
            self.depth -= 1


def step_levels(html: str) -> dict[str, list[int]]:
    parser = StepHeadings()
    parser.feed(html)
    return parser.steps


def assert_an_outline(headings: list[tuple[int, str]], total: int) -> None:
    """One title at level 1, first; never a level skipped going down; each step at level 2 with its
    sections at 3, never a second level-2 heading inside a step."""
    levels = [level for level, _text in headings]
    assert levels[0] == 1 and levels.count(1) == 1
    jumps = [(headings[index], headings[index + 1]) for index in range(len(levels) - 1) if levels[index + 1] > levels[index] + 1]
    assert not jumps, f"a level skipped: {jumps[:3]}"
    starts = [index for index, (level, text) in enumerate(headings) if level == 2 and re.match(r"Step \d+ of \d+: ", text)]
    assert len(starts) == total, "every step is a level-2 heading"
    for start in starts:
        following = headings[start + 1 :]
        section = following[: next((index for index, (level, _text) in enumerate(following) if level <= 2), len(following))]
        assert section and {level for level, _text in section} <= {3, 4, 5, 6}
        assert section[0] == (3, wording.key_points()), "each step opens with its summary, a section of it"
        assert (3, wording.ask_your_provider()) in section


# --- 1. the heading outline -------------------------------------------------------------------------------


@pytest.mark.parametrize("region", ["US", None])
def test_the_html_headings_make_an_outline_steps_over_their_sections(guide, region):
    """Review: steps and their ~100 sections were all ``<h2>``, "In brief" an ``<h3>`` below them."""
    html = guide_html(guide, region)
    assert_an_outline(html_headings(html), len(guide.pages))
    steps = step_levels(html)
    assert list(steps) == [page.id for page in guide.pages]
    for page_id, levels in steps.items():
        assert levels[0] == 2 and levels.count(2) == 1 and 1 not in levels, f"{page_id}: one level-2 heading, its own, first"
    body = {words(block.text) for view in guide_view(guide, region).pages for block in view.blocks if isinstance(block, Heading)}
    third = {text for level, text in html_headings(html) if level == 3}
    assert body and body <= third, "the content's own ## headings are sections of their step"


@pytest.mark.parametrize("region", ["US", None])
def test_the_markdown_headings_make_the_same_outline(guide, region):
    markdown = guide_markdown(guide, region)
    headings = markdown_headings(markdown)
    assert_an_outline(headings, len(guide.pages))
    html = html_headings(guide_html(guide, region))

    def sections(found: list[tuple[int, str]]) -> list[list[str]]:
        steps, current = [], None
        for level, text in found:
            if level == 2:
                current = [] if re.match(r"Step \d+ of \d+: ", text) else None
                steps += [current] if current is not None else []
            elif level == 3 and current is not None:
                current.append(text)
        return steps

    assert sections(headings) == sections(html), "a step's sections are the same in Markdown and HTML"


def test_print_css_sets_a_step_well_above_its_sections():
    sizes = {tag: float(re.search(rf"(?m)^{tag} \{{ font-size: ([\d.]+)em", STYLE).group(1)) for tag in ("h1", "h2", "h3", "h4")}
    assert sizes["h1"] > sizes["h2"] >= 1.3 * sizes["h3"] and sizes["h3"] >= sizes["h4"]


# --- 2. page breaks -----------------------------------------------------------------------------------------


def rules(css: str) -> list[tuple[list[str], str]]:
    """The style sheet's rules, outside ``@media`` wrappers: (selectors, declarations)."""
    return [([selector.strip() for selector in selectors.split(",")], body) for selectors, body in re.findall(r"([^{}@]+)\{([^{}]*)\}", css)]


KEPT_WHOLE = {".main-message", ".danger-now", ".options-chart ul", "nav.contents li", ".worksheet > ul > li", "li.tier", "ol.steps li", ".writing", ".notes-box",
              ".question", ".read", ".region li", "ol.timeline li", ".result", "table.glance tr", ".option-card dd"}
"""Everything printed whole: small units only (a box, a picture, a tier, a question, a card's row)."""


def test_only_small_units_are_kept_whole_on_a_page_and_headings_stay_with_what_follows():
    """Review: ``section.screen { break-inside: avoid }`` pushed each step, some pages long, to a new
    page, leaving half-blank pages behind."""
    whole = {selector for selectors, body in rules(STYLE) if "break-inside: avoid" in body for selector in selectors}
    assert whole == KEPT_WHOLE
    assert not any("screen" in selector for selector in whole)
    with_next = {selector for selectors, body in rules(STYLE) if "break-after: avoid" in body for selector in selectors}
    assert {"h1", "h2", "h3", "h4"} <= with_next


# --- 3. the legend says what is drawn -------------------------------------------------------------------------


def with_weak_good_picture(guide):
    """``guide`` with the alcohol screen's pictures (good outcomes) from a weaker study."""
    page = guide.page("research-alcohol")
    results = tuple(dataclasses.replace(result, caveat="A link, not proof: this cannot show the cause.") for result in page.results)
    pages = tuple(dataclasses.replace(each, results=results) if each.id == page.id else each for each in guide.pages)
    return dataclasses.replace(guide, pages=pages)


@pytest.mark.parametrize("weak_dots", [False, True])
def test_every_weak_pictures_legend_says_how_its_marks_are_drawn(guide, weak_dots):
    """Review: the methadone picture said "grey and striped" over crosses drawn grey only, its stripes
    defined and never used."""
    html = guide_html(with_weak_good_picture(guide) if weak_dots else guide)
    defined = re.findall(r'<pattern id="([^"]+)"', html)
    assert all(f"url(#{name})" in html for name in defined), "no pattern is defined that no mark uses"
    figures = re.findall(r'<figure class="result weak"[^>]*>(.*?)</figure>', html, re.S)
    assert len(figures) == (1 + len(guide.page("research-alcohol").results) if weak_dots else 1)
    for figure in figures:
        legend = words(re.search(r'<p class="legend">(.*?)</p>', figure, re.S).group(1))
        striped = re.findall(r'<circle class="filled"[^>]*fill="url\(#([^)]+)\)"', figure)
        crosses = re.findall(r'<path class="bad"[^>]*stroke="#666" stroke-width="([\d.]+)"', figure)
        if striped:
            assert wording.hatched_marks() in legend and not crosses
            assert set(striped) <= set(re.findall(r'<pattern id="([^"]+)"', figure))
        else:
            assert crosses and all(float(width) < 2.2 for width in crosses), "thin grey crosses (a fair test's are heavy and black)"
            assert wording.thin_grey_crosses() in legend and wording.hatched_marks() not in legend


# --- 4. the contents list ------------------------------------------------------------------------------------


def test_the_contents_come_after_the_opening_and_before_step_one(guide):
    for fmt, render in FORMATS.items():
        written = render(guide, "US")
        contents = written.index(wording.contents())
        for opening in (wording.options_chart(), wording.main_message(), wording.danger_now()):
            assert written.upper().index(opening.upper()) < contents, (fmt, opening)
        assert contents < written.index(wording.step(1, len(guide.pages))), fmt


def contents_lines(written: str) -> list[str]:
    """The contents' entries, one a line, as the text print gives them."""
    part = written[written.index(wording.contents()) :].split("\n\n\n")[0]
    return [line.strip() for line in part.splitlines()[3:]]


def test_the_text_contents_lists_every_step_and_every_part_in_the_order_printed(guide):
    written = guide_text(guide, "US")
    listed = contents_lines(written)
    steps = [f"{number}. {page.title}" for number, page in enumerate(guide.pages, start=1)]
    assert [line for line in listed if re.match(r"\d+\. ", line)] == steps
    parts = [wording.picture_key(), wording.what_matters_to_me(), wording.glossary(), wording.my_questions(), wording.notes_from_visit(), wording.sources_list()]
    assert [line for line in listed if not re.match(r"\d+\. ", line)] == parts
    lines, place = [line.strip(" |") for line in without_contents(written).splitlines()], 0
    for entry in listed:  # each heading found after the one before it: the list's order is the order printed
        number, _, title = entry.partition(". ") if re.match(r"\d+\. ", entry) else ("", "", entry)
        heading = wording.labelled(wording.step(int(number), len(guide.pages)), title) if number else title
        place = lines.index(heading, place + 1)


@pytest.mark.parametrize("code", ["en", "zh_Hans"])
def test_the_text_contents_line_up_the_titles_after_the_numbers(code):
    i18n.set_language(code)  # the fixture in conftest sets English back
    written = guide_text(load_guide(code), "US")
    part = written[written.index(wording.contents()) :].split("\n\n\n")[0]
    rows = part.splitlines()[3:]
    assert rows and all(re.fullmatch(r"[ 1]\d\. \S.*|    \S.*", row) for row in rows), rows


def test_the_html_contents_link_to_every_step_and_part_by_ids_unique_in_the_page(guide):
    html = guide_html(guide, "US")
    ids = re.findall(r'\bid="([^"]+)"', html)
    assert len(ids) == len(set(ids)), "every id once"
    nav = re.search(r'<nav class="contents"[^>]*>(.*?)</nav>', html, re.S).group(1)
    assert words(re.search(r"<h2[^>]*>(.*?)</h2>", nav).group(1)) == wording.contents()
    links = re.findall(r'<li[^>]*><a href="#([^"]+)">(.*?)</a></li>', nav, re.S)
    assert [target for target, _text in links[:2]] == [guide.pages[0].id, guide.pages[1].id], "a step's id is its page id, as it was"
    for target, text in links:
        element = re.search(rf'<(\w+)[^>]*\bid="{re.escape(target)}"[^>]*>(.*?)</\1>', html, re.S)
        assert element, f"#{target} goes nowhere"
        title = words(text).split(". ", 1)[-1]
        heading = words(re.search(r"<h[23][^>]*>(.*?)</h[23]>", element.group(0), re.S).group(1)) if element.group(1) != "h3" else words(element.group(2))
        assert heading.endswith(title), (target, heading, title)
    assert len(links) == len(guide.pages) + 6


@pytest.fixture
def stale_spanish(content_copy_of):
    """Spanish, with its opioids screen stale (one English sentence changed since): printed in English."""
    content = content_copy_of("en", "es")
    replace_once(content / "en" / "screens" / "06-research-opioids.yaml", "fewer people died while in", "fewer people died while they were in")
    return load_guide("es", content)


def test_each_entry_is_in_its_pages_language_and_the_list_in_the_readers(stale_spanish):
    i18n.set_language("es")  # the fixture in conftest sets English back
    stale = stale_spanish.page("research-opioids")
    assert stale.language == "en"
    html = guide_html(stale_spanish, "US")
    text = guide_text(stale_spanish, "US")
    nav = re.search(r'<nav class="contents"[^>]*>(.*?)</nav>', html, re.S).group(1)
    assert "<h2" in nav and wording.contents() == "Índice" and "Índice" in nav
    entry = re.search(rf'<li[^>]*><a href="#{stale.id}">', nav).group(0)
    assert 'lang="en"' in entry and stale.title in words(nav)
    others = re.findall(r"<li([^>]*)>", nav)
    assert sum('lang="en"' in attributes for attributes in others) == sum(page.language == "en" for page in stale_spanish.pages)
    listed = contents_lines(text)
    assert f"6. {stale.title}" in listed and wording.glossary() in listed and wording.glossary() != "Words used in this guide"


# --- 5. page numbers ------------------------------------------------------------------------------------------


def test_the_printed_html_numbers_its_pages_with_the_guides_short_title_in_the_foot(guide):
    html = guide_html(guide, "US")
    style = re.search(r"<style>(.*?)</style>", html, re.S).group(1)
    page_rule = re.search(r"@page \{(.*)\}", style, re.S).group(1)
    assert re.search(r"@bottom-center \{ content: counter\(page\);", page_rule)
    assert re.search(rf"@bottom-left \{{ content: {re.escape(css_string(wording.app_title()))};", page_rule)


def test_a_title_can_never_end_the_css_string_or_the_style_sheet():
    footer = page_footer('Guide "x" \\ </style><script>', "rtl")
    assert "@bottom-right" in footer, "the title at the foot's start, on the right in a right-to-left language"
    string = re.search(r'content: "(.*?)";', footer).group(1)
    assert '"' not in string and "<" not in string and "\\\\" not in string.replace("\\5c ", "")
    assert css_string("Guía de recuperación 恢复指南") == '"Guía de recuperación 恢复指南"'


# --- 6. the same words in every format -------------------------------------------------------------------------


@pytest.mark.parametrize("region", ["US", None])
def test_every_format_says_when_the_phone_numbers_were_checked(guide, region):
    """Review: the HTML left out "Phone numbers last checked ... Numbers can change." after the help lines."""
    said = wording.help_lines_checked(guide.help_lines_checked)
    for fmt, render in FORMATS.items():
        written = render(guide, region)
        flat = words(written) if fmt == "html" else " ".join(written.replace("*", "").split())
        assert flat.count(said) == 1, fmt


def test_the_evidence_squares_keep_together_in_a_font_that_has_them(guide):
    html = guide_html(guide, "US")
    body = html[html.index("<body>") :]
    outside = re.sub(r'<span class="marks">[■□]+</span>', "", body)
    assert not re.search(r"[■□]", outside), "every run of squares in its span"
    rule = re.search(r"\.marks \{([^}]*)\}", STYLE).group(1)
    assert "white-space: nowrap" in rule and "DejaVu Sans" in rule and "Segoe UI Symbol" in rule
    assert "DejaVu Sans" in re.search(r"body \{([^}]*)\}", STYLE).group(1), "the pictures' marks fall back to a font that has them"
