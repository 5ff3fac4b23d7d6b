"""``print`` is for paper and screen readers, not the app (PEMAT 2 review of issue 13).

An independent review of ``recovery-guide print`` found key instructions ("How to move around",
"press h") on paper, the language note printed twice, and long "Checked against" trails between the
help-line numbers. Print now drops app instructions by the handout's rule, says the language note
once, and closes each region with one short line: when its numbers were checked, against which
numbered sources.
"""

from __future__ import annotations

import functools
import html
import re

import pytest

from recovery_guide import i18n, wording
from recovery_guide.guide_content.folder import load_guide
from recovery_guide.render.html import guide_html
from recovery_guide.render.markdown import guide_markdown
from recovery_guide.render.text import guide_text
from tests.helpers import without_contents

FORMATS = {"text": guide_text, "markdown": guide_markdown, "html": guide_html}
KEY_INSTRUCTIONS = {
    "en": re.compile(r"\b[Pp]ress(?:ing)?\s+\**[a-z?](?![\w-])\**|arrow keys|How to move around"),
    "zh_Hans": re.compile(r"按\s*\**[a-z?](?![\w-])|方向键|如何使用"),
}
"""What a key instruction looks like in each language tested (written here, not taken from the rule)."""
TAG = re.compile(r"<[^>]+>")


@functools.cache
def written(code: str, fmt: str, region: str | None = None, contents: bool = True) -> str:
    """The whole guide as ``print`` writes it in ``fmt`` for a reader in ``region`` (by default unknown:
every region in full), as plain words on one line; without ``contents``, without the contents list
(which names every step). Written once per language and format: the tests only read it."""
    i18n.set_language(code)
    try:
        out = FORMATS[fmt](load_guide(code), region)
        out = out if contents else without_contents(out)
    finally:
        i18n.set_language("en")
    if fmt == "html":
        out = html.unescape(TAG.sub("", out))
    elif fmt == "markdown":
        out = out.replace("\\", "")
    return " ".join(out.split())


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("code", KEY_INSTRUCTIONS)
def test_print_names_no_key_of_the_app(code, fmt):
    found = KEY_INSTRUCTIONS[code].findall(written(code, fmt))
    assert not found, f"{code} {fmt}: app instructions on paper: {found}"


@pytest.mark.parametrize("fmt", FORMATS)
def test_print_keeps_what_a_phone_line_asks_and_what_is_left_of_a_trimmed_sentence(fmt):
    """Only the app's keys go: a help line's own menu stays, and so does the rest of a sentence."""
    text = written("en", fmt)
    assert "Press 2 for Spanish" in text
    assert "If your life is at risk, call your local emergency number now." in text
    assert "Know when to get help." in text


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("code", ["en", "zh_Hans"])
def test_the_language_note_is_printed_once(code, fmt):
    guide = load_guide(code)
    assert "".join(written(code, fmt).split()).count("".join(guide.language.produced.split())) == 1


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("code", ["en", "zh_Hans"])
def test_the_language_note_is_under_the_welcome_text_not_before_step_one(code, fmt):
    """Review r11 (CCI 10, PEMAT 2): nothing stands between the main message and Step 1 (but the
    contents list of the steps); how the guide (or a translation) was made is still said on the page
    every reader starts on, under its text."""
    guide = load_guide(code)
    text = "".join(written(code, fmt, contents=False).split())
    note = "".join(guide.language.produced.split())
    welcome, step_two = guide.pages[0], guide.pages[1]
    assert text.index("".join(welcome.title.split())) < text.index(note) < text.index("".join(step_two.title.split()))
    printed = [line for line in ("".join(line.lstrip("-# ").split()) for line in welcome.body.splitlines()) if line and line in text]
    assert text.index(note) > text.index(printed[-1]), "after the welcome text"
    assert text.index(note) < text.index("".join(welcome.questions[0].text.split())), "before its questions"


@pytest.mark.parametrize("fmt", FORMATS)
def test_paper_leaves_out_the_apps_own_privacy_text_and_the_app_keeps_it(fmt):
    """Review r11 (PEMAT 2): "This guide works without the internet. It saves nothing unless you ask it
    to." is about the app and makes no sense printed (welcome and About)."""
    from recovery_guide.render.text import TextWriter
    from recovery_guide.view.pages import page_view

    guide = load_guide("en")
    assert "works without the internet" not in written("en", fmt)
    for page in (guide.pages[0], guide.pages[-1]):
        assert "works without the internet" in " ".join(TextWriter().page(page_view(guide, page)).split()), page.id


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_options_to_ask_about_have_lines_right_after_what_matters_to_me(fmt):
    """Review r11 §8: the guide never asked which option the reader leans toward."""
    text = written("en", fmt)
    prompt = "The one or two options I want to ask my provider about:"
    assert text.count(prompt) == 1
    assert text.index("Something else that matters to me") < text.index(prompt)


