"""Chinese (and any CJK) text breaks lines by the rules readers expect, in the app and in ``print``.

The rule (``recovery_guide.linebreak``) on its own; the same rule in the app (``tui/line_breaking.py``
puts it under Textual's and Rich's wrapping) and in the text writer. On the screen and on paper: no
line starts with closing punctuation, none ends with opening punctuation, no bullet or number stands
alone, and Latin words and numbers are never split.
"""

from __future__ import annotations

import random
import re

import pytest

from recovery_guide import linebreak
from recovery_guide.guide_content.folder import load_guide
from recovery_guide.linebreak import break_points, divide, needs_rules, wrap
from recovery_guide.render.text import WIDTH, fill, underline
from recovery_guide.session import Session
from recovery_guide.textfold import cell_width, is_wide
from tests.helpers import run, settle, welcome_complete

CLOSING = "，。、；：？！）」』】》"
OPENING = "（「『【《"
LONE_MARKER = re.compile(r"(?:[-*•]|\d{1,3}\.)")
BOX = re.compile(r"[│┃║╭╮╰╯┏┓┗┛─━▁▂▃▄▅▆▇█▔]+")
"""Borders and scroll bars: what separates the texts that share a row of the screen."""


def lines_of(text: str, width: int, **options) -> list[str]:
    offsets = [0, *divide(text, width, **options), len(text)]
    return [text[start:end] for start, end in zip(offsets, offsets[1:])]


def problems(lines: list[str]) -> list[str]:
    """Each line that starts with closing punctuation, ends with opening punctuation or is only a marker."""
    found = []
    for line in lines:
        text = line.strip()
        if not text:
            continue
        if text[0] in CLOSING or text[-1] in OPENING or LONE_MARKER.fullmatch(text):
            found.append(line)
    return found


# --- the rule ----------------------------------------------------------------------------------------


def test_a_line_breaks_between_chinese_characters_but_not_before_a_comma_or_after_an_opening_bracket():
    text = "关于阿片类药物问题，研究发现了什么（FDA）"
    points = break_points(text)
    assert text.index("，") not in points  # never before the comma
    assert text.index("，") + 1 in points  # after it, yes
    assert text.index("（") + 1 not in points  # never after the opening bracket
    assert text.index("）") not in points  # nor before the closing one
    assert text.index("F") + 1 not in points and text.index("D") + 1 not in points  # "FDA" whole
    assert text.index("研") + 1 in points  # between two ideographs


@pytest.mark.parametrize("text", ["一篇2024年的综述", "请拨打1-800-662-4357。", "每100人中大约有48人", "美国食品药品监督管理局（FDA）表示"])
def test_numbers_and_latin_words_are_never_split(text):
    for run_ in re.finditer(r"[0-9A-Za-z-]+", text):
        assert not any(run_.start() < point < run_.end() for point in break_points(text)), run_.group()


@pytest.mark.parametrize("width", range(10, 40))
def test_no_line_starts_with_closing_or_ends_with_opening_punctuation(width):
    text = "这份指南是写给有酒精、阿片类药物、可卡因或大麻问题的人的。它介绍一种使用名叫氯胺酮的药物的治疗方法（「超说明书用药」）。"
    lines = lines_of(text, width)
    assert "".join(lines) == text
    assert all(cell_width(line) <= width for line in lines)
    assert problems(lines) == []


@pytest.mark.parametrize("marker", ["- ", "  1. ", "12. ", "• "])
def test_a_bullet_or_number_stays_with_the_text_after_it(marker):
    text = marker + "在美国，氯胺酮是获批用于手术的药物（麻醉药）。"
    for width in range(8, 40):
        first = lines_of(text, width)[0]
        assert first.strip() != marker.strip() and len(first) > len(marker), (width, first)


def test_two_em_dashes_and_ellipses_stay_together():
    assert 3 not in break_points("等等——好的") and 3 not in break_points("等等……好的")


def test_japanese_small_kana_and_the_long_vowel_mark_never_start_a_line():
    text = "ケタミンは、チョットしたコーヒーです。"
    points = break_points(text)
    for mark in "、ョッー。":
        assert all(text[point] != mark for point in points), mark
    assert text.index("は") in points


def test_korean_breaks_only_at_spaces():
    assert break_points("한국어 문장입니다") == [4]


def test_only_chinese_and_japanese_need_the_rules():
    assert needs_rules("第 1 步") and needs_rules("ケタミン") and needs_rules("，")
    assert not needs_rules("Ketamina: ¿qué es? Tiếng Việt — über 48 % «FDA»")
    assert not needs_rules("한국어 문장") and not needs_rules("😀 emoji")


def test_text_without_chinese_or_japanese_divides_exactly_as_rich_does():
    """So every other language looks as it did: the same breaks as Rich's ``divide_line``."""
    from rich._wrap import divide_line
    from rich.cells import cell_len

    chance = random.Random(12)
    for _ in range(500):
        words = ["".join(chance.choice("abé-,.(ñ") for _ in range(chance.randint(1, 12))) for _ in range(chance.randint(0, 20))]
        text = " " * chance.randint(0, 2) + "".join(word + chance.choice([" ", "  ", ""]) for word in words)
        if linebreak.LIST_MARKER.match(text):
            continue
        for width in (1, 3, 5, 10, 20):
            assert divide(text, width, cell_len=cell_len) == divide_line(text, width), (text, width)


