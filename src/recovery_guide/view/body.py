"""A page's body Markdown, read into blocks once, and inline Markdown as plain words.

This is the only place that reads the content's Markdown. Every view of the text (the writers, the
search, the reading-level scores) takes the blocks from here, so a heading, a list item or a wrapped
paragraph is recognised the same way everywhere. Content uses a small part of Markdown
(docs/content.md): ``#`` headings, paragraphs, ``-`` or ``1.`` list items, ``**bold**``.

How lines are read:

- a blank line ends the paragraph or list being read;
- ``## Title`` is a heading (any number of ``#``, then space);
- ``- text``, ``* text``, ``+ text``, ``1. text`` or ``1) text`` is a list item; items that follow
  each other make one list (a list of numbered items only is a list of steps, ``Steps``);
- an indented line right after a list item continues that item;
- any other line is part of a paragraph (a paragraph can be written on several lines).
"""

from __future__ import annotations

import re
from functools import lru_cache

from recovery_guide.view.blocks import Block, BulletList, Heading, ListItem, Paragraph, Steps

_HEADING = re.compile(r"^(#+)\s+(.*)$")
_ITEM = re.compile(r"^\s*([-*+]|\d+[.)])\s+(.*)$")
_INLINE_MARKS = re.compile(r"\*\*|__|[*`]")


@lru_cache(maxsize=512)
def body_blocks(markdown: str) -> tuple[Block, ...]:
    """The blocks of a body, in order (kept: the same body is shown, searched and scored again)."""
    blocks: list[Block] = []
    paragraph: list[str] = []
    items: list[ListItem] = []
    tight = False
    """No blank line since the last block ended (only once there is a block)."""
    opened_tight = False

    def end_paragraph() -> None:
        if paragraph:
            blocks.append(Paragraph(tuple(paragraph), opened_tight))
            paragraph.clear()

    def end_list() -> None:
        if items:  # a numbered list is a list of steps, drawn as numbered boxes with arrows
            kind = Steps if all(item.ordered for item in items) else BulletList
            blocks.append(kind(tuple(items), opened_tight))
            items.clear()

    for raw in markdown.splitlines():
        line = raw.rstrip()
        heading = _HEADING.match(line)
        item = _ITEM.match(line)
        if not line.strip():
            end_paragraph()
            end_list()
            tight = False
            continue
        if heading:
            end_paragraph()
            end_list()
            blocks.append(Heading(len(heading.group(1)), heading.group(2).strip(), tight and bool(blocks)))
        elif item:
            if paragraph:
                end_paragraph()
            if not items:
                opened_tight = tight and bool(blocks)
            items.append(ListItem(item.group(1), (item.group(2),)))
        elif items and raw.startswith("  ") and not paragraph:
            last = items[-1]
            items[-1] = ListItem(last.marker, (*last.lines, line.strip()))
        else:
            end_list()
            if not paragraph:
                opened_tight = tight and bool(blocks)
            paragraph.append(line.strip())
        tight = True
    end_paragraph()
    end_list()
    return tuple(blocks)


def plain_inline(text: str) -> str:
    """Inline Markdown as plain words: the marks of bold, emphasis and code are dropped."""
    return _INLINE_MARKS.sub("", text)


def plain_lines(markdown: str) -> list[str]:
    """The body as plain words, one entry per line written: the reading-level scores count each
    heading, list item and written line as (at least) one sentence, as a reader meets it."""
    lines: list[str] = []
    for block in body_blocks(markdown):
        if isinstance(block, Heading):
            lines.append(block.text)
        elif isinstance(block, Paragraph):
            lines += block.lines
        elif isinstance(block, BulletList):
            lines += [line for item in block.items for line in item.lines]
    return [plain_inline(line) for line in lines]


def plain_texts(markdown: str) -> list[str]:
    """Each heading, paragraph and list item of a body as one line of plain words (what search reads)."""
    texts: list[str] = []
    for block in body_blocks(markdown):
        if isinstance(block, Heading):
            texts.append(block.text)
        elif isinstance(block, Paragraph):
            texts.append(block.text)
        elif isinstance(block, BulletList):
            texts += [item.text for item in block.items]
    return [plain_inline(text) for text in texts]
