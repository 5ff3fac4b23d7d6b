"""The urgency tiers hold their signs (review r7, PEMAT 26): one source, the safety screen's ``urgency``
field, drawn as three boxes told apart by words, a symbol and the border's shape (as well as colour),
each with its signs inside, on the safety screen and on Get help now, in print, Markdown, HTML, the
handout and the app; read mode gets each heading and its list. And the overdose steps on Get help now
as numbered boxes joined by arrows (PEMAT 15/26), read mode keeping the numbered list."""

from __future__ import annotations

import dataclasses
import io
import re
from html import unescape
from pathlib import Path

import pytest

from recovery_guide.my_questions import MyQuestions
from recovery_guide.plain import PlainReader
from recovery_guide.render.handout import handout_html, handout_text
from recovery_guide.render.html import guide_html
from recovery_guide.render.markdown import guide_markdown
from recovery_guide.render.text import guide_text
from recovery_guide.session import Session
from recovery_guide.view.handout import build_handout
from recovery_guide.view.pages import page_view
from recovery_guide.render.text import TextWriter
from tests.helpers import acknowledge, rendered, settle

TIERS = ["NOW: call your emergency number", "TODAY: call your clinic", "NEXT VISIT: tell your team"]
SIGNS = ["sudden confusion", "strong urges to use ketamine again", "problems with memory or paying attention"]
"""One sign of each tier, in the tier it belongs to."""
STEPS = ["If you are not sure it is an overdose, treat it as one.", "Call your emergency number now.", "Give naloxone if you have it. Still call for help.", "Stay with the person. Do not leave them alone."]


def boxes(lines: list[str]) -> list[tuple[str, str]]:
    """(border character, the words inside, joined) of each box drawn in ``lines``: a top edge of one
    character repeated (a tier) or with thin corners (a step), rows between side marks, then the
    bottom edge."""
    found, index = [], 0
    while index < len(lines):
        top = lines[index]
        tier = len(top) >= 20 and len(set(top)) == 1 and top[0] in "#=-"
        step = len(top) >= 20 and top.startswith("┌") and top.endswith("┐")
        if tier or step:
            bottom = top if tier else "└" + top[1:-1] + "┘"
            end = next((later for later in range(index + 1, len(lines)) if lines[later] == bottom), None)
            rows = lines[index + 1 : end] if end else []
            if end and rows and all(len(row) == len(top) and row[0] == row[-1] == (top[0] if tier else "│") for row in rows):
                found.append((top[0], " ".join(" ".join(row[1:-1].split()) for row in rows)))
                index = end + 1
                continue
        index += 1
    return found


def tier_boxes(text: str) -> list[tuple[str, str]]:
    return [(border, words) for border, words in boxes(text.splitlines()) if words.startswith("!")]


def assert_tiers_with_signs(found: list[tuple[str, str]]) -> None:
    assert [border for border, _words in found] == ["#", "=", "-"], "each tier has a border of its own shape"
    for (border, words), symbol, tier, sign in zip(found, ["!!!", "!!", "!"], TIERS, SIGNS):
        assert words.startswith(f"{symbol} {tier}"), words
        assert f"- {sign}" in words, f"{sign!r} is not inside the {tier!r} box"


def screen_of(text: str, title: str, next_title: str | None) -> str:
    start = text.index(f"{title}\n")
    return text[start : text.index(next_title, start) if next_title else None]


def test_print_draws_the_tiers_with_their_signs_on_get_help_now_and_points_to_them_from_the_safety_screen(guide):
    text = guide_text(guide)
    safety = screen_of(text, "Step 9 of 14: Side effects and safety", "Step 10 of 14: The role of therapy")
    help_now = screen_of(text, "Step 13 of 14: Get help now", "Step 14 of 14: About this guide")
    assert_tiers_with_signs(tier_boxes(help_now))
    assert "If you are not sure which one fits, call your clinic." in help_now
    assert help_now.index("How urgent is it?") < help_now.index("United States (US)")
    assert not tier_boxes(safety), "paper prints the tiers once, on Get help now (test_said_once_on_paper)"
    assert 'step 13, "Get help now"' in " ".join(safety.split()), "the safety screen points to them"
    assert "Call emergency services now" not in safety and "Call your clinic today\n" not in safety, "the old body lists are gone"


