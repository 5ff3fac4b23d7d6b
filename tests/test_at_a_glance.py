"""The "At a glance" grid (issue #13, round 5): before the option cards, one row per option with
"Approved for this?", "What it involves" and "Research" (the scale in words and squares), in print,
Markdown, HTML, read mode and the app; stacked lines where the grid does not fit, nothing cut at 60."""

from __future__ import annotations

import io
import re
from html import unescape

import pytest

from recovery_guide import i18n, wording
from recovery_guide.audit import check_content
from recovery_guide.guide_content.folder import ContentFolder
from recovery_guide.guide_content.folder import load_guide
from recovery_guide.model import Approval
from recovery_guide.plain import PlainReader
from recovery_guide.render.html import guide_html
from recovery_guide.render.markdown import guide_markdown
from recovery_guide.render.text import guide_text
from recovery_guide.session import Session
from recovery_guide.textfold import cell_width
from recovery_guide.view import glance

RESEARCH_PAGES = ["research-alcohol", "research-opioids", "research-cocaine", "research-cannabis"]


def words_of(options) -> list[str]:
    """Every word the grid must show whole: each cell's words, the squares and "(level 4 of 5)" included."""
    return [word for option in options for text in glance.cells(option) for word in text.split()]


def test_every_option_has_the_grids_three_fields_and_ketamine_has_its_screens_level(guide):
    for page_id in RESEARCH_PAGES:
        page = guide.page(page_id)
        for option in page.options:
            assert option.approved_short in Approval and option.involves and option.evidence_level in range(0, 6), (page_id, option.id)
            assert "mg" not in option.involves.split(), "never a dose"
        ketamine = next(option for option in page.options if option.id == "ketamine")
        assert ketamine.approved_short is Approval.NO and ketamine.evidence_level == page.evidence_level
        current = next(option for option in page.options if option.id == "current-care")
        assert current.evidence_level == 0, "staying with current care: not rated"
    approved = {option.id for option in guide.page("research-opioids").options if option.approved_short is Approval.YES}
    assert approved == {"buprenorphine", "methadone", "naltrexone-injection", "naloxone"}
    assert all(option.approved_short is not Approval.YES for page_id in ("research-cocaine", "research-cannabis") for option in guide.page(page_id).options)


def test_print_shows_the_grid_before_the_option_cards(guide):
    text = guide_text(guide)
    start = text.index("At a glance\n-----------")
    cards = text.index("Your options, side by side", start)
    grid = text[start:cards]
    assert "Approved" in grid and "What it involves" in grid and "Research" in grid
    rows = " ".join(grid.split())
    assert "Buprenorphine" not in rows, "the alcohol screen's grid comes first"
    for option in guide.page("research-alcohol").options:
        assert option.involves.split()[0] in rows
    assert "A pill every day" in rows and "some evidence ■■■□□ (level 3 of 5)" in rows and "not rated" in rows
    assert max(cell_width(line) for line in grid.splitlines()) <= 78


@pytest.mark.parametrize("page_id", RESEARCH_PAGES)
@pytest.mark.parametrize("width", [78, 60, 40, 24])
def test_the_grid_cuts_no_word_at_any_width(guide, page_id, width):
    options = guide.page(page_id).options
    lines = glance.grid_lines(options, width)
    assert max(cell_width(line) for line in lines) <= width, "nothing past the edge"
    shown = " ".join(lines).split()
    for word in words_of(options):
        assert word in shown, f"{word!r} cut or missing at {width} columns"


def test_a_narrow_width_stacks_each_option(guide):
    options = guide.page("research-opioids").options
    lines = glance.grid_lines(options, 24)
    assert lines[0] == "Ketamine with therapy" and lines[1] == "  Approved for this? No"
    assert glance.column_widths([glance.headers(), *(glance.cells(option) for option in options)], 24) is None
    chinese = load_guide("zh_Hans").page("research-alcohol").options  # names that fit on two lines at 78 (review r15: at most two)
    with i18n.in_language("zh_Hans"):  # its headers and ratings in Chinese too, as the Chinese print has them
        assert glance.column_widths([glance.headers(), *(glance.cells(option) for option in chinese)], 78) is not None


def test_markdown_and_html_have_the_grid(guide):
    markdown = guide_markdown(guide)
    fenced = re.search(r"### At a glance\n\n```text\n(.*?)\n```", markdown, re.S)
    assert fenced and "A pill every day" in fenced.group(1)
    html = guide_html(guide)
    table = re.search(r'<table class="glance">(.*?)</table>', html, re.S).group(1)
    assert '<th scope="col">Approved for this?</th>' in table
    rows = re.findall(r'<tr><th scope="row">(.*?)</th>(.*?)</tr>', table)
    assert len(rows) == len(guide.page("research-alcohol").options)
    assert "A pill every day" in unescape(rows[1][1]) and "Yes" in rows[1][1]
    assert html.index('class="glance"') < html.index('<section class="option-card">')


