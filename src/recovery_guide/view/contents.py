"""The printed guide's contents list, and the one name (``anchor``) each listed part goes by.

``print`` lists, right before Step 1, every part of the guide as it is printed: each step by its number
and title, in the step's own language (English for a stale one, as the step itself is printed), and the
parts printed once for the whole guide (the key to the pictures, "What matters to me", the words used,
paper to write on) by their headings, in the reader's language; the step with the source list lists it
after itself. The HTML writer gives each part the ``id`` that ``anchor`` names, so the list links to it;
a step's is its page id, as it always was.
"""

from __future__ import annotations

from typing import Iterable, Protocol

from recovery_guide import wording
from recovery_guide.i18n import in_language
from recovery_guide.view.blocks import Block, Contents, ContentsEntry, GlossaryEntries, PictureKey, Sources, ValuesWorksheet, WritingSpace

PART_ANCHORS: dict[type[Block], str] = {
    PictureKey: "picture-key",
    ValuesWorksheet: "what-matters-to-me",
    GlossaryEntries: "words-used",
    Sources: "source-list",
}
"""The ``id`` of each part printed once; unlike every page id (content/en/screens), so never taken twice."""


class Step(Protocol):
    """What the contents needs of a page (``view.pages.PageView``, which imports this module)."""

    id: str
    number: int
    title: str
    language: str
    blocks: tuple[Block, ...]


def anchor(block: Block) -> str | None:
    """The ``id`` of the part ``block`` prints, when the contents lists it; None when it does not."""
    if isinstance(block, WritingSpace):
        return block.anchor
    return PART_ANCHORS.get(type(block))


def part_title(block: Block) -> str | None:
    """The heading a part is printed under, in the language in force (None: a part without one)."""
    if isinstance(block, WritingSpace):
        return block.heading or (block.prompt if block.boxed else None)
    titles = {PictureKey: wording.picture_key, ValuesWorksheet: wording.what_matters_to_me, GlossaryEntries: wording.glossary, Sources: wording.sources_list}
    title = titles.get(type(block))
    return title() if title else None


def part_entry(block: Block, language: str | None = None) -> list[ContentsEntry]:
    """``block``'s line in the contents (in ``language``), or none when it is not listed."""
    with in_language(language):
        name, title = anchor(block), part_title(block)
    return [ContentsEntry(title, name, None, language)] if name and title else []


def contents(parts: Iterable[Block | Step]) -> Contents:
    """The contents of ``parts`` (``GuideView.sequence``'s, in order): a step by its number and title,
    then its source list if it has one; a part printed once by its heading."""
    entries: list[ContentsEntry] = []
    for part in parts:
        if isinstance(part, Block):
            entries += part_entry(part)
            continue
        entries.append(ContentsEntry(part.title, part.id, part.number, part.language))
        entries += [entry for block in part.blocks if isinstance(block, Sources) for entry in part_entry(block, part.language)]
    return Contents(tuple(entries))
