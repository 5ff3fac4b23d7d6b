"""The page view: one reading of the body, one order of blocks, and writers that each write every kind."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from html import escape
from typing import ClassVar

import pytest

from recovery_guide import wording
from recovery_guide.glossary import sorted_terms
from recovery_guide.guide_content.folder import load_guide
from recovery_guide.model import Approval, Clinic, HelpLine, PageKind, Question, Region, Result, ResultGroup, Source, Term, TimelineStep, TreatmentOption, Urgency, UrgencyTier
from recovery_guide.render.handout import HandoutHtml, HandoutText
from recovery_guide.render.html import HtmlWriter, guide_html
from recovery_guide.render.markdown import MarkdownWriter, guide_markdown
from recovery_guide.render.text import TextWriter, guide_text
from recovery_guide.render.writer import missing_kinds
from recovery_guide.tui.reading_page import ReadingPage
from recovery_guide.view.blocks import (
    BLOCK_KINDS,
    AtAGlance,
    UrgencyTiers,
    WritingSpace,
    Block,
    BulletList,
    ClinicDetails,
    Contents,
    ContentsEntry,
    DangerNow,
    EvidenceLabel,
    EvidenceScale,
    GlossaryEntries,
    Heading,
    HelpLines,
    IconArray,
    KeyPoints,
    MainMessage,
    OptionsChart,
    LanguageNote,
    ListItem,
    MyUnderstanding,
    OptionsTable,
    PagesRead,
    Paragraph,
    PictureKey,
    Questions,
    QuestionsToAsk,
    ReviewDates,
    SourceRefs,
    Sources,
    Statement,
    Steps,
    Timeline,
    ValuesWorksheet,
    WhatMattersToMe,
)
from recovery_guide.view.options_chart import ChartGroup
from recovery_guide.view.body import body_blocks, plain_lines, plain_texts
from recovery_guide.view.pages import page_view

WRITERS = [TextWriter, MarkdownWriter, HtmlWriter, HandoutText, HandoutHtml, ReadingPage]
LANGUAGES = ["en", "es", "fr", "de", "pt_BR", "vi", "zh_Hans"]

_region = Region("GB", "United Kingdom", (HelpLine("999", Urgency.EMERGENCY, "Emergency", "999", "Call.", "s"),), date(2026, 1, 1))
SAMPLES: dict[type[Block], Block] = {
    Heading: Heading(2, "What was **studied**"),
    Paragraph: Paragraph(("One line,", "then another.")),
    BulletList: BulletList((ListItem("-", ("an item",)), ListItem("-", ("another", "continued")))),
    KeyPoints: KeyPoints(("One point.", "Two points.")),
    MainMessage: MainMessage("The one thing to remember."),
    OptionsChart: OptionsChart((ChartGroup("Alcohol (step 5)", 5, (TreatmentOption("ketamine", "Ketamine", "What.", "No.", "Not known.", "A pill.", "None.", "Nobody.", approved_short=Approval.NO, evidence_level=2),), 3),)),
    EvidenceLabel: EvidenceLabel("How strong: weak"),
    EvidenceScale: EvidenceScale(2, "How strong: weak"),
    IconArray: IconArray(Result("r", "About 48 in 100 ... about 11 in 100 did.", "stayed off it", (ResultGroup("Had it", 48), ResultGroup("Did not", 11)), "a small study", "s"), 1),
    Statement: Statement("I understand."),
    HelpLines: HelpLines((_region,), None, date(2026, 1, 1)),
    DangerNow: DangerNow(_region, _region.lines, "Other help lines are in step 13."),
    Questions: Questions((Question("q1", "What next?"),)),
    SourceRefs: SourceRefs((1, 3), date(2026, 1, 1)),
    LanguageNote: LanguageNote("Written in English."),
    Sources: Sources((Source("s", "A citation.", None, "A note."),)),
    ClinicDetails: ClinicDetails(Clinic("A clinic", "555-0100", "9-5")),
    GlossaryEntries: GlossaryEntries((Term("t", "placebo", "A dummy treatment."),)),
    QuestionsToAsk: QuestionsToAsk((("A topic", ("First?", "Second?")),)),
    MyUnderstanding: MyUnderstanding((("A topic", "In my words."),)),
    PagesRead: PagesRead((("A page", ("A point.",)),)),
    Timeline: Timeline((TimelineStep("before", "Before", "A check-up.", ("s",)), TimelineStep("after", "After", "Go home.", ("s",)))),
    ReviewDates: ReviewDates((("A page", date(2026, 1, 1), date(2027, 1, 1)),)),
    OptionsTable: OptionsTable((TreatmentOption("o", "An option", "What.", "No.", "Not known.", "A pill.", "None.", "Nobody."),), "The decision."),
    WhatMattersToMe: WhatMattersToMe((("Avoiding side effects", "Very important", False), ("Being near family", None, True))),
    PictureKey: PictureKey("Each picture says what ● means there. ○ = everyone else.", ("very early evidence ■□□□□ (level 1 of 5)", "strong evidence ■■■■■ (level 5 of 5)")),
    ValuesWorksheet: ValuesWorksheet("Think about it.", ("Not important", "Very important"), ("Avoiding side effects",)),
    WritingSpace: WritingSpace("Write your own questions here:", 2, heading="My questions"),
    UrgencyTiers: UrgencyTiers((UrgencyTier("now", "NOW: call your emergency number", ("chest pain",)), UrgencyTier("today", "TODAY: call your clinic", ("blood in your urine",))), "Not sure? Call."),
    Steps: Steps((ListItem("1.", ("Call for help.",)), ListItem("2.", ("Stay with them.",)))),
    Contents: Contents((ContentsEntry("A page", "a-page", 1), ContentsEntry("Words used", "words-used"))),
    AtAGlance: AtAGlance((TreatmentOption("o", "An option", "What.", "No.", "Not known.", "A pill.", "None.", "Nobody.", approved_short=Approval.NO, involves="A pill", evidence_level=0),)),
}


@pytest.mark.parametrize("writer", WRITERS, ids=lambda writer: writer.__name__)
def test_every_writer_writes_every_kind_of_block(writer):
    """A new kind of block fails here until each writer has its one small method."""
    assert missing_kinds(writer) == []
    assert set(SAMPLES) == set(BLOCK_KINDS), "add a sample of the new block kind above"
    for block in SAMPLES.values():
        written = writer().write(block)
        assert written is None or isinstance(written, str)


def test_a_writer_without_a_method_says_which_block_it_cannot_write():
    @dataclass(frozen=True)
    class Picture(Block):
        kind: ClassVar[str] = "picture"

    with pytest.raises(NotImplementedError, match=r"TextWriter cannot write a Picture block: it needs a write_picture method"):
        TextWriter().write(Picture())


def test_the_body_is_read_into_headings_paragraphs_and_lists():
    blocks = body_blocks("## What\nSome **bold** text\ngoes on.\n\n- an item\n  continued\n- another\n1. numbered\n\nAfter.")
    assert blocks == (
        Heading(2, "What"),
        Paragraph(("Some **bold** text", "goes on."), tight=True),
        BulletList((ListItem("-", ("an item", "continued")), ListItem("-", ("another",)), ListItem("1.", ("numbered",)))),
        Paragraph(("After.",)),
    )
    assert plain_texts("## What\nSome **bold** text\ngoes on.") == ["What", "Some bold text goes on."]
    assert plain_lines("## What\nSome **bold** text\ngoes on.") == ["What", "Some bold text", "goes on."]


@pytest.mark.parametrize("code", LANGUAGES)
def test_the_markdown_writer_gives_back_each_body_as_written(code):
    """The blocks lose nothing: written back as Markdown, every body is the content's own text."""
    class AsWritten(MarkdownWriter):  # numbered steps are drawn as a picture: written back here as the list they are
        write_steps = MarkdownWriter.write_bullet_list

    for page in load_guide(code).pages:
        assert AsWritten(heading_shift=0).blocks(body_blocks(page.body)) == page.body, page.id


