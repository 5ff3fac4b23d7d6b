"""The HTML's options as stacked cards (independent review r16, PEMAT 19): "each 'Your options, side by
side' section is a 7-column table ... Cells hold 60-100-word paragraphs in very narrow columns, and the
table runs past the page margin. Fix: use stacked cards, as the text print does."

Each option is a ``<section class="option-card">``: a numbered heading with its name, then a definition
list, a label (``<dt>``) and its text (``<dd>``) per field, so a screen reader says "What it is: ...".
Whether the page fits a phone is measured in Chromium (tests/browser/test_html_fits_the_page.py).
"""

from __future__ import annotations

from html.parser import HTMLParser

import pytest

from recovery_guide import i18n, wording
from recovery_guide.guide_content.folder import load_guide
from recovery_guide.model import TreatmentOption
from recovery_guide.render.html import HtmlWriter, guide_html
from recovery_guide.render.text import TextWriter
from recovery_guide.view import glance
from recovery_guide.view.blocks import OptionsTable
from recovery_guide.view.pages import page_view

RESEARCH = ("research-alcohol", "research-opioids", "research-cocaine", "research-cannabis")
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
SVG_EMPTY = {"circle", "path", "rect", "line"}
"""Elements written self-closed (``<circle ... />``) inside the pictures' SVG."""


class Cards(HTMLParser):
    """The option cards of an HTML text, as (heading, [(label, [paragraph, ...]), ...]); and whether every
    element closes in the order it opened (the page stays valid)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.cards: list[tuple[str, list[tuple[str, list[str]]]]] = []
        self.open: list[str] = []
        self.misnested: list[str] = []
        self.tables_in_cards = 0
        self._in_card = 0
        self._text: list[str] | None = None
        self._where = ""

    def handle_starttag(self, tag, attrs):
        if tag not in VOID:
            self.open.append(tag)
        if tag == "section" and ("class", "option-card") in attrs:
            self._in_card = len(self.open)
            self.cards.append(("", []))
        elif self._in_card and tag == "table":
            self.tables_in_cards += 1
        elif self._in_card and tag in ("h4", "dt", "p"):
            self._text, self._where = [], tag

    def handle_startendtag(self, tag, attrs):
        if tag not in VOID and tag not in SVG_EMPTY:
            self.misnested.append(f"<{tag}/>")

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        if not self.open or self.open[-1] != tag:
            self.misnested.append(f"</{tag}> after <{'><'.join(self.open[-3:])}>")
        else:
            self.open.pop()
        if self._in_card and tag == self._where and self._text is not None:
            text = "".join(self._text)
            heading, fields = self.cards[-1]
            if tag == "h4":
                self.cards[-1] = (text, fields)
            elif tag == "dt":
                fields.append((text, []))
            else:
                fields[-1][1].append(text)
            self._text = None
        if tag == "section" and self._in_card and len(self.open) < self._in_card:
            self._in_card = 0

    def handle_data(self, data):
        if self._text is not None:
            self._text.append(data)


def read(html: str) -> Cards:
    cards = Cards()
    cards.feed(html)
    cards.close()
    return cards


def bare(text: str) -> str:
    """``text`` without any white space: the text print wraps lines (Chinese between any two characters)."""
    return "".join(text.split())


def expected_card(number: int, option: TreatmentOption) -> tuple[str, list[tuple[str, list[str]]]]:
    """What the text print's card for ``option`` says: its numbered name, each label with its mark and its paragraphs."""
    fields = []
    for label, paragraphs in glance.card_fields(option):
        words, mark, _gap = wording.label_parts(label)
        fields.append((words + mark, list(paragraphs)))
    return f"{number}. {option.name}", fields


@pytest.mark.parametrize("code", ["en", "fr", "zh_Hans"])
def test_each_option_is_a_card_with_every_label_and_text_in_the_text_prints_order(code):
    i18n.set_language(code)
    try:
        guide = load_guide(code)
        for screen_id in RESEARCH:
            block = next(block for block in page_view(guide, guide.page(screen_id)).blocks if isinstance(block, OptionsTable))
            html = HtmlWriter().write(block)
            found = read(html)
            assert "<table" not in html and found.tables_in_cards == 0, f"{screen_id}: no table for the options"
            assert found.cards == [expected_card(number, option) for number, option in enumerate(block.options, start=1)], screen_id
            # the text print's cards say the same, in the same order
            text, at = bare(TextWriter().write(block)), 0
            for number, option in enumerate(block.options, start=1):
                at = text.index(bare(f"{number}. {option.name}"), at)
                for label, (first, *_more) in glance.card_fields(option):
                    at = text.index(bare(wording.labelled(label, first)), at)
        page = read(guide_html(guide))
        assert len(page.cards) == sum(len(guide.page(screen_id).options) for screen_id in RESEARCH)
        assert not page.misnested and page.open == [], f"every element closes where it opened: {page.misnested[:3]}"
    finally:
        i18n.set_language("en")


def test_a_card_escapes_every_content_string():
    hostile = TreatmentOption("x", "<b>X</b>", '<img src=x onerror="alert(1)">', "b & c", "<script>d</script>", "e", "f", "g")
    written = HtmlWriter().write(OptionsTable((hostile,)))
    assert "<b>" not in written and "<img" not in written and "<script" not in written
    assert "&lt;b&gt;X&lt;/b&gt;" in written and "b &amp; c" in written
    assert read(written).cards[0][0] == "1. <b>X</b>", "shown as the text it is"
