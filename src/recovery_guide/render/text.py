"""The guide as plain, linear text: for screen readers, printing and piping.

No escape codes, no box drawing: headings are underlined, lists are dashes and numbers, so the text
reads the same aloud, on a braille display and on paper. ``TextWriter`` writes each kind of block of
the page view (``recovery_guide.view``); ``plain=True`` is the ``read`` mode's variant: no underlines
(a screen reader would read a row of dashes aloud) and no questions (``read`` lists them itself, with
a mark for those already in My questions).
"""

from __future__ import annotations


from recovery_guide import linebreak, wording
from recovery_guide.i18n import in_language
from recovery_guide.model import Clinic, Guide, HelpLine, Region, Urgency
from recovery_guide.textfold import cell_width
from recovery_guide.render.writer import BlockWriter
from recovery_guide.view.blocks import (
    compact_lines,
    Steps,
    BulletList,
    ClinicDetails,
    Contents,
    DangerNow,
    EvidenceLabel,
    EvidenceScale,
    GlossaryEntries,
    Heading,
    HelpLines,
    IconArray,
    KeyPoints,
    LanguageNote,
    MainMessage,
    OptionsChart,
    MyUnderstanding,
    OptionsTable,
    WhatMattersToMe,
    PagesRead,
    Paragraph,
    PictureKey,
    Questions,
    QuestionsToAsk,
    ReviewDates,
    SourceRefs,
    Sources,
    Statement,
    Timeline,
    UrgencyTiers,
    AtAGlance,
    ValuesWorksheet,
    WritingSpace,
)
from recovery_guide.view import glance, options_chart
from recovery_guide.view.body import plain_inline
from recovery_guide.view.icons import grid_lines, words_lines
from recovery_guide.view.pages import PageView, clinic_lines, guide_view, region_checked
from recovery_guide.view.boxes import boxed, step_boxes, tier_lines
from recovery_guide.view.timeline import GUTTER, timeline_rows

WIDTH = 78

BOX = "[ ]"
"""A box to tick on paper."""
WRITE_LINE = "_" * 30
RULED_LINE = "_" * 60
"""One blank line to write on (an answer on a handout, one's own question)."""
CONTENTS_INDENT = " " * 4
"""Where a title starts in the contents list, after a step's number ("14. ")."""
BOX_WIDTH = 62
"""A notes box's width in cells, borders included."""
"""A line to write on, after a prompt."""


def fill(text: str, initial_indent: str = "", subsequent_indent: str = "") -> str:
    """Wrap at WIDTH cells, never inside a word or at a hyphen: phone numbers like 1-800-662-4357 stay whole.

    Chinese and Japanese, written without spaces, break by ``linebreak``'s rules (never before a
    comma or after an opening bracket); other text as ``textwrap`` breaks it.
    """
    return "\n".join(linebreak.wrap_cells(text, WIDTH, initial_indent, subsequent_indent))


def box_rows(words: tuple[str, ...], indent: str = "") -> list[str]:
    """``[ ] word`` for each of ``words``, as many to a line as fit in WIDTH cells: a box is never
    parted from its word, so it is always clear which box says what."""
    rows, row = [], ""
    for word in words:
        cell = f"{BOX} {word}"
        wider = f"{row}  {cell}" if row else indent + cell
        if row and cell_width(wider) > WIDTH:
            rows.append(row)
            wider = indent + cell
        row = wider
    return rows + [row] if row else rows


def writing_box(heading: str, lines: int) -> list[str]:
    """A box to write notes in: the heading wrapped inside its top, then ``lines`` empty rows with a
    blank row between each (room for handwriting)."""
    inner = BOX_WIDTH - 4
    edge = "+" + "-" * (BOX_WIDTH - 2) + "+"
    rows = [f"| {line}{' ' * (inner - cell_width(line))} |" for line in linebreak.wrap_cells(heading, inner)]
    empty = f"|{' ' * (BOX_WIDTH - 2)}|"
    rows += [empty] * (2 * lines)
    return [edge, *rows, edge]


