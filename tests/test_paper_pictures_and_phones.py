"""Pictures and phone lists on paper that do not mislead or distract (review r15, PEMAT 2, 10, 16, 18, 19).

A weaker study's picture is drawn with other marks than a fair test's in every writer and the app
(◍ and ✕, not ● and ✖), its key line saying so; its band is as wide as the picture. A print for a
known country lists that country's help lines only, with one line pointing to the app for the rest,
and its source list holds only what it cites. The glossary comes before the sources. An option's
name in "At a glance" breaks at most once.
"""

from __future__ import annotations

import dataclasses
import html
import re

import pytest
from rich.cells import cell_len

from recovery_guide import wording
from recovery_guide.cli import main
from recovery_guide.guide_content.folder import load_guide
from recovery_guide.linebreak import wrap_cells
from recovery_guide.model import OutcomeKind
from recovery_guide.render.html import guide_html
from recovery_guide.render.markdown import MarkdownWriter, guide_markdown
from recovery_guide.render.text import TextWriter, guide_text
from recovery_guide.textfold import cell_width
from recovery_guide.view import glance
from recovery_guide.view.icons import grid_lines
from tests.helpers import without_contents
from tests.test_icon_arrays import RESULT_IDS, assert_grids_match, grids_in, icon_block

LANGUAGES = ["en", "es", "fr", "de", "pt_BR", "vi", "zh_Hans"]
SOLID = {OutcomeKind.GOOD: wording.FILLED, OutcomeKind.BAD: wording.BAD}
"""A fair test's marks: the solid dot, the heavy cross."""
STRIPED = {OutcomeKind.GOOD: "◍", OutcomeKind.BAD: "✕"}
"""A weaker study's marks, written here, not taken from the code."""


def expected_mark(result) -> str:
    return (STRIPED if result.caveat else SOLID)[result.outcome_is]


# --- item 1: a weak study's picture does not look like a strong one -----------------------------------


@pytest.mark.parametrize("result_id", RESULT_IDS)
@pytest.mark.parametrize("writer", ["text", "markdown"])
def test_a_weaker_studys_picture_has_other_marks_than_a_fair_tests_on_paper(guide, result_id, writer):
    """The count of filled marks still matches each group's number, with the mark of its kind; a weak
    picture has no solid ● or ✖ in it, a fair one no ◍ or ✕, and the key line says which is which."""
    _page, block = icon_block(guide, result_id)
    written = (TextWriter() if writer == "text" else MarkdownWriter()).write(block)
    result = block.result
    mark = expected_mark(result)
    grids = grids_in(written.splitlines())
    assert_grids_match(grids, result)
    for grid, group in zip(grids, result.groups):
        assert grid.count(mark) == group.count
    other = set(SOLID.values() if result.caveat else STRIPED.values())
    assert not other & set("".join("".join(grid) for grid in grids)), "one kind of mark per picture"
    key = f"{mark} = {result.outcome} (a link, not proof)" if result.caveat else f"{mark} = {result.outcome}"
    assert key in written.splitlines()


def test_the_striped_marks_take_one_cell_like_the_solid_ones():
    """◍ and ✕ are as wide as ● and ✖ in Rich (the app) and in the print's own measure, so the grids
    keep their columns."""
    for striped, solid in zip(STRIPED.values(), SOLID.values()):
        assert cell_len(striped) == cell_len(solid) == 1
        assert cell_width(" ".join([striped] * 10)) == cell_width(" ".join([solid] * 10)) == 19


PRINTS = {"text": guide_text, "markdown": guide_markdown, "html": guide_html}


def printed_key(written: str) -> str:
    """The words of "How to read the pictures", from its heading to the evidence scale's, on one line."""
    text = " ".join(html.unescape(without_contents(written)).split())
    return text[text.index("How to read the pictures") : text.index("The squares show")]


