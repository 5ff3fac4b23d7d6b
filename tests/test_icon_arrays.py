"""Pictures of the numbers (issue #13): every headline result is an icon array of 100 per group in every
writer, the count of filled symbols is the number in the words, read mode gets the words only, the
evidence scale shows its level in dots and words, and ``check`` catches a picture that disagrees with
its caption."""

from __future__ import annotations

import dataclasses
import io
import re
from html import unescape
from pathlib import Path

import pytest

from recovery_guide import wording
from recovery_guide.audit import check_content
from recovery_guide.guide_content.folder import ContentFolder, load_guide
from recovery_guide.model import OutcomeKind
from recovery_guide.paths import content_dir
from recovery_guide.plain import PlainReader
from recovery_guide.render.html import HtmlWriter
from recovery_guide.render.html import guide_html
from recovery_guide.render.markdown import MarkdownWriter, guide_markdown
from recovery_guide.render.text import TextWriter, guide_text
from recovery_guide.session import Session
from recovery_guide.view.blocks import EvidenceScale, IconArray
from recovery_guide.view.icons import grid_lines
from recovery_guide.view.pages import page_view
from recovery_guide.textfold import cell_width
from tests.helpers import acknowledge, settle

FILLED, EMPTY, BAD = wording.FILLED, wording.EMPTY, wording.BAD
WEAK_FILLED, WEAK_BAD = wording.WEAK_FILLED, wording.WEAK_BAD
MARKS = (FILLED, BAD, WEAK_FILLED, WEAK_BAD, EMPTY)
"""Every symbol a picture draws: a fair test's dot or cross, a weaker study's ◍ or ✕, the empty ring."""
GRID_ROW = re.compile(rf"^[{''.join(MARKS)} ]+$")
RESULT_IDS = ["cocaine-dakwar-2019", "opioids-methadone-deaths", "opioids-xbot-2018", "alcohol-aa-kelly-2020"]


def results_of(guide):
    """(page, result) for every result in the guide."""
    return [(page, result) for page in guide.pages for result in page.results]


def icon_block(guide, result_id: str) -> tuple:
    for page in guide.pages:
        for block in page_view(guide, page).blocks:
            if isinstance(block, IconArray) and block.result.id == result_id:
                return page, block
    raise AssertionError(f"no icon array for {result_id}")


def grids_in(lines: list[str]) -> list[list[str]]:
    """The groups' blocks in character lines: each a list of symbols, row by row.

    Side by side, each grid line holds 20 symbols (10 of each group); stacked, 10 (one group)."""
    rows = [[char for char in line if char in MARKS] for line in lines if GRID_ROW.match(line) and len(line.replace(" ", "")) >= 10]
    if rows and len(rows[0]) == 20:
        assert len(rows) == 10, rows
        return [[symbol for row in rows for symbol in row[:10]], [symbol for row in rows for symbol in row[10:]]]
    assert all(len(row) == 10 for row in rows) and len(rows) % 10 == 0, rows
    return [[symbol for row in rows[start : start + 10] for symbol in row] for start in range(0, len(rows), 10)]


def mark(result) -> str:
    """The picture's filled symbol: a dot for a good outcome, a cross for a bad one; a weaker study's
    (one with a caveat) ◍ or ✕."""
    if result.caveat:
        return WEAK_BAD if result.outcome_is is OutcomeKind.BAD else WEAK_FILLED
    return BAD if result.outcome_is is OutcomeKind.BAD else FILLED


def assert_grids_match(grids: list[list[str]], result) -> None:
    assert len(grids) == 2, f"two blocks, one per group; found {len(grids)}"
    filled = mark(result)
    for grid, group in zip(grids, result.groups):
        assert len(grid) == 100
        assert grid.count(filled) == group.count, f"{group.label}: {grid.count(filled)} filled, the words say {group.count}"
        assert grid.count(EMPTY) == 100 - group.count
        assert grid == [filled] * group.count + [EMPTY] * (100 - group.count), "filled first, row by row from the top"


def said(group) -> str:
    """How the words give a group's count: "48 in 100"."""
    return f"{group.count} in 100"


def symbol_lines(result) -> list[str]:
    """The legend's symbol lines: the outcome's (a weaker study's says so), everyone else."""
    outcome = f"{result.outcome} (a link, not proof)" if result.caveat else result.outcome
    return [f"{mark(result)} = {outcome}", f"{EMPTY} = everyone else"]