def test_a_page_says_its_parts_in_one_order(guide):
    kinds = {page.kind: [type(block) for block in page_view(guide, page, "GB").blocks] for page in guide.pages}
    welcome, help_now, about = kinds[PageKind.WELCOME], kinds[PageKind.HELP_NOW], kinds[PageKind.ABOUT]
    assert welcome[:3] == [MainMessage, OptionsChart, KeyPoints] and welcome[-3:] == [Statement, Questions, SourceRefs]
    assert HelpLines in help_now and help_now.index(HelpLines) > help_now.index(Paragraph)
    assert about[-4:] == [SourceRefs, LanguageNote, ReviewDates, Sources]
    course = page_view(guide, guide.page("treatment-course"))
    assert [type(block) for block in course.blocks[:3]] == [KeyPoints, Timeline, EvidenceScale]
    safety = page_view(guide, guide.page("side-effects-safety"))  # no picture since review r15 (numbers in words)
    assert [type(block) for block in safety.blocks[:2]] == [KeyPoints, Heading] and IconArray not in [type(block) for block in safety.blocks]
    research = page_view(guide, guide.page("research-alcohol"))  # its picture sits in a body section (tests/test_picture_placement.py)
    assert [type(block) for block in research.blocks[:3]] == [KeyPoints, EvidenceScale, Heading]
    assert research.heading == f"Step {research.number} of {len(guide.pages)}: {guide.page('research-alcohol').title}"


