"""The kinds of block a page is made of: plain, frozen data with no idea how it will be shown.

Each block says *what* a piece of a page is (a heading, the key points, the help lines of some
regions), never how it looks: that is each writer's job (``recovery_guide.render``). Text inside a
block is as the content wrote it; ``inline`` text may hold the content's one inline mark, ``**bold**``
(docs/content.md), which writers turn into their own emphasis (or drop, with ``plain_inline``).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date
from typing import ClassVar

from recovery_guide.view.options_chart import ChartGroup
from recovery_guide.model import Clinic, HelpLine, Question, Region, Result, Source, Term, TimelineStep, TreatmentOption, Urgency, UrgencyTier


@dataclass(frozen=True)
class Block:
    """Base of every block. ``kind`` names the writer method that writes it (``write_<kind>``)."""

    kind: ClassVar[str] = ""


# --- blocks parsed from a page's body Markdown ---------------------------------------------------------


@dataclass(frozen=True)
class Heading(Block):
    """A heading inside a page's body (``## What was studied``); ``level`` is the number of ``#``.

    Blocks read from a body remember whether a blank line came before them (``tight`` when not).
    It changes nothing in what they say; the Markdown writer keeps the author's spacing with it.
    """

    kind: ClassVar[str] = "heading"
    level: int
    text: str
    """Inline Markdown."""
    tight: bool = False
    """Written straight under the line before it, with no blank line between (see the class notes)."""


@dataclass(frozen=True)
class Paragraph(Block):
    """A paragraph, kept as the lines it was written on (readability scores each line as a sentence)."""

    kind: ClassVar[str] = "paragraph"
    lines: tuple[str, ...]
    """Inline Markdown, one entry per source line, without leading or trailing spaces."""
    tight: bool = False
    """Written straight under the line before it, with no blank line between."""

    @property
    def text(self) -> str:
        return " ".join(self.lines)


@dataclass(frozen=True)
class ListItem:
    """One item of a list: its marker as written (``-``, ``1.``) and its lines."""

    marker: str
    lines: tuple[str, ...]
    """Inline Markdown: the item's first line, then any lines that continue it."""

    @property
    def text(self) -> str:
        return " ".join(" ".join(self.lines).split())

    @property
    def ordered(self) -> bool:
        return self.marker[:1].isdigit()


@dataclass(frozen=True)
class BulletList(Block):
    """A list of items (bulleted or numbered, as the markers say)."""

    kind: ClassVar[str] = "bullet_list"
    items: tuple[ListItem, ...]
    tight: bool = False
    """Written straight under the line before it ("Your provider will likely:"), with no blank line between."""


@dataclass(frozen=True)
class Steps(BulletList):
    """A numbered list of a body drawn as steps: a numbered box per step, an arrow to the next (the
    overdose steps on Get help now). Still a list (search, scores and read mode take it as one), so
    the words stay the words; read mode and screen readers get the numbered list."""

    kind: ClassVar[str] = "steps"


BODY_KINDS: tuple[type[Block], ...] = (Heading, Paragraph, BulletList, Steps)
"""The kinds of block read from a page's body Markdown (``recovery_guide.view.body``)."""


# --- blocks made from the model ----------------------------------------------------------------------------


@dataclass(frozen=True)
class MainMessage(Block):
    """The guide's main message: the first thing after the title, emphasised in every writer (a ruled
    box in text, a bold blockquote in Markdown, a thick black border in HTML, a bold bordered panel in
    the app, "Main message: ..." in read mode). A review found it a plain bullet below three other parts."""

    kind: ClassVar[str] = "main_message"
    text: str



@dataclass(frozen=True)
class OptionsChart(Block):
    """"The options at a glance", right under the main message: each research screen's options with
    whether they are approved and how strong their research is (``view.options_chart`` builds and lays
    it out), so a picture says "not approved, early research, other options exist"."""

    kind: ClassVar[str] = "options_chart"
    groups: tuple[ChartGroup, ...]


@dataclass(frozen=True)
class KeyPoints(Block):
    """The page in brief: two to five short sentences, always shown first."""

    kind: ClassVar[str] = "key_points"
    points: tuple[str, ...]


@dataclass(frozen=True)
class Timeline(Block):
    """What a session is like, step by step, in the order it happens (right after the key points).

    Writers draw it as a picture where they can (a vertical line with a mark per step) and always
    give every step's words: read mode and screen readers get numbered sentences.
    """

    kind: ClassVar[str] = "timeline"
    steps: tuple[TimelineStep, ...]