def with_weak_good_picture(guide):
    """``guide`` with the alcohol screen's picture (a fair test, a good outcome) from a weaker study."""
    page = guide.page("research-alcohol")
    results = tuple(dataclasses.replace(result, caveat="A link, not proof: this cannot show the cause.") for result in page.results)
    assert results and all(result.outcome_is is OutcomeKind.GOOD for result in results)
    pages = tuple(dataclasses.replace(each, results=results) if each.id == page.id else each for each in guide.pages)
    return dataclasses.replace(guide, pages=pages)


@pytest.mark.parametrize("fmt", PRINTS)
def test_the_printed_key_explains_only_the_marks_the_pictures_draw(guide, fmt):
    """Today's English draws ● (fair, good), ✕ (methadone: weaker study, bad) and ○, never ◍ or ✖:
    the key must not tell a reader about a mark they never see."""
    key = printed_key(PRINTS[fmt](guide))
    assert "In such a picture, ✕ marks a bad result." in key and "● marks a good result." in key and "○ marks everyone else." in key
    assert "◍" not in key and "✖" not in key


@pytest.mark.parametrize("fmt", PRINTS)
def test_a_weaker_studys_good_picture_puts_its_mark_in_the_key(guide, fmt):
    key = printed_key(PRINTS[fmt](with_weak_good_picture(guide)))
    assert "In such a picture, ◍ marks a good result." in key and "In such a picture, ✕ marks a bad result." in key
    assert "✖" not in key


def test_html_legend_matches_its_hatched_marks(guide):
    """The HTML greys and stripes a weak picture's marks: its legend names ◍, as the text does."""
    page = guide_html(guide)
    methadone = re.search(r'id="result-opioids-methadone-deaths">(.*?)</figure>', page, re.S).group(1)
    assert "✕ = died in a year (a link, not proof)" in html.unescape(methadone)


def test_read_mode_says_the_sentence_without_any_marks(guide):
    _page, block = icon_block(guide, "opioids-methadone-deaths")
    said = TextWriter(plain=True).write(block)
    assert block.result.caveat in said and not {*SOLID.values(), *STRIPED.values(), wording.EMPTY} & set(said)


# --- item 5: the band is as wide as the picture ---------------------------------------------------------


def test_the_methadone_band_ends_where_the_picture_does(guide):
    """Review r15 (PEMAT 18): the band ran on to two lines of dashes across the whole page."""
    _page, block = icon_block(guide, "opioids-methadone-deaths")
    lines = grid_lines(block.result, 78)
    band = [line for line in lines if line.startswith(wording.BAND)]
    grids = [line for line in lines if line[:1] in (wording.EMPTY, *STRIPED.values())]
    labels = [line for line in lines if line.endswith("in 100")]
    picture = max(cell_width(line) for line in grids + labels)
    assert band and all(cell_width(line) == picture for line in band), (picture, band)
    assert picture < 60


# --- item 2: only the reader's country's phone numbers --------------------------------------------------

OTHER_COUNTRIES = "Numbers for other countries are in the app, on the \"Get help now\" screen."