def test_help_lines_know_the_readers_region(guide):
    lines = next(block for block in page_view(guide, guide.first_of_kind(PageKind.HELP_NOW), "gb").blocks if isinstance(block, HelpLines))
    assert lines.own.code == "GB" and lines.own_first[0] is lines.own and lines.own not in lines.others
    assert len(lines.own_first) == len(guide.regions)


@pytest.mark.parametrize("code", ["es", "vi", "fr"])
def test_print_sorts_the_glossary_as_the_app_does(code):
    """One sort everywhere: the language's own alphabetical order (Spanish ñ after n, and so on)."""
    guide = load_guide(code)
    expected = [term.term for term in sorted_terms(guide)]
    text = guide_text(guide)
    text = text[text.rindex(f"\n{wording.glossary()}\n") :].split("\n\n\n")[0]  # the glossary, before the About page's sources
    assert [line.split(": ")[0] for line in text.splitlines() if line.split(": ")[0] in expected] == expected
    markdown = guide_markdown(guide)
    glossary = markdown[markdown.index(f"## {wording.glossary()}") :].split("\n\n## ")[0]
    assert [line.split("**")[1] for line in glossary.splitlines() if line.startswith("- **")] == expected
    html = guide_html(guide)
    glossary = html[html.index(f"<h2>{escape(wording.glossary())}</h2>") :].split("</dl>")[0]  # the options' cards have their own <dt>
    assert re.findall(r"<dt>(.*?)</dt>", glossary) == [term.replace("'", "&#x27;").replace('"', "&quot;") for term in expected]


def test_html_escapes_content_and_keeps_only_its_own_emphasis():
    written = HtmlWriter().write(Paragraph(('<script>alert("x")</script> & **bold** and *soft*',)))
    assert written == "<p>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; <strong>bold</strong> and <em>soft</em></p>"


def test_the_reading_screen_puts_each_block_in_its_place(guide):
    page = guide.first_of_kind(PageKind.HELP_NOW)
    parts = ReadingPage().parts(page_view(guide, page, "GB", Clinic("A clinic", "555-0100")))
    assert parts.key_points.startswith("- ") and parts.body.startswith(page.body[: page.body.index("1. ")])
    assert "```text" in parts.body, "the overdose steps are drawn as a picture in the body"
    assert "United Kingdom (GB)" in parts.extra and "**555-0100**" in parts.extra
    assert parts.meta.startswith("Sources: [") and "\\[" not in parts.meta

