"""The handout as plain text or as a printable HTML page: two writers of one ``HandoutView``.

Both write the same blocks (``recovery_guide.view.handout``), so the two formats always say the same
thing. A handout differs from a page of the guide in two ways, written here: the clinic is a
section of its own, and the help lines are the reader's own region alone when it is known (it is
made for one person, who can also look every region up in the guide), or every region's urgent
numbers on one line each when it is not.
"""

from __future__ import annotations

from html import escape

from recovery_guide import wording
from recovery_guide.render.html import HtmlWriter, clinic_phone_html, compact_regions_html, page, region_html
from recovery_guide.render.text import TextWriter, compact_region, fill, region_lines, underline
from recovery_guide.view.blocks import ClinicDetails, HelpLines
from recovery_guide.view.handout import HandoutView, build_handout
from recovery_guide.view.pages import clinic_lines

__all__ = ["build_handout", "handout_html", "handout_text"]


class HandoutText(TextWriter):
    def write_clinic_details(self, block: ClinicDetails) -> str:
        return "\n".join([underline(wording.your_clinic(), "-"), *clinic_lines(block.clinic)])

    def write_help_lines(self, block: HelpLines) -> str:
        parts = [underline(wording.help_lines_heading(), "-"), "", fill(wording.no_local_emergency_number()), ""]
        if block.clinic and block.clinic.phone:
            parts += [fill(wording.labelled(block.clinic.name, block.clinic.phone)), ""]
        if block.own:
            parts.append(region_lines(block.own))
        else:
            parts += [wording.every_region(), *[compact_region(region) for region in block.regions]]
        return "\n".join(parts)


class HandoutHtml(HtmlWriter):
    def write_clinic_details(self, block: ClinicDetails) -> str:
        lines = "<br>".join(escape(line) for line in clinic_lines(block.clinic))
        return f'<section class="clinic"><h2>{escape(wording.your_clinic())}</h2>\n<p>{lines}</p></section>'

    def write_help_lines(self, block: HelpLines) -> str:
        parts = [f'<section class="help"><h2>{escape(wording.help_lines_heading())}</h2><p><strong>{escape(wording.no_local_emergency_number())}</strong></p>']
        parts += clinic_phone_html(block.clinic)
        parts.append(region_html(block.own) if block.own else compact_regions_html(block.regions))
        parts.append("</section>")
        return "\n".join(parts)


def handout_text(handout: HandoutView) -> str:
    writer = HandoutText()
    header = f"{underline(handout.title)}\n{handout.made_on}\n\n{fill(handout.framing)}"
    footer = "\n".join(["-" * 40, *(fill(line) for line in handout.footer)])
    return "\n\n".join([header, *(writer.write(block) for block in handout.blocks), footer]).rstrip() + "\n"


def handout_html(handout: HandoutView) -> str:
    writer = HandoutHtml()
    parts = [f"<h1>{escape(handout.title)}</h1>", f'<p class="date">{escape(handout.made_on)}</p>', f'<p class="framing">{escape(handout.framing)}</p>']
    parts += [writer.write(block) for block in handout.blocks]
    parts.append("<footer>" + "".join(f"<p>{escape(line)}</p>" for line in handout.footer) + "</footer>")
    return page(handout.language, handout.title, "\n".join(parts))
