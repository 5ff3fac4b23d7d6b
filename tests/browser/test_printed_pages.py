"""The printed HTML guide (``print --format html``) as Chromium prints it on A4 and US Letter: every page
numbered in its foot with the guide's short title, and no page left half blank because what follows was
kept whole (an independent review found ``section.screen { break-inside: avoid }`` pushing each step to
a new page). The PDFs go to tests/.artifacts for a person to look at.

Reading a PDF's words takes ``pdftotext`` (Debian's poppler-utils, installed by .ci/run); without it the
test that reads them fails, as the browser tests do without Chromium, rather than pass unseen.
"""

from __future__ import annotations

import html
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from recovery_guide import wording
from recovery_guide.guide_content.folder import load_guide
from recovery_guide.render.html import guide_html
from tests.browser.served import ARTIFACTS

pytestmark = [pytest.mark.slow, pytest.mark.browser]

MARGIN = "1cm"
"""About the margins Chromium prints with by default (tests/browser/test_html_fits_the_page.py)."""

AS_PRINTED = """() => {
  const margins = {};
  for (const sheet of document.styleSheets) for (const rule of sheet.cssRules)
    if (rule instanceof CSSPageRule) for (const inner of rule.cssRules) margins[inner.name] = inner.style.content;
  const step = document.querySelector('section.screen');
  const style = element => getComputedStyle(element);
  return {margins, step: style(step).breakInside, heading: style(step.querySelector('h2')).breakAfter,
          picture: style(document.querySelector('figure.result')).breakInside,
          h2: parseFloat(style(step.querySelector('h2')).fontSize), h3: parseFloat(style(step.querySelector('h3')).fontSize)};
}"""
"""How Chromium reads the print style: the page's margin boxes, and what a step, its heading and a picture do at a page break."""


@pytest.fixture(scope="module")
def us_guide(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("print") / "guide-en-US.html"
    path.write_text(guide_html(load_guide("en"), "US"), encoding="utf-8")
    return path


def test_chromium_reads_page_numbers_and_breaks_only_inside_small_parts(browser, us_guide):
    page = browser.new_page()
    try:
        page.goto(us_guide.as_uri())
        page.emulate_media(media="print")
        printed = page.evaluate(AS_PRINTED)
    finally:
        page.close()
    assert printed["margins"] == {"bottom-left": f'"{wording.app_title()}"', "bottom-center": "counter(page)"}
    assert (printed["step"], printed["heading"], printed["picture"]) == ("auto", "avoid", "avoid")
    assert printed["h2"] >= 1.3 * printed["h3"], "a step's heading clearly bigger than its sections'"


def pdf_pages(pdf: Path) -> list[tuple[float, list[tuple[float, float, str]]]]:
    """Each page of ``pdf`` as ``pdftotext -bbox`` reads it: its height and its words in reading order
    (top, bottom, word)."""
    out = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    words = r'<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">(.*?)</word>'
    return [(float(height), [(float(top), float(bottom), html.unescape(word)) for top, bottom, word in re.findall(words, body)])
            for height, body in re.findall(r'<page width="[\d.]+" height="([\d.]+)">(.*?)</page>', out, re.S)]


@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_each_printed_page_has_its_number_and_none_is_left_half_blank(browser, us_guide, paper):
    if shutil.which("pdftotext") is None:  # like Chromium itself: a missing tool fails, never passes unseen
        pytest.fail("reading the printed PDF takes pdftotext: install Debian's poppler-utils (.ci/run does)")
    page = browser.new_page()
    try:
        page.goto(us_guide.as_uri())
        pdf = page.pdf(format=paper, margin={side: MARGIN for side in ("top", "right", "bottom", "left")})
    finally:
        page.close()
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / f"guide-en-US-{paper}.pdf"
    path.write_bytes(pdf)
    pages = pdf_pages(path)
    assert len(pages) > 20
    filled = []
    for number, (height, words) in enumerate(pages, start=1):
        foot = max(bottom for _top, bottom, _word in words)
        assert [word for _top, bottom, word in words if bottom > foot - 2] == [*wording.app_title().split(), str(number)], f"page {number}'s foot"
        text = [word for _top, bottom, word in words if bottom <= foot - 2]  # pdftotext gives them in reading order
        filled.append((max(bottom for _top, bottom, _word in words if bottom <= foot - 2) / height, " ".join(text[:4])))
    worksheet = wording.what_matters_to_me()
    for number, ((fill, _start), (_next_fill, next_start)) in enumerate(zip(filled, filled[1:]), start=1):
        if next_start.startswith(worksheet):
            continue  # the worksheet starts a page of its own, to fill in
        assert fill >= 0.5, f"{paper}: page {number} is more than half blank before page {number + 1} ({next_start} ...)"