def test_the_english_guide_shows_the_headline_results(guide):
    """At least the cocaine study, and the alcohol and opioid two-group results, each out of 100."""
    found = {result.id: tuple(group.count for group in result.groups) for _page, result in results_of(guide)}
    assert found["cocaine-dakwar-2019"] == (48, 11)
    assert found["opioids-methadone-deaths"] == (1, 4), "methadone deaths in and out of treatment, a year"
    assert found["opioids-xbot-2018"] == (35, 43), "X:BOT: had not gone back to opioids by 24 weeks (65 and 57 went back)"
    assert found["alcohol-aa-kelly-2020"] == (42, 35), "review r15 (PEMAT 16): an approved-care option, not only ketamine, gets a picture"
    assert "not randomised" in dict(((r.id, r.design) for _p, r in results_of(guide)))["opioids-methadone-deaths"]
    assert not {"alcohol-krupitsky-1997", "opioids-krupitsky-2007"} & set(found), "review r16 (PEMAT 16): weak ketamine results in words only"
    for page, result in results_of(guide):
        for group in result.groups:
            assert said(group) in result.caption, f"{page.id}: the caption gives {said(group)}"
        assert "%" not in result.caption


@pytest.mark.parametrize("result_id", RESULT_IDS)
def test_print_draws_each_group_with_as_many_filled_symbols_as_its_count(guide, result_id):
    _page, block = icon_block(guide, result_id)
    text = TextWriter().write(block)
    assert_grids_match(grids_in(text.splitlines()), block.result)
    flat = " ".join(text.split())
    assert " ".join(block.result.caption.split()) in flat
    assert block.result.design in flat and f"[{block.source_number}]" in flat
    for group in block.result.groups:
        assert group.label in flat and said(group) in flat
    assert all(line in text.splitlines() for line in symbol_lines(block.result))


def test_print_of_the_whole_guide_has_every_result_side_by_side_within_its_width(guide):
    text = guide_text(guide)
    lines = text.splitlines()
    for _page, result in results_of(guide):
        end = next(index for index, line in enumerate(lines) if line.startswith(" ".join(result.caption.split()[:5])))
        grids = grids_in(lines[end - 12 : end])
        assert_grids_match(grids, result)
        assert len(grids[0]) == 100 and any(len(line.replace(" ", "")) == 20 for line in lines[end - 12 : end] if GRID_ROW.match(line)), "side by side"
    assert max(len(line) for line in lines if GRID_ROW.match(line)) <= 78


def test_narrow_text_stacks_the_two_blocks(guide):
    _page, block = icon_block(guide, "cocaine-dakwar-2019")
    lines = grid_lines(block.result, 40)
    assert max(len(line) for line in lines) <= 40
    assert_grids_match(grids_in(lines), block.result)
    assert all(len(line.replace(" ", "")) <= 10 for line in lines if GRID_ROW.match(line)), "one block per line"


@pytest.mark.parametrize("width", [78, 40])
def test_a_chinese_group_label_wraps_within_the_width_in_print(guide, width):
    """Labels are measured in cells: a Chinese character takes two (it was counted as one, and a long
    label ran past its column and pushed the other block past the page's edge)."""
    _page, block = icon_block(guide, "cocaine-dakwar-2019")
    first, second = block.result.groups
    label = "接受了氯胺酮和常规治疗，并且每周还参加一次谈话治疗的所有成年人"
    result = dataclasses.replace(block.result, groups=(dataclasses.replace(first, label=label), second))
    lines = grid_lines(result, width)
    assert max(cell_width(line) for line in lines) <= width
    assert_grids_match(grids_in(lines), result)


@pytest.mark.parametrize("result_id", RESULT_IDS)
def test_markdown_puts_the_grids_in_a_code_block_with_the_caption(guide, result_id):
    _page, block = icon_block(guide, result_id)
    markdown = MarkdownWriter().write(block)
    fenced = re.search(r"```text\n(.*?)\n```", markdown, re.S)
    assert fenced, markdown
    assert_grids_match(grids_in(fenced.group(1).splitlines()), block.result)
    after = markdown[fenced.end() :]
    assert all(said(group) in after for group in block.result.groups), "the caption follows the picture"


