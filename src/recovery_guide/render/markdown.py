"""Pieces of the guide as Markdown, shared by the full-screen app and Markdown handouts."""

from __future__ import annotations

from recovery_guide import labels
from recovery_guide.model import Guide, Region, Screen


def _escape(text: str) -> str:
    """Keep data (names, numbers) from being read as Markdown syntax."""
    for mark in ("\\", "*", "_", "`", "#", "[", "]", "<", ">", "|"):
        text = text.replace(mark, "\\" + mark)
    return text


def region_markdown(region: Region, heading: str = "###") -> str:
    lines = [f"{heading} {_escape(region.name)} ({region.code})", ""]
    for line in region.lines:
        lines.append(f"- **{_escape(labels.urgency(line.urgency))}**: {_escape(line.name)}: **{_escape(line.contact)}**. {_escape(line.about)}")
    return "\n".join(lines) + "\n"


def help_lines_markdown(guide: Guide, region_code: str | None = None) -> str:
    """Lines for one region, or every region at once when the region is unknown."""
    regions = guide.regions_for(region_code)
    parts = [f"**{_escape(labels.no_local_emergency_number())}**", ""]
    parts += [region_markdown(item) for item in regions]
    parts.append(f"*{_escape(labels.help_lines_checked(guide.help_lines_checked))}*")
    return "\n".join(parts) + "\n"


def questions_markdown(screen: Screen) -> str:
    return "\n".join(f"{index}. {_escape(question.text)}" for index, question in enumerate(screen.questions, start=1)) + "\n"


def sources_markdown(guide: Guide) -> str:
    parts = []
    for number, source in enumerate(guide.sources.values(), start=1):
        url = f" {_escape(source.url)}" if source.url else ""
        parts.append(f"{number}. {_escape(source.citation)}{url}  \n   *{_escape(source.note)}*")
    return "\n".join(parts) + "\n"


def source_refs(guide: Guide, screen: Screen) -> str:
    numbers = {source_id: number for number, source_id in enumerate(guide.sources, start=1)}
    return ", ".join(f"\\[{numbers[source_id]}\\]" for source_id in screen.source_ids)