def test_the_tiers_have_one_source_the_safety_screens_field(guide):
    """Changing the safety screen's field changes the tiers on both screens and the handout; no tier
    words are left in the catalog."""
    safety = guide.page("side-effects-safety")
    changed = dataclasses.replace(safety.urgency_tiers[0], signs=("a made-up sign for this test",))
    pages = tuple(dataclasses.replace(page, urgency_tiers=(changed, *safety.urgency_tiers[1:])) if page.id == safety.id else page for page in guide.pages)
    other = dataclasses.replace(guide, pages=pages)
    for page_id in ("side-effects-safety", "get-help-now"):
        assert "made-up sign for this test" in TextWriter().page(page_view(other, other.page(page_id))), page_id
    assert "made-up sign for this test" in handout_text(build_handout(other, MyQuestions(), "US"))
    catalogs = Path(__file__).parent.parent / "locales"
    for catalog in [catalogs / "messages.pot", *catalogs.glob("*/LC_MESSAGES/messages.po")]:
        assert not any(f'msgid "{tier}"' in catalog.read_text(encoding="utf-8") for tier in TIERS), catalog


def test_markdown_and_html_draw_the_tiers_with_their_signs(guide):
    markdown = guide_markdown(guide)
    fenced = re.findall(r"### How urgent is it\?\n\n```text\n(.*?)\n```", markdown, re.S)
    assert len(fenced) == 1, "once on paper: on Get help now (the safety screen points to it)"
    for block in fenced:
        assert_tiers_with_signs(tier_boxes(block))
    html = guide_html(guide)
    sections = re.findall(r'<section class="tiers">(.*?)</section>', html, re.S)
    assert len(sections) == 1
    for section in sections:
        tiers = re.findall(r'<li class="tier tier-([a-z-]+)"><p class="tier-heading"><span class="tier-mark">(!+)</span> (.*?)</p><ul>(.*?)</ul></li>', section)
        assert [(tier, unescape(words)) for tier, _mark, words, _signs in tiers] == [("now", TIERS[0]), ("today", TIERS[1]), ("next-visit", TIERS[2])]
        for (_tier, _mark, _words, signs), sign in zip(tiers, SIGNS):
            assert f"<li>{sign}</li>" in signs
    styles = dict(re.findall(r"li\.tier-([a-z-]+) \{ border: ([^;]+);", html))
    assert len({tuple(style.split()[:2]) for style in styles.values()}) == 3, "each border differs in weight or style, not colour alone"


def test_the_handout_has_the_tiers_with_their_signs_before_the_help_lines(guide):
    handout = build_handout(guide, MyQuestions(), "US")
    text = handout_text(handout)
    assert_tiers_with_signs(tier_boxes(text))
    assert text.index(TIERS[0]) < text.index("Where to get help\n")  # the heading, not the line at the top that points to it
    assert 'class="tier tier-now"' in handout_html(handout) and f"<li>{SIGNS[0]}</li>" in handout_html(handout)


@pytest.mark.parametrize("screen_id", ["side-effects-safety", "get-help-now"])
def test_read_mode_gives_each_tier_heading_and_its_list(guide, screen_id):
    out = io.StringIO()
    reader = PlainReader(Session(guide), stdin=io.StringIO(""), stdout=out)
    reader.index = guide.index_of(screen_id)
    reader.show()
    lines = out.getvalue().splitlines()
    for tier, sign in zip(TIERS, SIGNS):
        heading = lines.index(tier)
        assert f"  - {sign}" in lines[heading:], f"{sign!r} is not listed under {tier!r}"
    assert not any(line.startswith(("####", "====", "| ")) for line in lines) and "!!!" not in "".join(lines)