@pytest.mark.parametrize("result_id", RESULT_IDS)
def test_html_draws_100_shapes_per_group_that_print_in_black_and_white(guide, result_id):
    _page, block = icon_block(guide, result_id)
    html = HtmlWriter().write(block)
    svgs = re.findall(r"<svg[^>]*>.*?</svg>", html, re.S)
    assert len(svgs) == 2
    for svg, group in zip(svgs, block.result.groups):
        assert 'role="img"' in svg
        label = unescape(re.search(r'aria-label="([^"]*)"', svg).group(1))
        assert block.result.caption in label
        assert unescape(re.search(r"<title>(.*?)</title>", svg).group(1)) == label
        # a fair test's marks solid black; a weak design's hatched grey (still a shape of their own)
        filled = re.findall(r'<circle class="filled"[^>]*fill="(?:#000|url\(#hatch-[^"]*\))"|<path class="bad"[^>]*stroke="#(?:000|666)"', svg)
        empty = re.findall(r'<circle class="empty"[^>]*fill="none" stroke="#000"', svg)
        assert (len(filled), len(empty)) == (group.count, 100 - group.count)
        assert "http" not in svg.replace('xmlns="http://www.w3.org/2000/svg"', ""), "no external request"
    caption = re.search(r"<figcaption>(.*?)</figcaption>", html, re.S).group(1)
    assert block.result.caption in unescape(caption)


def test_read_mode_gives_the_sentence_not_the_picture(guide):
    page = guide.page("research-cocaine")
    out = io.StringIO()
    reader = PlainReader(Session(guide), stdin=io.StringIO(""), stdout=out)
    reader.index = guide.index_of(page.id)
    reader.show()
    text = out.getvalue()
    assert " ".join(page.results[0].caption.split()) in " ".join(text.split())
    assert not any(GRID_ROW.match(line) for line in text.splitlines() if line.strip()), "no grid rows"
    assert not set(text) & {FILLED, BAD, EMPTY, wording.SCALE_FILLED, wording.SCALE_EMPTY}, "no symbols to read aloud, not even the scale's"
    assert f"{wording.evidence_level(page.evidence_level)} (level {page.evidence_level} of 5)" in text, "the scale in words"


@pytest.mark.parametrize("page_id", ["research-alcohol", "research-opioids", "research-cocaine", "research-cannabis", "how-it-may-work", "treatment-course", "therapy"])
def test_every_screen_with_evidence_shows_the_scale_with_its_words(guide, page_id):
    page = guide.page(page_id)
    assert page.evidence and page.evidence_level in range(1, 6)
    [block] = [block for block in page_view(guide, page).blocks if isinstance(block, EvidenceScale)]
    expected_words = wording.evidence_level(page.evidence_level)
    for writer in (TextWriter(), MarkdownWriter(), HtmlWriter()):
        written = writer.write(block)
        dots = re.search(rf"[{wording.SCALE_FILLED}{wording.SCALE_EMPTY}]{{5}}", written).group()
        assert dots.count(wording.SCALE_FILLED) == page.evidence_level and dots.count(wording.SCALE_EMPTY) == 5 - page.evidence_level
        assert FILLED not in written, "the scale's symbols differ from the icon array's"
        assert expected_words in written and f"level {page.evidence_level} of 5" in written
        assert page.evidence in " ".join(unescape(written).replace("\\", "").split())


def test_every_screen_with_evidence_has_a_level(guide):
    assert [page.id for page in guide.pages if page.evidence and not page.evidence_level] == []


def test_the_alcohol_screen_has_a_picture_of_an_option_that_is_not_ketamine(guide):
    """Review r15 (PEMAT 16): steps 5, 6 and 7 each showed a large ketamine-favouring picture and none
    for an alternative. The alcohol screen draws AA or 12-step therapy against other therapies (out of
    100, a news report's numbers, said so in the caption), placed with the options, not with the
    ketamine studies, and printed as a picture on paper."""
    page = guide.page("research-alcohol")
    aa = next(result for result in page.results if result.id == "alcohol-aa-kelly-2020")
    assert "ketamine" not in (aa.caption + aa.outcome + aa.design + " ".join(group.label for group in aa.groups)).lower()
    assert [group.count for group in aa.groups] == [42, 35] and aa.source_id == "kelly-2020"
    assert "news report" in aa.caption and aa.outcome_is is OutcomeKind.GOOD
    headings = [line[3:] for line in page.body.splitlines() if line.startswith("## ")]
    assert headings[aa.after_section - 1] == "Other choices", "with the options, after the ketamine studies"
    printed = guide_text(guide)
    assert "● = not drinking at all at 12 months" in printed and "Had AA or 12-step therapy" in printed


