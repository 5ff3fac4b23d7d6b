"""Pictures of harms with ranges (review r7, PEMAT 15 / CCI 20): a group may give a range ("about 8 to 19
in 100"), drawn as ``low`` filled symbols, ``high - low`` half-filled ones and the rest empty, in every
writer and the app; the key explains the half-filled symbol; ``check`` and loading catch a range the
words or the numbers get wrong."""

from __future__ import annotations

import io
import re
import subprocess
import sys
import unicodedata
from html import unescape
from pathlib import Path

import pytest

from recovery_guide import wording
from recovery_guide.model import OutcomeKind
from recovery_guide.plain import PlainReader
from recovery_guide.render.html import guide_html
from recovery_guide.render.markdown import guide_markdown
from recovery_guide.render.text import guide_text
from recovery_guide.session import Session
from recovery_guide.textfold import cell_width
from recovery_guide.view.icons import grid_lines
from tests.helpers import acknowledge, settle
from tests.test_icon_arrays import english_problems as problems_in, line_with, write_cocaine_result

BP = "safety-esketamine-blood-pressure"
SYMBOLS = (wording.BAD, wording.RANGE, wording.EMPTY)
EXPECTED = [(8, 11, 81), (1, 3, 96)]
"""Per group: crosses (the low end), half-filled (high - low), empty (100 - high)."""
KEY_SENTENCE = f"{wording.RANGE} = the studies found different numbers. The filled marks ({wording.FILLED} or {wording.BAD}) show the lowest number found. The {wording.RANGE} marks show how many more there may be."


def bp_result(guide):
    return next(result for page in guide.pages for result in page.results if result.id == BP)


def counts_in_character_grid(lines: list[str]) -> list[tuple[int, int, int]]:
    """The symbols of the two blocks standing side by side (20 per grid line), counted per group."""
    rows = [[char for char in line if char in SYMBOLS] for line in lines if line.strip() and set(line) <= set(SYMBOLS) | {" "}]
    rows = [row for row in rows if len(row) == 20]
    assert len(rows) == 10, rows
    groups = [[s for row in rows for s in row[:10]], [s for row in rows for s in row[10:]]]
    for grid in groups:  # row by row from the top: the low end first, then the range, then the rest
        assert grid == sorted(grid, key=SYMBOLS.index)
    return [tuple(grid.count(symbol) for symbol in SYMBOLS) for grid in groups]


def picture_lines(text: str, result) -> list[str]:
    lines = text.splitlines()
    start = lines.index(f"{wording.BAD} = {result.outcome}")
    return lines[start : start + 20]


def test_the_blood_pressure_picture_is_on_the_safety_screen(guide):
    page = guide.page("side-effects-safety")
    [result] = [result for result in page.results if result.id == BP]
    assert [(group.count, group.high) for group in result.groups] == [(8, 19), (1, 4)]
    assert result.outcome_is is OutcomeKind.BAD and result.source_id == "spravato-label"
    assert "about 8 to 19 in 100" in result.caption and "about 1 to 4 in 100" in result.caption
    assert "placebo" in result.caption and "depression" in result.design and "not in people with drug or alcohol problems" in result.design
    assert "mmHg" not in result.caption and "%" not in result.caption


@pytest.mark.parametrize("writer", ["text", "markdown"])
def test_print_and_markdown_draw_the_range(guide, writer):
    written = (guide_text if writer == "text" else guide_markdown)(guide)
    result = bp_result(guide)
    lines = picture_lines(written, result)
    assert counts_in_character_grid(lines) == EXPECTED
    assert f"{wording.RANGE} = maybe: studies found different numbers" in lines[:4], "the legend above the picture explains the half-filled symbol"
    assert "8 to 19 in 100" in " ".join(lines) and "1 to 4 in 100" in " ".join(lines)


def test_html_draws_the_range_as_half_filled_rings(guide):
    html = guide_html(guide)
    figure = re.search(rf'<figure class="result" id="result-{BP}">(.*?)</figure>', html, re.S).group(1)
    counts = []
    for svg in re.findall(r"<svg.*?</svg>", figure, re.S):
        shapes = re.findall(r'<path class="bad"|<g class="range"><path d="[^"]*A[^"]*Z" fill="#000"/><circle [^>]*fill="none" stroke="#000"|<circle class="empty"', svg)
        assert len(shapes) == 100
        counts.append(tuple(sum(shape.startswith(prefix) for shape in shapes) for prefix in ('<path class="bad"', '<g class="range"', '<circle class="empty"')))
        order = [0 if s.startswith("<path") else 1 if s.startswith("<g") else 2 for s in shapes]
        assert order == sorted(order), "row by row from the top: crosses, then half-filled, then empty"
    assert counts == EXPECTED
    text = unescape(figure)
    assert f"{wording.RANGE} = maybe: studies found different numbers" in text and "8 to 19 in 100" in text