def test_print_draws_the_overdose_steps_as_numbered_boxes_with_arrows(guide):
    help_now = screen_of(guide_text(guide), "Step 13 of 14: Get help now", "Step 14 of 14: About this guide")
    steps = help_now[help_now.index("What to do in an overdose") : help_now.index("Naloxone\n")]
    lines = steps.splitlines()
    found = [words for _border, words in boxes(lines)]
    assert found == [f"{number}. {words}" for number, words in enumerate(STEPS, start=1)]
    assert sum(line.strip() == "↓" for line in lines) == len(STEPS) - 1, "an arrow from each step to the next"
    assert all(len(line) <= 60 for line in help_now.splitlines() if line[:1] in "#=-│┌└"), "every box fits 60 columns"


def test_markdown_and_html_draw_the_steps_and_read_mode_keeps_the_numbered_list(guide):
    markdown = guide_markdown(guide)
    part = markdown[markdown.index("What to do in an overdose") :]
    fenced = re.search(r"```text\n(.*?)\n```", part, re.S).group(1)
    assert [words for _border, words in boxes(fenced.splitlines())] == [f"{number}. {words}" for number, words in enumerate(STEPS, start=1)]
    html = guide_html(guide)
    listed = re.search(r'<ol class="steps">(.*?)</ol>', html[html.index("What to do in an overdose") :], re.S).group(1)
    items = re.findall(r'<li><span class="step-number">(\d+)\.</span> (.*?)</li>', listed)
    assert [(int(number), unescape(words)) for number, words in items] == list(enumerate(STEPS, start=1))
    assert re.search(r'ol\.steps li:not\(:last-child\)::after \{ content: "\\2192"', html), "an arrow after each step but the last"
    out = io.StringIO()
    reader = PlainReader(Session(guide), stdin=io.StringIO(""), stdout=out)
    reader.index = guide.index_of("get-help-now")
    reader.show()
    text = out.getvalue()
    assert all(f"  {number}. {words}" in text for number, words in enumerate(STEPS, start=1)) and "↓" not in text


@pytest.mark.slow
@pytest.mark.parametrize("size", [(100, 40), (60, 30)])
async def test_the_app_shows_the_tiers_with_their_signs_on_both_screens(guide, size):
    from recovery_guide.tui.app import RecoveryGuideApp
    from recovery_guide.tui.screens.reader import ReaderScreen
    from recovery_guide.tui.widgets.urgency_tiers import UrgencyTiersView

    app = RecoveryGuideApp(Session(guide))
    async with app.run_test(size=size) as pilot:
        await acknowledge(pilot)
        await settle(pilot, lambda: isinstance(app.screen, ReaderScreen))
        view = app.screen.query_one(UrgencyTiersView)
        assert not view.display, "not on other pages"
        for screen_id in ("side-effects-safety", "get-help-now"):
            app.screen.go_to(guide.index_of(screen_id))
            await settle(pilot, lambda: view.display and view.size.height > 0)
            rows = [row for row in view.query(".tier") if row.display]
            shown = [rendered(row) for row in rows]  # white space left out
            for words, symbol, tier, sign in zip(shown, ["!!!", "!!", "!"], TIERS, SIGNS):
                assert words.startswith((symbol + tier).replace(" ", "")) and sign.replace(" ", "") in words, words
            assert len({row.styles.border_top[0] for row in rows}) == 3, "each tier's border has its own shape"
            assert len({row.styles.border_top[1] for row in rows}) == 3
            assert all(row.outer_size.width <= size[0] for row in rows)
        from textual.widgets._markdown import MarkdownFence

        def picture() -> str:
            return "".join(rendered(part) for fence in app.screen.query_one("#body").query(MarkdownFence) for part in fence.walk_children())

        await settle(pilot, lambda: "↓" in picture())
        assert all(f"{number}.{words}".replace(" ", "")[:20] in picture() for number, words in enumerate(STEPS, start=1)), picture()
        assert picture().count("↓") == len(STEPS) - 1
        fence = next(fence for fence in app.screen.query_one("#body").query(MarkdownFence) if "↓" in "".join(rendered(part) for part in fence.walk_children()))
        assert all(part.outer_size.width <= fence.content_size.width for part in fence.walk_children()), "the steps are whole, not cut off"