def test_the_scale_names_are_in_one_place_and_differ():
    names = [wording.evidence_level(level) for level in range(1, 6)]
    assert len(set(names)) == 5 and names[0] == "very early evidence" and names[-1] == "strong evidence"


# --- what a filled symbol means, named above each picture (a review: ● was a good outcome in one picture, a death in another) ---

OUTCOMES = {
    "alcohol-aa-kelly-2020": "not drinking at all at 12 months",
    "opioids-methadone-deaths": "died in a year",
    "opioids-xbot-2018": "had not gone back to opioids by 24 weeks",
    "cocaine-dakwar-2019": "stayed off cocaine in the last 2 weeks",
}
LANGUAGES = ["es", "fr", "de", "pt_BR", "vi", "zh_Hans"]


def test_every_english_result_names_what_a_filled_symbol_means(guide):
    assert {result.id: result.outcome for _page, result in results_of(guide)} == OUTCOMES


@pytest.mark.parametrize("code", LANGUAGES)
def test_every_result_names_its_outcome_in_every_language(guide, code):
    """Each translated research screen is shown in its language (its translation current) with every
    result's outcome in that language, not the English phrase."""
    translated = load_guide(code)
    english = dict(((result.id, result.outcome) for _page, result in results_of(guide)))
    for page, result in results_of(translated):
        assert page.language == code, f"{page.id} is not shown in {code} (a stale or broken translation)"
        assert result.outcome.strip() and result.outcome != english[result.id], f"{code} {result.id}: {result.outcome!r}"
    assert {result.id for _page, result in results_of(translated)} == set(english)


def legend_above(lines: list[str], result) -> list[str]:
    """The lines between the end of the previous text and the first grid row of ``result``'s picture:
    the picture's own legend and its groups' labels."""
    start = next(index for index, line in enumerate(lines) if line.startswith(f"{mark(result)} = {result.outcome}"))
    first_grid = next(index for index in range(start, len(lines)) if GRID_ROW.match(lines[index]) and len(lines[index].replace(" ", "")) >= 10)
    assert_grids_match(grids_in(lines[first_grid : first_grid + 10]), result)
    return lines[start - 1 : first_grid]


@pytest.mark.parametrize("result_id", RESULT_IDS)
def test_print_and_markdown_name_each_arrays_outcome_in_the_line_above_it(guide, result_id):
    """The key above each picture says what ● means in that picture: "died in a year" above the
    methadone picture, "stayed off alcohol ..." above Krupitsky's; ○ is everyone else."""
    _page, block = icon_block(guide, result_id)
    for written in (guide_text(guide), guide_markdown(guide)):
        lines = written.splitlines()
        legend = legend_above(lines, block.result)
        assert legend[1 : len(symbol_lines(block.result)) + 1] == symbol_lines(block.result) and OUTCOMES[result_id] in legend[1]
        assert "had this result" not in written


@pytest.mark.parametrize("result_id", RESULT_IDS)
def test_html_names_each_arrays_outcome_in_its_legend(guide, result_id):
    html = guide_html(guide)
    figure = re.search(rf'<figure class="result(?: weak)?" id="result-{result_id}">(.*?)</figure>', html, re.S).group(1)
    legend = unescape(re.search(r'<p class="legend">(.*?)</p>', figure, re.S).group(1))
    result = icon_block(guide, result_id)[1].result
    assert "<br>".join(symbol_lines(result)) in legend and OUTCOMES[result_id] in legend
    assert figure.index('class="legend"') < figure.index("<svg"), "the legend stands above the picture"
    assert "had this result" not in html


def test_the_printed_key_says_each_picture_names_what_a_filled_symbol_means(guide):
    text = " ".join(guide_text(guide).split())
    key = text[text.index("How to read the pictures") : text.index("The squares show")]
    assert "Each block of 10 by 10 is 100 people. ● marks a good result." in key  # ✖ only where a picture draws it
    assert "Above each picture, a key says what the mark means in that picture." in key


