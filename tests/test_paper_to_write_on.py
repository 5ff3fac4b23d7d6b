"""Paper the reader writes on (issue #13, round 5): the handout and the end of ``print`` give ruled blank
lines under "My questions" and "What matters to me", and a box for notes from the visit, in text,
Markdown and HTML, in the reader's language."""

from __future__ import annotations

import re
from html import unescape

import pytest

from recovery_guide.guide_content.folder import load_guide
from recovery_guide.i18n import set_language
from recovery_guide.my_questions import MyQuestions
from recovery_guide.render.handout import handout_html, handout_text
from recovery_guide.render.html import guide_html
from recovery_guide.render.markdown import guide_markdown
from recovery_guide.render.text import guide_text
from recovery_guide.textfold import cell_width
from recovery_guide.view.handout import build_handout
from tests.helpers import without_contents

RULED = "_" * 60


def ruled_lines_after(lines: list[str], prompt: str) -> int:
    """How many ruled lines follow ``prompt`` (blank lines between them allowed)."""
    start = next(index for index, line in enumerate(lines) if line.strip() == prompt)
    count = 0
    for line in lines[start + 1 :]:
        if line.strip() == RULED:
            count += 1
        elif line.strip():
            break
    return count


def handout_for(guide):
    questions = MyQuestions()
    page = guide.page("research-cocaine")
    questions.toggle(page.id, page.questions[0].id, page.questions[0].text)
    return build_handout(guide, questions, "US", visited=["research-cocaine"])


def test_the_text_handout_has_ruled_lines_for_own_questions_and_what_matters_and_a_notes_box(guide):
    lines = handout_text(handout_for(guide)).splitlines()
    assert ruled_lines_after(lines, "Write your own questions here:") >= 3
    assert ruled_lines_after(lines, "Anything else that matters to me:") >= 3
    assert lines.index("What matters to me") < lines.index("Anything else that matters to me:"), "under its heading"
    top = next(index for index, line in enumerate(lines) if "Notes from my visit" in line)
    assert re.fullmatch(r"\+-+\+", lines[top - 1]) and lines[top].startswith("| Notes from my visit")
    bottom = next(index for index in range(top + 1, len(lines)) if re.fullmatch(r"\+-+\+", lines[index]))
    assert bottom - top > 6 and all(re.fullmatch(r"\| +\|", line) for line in lines[top + 1 : bottom]), "empty rows to write in"
    assert lines.index("Write your own questions here:") < top


def test_the_html_handout_has_ruled_lines_and_a_bordered_notes_box(guide):
    html = handout_html(handout_for(guide))
    own = re.search(r'<section class="writing"[^>]*><p class="answer-label">Write your own questions here:</p><div class="answer">((?:<div class="answer-line"></div>)+)</div>', html)
    assert own and own.group(1).count("answer-line") >= 3
    anything = re.search(r'<section class="writing"><h2>What matters to me</h2><p class="answer-label">Anything else that matters to me:</p><div class="answer">(.*?)</div></section>', html)
    assert anything and anything.group(1).count("answer-line") >= 3
    assert re.search(r'<section class="notes-box"[^>]*><h2>Notes from my visit</h2>(<div class="answer-line"></div>)+</section>', html)
    assert re.search(r"\.notes-box \{ border: 2px solid #000;", html), "a border, which prints in black and white"


def test_paper_to_write_on_comes_after_the_word_list_and_before_the_sources(guide):
    """The glossary comes before the sources (review r15, PEMAT 10), and so does the reader's paper to
    write on (review r21: My questions and Notes from my visit came after 82 references)."""
    text = guide_text(guide)
    lines = without_contents(text).splitlines()
    assert ruled_lines_after(lines, "Write your own questions here:") == 4
    assert "Anything else that matters to me:" not in text, "the worksheet has its own line (What matters to me once)"
    notes = next(index for index, line in enumerate(lines) if line.startswith("| Notes from my visit"))
    assert lines.index("Words used in this guide") < notes < lines.index("Sources (for you or your provider to check)")
    assert max(cell_width(line) for line in lines[notes - 1 : notes + 14]) <= 78
    markdown = guide_markdown(guide)
    assert "**Write your own questions here:**" in markdown and "```text\n+---" in markdown
    html = unescape(guide_html(guide))
    assert "Anything else that matters to me:" not in html and re.search(r'<section class="notes-box"[^>]*><h2>Notes from my visit</h2>', html)


@pytest.mark.parametrize("code, prompt", [("zh_Hans", "在这里写下您自己的问题："), ("fr", "Écrivez ici vos propres questions\u00a0:")])
def test_the_prompts_are_in_the_readers_language_and_the_box_keeps_its_shape(code, prompt):
    set_language(code)  # the fixture in conftest sets English back
    lines = guide_text(load_guide(code)).splitlines()
    assert ruled_lines_after(lines, prompt) == 4
    box = [line for line in lines if re.fullmatch(r"\|.*\|", line)]
    assert box and len({cell_width(line) for line in box}) == 1, "every row of the box as wide, Chinese counted in cells"
