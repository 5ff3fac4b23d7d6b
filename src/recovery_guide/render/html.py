"""Self-contained HTML pages (the whole guide, handouts) that print cleanly on paper.

One file, no scripts, no web fonts, no external links to load: a clinic can print it or a reader can
open it offline. Every piece of data is escaped, and the body's Markdown arrives already read into
blocks (``recovery_guide.view``), so content can never inject markup: its only inline mark,
``**bold**``, becomes ``<strong>`` here (and ``*emphasis*`` ``<em>``), after escaping.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from html import escape

from recovery_guide import wording
from recovery_guide.i18n import current_language, in_language, language_tag, text_direction
from recovery_guide.model import Clinic, Guide, HelpLine, Region, ResultGroup, Urgency
from recovery_guide.render.writer import BlockWriter
from recovery_guide.view.blocks import (
    Block,
    compact_lines,
    Steps,
    BODY_KINDS,
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
from recovery_guide.view.contents import anchor
from recovery_guide.view.icons import FILLED, SIDE, filled_mark, legend as icon_legend, mark_at
from recovery_guide.view.pages import PageView, clinic_lines, guide_view, region_checked

ANSWER_LINE = '<div class="answer-line"></div>'
ANSWER_LINES = ANSWER_LINE * 3
"""Room to write an answer: three lines drawn as borders, which print (a background does not)."""

TICK_BOX = '<span class="tick" aria-hidden="true"></span>'
"""An empty box to tick on paper, drawn as a border (which prints in black and white; a background does not)."""

STYLE = """
body { overflow-wrap: break-word; font-family: system-ui, sans-serif, "Segoe UI Symbol", "Apple Symbols", "DejaVu Sans", "Noto Sans Symbols 2", "Noto Sans Symbols2"; font-size: 12pt; line-height: 1.5; max-width: 46em; margin: 2em auto; padding: 0 1em; color: #000; background: #fff; }
h1 { font-size: 2em; border-bottom: 3px solid #000; }
h2 { font-size: 1.6em; margin: 1.6em 0 0.5em; border-bottom: 2px solid #000; }
h3 { font-size: 1.15em; margin: 1.2em 0 0.3em; }
h4 { font-size: 1.05em; margin: 1em 0 0.3em; }
h1, h2, h3, h4 { break-after: avoid; page-break-after: avoid; }
table.values { border-collapse: collapse; } table.values td { border: 1px solid #000; padding: 0.2em 0.6em; }
.marks { font-family: "Segoe UI Symbol", "Apple Symbols", "DejaVu Sans", "Noto Sans Symbols 2", "Noto Sans Symbols2", sans-serif; white-space: nowrap; }
nav.contents ul { list-style: none; padding-inline-start: 0; }
nav.contents li { break-inside: avoid; page-break-inside: avoid; padding-inline-start: 2.5em; }
nav.contents li.step { padding-inline-start: 0; }
nav.contents .step-no { display: inline-block; min-width: 2.5em; white-space: pre; }
nav.contents a { color: inherit; }
.framing, .banner { font-weight: bold; border: 2px solid #000; padding: 0.5em; }
.main-message { font-weight: bold; font-size: 1.15em; border: 5px solid #000; padding: 0.6em 0.8em; margin: 1em 0; break-inside: avoid; page-break-inside: avoid; }
.main-message .label { display: block; text-transform: uppercase; }
.danger-now { border: 6px double #000; padding: 0.2em 0.8em; margin: 1em 0; break-inside: avoid; page-break-inside: avoid; }
.danger-now h2 { font-size: 1.3em; margin-top: 0.3em; border-bottom: none; text-transform: uppercase; }
.danger-now ul { padding-inline-start: 1.2em; }
.options-chart ul { break-inside: avoid; page-break-inside: avoid; }
.options-chart h2 { font-size: 1.3em; margin-bottom: 0.2em; }
.options-chart h3 { font-size: 1em; margin: 0.6em 0 0.2em; }
.legend { font-style: italic; }
.answer { margin-bottom: 1em; }
.answer-line { border-bottom: 1px solid #000; height: 1.5em; }
.answer-label { margin: 0; font-style: italic; }
.number { font-weight: bold; }
.tick { display: inline-block; width: 0.9em; height: 0.9em; border: 1.5px solid #000; vertical-align: -0.1em; margin-inline-end: 0.3em; }
ul.ticks { list-style: none; padding-inline-start: 0; margin: 0.2em 0 0.8em 0; display: flex; flex-wrap: wrap; gap: 0.3em 1.5em; }
ul.ticks li { white-space: nowrap; }
.worksheet > ul { list-style: none; padding-inline-start: 0; }
.worksheet > ul > li { break-inside: avoid; page-break-inside: avoid; }
.write-line { display: inline-block; min-width: 16em; border-bottom: 1px solid #000; height: 1.2em; vertical-align: bottom; }
.worksheet .answer-line { margin-bottom: 0.2em; }
.worksheet { break-before: page; page-break-before: always; }
ol.tiers { list-style: none; padding-inline-start: 0; }
li.tier { padding: 0.4em 0.8em; margin: 0.4em 0; break-inside: avoid; page-break-inside: avoid; }
li.tier-now { border: 5px solid #b00020; }
li.tier-today { border: 5px double #8a5a00; }
li.tier-next-visit { border: 2px dashed #1f4e79; }
.tier-heading { font-weight: bold; margin: 0; }
li.tier ul { margin: 0.3em 0 0 0; }
.tier-mark { display: inline-block; min-width: 2.2em; }
ol.steps { list-style: none; padding-inline-start: 0; padding-inline-end: 1.8em; display: flex; flex-wrap: wrap; gap: 0.6em 2.2em; }
ol.steps li { flex: 1 1 8em; position: relative; border: 2px solid #000; padding: 0.4em 0.6em; break-inside: avoid; page-break-inside: avoid; }
ol.steps li:not(:last-child)::after { content: "\\2192"; position: absolute; right: -1.6em; top: 35%; font-weight: bold; font-size: 1.2em; }
.step-number { font-weight: bold; margin-inline-end: 0.3em; }
@media (max-width: 40em) {
  ol.steps { flex-direction: column; gap: 1.6em; }
  ol.steps li:not(:last-child)::after { content: "\\2193"; right: auto; left: 45%; top: auto; bottom: -1.45em; }
}
.writing, .notes-box { break-inside: avoid; page-break-inside: avoid; }
.notes-box { border: 2px solid #000; padding: 0 0.8em 0.8em 0.8em; margin: 1.5em 0; }
.notes-box h2 { border-bottom: none; margin-top: 0.5em; }
.notes-box .answer-line { height: 2em; }
.urgency { font-weight: bold; text-transform: uppercase; }
.contact { font-weight: bold; }
.number { white-space: nowrap; }
.question, .read, .region li { break-inside: avoid; page-break-inside: avoid; }
ol.timeline { list-style: none; margin-left: 0.6em; padding-left: 1.4em; border-left: 2px solid #000; }
ol.timeline li { position: relative; margin-bottom: 0.6em; break-inside: avoid; page-break-inside: avoid; }
ol.timeline li::before { content: "\\25CF"; position: absolute; left: -1.95em; line-height: inherit; }
.evidence { border-left: 4px solid #000; padding-left: 0.5em; }
.meta, footer { color: #333; font-size: 0.9em; }
.result { break-inside: avoid; page-break-inside: avoid; margin: 1em 0; }
.result-groups { display: flex; flex-wrap: wrap; gap: 2em; }
.result-group p { margin: 0; }
.result-group svg { width: 10em; height: 10em; }
.result-group svg .bad { stroke: #b00020; }
.result.weak .result-group svg .bad { stroke: #666; }
.result .band { flex-basis: 100%; margin: 0; padding: 0.2em 0.5em; text-align: center; font-weight: bold;
  border-top: 3px dashed #000; border-bottom: 3px dashed #000; }
.scale { font-weight: bold; }
footer { border-top: 1px solid #000; margin-top: 2em; }
table.glance { border-collapse: collapse; width: 100%; font-size: 0.9em; }
table.glance th, table.glance td { border: 1px solid #000; padding: 0.3em; text-align: start; vertical-align: top; overflow-wrap: break-word; hyphens: auto; }
table.glance .option-label { display: none; }
table.glance tr { break-inside: avoid; page-break-inside: avoid; }
@media screen and (max-width: 40em) {
  table.glance, table.glance tbody, table.glance tr, table.glance th, table.glance td { display: block; width: auto; }
  table.glance thead { display: none; }
  table.glance tr { border: 2px solid #000; margin: 0 0 0.8em 0; }
  table.glance th, table.glance td { border: none; }
  table.glance th[scope="row"] { border-bottom: 1px solid #000; }
  table.glance .option-label { display: inline; font-weight: bold; }
}
.option-card { border: 2px solid #000; padding: 0 0.8em 0.4em 0.8em; margin: 0 0 1em 0; }
.option-card h4 { font-size: 1.1em; margin: 0.4em 0; padding-bottom: 0.2em; border-bottom: 1px solid #000; break-after: avoid; page-break-after: avoid; }
.option-card dl { margin: 0; }
.option-card dt { font-weight: bold; break-after: avoid; page-break-after: avoid; }
.option-card dd { margin: 0 0 0.5em 0; break-inside: avoid; page-break-inside: avoid; }
.option-card dd p { margin: 0; }
@media print {
  body { margin: 0; max-width: none; font-size: 11pt; }
  a { color: #000; text-decoration: none; }
}
""".strip()

_STRONG = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*")
_EMPHASIS = re.compile(r"(?<![*\w])\*(?=[^\s*])(.+?)(?<=[^\s*])\*(?![*\w])")



NUMBER = re.compile(r"\+?\d[\d\s().-]*\d|\d")
"""A phone number as written in a contact ("1-800-487-4889", "+44 20 7946 0000", "988")."""


def unbroken_numbers(contact: str) -> str:
    """The contact, escaped, with each phone number kept on one line (``.number``): the words around
    it may wrap, so a long contact stays inside its column on paper, but a number is never split
    where a reader would dial half of it (an independent review found the TTY number cut off)."""
    parts, last = [], 0
    for match in NUMBER.finditer(contact):
        parts += [escape(contact[last:match.start()]), f'<span class="number">{escape(match.group())}</span>']
        last = match.end()
    return "".join(parts) + escape(contact[last:])


SQUARES = re.compile(f"[{wording.SCALE_FILLED}{wording.SCALE_EMPTY}]+")
"""The evidence scale's squares ("■■□□□")."""


def marked(text: str) -> str:
    """``text`` escaped, the evidence scale's squares (``SQUARES``) in a ``.marks`` span: all five in
    one font that has them (the page's fonts fall back to one for the pictures' ● ✖ ○ ◍ ✕ too), and
    never a line break between them (Chinese text may break between any two symbols)."""
    parts, last = [], 0
    for match in SQUARES.finditer(text):
        parts += [escape(text[last:match.start()]), f'<span class="marks">{escape(match.group())}</span>']
        last = match.end()
    return "".join(parts) + escape(text[last:])


def id_attribute(block: Block) -> str:
    """`` id="..."`` naming the part ``block`` prints, as the contents list links to it
    (``view.contents.anchor``); empty for a part the list does not name."""
    name = anchor(block)
    return f' id="{escape(name)}"' if name else ""


def css_string(text: str) -> str:
    """``text`` as a CSS string, every character but a letter, a digit or a space written as a CSS
    escape: a quote, a backslash or ``</style>`` in a translation can neither end the string nor the
    style sheet."""
    return '"' + "".join(char if char.isalnum() or char == " " else f"\\{ord(char):x} " for char in text) + '"'


def page_footer(title: str, direction: str) -> str:
    """The printed page's margin boxes (CSS Paged Media, which Chromium and Firefox print): the page
    number in the middle of the foot and ``title``, the guide's short title, at the foot's start. A
    reader holding loose printed sheets can put them back in order (an independent review asked for
    page numbers on the printed guide)."""
    start = "right" if direction == "rtl" else "left"
    return (
        "@page {\n"
        f"  @bottom-{start} {{ content: {css_string(title)}; font: 9pt system-ui, sans-serif; }}\n"
        "  @bottom-center { content: counter(page); font: 9pt system-ui, sans-serif; }\n"
        "}"
    )


def page(language: str, title: str, body: str) -> str:
    """A whole HTML document in ``language`` (sets ``lang`` and ``dir``), numbered when printed, its
    footer giving the guide's short title (``wording.app_title``)."""
    direction = text_direction(language)
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{escape(language_tag(language))}" dir="{escape(direction)}">\n'
        "<head>\n"
        '<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(title)}</title>\n"
        f"<style>\n{STYLE}\n{page_footer(wording.app_title(), direction)}\n</style>\n"
        "</head>\n<body>\n"
        f"{body}\n"
        "</body>\n</html>\n"
    )


def inline_html(text: str) -> str:
    """The content's inline Markdown as HTML: escaped first, then ``**bold**`` and ``*emphasis*``."""
    text = escape(text, quote=False).replace('"', "&quot;")
    return _EMPHASIS.sub(r"<em>\1</em>", _STRONG.sub(r"<strong>\1</strong>", text))


def after(label: str) -> str:
    """What follows ``label`` before its text in the reader's language (": ", "\u00a0: ", "："), escaped:
    the writers here wrap label and text in their own tags, so they join them piece by piece."""
    return escape(wording.label_separator(label))


def contact_span(contact: str) -> str:
    """A help line's number, marked so it never breaks across lines."""
    return f'<span class="contact">{unbroken_numbers(contact)}</span>'


def contact_then_about(contact_html: str, about: str) -> str:
    """A help line's number (already HTML) and the sentence about it, joined as the reader's language
    writes them (``wording.contact_and_about``), every other character escaped."""
    template = escape(wording.contact_and_about("\x00", "\x01"))
    return template.replace("\x00", contact_html).replace("\x01", escape(about))


def label_html(label: str) -> str:
    """A label with its colon, escaped, without the space after it ("What it is:", "Approved?",
    "Ce que c'est\u00a0:"): for a ``<dt>``, whose text follows on a line of its own."""
    words, mark, _gap = wording.label_parts(label)
    return escape(words + mark)


def strong_label(label: str) -> str:
    """A label in bold with its colon, then the space before its text ("<strong>Title:</strong> ")."""
    return f"<strong>{label_html(label)}</strong>{escape(wording.label_parts(label)[2])}"


def line_html(line: HelpLine) -> str:
    """One help line as every list of them gives it: its name, its number (never split), its words."""
    return f"{escape(line.name)}{after(line.name)}{contact_then_about(contact_span(line.contact), line.about)}"


def region_html(region: Region, numbers: tuple[int, ...] = ()) -> str:
    """One region's lines under headings graded by urgency, then when they were checked."""
    parts = [f'<section class="region"><h3>{escape(region.name)} ({escape(region.code)})</h3>']
    for level in Urgency:
        lines = region.lines_of(level)
        if not lines:
            continue
        parts.append(f"<h4>{escape(wording.urgency_heading(level))}</h4><ul>")
        for line in lines:
            parts.append(
                f'<li><span class="urgency">{escape(wording.urgency_short(level))}</span>{after(wording.urgency_short(level))}{line_html(line)}</li>'
            )
        parts.append("</ul>")
    parts += [f'<p class="meta">{escape(note)}</p>' for note in region_checked(region, numbers)]
    parts.append("</section>")
    return "\n".join(parts)


def compact_regions_html(regions: tuple[Region, ...]) -> str:
    """Every region's emergency and crisis numbers, one item each (a handout, when the reader's region
    is unknown)."""
    parts = [f"<h3>{escape(wording.every_region())}</h3><ul>"]
    for region in regions:
        numbers = escape(wording.list_separator()).join(f"{escape(wording.urgency_short(line.urgency))}{after(wording.urgency_short(line.urgency))}<strong>{escape(line.contact)}</strong>" for line in compact_lines(region))
        parts.append(f"<li>{escape(region.name)} ({escape(region.code)}){after(region.name)}{numbers}</li>")
    parts.append("</ul>")
    return "\n".join(parts)


def clinic_phone_html(clinic: Clinic | None) -> list[str]:
    """The clinic's phone as one paragraph beside the help lines; nothing without a phone."""
    if clinic is None or not clinic.phone:
        return []
    return [f"<p>{escape(clinic.name)}{after(clinic.name)}<strong>{escape(clinic.phone)}</strong></p>"]


HATCH = (
    '<defs><pattern id="{id}" width="2" height="2" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">'
    '<rect width="2" height="2" fill="#bbb"/><line x1="0" y1="0" x2="0" y2="2" stroke="#000" stroke-width="1"/></pattern></defs>'
)
"""Grey hatching for the filled dots of a weak-design picture (``Result.caveat``): lines, not a
colour, so it stays different from a fair test's solid black on black-and-white paper."""

_CROSS = '<path class="bad" d="M{x0} {y0}L{x1} {y1}M{x1} {y0}L{x0} {y1}" stroke="{colour}" stroke-width="{width}"/>'
_DOT = '<circle class="filled" cx="{x}" cy="{y}" r="4" fill="{fill}" stroke="#000" stroke-width="0.6"/>'

FILLED_SHAPES: dict[str, tuple[str, Callable[[], str] | None]] = {
    wording.FILLED: (_DOT.replace("{fill}", "#000"), None),
    wording.BAD: (_CROSS.replace("{colour}", "#000").replace("{width}", "2.2"), None),
    wording.WEAK_FILLED: (_DOT.replace("{fill}", "url(#{pattern})"), wording.hatched_marks),
    wording.WEAK_BAD: (_CROSS.replace("{colour}", "#666").replace("{width}", "1.3"), wording.thin_grey_crosses),
}
"""The one rule of how HTML draws a picture's filled mark (``icons.filled_mark``: ● ✖ ◍ ✕) and, for a
weaker study's, the line its legend says about them: a fair test's black dot or heavy black cross; a
weaker study's grey striped dot (``HATCH``), or a thin grey cross (a cross has no room for stripes). The
stripes are defined only where a shape uses them: an independent review found "grey and striped" over
crosses drawn grey only, and a pattern no shape used."""


def icon_svg(group: ResultGroup, label: str, mark: str = wording.FILLED, pattern: str = "hatch") -> str:
    """100 shapes in 10 rows, filled row by row from the top: ``group.count`` filled marks drawn as
    ``FILLED_SHAPES`` says for ``mark`` (so paper tells a bad outcome's crosses from dots by shape), the
    rest empty rings. ``pattern`` is the id the stripes get, where the mark has them (unique on the page)."""
    filled = FILLED_SHAPES[mark][0]
    shapes = []
    for index in range(SIDE * SIDE):
        x, y = 10 * (index % SIDE) + 5, 10 * (index // SIDE) + 5
        if mark_at(index, group) == FILLED:
            shapes.append(filled.format(x=x, y=y, x0=x - 3.5, y0=y - 3.5, x1=x + 3.5, y1=y + 3.5, pattern=pattern))
        else:
            shapes.append(f'<circle class="empty" cx="{x}" cy="{y}" r="3.4" fill="none" stroke="#000" stroke-width="1.2"/>')
    defs = HATCH.format(id=pattern) if "{pattern}" in filled else ""
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100" role="img" aria-label="{escape(label)}">'
        f"<title>{escape(label)}</title>{defs}{''.join(shapes)}</svg>"
    )


class HtmlWriter(BlockWriter[str]):
    """Each block as HTML (no trailing newline).

    Headings make an outline a screen reader can list: the document's title ``<h1>``; each step, and
    each part printed once for the whole guide, ``<h2>``; every section of a step (the body's own
    ``##`` headings, "In brief", "At a glance", the options, the tiers, a region's help lines, "Ask your
    provider") ``<h3>``; below them ``<h4>`` (an option's card, a region's kinds of line). An
    independent review found steps and their sections both ``<h2>`` and "In brief" below them."""

    heading_shift = 1
    """How many levels a body heading sits below the content's own (``##`` under a step's ``<h2>`` is
    ``<h3>``), as in the Markdown print (``MarkdownWriter.heading_shift``)."""

    def page(self, view: PageView) -> str:
        """A page's heading and blocks in the page's own language; a page in another language than the
        document around it (a stale screen shown in English) says so in ``lang`` for screen readers."""
        lang = f' lang="{language_tag(view.language)}"' if view.language != current_language() else ""
        with in_language(view.language):
            parts = [f'<section class="screen" id="{escape(view.id)}"{lang}>', f"<h2>{escape(view.heading)}</h2>"]
            for index, block in enumerate(view.blocks):
                parts.append(self.write(block))
                following = view.blocks[index + 1] if index + 1 < len(view.blocks) else None
                if isinstance(block, BODY_KINDS) and not isinstance(following, BODY_KINDS):
                    parts.append("")  # the body ends with a blank line, as it always has
        parts.append("</section>")
        return "\n".join(parts)

    # --- the body ----------------------------------------------------------------------------------

    def write_heading(self, block: Heading) -> str:
        level = min(block.level + self.heading_shift, 6)
        return f"<h{level}>{inline_html(block.text)}</h{level}>"

    def write_paragraph(self, block: Paragraph) -> str:
        return f"<p>{inline_html(chr(10).join(block.lines))}</p>"

    def write_bullet_list(self, block: BulletList) -> str:
        first = block.items[0]
        tag = "ol" if first.ordered else "ul"
        start = int(first.marker[:-1]) if first.ordered else 1
        opening = f'<ol start="{start}">' if first.ordered and start != 1 else f"<{tag}>"
        items = [f"<li>{inline_html(chr(10).join(item.lines))}</li>" for item in block.items]
        return "\n".join([opening, *items, f"</{tag}>"])

    def write_steps(self, block: Steps) -> str:
        """Numbered boxes in a row, an arrow from each to the next (stacked, arrows down, on a narrow
        page); the number is in the text, so a screen reader reads the numbered list."""
        items = [f'<li><span class="step-number">{escape(item.marker)}</span> {inline_html(chr(10).join(item.lines))}</li>' for item in block.items]
        return "\n".join(['<ol class="steps">', *items, "</ol>"])

    # --- the rest of a page -------------------------------------------------------------------------

    def write_key_points(self, block: KeyPoints) -> str:
        return f"<h3>{escape(wording.key_points())}</h3><ul>" + "".join(f"<li>{escape(point)}</li>" for point in block.points) + "</ul>"

    def write_timeline(self, block: Timeline) -> str:
        """An ordered list drawn as a line with a dot per step (a border and a character: both print in black and white)."""
        steps = "".join(f"<li><strong>{escape(step.when)}</strong><br>{escape(step.what)}</li>" for step in block.steps)
        return f'<h3>{escape(wording.timeline())}</h3><ol class="timeline">{steps}</ol>'

    def write_evidence_label(self, block: EvidenceLabel) -> str:
        return f'<p class="evidence">{escape(block.text)}</p>'

    def write_evidence_scale(self, block: EvidenceScale) -> str:
        scale = marked(wording.evidence_scale_line(block.level, block.top))
        return f'<p class="evidence">{escape(block.text)}<br><span class="scale">{scale}</span></p>'

    def write_icon_array(self, block: IconArray) -> str:
        """Each group as an inline SVG of 100 shapes (a filled circle, or an empty ring) that prints in
        black and white, its label and count above it; the caption as text below, and as each picture's
        title for screen readers."""
        result = block.result
        mark = filled_mark(result)
        drawn = FILLED_SHAPES[mark][1]  # how a weaker study's marks are drawn, said as they are drawn
        legend = "<br>".join(marked(line) for line in (*icon_legend(result), *((drawn(),) if drawn else ())))
        groups = []
        for number, group in enumerate(result.groups):
            count = wording.result_count(group.count)
            said = f"{result.caveat} {result.caption}" if result.caveat else result.caption
            label = wording.labelled(group.label, f"{count}. {said}")
            groups.append(
                f'<div class="result-group"><p><strong>{escape(group.label)}</strong></p><p>{escape(count)}</p>'
                f"{icon_svg(group, label, mark, f'hatch-{result.id}-{number}')}</div>"
            )
        # a weak design's band: a full-width line across both pictures, above their marks (CSS: a dashed black frame, prints without colour)
        band = f'<p class="band" aria-hidden="true">{escape(result.caveat)}</p>' if result.caveat else ""
        weak = " weak" if result.caveat else ""
        return "\n".join(
            [
                f'<figure class="result{weak}" id="result-{escape(result.id)}">',
                f'<p class="legend">{legend}</p>',
                f'<div class="result-groups">{band}{"".join(groups)}</div>',
                f"<figcaption><p>{escape(result.caption)}</p>",
                f'<p class="meta">{escape(wording.result_design(result.design, block.source_number))}</p></figcaption>',
                "</figure>",
            ]
        )

    def write_main_message(self, block: MainMessage) -> str:
        """A bold box with a thick black border: it prints in black and white (no colour needed)."""
        return f'<div class="main-message" role="note"><span class="label">{escape(wording.main_message())}</span>{escape(block.text)}</div>'

    def write_danger_now(self, block: DangerNow) -> str:
        """A box with a heavy double black border (it prints in black and white), its heading, the
        region, each line as step 13 gives it (``line_html``: numbers never split), then where the
        rest are; it fits a 360-px phone (``.danger-now``)."""
        region = f"<p>{escape(block.region.name)} ({escape(block.region.code)})</p>" if block.region else ""
        items = "<ul>" + "".join(f"<li>{line_html(line)}</li>" for line in block.lines) + "</ul>" if block.lines else ""
        return f'<section class="danger-now" aria-labelledby="danger-now"><h2 id="danger-now">{escape(wording.danger_now())}</h2>{region}{items}<p>{escape(block.then)}</p></section>'

    def write_options_chart(self, block: OptionsChart) -> str:
        """Under the main message: a titled section with a list per research screen, a row an item, in
        words with the squares (black and white, so it prints)."""
        parts = ['<section class="options-chart">', f"<h2>{escape(wording.options_chart())}</h2>", f"<p>{escape(wording.options_chart_caption())}</p>"]
        for group in block.groups:
            lang = f' lang="{language_tag(group.language)}"' if group.language and group.language != current_language() else ""
            parts += [f"<h3{lang}>{escape(group.heading)}</h3>", f"<ul{lang}>"]
            with in_language(group.language):  # a stale screen's group in English, whole, like the screen
                for option in group.options:
                    name, *rest = options_chart.row(option)
                    parts.append(f"<li><strong>{escape(name)}</strong>{escape(wording.label_separator(name))}{marked(wording.list_separator().join(rest))}</li>")
                if group.more:
                    parts.append(f"<li>{escape(options_chart.more_line(group))}</li>")
            parts.append("</ul>")
        return "\n".join([*parts, "</section>"])

    def write_statement(self, block: Statement) -> str:
        return f"<p><strong>{escape(block.text)}</strong></p>"

    def write_help_lines(self, block: HelpLines) -> str:
        """Every region in full, the reader's own first (``HelpLines.in_full``; after the reader's
        clinic, when known), or every region's numbers first (``HelpLines.numbers_first``)."""
        numbers = [compact_regions_html(block.regions)] if block.numbers_first else []
        regions = [region_html(region, block.numbers_of(region)) for region in block.in_full]
        checked = f'<p class="meta">{escape(wording.help_lines_checked(block.checked))}</p>'  # as the text and Markdown say it
        return "\n".join([f"<p><strong>{escape(wording.no_local_emergency_number())}</strong></p>", *clinic_phone_html(block.clinic), *numbers, *regions, checked])

    def write_at_a_glance(self, block: AtAGlance) -> str:
        """A real table, one row per option, header cells scoped: its cells are short, so its columns
        wrap inside a printed page's width; on a screen too narrow for four columns (a phone) the
        stylesheet stacks each row with its labels, as the text print's grid does (``table.glance``)."""
        head = "".join(f'<th scope="col">{escape(label)}</th>' for label in glance.headers())
        rows = []
        for option in block.options:
            name, *values = glance.cells(option)
            tds = "".join(f'<td><span class="option-label">{escape(label)}{after(label)}</span>{marked(value)}</td>' for label, value in zip(glance.headers()[1:], values))
            rows.append(f'<tr><th scope="row">{escape(name)}</th>{tds}</tr>')
        return "\n".join([f"<h3>{escape(wording.at_a_glance())}</h3>", f'<table class="glance"><thead><tr>{head}</tr></thead><tbody>', *rows, "</tbody></table>"])

    def write_options_table(self, block: OptionsTable) -> str:
        """One card per option, stacked, as the text print's: a numbered heading with its name, then a
        definition list of each label and its text, so a screen reader says "What it is: ..." (an
        independent review, r16, found a seven-column table of long paragraphs running off the page)."""
        parts = [f"<h3>{escape(wording.options_heading())}</h3>"]
        if block.intro:
            parts.append(f"<p>{escape(block.intro)}</p>")
        for number, option in enumerate(block.options, start=1):
            fields = "".join(f"<dt>{label_html(label)}</dt><dd>{''.join(f'<p>{marked(paragraph)}</p>' for paragraph in paragraphs)}</dd>" for label, paragraphs in glance.card_fields(option))
            parts.append(f'<section class="option-card"><h4>{number}. {escape(option.name)}</h4><dl>{fields}</dl></section>')
        return "\n".join(parts)

    def write_questions(self, block: Questions) -> str:
        box = TICK_BOX if block.boxes else ""
        return f"<h3>{escape(wording.ask_your_provider())}</h3><ol>" + "".join(f"<li>{box}{escape(q.text)}</li>" for q in block.questions) + "</ol>"

    def write_source_refs(self, block: SourceRefs) -> str:
        refs = ", ".join(f'<a href="#source-{number}">[{number}]</a>' for number in block.numbers)
        return f'<p class="meta">{escape(wording.labelled(wording.sources(), ""))}{refs}<br>{escape(wording.reviewed(block.reviewed))}</p>'

    def write_language_note(self, block: LanguageNote) -> str:
        return f"<h3>{escape(wording.language_note())}</h3><p>{escape(block.text)}</p>"

    def write_review_dates(self, block: ReviewDates) -> str:
        rows = "".join(f"<li>{escape(wording.review_due(title, reviewed, due))}</li>" for title, reviewed, due in block.differing)
        usual = f"<p>{escape(wording.all_reviewed(*block.usual, others=bool(rows)))}</p>" if block.usual else ""
        return f"<h3>{escape(wording.review_dates())}</h3>{f'<ul>{rows}</ul>' if rows else ''}{usual}"

    def write_sources(self, block: Sources) -> str:
        legend = "".join(f'<p class="legend">{escape(line)}</p>' for line in wording.sources_legend())
        parts = [f'<h3{id_attribute(block)}>{escape(wording.sources_list())}</h3>{legend}<ol>']
        for index, source in enumerate(block.sources, start=1):
            url = f" {escape(source.url)}" if source.url else ""
            tag = f' <span class="read-through">{escape(wording.read_through(source.read_through))}</span>' if source.read_through else ""
            parts.append(f'<li id="source-{index}">{escape(source.citation)}{tag}{url}<br><em>{escape(source.note)}</em></li>')
        parts.append("</ol>")
        return "\n".join(parts)

    def write_clinic_details(self, block: ClinicDetails) -> str:
        return f'<p class="clinic"><strong>{escape(wording.your_clinic())}</strong><br>' + "<br>".join(escape(line) for line in clinic_lines(block.clinic)) + "</p>"

    def write_glossary_entries(self, block: GlossaryEntries) -> str:
        entries = [f"<dt>{escape(term.term)}</dt><dd>{escape(term.definition)}</dd>" for term in block.terms]
        return "\n".join([f'<section{id_attribute(block)}><h2>{escape(wording.glossary())}</h2><dl>', *entries, "</dl></section>"])

    # --- the printed guide's own sections ------------------------------------------------------------

    def write_picture_key(self, block: PictureKey) -> str:
        levels = "".join(f"<li>{marked(line)}</li>" for line in block.levels)
        return (
            f'<section class="key"{id_attribute(block)}><h2>{escape(wording.picture_key())}</h2><p>{marked(block.legend)}</p>'
            + (f'<p class="band-key">{marked(block.bands)}</p>' if block.bands else "")
            + f'<p>{escape(wording.evidence_key())}</p><ul class="scale-key">{levels}</ul></section>'
        )

    def write_values_worksheet(self, block: ValuesWorksheet) -> str:
        """Each item with its rating words, an empty box before each (borders: they print in black and
        white), and a line to write one's own item on. Nothing is added up."""
        boxes = '<ul class="ticks">' + "".join(f"<li>{TICK_BOX}{escape(level)}</li>" for level in block.levels) + "</ul>"
        items = [f"<li><strong>{escape(text)}</strong>{boxes}</li>" for text in block.items]
        items.append(f'<li><strong>{escape(wording.something_else_matters())}</strong> <span class="write-line"></span>{ANSWER_LINE}{boxes}</li>')
        intro = [f"<p>{escape(text)}</p>" for text in (block.intro, wording.worksheet_how(), wording.what_matters_note())]
        return "\n".join([f'<section class="worksheet"{id_attribute(block)}><h2>{escape(wording.what_matters_to_me())}</h2>', *intro, "<ul>", *items, "</ul></section>"])

    def write_urgency_tiers(self, block: UrgencyTiers) -> str:
        """A list of three boxes, most urgent first: each with its symbol and heading, then its signs,
        a border of its own weight and style (prints in black and white) and a colour on screen."""
        rows = "".join(
            f'<li class="tier tier-{escape(tier.id)}"><p class="tier-heading"><span class="tier-mark">{escape(block.symbol(tier))}</span> {escape(tier.heading)}</p>'
            f'<ul>{"".join(f"<li>{escape(sign)}</li>" for sign in tier.signs)}</ul></li>'
            for tier in block.tiers
        )
        unsure = f"<p>{escape(block.unsure)}</p>" if block.unsure else ""
        return f'<section class="tiers"><h3>{escape(wording.urgency_tiers_heading())}</h3><ol class="tiers">{rows}</ol>{unsure}</section>'

    def write_writing_space(self, block: WritingSpace) -> str:
        """The prompt over ruled lines (borders, which print), or a box with its heading inside."""
        lines = ANSWER_LINE * block.lines
        name = id_attribute(block)
        if block.boxed:
            return f'<section class="notes-box"{name}><h2>{escape(block.prompt)}</h2>{lines}</section>'
        heading = f"<h2>{escape(block.heading)}</h2>" if block.heading else ""
        return f'<section class="writing"{name}>{heading}<p class="answer-label">{escape(block.prompt)}</p><div class="answer">{lines}</div></section>'

    def write_contents(self, block: Contents) -> str:
        """A list of links, a step by its number and title (``lang`` where a stale step is in English),
        a part by its heading, indented to line up with the steps' titles."""
        items = []
        for entry in block.entries:
            lang = f' lang="{language_tag(entry.language)}"' if entry.language and entry.language != current_language() else ""
            number = f'<span class="step-no">{entry.number}. </span>' if entry.number is not None else ""
            kind = ' class="step"' if entry.number is not None else ""
            items.append(f'<li{kind}{lang}><a href="#{escape(entry.anchor)}">{number}{escape(entry.title)}</a></li>')
        return "\n".join(['<nav class="contents" aria-labelledby="contents">', f'<h2 id="contents">{escape(wording.contents())}</h2><ul>', *items, "</ul></nav>"])

    # --- a handout's sections ------------------------------------------------------------------------

    def write_questions_to_ask(self, block: QuestionsToAsk) -> str:
        """Numbered through every topic, each with ruled lines to write the answer on.

        The lines are borders, not a background: browsers leave backgrounds out when printing."""
        parts, number = [f"<h2>{escape(wording.my_questions())}</h2>"], 0
        for title, texts in block.groups:
            parts.append(f'<section class="topic"><h3>{escape(title)}</h3>')
            for text in texts:
                number += 1
                parts.append(
                    f'<div class="question"><p><span class="number">{number}.</span> {escape(text)}</p>'
                    f'<p class="answer-label">{escape(wording.answer())}</p><div class="answer">{ANSWER_LINES}</div></div>'
                )
            parts.append("</section>")
        return "\n".join(parts)

    def write_my_understanding(self, block: MyUnderstanding) -> str:
        entries = [f"<li>{strong_label(title)}{escape(text)}</li>" for title, text in block.entries]
        return "\n".join([f"<h2>{escape(wording.check_my_understanding())}</h2><ul>", *entries, "</ul>"])

    def write_what_matters_to_me(self, block: WhatMattersToMe) -> str:
        """A plain table: words only, no colour or shading, so it prints the same in black and white."""
        rows = []
        for text, level, own in block.entries:
            item = escape(text) + (f" <em>{escape(wording.my_own_value())}</em>" if own else "")
            rows.append(f"<tr><td>{item}</td><td>{escape(level or '')}</td></tr>")
        return "\n".join([f'<section class="values"><h2>{escape(wording.what_matters_to_me())}</h2>', f"<p>{escape(wording.what_matters_note())}</p>", '<table class="values">', *rows, "</table></section>"])

    def write_pages_read(self, block: PagesRead) -> str:
        parts = [f"<h2>{escape(wording.what_i_read())}</h2>"]
        for title, points in block.pages:
            parts += [f'<section class="read"><h3>{escape(title)}</h3><ul>', *(f"<li>{escape(point)}</li>" for point in points), "</ul></section>"]
        return "\n".join(parts)


def guide_html(guide: Guide, region_code: str | None = None, clinic: Clinic | None = None) -> str:
    """The whole guide as one printable page (the glossary before the sources: ``GuideView.sequence``)."""
    view = guide_view(guide, region_code, clinic)
    writer = HtmlWriter()
    parts = [f"<h1>{escape(wording.app_title())}</h1>", f'<p class="banner">{escape(wording.provider_banner())}</p>']
    for block, language in view.opening():
        with in_language(language):
            parts.append(writer.write(block))
    if view.clinic:
        parts.append(writer.write(view.clinic))
    parts += [writer.page(part) if isinstance(part, PageView) else writer.write(part) for part in view.sequence()]
    return page(view.language, wording.app_title(), "\n".join(parts))