@pytest.mark.parametrize("fmt", FORMATS)
def test_each_region_ends_with_one_short_checked_line_after_its_numbers(guide, fmt):
    text = written("en", fmt)
    assert "Checked against" not in text
    for region in guide.regions:
        start = text.index(f"{region.name} ({region.code})")
        checked = text.index("We last checked these numbers on", start)
        assert all(start < text.index(line.contact, start) < checked for line in region.lines), region.code
        line = re.match(r"We last checked these numbers on \w+ \d+, \d{4}.\*?\s+(?:<[^>]+>\s*|[-*]\s*|\s)*Sources: (\[\d+\](, )?)+", text[checked:])
        assert line, text[checked : checked + 120]


def test_the_checked_lines_are_two_short_plain_sentences(guide):
    lines = guide_text(guide, None).splitlines()
    checked = [index for index, line in enumerate(lines) if "We last checked these numbers on" in line]
    assert len(checked) == len(guide.regions)
    assert all(re.fullmatch(r"\s*We last checked these numbers on \w+ \d+, \d{4}\.", lines[index]) for index in checked)
    assert all(re.fullmatch(r"\s*Sources: (\[\d+\](, )?)+", lines[index + 1]) for index in checked)



def raw(code: str, writer) -> str:
    """The whole guide as ``print`` writes it, lines and tags as they are."""
    i18n.set_language(code)
    try:
        return writer(load_guide(code), None)
    finally:
        i18n.set_language("en")


def test_a_long_contact_wraps_on_paper_but_no_number_is_split():
    """An independent review found the US TTY number cut off at "1-800-487-4" in the printed page:
    the contact may wrap, each number stays whole."""
    page = raw("en", guide_html)
    assert ".contact { font-weight: bold; }" in page and ".number { white-space: nowrap; }" in page
    assert '<span class="number">1-800-487-4889</span>' in page
    assert '<span class="number">988</span>' in page


@pytest.mark.parametrize("code", ["en", "de", "vi"])
def test_the_research_rating_in_a_printed_grid_is_never_split(code):
    """"■■■□□ (level 3" on one line and "of 5)" on the next read as two facts (independent review)."""
    text = raw(code, guide_text)
    assert not re.search(r"^\s*(\d\s+)?(of|von|trên)\s+5\)", text, re.M)
    assert not re.search(r"\((\d|level|Stufe|mức)(\s+\d)?\s*$", text, re.M)


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_country_s_lines_print_with_their_names_and_hours(guide, fmt):
    """Step 13 says "Check each line's hours below": the other countries gave bare numbers in text and
    Markdown ("Brazil (BR): emergency: 192; crisis: 188"; the UK's "111, then option 2" without its "in
    England"), while the HTML had each line's name, hours and notes (independent review, CCI 14). With
    the region unknown every country prints in full (with it known, only that country: review r15)."""
    text = written("en", fmt)
    for region in guide.regions:
        for line in region.lines:
            assert " ".join(line.name.split()) in text, f"{fmt}: {region.code} {line.name}"
            assert " ".join(line.about.split()) in text, f"{fmt}: {region.code} {line.name}: its hours and notes"


@pytest.mark.parametrize("code", ["en", "de", "zh_Hans", "vi", "fr", "es", "pt_BR"])
def test_each_rating_in_the_printed_grid_reads_on_one_line(code):
    """"very early / evidence / ■□□□□ (level 1 of 5)" over three lines of the "At a glance" grid (independent
    review, PEMAT 19): each rating's words, squares and "level N of 5" are on one line of the text print."""
    i18n.set_language(code)
    try:
        ratings = [" ".join(wording.evidence_scale_line(level).split()) for level in range(1, 6)]
    finally:
        i18n.set_language("en")
    lines = [" ".join(line.split()) for line in raw(code, guide_text).splitlines()]
    split = [line for line in lines if re.search(r"[■□]{5}", line) and not any(rating in line for rating in ratings)]
    assert not split, f"{code}: ratings split over lines: {split}"