@dataclass(frozen=True)
class ReviewDates(Block):
    """When each screen was last reviewed and when its next review is due (the About page)."""

    kind: ClassVar[str] = "review_dates"
    screens: tuple[tuple[str, date, date], ...]
    """(screen title, last reviewed, next review due), in reading order."""

    @property
    def usual(self) -> tuple[date, date] | None:
        """(last reviewed, next due) that more than half the screens share, said once in one line (a
        review found a 14-line list of the same date distracting, and re-reading two screens must not
        bring it back); None when no pair of dates has a majority."""
        counts = Counter((reviewed, due) for _title, reviewed, due in self.screens)
        if not counts:
            return None
        dates, count = counts.most_common(1)[0]
        return dates if 2 * count > len(self.screens) else None

    @property
    def differing(self) -> tuple[tuple[str, date, date], ...]:
        """The screens not checked on the usual day, each listed on its own (all of them when no day is usual)."""
        usual = self.usual
        return tuple(screen for screen in self.screens if (screen[1], screen[2]) != usual)


@dataclass(frozen=True)
class EvidenceLabel(Block):
    """How strong the research is, in plain words (already worded, e.g. "How strong the research is: ...")."""

    kind: ClassVar[str] = "evidence_label"
    text: str


@dataclass(frozen=True)
class EvidenceScale(Block):
    """How strong the research is as a scale of 1 to 5 filled squares ("early evidence ■■□□□"), with its words."""

    kind: ClassVar[str] = "evidence_scale"
    level: int
    """1 to 5 (its name in words comes from ``wording.evidence_level`` as each writer writes it)."""
    text: str
    """The screen's own evidence words, already worded ("How strong is the research? ...")."""

    top: ClassVar[int] = 5


@dataclass(frozen=True)
class IconArray(Block):
    """A study result as a picture: 100 symbols in a 10 x 10 block per group, ``count`` of them filled.

    Every writer fills each block in the same fixed order: row by row from the top, left to right.
    ``caption`` says it in words; read mode and screen readers get the words only.
    """

    kind: ClassVar[str] = "icon_array"
    result: Result
    source_number: int | None
    """The source's number in the guide's source list; None where no source list goes with it (a handout)."""


@dataclass(frozen=True)
class Statement(Block):
    """A sentence that must stand out: the sentence the reader agrees to on the welcome page (the app has
    a button for it; paper drops it, ``view.paper``)."""

    kind: ClassVar[str] = "statement"
    text: str


def compact_lines(region: Region) -> tuple[HelpLine, ...]:
    """The lines a region's one-line entry gives: its emergency and crisis numbers, not its helplines."""
    return tuple(line for line in region.lines if line.urgency is not Urgency.SUPPORT)


@dataclass(frozen=True)
class HelpLines(Block):
    """Help lines by region, graded by urgency. ``own`` is the reader's region when it is known.

    Every region is always listed on a screen: a wrong guess of the region must never hide a number.
    (A handout, made for one reader, lists only their own region when it is known, and so does
    ``print`` for a known, listed country, with one line pointing to the app for the rest:
    ``view.pages.for_region``.)
    """

    kind: ClassVar[str] = "help_lines"
    regions: tuple[Region, ...]
    """Every region: those where the guide's language is spoken first, then the rest, in the guide's order."""
    own: Region | None
    checked: date
    """When the help lines as a whole were last checked."""
    clinic: Clinic | None = None
    """The reader's clinic, whose phone is listed with the help lines when the clinic file gives one."""
    numbers_first: bool = False
    """On screen with the reader's region unknown: every region's emergency and crisis numbers at once,
    one line each (``compact_lines``), until the reader chooses a region; then, and on paper, every
    region in full (``in_full``)."""
    source_numbers: tuple[tuple[str, tuple[int, ...]], ...] = ()
    """Each region's sources by their numbers in the source list, by region code (``print``, which has
    the list: each region then says in one short line when and against what it was checked)."""

    def numbers_of(self, region: Region) -> tuple[int, ...]:
        """The numbers of the sources ``region``'s lines rest on (empty when not numbered)."""
        return dict(self.source_numbers).get(region.code, ())

    @property
    def others(self) -> tuple[Region, ...]:
        return tuple(region for region in self.regions if region is not self.own)

    @property
    def own_first(self) -> tuple[Region, ...]:
        return ((self.own,) if self.own else ()) + self.others

    @property
    def in_full(self) -> tuple[Region, ...]:
        """The regions every writer (text, Markdown, HTML, the app) lists in full, with each line's
        name, number, hours and notes: all of them, the reader's own first, unless the numbers come
        first (``numbers_first``). The page tells readers to check each line's hours, and a bare number
        (an independent review found "111, then option 2" without its "in England") can send a reader
        to the wrong line."""
        return () if self.numbers_first else self.own_first