# --- a bad outcome has its own symbol (a review: ● meant "stayed off alcohol" in one picture and "died" in the next) ---

BAD_RESULTS = {"opioids-methadone-deaths"}
"""X:BOT is drawn as "had not gone back", like ketamine's "off heroin" on the same screen (review r10,
PEMAT 16: ketamine a gain, the approved medicines a loss); the deaths are a yearly rate, not a yes/no
per person, so they keep their own frame."""


def test_every_english_result_says_whether_its_outcome_is_good_or_bad(guide):
    assert {result.id for _page, result in results_of(guide) if result.outcome_is is OutcomeKind.BAD} == BAD_RESULTS
    assert all(result.outcome_is in (OutcomeKind.GOOD, OutcomeKind.BAD) for _page, result in results_of(guide))


@pytest.mark.parametrize("code", ["en", "zh_Hans"])
def test_print_draws_the_methadone_deaths_with_a_cross_and_alcohol_with_dots(guide, code):
    """On paper, in black and white: the deaths picture's legend and blocks use a cross (a weaker study's
    light cross ✕), the alcohol one (AA, a fair comparison) a dot."""
    shown = guide if code == "en" else load_guide(code)
    lines = guide_text(shown).splitlines()
    deaths = next(result for _page, result in results_of(shown) if result.id == "opioids-methadone-deaths")
    alcohol = next(result for _page, result in results_of(shown) if result.id == "alcohol-aa-kelly-2020")
    legend_above(lines, deaths)  # finds "✕ = died in a year ..." and checks 1 and 4 crosses
    legend_above(lines, alcohol)  # finds "● = not drinking at all ..." and checks 42 and 35 dots
    assert mark(deaths) == WEAK_BAD and mark(alcohol) == FILLED


def test_the_bad_symbol_takes_one_cell_in_every_terminal():
    """East Asian Width N (neutral): never drawn two cells wide, not even by a CJK terminal."""
    import unicodedata

    assert len(BAD) == 1 and unicodedata.east_asian_width(BAD) == "N" and BAD not in (FILLED, EMPTY)
    assert cell_width(" ".join([BAD] * 10)) == 19


def test_html_draws_a_bad_outcome_as_crosses_in_another_colour(guide):
    html = guide_html(guide)
    deaths = re.search(r'<figure class="result weak" id="result-opioids-methadone-deaths">(.*?)</figure>', html, re.S).group(1)
    alcohol = re.search(r'<figure class="result" id="result-alcohol-aa-kelly-2020">(.*?)</figure>', html, re.S).group(1)
    assert [len(re.findall(r'<path class="bad"', svg)) for svg in re.findall(r"<svg.*?</svg>", deaths, re.S)] == [1, 4]
    assert 'class="filled"' not in deaths and "✕ = died in a year (a link, not proof)" in unescape(deaths)
    assert [len(re.findall(r'class="filled"', svg)) for svg in re.findall(r"<svg.*?</svg>", alcohol, re.S)] == [42, 35]
    assert "● = not drinking at all" in unescape(alcohol) and 'class="bad"' not in alcohol
    assert re.search(r"svg \.bad \{ stroke: #[0-9a-f]{6}; \}", html), "another colour on screen (the shape tells it on paper)"


def test_a_result_without_outcome_is_fails_check_with_its_line(content_copy_of):
    content_copy = content_copy_of("en")  # only what this test changes and asserts
    path = content_copy / "en" / "screens" / "06-research-opioids.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("    outcome_is: bad\n", "", 1), encoding="utf-8")
    problems = [str(problem) for problem in check_content(ContentFolder(content_copy)).problems]
    assert any(f"{path}:" in problem and "outcome_is" in problem for problem in problems), problems


def test_a_translation_must_translate_the_outcome(guide):
    """The outcome is part of what a translation is stamped against: changing it makes the translations stale."""
    from recovery_guide.guide_content.overlay import STALE, state

    english = guide.page("research-opioids")
    translated = load_guide("es").page("research-opioids")
    changed = dataclasses.replace(english, results=tuple(dataclasses.replace(result, outcome="died") if result.id == "opioids-methadone-deaths" else result for result in english.results))
    assert state(changed, translated) == STALE