def test_get_help_now_does_not_say_every_crisis_line_is_open_day_and_night(guide):
    """Review r7 (list A 13): China's line is open at least 18 hours a day and Vietnam has none listed."""
    points = " ".join(guide.page("get-help-now").key_points)
    assert "Most crisis lines are free and private, and open day and night." not in points
    assert "Many crisis lines" in points and "Check each line's hours" in points


def test_a_translation_whose_tier_signs_change_a_number_is_caught(guide):
    """The number check of translations covers the tiers: a sign that gains or loses a number is named."""
    from recovery_guide.guide_content.overlay import _page_mismatch

    english = guide.page("side-effects-safety")
    assert _page_mismatch(english, english, "es") is None
    first = english.urgency_tiers[0]
    changed = dataclasses.replace(first, signs=(*first.signs[:-1], "pensamientos de hacerse daño en 24 horas"))
    translated = dataclasses.replace(english, urgency_tiers=(changed, *english.urgency_tiers[1:]))
    mismatch = _page_mismatch(english, translated, "es")
    assert mismatch is not None and mismatch.at == ("urgency", "now")


def test_the_tier_words_go_to_translators_in_the_exchange_files():
    """``translations export`` (PO, XLIFF) lists each tier's heading and signs, so translators get them."""
    from recovery_guide.exchange.units import units
    from recovery_guide.guide_content.folder import ContentFolder

    found = {unit.id: unit.english for unit in units(ContentFolder(Path(__file__).parent.parent / "content"), "es")}
    assert found["screens/09-side-effects-safety.yaml#urgency.now.heading"] == TIERS[0]
    assert SIGNS[1] in [text for unit_id, text in found.items() if unit_id.startswith("screens/09-side-effects-safety.yaml#urgency.today.signs[")]


def test_read_mode_get_help_now_gives_the_tiers_after_the_numbers(guide):
    """``h`` in read mode: the numbers first, then which signs call for which number, as in the app."""
    out = io.StringIO()
    session = Session(guide)
    session.region_code = "US"
    reader = PlainReader(session, stdin=io.StringIO(""), stdout=out)
    try:
        reader.help_now()
    except Exception:  # the menu after it finds no more input
        pass
    text = out.getvalue()
    assert text.index("911") < text.index("How urgent is it?") < text.index(TIERS[0]) < text.index(SIGNS[0]) < text.index(TIERS[1])


@pytest.mark.slow
async def test_the_get_help_now_dialog_draws_the_overdose_steps_as_a_picture(guide):
    from textual.widgets._markdown import MarkdownFence

    from recovery_guide.tui.app import RecoveryGuideApp
    from recovery_guide.tui.screens.help_now import HelpNowScreen
    from recovery_guide.tui.screens.reader import ReaderScreen

    app = RecoveryGuideApp(Session(guide))
    async with app.run_test(size=(60, 30)) as pilot:
        await acknowledge(pilot)
        await settle(pilot, lambda: isinstance(app.screen, ReaderScreen))
        await pilot.press("h")
        await settle(pilot, lambda: isinstance(app.screen, HelpNowScreen))

        def picture() -> str:
            return "".join(rendered(part) for fence in app.screen.query_one("#help-now-body").query(MarkdownFence) for part in fence.walk_children())

        await settle(pilot, lambda: "↓" in picture())
        assert picture().count("↓") == len(STEPS) - 1 and "4.Staywiththeperson" in picture()


def test_get_help_now_shows_how_urgent_it_is_before_anything_else_but_its_in_brief(guide):
    """A frightened reader on Get help now meets "is this an emergency?" first, not after the help lines."""
    help_now = screen_of(guide_text(guide), "Step 13 of 14: Get help now", "Step 14 of 14: About this guide")
    tiers = help_now.index("How urgent is it?")
    assert help_now.index("In brief") < tiers < help_now.index("If a life is in danger") < help_now.index("What to do in an overdose")


