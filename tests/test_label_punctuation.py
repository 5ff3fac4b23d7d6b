"""A label and its text are joined the way the reader's language writes them (translators asked twice).

French puts a no-break space before the colon ("Ce que c'est : ..."), Chinese writes a full-width
colon with no space ("要点：..."); English and the others ": ". Every writer used to join them with a
hard-coded ": ". The expected marks are written here, not taken from the rule.
"""

from __future__ import annotations

import html
import re

import pytest
from markdown_it import MarkdownIt

from recovery_guide import i18n, wording
from recovery_guide.guide_content.folder import load_guide
from recovery_guide.render.html import guide_html
from recovery_guide.render.markdown import guide_markdown
from recovery_guide.render.text import guide_text
from tests.helpers import run

NBSP = "\u00a0"
FORMATS = {"text": guide_text, "markdown": guide_markdown, "html": guide_html}
CHINESE_THEN_ASCII_COLON = re.compile(r"[\u4e00-\u9fff？）]: ")
"""A Chinese label followed by the English ": " (the old hard-coded join)."""


def printed(code: str, fmt: str, region: str | None = "US") -> str:
    """The whole guide as ``print --lang code --format fmt`` writes it."""
    i18n.set_language(code)
    try:
        return FORMATS[fmt](load_guide(code), region)
    finally:
        i18n.set_language("en")


def french(message: str) -> str:
    return i18n.load_catalog("fr").gettext(message)


@pytest.mark.slow
def test_print_in_french_puts_a_no_break_space_before_a_labels_colon():
    result = run("print", "--lang", "fr", "--region", "US")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    title = load_guide("fr").pages[0].title
    assert f"Ce que c'est{NBSP}: " in out
    assert f"Étape 1 sur 14{NBSP}: {title}" in out
    assert f"{french('In brief')}{NBSP}:\n" in out
    assert f"{french('Sources')}{NBSP}: [" in out
    for label in ("In brief", "Ask your provider", "Sources", "What it is", "Side effects", "What research found"):
        assert f"{french(label)}:" not in out, f"{label}: colon without its space"
        assert f"{french(label)} :" not in out, f"{label}: an ordinary space, which a line could break at"


@pytest.mark.parametrize("fmt", ["markdown", "html"])
def test_french_markdown_and_html_keep_the_no_break_space(fmt):
    out = html.unescape(printed("fr", fmt))
    assert f"Ce que c'est{NBSP}:" in out
    assert f"Étape 1 sur 14{NBSP}: " in out
    if fmt == "html":
        assert f"""<dt>Ce que c'est{NBSP}:</dt>""" in out


@pytest.mark.parametrize("fmt", FORMATS)
def test_print_in_chinese_uses_a_full_width_colon_after_labels(fmt):
    out = printed("zh_Hans", fmt)
    found = CHINESE_THEN_ASCII_COLON.findall(out)
    assert not found, f"{fmt}: a Chinese label then ': ' ({len(found)} times, e.g. {found[:3]})"
    if fmt == "text":
        assert "\n要点：\n" in out
    assert "第 1 步，共 14 步：" in out
    assert re.search(r"这是什么(\*\*)?：", out), "the option label and its full-width colon"


def test_chinese_markdown_bold_labels_still_render_bold():
    """CommonMark closes ``**`` after a colon only before a space; Chinese puts none there, so the
    bold must hold the words alone ("**这是什么**：...") or the reader sees the asterisks."""
    rendered = MarkdownIt().render(printed("zh_Hans", "markdown"))
    assert "<strong>这是什么</strong>：" in rendered
    assert "<strong>是否获批</strong>？" in rendered
    assert "**" not in html.unescape(re.sub(r"<[^>]+>", "", rendered)), "a bold that did not close"


def test_a_question_label_takes_no_colon_in_any_language():
    i18n.set_language("zh_Hans")
    try:
        assert wording.labelled("是否获批？", "否") == "是否获批？否"
        assert wording.labelled("要点", "一") == "要点：一"
    finally:
        i18n.set_language("en")
    assert wording.labelled("Approved?", "No") == "Approved? No"
    assert wording.labelled("In brief", "one") == "In brief: one"


def test_english_labels_are_joined_as_before():
    """A guard: English keeps ": " and its Markdown and HTML forms exactly."""
    text, markdown, page = (printed("en", fmt) for fmt in ("text", "markdown", "html"))
    assert "Step 1 of 14: " in text and "\nIn brief:\n" in text and "  What it is: " in text
    assert "- **What it is:** " in markdown and "- **Approved?** " in markdown
    assert "<dt>What it is:</dt>" in page and "<dt>Approved?</dt>" in page


@pytest.mark.slow
def test_read_mode_in_french_puts_the_no_break_space_before_the_colon():
    result = run("read", "--lang", "fr", input="n\nq\n")
    assert result.returncode == 0, result.stderr
    second = load_guide("fr").pages[1].title
    assert f"Étape 2 sur 14{NBSP}: {second}" in result.stdout
    assert f"{french('In brief')}{NBSP}:\n" in result.stdout


@pytest.mark.slow
async def test_the_app_shows_chinese_labels_with_the_full_width_colon():
    """The option cards' labels and the sources line on a research screen, in the app."""
    from recovery_guide.session import Session
    from recovery_guide.tui.app import RecoveryGuideApp
    from recovery_guide.tui.screens.reader import ReaderScreen
    from recovery_guide.tui.widgets.option_cards import OptionCard
    from tests.helpers import settle, visible_text, welcome_complete

    i18n.set_language("zh_Hans")
    try:
        app = RecoveryGuideApp(Session(load_guide("zh_Hans")))
        async with app.run_test(size=(80, 24)) as pilot:
            await welcome_complete(pilot)
            await pilot.press("enter")
            await settle(pilot, lambda: isinstance(app.screen, ReaderScreen))
            app.screen.go_to(4)
            await settle(pilot, lambda: app.screen.query(OptionCard))
            card = app.screen.query(OptionCard).first().words().plain
            assert "这是什么：" in card and "这是什么:" not in card
            assert "资料来源：[" in visible_text(app)
            assert not CHINESE_THEN_ASCII_COLON.search(visible_text(app))
    finally:
        i18n.set_language("en")
