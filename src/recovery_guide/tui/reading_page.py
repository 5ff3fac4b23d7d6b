"""Where each block of a page goes on the reading screen: the full-screen app's writer of the view.

The reading screen has a fixed place for each part of a page (``ReaderScreen``): the key points and
the evidence label in their own boxes, a session's timeline as a picture under the key points, the body as Markdown (with glossary words marked), what
follows the body (help lines, the sentence to agree to, the About page's notes) as more Markdown,
and the sources line at the bottom. ``ReadingPage`` writes each block for its place; the screen only
puts the results into its widgets. It needs no Textual, so it is tested on its own.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from recovery_guide import wording
from recovery_guide.i18n import _, in_language
from recovery_guide.render.markdown import MarkdownWriter
from recovery_guide.view.blocks import BODY_KINDS, AtAGlance, Block, EvidenceLabel, EvidenceScale, IconArray, KeyPoints, MainMessage, OptionsChart, OptionsTable, Questions, SourceRefs, Timeline, UrgencyTiers
from recovery_guide.view import options_chart
from recovery_guide.view.pages import PageView

CHART_WIDTH = 56
"""The options chart's width in the key points' box: a 60-column window's box, inside its border and padding."""


def change_region_hint() -> str:
    return _("Press r to choose your region.")


@dataclass
class PageParts:
    """A page's text, one entry per place on the reading screen."""

    key_points: str = ""
    evidence: str = ""
    body: str = ""
    """Markdown, as the content wrote it (glossary words not yet marked)."""
    extra: str = ""
    """Markdown shown under the body; empty when the page has nothing there."""
    meta: str = ""
    timeline: Timeline | None = None
    """What a session is like, drawn by its own widget under the key points; None on most pages."""
    results: list[IconArray] = field(default_factory=list)
    """The page's results, drawn by the screen as icon arrays after the body (the words about them)."""
    options: OptionsTable | None = None
    """The options side by side: shown as cards of their own (``tui.widgets.option_cards``), not as Markdown."""
    glance: AtAGlance | None = None
    """The options in brief, before their cards: drawn by its own widget (``tui.widgets.at_a_glance``)."""
    tiers: UrgencyTiers | None = None
    """The urgency tiers (Get help now): drawn as bordered rows by their own widget (``tui.widgets.urgency_tiers``)."""
    blocks: list[Block] = field(default_factory=list, repr=False)


class ReadingPage(MarkdownWriter):
    """Markdown for the body and what follows it; plain text for the boxes around them.

    Questions are not written here: the screen lists them itself, with the clinic's own and a mark
    for those already in My questions.
    """

    def __init__(self) -> None:
        super().__init__(section="##", change_hint=change_region_hint(), heading_shift=0)

    def parts(self, view: PageView) -> PageParts:
        """The page's parts, written in the page's own language (``PageView.language``). The hint to
        change region, made with the writer, is the app's own (a key to press): the reader's language."""
        with in_language(view.language):
            return self._parts(view)

    def _parts(self, view: PageView) -> PageParts:
        parts = PageParts(blocks=list(view.blocks))
        body = [block for block in view.blocks if isinstance(block, BODY_KINDS)]
        parts.body = self.blocks(body)
        extra = []
        for block in view.blocks:
            if isinstance(block, MainMessage):  # step 1 opened again from the reading screen: first, in the key points' box
                parts.key_points = "\n\n".join(part for part in (self.write_main_message(block), parts.key_points) if part)
            elif isinstance(block, OptionsChart):  # right under the main message, in the same box
                parts.key_points = "\n\n".join(part for part in (parts.key_points, self.write_chart(block)) if part)
            elif isinstance(block, KeyPoints):
                parts.key_points = "\n\n".join(part for part in (parts.key_points, self.write(block)) if part)
            elif isinstance(block, (EvidenceLabel, EvidenceScale)):
                parts.evidence = self.write(block)
            elif isinstance(block, IconArray):
                parts.results.append(block)
            elif isinstance(block, SourceRefs):
                parts.meta = self.write(block)
            elif isinstance(block, Timeline):
                parts.timeline = block
            elif isinstance(block, OptionsTable):
                parts.options = block
            elif isinstance(block, AtAGlance):
                parts.glance = block
            elif isinstance(block, UrgencyTiers):
                parts.tiers = block
            elif not isinstance(block, (*BODY_KINDS, Questions)):
                extra.append(self.write(block))
        parts.extra = "\n\n".join(extra)
        return parts

    def write_key_points(self, block: KeyPoints) -> str:
        return "\n".join(f"- {point}" for point in block.points)

    def write_main_message(self, block: MainMessage) -> str:
        """Plain text for the key points' box (no markup there): "Main message: ..."."""
        return wording.labelled(wording.main_message(), block.text)

    def write_chart(self, block: OptionsChart) -> str:
        """Plain text for the key points' box: the chart at ``CHART_WIDTH`` cells (stacked, so the box
        wraps nothing on any window the reading screen fits)."""
        return "\n".join([wording.options_chart(), wording.options_chart_caption(), "", *options_chart.lines(block.groups, CHART_WIDTH)])

    def write_evidence_label(self, block: EvidenceLabel) -> str:
        return block.text

    def write_evidence_scale(self, block: EvidenceScale) -> str:
        return f"{wording.evidence_scale_line(block.level, block.top)}\n{block.text}"

    def write_source_refs(self, block: SourceRefs) -> str:
        refs = ", ".join(f"[{number}]" for number in block.numbers)
        return f"{wording.labelled(wording.sources(), refs)}\n{wording.reviewed(block.reviewed)}"

