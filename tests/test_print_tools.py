"""Print tools (issue 13): the printed guide gives the reader something to fill in and a key to its pictures.

An independent PEMAT-P review found that ``print`` told the reader to "fill in What matters to me"
and to bring questions, with nothing on paper to fill in, and an evidence scale without a key. Only
the whole-guide ``print`` output changes: the app's reading screens and the handout keep their own tools.
"""

from __future__ import annotations

import re

import pytest

from recovery_guide import i18n, wording
from recovery_guide.guide_content.folder import load_guide
from recovery_guide.model import PageKind
from recovery_guide.my_values import MyValues
from recovery_guide.render.handout import build_handout, handout_html, handout_text
from recovery_guide.render.html import guide_html
from recovery_guide.render.markdown import guide_markdown
from recovery_guide.render.text import guide_text
from recovery_guide.session import Session
from recovery_guide.tui.reading_page import ReadingPage
from recovery_guide.view.blocks import PictureKey, Questions, ValuesWorksheet
from recovery_guide.view.pages import guide_view, page_view
from tests.helpers import without_contents

FORMATS = {"text": guide_text, "markdown": guide_markdown, "html": guide_html}
LEVELS = ("very early evidence", "early evidence", "some evidence", "good evidence", "strong evidence")


def worksheet_part(written: str) -> str:
    """The printed guide from its worksheet's heading to the next page."""
    start = written.index(wording.what_matters_to_me(), written.index(wording.worksheet_how()) - 2000)
    return written[start : written.index("Step ", start)]


def item_entries(written: str, fmt: str, items: tuple[str, ...]) -> dict[str, str]:
    """Each item's stretch of the worksheet, up to the next item (or the line for the reader's own)."""
    texts = [r"\s+".join(map(re.escape, text.split())) for text in (*items, wording.something_else_matters())]  # a long item wraps
    entries = {}
    for index, item in enumerate(items):
        found = re.search(texts[index] + r"(.*?)" + texts[index + 1], written, re.S)
        assert found, f"{fmt}: {item!r} is not on the worksheet, in order"
        entries[item] = found.group(1)
    return entries


def boxed(entry: str, fmt: str, level: str) -> bool:
    """``level`` has an empty box just before it in ``entry``."""
    if fmt == "html":
        return re.search(r'<span class="tick"[^>]*></span>' + re.escape(level) + "<", entry) is not None
    return re.search(r"\[ \] " + re.escape(level) + r"(\s|$)", entry) is not None


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_worksheet_lists_every_item_with_a_box_for_each_rating_word(guide, fmt):
    written = FORMATS[fmt](guide, "GB")
    part = worksheet_part(written)
    levels = [level.text for level in guide.values.levels]
    assert levels == ["Not important", "A little important", "Quite important", "Very important"]
    entries = item_entries(part, fmt, tuple(item.text for item in guide.values.items))
    assert len(entries) == len(guide.values.items) == 10
    for item, entry in entries.items():
        missing = [level for level in levels if not boxed(entry, fmt, level)]
        assert not missing, f"{fmt}: {item!r} has no box for {missing}"
    own = part[part.index(wording.something_else_matters()) :]
    assert all(boxed(own, fmt, level) for level in levels), "the reader's own item can be rated too"
    assert ("____" in own or "\\_\\_\\_" in own) if fmt != "html" else ('class="write-line"' in own and 'class="answer-line"' in own)
    assert guide.values.intro.split(".")[0] in part.replace("\n", " ")
    assert "It is not a score" in part.replace("\n", " ")


def test_the_worksheet_comes_right_after_the_page_that_asks_the_reader_to_fill_it_in(guide):
    written = guide_text(guide, "GB")
    worksheet = written.index(wording.worksheet_how())
    offering = guide.page(guide.values.after)
    following = guide.pages[guide.index_of(offering.id) + 1]
    assert written.index(f": {offering.title}\n") < worksheet < written.index(f": {following.title}\n") < written.index(f"\n{wording.glossary()}\n")


