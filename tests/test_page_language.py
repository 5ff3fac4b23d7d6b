"""A screen shown in English is English whole: while a Spanish screen is stale, every writer (print as
text, Markdown and HTML, read mode, the app's reading screen) gives its labels, key lines and card
fields in English, never the Spanish catalog's words; the notice saying so stays Spanish, and the other
screens stay Spanish. Translators found "◍ = stayed off alcohol for more than 1 year (de un estudio
más débil)" printed on such a screen: an English key line with a Spanish band word."""

from __future__ import annotations

import html
import io
import re
import sys
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from recovery_guide import i18n
from recovery_guide.guide_content.folder import load_guide
from recovery_guide.paths import locales_dir
from recovery_guide.session import Session
from tests.helpers import replace_once, run_in_process, settle

STALE = "research-opioids"
STALE_STEP = 6
STALE_TITLE = "What research shows for opioids"
NEXT = "research-cocaine"
KEY_LINE = "✕ = died in a year (a link, not proof)"
"""The key line of the stale screen's picture from a weak design, whole in English: the outcome is
the content's, the band words in brackets the catalog's."""


@pytest.fixture
def stale_spanish(content_copy_of) -> Path:
    """A content copy whose Spanish opioids screen is stale: one English sentence changed since."""
    content = content_copy_of("en", "es")
    replace_once(content / "en" / "screens" / "06-research-opioids.yaml", "fewer people died while in", "fewer people died while they were in")
    assert load_guide("es", content).page(STALE).language == "en"
    return content


def catalog_words(code: str) -> set[str]:
    """Stretches of the catalog's translations (between placeholders, 8 characters or more) that are
    not English: if one is on an English screen, the languages are mixed."""
    with (locales_dir() / code / "LC_MESSAGES" / "messages.po").open("rb") as handle:
        catalog = read_po(handle)
    words = set()
    for message in catalog:
        if not message.id or not message.string:
            continue
        english = " ".join(message.id) if isinstance(message.id, tuple) else message.id
        for translation in message.string if isinstance(message.string, tuple) else (message.string,):
            for piece in re.split(r"\{[^}]*\}", translation):
                piece = piece.strip(" :.,;()\n")
                if len(piece) >= 8 and piece not in english:
                    words.add(piece)
    return words


def mixed_in(text: str, code: str = "es") -> list[str]:
    return sorted(word for word in catalog_words(code) if word in text or html.escape(word, quote=False) in text)


def between(text: str, start: str, end: str) -> str:
    begin = text.index(start)
    return text[begin : text.index(end, begin + len(start))]


SPANISH_EVIDENCE = i18n.load_catalog("es").gettext("How strong is the research? {label}").split("{label}")[0].strip()


@pytest.mark.parametrize("form", ["text", "markdown", "html"])
def test_print_writes_a_stale_screen_in_english_whole(capsys, stale_spanish, form):
    result = run_in_process(capsys, "print", "--content", str(stale_spanish), "--lang", "es", "--region", "US", "--format", form)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    if form == "html":
        stale = re.sub(r"<[^>]+>", "", between(out, f'<section class="screen" id="{STALE}" lang="en">', "</section>"))  # words, not tags (a symbol has a span)
        following = between(out, f'<section class="screen" id="{NEXT}"', "</section>")
    else:
        stale = between(out, f"Step {STALE_STEP} of 14: {STALE_TITLE}", f"Paso {STALE_STEP + 1} de 14")
        following = out[out.index(f"Paso {STALE_STEP + 1} de 14") :]
    assert mixed_in(stale) == []
    assert KEY_LINE in stale
    assert "How strong is the research?" in stale and "What it is" in stale
    assert SPANISH_EVIDENCE in following, "the other screens are still Spanish"


def test_read_mode_shows_a_stale_screen_in_english_whole_with_a_spanish_notice(capsys, monkeypatch, stale_spanish):
    monkeypatch.setattr(sys, "stdin", io.StringIO("\n".join(["1"] * (STALE_STEP - 1) + ["0", "0", "0"]) + "\n"))
    result = run_in_process(capsys, "read", "--content", str(stale_spanish), "--lang", "es", "--region", "US")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    notice = i18n.load_catalog("es").gettext("This screen is not yet translated into {language}, so it is shown in English.").format(language="Español")
    assert " ".join(notice.split()) in " ".join(out.split()), "the notice, in the reader's language"
    stale = between(out, f"Step {STALE_STEP} of 14: {STALE_TITLE}", i18n.load_catalog("es").gettext("What next?"))
    assert mixed_in(stale) == []
    assert "How strong is the research?" in stale and "What it is:" in stale  # read mode says a picture in words, without its key