@dataclass(frozen=True)
class DangerNow(Block):
    """On paper, right under the main message (``print``) or the handout's opening lines: what to do
    in danger now, before anything else. For a known region, its emergency and crisis lines
    (``compact_lines``: name, number and words as the content gives them, never reworded), then where
    the rest are; for an unknown one, only ``then`` ("call your local emergency number", and where every
    country's numbers are). Two independent reviews of ``print --region US`` asked for 911 and 988 on
    the first page: it pointed to step 13, some 2,000 lines on. ``view.pages.danger_now`` builds it,
    once for ``print`` and the handout; each writer draws it as a box that prints in black and white."""

    kind: ClassVar[str] = "danger_now"
    region: Region | None
    """The reader's region, when known and listed with numbers to call now."""
    lines: tuple[HelpLine, ...]
    """The region's emergency lines, then its crisis lines; empty when the region is unknown."""
    then: str
    """The words after the lines, already worded: where the other help lines are."""


@dataclass(frozen=True)
class UrgencyTiers(Block):
    """The three urgency tiers as a picture (the safety screen and Get help now): one box per tier, most
    urgent first, its signs inside it, told apart by words ("NOW", "TODAY", "NEXT VISIT"), a symbol
    (``symbol``) and the box's border as well as colour.

    The words are the safety screen's ``urgency`` field (``Guide.tiers_page``), the one source of the
    tiers; each writer draws the boxes its own way, and read mode gets each heading and its list."""

    kind: ClassVar[str] = "urgency_tiers"
    tiers: tuple[UrgencyTier, ...]
    unsure: str | None = None
    """What to do when no tier seems to fit, under the tiers."""
    language: str | None = None
    """The language of the screen that holds the tiers (English while it is stale): Get help now draws
    them from that screen, so the writers draw them in it, heading and all (``BlockWriter.write``)."""

    SYMBOLS: ClassVar[dict[str, str]] = {"now": "!!!", "today": "!!", "next-visit": "!"}
    """Plain characters (one cell each, in every terminal and on paper): more marks, more urgent."""

    @classmethod
    def symbol(cls, tier: UrgencyTier) -> str:
        return cls.SYMBOLS.get(tier.id, "!")


@dataclass(frozen=True)
class AtAGlance(Block):
    """The options in brief, before their cards: one row per option with three short columns
    (approved for this? what it involves? research), drawn by ``view.glance`` as a grid that becomes
    stacked lines where it does not fit."""

    kind: ClassVar[str] = "at_a_glance"
    options: tuple[TreatmentOption, ...]


@dataclass(frozen=True)
class OptionsTable(Block):
    """The options set side by side in the same fields (IPDAS "equal detail"), after the body.

    Each writer shows every option with every field under the same labels (``wording.option_labels``):
    cards in text, Markdown and the app, a table in HTML that becomes cards on a narrow page.
    """

    kind: ClassVar[str] = "options_table"
    options: tuple[TreatmentOption, ...]
    intro: str | None = None
    """The lead-in: the decision, and the condition in plain words."""


@dataclass(frozen=True)
class Questions(Block):
    """The page's "Ask your provider" questions, in order."""

    kind: ClassVar[str] = "questions"
    questions: tuple[Question, ...]
    boxes: bool = False
    """A box beside each question, to tick the ones to ask (the printed guide only: on paper there is
    no My questions list to add them to)."""


@dataclass(frozen=True)
class SourceRefs(Block):
    """Which sources a page rests on (their numbers in the guide's source list) and when it was reviewed."""

    kind: ClassVar[str] = "source_refs"
    numbers: tuple[int, ...]
    reviewed: date


@dataclass(frozen=True)
class LanguageNote(Block):
    """How this language version was made and whether it was reviewed (the About page)."""

    kind: ClassVar[str] = "language_note"
    text: str


@dataclass(frozen=True)
class Sources(Block):
    """The full numbered source list (the About page)."""

    kind: ClassVar[str] = "sources"
    sources: tuple[Source, ...]
    """In the guide's order: the first is number 1."""


@dataclass(frozen=True)
class ClinicDetails(Block):
    """The reader's clinic: name, then phone and hours when the clinic file gives them."""

    kind: ClassVar[str] = "clinic_details"
    clinic: Clinic


@dataclass(frozen=True)
class GlossaryEntries(Block):
    """Glossary terms and their meanings, already in the order to show them."""

    kind: ClassVar[str] = "glossary_entries"
    terms: tuple[Term, ...]


# --- blocks of the printed guide only ------------------------------------------------------------------


