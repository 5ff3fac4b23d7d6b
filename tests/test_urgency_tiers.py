"""The three urgency tiers as a picture on Get help now (issue #13, round 5): boxed rows told apart by
words and a symbol (and the border's shape) as well as colour, in print, Markdown, HTML, the handout and
the app; read mode gets the words alone."""

from __future__ import annotations

import io
import re
from html import unescape

import pytest

from recovery_guide.my_questions import MyQuestions
from recovery_guide.plain import PlainReader
from recovery_guide.render.handout import handout_html, handout_text
from recovery_guide.render.html import guide_html
from recovery_guide.render.markdown import guide_markdown
from recovery_guide.render.text import guide_text
from recovery_guide.session import Session
from recovery_guide.view.handout import build_handout
from tests.helpers import acknowledge, rendered, settle

TIERS = ["NOW: call your emergency number", "TODAY: call your clinic", "NEXT VISIT: tell your team"]


def boxed_tiers(lines: list[str]) -> list[tuple[str, str]]:
    """(border character, words) of each boxed tier row in ``lines``: "# !!! NOW: ... #"."""
    found = []
    for index, line in enumerate(lines):
        match = re.fullmatch(r"([#=-]) (!{1,3}) +(.*?) +\1", line)
        if match and set(lines[index - 1]) == {match.group(1)} and set(lines[index + 1]) == {match.group(1)}:
            found.append((match.group(1), f"{match.group(2)} {match.group(3)}"))
    return found


def test_print_draws_the_tiers_as_three_boxes_on_get_help_now(guide):
    text = guide_text(guide)
    lines = text.splitlines()
    tiers = boxed_tiers(lines)
    assert tiers == [("#", "!!! " + TIERS[0]), ("=", "!! " + TIERS[1]), ("-", "! " + TIERS[2])], "words, symbol and border differ"
    help_now = text.index("Get help now\n====")
    assert help_now < text.index("How urgent is it?") < text.index("United States (US)", help_now)
    start = lines.index("How urgent is it?")
    assert all(len(line) <= 78 for line in lines[start : start + 12])


def test_markdown_and_html_have_the_tiers(guide):
    markdown = guide_markdown(guide)
    fenced = re.search(r"\*\*How urgent is it\?\*\*\n\n```text\n(.*?)\n```", markdown, re.S)
    assert fenced and [words for _border, words in boxed_tiers(fenced.group(1).splitlines())] == ["!!! " + TIERS[0], "!! " + TIERS[1], "! " + TIERS[2]]
    html = guide_html(guide)
    rows = re.findall(r'<li class="tier tier-([a-z-]+)"><span class="tier-mark">(!+)</span> (.*?)</li>', html)
    assert [(tier, unescape(words)) for tier, _mark, words in rows] == [("now", TIERS[0]), ("today", TIERS[1]), ("next-visit", TIERS[2])]
    styles = dict(re.findall(r"li\.tier-([a-z-]+) \{ border: ([^;]+);", html))
    assert len({style.split()[0] + style.split()[1] for style in styles.values()}) == 3, "each border differs in weight or style, not colour alone"


def test_the_handout_has_the_tiers_before_the_help_lines(guide):
    handout = build_handout(guide, MyQuestions(), "US")
    text = handout_text(handout)
    assert [words for _border, words in boxed_tiers(text.splitlines())] == ["!!! " + TIERS[0], "!! " + TIERS[1], "! " + TIERS[2]]
    assert text.index(TIERS[0]) < text.index("Where to get help")
    assert 'class="tier tier-now"' in handout_html(handout)


def test_read_mode_gives_the_tiers_in_words_without_boxes(guide):
    out = io.StringIO()
    reader = PlainReader(Session(guide), stdin=io.StringIO(""), stdout=out)
    reader.index = guide.index_of("get-help-now")
    reader.show()
    text = out.getvalue()
    assert all(f"{number}. {words}" in text for number, words in enumerate(TIERS, start=1))
    assert "####" not in text and "!!!" not in text


@pytest.mark.slow
@pytest.mark.parametrize("size", [(100, 40), (60, 30)])
async def test_the_app_shows_the_tiers_as_bordered_rows_on_get_help_now(guide, size):
    from recovery_guide.tui.app import RecoveryGuideApp
    from recovery_guide.tui.screens.reader import ReaderScreen
    from recovery_guide.tui.widgets.urgency_tiers import UrgencyTiersView

    app = RecoveryGuideApp(Session(guide))
    async with app.run_test(size=size) as pilot:
        await acknowledge(pilot)
        await settle(pilot, lambda: isinstance(app.screen, ReaderScreen))
        view = app.screen.query_one(UrgencyTiersView)
        assert not view.display, "not on other pages"
        app.screen.go_to(guide.index_of("get-help-now"))
        await settle(pilot, lambda: view.display and view.size.height > 0)
        rows = list(view.query(".tier"))
        assert [" ".join(rendered(row).split()) for row in rows] == ["!!!" + TIERS[0].replace(" ", ""), "!!" + TIERS[1].replace(" ", ""), "!" + TIERS[2].replace(" ", "")]
        borders = [row.styles.border_top[0] for row in rows]
        assert len(set(borders)) == 3, f"each tier's border has its own shape: {borders}"
        colours = [row.styles.border_top[1] for row in rows]
        assert len(set(colours)) == 3
        assert all(row.outer_size.width <= size[0] for row in rows)
