"""A phone number written in groups ("0477 13 11 14") is never split across two printed lines.

A translator's read of the Portuguese print found "(mensagem de texto: 0477" at the end of one line and
"13 11 14)" on the next: a reader dialling from paper could miss half the number.
"""

from __future__ import annotations

import re

import pytest

from recovery_guide.guide_content.folder import load_guide
from recovery_guide.linebreak import wrap_cells
from recovery_guide.render.text import guide_text

LANGUAGES = ["en", "de", "es", "fr", "pt_BR", "vi", "zh_Hans"]
GROUPED = re.compile(r"\d+(?: \d+)+")


def test_a_grouped_number_is_never_broken_however_narrow_the_line():
    for width in range(8, 40):
        lines = wrap_cells("Call the line on 0800 111 0 111 or text 0477 13 11 14 today.", width)
        assert "0800 111 0 111" in "\n".join(lines) and "0477 13 11 14" in "\n".join(lines), (width, lines)


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_help_line_number_prints_whole_on_one_line(language):
    guide = load_guide(language)
    numbers = {number for region in guide.regions for line in region.lines for number in GROUPED.findall(line.contact)}
    assert "0477 13 11 14" in numbers  # the number the translator's read found split
    text = guide_text(guide)  # the region unknown: every country's numbers
    for number in sorted(numbers):
        assert number in text, (language, number)


def test_a_french_no_break_space_survives_the_wrap():
    lines = wrap_cells("Écrivez ici vos propres questions\u00a0: 0477 13 11 14", 30)
    assert "questions\u00a0:" in "\n".join(lines)