def test_the_text_worksheet_fits_the_print_width_and_never_parts_a_box_from_its_word(guide):
    part = worksheet_part(guide_text(guide, "GB"))
    assert max(len(line) for line in part.splitlines()) <= 78
    for line in part.splitlines():
        if "[ ]" in line:
            assert re.fullmatch(r"    \[ \] \S.*", line) and not line.rstrip().endswith("[ ]"), line


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_key_lists_the_five_evidence_levels_once_before_the_first_page_with_a_picture(guide, fmt):
    """Just before the first page that draws a picture, not above the main message (review r7, CCI 2)."""
    written = without_contents(FORMATS[fmt](guide, "GB"))
    key = written.index(wording.picture_key())
    number = next(index for index, page in enumerate(guide.pages, start=1) if page.results or page.options)  # the first icon array
    first_picture = written.index(f"Step {number} of 14")
    assert written.index(f"Step {number - 1} of 14") < key < first_picture and written.count(wording.picture_key()) == 1
    part = written[key:first_picture]
    part = re.sub(r"<[^>]+>", "", part) if fmt == "html" else part  # the words (HTML puts the squares in a span)
    assert " ".join(wording.each_picture_key().split()) in " ".join(part.split()), "the key says each picture names what its mark means"
    positions = []
    for level, name in enumerate(LEVELS, start=1):
        line = wording.evidence_scale_line(level)
        assert line.startswith(name) and "■" * level + "□" * (5 - level) in line
        assert line in part, f"{fmt}: level {level} missing from the key"
        positions.append(part.index(line))
    assert positions == sorted(positions), "lowest level first"


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_printed_question_has_a_box(guide, fmt):
    written = FORMATS[fmt](guide, "GB")
    questions = [question.text for page in guide.pages for question in page.questions]
    assert len(questions) > 20
    for text in questions:
        if fmt == "html":
            shown = text.replace("'", "&#x27;").replace('"', "&quot;")
            assert f'<li><span class="tick" aria-hidden="true"></span>{shown}</li>' in written, text
        elif fmt == "markdown":
            assert re.search(r"^\d+\. \[ \] " + re.escape(text.replace("[", "\\[").replace("]", "\\]")) + "$", written, re.M), text
        else:
            assert re.search(r"^  \d+\. \[ \] " + re.escape(text.split()[0]), written, re.M), text
    if fmt != "html":
        assert len(re.findall(r"^ *\d+\. \[ \] ", written, re.M)) == len(questions)


def test_the_html_boxes_and_lines_are_borders_that_print_in_black_and_white(guide):
    written = guide_html(guide, "GB")
    style = written[written.index("<style>") : written.index("</style>")]
    rule = re.search(r"\.tick \{([^}]*)\}", style).group(1)
    assert "border: 1.5px solid #000" in rule and "background" not in rule
    assert re.search(r"\.write-line \{[^}]*border-bottom: 1px solid #000", style)


def test_the_handout_has_no_worksheet_and_its_questions_no_boxes(guide):
    session = Session(guide)
    page = guide.page("research-alcohol")
    question = page.questions[0]
    session.my_questions.toggle(page.id, question.id, question.text)
    values = MyValues()
    values.rate(guide.values.items[0].id, guide.values.levels[-1].id)
    handout = build_handout(guide, session.my_questions, "GB", my_values=values)
    assert not any(isinstance(block, (ValuesWorksheet, PictureKey)) for block in handout.blocks)
    for written in (handout_text(handout), handout_html(handout)):
        assert question.text in written and wording.what_matters_to_me() in written
        assert wording.worksheet_how() not in written and wording.something_else_matters() not in written
        assert wording.picture_key() not in written
        assert "[ ]" not in written and 'class="tick"' not in written


def test_the_apps_reading_page_has_no_worksheet_key_or_question_boxes(guide):
    for page in guide.pages:
        view = page_view(guide, page, "GB")
        assert not any(isinstance(block, (ValuesWorksheet, PictureKey)) for block in view.blocks)
        assert all(not block.boxes for block in view.blocks if isinstance(block, Questions))
        parts = ReadingPage().parts(view)
        for text in (parts.body, parts.extra, parts.key_points, parts.evidence):
            assert "[ ]" not in text and wording.worksheet_how() not in text and wording.picture_key() not in text


def test_a_guide_without_values_prints_no_worksheet(guide):
    from dataclasses import replace

    view = guide_view(replace(guide, values=None), "GB")
    assert view.worksheet is None and view.key is not None


@pytest.mark.parametrize("code", ["es", "zh_Hans"])
def test_the_print_tools_speak_the_guides_language(code):
    i18n.set_language(code)
    try:
        guide = load_guide(code)
        written = guide_text(guide, "GB")
        for text in (wording.picture_key(), wording.evidence_key(), wording.worksheet_how(), wording.something_else_matters()):
            assert text in written.replace("\n", "") or text in " ".join(written.split()), text  # Chinese wraps with no space
        assert "How to read the pictures" not in written and "Something else that matters to me" not in written
    finally:
        i18n.set_language("en")
