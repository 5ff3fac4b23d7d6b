"""What a session is like (issue #13): the timeline on the treatment-course screen, in every writer,
and the numbered steps to get ready for a visit on "Is it right for me?"."""

from __future__ import annotations

import re

import pytest

from recovery_guide import wording
from recovery_guide.guide_content.folder import load_guide
from recovery_guide.guide_content.overlay import source_hash
from recovery_guide.render.html import guide_html
from recovery_guide.render.markdown import guide_markdown
from recovery_guide.render.text import guide_text
from recovery_guide.view.timeline import STEP_LINE, STEP_MARK
from recovery_guide.view.blocks import BulletList, Heading, Timeline
from recovery_guide.view.body import body_blocks, plain_inline
from recovery_guide.view.pages import page_view
from tests.helpers import replace_once, run, without_contents

REQUIRED = {
    "the check-up before": "check-up",
    "blood pressure checks": "blood pressure",
    "the drip of about 40 minutes": "40 minutes",
    "how it can feel": "dream-like",
    "staff stay with you": "health worker",
    "at least 2 hours watched": "2 hours",
    "going home with an adult": "adult",
    "no driving until the next day": "not to drive until the next day",
    "therapy between sessions": "therapy",
}
"""Each thing the issue asks the timeline to say, and words that show it is said."""


def steps_of(guide):
    return guide.page("treatment-course").timeline


def test_the_timeline_has_every_required_step(guide):
    steps = steps_of(guide)
    words = " ".join(f"{step.when} {step.what}" for step in steps)
    missing = [name for name, found in REQUIRED.items() if found not in words]
    assert not missing, f"the timeline does not say: {missing}"
    assert steps[0].when == "Before" and steps[-1].when == "Between sessions", "in the order a session happens"
    for step in steps:
        assert step.source_ids and set(step.source_ids) <= set(guide.sources), step.id
        assert not re.search(r"\d\s*(mg|milligram)", step.what, re.IGNORECASE), "no doses"


def test_the_timeline_comes_right_after_the_key_points(guide):
    blocks = page_view(guide, guide.page("treatment-course")).blocks
    assert isinstance(blocks[1], Timeline) and blocks[1].steps == steps_of(guide)
    assert not any(isinstance(block, Timeline) for page in guide.pages if page.id != "treatment-course" for block in page_view(guide, page).blocks)


def test_print_draws_every_step_as_a_picture(guide):
    text = without_contents(guide_text(guide))
    page = text[text.index(guide.page("treatment-course").title) : text.index(guide.page("how-it-may-work").title)]
    assert wording.timeline() in page
    marks = [line for line in page.splitlines() if line.startswith(STEP_MARK)]
    assert [line.removeprefix(STEP_MARK) for line in marks] == [step.when for step in steps_of(guide)]
    joined = " ".join(line.removeprefix(STEP_LINE).strip() for line in page.splitlines())
    for step in steps_of(guide):
        assert step.what in joined, step.id
    assert max(len(line) for line in page.splitlines()) <= 78


def test_markdown_and_html_write_every_step_in_order(guide):
    markdown = guide_markdown(guide)
    for number, step in enumerate(steps_of(guide), start=1):
        assert f"{number}. **{step.when}**: {step.what}" in markdown
    html = guide_html(guide)
    timeline = re.search(r'<ol class="timeline">(.*?)</ol>', html, re.S).group(1)
    items = re.findall(r"<li><strong>(.*?)</strong><br>(.*?)</li>", timeline)
    assert [when for when, _what in items] == [step.when for step in steps_of(guide)]
    assert all(what.replace("&#x27;", "'") == step.what for (_when, what), step in zip(items, steps_of(guide)))
    assert "ol.timeline" in html and "border-left: 2px solid #000" in html, "drawn as a line that prints in black and white"


def test_read_mode_tells_the_steps_as_numbered_sentences(guide):
    result = run("read", "--region", "US", input="1\n1\n0\n0\n")
    assert result.returncode == 0, result.stderr
    out = result.stdout[result.stdout.index(guide.page("treatment-course").title) :]
    assert STEP_MARK.strip() not in out, "no picture for a screen reader to read aloud"
    out = " ".join(out.split())
    for number, step in enumerate(steps_of(guide), start=1):
        assert f"{number}. {step.when}: {step.what}" in out


