"""What ``recovery-guide check`` found, and how it is printed: one table row per language, then
every problem as ``file:line: field: message`` (so an editor can jump to it), then a summary line."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from recovery_guide.guide_content.yaml_source import ContentError


class CannotCheck(Exception):
    """The folder could not be checked at all (missing, unreadable, not a content folder)."""


@dataclass(frozen=True)
class Problem:
    """Something an editor must fix, located to the file, line and field."""

    file: str
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.field}: {self.message}"

    @classmethod
    def from_error(cls, error: ContentError) -> Problem:
        return cls(error.file, error.line, error.field_path, error.message)


@dataclass
class LanguageRow:
    """One line of the summary table."""

    code: str
    screens: str = "-"
    current: str = "-"
    stale: str = "-"
    numbers: str = "-"
    catalog: str = "-"
    reading: str = "-"
    review: str = ""
    """The review state from ``language.yaml``'s records (a translation's), listed below the table."""


@dataclass
class Report:
    root: Path
    locales: Path | None
    rows: list[LanguageRow] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def exit_code(self) -> int:
        return 1 if self.problems else 0


HEADER = LanguageRow("Code", "Screens", "Current", "Stale", "Numbers", "Catalog", "Reading level")


def format_report(report: Report) -> str:
    """The table, then problems and warnings as ``file:line: field: message``, then one summary line."""
    columns = ("code", "screens", "current", "stale", "numbers", "catalog")
    rows = [HEADER, *report.rows]
    widths = {name: max(len(getattr(row, name)) for row in rows) for name in columns}
    out = [f"Checking {report.root}" + (f" (UI catalogs: {report.locales})" if report.locales else " (UI catalogs: not checked, no locales folder beside it)"), ""]
    for row in rows:
        out.append("  ".join(getattr(row, name).ljust(widths[name]) for name in columns) + "  " + row.reading)
    reviews = [f"{row.code}: {row.review}" for row in report.rows if row.review]
    if reviews:
        out += ["", "Review:", *reviews]
    if report.problems:
        out += ["", "Problems:", *map(str, report.problems)]
    if report.warnings:
        out += ["", "Warnings:", *report.warnings]
    out += ["", summary(report)]
    return "\n".join(out) + "\n"


def summary(report: Report) -> str:
    count = len(report.problems)
    text = "No problems found" if not count else f"{count} problem{'s' if count != 1 else ''} found"
    if report.warnings:
        text += f" ({len(report.warnings)} warning{'s' if len(report.warnings) != 1 else ''})"
    return text + "."
