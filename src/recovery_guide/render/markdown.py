"""The page view as Markdown: ``print --format markdown``, and the text the full-screen reader shows.

Data (names, numbers, citations) is escaped so that it is never read as Markdown syntax; the body
keeps the content's own marks (headings and ``**bold**``) and spacing (a block written straight under
another stays so). Body headings sit one level under the page's own heading (``## X`` in the content
becomes ``### X``). The whole guide's headings make an outline, as the HTML's do: the title ``#``; each
step and each part printed once ``##``; a step's sections (the body's, "In brief", "At a glance", the
options, the tiers, a region's help lines, "Ask your provider") ``###``; an option's card ``####``.

``MarkdownWriter`` has two variants: ``print`` (``section="###"``, and with the reader's region
unknown every region's lines in full after the short list) and the full-screen reader
(``section="##"``, body headings as written, a hint on how to choose the region, the lines kept
short; see ``recovery_guide.tui.reading_page``).
"""

from __future__ import annotations

import re

from recovery_guide import wording
from recovery_guide.i18n import in_language
from recovery_guide.model import Clinic, Guide, HelpLine, Region, Urgency
from recovery_guide.render.text import writing_box
from recovery_guide.view.boxes import step_boxes, tier_lines
from recovery_guide.view import glance, options_chart
from recovery_guide.render.writer import BlockWriter
from recovery_guide.view.blocks import (
    Steps,
    Block,
    BulletList,
    ClinicDetails,
    Contents,
    DangerNow,
    EvidenceLabel,
    EvidenceScale,
    GlossaryEntries,
    Heading,
    HelpLines,
    compact_lines,
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
from recovery_guide.view.icons import grid_lines, words_lines
from recovery_guide.view.pages import PageView, clinic_lines, guide_view, region_checked

ICON_WIDTH = 78
"""The width the Markdown's icon arrays are laid out for (both blocks side by side)."""

BOX = "[ ]"
"""A box to tick (a task list item where Markdown has them; the same on paper where it does not)."""
WRITE_LINE = "\\_" * 30
"""A line to write on, escaped so it stays underscores."""

_MARKS = ("\\", "*", "_", "`", "#", "[", "]", "<", ">", "|")
_LINK_MARKS = ("[", "]", "<")


def unlinked(text: str) -> str:
    """The body's own Markdown (bold, emphasis) kept, but no link, image or HTML: a bracket or an angle
    bracket is written escaped, so no Markdown viewer loads or links anything. The loader refuses
    them in content already (``guide_content.fields``); this keeps the promise for any text."""
    for mark in _LINK_MARKS:
        text = text.replace(mark, "\\" + mark)
    return text


def escape_markdown(text: str) -> str:
    """Keep data (names, numbers) from being read as Markdown syntax."""
    for mark in _MARKS:
        text = text.replace(mark, "\\" + mark)
    return text


def labelled_markdown(label: str, text: str, bold: str = "") -> str:
    """``label`` (plain; escaped here) and ``text`` (Markdown already) joined the way the reader's
    language joins them (``wording.label_parts``): ``bold="label"`` makes the label bold ("**Today**:
    ..."), ``bold="mark"`` the label with its colon ("**What it is:** ..."). CommonMark ends bold after
    a punctuation mark only before a space or another mark, so where no space follows the colon
    (Chinese "：") the bold holds the words alone and the marks follow it."""
    words, mark, gap = wording.label_parts(label)
    if not bold:
        return f"{escape_markdown(words)}{escape_markdown(mark)}{gap}{text}"
    if bold == "mark" and gap:
        return f"**{escape_markdown(words + mark)}**{gap}{text}"
    stem = words if gap else words.rstrip("".join(wording.QUESTION_MARKS))
    return f"**{escape_markdown(stem)}**{escape_markdown(words[len(stem) :] + mark)}{gap}{text}"


def line_markdown(line: HelpLine) -> str:
    """One help line as every list of them gives it: its name, its number in bold, its words."""
    return labelled_markdown(line.name, wording.contact_and_about(f"**{escape_markdown(line.contact)}**", escape_markdown(line.about)))


def region_markdown(region: Region, heading: str = "###", numbers: tuple[int, ...] = ()) -> str:
    """One region's lines under headings graded by urgency, in words, then when they were checked."""
    lines = [f"{heading} {escape_markdown(region.name)} ({region.code})", ""]
    for level in Urgency:
        found = region.lines_of(level)
        if found:
            lines += [f"**{escape_markdown(wording.urgency_heading(level))}**", ""]
            lines += ["- " + line_markdown(line) for line in found]
            lines.append("")
    for note in region_checked(region, numbers):
        lines += [f"*{escape_markdown(note)}*", ""]
    return "\n".join(lines)


def compact_regions_markdown(regions: tuple[Region, ...]) -> str:
    """Every region's emergency and crisis numbers, one line each (``HelpLines.numbers_first``)."""
    lines = []
    for region in regions:
        numbers = wording.list_separator().join(labelled_markdown(wording.urgency_short(line.urgency), f"**{escape_markdown(line.contact)}**") for line in compact_lines(region))
        lines.append("- " + labelled_markdown(f"{region.name} ({region.code})", numbers))
    return "\n".join(lines) + "\n"


class MarkdownWriter(BlockWriter[str]):
    """Each block as Markdown (no trailing newline)."""

    def __init__(self, section: str = "###", change_hint: str = "", heading_shift: int = 1) -> None:
        self.heading_shift = heading_shift
        """How many levels a body heading sits below the content's own (1 under a page's ``##`` heading)."""
        self.section = section
        """The heading level of a page's own sections ("In brief", "Ask your provider", the language note, the sources)."""
        self.change_hint = change_hint
        """A line under the help lines on how to choose another region (the full-screen app)."""

    def blocks(self, blocks: tuple[Block, ...] | list[Block]) -> str:
        """Blocks in order, a blank line between them unless the content wrote one straight under the other."""
        return "".join(("\n" if getattr(block, "tight", False) else "\n\n") * bool(index) + self.write(block) for index, block in enumerate(blocks))

    def page(self, view: PageView) -> str:
        """A page's heading and blocks, in the page's own language (``PageView.language``)."""
        with in_language(view.language):
            return f"## {escape_markdown(view.heading)}\n\n" + self.blocks(view.blocks)

    # --- the body ----------------------------------------------------------------------------------

    def write_heading(self, block: Heading) -> str:
        return "#" * (block.level + self.heading_shift) + " " + unlinked(block.text)

    def write_paragraph(self, block: Paragraph) -> str:
        return "\n".join(unlinked(line) for line in block.lines)

    def write_bullet_list(self, block: BulletList) -> str:
        return "\n".join("\n  ".join(unlinked(line) for line in [f"{item.marker} {item.lines[0]}", *item.lines[1:]]) for item in block.items)

    def write_steps(self, block: Steps) -> str:
        """Numbered boxes joined by arrows, fenced so they keep their shape. Narrower than ``print``'s
        (``FENCED_BOX_CELLS``): the app shows this in its body, where a fenced block is not wrapped."""
        return "\n".join(["```text", *step_boxes(block.items, FENCED_BOX_CELLS), "```"])

    # --- the rest of a page -------------------------------------------------------------------------

    def write_key_points(self, block: KeyPoints) -> str:
        return "\n".join([f"{self.section} {escape_markdown(wording.key_points())}", "", *(f"- {escape_markdown(point)}" for point in block.points)])

    def write_timeline(self, block: Timeline) -> str:
        steps = [f"{number}. " + labelled_markdown(step.when, escape_markdown(step.what), bold="label") for number, step in enumerate(block.steps, start=1)]
        return "\n".join([f"{self.section} {escape_markdown(wording.timeline())}", "", *steps])

    def write_evidence_label(self, block: EvidenceLabel) -> str:
        return f"> {escape_markdown(block.text)}"

    def write_evidence_scale(self, block: EvidenceScale) -> str:
        return f"> {escape_markdown(block.text)}  \n> {escape_markdown(wording.evidence_scale_line(block.level, block.top))}"

    def write_icon_array(self, block: IconArray) -> str:
        """The blocks of symbols in a fenced code block (so they keep their columns), then the words."""
        caption, design = words_lines(block.result, block.source_number)
        # a weak design's band: a bold line directly above the picture (bold cannot stand in the fence)
        band = [f"**{escape_markdown(block.result.caveat)}**", ""] if block.result.caveat else []
        return "\n".join([*band, "```text", *grid_lines(block.result, ICON_WIDTH, band=False), "```", "", escape_markdown(caption), "", escape_markdown(design)])

    def write_main_message(self, block: MainMessage) -> str:
        """A bold blockquote: set apart and emphasised in every Markdown viewer."""
        return f"> **{escape_markdown(wording.labelled(wording.main_message(), block.text))}**"

    def write_danger_now(self, block: DangerNow) -> str:
        """A blockquote, set apart as the main message is, under a bold heading: the region, each line
        as step 13 gives it (``line_markdown``), then where the rest are."""
        region = [f"> {escape_markdown(block.region.name)} ({block.region.code})", ">"] if block.region else []
        items = [*(f"> - {line_markdown(line)}" for line in block.lines), ">"] if block.lines else []
        return "\n".join([f"> **{escape_markdown(wording.danger_now())}**", ">", *region, *items, f"> {escape_markdown(block.then)}"])

    def write_statement(self, block: Statement) -> str:
        return f"**{escape_markdown(block.text)}**"

    def write_help_lines(self, block: HelpLines) -> str:
        """Every region in full, the reader's own first (``HelpLines.in_full``), or every region's
        numbers, one line each, until the reader chooses a region (``HelpLines.numbers_first``); then
        the reader's clinic's phone, when known."""
        parts = [f"**{escape_markdown(wording.no_local_emergency_number())}**", ""]
        if block.numbers_first:
            parts += [f"### {escape_markdown(wording.every_region())}", "", compact_regions_markdown(block.regions)]
        parts += [region_markdown(region, numbers=block.numbers_of(region)) for region in block.in_full]
        if self.change_hint:
            parts += [f"*{escape_markdown(self.change_hint)}*", ""]
        parts.append(f"*{escape_markdown(wording.help_lines_checked(block.checked))}*")
        if block.clinic and block.clinic.phone:
            parts += ["", clinic_phone_markdown(block.clinic).rstrip("\n")]
        return "\n".join(parts)

    def write_options_chart(self, block: OptionsChart) -> str:
        """Under the main message: its title and caption, then a list per research screen, a row an item."""
        parts = [f"## {escape_markdown(wording.options_chart())}", "", escape_markdown(wording.options_chart_caption())]
        for group in block.groups:
            with in_language(group.language):  # a stale screen's group in English, whole, like the screen
                parts += ["", f"### {escape_markdown(group.heading)}", ""]
                for option in group.options:
                    name, *rest = options_chart.row(option)
                    parts.append(f"- **{escape_markdown(name)}**{escape_markdown(wording.label_separator(name))}{escape_markdown(wording.list_separator().join(rest))}")
                if group.more:
                    parts.append(f"- {escape_markdown(options_chart.more_line(group))}")
        return "\n".join(parts)

    def write_at_a_glance(self, block: AtAGlance) -> str:
        """The grid as ``print`` draws it, fenced so its columns stay in line."""
        return "\n".join([f"{self.section} {escape_markdown(wording.at_a_glance())}", "", "```text", *glance.grid_lines(block.options, ICON_WIDTH), "```"])

    def write_options_table(self, block: OptionsTable) -> str:
        """Cards, not a table (a table of seven columns is too wide to read): a heading per option,
        then each label in bold and its text."""
        parts = [f"{self.section} {escape_markdown(wording.options_heading())}"]
        if block.intro:
            parts += ["", escape_markdown(block.intro)]
        for number, option in enumerate(block.options, start=1):
            parts += ["", f"{self.section}# {number}. {escape_markdown(option.name)}", ""]
            for label, (first, *more) in glance.card_fields(option):
                parts.append("- " + labelled_markdown(label, escape_markdown(first), bold="mark") + "".join(f"  \n  {escape_markdown(paragraph)}" for paragraph in more))
        return "\n".join(parts)

    def write_questions(self, block: Questions) -> str:
        box = f"{BOX} " if block.boxes else ""
        items = [f"{index}. {box}{escape_markdown(question.text)}" for index, question in enumerate(block.questions, start=1)]
        return "\n".join([f"{self.section} {escape_markdown(wording.ask_your_provider())}", "", *items])

    def write_source_refs(self, block: SourceRefs) -> str:
        return f"*{labelled_markdown(wording.sources(), source_refs(block))}. {escape_markdown(wording.reviewed(block.reviewed))}*"

    def write_language_note(self, block: LanguageNote) -> str:
        return f"{self.section} {escape_markdown(wording.language_note())}\n\n{escape_markdown(block.text)}"

    def write_review_dates(self, block: ReviewDates) -> str:
        rows = [f"- {escape_markdown(wording.review_due(title, reviewed, due))}" for title, reviewed, due in block.differing]
        parts = [f"{self.section} {escape_markdown(wording.review_dates())}", "", *rows]
        if block.usual:
            parts += [""] * bool(rows) + [escape_markdown(wording.all_reviewed(*block.usual, others=bool(rows)))]
        return "\n".join(parts)

    def write_sources(self, block: Sources) -> str:
        parts = [f"{self.section} {escape_markdown(wording.sources_list())}", "", *(f"*{escape_markdown(line)}*  " for line in wording.sources_legend()), ""]
        for number, source in enumerate(block.sources, start=1):
            url = f" {escape_markdown(source.url)}" if source.url else ""
            tag = f" {escape_markdown(wording.read_through(source.read_through))}" if source.read_through else ""
            parts.append(f"{number}. {escape_markdown(source.citation)}{tag}{url}  \n   *{escape_markdown(source.note)}*")
        return "\n".join(parts)

    def write_clinic_details(self, block: ClinicDetails) -> str:
        return f"**{escape_markdown(wording.your_clinic())}**\n\n" + "  \n".join(escape_markdown(line) for line in clinic_lines(block.clinic))

    def write_glossary_entries(self, block: GlossaryEntries) -> str:
        return "\n".join([f"## {escape_markdown(wording.glossary())}", "", *("- " + labelled_markdown(term.term, escape_markdown(term.definition), bold="label") for term in block.terms)])

    # --- the printed guide's own sections ------------------------------------------------------------

    def write_picture_key(self, block: PictureKey) -> str:
        levels = [f"- {escape_markdown(line)}" for line in block.levels]
        return "\n".join([f"## {escape_markdown(wording.picture_key())}", "", escape_markdown(block.legend), "", *([escape_markdown(block.bands), ""] if block.bands else []), escape_markdown(wording.evidence_key()), "", *levels])

    def write_values_worksheet(self, block: ValuesWorksheet) -> str:
        """A list of the items, each with a task list of its rating words under it; a line to write one's own on."""
        boxes = [f"  - {BOX} {escape_markdown(level)}" for level in block.levels]
        intro = [escape_markdown(block.intro), escape_markdown(wording.worksheet_how()), escape_markdown(wording.what_matters_note())]
        parts = [f"## {escape_markdown(wording.what_matters_to_me())}", *intro]
        items = [f"- **{escape_markdown(text)}**" for text in block.items] + [f"- **{escape_markdown(wording.something_else_matters())}** {WRITE_LINE}"]
        parts.append("\n".join(line for item in items for line in (item, *boxes)))
        return "\n\n".join(parts)

    def write_urgency_tiers(self, block: UrgencyTiers) -> str:
        """The tiers as ``print`` draws them (a box each, its own border, its signs inside), fenced so they keep their shape."""
        return "\n".join([f"{self.section} {escape_markdown(wording.urgency_tiers_heading())}", "", "```text", *tier_lines(block), "```"])

    def write_writing_space(self, block: WritingSpace) -> str:
        """The prompt, then blank lines drawn as underscores; a notes box as the plain text's box, fenced."""
        parts = [f"## {escape_markdown(block.heading)}"] if block.heading else []  # a part of its own, after the steps
        if block.boxed:
            parts.append("\n".join(["```text", *writing_box(block.prompt, block.lines), "```"]))
        else:
            parts += [f"**{escape_markdown(block.prompt)}**", *(WRITE_LINE * 2 for _line in range(block.lines))]
        return "\n\n".join(parts)

    def write_contents(self, block: Contents) -> str:
        """A line each (a hard line break after each), a step's number escaped so no viewer renumbers
        the list: the parts between the steps have no number."""
        rows = [f"{entry.number}\\. {escape_markdown(entry.title)}" if entry.number is not None else escape_markdown(entry.title) for entry in block.entries]
        return "\n".join([f"## {escape_markdown(wording.contents())}", "", "  \n".join(rows)])

    # --- a handout's sections ------------------------------------------------------------------------

    def write_questions_to_ask(self, block: QuestionsToAsk) -> str:
        parts, number = [f"## {escape_markdown(wording.my_questions())}"], 0
        for title, texts in block.groups:
            parts += ["", f"{self.section} {escape_markdown(title)}", ""]
            for text in texts:
                number += 1
                parts.append(f"{number}. {escape_markdown(text)}")
        return "\n".join(parts)

    def write_my_understanding(self, block: MyUnderstanding) -> str:
        return "\n".join([f"## {escape_markdown(wording.check_my_understanding())}", "", *("- " + labelled_markdown(title, escape_markdown(text), bold="mark") for title, text in block.entries)])

    def write_what_matters_to_me(self, block: WhatMattersToMe) -> str:
        entries = [f"- {escape_markdown(wording.value_entry(text, level, own))}" for text, level, own in block.entries]
        return "\n".join([f"## {escape_markdown(wording.what_matters_to_me())}", "", escape_markdown(wording.what_matters_note()), "", *entries])

    def write_pages_read(self, block: PagesRead) -> str:
        parts = [f"## {escape_markdown(wording.what_i_read())}"]
        for title, points in block.pages:
            parts += ["", f"{self.section} {escape_markdown(title)}", "", *(f"- {escape_markdown(point)}" for point in points)]
        return "\n".join(parts)


def clinic_phone_markdown(clinic: Clinic | None) -> str:
    """The clinic's phone (and hours) on one line, to sit beside the help lines; empty without a phone."""
    if clinic is None or not clinic.phone:
        return ""
    hours = f" ({escape_markdown(clinic.hours)})" if clinic.hours else ""
    return labelled_markdown(wording.your_clinic(), labelled_markdown(clinic.name, f"**{escape_markdown(clinic.phone)}**{hours}"), bold="label") + "\n\n"


def source_refs(block: SourceRefs) -> str:
    """``\\[1\\], \\[4\\]``: the numbers of a page's sources, escaped so they stay plain brackets."""
    return ", ".join(f"\\[{number}\\]" for number in block.numbers)


def guide_markdown(guide: Guide, region_code: str | None = None, clinic: Clinic | None = None) -> str:
    """The whole guide as one Markdown document (for clinics' own sites and printing tools)."""
    view = guide_view(guide, region_code, clinic)
    writer = MarkdownWriter()
    chunks = [f"# {escape_markdown(wording.app_title())}", f"**{escape_markdown(wording.provider_banner())}**"]
    for block, language in view.opening():
        with in_language(language):
            chunks.append(writer.write(block))
    if view.clinic:
        chunks.append(writer.write(view.clinic))
    chunks += [writer.page(part) if isinstance(part, PageView) else writer.write(part) for part in view.sequence()]
    return "\n\n".join(chunks) + "\n"


FENCED_BOX_CELLS = 40
"""The width of a box drawn in a fenced block: whole in a 60-column window both in the reading pane and
in the narrower Get help now dialog (h), where 46 cells were cut (the fence's padding and the margins
take the rest)."""

_FENCED = re.compile(r"^```.*?^```", re.MULTILINE | re.DOTALL)
"""A fenced block (a picture drawn in characters)."""


def link_terms(body: str, terms) -> str:
    """Mark each glossary term's first use in ``body`` as a ``term:`` link (shown underlined).

    Only plain stretches of text are marked: never inside existing Markdown syntax, so the body's
    own emphasis and headings stay intact.
    """
    from recovery_guide.glossary import term_spans

    seen: set[str] = set()
    out, last = [], 0
    fences = [match.span() for match in _FENCED.finditer(body)]
    for start, end, term_id in term_spans(body, terms):
        text = body[start:end]
        if term_id in seen or any(mark in text for mark in "*_[]()`#\n") or any(low <= start < high for low, high in fences):
            continue  # never inside a picture drawn in a fenced block (the steps): it keeps its shape
        line_start = body.rfind("\n", 0, start) + 1
        before = body[line_start:start]
        if before.count("[") > before.count("]") or before.count("**") % 2:
            continue
        seen.add(term_id)
        out += [body[last:start], f"[{text}](term:{term_id})"]
        last = end
    out.append(body[last:])
    return "".join(out)