@pytest.mark.parametrize("writer", ["text", "markdown", "html"])
def test_the_picture_key_has_a_row_for_the_range(guide, writer):
    written = {"text": guide_text, "markdown": guide_markdown, "html": guide_html}[writer](guide)
    flat = " ".join(unescape(written).replace("\\", "").split())
    key = flat[flat.index("How to read the pictures") : flat.index("The squares show")]
    assert KEY_SENTENCE in key
    assert "8 to 19" not in key and "in 100" not in key, "the general key gives no picture's own numbers"


@pytest.mark.parametrize("writer", ["text", "markdown", "html"])
def test_the_picture_key_says_what_each_level_of_the_scale_takes(guide, writer):
    """An independent review (CCI 16): "(2 of 5)" was never explained. The key says how a level is
    given (design and size) and what each of the five takes, in plain words."""
    written = {"text": guide_text, "markdown": guide_markdown, "html": guide_html}[writer](guide)
    flat = " ".join(unescape(written).replace("\\", "").split())
    key = flat[flat.index("The squares show") :]
    assert "how the studies were done and how big they were" in key
    for level in range(1, 6):
        assert f"({level} of 5): {wording.evidence_level_meaning(level)}" in key


def test_read_mode_gives_the_range_in_words_not_the_picture(guide):
    page = guide.page("side-effects-safety")
    out = io.StringIO()
    reader = PlainReader(Session(guide), stdin=io.StringIO(""), stdout=out)
    reader.index = guide.index_of(page.id)
    reader.show()
    text = out.getvalue()
    assert " ".join(bp_result(guide).caption.split()) in " ".join(text.split())
    assert not set(text) & set(SYMBOLS), "no symbols to read aloud"


def test_the_range_symbol_takes_one_cell_in_every_terminal():
    """East Asian Width N: never two cells wide, not even in a CJK terminal (the left-half circle is "A")."""
    assert len(wording.RANGE) == 1 and unicodedata.east_asian_width(wording.RANGE) == "N"
    assert wording.RANGE not in (wording.FILLED, wording.BAD, wording.EMPTY)
    assert cell_width(" ".join([wording.RANGE] * 10)) == 19
    from rich.cells import cell_len  # how the app measures it

    assert cell_len(" ".join([wording.RANGE] * 10)) == 19


@pytest.mark.parametrize("width", [78, 40])
def test_the_chinese_range_picture_fits_its_width(guide, width):
    """In Chinese (the legend from the catalog, labels of wide characters) the picture stays within its cells."""
    import dataclasses

    from recovery_guide import i18n

    english = bp_result(guide)
    result = dataclasses.replace(english, outcome="前 90 分钟内血压大幅升高", groups=tuple(dataclasses.replace(group, label=label) for group, label in zip(english.groups, ("用了艾司氯胺酮鼻喷剂", "用了假喷剂（安慰剂）"))))
    i18n.set_language("zh_Hans")
    lines = grid_lines(result, width)
    assert max(cell_width(line) for line in lines) <= width
    assert "◒ = 可能：各项研究得出的数字不一样" in lines and "每100人中8到19人" in " ".join(lines)


# --- check and loading -------------------------------------------------------------------------------------------


def write_range(content_copy: Path, caption: str, first: str, second: str = "low: 1\n        high: 4") -> Path:
    """Screen 07's result replaced by one whose groups give ranges (``first``, ``second``: YAML lines)."""
    return write_cocaine_result(content_copy, caption, first, second)


@pytest.mark.parametrize("caption, missing", [("About 9 to 19 in 100 did. Otherwise about 1 to 4 in 100 did.", "8 in 100"), ("About 8 to 18 in 100 did. Otherwise about 1 to 4 in 100 did.", "19 in 100")])
def test_check_catches_a_caption_that_misses_either_end_of_a_range(content_copy, caption, missing):
    path = write_range(content_copy, caption, "low: 8\n        high: 19")
    [problem] = problems_in(content_copy, path)
    assert (problem.line, problem.field) == (line_with(path, "caption:"), "results[0].caption")
    assert missing in problem.message and "\n" not in str(problem)


