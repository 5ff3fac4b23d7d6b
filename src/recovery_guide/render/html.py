"""Self-contained HTML pages (the whole guide, handouts) that print cleanly on paper.

One file, no scripts, no web fonts, no external links to load: a clinic can print it or a reader can
open it offline. Every piece of data is escaped; Markdown is rendered with raw HTML switched off, so
content can never inject markup.
"""

from __future__ import annotations

from html import escape

from recovery_guide import wording
from recovery_guide.i18n import language_tag, text_direction
from recovery_guide.model import Clinic, Guide, Region, Page, PageKind, Urgency

STYLE = """
body { font-family: system-ui, sans-serif; font-size: 12pt; line-height: 1.5; max-width: 46em; margin: 2em auto; padding: 0 1em; color: #000; background: #fff; }
h1 { font-size: 1.6em; border-bottom: 2px solid #000; }
h2 { font-size: 1.3em; margin-top: 1.5em; border-bottom: 1px solid #555; }
h3 { font-size: 1.1em; }
.framing, .banner { font-weight: bold; border: 2px solid #000; padding: 0.5em; }
.answer { border-bottom: 1px solid #000; height: 4.5em; margin-bottom: 1em; background: repeating-linear-gradient(#fff, #fff 1.45em, #999 1.5em); }
.answer-label { margin: 0; font-style: italic; }
.number { font-weight: bold; }
.urgency { font-weight: bold; text-transform: uppercase; }
.contact { font-weight: bold; white-space: nowrap; }
.question, .read, .region, section.screen { break-inside: avoid; page-break-inside: avoid; }
section.screen { break-before: auto; }
.evidence { border-left: 4px solid #000; padding-left: 0.5em; }
.meta, footer { color: #333; font-size: 0.9em; }
footer { border-top: 1px solid #000; margin-top: 2em; }
@media print {
  body { margin: 0; max-width: none; font-size: 11pt; }
  a { color: #000; text-decoration: none; }
  h2, h3 { break-after: avoid; page-break-after: avoid; }
}
""".strip()


def page(language: str, title: str, body: str) -> str:
    """A whole HTML document in ``language`` (sets ``lang`` and ``dir``)."""
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{escape(language_tag(language))}" dir="{escape(text_direction(language))}">\n'
        "<head>\n"
        '<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(title)}</title>\n"
        f"<style>\n{STYLE}\n</style>\n"
        "</head>\n<body>\n"
        f"{body}\n"
        "</body>\n</html>\n"
    )


def markdown_html(text: str) -> str:
    """Content Markdown as HTML, raw HTML disabled (``<`` in content shows as ``<``)."""
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark", {"html": False}).render(text)


def region_html(region: Region) -> str:
    parts = [f'<section class="region"><h3>{escape(region.name)} ({escape(region.code)})</h3>']
    for level in Urgency:
        lines = region.lines_of(level)
        if not lines:
            continue
        parts.append(f"<h4>{escape(wording.urgency_heading(level))}</h4><ul>")
        for line in lines:
            parts.append(
                f'<li><span class="urgency">{escape(wording.urgency_short(level))}</span>: {escape(line.name)}: '
                f'<span class="contact">{escape(line.contact)}</span>. {escape(line.about)}</li>'
            )
        parts.append("</ul>")
    if region.checked:
        parts.append(f'<p class="meta">{escape(wording.region_checked(region.name, region.checked))}</p>')
    parts.append("</section>")
    return "\n".join(parts)


def screen_html(guide: Guide, screen: Page, region_code: str | None) -> str:
    number = guide.index_of(screen.id) + 1
    parts = [f'<section class="screen" id="{escape(screen.id)}">', f"<h2>{escape(wording.step(number, len(guide.pages)))}: {escape(screen.title)}</h2>"]
    parts.append(f"<h3>{escape(wording.key_points())}</h3><ul>" + "".join(f"<li>{escape(point)}</li>" for point in screen.key_points) + "</ul>")
    if screen.evidence:
        parts.append(f'<p class="evidence">{escape(wording.evidence(screen.evidence))}</p>')
    parts.append(markdown_html(screen.body))
    if screen.kind is PageKind.HELP_NOW:
        parts.append(f"<p><strong>{escape(wording.no_local_emergency_number())}</strong></p>")
        parts += [region_html(region) for region in guide.regions_for(region_code)]
    if screen.acknowledge:
        parts.append(f"<p><strong>{escape(screen.acknowledge)}</strong></p>")
    if screen.questions:
        parts.append(f"<h3>{escape(wording.ask_your_provider())}</h3><ol>" + "".join(f"<li>{escape(q.text)}</li>" for q in screen.questions) + "</ol>")
    numbers = {source_id: index for index, source_id in enumerate(guide.sources, start=1)}
    refs = ", ".join(f'<a href="#source-{numbers[source_id]}">[{numbers[source_id]}]</a>' for source_id in screen.source_ids)
    parts.append(f'<p class="meta">{escape(wording.sources())}: {refs}<br>{escape(wording.reviewed(screen.reviewed))}</p>')
    if screen.kind is PageKind.ABOUT:
        parts.append(f"<h3>{escape(wording.language_note())}</h3><p>{escape(guide.language.produced)} {escape(guide.language.review_status)}</p>")
        parts.append(f"<h3>{escape(wording.sources())}</h3><ol>")
        for index, source in enumerate(guide.sources.values(), start=1):
            url = f" {escape(source.url)}" if source.url else ""
            parts.append(f'<li id="source-{index}">{escape(source.citation)}{url}<br><em>{escape(source.note)}</em></li>')
        parts.append("</ol>")
    parts.append("</section>")
    return "\n".join(parts)


def guide_html(guide: Guide, region_code: str | None = None, clinic: Clinic | None = None) -> str:
    """The whole guide as one printable page, then the glossary."""
    parts = [f"<h1>{escape(wording.app_title())}</h1>", f'<p class="banner">{escape(wording.provider_banner())}</p>']
    if clinic:
        from recovery_guide.render.handout import clinic_lines

        parts.append(f'<p class="clinic"><strong>{escape(wording.your_clinic())}</strong><br>' + "<br>".join(escape(line) for line in clinic_lines(clinic)) + "</p>")
    parts.append(f"<p>{escape(guide.language.produced)} {escape(guide.language.review_status)}</p>")
    parts += [screen_html(guide, screen, region_code) for screen in guide.pages]
    parts.append(f"<section><h2>{escape(wording.glossary())}</h2><dl>")
    for term in sorted(guide.glossary, key=lambda item: item.term.casefold()):
        parts.append(f"<dt>{escape(term.term)}</dt><dd>{escape(term.definition)}</dd>")
    parts.append("</dl></section>")
    return page(guide.language.code, wording.app_title(), "\n".join(parts))