def test_check_flags_a_translated_outcome_with_another_number(content_copy_of):
    """The outcome is checked like every translated text: a changed number is named with its file, line and field."""
    content_copy = content_copy_of("en", "es")  # only what this test changes and asserts
    path = content_copy / "es" / "screens" / "06-research-opioids.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("consumir opioides a las 24 semanas\"", "consumir opioides a las 25 semanas\"", 1), encoding="utf-8")
    problems = [str(problem) for problem in check_content(ContentFolder(content_copy)).problems]
    line = line_with(path, "25 semanas")
    assert any(problem.startswith(f"{path}:{line}: results[1].outcome") for problem in problems), problems


# --- check: the picture and the words agree ----------------------------------------------------------------------


def write_result(content_copy: Path, caption: str, counts: tuple[str, str]) -> Path:
    """Screen 07's result replaced by one with ``caption`` and the two groups' ``counts``."""
    return write_cocaine_result(content_copy, caption, *(f"count: {count}" for count in counts))


def write_cocaine_result(content_copy: Path, caption: str, first: str, second: str) -> Path:
    """Screen 07's result replaced by one with ``caption`` and each group's count given by a YAML
    line (``first``, ``second``: "count: 48")."""
    path = content_copy / "en" / "screens" / "07-research-cocaine.yaml"
    text = path.read_text(encoding="utf-8")
    start, end = text.index("results:"), text.index("body: |")
    path.write_text(
        text[:start]
        + "results:\n  - id: cocaine-dakwar-2019\n"
        + f'    caption: "{caption}"\n'
        + '    outcome: "stayed off cocaine in the last 2 weeks"\n'
        + "    groups:\n"
        + f"      - label: Had ketamine\n        {first}\n"
        + f"      - label: Had another medicine\n        {second}\n"
        + '    design: "a small randomised study of 55 adults"\n    source: dakwar-2019\n    outcome_is: good\n'
        + text[end:],
        encoding="utf-8",
    )
    return path


def english_problems(content_copy: Path, path: Path) -> list:
    return [problem for problem in check_content(ContentFolder(content_copy)).problems if problem.file == str(path)]


def line_with(path: Path, needle: str) -> int:
    return next(number for number, text in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1) if needle in text)


def test_check_passes_the_shipped_results(packaged_report):
    assert [problem for problem in packaged_report.problems if problem.file == str(content_dir() / "en" / "screens" / "07-research-cocaine.yaml")] == []


def test_check_flags_a_count_the_caption_does_not_say(content_copy_of):
    content_copy = content_copy_of("en")  # only what this test changes and asserts
    path = write_result(content_copy, "In the last 2 weeks, about 48 in 100 people who had ketamine stayed off cocaine. In the other group, about 11 in 100 did.", ("48", "12"))
    [problem] = english_problems(content_copy, path)
    assert (problem.line, problem.field) == (line_with(path, "caption:"), "results[0].caption")
    assert "12 in 100" in problem.message


def test_check_flags_a_count_above_100(content_copy_of):
    content_copy = content_copy_of("en")  # only what this test changes and asserts
    path = write_result(content_copy, "About 101 in 100 people who had ketamine stayed off cocaine. In the other group, about 11 in 100 did.", ("101", "11"))
    [problem] = english_problems(content_copy, path)
    assert problem.line == line_with(path, "count: 101")
    assert "count" in problem.field and "0 to 100" in problem.message


def test_a_translation_cannot_change_a_count(guide):
    """The counts come from the English: a translated screen with other counts is not shown."""
    from recovery_guide.guide_content.overlay import DIFFERENT, state

    english = guide.page("research-cocaine")
    result = english.results[0]
    changed_group = dataclasses.replace(result.groups[1], count=12)
    changed = dataclasses.replace(english, results=(dataclasses.replace(result, groups=(result.groups[0], changed_group)),))
    assert state(english, changed) == DIFFERENT


# --- the app ---------------------------------------------------------------------------------------------------


