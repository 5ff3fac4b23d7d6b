"""What the app says that paper cannot do: the one rule that takes the app's key instructions out.

``print`` (text, Markdown, HTML) and the handout are read on paper or by a screen reader, where there
is no key to press. Both drop the sentences that name a key of the app ("Press h to see help lines",
"Use the arrow keys, or n for next and p for back", "按 ? 查看所有按键") through this module, so the
two can never disagree on what counts as an app instruction. The help lines themselves are printed,
so nothing a reader needs is lost.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Callable, Iterable, Mapping, Sequence

from recovery_guide.model import Page
from recovery_guide.textfold import cell_width
from recovery_guide.view.blocks import BODY_KINDS, Block, BulletList, Heading, KeyPoints, ListItem, Paragraph, Statement, UrgencyTiers

APP_KEY = re.compile(r"(?<![\w'’])[hnpcqx](?![\w'’])|(?<=\s)\?(?=,?\s+[^\sA-ZÀ-Þ¿¡«»\"“”])")
"""A key of the app named in a sentence: a lone letter h (help), n and p (next, back), c (contents), q
(quit) or x (make a handout: "In the app, press x to make your handout", which paper cannot do), which
are words in none of the guide's languages; or a lone ``?`` (the keys) followed by
more of the sentence in lower case ("Press ? to see", "Drücken Sie ?, um"), never a question mark that
ends a French question ("vous ? Comment")."""

SENTENCE_END = re.compile(r"(?<=[.!?。！？])(?<!\s\?)\s*")
"""Where a sentence ends; a lone ``?`` (the keys help: "Press ? to see all the keys") ends none."""


def without_app_instructions(text: str) -> str:
    """``text`` without its sentences that tell the reader to press a key of the app ("" if all do)."""
    sentences = [sentence for sentence in SENTENCE_END.split(text) if sentence]
    kept = [sentence for sentence in sentences if not APP_KEY.search(sentence)]
    if len(kept) == len(sentences):
        return text
    joiner = "" if any("\u3000" <= char <= "\u9fff" for char in text) else " "
    return joiner.join(kept)


QUIT_KEY = re.compile(r"(?<![\w'’])q(?![\w'’])")
"""The quit key named in a sentence ("Press q to quit"): on a shared screen (kiosk mode) it does nothing."""
LIST_ITEM = re.compile(r"^(\s*(?:[-*+]|\d+[.)])\s+)(.*)$")


def without_quit_instructions(markdown: str) -> str:
    """A screen's Markdown without the sentences that tell the reader to press q to quit: on a shared
    screen q does not quit (staff close the guide), and a welcome screen saying it does would send a
    reader pressing a dead key (an adversarial review). A list item left empty goes."""
    lines = []
    for line in markdown.split("\n"):
        item = LIST_ITEM.match(line)
        marker, text = (item.group(1), item.group(2)) if item else ("", line)
        sentences = [sentence for sentence in SENTENCE_END.split(text) if sentence]
        kept = [sentence for sentence in sentences if not QUIT_KEY.search(sentence)]
        if len(kept) == len(sentences):
            lines.append(line)
        elif kept:
            joiner = "" if any("\u3000" <= char <= "\u9fff" for char in text) else " "
            lines.append(marker + joiner.join(kept))
    return "\n".join(lines)


def app_text(page: Page, paper: bool) -> str:
    """A page's ``app_only`` Markdown, which only the app and read mode show: what the app itself does
    ("This guide works without the internet. It saves nothing unless you ask it to."). On paper it is
    "" (an independent review found that app text made no sense printed)."""
    return "" if paper or not page.app_only else page.app_only


def paper_points(points: Iterable[str]) -> tuple[str, ...]:
    """Key points as paper prints them: no app instructions, and no point left empty by removing them."""
    return tuple(point for point in map(without_app_instructions, points) if point)


HELP_KEY = re.compile(r"(?<![\w'’])h(?![\w'’])")
"""The help key named in a sentence ("Press h at any time to see help lines")."""


def paper_blocks(blocks: Iterable[Block], help_sentence: str | None = None) -> tuple[Block, ...]:
    """A page's blocks without app instructions: key points, paragraphs and list items lose the
    sentences that name a key; a block left empty goes, and so does a heading left with nothing under
    it ("How to move around"). ``help_sentence`` (where paper prints the help lines: "Help lines are on
    the "Get help now" page (step 13).") takes the place of a paragraph's first sentence that names the
    help key, so a reader on paper in danger is told where to turn, not left with nothing."""
    kept: list[Block] = []
    emptied = False
    """A block under the last heading kept was dropped."""
    for original in blocks:
        block = _on_paper(original, help_sentence)
        if block is None:
            emptied = True
            continue
        if isinstance(block, Heading) or not isinstance(block, BODY_KINDS):  # a new heading, or the body has ended
            _drop_empty_heading(kept, emptied)
            emptied = False
        kept.append(block)
    _drop_empty_heading(kept, emptied)
    return tuple(kept)


def _drop_empty_heading(kept: list[Block], emptied: bool) -> None:
    """Take off the last heading kept when every block under it was dropped."""
    if emptied and kept and isinstance(kept[-1], Heading):
        kept.pop()


def _on_paper(block: Block, help_sentence: str | None = None) -> Block | None:
    """One block without its app instructions (None when nothing is left of it). The sentence the app
    asks the reader to agree to (``Statement``) goes: it answers the app's button, and an independent
    review found its tick box on paper a "legal-style" distraction (the banner and "Please read this
    first" already say the guide is for learning only)."""
    if isinstance(block, Statement):
        return None
    if isinstance(block, KeyPoints):
        points = paper_points(block.points)
        return block if points == block.points else replace(block, points=points)
    if isinstance(block, Paragraph):
        text = without_app_instructions(_help_on_paper(block.text, help_sentence) if help_sentence else block.text)
        return block if text == block.text else (replace(block, lines=(text,)) if text else None)
    if isinstance(block, BulletList):
        items = tuple(item for item in map(_item_on_paper, block.items) if item)
        return block if items == block.items else (replace(block, items=items) if items else None)
    return block


def _help_on_paper(text: str, help_sentence: str) -> str:
    """``text`` with its first sentence that names the help key (and only it) said the paper's way."""
    sentences = [sentence for sentence in SENTENCE_END.split(text) if sentence]
    for index, sentence in enumerate(sentences):
        if HELP_KEY.search(plain_marks(sentence)):
            sentences[index] = help_sentence
            joiner = "" if any("\u3000" <= char <= "\u9fff" for char in text) else " "
            return joiner.join(sentences)
    return text


def plain_marks(text: str) -> str:
    """``text`` without the content's one inline mark, ``**bold**`` ("Press **h** at any time")."""
    return text.replace("**", "")


def _item_on_paper(item: ListItem) -> ListItem | None:
    text = without_app_instructions(item.text)
    return item if text == item.text else (ListItem(item.marker, (text,)) if text else None)


SAID_ONCE = (UrgencyTiers,)
"""Blocks made from the model that paper prints in full once: the urgency tiers, which the safety screen
holds and Get help now shows too (an independent review found the box printed twice)."""

Pointer = Callable[[int, tuple[Block, ...], int], tuple[Block, ...]]
"""What takes the place of a part printed in full on another page: given that page's index, the part
and the index of the page the pointer is printed on (whose language it is written in), the blocks to
print instead (a heading and a line saying where to read it)."""


def said_once(pages: Sequence[tuple[Block, ...]], pointer: Pointer, homes: Mapping[type[Block], int] | None = None) -> tuple[tuple[Block, ...], ...]:
    """Every page's blocks, with each part printed word for word on more than one page kept on one of
    them, its home, and replaced by ``pointer`` on the others. A part is a section of a body (a heading
    with what follows it, up to the next heading of the same or a higher level) or one of ``SAID_ONCE``.
    The home is the page ``homes`` gives for the part's kind of block when that page has it, else the
    first that has it: paper is read front to back (the app keeps every part on every screen, since a
    reader opens any screen alone). An independent review found the "Comparing the options" section
    printed four times."""
    parts = [_parts(blocks) for blocks in pages]
    result = []
    for index, page_parts in enumerate(parts):
        kept: list[Block] = []
        for part in page_parts:
            home = _home(part, parts, (homes or {}).get(type(part[0]))) if _repeatable(part) else index
            kept += part if home == index else pointer(home, part, index)
        result.append(tuple(kept))
    return tuple(result)


def _home(part: tuple[Block, ...], parts: list[list[tuple[Block, ...]]], preferred: int | None) -> int:
    """The page that prints ``part`` in full: ``preferred`` when it has the part, else the first that has it."""
    having = [index for index, page_parts in enumerate(parts) if part in page_parts]
    return preferred if preferred in having else having[0]


TWO_LINES = 156
"""Two printed lines of 78 cells: a section whose words fit in them stays as it is, since the line
pointing to it would save at most one ("What ketamine is: Ketamine is a medicine used for surgery.
Step 2 says more about it.", which would point to step 5 to be sent on to step 2)."""


def _repeatable(part: tuple[Block, ...]) -> bool:
    """Whether paper prints ``part`` once: a body section with more than two lines of words under its
    heading, or a ``SAID_ONCE`` block."""
    if isinstance(part[0], SAID_ONCE):
        return True
    return isinstance(part[0], Heading) and cell_width(" ".join(map(words_of, part[1:]))) > TWO_LINES


def words_of(block: Block) -> str:
    """A block's words on one line (a list's items, or the key points, one after another); "" for a
    block that is not words (a picture, the help lines)."""
    if isinstance(block, BulletList):
        return " ".join(item.text for item in block.items)
    if isinstance(block, KeyPoints):
        return " ".join(block.points)
    return block.text if isinstance(block, (Paragraph, Heading)) else ""


def _parts(blocks: tuple[Block, ...]) -> list[tuple[Block, ...]]:
    """``blocks`` cut into parts: each body section (a heading, then the body blocks under it up to a
    heading of the same or a higher level) as one part, every other block as a part of its own."""
    parts: list[tuple[Block, ...]] = []
    index = 0
    while index < len(blocks):
        block = blocks[index]
        end = index + 1
        if isinstance(block, Heading):
            while end < len(blocks) and isinstance(blocks[end], BODY_KINDS) and not (isinstance(blocks[end], Heading) and blocks[end].level <= block.level):
                end += 1
        parts.append(blocks[index:end])
        index = end
    return parts
