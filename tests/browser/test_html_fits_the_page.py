"""The printed HTML (``print --format html``) and the app's HTML handout in headless Chromium: nothing is
wider than a 360-px phone screen or a printed A4 or Letter page (review r16: "HTML tables run off the
page and would be unreadable on a phone"). Screenshots at 360 and 800 px go to tests/.artifacts for a
person to look at. No server here: the pages are files, opened as a reader would open them.
"""

from __future__ import annotations

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


@pytest.mark.parametrize("code", ["en", "de"])
@pytest.mark.parametrize("document", ["guide", "handout"])
def test_nothing_is_wider_than_a_phone_or_a_printed_page(browser, tmp_path, code, document):
    i18n.set_language(code)
    try:
        html = guide_html(load_guide(code)) if document == "guide" else handout(code, tmp_path)
    finally:
        i18n.set_language("en")
    path = tmp_path / f"{document}-{code}.html"
    path.write_text(html, encoding="utf-8")
    for media, width in SIZES:
        page = browser.new_page(viewport={"width": width, "height": 800})
        try:
            page.emulate_media(media=media)
            page.goto(path.as_uri())
            measured = page.evaluate(WIDER)
            assert measured["width"] == width
            assert not measured["wider"], f"{media} {width} px: {measured['wider']}"
            assert measured["scroll"] <= width, f"{media} {width} px: the page scrolls sideways to {measured['scroll']} px"
            if media == "screen" and code == "en":
                ARTIFACTS.mkdir(parents=True, exist_ok=True)
                if document == "guide":
                    page.evaluate("document.querySelector('.option-card').scrollIntoView()")
                page.screenshot(path=ARTIFACTS / f"{document}-{code}-{width}px.png")
        finally:
            page.close()