@pytest.mark.slow
@pytest.mark.parametrize("size", [(100, 30), (60, 20)])
@pytest.mark.parametrize("result_id", RESULT_IDS)
async def test_the_app_draws_the_icon_array_whole_and_right(guide, size, result_id):
    from textual.geometry import Region

    from recovery_guide.tui.app import RecoveryGuideApp
    from recovery_guide.tui.screens.reader import ReaderScreen
    from recovery_guide.tui.widgets.icon_array import IconArrayView

    page, _block = icon_block(guide, result_id)
    result = next(item for item in page.results if item.id == result_id)
    app = RecoveryGuideApp(Session(guide))
    async with app.run_test(size=size) as pilot:
        await acknowledge(pilot)
        await settle(pilot, lambda: isinstance(app.screen, ReaderScreen))
        app.screen.go_to(guide.index_of(page.id))
        await settle(pilot, lambda: any(view.block.result.id == result_id for view in app.screen.query(IconArrayView)))
        view = next(view for view in app.screen.query(IconArrayView) if view.block.result.id == result_id)
        await settle(pilot, lambda: view.content_size.width > 0)
        assert view.content_size.height == len(view.lines(view.content_size.width)), "as tall as its lines: nothing cut off"
        width, height = view.outer_size
        lines = [strip.text.strip(" \u2502\u256d\u256e\u2570\u256f\u2500") for strip in view.render_lines(Region(0, 0, width, height))]
        assert_grids_match(grids_in(lines), result)
        side_by_side = any(len(line.replace(" ", "")) == 20 for line in lines if GRID_ROW.match(line))
        assert side_by_side == (size[0] >= 80), f"side by side at {size[0]} columns: {side_by_side}"
        flat = " ".join(" ".join(lines).split())
        assert " ".join(result.caption.split()) in flat
        assert " ".join(symbol_lines(result)) in flat, "the key names this picture's outcome"
        assert all(said(group) in flat for group in result.groups)
        assert max(len(line) for line in lines) <= view.content_size.width


def test_the_handout_shows_the_results_of_the_pages_read(guide):
    """In text as characters, in HTML as shapes, each with its caption; a page not read adds none."""
    from recovery_guide.my_questions import MyQuestions
    from recovery_guide.render.handout import handout_html, handout_text
    from recovery_guide.view.handout import build_handout

    cocaine = guide.page("research-cocaine").results[0]
    handout = build_handout(guide, MyQuestions(), "US", visited=["research-cocaine"])
    text = handout_text(handout)
    assert_grids_match(grids_in(text.splitlines()), cocaine)
    assert " ".join(cocaine.caption.split()) in " ".join(text.split())
    assert f"Study: {cocaine.design}." in " ".join(text.split()) and "Source [" not in text, "no number pointing at a source list the handout lacks"
    html = handout_html(handout)
    svgs = re.findall(r"<svg[^>]*>.*?</svg>", html, re.S)
    assert [len(re.findall(r'class="filled"', svg)) for svg in svgs] == [48, 11]
    assert cocaine.caption in unescape(html)
    assert "<svg" not in handout_html(build_handout(guide, MyQuestions(), "US", visited=["research-cannabis"]))


# --- a picture from a weak design says so first (review r10, PEMAT 16: the 1997 non-randomised picture
# and the 2007 picture where both groups got ketamine read as "ketamine against no ketamine") ---

WEAK_DESIGN_WARNINGS = {
    "opioids-methadone-deaths": "A link, not proof: ",
}


def test_every_weak_design_picture_is_listed_with_its_warning(guide):
    """A picture whose study was not randomised, or had no group without the treatment, is weak."""
    weak = {result.id for _page, result in results_of(guide) if re.search(r"not randomised|both groups got", result.design)}
    assert weak == set(WEAK_DESIGN_WARNINGS)
    assert {result.id for _page, result in results_of(guide) if result.caveat} == weak, "each carries a band (review r13)"


@pytest.mark.parametrize("result_id", WEAK_DESIGN_WARNINGS)
def test_a_weak_design_pictures_warning_is_printed_across_it_before_the_caption(guide, result_id):
    """The warning is the band across the picture (review r13), before the grids and the caption."""
    _page, block = icon_block(guide, result_id)
    result = block.result
    assert result.caveat.startswith(WEAK_DESIGN_WARNINGS[result_id]), result.caveat
    printed = " ".join(TextWriter().write(block).split())
    assert printed.index(WEAK_DESIGN_WARNINGS[result_id].strip()) < printed.index(f"{mark(result)} {mark(result)}") < printed.index(" ".join(result.caption.split()))
