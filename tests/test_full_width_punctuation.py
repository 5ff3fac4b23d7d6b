"""Chinese is printed with its own punctuation and no gap after a full-width stop.

A Chinese translator's read found "911. " and "999; " in the help lines (English punctuation in Chinese
text), and "。 AI" in the note on how the translation was made (a space after a full-width full stop,
which carries its own space).
"""

from __future__ import annotations

import re

from recovery_guide.guide_content.folder import load_guide
from recovery_guide import i18n
from recovery_guide.render.markdown import guide_markdown
from recovery_guide.render.text import guide_text

GAP_AFTER_FULL_STOP = re.compile(r"[。！？；：] \S")


def test_chinese_print_has_no_gap_after_a_full_width_stop_and_no_english_stop_after_a_number():
    guide = load_guide("zh_Hans")
    i18n.set_language("zh_Hans")
    try:
        text, markdown = guide_text(guide, "CN"), guide_markdown(guide, "CN")
    finally:
        i18n.set_language("en")
    assert not GAP_AFTER_FULL_STOP.findall(text), GAP_AFTER_FULL_STOP.findall(text)[:5]
    assert "120。" in text and "120. " not in text  # a help line's number, then its sentence
    assert "**120**。" in markdown and "**120**. " not in markdown


def test_english_keeps_its_full_stop_and_space_after_a_number():
    text = guide_text(load_guide("en"), "GB")
    assert "999. " in text