def underline(title: str, mark: str = "=") -> str:
    """The title over a line of marks as wide as it is on screen (a Chinese character takes two cells)."""
    return f"{title}\n{mark * cell_width(title)}"


def line_words(line: HelpLine) -> str:
    """One help line as every list of them gives it: "Emergency services: 911. Call if ..."."""
    return wording.labelled(line.name, wording.contact_and_about(line.contact, line.about))


def region_lines(region: Region, numbers: tuple[int, ...] = ()) -> str:
    """One region's lines under headings graded by urgency, in words, then when they were checked
    (against the sources numbered ``numbers``, when given)."""
    lines = [f"{region.name} ({region.code})"]
    for level in Urgency:
        found = region.lines_of(level)
        if found:
            lines.append("  " + wording.label_line(wording.urgency_heading(level)))
            for line in found:
                lines.append(fill(line_words(line), initial_indent="  - ", subsequent_indent="    "))
    lines += [fill(note, initial_indent="  ", subsequent_indent="  ") for note in region_checked(region, numbers)]
    return "\n".join(lines)


def compact_region(region: Region) -> str:
    """One line: a region's emergency and crisis numbers, for when the reader's region is unknown."""
    numbers = wording.list_separator().join(wording.labelled(wording.urgency_short(line.urgency), line.contact) for line in compact_lines(region))
    return fill(wording.labelled(f"{region.name} ({region.code})", numbers), initial_indent="  - ", subsequent_indent="    ")


