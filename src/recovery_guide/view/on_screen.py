"""What paper says that the app does not: the one rule that takes paper-only steps off the screen.

The counterpart of ``view/paper.py``. A step the content gives two ways, side by side ("On paper,
tick your questions and bring these pages. In the app, press x to make your handout ..."), is the
paper way on paper (``paper.py`` drops the sentence naming the app's key) and the app way in the app
and ``read`` mode (this module drops the sentence that opens with the words for "On paper"). The
opener is a catalog string, so each language's rule uses the words its translators wrote.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Iterable

from recovery_guide import wording
from recovery_guide.view.blocks import Block, BulletList, KeyPoints, ListItem, Paragraph
from recovery_guide.view.paper import SENTENCE_END, plain_marks


def without_paper_steps(text: str) -> str:
    """``text`` without its sentences that open with the words for "On paper" ("" if all do)."""
    opener = wording.on_paper()
    sentences = [sentence for sentence in SENTENCE_END.split(text) if sentence]
    kept = [sentence for sentence in sentences if not plain_marks(sentence).startswith(opener)]
    if len(kept) == len(sentences):
        return text
    joiner = "" if any("\u3000" <= char <= "\u9fff" for char in text) else " "
    return joiner.join(kept)


def screen_blocks(blocks: Iterable[Block]) -> tuple[Block, ...]:
    """A page's blocks for the screen: key points, paragraphs and list items lose their paper-only
    sentences; a block left empty goes."""
    return tuple(block for block in map(_on_screen, blocks) if block is not None)


def _on_screen(block: Block) -> Block | None:
    if isinstance(block, KeyPoints):
        points = tuple(point for point in map(without_paper_steps, block.points) if point)
        return block if points == block.points else replace(block, points=points)
    if isinstance(block, Paragraph):
        text = without_paper_steps(block.text)
        return block if text == block.text else (replace(block, lines=(text,)) if text else None)
    if isinstance(block, BulletList):
        items = tuple(item for item in map(_item_on_screen, block.items) if item)
        return block if items == block.items else (replace(block, items=items) if items else None)
    return block


def _item_on_screen(item: ListItem) -> ListItem | None:
    text = without_paper_steps(item.text)
    return item if text == item.text else (ListItem(item.marker, (text,)) if text else None)
