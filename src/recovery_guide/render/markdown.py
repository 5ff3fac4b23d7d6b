"""Pieces of the guide as Markdown, shared by the full-screen app and Markdown handouts."""

from __future__ import annotations

from recovery_guide import wording
from recovery_guide.model import Clinic, Guide, Region, Page, PageKind, Urgency


def _escape(text: str) -> str:
    """Keep data (names, numbers) from being read as Markdown syntax."""
    for mark in ("\\", "*", "_", "`", "#", "[", "]", "<", ">", "|"):
        text = text.replace(mark, "\\" + mark)
    return text


def region_markdown(region: Region, heading: str = "###") -> str:
    """One region's lines under headings graded by urgency, in words."""
    lines = [f"{heading} {_escape(region.name)} ({region.code})", ""]
    for level in Urgency:
        found = region.lines_of(level)
        if found:
            lines += [f"**{_escape(wording.urgency_heading(level))}**", ""]
            lines += [f"- {_escape(line.name)}: **{_escape(line.contact)}**. {_escape(line.about)}" for line in found]
            lines.append("")
    if region.checked:
        lines += [f"*{_escape(wording.region_checked(region.name, region.checked))}*", ""]
    return "\n".join(lines)


def compact_regions_markdown(regions: tuple[Region, ...] | list[Region]) -> str:
    """Every region's emergency and crisis numbers, one line each: numbers before any question."""
    lines = []
    for region in regions:
        numbers = "; ".join(
            f"{_escape(wording.urgency_short(line.urgency))} **{_escape(line.contact)}**" for line in region.lines if line.urgency is not Urgency.SUPPORT
        )
        lines.append(f"- {_escape(region.name)} ({region.code}): {numbers}")
    return "\n".join(lines) + "\n"


def help_lines_markdown(guide: Guide, region_code: str | None = None, change_hint: str = "") -> str:
    """The reader's region in full and the others compactly; when unknown, every region compactly."""
    region = guide.region(region_code) if region_code else None
    parts = [f"**{_escape(wording.no_local_emergency_number())}**", ""]
    if region:
        parts.append(region_markdown(region))
        parts += [f"### {_escape(wording.every_region())}", "", compact_regions_markdown([r for r in guide.regions if r is not region])]
    else:
        parts += [f"### {_escape(wording.every_region())}", "", compact_regions_markdown(guide.regions)]
    if change_hint:
        parts += [f"*{_escape(change_hint)}*", ""]
    parts.append(f"*{_escape(wording.help_lines_checked(guide.help_lines_checked))}*")
    return "\n".join(parts) + "\n"


def questions_markdown(screen: Page) -> str:
    return "\n".join(f"{index}. {_escape(question.text)}" for index, question in enumerate(screen.questions, start=1)) + "\n"


def sources_markdown(guide: Guide) -> str:
    parts = []
    for number, source in enumerate(guide.sources.values(), start=1):
        url = f" {_escape(source.url)}" if source.url else ""
        parts.append(f"{number}. {_escape(source.citation)}{url}  \n   *{_escape(source.note)}*")
    return "\n".join(parts) + "\n"


def source_refs(guide: Guide, screen: Page) -> str:
    numbers = {source_id: number for number, source_id in enumerate(guide.sources, start=1)}
    return ", ".join(f"\\[{numbers[source_id]}\\]" for source_id in screen.source_ids)


def guide_markdown(guide: Guide, region_code: str | None = None, clinic: Clinic | None = None) -> str:
    """The whole guide as one Markdown document (for clinics' own sites and printing tools)."""
    out = [f"# {_escape(wording.app_title())}", "", f"**{_escape(wording.provider_banner())}**", "", _escape(f"{guide.language.produced} {guide.language.review_status}"), ""]
    if clinic:
        from recovery_guide.render.handout import clinic_lines

        out += [f"**{_escape(wording.your_clinic())}**", "", "  \n".join(_escape(line) for line in clinic_lines(clinic)), ""]
    for number, screen in enumerate(guide.pages, start=1):
        out += [f"## {_escape(wording.step(number, len(guide.pages)))}: {_escape(screen.title)}", ""]
        out += [f"**{_escape(wording.key_points())}**", ""] + [f"- {_escape(point)}" for point in screen.key_points] + [""]
        if screen.evidence:
            out += [f"> {_escape(wording.evidence(screen.evidence))}", ""]
        out += [_demote(screen.body), ""]
        if screen.kind is PageKind.HELP_NOW:
            out.append(help_lines_markdown(guide, region_code))
            if region_code is None:
                out += [region_markdown(region, "####") for region in guide.regions]
        if screen.acknowledge:
            out += [f"**{_escape(screen.acknowledge)}**", ""]
        if screen.questions:
            out += [f"**{_escape(wording.ask_your_provider())}**", "", questions_markdown(screen)]
        out += [f"*{wording.sources()}: {source_refs(guide, screen)}. {_escape(wording.reviewed(screen.reviewed))}*", ""]
        if screen.kind is PageKind.ABOUT:
            out += [f"### {_escape(wording.language_note())}", "", _escape(f"{guide.language.produced} {guide.language.review_status}"), ""]
            out += [f"### {_escape(wording.sources())}", "", sources_markdown(guide)]
    out += [f"## {_escape(wording.glossary())}", ""]
    out += [f"- **{_escape(term.term)}**: {_escape(term.definition)}" for term in sorted(guide.glossary, key=lambda item: item.term.casefold())]
    return "\n".join(out) + "\n"


def _demote(body: str) -> str:
    """Body headings sit under the screen's own heading: ``## X`` becomes ``### X``."""
    return "\n".join("#" + line if line.startswith("#") else line for line in body.strip().splitlines())


def link_terms(body: str, terms) -> str:
    """Mark each glossary term's first use in ``body`` as a ``term:`` link (shown underlined).

    Only plain stretches of text are marked: never inside existing Markdown syntax, so the body's
    own emphasis and headings stay intact.
    """
    from recovery_guide.glossary import term_spans

    seen: set[str] = set()
    out, last = [], 0
    for start, end, term_id in term_spans(body, terms):
        text = body[start:end]
        if term_id in seen or any(mark in text for mark in "*_[]()`#\n"):
            continue
        line_start = body.rfind("\n", 0, start) + 1
        before = body[line_start:start]
        if before.count("[") > before.count("]") or before.count("**") % 2:
            continue
        seen.add(term_id)
        out += [body[last:start], f"[{text}](term:{term_id})"]
        last = end
    out.append(body[last:])
    return "".join(out)
