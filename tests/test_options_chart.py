""""The options at a glance" (review r13, CDC Clear Communication Index item 4): a chart right under the
main message, in every writer and the app, built from the research screens' own options: ketamine first
with "not approved" and its squares, then the options rated highest, then where the rest are."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest

from recovery_guide import wording
from recovery_guide.model import Approval, PageKind
from recovery_guide.render.html import guide_html
from recovery_guide.render.markdown import guide_markdown
from recovery_guide.render.text import TextWriter, guide_text
from recovery_guide.session import Session
from recovery_guide.textfold import cell_width
from recovery_guide.view import options_chart
from recovery_guide.view.pages import page_view
from tests.conftest import load_guide
from tests.helpers import settle, welcome_complete

WRITERS = {"text": guide_text, "markdown": guide_markdown, "html": guide_html}
LANGUAGES = ["en", "es", "fr", "de", "pt_BR", "vi", "zh_Hans"]
WORDS = {Approval.YES: "approved", Approval.NO: "not approved", Approval.NOT_A_MEDICINE: "not a medicine"}


def flat(text: str) -> str:
    text = text.replace("&quot;", '"').replace("&#x27;", "'")
    return " ".join(re.sub(r"(?m)^[=|] | [=|]$", " ", text).split())


def research_pages(guide):
    return [page for page in guide.pages if page.options]


@pytest.mark.parametrize("fmt", WRITERS)
def test_print_puts_the_chart_right_under_the_main_message(guide, fmt):
    out = flat(WRITERS[fmt](guide))
    message = out.index(guide.first_of_kind(PageKind.WELCOME).main_message)
    title = out.index(wording.options_chart())
    assert message < title < out.index(wording.options_chart_caption()) < out.index(wording.step(1, len(guide.pages)))
    assert out.count(wording.options_chart_caption()) == 1, "said once, at the top"
    clinic_free_gap = out[message:title]
    assert wording.key_points() not in clinic_free_gap and wording.picture_key() not in clinic_free_gap


def test_every_research_screen_has_a_group_ketamine_first_then_the_highest_rated(guide):
    groups = options_chart.groups(guide)
    pages = research_pages(guide)
    assert len(pages) == 4 and [group.heading for group in groups] == [f"{page.title} (step {guide.index_of(page.id) + 1})" for page in pages]
    for page, group in zip(pages, groups):
        assert group.options[0].id == "ketamine"
        others = [option for option in page.options if option.id != "ketamine"]
        best = sorted((option.evidence_level or 0 for option in others), reverse=True)[: options_chart.SHOWN]
        assert [option.evidence_level or 0 for option in group.options[1:]] == best
        assert group.more == len(page.options) - len(group.options)
    opioids = next(group for page, group in zip(pages, groups) if page.id == "research-opioids")
    assert [option.name for option in opioids.options] == ["Ketamine with therapy", "Buprenorphine", "Methadone"]


def test_each_row_says_its_approval_and_level_in_words_with_its_squares(guide):
    text = guide_text(guide)
    chart = text[text.index(wording.options_chart()) : text.index(wording.step(1, len(guide.pages)))].replace("\xa0", " ")
    for group in options_chart.groups(guide):
        assert group.heading in chart
        for option in group.options:
            level = option.evidence_level
            line = f"{WORDS[option.approved_short]}; {wording.evidence_scale_line(level)}" if level else WORDS[option.approved_short]
            assert f"{option.name}\n    {line}" in chart, (option.name, line)
        assert f"See all options in step {group.step} ({group.more} more)." in chart
    assert "Ketamine with therapy\n    not approved; early evidence ■■□□□ (level 2 of 5)" in chart
    assert "Buprenorphine\n    approved; good evidence ■■■■□ (level 4 of 5)" in chart


def test_the_chart_follows_the_options_data(guide):
    """contentA9 removes options from alcohol, contentB9 adds one to opioids: the chart is built from them."""
    pages = list(guide.pages)
    alcohol = next(index for index, page in enumerate(pages) if page.id == "research-alcohol")
    kept = tuple(option for option in pages[alcohol].options if option.id not in ("naltrexone-pill", "acamprosate", "topiramate"))
    pages[alcohol] = replace(pages[alcohol], options=kept)
    group = options_chart.groups(replace(guide, pages=tuple(pages)))[0]
    assert group.options[0].id == "ketamine" and {option.id for option in group.options[1:]} == {"talking-therapies", "mutual-help"}
    assert group.more == len(kept) - 3


@pytest.mark.parametrize("code", LANGUAGES)
def test_the_chart_fits_60_columns_and_stacks_when_narrow(code):
    guide = load_guide(code)
    groups = options_chart.groups(guide)
    narrow = options_chart.lines(groups, 60)
    assert max(cell_width(line) for line in narrow) <= 60
    assert len(narrow) > len(options_chart.lines(groups, 200)), "one line a row where it fits, stacked where not"


def test_html_is_a_real_list_that_prints_in_black_and_white(guide):
    html = guide_html(guide).replace("\xa0", " ")
    section = html[html.index('<section class="options-chart">') : html.index("</section>", html.index('<section class="options-chart">'))]
    assert f"<h2>{wording.options_chart()}</h2>" in section
    assert section.count("<ul>") == 4 and '<li><strong>Ketamine with therapy</strong>: not approved; early evidence <span class="marks">■■□□□</span> (level 2 of 5)</li>' in section
    assert "color" not in re.search(r"\.options-chart[^}]*\}", html).group()


def test_markdown_lists_each_row(guide):
    assert "- **Methadone**: approved; good evidence ■■■■□ (level 4 of 5)" in guide_markdown(guide).replace("\xa0", " ")


def test_read_mode_says_the_chart_as_sentences_without_squares(guide):
    out = TextWriter(plain=True).page(page_view(guide, guide.first_of_kind(PageKind.WELCOME)))
    message = out.index(wording.main_message())
    at = out.index(wording.options_chart())
    assert message < at < out.index(wording.key_points())
    chart = out[at : out.index(wording.key_points())]
    assert "Ketamine with therapy: not approved, early evidence (level 2 of 5)." in chart
    assert "Buprenorphine: approved, good evidence (level 4 of 5)." in chart
    assert "See all options in step 7 (1 more)." in chart
    assert "■" not in chart and "□" not in chart


@pytest.mark.slow
async def test_the_app_shows_the_chart_under_the_main_message_where_the_buttons_stay_in_view():
    from recovery_guide.tui.app import RecoveryGuideApp

    app = RecoveryGuideApp(Session(load_guide("en")))
    async with app.run_test(size=(100, 90)) as pilot:
        await welcome_complete(pilot)
        screen = app.screen
        chart = screen.query_one("#options-chart")
        text = "\n".join(chart.lines(chart.content_size.width))
        assert "Buprenorphine" in text and "not approved" in text
        assert screen.query_one("#main-message").region.bottom <= chart.region.y < screen.query_one("#key-points").region.y
        assert chart.region.bottom <= screen.query_one("#acknowledge").region.y


@pytest.mark.slow
@pytest.mark.parametrize("size", [(60, 20), (100, 30)])
async def test_where_it_would_push_the_buttons_off_the_chart_waits_right_under_them(size):
    from recovery_guide.tui.app import RecoveryGuideApp
    from tests.test_welcome_first_view import assert_first_view

    app = RecoveryGuideApp(Session(load_guide("en")))
    async with app.run_test(size=size) as pilot:
        await welcome_complete(pilot)
        screen = app.screen
        await settle(pilot, lambda: screen.query_one("#acknowledge").region.bottom <= screen.query_one("#options-chart").region.y)
        await pilot.pause()
        assert_first_view(app)


def test_the_reading_screen_puts_the_chart_under_the_main_message_when_step_1_is_opened_again(guide):
    from recovery_guide.tui.reading_page import ReadingPage

    parts = ReadingPage().parts(page_view(guide, guide.first_of_kind(PageKind.WELCOME)))
    assert parts.key_points.index(wording.main_message()) < parts.key_points.index(wording.options_chart()) < parts.key_points.index("- ")
    assert wording.options_chart() not in parts.extra