def test_a_changed_step_makes_the_translation_out_of_date(guide, content_copy):
    before = source_hash(guide.page("treatment-course"))
    replace_once(content_copy / "en" / "screens" / "03-treatment-course.yaml", "when: Going home", "when: Leaving")
    changed = load_guide("en", content_copy).page("treatment-course")
    assert changed.timeline[-2].when == "Leaving"
    assert source_hash(changed) != before


def test_a_step_without_sources_is_located(content_copy):
    from recovery_guide.guide_content.yaml_source import ContentError

    replace_once(content_copy / "en" / "screens" / "03-treatment-course.yaml", "    sources: [spravato-label]\n", "")
    with pytest.raises(ContentError) as raised:
        load_guide("en", content_copy)
    assert "timeline" in str(raised.value) and "sources" in str(raised.value)


# --- getting ready for your visit -------------------------------------------------------------------------

GETTING_READY = ["questions from this guide", "your own questions", '"What matters to me"', "handout", "medicines", "Bring someone"]


def test_getting_ready_is_a_numbered_list_of_six_steps(guide):
    blocks = body_blocks(guide.page("is-it-right").body)
    heading = next(index for index, block in enumerate(blocks) if isinstance(block, Heading) and block.text == "Getting ready for your visit")
    steps = blocks[heading + 1]
    assert isinstance(steps, BulletList) and all(item.ordered for item in steps.items)
    assert [item.marker for item in steps.items] == [f"{number}." for number in range(1, 7)]
    for item, words in zip(steps.items, GETTING_READY):
        assert words in plain_inline(item.text), (words, item.text)
    medicines = plain_inline(steps.items[4].text)
    assert "without a prescription" in medicines and "drugs from the street" in medicines
    from recovery_guide.view.paper import without_app_instructions

    on_paper = " ".join(without_app_instructions(item.text) for item in steps.items)
    assert not re.search(r"\bpress\b|\bkey\b", on_paper, re.I), "a key is named only in a sentence paper drops"
    assert "On paper, tick your questions and bring these pages." in on_paper


def test_getting_ready_is_numbered_in_every_writer(guide):
    html = guide_html(guide)
    assert re.search(r'<ol class="steps">\s*<li><span class="step-number">1\.</span> Choose the questions from this guide', html)
    assert re.search(r"│ 6\. Bring someone with you if you like", guide_text(guide)), "drawn as numbered step boxes on paper"


# --- the app -----------------------------------------------------------------------------------------------


@pytest.mark.slow
async def test_the_app_draws_the_whole_timeline_at_60_by_20(guide):
    from textual.geometry import Region

    from recovery_guide.session import Session
    from recovery_guide.tui.app import RecoveryGuideApp
    from recovery_guide.tui.screens.reader import ReaderScreen, ReadingPane
    from recovery_guide.tui.widgets.timeline import TimelineView
    from tests.helpers import acknowledge, settle

    app = RecoveryGuideApp(Session(guide))
    async with app.run_test(size=(60, 20)) as pilot:
        await acknowledge(pilot)
        await settle(pilot, lambda: isinstance(app.screen, ReaderScreen))
        app.screen.go_to(guide.index_of("treatment-course"))
        await settle(pilot, lambda: app.screen.query_one(TimelineView).display)
        widget = app.screen.query_one(TimelineView)
        assert widget.region.right <= app.screen.query_one(ReadingPane).content_region.right <= 60
        box = [strip.text for strip in widget.render_lines(Region(0, 0, widget.region.width, widget.region.height))]
        assert box[0].startswith("╭") and box[-1].startswith("╰"), "the whole box is drawn, top and bottom"
        rows = [row[1:-1].strip() for row in box[1:-1]]  # inside the border and padding
        assert rows[0] == wording.timeline()
        marks = [row.removeprefix(STEP_MARK) for row in rows if row.startswith(STEP_MARK)]
        assert len(marks) == len(steps_of(guide)) and all(step.when.startswith(mark) for mark, step in zip(marks, steps_of(guide)))
        words = " ".join(row.removeprefix(STEP_LINE.rstrip()).strip() for row in rows)
        for step in steps_of(guide):
            assert step.when in words and step.what in words, f"{step.id} is cut off:\n" + "\n".join(box)
        app.screen.go_to(guide.index_of("research-alcohol"))
        await settle(pilot, lambda: not app.screen.query_one(TimelineView).display)