def test_read_mode_gives_the_grid_as_stacked_words_without_squares(guide):
    out = io.StringIO()
    reader = PlainReader(Session(guide), stdin=io.StringIO(""), stdout=out)
    reader.index = guide.index_of("research-opioids")
    reader.show()
    text = out.getvalue()
    assert "At a glance:" in text and "What it involves: A film in the mouth each day, or a monthly injection" in " ".join(text.split())
    assert "Research: good evidence (level 4 of 5)" in text
    assert wording.SCALE_FILLED not in text


def test_check_names_an_option_without_involves(content_copy_of):
    content_copy = content_copy_of("en")  # only what this test changes and asserts
    path = content_copy / "en" / "screens" / "07-research-cocaine.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("    involves: Regular sessions with a therapist\n", "", 1), encoding="utf-8")
    problems = [str(problem) for problem in check_content(ContentFolder(content_copy)).problems]
    assert any(problem.startswith(f"{path}:") and "options[2].involves" in problem for problem in problems), problems


@pytest.mark.slow
@pytest.mark.parametrize("size", [(60, 30), (100, 40)])
async def test_the_app_shows_the_grid_with_nothing_cut(guide, size):
    from textual.geometry import Region

    from recovery_guide.tui.app import RecoveryGuideApp
    from recovery_guide.tui.screens.reader import ReaderScreen
    from recovery_guide.tui.widgets.at_a_glance import AtAGlanceView
    from tests.helpers import acknowledge, settle

    page = guide.page("research-opioids")
    app = RecoveryGuideApp(Session(guide))
    async with app.run_test(size=size) as pilot:
        await acknowledge(pilot)
        await settle(pilot, lambda: isinstance(app.screen, ReaderScreen))
        view = app.screen.query_one(AtAGlanceView)
        assert not view.display, "not on pages without options"
        app.screen.go_to(guide.index_of(page.id))
        await settle(pilot, lambda: view.display and view.content_size.width > 0)
        width, height = view.outer_size
        assert view.region.right <= size[0]
        lines = [strip.text.rstrip() for strip in view.render_lines(Region(0, 0, width, height))]
        assert height == len(view.lines(view.content_size.width)), "as tall as its lines"
        shown = " ".join(lines).split()
        assert "At" in shown and all(word in shown for word in words_of(page.options))


def test_the_opioid_options_include_care_without_medicine_told_like_every_other_option(guide):
    """IPDAS Q3 (review r13): SAMHSA TIP 63 says people should hear about treatment without medicine,
    so the opioid side-by-side has such a card, with every field the others have, honest where our
    sources are silent, and a row in the "At a glance" grid of the printed guide."""
    page = guide.page("research-opioids")
    without = [option for option in page.options if option.approved_short is Approval.NOT_A_MEDICINE and option.id != "current-care"]
    assert len(without) == 1, [option.id for option in page.options]
    option = without[0]
    assert "without medicine" in option.name
    for name in option.TEXT_FIELDS:
        assert getattr(option, name).strip(), f"{option.id}.{name} is empty"
    assert option.involves and option.evidence_level == 0, "our sources give no result for it alone: not rated"
    assert "do not give results for this on its own" in option.research and "Ask your provider" in option.research
    assert "tolerance falls" in option.side_effects, "the overdose risk after a break from opioids"
    assert "samhsa-tip-63" in option.source_ids
    text = guide_text(guide)
    start = text.index("At a glance\n-----------", text.index("of 14: What research shows for opioids"))
    grid = text[start : text.index("Your options, side by side", start)].split()
    assert all(word in grid for word in f"{option.name} {option.involves}".split()), "its row, wrapped in cells"


@pytest.mark.parametrize("page_id", RESEARCH_PAGES)
def test_a_chinese_grid_fits_the_paper_with_its_header_on_two_lines(page_id):
    """"是否获批用于此？" reads well on two lines of 8 cells over "是"/"否": the Chinese grids stay
    grids at 78 columns, though each rating now says its level ("（第1级，共5级）")."""
    options = load_guide("zh_Hans").page(page_id).options
    with i18n.in_language("zh_Hans"):
        assert glance.column_widths([glance.headers(), *(glance.cells(option) for option in options)], 78) is not None


@pytest.mark.parametrize("code", ["en", "de", "es", "fr", "pt_BR", "vi", "zh_Hans"])
def test_a_stacked_rating_reads_on_one_line_where_it_fits(code):
    """An app window of 60 columns stacks the grid in some 52 cells: "Research: very early evidence"
    on one line and "■□□□□ (level 1 of 5)" on the next read as two facts. Where the whole rating fits
    the line under its label, it is never parted."""
    guide = load_guide(code)
    with i18n.in_language(code):
        ratings = [" ".join(wording.evidence_scale_line(level).split()) for level in range(1, 6)]
        for page_id in RESEARCH_PAGES:
            for width in (52, 56, 60, 66):
                if max(cell_width(rating) for rating in ratings) > width - 4:  # under its label, indented 4
                    continue
                lines = [" ".join(line.split()) for line in glance.stacked_lines(guide.page(page_id).options, width)]
                split = [line for line in lines if re.search(r"[■□]{5}", line) and not any(rating in line for rating in ratings)]
                assert not split, f"{page_id} at {width}: {split}"