@dataclass(frozen=True)
class PictureKey(Block):
    """How to read the pictures, once near the start of the printed guide: what an icon array's
    symbols mean, and the evidence scale's five levels, each in words with its squares."""

    kind: ClassVar[str] = "picture_key"
    legend: str
    """How to read the icon arrays: what a block counts, each mark a picture of the print draws
    (``view.pages.picture_key``), and that each picture names what its filled mark means."""
    levels: tuple[str, ...]
    """Each level of the evidence scale as one line, lowest first, with what it takes ("very early
    evidence ■□□□□ (level 1 of 5): 1 small study, or ...")."""
    bands: str | None = None
    """What the band across a weak-design picture means (``wording.band_key``); None when no picture
    in the guide has one."""


@dataclass(frozen=True)
class ValuesWorksheet(Block):
    """"What matters to me" on paper, near the end of the printed guide: every item with a box to tick
    for each rating word, and a line to write one's own. Nothing is added up: it is never a score."""

    kind: ClassVar[str] = "values_worksheet"
    intro: str
    levels: tuple[str, ...]
    """The rating words, least important first."""
    items: tuple[str, ...]
    """Each item's words, in the content's order."""


@dataclass(frozen=True)
class WritingSpace(Block):
    """Room to write on paper: a prompt and ruled blank lines ("Write your own questions here:"), or a
    box with a heading ("Notes from my visit"). The handout and the end of ``print`` have them; a
    reader reviewing the printed guide found nowhere to write their own words."""

    kind: ClassVar[str] = "writing_space"
    prompt: str
    """The words above the lines, or the box's heading."""
    lines: int = 3
    """How many blank lines to write on."""
    heading: str | None = None
    """A section heading before the prompt, where no section above already gives one."""
    boxed: bool = False
    """Drawn as a box (a notes box) rather than as open ruled lines."""
    anchor: str | None = None
    """Its name in the printed guide's contents list (``view.contents``), where it has an entry there."""


@dataclass(frozen=True)
class ContentsEntry:
    """One line of the printed guide's contents list: a step ("5. What research shows for alcohol") or
    a part printed between or after them ("How to read the pictures")."""

    title: str
    anchor: str
    """The ``id`` the HTML gives the part it names (``view.contents.anchor``): unique in the document."""
    number: int | None = None
    """The step's number; None for a part that is not a step."""
    language: str | None = None
    """The language the title is in (a step's own: English for a stale one); None for the reader's."""


@dataclass(frozen=True)
class Contents(Block):
    """The printed guide's contents: every step and every part as it is printed, in order, right
    before Step 1 (an independent review found no way to find a step in 70 printed pages but to leaf
    through them). ``view.contents.contents`` makes it from ``GuideView.sequence``'s parts."""

    kind: ClassVar[str] = "contents"
    entries: tuple[ContentsEntry, ...]


# --- blocks of a handout ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class QuestionsToAsk(Block):
    """The reader's questions for their appointment, by topic, numbered through, with room for answers."""

    kind: ClassVar[str] = "questions_to_ask"
    groups: tuple[tuple[str, tuple[str, ...]], ...]
    """(topic title, question texts), in the reader's order."""


@dataclass(frozen=True)
class MyUnderstanding(Block):
    """What the reader wants their provider to check they understood, in their own words."""

    kind: ClassVar[str] = "my_understanding"
    entries: tuple[tuple[str, str], ...]
    """(topic title, the reader's own words)."""


@dataclass(frozen=True)
class WhatMattersToMe(Block):
    """The reader's answers to "What matters to me": each rated item with its level in words. Never a score."""

    kind: ClassVar[str] = "what_matters_to_me"
    entries: tuple[tuple[str, str | None, bool], ...]
    """(the item's words, its level in words or None, True for the reader's own item)."""


@dataclass(frozen=True)
class PagesRead(Block):
    """The key points of each page the reader opened, in reading order."""

    kind: ClassVar[str] = "pages_read"
    pages: tuple[tuple[str, tuple[str, ...]], ...]
    """(page title, key points)."""


BLOCK_KINDS: tuple[type[Block], ...] = (
    Heading,
    Paragraph,
    BulletList,
    MainMessage,
    OptionsChart,
    Steps,
    KeyPoints,
    Timeline,
    EvidenceLabel,
    EvidenceScale,
    IconArray,
    Statement,
    HelpLines,
    DangerNow,
    UrgencyTiers,
    AtAGlance,
    OptionsTable,
    Questions,
    SourceRefs,
    LanguageNote,
    ReviewDates,
    Sources,
    ClinicDetails,
    GlossaryEntries,
    PictureKey,
    ValuesWorksheet,
    WritingSpace,
    Contents,
    QuestionsToAsk,
    MyUnderstanding,
    WhatMattersToMe,
    PagesRead,
)
"""Every kind of block; every writer must write each of them (checked by tests/test_view.py)."""