def test_print_draws_tiers_from_a_stale_screen_in_english_and_points_to_them_in_english(capsys, content_copy_of):
    """The urgency tiers belong to the safety screen: while it is stale, Get help now (Spanish) prints
    them English whole, heading and all, and the stale screen's line pointing to them is English (only
    the title it quotes, the Spanish page's own, is Spanish)."""
    content = content_copy_of("en", "es")
    replace_once(content / "en" / "screens" / "09-side-effects-safety.yaml", "- chest pain or a sudden", "- chest pain, or a sudden")
    result = run_in_process(capsys, "print", "--content", str(content), "--lang", "es", "--region", "US")
    assert result.returncode == 0, result.stderr
    spanish = load_guide("es", content)
    help_now = spanish.pages[12]
    tiers = between(result.stdout, f"Paso 13 de 14: {help_now.title}", "Paso 14 de 14")
    assert "How urgent is it?" in tiers and "NOW: call your emergency number" in tiers
    safety = between(result.stdout, "Step 9 of 14: Side effects and safety", "Paso 10 de 14")
    pointer = f'The signs to act on now, today or at your next visit are in step 13, "{help_now.title}".'
    assert pointer in " ".join(safety.split())
    assert mixed_in(safety.replace(help_now.title, "")) == []


PAGE_PARTS = ("#evidence", "#key-points", "#timeline", "#results", "#body", "#glance", "#options", "#tiers", "#words-heading", "#meta")
"""The reading screen's widgets that hold the page itself (the rest is the app's chrome)."""


def page_text(screen) -> str:
    """What the reading screen's page parts draw, as text."""
    from textual.widgets import Markdown, Static

    from recovery_guide.tui.widgets.at_a_glance import AtAGlanceView
    from recovery_guide.tui.widgets.icon_array import IconArrayView

    parts = []
    for selector in PAGE_PARTS:
        top = screen.query_one(selector)
        for widget in [top, *top.query("*")]:
            if not widget.display:
                continue
            if widget.border_title:
                parts.append(str(widget.border_title))
            if isinstance(widget, Markdown):
                parts.append(widget.source)
            elif isinstance(widget, (Static, IconArrayView, AtAGlanceView)):
                parts.append(str(widget.render()))
    return "\n".join(parts)


@pytest.mark.slow  # starts the app and turns two pages: about 3 s
async def test_the_app_shows_a_stale_screen_in_english_with_the_notice_in_spanish(stale_spanish):
    from textual.widgets import Static

    from recovery_guide.tui.app import RecoveryGuideApp

    spanish = load_guide("es", stale_spanish)
    app = RecoveryGuideApp(Session(spanish), acknowledged=True)
    try:
        async with app.run_test(size=(100, 30)) as pilot:
            app.screen.go_to(STALE_STEP - 1)
            await settle(pilot, lambda: STALE_TITLE in str(app.screen.query_one("#title", Static).render()))
            text = page_text(app.screen)
            assert mixed_in(text) == []
            assert KEY_LINE in " ".join(text.split()) and "What it is:" in text  # the key line wrapped to the window and "How strong is the research?" in text
            notice = str(app.screen.query_one("#translation-note", Static).render())
            assert notice == i18n._("This screen is not yet translated into {language}, so it is shown in English.").format(language="Español")
            assert notice != "This screen is not yet translated into Español, so it is shown in English."
            assert str(app.screen.query_one("#progress", Static).render()).startswith(f"Paso {STALE_STEP}"), "the step counter is the app's: Spanish"
            app.screen.go_to(STALE_STEP)
            await settle(pilot, lambda: spanish.pages[STALE_STEP].title in str(app.screen.query_one("#title", Static).render()))
            assert SPANISH_EVIDENCE in page_text(app.screen), "the next screen is Spanish again"
    finally:
        i18n.set_language("en")


def test_in_language_switches_the_catalog_and_restores_it_even_on_an_error():
    i18n.set_language("es")
    try:
        spanish = i18n._("Next")
        with pytest.raises(RuntimeError), i18n.in_language("en"):
            assert i18n._("Next") == "Next" and i18n.current_language() == "en"
            raise RuntimeError
        assert i18n._("Next") == spanish != "Next"
        assert i18n.current_language() == "es"
    finally:
        i18n.set_language("en")
