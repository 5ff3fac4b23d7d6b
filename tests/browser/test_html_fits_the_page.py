"""The printed HTML (``print --format html``) and the app's HTML handout in headless Chromium: nothing is
wider than a 360-px phone screen or a printed A4 or Letter page (review r16: "HTML tables run off the
page and would be unreadable on a phone"). Screenshots at 360 and 800 px go to tests/.artifacts for a
person to look at. No server here: the pages are files, opened as a reader would open them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from recovery_guide import i18n
from recovery_guide.guide_content.folder import load_guide
from recovery_guide.render.html import guide_html
from recovery_guide.session import Session
from recovery_guide.storage import Store
from tests.browser.served import ARTIFACTS

pytestmark = [pytest.mark.slow, pytest.mark.browser]

WIDER = """() => {
  const width = document.documentElement.clientWidth;
  const wider = [...document.body.querySelectorAll('*')].filter(element => {
    const box = element.getBoundingClientRect();
    return box.width > 0 && (box.right > width + 0.5 || box.left < -0.5);
  });
  return {width, scroll: document.documentElement.scrollWidth,
          wider: wider.slice(0, 5).map(element => element.tagName + '.' + element.className + ': ' + element.textContent.slice(0, 60))};
}"""
"""The viewport's width, the page's scrolled width, and the first elements that reach outside the viewport."""

SIZES = [("screen", 360), ("screen", 800), ("print", 718), ("print", 739)]
"""A phone, a small laptop window, and the text width of an A4 and a US Letter page as Chromium prints them (about 1 cm margins)."""


def handout(code: str, tmp_path) -> str:
    """The HTML handout of a reader who opened every page and listed every question on it."""
    session = Session(load_guide(code), store=Store(tmp_path / "data"), handout_folder=tmp_path)
    for page in session.guide.pages:
        session.visit(page.id)
        for question, kind in session.questions_on(page):
            session.toggle_question(page.id, question.id, question.text, kind)
    return session.handout("html")


def at_every_size(browser, path: Path) -> Iterator[tuple[str, int, object]]:
    """``path`` opened at each of ``SIZES``: (media, width, the page), the page closed after each."""
    for media, width in SIZES:
        page = browser.new_page(viewport={"width": width, "height": 800})
        try:
            page.emulate_media(media=media)
            page.goto(path.as_uri())
            yield media, width, page
        finally:
            page.close()


def written(tmp_path, name: str, code: str, make: Callable[[], str]) -> Path:
    """The HTML ``make`` writes in language ``code``, as a file named ``name``."""
    i18n.set_language(code)
    try:
        html = make()
    finally:
        i18n.set_language("en")
    path = tmp_path / name
    path.write_text(html, encoding="utf-8")
    return path


@pytest.mark.parametrize("code", ["en", "de"])
@pytest.mark.parametrize("document", ["guide", "handout"])
def test_nothing_is_wider_than_a_phone_or_a_printed_page(browser, tmp_path, code, document):
    path = written(tmp_path, f"{document}-{code}.html", code, lambda: guide_html(load_guide(code)) if document == "guide" else handout(code, tmp_path))
    for media, width, page in at_every_size(browser, path):
        measured = page.evaluate(WIDER)
        assert measured["width"] == width
        assert not measured["wider"], f"{media} {width} px: {measured['wider']}"
        assert measured["scroll"] <= width, f"{media} {width} px: the page scrolls sideways to {measured['scroll']} px"
        if media == "screen" and code == "en":
            ARTIFACTS.mkdir(parents=True, exist_ok=True)
            if document == "guide":
                page.evaluate("document.querySelector('.option-card').scrollIntoView()")
            page.screenshot(path=ARTIFACTS / f"{document}-{code}-{width}px.png")


DANGER = """() => {
  const box = document.querySelector('.danger-now');
  if (!box) return null;
  const style = getComputedStyle(box);
  const rect = box.getBoundingClientRect();
  const inside = [box, ...box.querySelectorAll('*')];
  return {left: rect.left, right: rect.right, width: document.documentElement.clientWidth,
          border: [style.borderTopStyle, style.borderTopColor, parseFloat(style.borderTopWidth)],
          colours: [...new Set(inside.map(element => getComputedStyle(element).color))],
          backgrounds: [...new Set(inside.map(element => getComputedStyle(element).backgroundColor))],
          smallest: Math.min(...inside.map(element => parseFloat(getComputedStyle(element).fontSize))),
          split: [...box.querySelectorAll('.number')].filter(number => number.getClientRects().length > 1).map(number => number.textContent),
          beforeStep1: rect.bottom <= document.querySelector('section.screen').getBoundingClientRect().top};
}"""
"""The box with the reader's emergency and crisis numbers: where it is, how it is drawn, and any number split across lines."""


@pytest.mark.parametrize(("code", "region"), [("en", "US"), ("en", "GB"), ("de", "DE")])
def test_the_numbers_to_call_now_print_in_black_and_white_and_read_on_a_phone(browser, tmp_path, code, region):
    """The box at the top of a print for a known country: black on white, a heavy border (no colour
    needed on paper), inside a 360-px phone and a printed page, no number split, before step 1."""
    path = written(tmp_path, f"guide-{code}-{region}.html", code, lambda: guide_html(load_guide(code), region))
    for media, width, page in at_every_size(browser, path):
        box = page.evaluate(DANGER)
        assert box, "no box with the numbers to call"
        assert box["left"] >= 0 and box["right"] <= box["width"], f"{media} {width} px: {box}"
        assert box["border"][:2] == ["double", "rgb(0, 0, 0)"] and box["border"][2] >= 4
        assert box["colours"] == ["rgb(0, 0, 0)"] and set(box["backgrounds"]) == {"rgba(0, 0, 0, 0)"}
        assert box["smallest"] >= 14 and not box["split"] and box["beforeStep1"], f"{media} {width} px: {box}"
        if media == "screen" and width == 360:
            ARTIFACTS.mkdir(parents=True, exist_ok=True)
            page.evaluate("document.querySelector('.danger-now').scrollIntoView()")
            page.screenshot(path=ARTIFACTS / f"danger-now-{code}-{region}-360px.png")