class TextWriter(BlockWriter[str | None]):
    """Each block as a run of lines (no trailing newline); None for a block this variant leaves out."""

    def __init__(self, plain: bool = False) -> None:
        self.plain = plain

    def title(self, text: str, mark: str = "=") -> str:
        return text if self.plain else underline(text, mark)

    def page(self, view: PageView) -> str:
        """A page: its heading, then each block, a blank line between them, all in the page's language."""
        with in_language(view.language):
            chunks = [self.title(view.heading)] + [self.write(block) for block in view.blocks]
        return "\n\n".join(chunk for chunk in chunks if chunk is not None).rstrip() + "\n"

    # --- the body ----------------------------------------------------------------------------------

    def write_heading(self, block: Heading) -> str:
        text = plain_inline(block.text)
        return underline(text, "-") if not self.plain else wording.label_line(text)

    def write_paragraph(self, block: Paragraph) -> str:
        return fill(plain_inline(block.text))

    def write_steps(self, block: Steps) -> str:
        """Numbered boxes joined by arrows (``view.boxes``); read mode: the numbered list."""
        return self.write_bullet_list(block) if self.plain else "\n".join(step_boxes(block.items))

    def write_bullet_list(self, block: BulletList) -> str:
        lines = []
        for item in block.items:
            marker = item.marker if item.ordered else "-"
            lines.append(fill(plain_inline(item.text), initial_indent=f"  {marker} ", subsequent_indent=" " * (len(marker) + 3)))
        return "\n".join(lines)

    # --- the rest of a page -------------------------------------------------------------------------

    def write_main_message(self, block: MainMessage) -> str:
        """In a box ruled with ``=`` under its label, so it is the first thing the eye meets on paper;
        read mode says "Main message: ..." (a screen reader would read the border aloud)."""
        if self.plain:
            return fill(wording.labelled(wording.main_message(), block.text))
        return "\n".join(boxed(linebreak.wrap_cells(wording.labelled(wording.main_message().upper(), block.text), WIDTH - 4), "=", WIDTH))

    def write_danger_now(self, block: DangerNow) -> str:
        """In a box ruled with ``#``, the border of the most urgent tier: its heading, the region, each
        line as step 13 gives it (name: number. words), then where the rest are. Read mode: the same
        lines without the border (a screen reader would read it aloud)."""
        region = [f"{block.region.name} ({block.region.code})"] if block.region else []
        items = [line_words(line) for line in block.lines]
        if self.plain:
            return "\n".join([wording.label_line(wording.danger_now()), *map(fill, region), *(fill(item, initial_indent="  - ", subsequent_indent="    ") for item in items), fill(block.then)])
        inner = WIDTH - 4
        rows = [*linebreak.wrap_cells(wording.danger_now().upper(), inner), *(row for line in region for row in linebreak.wrap_cells(line, inner))]
        rows += [row for item in items for row in linebreak.wrap_cells(item, inner, "  - ", "    ")]
        rows += linebreak.wrap_cells(block.then, inner)
        return "\n".join(boxed(rows, "#", WIDTH))

    def write_options_chart(self, block: OptionsChart) -> str:
        """Under the main message: its title, caption and rows at the page's width; read mode says each
        row as a sentence, without the squares (a screen reader would read each square aloud)."""
        if self.plain:
            return "\n".join([wording.label_line(wording.options_chart()), fill(wording.options_chart_caption()), *map(fill, options_chart.sentences(block.groups))])
        return "\n".join([self.title(wording.options_chart(), "-"), fill(wording.options_chart_caption()), "", *options_chart.lines(block.groups, WIDTH)])

    def write_key_points(self, block: KeyPoints) -> str:
        return "\n".join([wording.label_line(wording.key_points()), *(fill(point, initial_indent="  - ", subsequent_indent="    ") for point in block.points)])

    def write_timeline(self, block: Timeline) -> str:
        """A vertical picture: a mark per step on a line down the left, each step's words beside it.
        Read mode gets numbered sentences instead (a screen reader would read the line aloud)."""
        if self.plain:
            steps = [fill(wording.labelled(step.when, step.what), initial_indent=f"  {number}. ", subsequent_indent="     ") for number, step in enumerate(block.steps, start=1)]
            return "\n".join([wording.label_line(wording.timeline()), *steps])
        return "\n".join([wording.label_line(wording.timeline()), "", *(row.left + row.words for row in timeline_rows(block.steps, lambda text: linebreak.wrap_cells(text, WIDTH - GUTTER)))])

    def write_evidence_label(self, block: EvidenceLabel) -> str:
        return fill(block.text)

    def write_evidence_scale(self, block: EvidenceScale) -> str:
        return "\n".join([fill(block.text), fill(wording.evidence_scale_line(block.level, block.top, dots=not self.plain))])  # the question, then its answer on the scale (review r14)

    def write_icon_array(self, block: IconArray) -> str:
        """The two blocks of symbols, then the caption, the design and the source; in ``read`` mode
        (``plain``) the words only: a screen reader would read 200 symbols aloud, so a weak design's band
        comes first as a sentence of its own."""
        if self.plain:
            return "\n".join(fill(line) for line in words_lines(block.result, block.source_number, caveat=True))
        words = [fill(line) for line in words_lines(block.result, block.source_number)]
        return "\n".join([*grid_lines(block.result, WIDTH), "", *words])

    def write_statement(self, block: Statement) -> str:
        return fill(block.text)

    def write_help_lines(self, block: HelpLines) -> str:
        """Every region in full, the reader's own first (``HelpLines.in_full``); or every region's
        numbers, one line each, until the reader chooses a region (``HelpLines.numbers_first``)."""
        parts = [wording.no_local_emergency_number(), ""]
        if block.clinic and block.clinic.phone:
            parts += [fill(wording.labelled(block.clinic.name, block.clinic.phone)), ""]
        if block.numbers_first:
            parts += [wording.every_region(), *map(compact_region, block.regions), ""]
        parts += [region_lines(region, block.numbers_of(region)) + "\n" for region in block.in_full]
        parts.append(wording.help_lines_checked(block.checked))
        return "\n".join(parts)

    def write_at_a_glance(self, block: AtAGlance) -> str:
        """The grid at the page's width; in read mode stacked lines without the squares (a screen
        reader would read a grid's columns across, and each square aloud)."""
        if self.plain:
            return "\n".join([wording.label_line(wording.at_a_glance()), *glance.stacked_lines(block.options, WIDTH, dots=False)])
        return "\n".join([self.title(wording.at_a_glance(), "-"), *glance.grid_lines(block.options, WIDTH)])

    def write_options_table(self, block: OptionsTable) -> str:
        """One card per option: its name as a heading line, then each label and its text, wrapped."""
        parts = [self.title(wording.options_heading(), "-")]
        if block.intro:
            parts.append(fill(block.intro))
        for number, option in enumerate(block.options, start=1):
            card = [self.title(f"{number}. {option.name}", "~")]
            for label, (first, *more) in glance.card_fields(option, dots=not self.plain):
                card.append(fill(wording.labelled(label, first), initial_indent="  ", subsequent_indent="    "))
                card += [fill(paragraph, initial_indent="    ", subsequent_indent="    ") for paragraph in more]
            parts.append("\n".join(card))
        return "\n\n".join(parts)

    def write_questions(self, block: Questions) -> str | None:
        if self.plain:
            return None
        lines = [wording.label_line(wording.ask_your_provider())]
        box = f"{BOX} " if block.boxes else ""
        lines += [fill(question.text, initial_indent=f"  {index}. {box}", subsequent_indent=" " * (5 + len(box))) for index, question in enumerate(block.questions, start=1)]
        return "\n".join(lines)

    def write_source_refs(self, block: SourceRefs) -> str:
        refs = ", ".join(f"[{number}]" for number in block.numbers)
        return f"{fill(wording.labelled(wording.sources(), refs))}\n{wording.reviewed(block.reviewed)}"

    def write_language_note(self, block: LanguageNote) -> str:
        return f"{self.title(wording.language_note(), '-')}\n{fill(block.text)}"

    def write_review_dates(self, block: ReviewDates) -> str:
        rows = [fill(wording.review_due(title, reviewed, due), initial_indent="  - ", subsequent_indent="    ") for title, reviewed, due in block.differing]
        usual = [fill(wording.all_reviewed(*block.usual, others=bool(rows)))] if block.usual else []
        return "\n".join([self.title(wording.review_dates(), "-"), *rows, *usual])

    def write_sources(self, block: Sources) -> str:
        parts = [self.title(wording.sources_list(), "-"), *(fill(line) for line in wording.sources_legend()), ""]
        for number, source in enumerate(block.sources, start=1):
            text = f"[{number}] {source.citation}"
            if source.read_through:
                text += f" {wording.read_through(source.read_through)}"
            if source.url:
                text += f" {source.url}"
            parts.append(fill(text, subsequent_indent="    "))
            parts.append(fill(source.note, initial_indent="    ", subsequent_indent="    "))
        return "\n".join(parts)

    def write_clinic_details(self, block: ClinicDetails) -> str:
        return "\n".join([wording.label_line(wording.your_clinic()), *[fill(line, initial_indent="  ", subsequent_indent="  ") for line in clinic_lines(block.clinic)]])

    def write_glossary_entries(self, block: GlossaryEntries) -> str:
        return "\n".join([underline(wording.glossary()), "", *[fill(wording.labelled(term.term, term.definition), subsequent_indent="    ") for term in block.terms]])

    # --- the printed guide's own sections ------------------------------------------------------------

    def write_picture_key(self, block: PictureKey) -> str:
        levels = [fill(line, initial_indent="  - ", subsequent_indent="    ") for line in block.levels]
        bands = [fill(block.bands), ""] if block.bands else []
        return "\n".join([self.title(wording.picture_key()), "", fill(block.legend), "", *bands, fill(wording.evidence_key()), *levels])

    def write_values_worksheet(self, block: ValuesWorksheet) -> str:
        """Each item, then its rating words with a box each; a line to write one's own on. No total."""
        items = ["\n".join([fill(text, initial_indent="  - ", subsequent_indent="    "), *box_rows(block.levels, "    ")]) for text in block.items]
        own = "\n".join([fill(f"{wording.something_else_matters()} {WRITE_LINE}", initial_indent="  - ", subsequent_indent="    "), *box_rows(block.levels, "    ")])
        intro = [fill(block.intro), fill(wording.worksheet_how()), fill(wording.what_matters_note())]
        return "\n\n".join([self.title(wording.what_matters_to_me()), *intro, *items, own])

    def write_urgency_tiers(self, block: UrgencyTiers) -> str:
        """Each tier in a box of its own with its signs inside, its border drawn with its own character
        (# most urgent, then =, then -) so paper in black and white tells the tiers apart by shape as
        well as by words (``view.boxes``)."""
        rows = [self.title(wording.urgency_tiers_heading(), "-")]
        if self.plain:  # read mode: each heading and its list (a screen reader would read the borders aloud)
            for tier in block.tiers:
                rows += ["", fill(tier.heading)]
                rows += [fill(sign, initial_indent="  - ", subsequent_indent="    ") for sign in tier.signs]
            return "\n".join([*rows, *(["", fill(block.unsure)] if block.unsure else [])])
        return "\n".join([*rows, *tier_lines(block)])

    def write_writing_space(self, block: WritingSpace) -> str:
        """Ruled lines under a prompt, or a box drawn in characters with its heading inside (``BOX_WIDTH``
        cells: it fits the page and keeps its shape in black and white)."""
        parts = [underline(block.heading, "-")] if block.heading else []
        if block.boxed:
            parts.append("\n".join(writing_box(block.prompt, block.lines)))
        else:
            parts.append("\n\n".join([fill(block.prompt), *(RULED_LINE for _line in range(block.lines))]))
        return "\n\n".join(parts)

    def write_contents(self, block: Contents) -> str:
        """A line each: a step's number and title, a part's heading lined up with the titles."""
        rows = [fill(entry.title, f"{entry.number:>2}. " if entry.number is not None else CONTENTS_INDENT, CONTENTS_INDENT) for entry in block.entries]
        return "\n".join([self.title(wording.contents()), "", *rows])

    # --- a handout's sections ------------------------------------------------------------------------

    def write_questions_to_ask(self, block: QuestionsToAsk) -> str:
        """Numbered through every topic, each with two lines to write the answer on."""
        groups, number = [], 0
        for title, texts in block.groups:
            questions = []
            for text in texts:
                number += 1
                question = fill(text, initial_indent=f"{number:>2}. ", subsequent_indent="    ")
                questions.append("\n".join([question, f"    {wording.answer()}", "    " + RULED_LINE, "    " + RULED_LINE]))
            groups.append("\n\n".join([title, *questions]))
        return "\n\n".join([underline(wording.my_questions(), "-"), *groups])

    def write_my_understanding(self, block: MyUnderstanding) -> str:
        entries = [fill(wording.labelled(title, text), initial_indent="  - ", subsequent_indent="    ") for title, text in block.entries]
        return "\n\n".join([underline(wording.check_my_understanding(), "-"), *entries])

    def write_what_matters_to_me(self, block: WhatMattersToMe) -> str:
        entries = [fill(wording.value_entry(text, level, own), initial_indent="  - ", subsequent_indent="    ") for text, level, own in block.entries]
        return "\n\n".join([underline(wording.what_matters_to_me(), "-"), fill(wording.what_matters_note()), "\n".join(entries)])

    def write_pages_read(self, block: PagesRead) -> str:
        pages = ["\n".join([title, *(fill(point, initial_indent="  - ", subsequent_indent="    ") for point in points)]) for title, points in block.pages]
        return "\n\n".join([underline(wording.what_i_read(), "-"), *pages])


def guide_text(guide: Guide, region_code: str | None = None, clinic: Clinic | None = None) -> str:
    """The whole guide, every page in order (``GuideView.sequence``: the glossary before the sources)."""
    view = guide_view(guide, region_code, clinic)
    writer = TextWriter()
    header = [underline(wording.app_title()), "", fill(wording.provider_banner()), ""]
    for block, language in view.opening():
        with in_language(language):
            header += [writer.write(block), ""]
    if view.clinic:
        header += [writer.write(view.clinic), ""]
    header.append("")
    body = ["\n".join(header)]
    body += [writer.page(part) + "\n\n" if isinstance(part, PageView) else writer.write(part) + "\n\n\n" for part in view.sequence()]
    return "".join(body).rstrip("\n") + "\n"