def plain(text: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", text)).replace("\\", "").split())


@pytest.mark.parametrize("render", [guide_text, guide_markdown, guide_html])
def test_print_for_a_known_country_lists_only_its_numbers_and_points_to_the_app(guide, render):
    words = plain(render(guide, "US"))
    assert "United States (US)" in words and "988" in words
    others = [region for region in guide.regions if region.code != "US"]
    assert not [region.name for region in others if f"{region.name} ({region.code})" in words]
    assert words.count(OTHER_COUNTRIES) == 1


@pytest.mark.parametrize("render", [guide_text, guide_markdown, guide_html])
def test_print_for_an_unknown_country_lists_every_country(guide, render):
    words = plain(render(guide, None))
    assert all(f"{region.name} ({region.code})" in words for region in guide.regions)
    assert OTHER_COUNTRIES not in words


def printed_sources(text: str) -> tuple[list[int], set[int], str]:
    """The numbers of the printed source list, every number cited before it, and the list itself."""
    before, _, listed = text.partition("Sources (for you or your provider to check)")
    numbers = [int(number) for number in re.findall(r"^\[(\d+)\]", listed, re.M)]
    cited = {int(number) for number in re.findall(r"\[(\d+)\]", before)}
    return numbers, cited, listed


@pytest.mark.parametrize("region", ["US", "GB", None])
def test_the_printed_source_list_holds_only_cited_sources_numbered_without_gaps(guide, region):
    text = without_contents(guide_text(guide, region))
    numbers, cited, listed = printed_sources(text)
    assert numbers == list(range(1, len(numbers) + 1))
    assert cited <= set(numbers), f"a number cited but not listed: {sorted(cited - set(numbers))}"
    kept = {line.source_id for found in guide.regions if region in (None, found.code) for line in found.lines}
    dropped = {line.source_id for found in guide.regions for line in found.lines} - kept
    dropped -= {source_id for page in guide.pages for source_id in (*page.source_ids, *(result.source_id for result in page.results))}
    flat_list = " ".join(listed.split())
    for source_id in dropped:
        assert (" ".join(guide.sources[source_id].citation.split()) not in flat_list) or region is None, source_id
    if region:
        assert dropped and len(numbers) < len(guide.sources), "the other countries' own sources leave the list"


def test_the_region_given_and_the_systems_print_the_same(monkeypatch, capsys):
    assert main(["print", "--lang", "en", "--region", "us"]) == 0
    given = capsys.readouterr().out
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    assert main(["print", "--lang", "en"]) == 0
    from_system = capsys.readouterr().out
    assert given == from_system and OTHER_COUNTRIES in " ".join(given.split())


# --- item 3: the glossary before the sources -------------------------------------------------------------


@pytest.mark.parametrize("render", [guide_text, guide_markdown, guide_html])
def test_the_glossary_comes_before_the_sources_on_paper(guide, render):
    """Review r15 (PEMAT 10): step 1 sends readers to the glossary, printed after 102 references."""
    words = plain(without_contents(render(guide, "US")))
    glossary, sources = words.rindex("Words used in this guide"), words.index("Sources (for you or your provider to check)")  # the heading, not step 1's pointer to it
    assert glossary < sources


# --- item 4: option names in "At a glance" break at most once ----------------------------------------------


@pytest.mark.parametrize("code", LANGUAGES)
def test_at_a_glance_names_break_at_most_once_at_78_columns(code):
    """Review r15 (PEMAT 19): "Rewards / for / drug-free / tests" over four lines. A grid gives each
    name room for two lines at most; where it cannot, the options stand as stacked lines."""
    shown = load_guide(code)
    for page in shown.pages:
        if not page.options:
            continue
        rows = [glance.headers(), *(glance.cells(option) for option in page.options)]
        widths = glance.column_widths(rows, 78)
        lines = glance.grid_lines(page.options, 78)
        if widths is None:
            assert all(any(line == option.name or line.startswith(option.name[:10]) for line in lines) for option in page.options)
            continue
        for option in page.options:
            assert len(wrap_cells(option.name, widths[0])) <= 2, f"{code} {page.id}: {option.name!r} at {widths[0]} cells"


def test_the_cocaine_glance_in_print_keeps_each_name_on_at_most_two_lines(guide):
    text = guide_text(guide, "US")
    part = text[text.index("Step 7 of"):]
    part = part[part.index("At a glance") : part.index("Your options, side by side")]
    lines = part.splitlines()
    for name in ("Rewards for drug-free tests", "Your current care, or no treatment for now"):
        start = next(index for index, line in enumerate(lines) if line.startswith(name.split()[0]))
        first_column = " ".join(re.split(r"\s{2,}", line)[0] for line in lines[start : start + 2])
        assert first_column.startswith(name), lines[start : start + 4]