def test_wrap_indents_and_fits_in_cells():
    lines = wrap("氯胺酮没有获批用于治疗任何毒品或酒精问题（物质使用障碍）。艾司氯胺酮也没有获批用于这方面。", 30, "  - ", "    ")
    assert lines[0].startswith("  - 氯") and all(line.startswith("    ") for line in lines[1:])
    assert all(cell_width(line) <= 30 for line in lines)
    assert problems(lines) == []


# --- the app ----------------------------------------------------------------------------------------------


def test_the_app_wraps_with_the_rule_where_textual_and_rich_wrap():
    """Textual 8.2 wraps ``Content`` with ``textual.content.divide_line`` and Rich ``Text`` with ``rich.text.divide_line``."""
    import rich.text
    import textual.content
    from rich.text import Text
    from textual.content import Content

    from recovery_guide.tui import line_breaking

    line_breaking.install()
    assert textual.content.divide_line is line_breaking.divide_line
    assert rich.text.divide_line is line_breaking.divide_line
    text = "- 在美国，氯胺酮是获批用于手术的药物（麻醉药）。"
    content_lines = [line.plain for line in Content(text).wrap(20)]
    rich_lines = [line.plain for line in Text(text).wrap(_console(), 20)]
    assert content_lines == rich_lines
    assert content_lines[0].startswith("- 在美国") and problems(content_lines) == []


def _console():
    from rich.console import Console

    return Console(width=80)


def rendered_texts(screen) -> list[str]:
    """Every run of text each widget on the screen draws, in full (as scrolling would show it), cut at borders.

    Textual's numbered lists draw each number as a widget of its own, in a column beside the item's
    text: never alone on a line, so left out here.
    """
    from textual.geometry import Region
    from textual.widgets._markdown import MarkdownBullet

    texts = []
    for widget in screen.query("*"):
        if widget.display and widget.size.area and not isinstance(widget, MarkdownBullet):
            for strip in widget.render_lines(Region(0, 0, *widget.outer_size)):  # borders and padding included: lines are drawn whole
                texts += [piece.strip() for piece in BOX.split(strip.text) if piece.strip()]
    return texts


@pytest.mark.slow
@pytest.mark.parametrize("size", [(60, 20), (80, 24)], ids=lambda size: f"{size[0]}x{size[1]}")
async def test_chinese_reading_screens_break_lines_by_the_rules(size):
    """Every step: the contents, progress, key points, text, words, questions, footer, key bar."""
    from recovery_guide.tui.app import RecoveryGuideApp
    from recovery_guide.tui.screens.reader import ReaderScreen

    app = RecoveryGuideApp(Session(load_guide("zh_Hans")))
    found: dict[str, str] = {}
    async with app.run_test(size=size) as pilot:
        await welcome_complete(pilot)
        await pilot.press("enter")
        await settle(pilot, lambda: isinstance(app.screen, ReaderScreen))
        screen = app.screen
        for index in range(len(app.session.guide.pages)):
            screen.go_to(index)
            await settle(pilot, lambda: screen.index == index)
            texts = rendered_texts(screen)
            assert any("问" in text for text in texts)  # the text itself was looked at
            for text in problems(texts):
                found.setdefault(text, f"step {index + 1}")
        contents = screen.query_one("#contents")
        if contents.display:  # the end of the contents too (the steps above showed its top)
            contents.scroll_end(animate=False)
            await settle(pilot)
            for text in problems(rendered_texts(screen)):
                found.setdefault(text, "the contents, scrolled to the end")
    assert found == {}, "\n".join(f"{where}: {text}" for text, where in found.items())


# --- print ------------------------------------------------------------------------------------------------


def test_print_in_chinese_breaks_lines_by_the_rules():
    result = run("print", "--lang", "zh_Hans")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert problems(lines) == []
    chinese = [line for line in lines if any(is_wide(char) for char in line)]
    assert all(cell_width(line) <= WIDTH for line in chinese), [line for line in chinese if cell_width(line) > WIDTH]
    paragraph = next(line for line in lines if line.startswith("这份指南是写给"))
    assert cell_width(paragraph) > WIDTH - 4  # filled to the width, not one line per paragraph


def test_print_underlines_a_chinese_title_across_its_width():
    assert underline("欢迎使用康复指南").splitlines()[1] == "=" * 16


def test_print_fills_other_languages_as_textwrap_does():
    import textwrap

    text = "Ketamine is not approved to treat any drug or alcohol problem (substance use disorder), call 1-800-662-4357."
    assert fill(text, initial_indent="  - ", subsequent_indent="    ") == textwrap.fill(
        text, WIDTH, break_on_hyphens=False, break_long_words=False, initial_indent="  - ", subsequent_indent="    "
    )


@pytest.mark.parametrize("width", [40, 50, 56])
def test_the_app_never_breaks_a_line_at_a_no_break_space(width):
    """A rating is glued with no-break spaces so "(level 3" / "of 5)" never read as two facts; Rich broke
    at them anyway (it breaks at every white space), so the app split what paper kept whole."""
    from recovery_guide.tui.line_breaking import divide_line

    text = "How strong is the research? some\u00a0evidence\u00a0■■■□□\u00a0(level\u00a03\u00a0of\u00a05)"
    lines = [text[start:end] for start, end in zip([0, *divide_line(text, width)], [*divide_line(text, width), len(text)])]
    assert lines[-1].strip() == "some\u00a0evidence\u00a0■■■□□\u00a0(level\u00a03\u00a0of\u00a05)", lines