def test_check_passes_a_caption_with_both_ends(content_copy):
    path = write_range(content_copy, "About 8 to 19 in 100 did. Otherwise about 1 to 4 in 100 did.", "low: 8\n        high: 19")
    assert problems_in(content_copy, path) == []


@pytest.mark.parametrize(
    "first, field, needle, words",
    [
        ("low: 19\n        high: 8", "results[0].groups[0].low", "low: 19", "low (19) must be less than high (8)"),
        ("low: 8", "results[0].groups[0].high", "Had ketamine", "high is missing"),
        ("count: 8\n        high: 19", "results[0].groups[0].high", "high: 19", "not both"),
        ("low: 8\n        high: 101", "results[0].groups[0].high", "high: 101", "0 to 100"),
        ("label2: x", "results[0].groups[0].count", "Had ketamine", "count, or low and high"),
    ],
)
def test_a_bad_range_is_one_line_naming_file_line_and_field(content_copy, first, field, needle, words):
    path = write_range(content_copy, "About 8 to 19 in 100 did. Otherwise about 1 to 4 in 100 did.", first)
    problems = problems_in(content_copy, path)
    assert problems, "the bad range is found"
    problem = next(problem for problem in problems if problem.field == field)
    assert words in problem.message and "\n" not in str(problem)
    assert problem.line == line_with(path, needle), "the line of the field, or of its group where the field is missing"


@pytest.mark.slow
def test_print_fails_with_one_line_on_low_above_high(content_copy):
    path = write_range(content_copy, "About 8 to 19 in 100 did. Otherwise about 1 to 4 in 100 did.", "low: 19\n        high: 8")
    run = subprocess.run([sys.executable, "-m", "recovery_guide", "print", "--content", str(content_copy)], capture_output=True, text=True, timeout=120)
    assert run.returncode != 0 and "Traceback" not in run.stderr
    assert f"{path}:{line_with(path, 'low: 19')}: results[0].groups[0].low: low (19) must be less than high (8)" in run.stderr


def test_a_translation_cannot_change_a_range(guide):
    import dataclasses

    from recovery_guide.guide_content.overlay import DIFFERENT, state

    english = guide.page("side-effects-safety")
    result = bp_result(guide)
    changed = dataclasses.replace(result, groups=(dataclasses.replace(result.groups[0], high=18), result.groups[1]))
    translated = dataclasses.replace(english, results=tuple(changed if item.id == BP else item for item in english.results))
    assert state(english, translated) == DIFFERENT


# --- the app -----------------------------------------------------------------------------------------------------


@pytest.mark.slow
@pytest.mark.parametrize("size", [(100, 30), (60, 20)])
async def test_the_app_draws_the_range_with_its_own_shape_and_colour(guide, size):
    from textual.geometry import Region

    from recovery_guide.tui.app import RecoveryGuideApp
    from recovery_guide.tui.screens.reader import ReaderScreen
    from recovery_guide.tui.widgets.icon_array import IconArrayView

    app = RecoveryGuideApp(Session(guide))
    async with app.run_test(size=size) as pilot:
        await acknowledge(pilot)
        await settle(pilot, lambda: isinstance(app.screen, ReaderScreen))
        app.screen.go_to(guide.index_of("side-effects-safety"))
        await settle(pilot, lambda: any(view.block.result.id == BP for view in app.screen.query(IconArrayView)))
        view = next(view for view in app.screen.query(IconArrayView) if view.block.result.id == BP)
        await settle(pilot, lambda: view.content_size.width > 0)
        width, height = view.outer_size
        strips = view.render_lines(Region(0, 0, width, height))
        lines = [strip.text for strip in strips]
        grid = [[char for char in line if char in SYMBOLS] for line in lines]
        grid = [row for row in grid if len(row) >= 10]
        blocks = [[s for row in grid for s in row[:10]], [s for row in grid for s in row[10:]]] if len(grid[0]) == 20 else [[s for row in grid[:10] for s in row], [s for row in grid[10:20] for s in row]]
        assert [tuple(block.count(symbol) for symbol in SYMBOLS) for block in blocks] == EXPECTED
        flat = " ".join(" ".join(lines).split())
        assert f"{wording.RANGE} = maybe: studies found different numbers" in flat and "8 to 19 in 100" in flat
        colours = {}
        for strip in strips:
            for segment in strip:
                for char in segment.text:
                    if char in SYMBOLS and segment.style and segment.style.color:
                        colours.setdefault(char, segment.style.color)
        assert colours[wording.RANGE] not in (colours[wording.EMPTY], colours[wording.BAD]), "a colour of its own, besides its shape"
