"""The whole guide as plain, linear text: for screen readers, printing and piping.

No escape codes, no box drawing: headings are underlined, lists are dashes and numbers, so the text
reads the same aloud, on a braille display and on paper.
"""

from __future__ import annotations

import re
import textwrap

from recovery_guide import wording
from recovery_guide.model import Clinic, Guide, Region, Page, PageKind, Urgency

WIDTH = 78


def fill(text: str, **options) -> str:
    """Wrap at WIDTH, never inside a word or at a hyphen: phone numbers like 1-800-662-4357 stay whole."""
    return textwrap.fill(text, WIDTH, break_on_hyphens=False, break_long_words=False, **options)


def markdown_to_text(markdown: str, underline_headings: bool = True) -> str:
    """Body Markdown to plain text: headings underlined, emphasis marks dropped, paragraphs wrapped.

    Without underlines (``read`` mode) a heading is just its own line: a screen reader would
    otherwise read a row of dashes aloud.
    """
    out: list[str] = []
    paragraph: list[str] = []

    def end_block() -> None:
        """Finish the paragraph or list being written, leaving one blank line after it."""
        if paragraph:
            out.append(fill(" ".join(paragraph)))
            paragraph.clear()
        if out and out[-1] != "":
            out.append("")

    for raw in markdown.splitlines():
        line = raw.replace("**", "").replace("__", "").rstrip()
        heading = re.match(r"^#+\s+(.*)$", line)
        item = re.match(r"^\s*([-*+]|\d+[.)])\s+(.*)$", line)
        if not line.strip():
            end_block()
        elif heading:
            end_block()
            title = heading.group(1).strip()
            out += [title, "-" * len(title), ""] if underline_headings else [title + ":", ""]
        elif item:
            if paragraph:
                end_block()
            marker = "-" if item.group(1) in "-*+" else item.group(1)
            out.append(fill(item.group(2), initial_indent=f"  {marker} ", subsequent_indent=" " * (len(marker) + 3)))
        elif out and out[-1].startswith("  ") and raw.startswith("  ") and not paragraph:
            # a list item continued on the next line
            marker_end = out[-1].index(" ", 2) + 1
            joined = out[-1][marker_end:].replace("\n", " ") + " " + line.strip()
            marker = out[-1][2 : marker_end - 1]
            out[-1] = fill(" ".join(joined.split()), initial_indent=f"  {marker} ", subsequent_indent=" " * (len(marker) + 3))
        else:
            if out and out[-1].startswith("  ") and not paragraph:
                out.append("")
            paragraph.append(line.strip())
    end_block()
    return "\n".join(out).strip() + "\n"


def underline(title: str, mark: str = "=") -> str:
    return f"{title}\n{mark * len(title)}"


def region_lines(region: Region) -> str:
    """One region's lines under headings graded by urgency, in words, with when they were checked."""
    lines = [f"{region.name} ({region.code})"]
    for level in Urgency:
        found = region.lines_of(level)
        if found:
            lines.append(f"  {wording.urgency_heading(level)}:")
            for line in found:
                lines.append(fill(f"{line.name}: {line.contact}. {line.about}", initial_indent="  - ", subsequent_indent="    "))
    if region.checked:
        lines.append(fill(wording.region_checked(region.name, region.checked), initial_indent="  ", subsequent_indent="  "))
    return "\n".join(lines)


def compact_region(region: Region) -> str:
    """One line: a region's emergency and crisis numbers, for when the reader's region is unknown."""
    numbers = "; ".join(f"{wording.urgency_short(line.urgency)}: {line.contact}" for line in region.lines if line.urgency is not Urgency.SUPPORT)
    return fill(f"{region.name} ({region.code}): {numbers}", initial_indent="  - ", subsequent_indent="    ")


