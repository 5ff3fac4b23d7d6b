"""A step the content gives two ways ("On paper, tick your questions and bring these pages. In the
app, press x to make your handout ...") reads one way on each medium: paper keeps only the paper
way, the app and ``read`` mode only the app way (an independent review found the app showing the
paper sentence first)."""

from __future__ import annotations

import html
import re

import pytest

from recovery_guide import i18n, wording
from recovery_guide.guide_content.folder import load_guide
from recovery_guide.render.html import guide_html
from recovery_guide.render.text import TextWriter
from recovery_guide.session import Session
from recovery_guide.view.pages import page_view
from tests.helpers import acknowledge, settle, visible_text

LANGUAGES = ["en", "es", "fr", "de", "pt_BR", "vi", "zh_Hans"]
PAPER = {"en": "On paper, tick your questions", "es": "En papel, marque", "fr": "Sur papier, cochez", "de": "Auf Papier kreuzen", "pt_BR": "No papel, marque", "vi": "Nếu dùng bản giấy", "zh_Hans": "如果用的是纸质版"}
APP = {"en": "In the app, press x", "es": "En la aplicación, presione x", "fr": "Dans l'application, appuyez sur x", "de": "In der App drücken Sie x", "pt_BR": "No aplicativo, aperte x", "vi": "Trong ứng dụng, hãy bấm x", "zh_Hans": "在应用程序里，按 x"}
"""Each language's two ways of step 4 of "Is it right for me?", as its content words them (written here, not taken from the rule)."""


def flat(text: str) -> str:
    """The words of ``text`` on one line, without the boxes and arrows the app draws steps with."""
    return " ".join(re.sub(r"[│┌┐└┘─↓]", " ", text).split())


@pytest.mark.parametrize("code", LANGUAGES)
def test_the_screen_gives_the_app_way_and_paper_the_paper_way(code):
    i18n.set_language(code)
    try:
        guide = load_guide(code)
        screen = flat(TextWriter(plain=True).page(page_view(guide, guide.page("is-it-right"))))  # read mode
        paper = flat(html.unescape(re.sub(r"<[^>]+>", "", guide_html(guide, "US"))))
    finally:
        i18n.set_language("en")
    assert APP[code] in screen and PAPER[code] not in screen, f"{code}: on screen"
    assert PAPER[code] in paper and APP[code] not in paper, f"{code}: on paper"


@pytest.mark.slow
async def test_the_app_shows_only_the_app_way_on_step_12():
    from recovery_guide.tui.app import RecoveryGuideApp

    guide = load_guide("en")
    app = RecoveryGuideApp(Session(guide))
    async with app.run_test(size=(100, 30)) as pilot:
        await acknowledge(pilot)
        app.screen.go_to(guide.index_of("is-it-right"))
        await settle(pilot, lambda: "Getting ready for your visit" in visible_text(app))
        text = flat(visible_text(app))
        assert "In the app, press x to make your handout" in text
        assert "On paper" not in text
    assert wording.on_paper() == "On paper"


@pytest.mark.parametrize("code", LANGUAGES)
def test_the_printed_worksheet_takes_its_intro_from_the_content_and_the_app_its_own(code):
    """Paper's "What matters to me" intro is ``paper_intro`` of ``values.yaml`` (it was a catalog
    string beside the content's intro: two places for nearly the same words); the app keeps ``intro``."""
    from pathlib import Path

    i18n.set_language(code)
    try:
        guide = load_guide(code)
        paper = flat(html.unescape(re.sub(r"<[^>]+>", "", guide_html(guide, "US"))))
    finally:
        i18n.set_language("en")
    values = guide.values
    assert values.paper_intro and values.paper_intro != values.intro
    assert flat(values.paper_intro) in paper and flat(values.intro) not in paper
    catalogs = Path(__file__).parent.parent / "locales"
    for catalog in [catalogs / "messages.pot", *catalogs.glob("*/LC_MESSAGES/messages.po")]:
        assert "Take this page to your visit" not in catalog.read_text(encoding="utf-8"), catalog