def _es_safety_problems(copy: Path, edit) -> list[str]:
    from recovery_guide.audit import check_content
    from recovery_guide.guide_content.folder import ContentFolder

    screen = copy / "es" / "screens" / "09-side-effects-safety.yaml"
    screen.write_text(edit(screen.read_text(encoding="utf-8")), encoding="utf-8")
    return [str(problem) for problem in check_content(ContentFolder(copy)).problems if str(problem).startswith(f"{screen}:")]


def test_check_refuses_a_translation_that_moves_a_danger_sign_to_a_milder_tier(content_copy_of):
    """An adversarial review moved "thoughts of harming yourself" from NOW to NEXT VISIT in Spanish and
    `check` said nothing: each tier's signs are paired with the English's, one by one."""
    sign = "      - pensamientos de hacerse daño o de quitarse la vida (también puede llamar a una línea de crisis)\n"

    def move(text: str) -> str:
        assert sign in text
        text = text.replace(sign, "", 1)
        head, tail = text.split("  next_visit:\n", 1)
        heading, signs = tail.split("    signs:\n", 1)
        return head + "  next_visit:\n" + heading + "    signs:\n" + sign + signs

    problems = _es_safety_problems(content_copy_of("en", "es"), move)
    assert any("urgency.now.signs" in problem and "missing" in problem for problem in problems), problems


def test_check_reads_the_tier_signs_for_numbers_and_avoided_words(content_copy_of):
    problems = _es_safety_problems(content_copy_of("en", "es"), lambda text: text.replace("confusión repentina", "confusión repentina de un adicto durante 3 días", 1))
    assert any("urgency.now.signs" in problem and "adicto" in problem for problem in problems), problems
    assert any("urgency.now.signs" in problem and "numbers [3]" in problem for problem in problems), problems


def test_a_long_web_address_in_a_sign_or_a_step_never_widens_its_box():
    from recovery_guide.model import UrgencyTier
    from recovery_guide.textfold import cell_width
    from recovery_guide.view.blocks import ListItem, UrgencyTiers
    from recovery_guide.view.boxes import BOX_CELLS, step_boxes, tier_lines

    address = "https://example.org/" + "a-very-long-path/" * 6
    tiers = UrgencyTiers((UrgencyTier("now", "NOW: call", (f"see {address}",)),), None)
    drawn = tier_lines(tiers) + step_boxes((ListItem("1.", (f"Read {address}",)),))
    assert all(cell_width(line) <= BOX_CELLS for line in drawn), [line for line in drawn if cell_width(line) > BOX_CELLS]
    assert address in "".join(line.strip("#│ ") for line in drawn if address[:10] in line or "a-very" in line).replace(" ", "")


def test_thoughts_of_self_harm_point_to_a_crisis_line_too(guide):
    """Review r17 (unsafe list 12): thoughts of harming yourself sent the reader only to the emergency
    number; a crisis line (listed on Get help now for the reader's country) is named beside it."""
    now = guide.page("side-effects-safety").urgency_tiers[0]
    [sign] = [sign for sign in now.signs if "ending your life" in sign]
    assert "crisis line" in sign


@pytest.mark.slow
async def test_get_help_now_looks_the_same_before_and_after_the_reader_has_opened_a_page(guide):
    """Each screen's styles are read just after the first frame (tui/stylesheets.py); they were read
    as each screen first opened, so Get help now opened from the welcome screen showed "How urgent
    is it?" plain, and bold once the reading screen (whose styles make such headings bold) had opened."""
    from recovery_guide.tui.app import RecoveryGuideApp

    looks = []
    for acknowledged in (False, True):
        app = RecoveryGuideApp(Session(guide, region_code="US"), acknowledged=acknowledged)
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            await pilot.press("h")
            await settle(pilot, lambda: app.screen.query("#tiers-heading"))
            looks.append(app.screen.query_one("#tiers-heading").rich_style.bold)
    assert looks == [True, True], f"bold from the welcome screen, from a page: {looks}"