def help_lines(guide: Guide, region_code: str | None = None) -> str:
    """The reader's region in full and the rest compactly; every region in full when it is unknown."""
    region = guide.region(region_code) if region_code else None
    parts = [wording.no_local_emergency_number(), ""]
    if region:
        parts.append(region_lines(region) + "\n")
        parts += [wording.every_region(), *[compact_region(other) for other in guide.regions if other is not region], ""]
    else:
        parts += [region_lines(item) + "\n" for item in guide.regions]
    parts.append(wording.help_lines_checked(guide.help_lines_checked))
    return "\n".join(parts) + "\n"


def source_list(guide: Guide) -> str:
    parts = []
    for number, source in enumerate(guide.sources.values(), start=1):
        text = f"[{number}] {source.citation}"
        if source.url:
            text += f" {source.url}"
        parts.append(fill(text, subsequent_indent="    "))
        parts.append(fill(source.note, initial_indent="    ", subsequent_indent="    "))
    return "\n".join(parts) + "\n"


def source_numbers(guide: Guide) -> dict[str, int]:
    return {source_id: number for number, source_id in enumerate(guide.sources, start=1)}


def screen_text(guide: Guide, screen: Page, region_code: str | None = None, plain: bool = False) -> str:
    """One screen as text. ``plain`` (the ``read`` mode) drops underlines and leaves the questions to the caller."""
    number = guide.index_of(screen.id) + 1
    heading = f"{wording.step(number, len(guide.pages))}: {screen.title}"

    def title(text: str, mark: str = "=") -> str:
        return text if plain else underline(text, mark)

    parts = [title(heading), ""]
    parts.append(wording.key_points() + ":")
    parts += [fill(point, initial_indent="  - ", subsequent_indent="    ") for point in screen.key_points]
    parts.append("")
    if screen.evidence:
        parts += [fill(wording.evidence(screen.evidence)), ""]
    parts.append(markdown_to_text(screen.body, underline_headings=not plain))
    if screen.kind is PageKind.HELP_NOW:
        parts.append(help_lines(guide, region_code))
    if screen.acknowledge:
        parts += [fill(screen.acknowledge), ""]
    if screen.questions and not plain:
        parts.append(wording.ask_your_provider() + ":")
        parts += [fill(question.text, initial_indent=f"  {index}. ", subsequent_indent="     ") for index, question in enumerate(screen.questions, start=1)]
        parts.append("")
    numbers = source_numbers(guide)
    refs = ", ".join(f"[{numbers[source_id]}]" for source_id in screen.source_ids)
    parts.append(f"{wording.sources()}: {refs}")
    parts.append(wording.reviewed(screen.reviewed))
    if screen.kind is PageKind.ABOUT:
        parts += ["", title(wording.language_note(), "-"), fill(f"{guide.language.produced} {guide.language.review_status}")]
        parts += ["", title(wording.sources(), "-"), source_list(guide)]
    return "\n".join(parts).rstrip() + "\n"


def glossary_text(guide: Guide) -> str:
    parts = [underline(wording.glossary()), ""]
    for term in sorted(guide.glossary, key=lambda item: item.term.casefold()):
        parts.append(fill(f"{term.term}: {term.definition}", subsequent_indent="    "))
    return "\n".join(parts) + "\n"


def guide_text(guide: Guide, region_code: str | None = None, clinic: Clinic | None = None) -> str:
    """The whole guide, every screen in order, then the glossary."""
    header = [
        underline(wording.app_title()),
        "",
        fill(wording.provider_banner()),
        fill(f"{guide.language.produced} {guide.language.review_status}"),
        "",
    ]
    if clinic:
        from recovery_guide.render.handout import clinic_lines

        header += [f"{wording.your_clinic()}:", *[fill(line, initial_indent="  ", subsequent_indent="  ") for line in clinic_lines(clinic)], ""]
    header.append("")
    body = ["\n".join(header)]
    body += [screen_text(guide, screen, region_code) + "\n\n" for screen in guide.pages]
    body.append(glossary_text(guide))
    return "".join(body)
