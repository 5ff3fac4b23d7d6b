"""The handout a reader takes to their appointment, as plain text or as a printable HTML page.

Both formats are built from one ``Handout`` so they always say the same thing: the reader's
questions with room to write the answers, what they want checked, the key points of the screens they
read, their clinic, and help lines for their region (or every region's urgent numbers when the region
is unknown).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Iterable

from recovery_guide import wording
from recovery_guide.model import Clinic, Guide, Region, PageKind, Urgency
from recovery_guide.my_questions import EntryKind, MyQuestions


@dataclass
class Handout:
    language: str
    title: str
    made_on: str
    framing: str
    clinic: Clinic | None
    questions: list[tuple[str, list[str]]]
    """(topic title, question texts), in the reader's order."""
    understanding: list[tuple[str, str]]
    """(topic title, the reader's own words)."""
    key_points: list[tuple[str, tuple[str, ...]]]
    """(screen title, key points) for each topic screen the reader opened, in reading order."""
    regions: tuple[Region, ...]
    """The reader's region, or every region when it is unknown."""
    region_known: bool
    footer: list[str] = field(default_factory=list)


def build_handout(guide: Guide, notebook: MyQuestions, region_code: str | None, clinic: Clinic | None = None, today: date | None = None, visited: Iterable[str] = ()) -> Handout:
    today = today or date.today()
    groups = notebook.groups(guide, clinic, wording.general_questions())
    questions = [(group.title, [text for _entry, text in group.entries]) for group in groups]
    understanding = [
        (group.title, text)
        for group in notebook.groups(guide, clinic, wording.general_questions(), kinds=(EntryKind.UNDERSTANDING,))
        for _entry, text in group.entries
    ]
    visited = set(visited)
    key_points = [(screen.title, screen.key_points) for screen in guide.pages if screen.id in visited and screen.kind is PageKind.TOPIC]
    region = guide.region(region_code) if region_code else None
    return Handout(
        language=guide.language.code,
        title=wording.handout_title(),
        made_on=wording.made_on(today),
        framing=wording.appointment_framing(),
        clinic=clinic,
        questions=questions,
        understanding=understanding,
        key_points=key_points,
        regions=(region,) if region else guide.regions,
        region_known=region is not None,
        footer=[wording.provider_banner(), f"{guide.language.produced} {guide.language.review_status}", wording.help_lines_checked(guide.help_lines_checked)],
    )


# --- plain text -------------------------------------------------------------------------------------


def handout_text(handout: Handout) -> str:
    from recovery_guide.render.text import compact_region, fill, region_lines, underline

    out = [underline(handout.title), handout.made_on, "", fill(handout.framing), ""]
    if handout.clinic:
        out += [underline(wording.your_clinic(), "-"), *clinic_lines(handout.clinic), ""]
    number = 0
    if handout.questions:
        out += [underline(wording.my_questions(), "-"), ""]
        for title, texts in handout.questions:
            out += [title, ""]
            for text in texts:
                number += 1
                out.append(fill(text, initial_indent=f"{number:>2}. ", subsequent_indent="    "))
                out += [f"    {wording.answer()}", "    " + "_" * 60, "    " + "_" * 60, ""]
    if handout.understanding:
        out += [underline(wording.check_my_understanding(), "-"), ""]
        for title, text in handout.understanding:
            out += [fill(f"{title}: {text}", initial_indent="  - ", subsequent_indent="    "), ""]
    if handout.key_points:
        out += [underline(wording.what_i_read(), "-"), ""]
        for title, points in handout.key_points:
            out.append(title)
            out += [fill(point, initial_indent="  - ", subsequent_indent="    ") for point in points]
            out.append("")
    out += [underline(wording.help_lines_heading(), "-"), "", fill(wording.no_local_emergency_number()), ""]
    if handout.clinic and handout.clinic.phone:
        out += [fill(f"{handout.clinic.name}: {handout.clinic.phone}"), ""]
    if handout.region_known:
        out += [region_lines(region) + "\n" for region in handout.regions]
    else:
        out += [wording.every_region(), *[compact_region(region) for region in handout.regions], ""]
    out += ["-" * 40, *[fill(line) for line in handout.footer]]
    return "\n".join(out).rstrip() + "\n"


def clinic_lines(clinic: Clinic) -> list[str]:
    lines = [clinic.name]
    if clinic.phone:
        lines.append(wording.clinic_phone(clinic.phone))
    if clinic.hours:
        lines.append(wording.clinic_hours(clinic.hours))
    return lines


# --- HTML ---------------------------------------------------------------------------------------------


def handout_html(handout: Handout) -> str:
    from html import escape

    from recovery_guide.render.html import page, region_html

    parts = [f"<h1>{escape(handout.title)}</h1>", f'<p class="date">{escape(handout.made_on)}</p>', f'<p class="framing">{escape(handout.framing)}</p>']
    if handout.clinic:
        parts.append(f'<section class="clinic"><h2>{escape(wording.your_clinic())}</h2>')
        parts.append("<p>" + "<br>".join(escape(line) for line in clinic_lines(handout.clinic)) + "</p></section>")
    if handout.questions:
        parts.append(f"<h2>{escape(wording.my_questions())}</h2>")
        number = 0
        for title, texts in handout.questions:
            parts.append(f'<section class="topic"><h3>{escape(title)}</h3>')
            for text in texts:
                number += 1
                parts.append(
                    f'<div class="question"><p><span class="number">{number}.</span> {escape(text)}</p>'
                    f'<p class="answer-label">{escape(wording.answer())}</p><div class="answer"></div></div>'
                )
            parts.append("</section>")
    if handout.understanding:
        parts.append(f"<h2>{escape(wording.check_my_understanding())}</h2><ul>")
        parts += [f"<li><strong>{escape(title)}:</strong> {escape(text)}</li>" for title, text in handout.understanding]
        parts.append("</ul>")
    if handout.key_points:
        parts.append(f"<h2>{escape(wording.what_i_read())}</h2>")
        for title, points in handout.key_points:
            parts.append(f'<section class="read"><h3>{escape(title)}</h3><ul>')
            parts += [f"<li>{escape(point)}</li>" for point in points]
            parts.append("</ul></section>")
    parts.append(f'<section class="help"><h2>{escape(wording.help_lines_heading())}</h2><p><strong>{escape(wording.no_local_emergency_number())}</strong></p>')
    if handout.clinic and handout.clinic.phone:
        parts.append(f"<p>{escape(handout.clinic.name)}: <strong>{escape(handout.clinic.phone)}</strong></p>")
    if handout.region_known:
        parts += [region_html(region) for region in handout.regions]
    else:
        parts.append(f"<h3>{escape(wording.every_region())}</h3><ul>")
        for region in handout.regions:
            numbers = "; ".join(
                f"{escape(wording.urgency_short(line.urgency))}: <strong>{escape(line.contact)}</strong>"
                for line in region.lines
                if line.urgency is not Urgency.SUPPORT
            )
            parts.append(f"<li>{escape(region.name)} ({escape(region.code)}): {numbers}</li>")
        parts.append("</ul>")
    parts.append("</section>")
    parts.append('<footer>' + "".join(f"<p>{escape(line)}</p>" for line in handout.footer) + "</footer>")
    return page(handout.language, handout.title, "\n".join(parts))
