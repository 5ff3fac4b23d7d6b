"""Markdown for the guide's text: Textual's own widget, with each bullet or numbered list drawn by one widget.

Textual's ``Markdown`` builds every list item from four widgets (a row, the bullet, a column and
the paragraph), and each level has ``height: auto``, so every layout measures the list's text again
at each level; the row and the column are also composed one step after the list is mounted, which
costs one more layout and one more frame. On this guide's screens that was most of the time taken
by turning a page (see benchmarks/README.md). Here the whole list is one widget that draws each
item's bullet (or number) and wraps its text beside it, exactly as before. The About screen's list of
sources is a numbered list of some thirty items: as Textual's it was about 120 widgets, and turning
to that screen took ten times as long as to any other. Headings and paragraphs are
Textual's own. A list that holds anything but plain paragraphs (a nested list, say) is left to
Textual. The guide's content never has one (docs/content.md), but Markdown written elsewhere might.
"""

from __future__ import annotations

from difflib import SequenceMatcher

from markdown_it import MarkdownIt
from textual.await_complete import AwaitComplete
from textual.content import Content
from textual.selection import Selection
from textual.strip import Strip
from textual.visual import RenderOptions, Visual
from textual.widgets import Markdown
from textual.widgets._markdown import MarkdownBlock, MarkdownBulletList, MarkdownHeader, MarkdownListItem, MarkdownOrderedList, MarkdownParagraph


class _BulletsVisual(Visual):
    """Items of (bullet, text): the bullet in its own column, the text wrapped to the right of it."""

    def __init__(self, items: list[tuple[Content, Content]]) -> None:
        self.items = items
        self.indent = max((bullet.cell_length for bullet, _text in items), default=0)

    def get_optimal_width(self, rules, container_width: int) -> int:
        return self.indent + max((text.get_optimal_width(rules, container_width) for _bullet, text in self.items), default=0)

    def get_height(self, rules, width: int) -> int:
        return sum(text.get_height(rules, max(width - self.indent, 1)) for _bullet, text in self.items)

    def render_strips(self, width: int, height: int | None, style, options: RenderOptions) -> list[Strip]:
        text_width = max(width - self.indent, 1)
        strips: list[Strip] = []
        for bullet, text in self.items:
            lines = text.render_strips(text_width, None, style, options)
            gutter = bullet.pad_right(self.indent - bullet.cell_length).render_strips(self.indent, 1, style, options)[0]
            blank = Strip.blank(self.indent, style.rich_style)
            strips += [Strip.join([gutter if row == 0 else blank, line]) for row, line in enumerate(lines)]
        return strips[:height] if height is not None else strips

    def __str__(self) -> str:
        return "\n".join(bullet.plain + text.plain for bullet, text in self.items)


def bullet_colour(name: str) -> str:
    """The CSS that gives list ``name``'s bullets the colour of Textual's ``MarkdownBullet``."""
    return f"""
    {name} > .bullet {{
        color: $text-primary;
    }}
    {name}:light > .bullet {{
        color: $text-secondary;
    }}
    """


class OneWidgetList:
    """A Markdown list drawn by one widget: each item's bullet, then its text wrapped beside it.

    Mixed into Textual's list blocks; ``_bullets`` gives each item's bullet as Textual would draw it.
    """

    COMPONENT_CLASSES = {"bullet"}

    def _bullets(self, items: list[tuple[str, list[MarkdownParagraph]]]) -> list[str]:
        """Each item's bullet, as Textual's own list block draws it."""
        raise NotImplementedError

    def _simple_items(self) -> list[tuple[str, list[MarkdownParagraph]]] | None:
        """(bullet, paragraphs) per item, or None when an item holds more than paragraphs."""
        items = []
        for block in self._blocks:
            if not isinstance(block, MarkdownListItem) or not all(type(child) is MarkdownParagraph for child in block._blocks):
                return None
            items.append((block.bullet, block._blocks))
        return items

    def compose(self):
        items = self._drawn_items()
        if items is None:
            yield from super().compose()
            return
        self._items = items
        self._blocks.clear()

    def _drawn_items(self) -> list[tuple[Content, Content]] | None:
        """(bullet, text) per item as this widget draws them, or None for a list left to Textual."""
        items = self._simple_items()
        if items is None:
            return None
        return [
            (Content.styled(bullet, ".bullet"), Content("\n").join(paragraph._content for paragraph in paragraphs))
            for bullet, (_symbol, paragraphs) in zip(self._bullets(items), items)
            if paragraphs  # Textual draws an empty item as nothing at all, bullet included
        ]

    def take_items(self, other: OneWidgetList) -> bool:
        """Show ``other``'s items (a list of the same kind, not mounted) in place of this list's own;
        False when either is a list left to Textual."""
        items = other._drawn_items()
        if items is None or getattr(self, "_items", None) is None:
            return False
        self._items = items
        self.refresh(layout=True)
        return True

    def render(self):
        items = getattr(self, "_items", None)
        return _BulletsVisual(items) if items is not None else super().render()

    @property
    def item_texts(self) -> list[Content]:
        """Each item's text, in order (empty for a list left to Textual)."""
        return [text for _bullet, text in getattr(self, "_items", None) or []]

    def set_item_text(self, number: int, text: Content) -> None:
        """Show item ``number`` with ``text`` instead (the same words, marked: a search match)."""
        self._items[number] = (self._items[number][0], text)
        self.refresh(layout=True)

    @property
    def indent(self) -> int:
        """The width of the bullet column."""
        items = getattr(self, "_items", None)
        return _BulletsVisual(items).indent if items else 0

    def line_of_item(self, number: int) -> int:
        """The line (from 0) the item ``number`` starts on, at the list's present width."""
        items = getattr(self, "_items", None)
        if not items:
            return 0
        return _BulletsVisual(items[:number]).get_height(self.styles, self.content_region.width)

    def get_selection(self, selection: Selection) -> tuple[str, str] | None:
        items = getattr(self, "_items", None)
        if items is None:
            return super().get_selection(selection)
        return selection.extract(str(_BulletsVisual(items))), "\n"


class BulletList(OneWidgetList, MarkdownBulletList):
    """A bullet list as a single widget; looks like Textual's, with the bullet colour of ``MarkdownBullet``."""

    COMPONENT_CLASSES = MarkdownBulletList.COMPONENT_CLASSES | OneWidgetList.COMPONENT_CLASSES
    DEFAULT_CSS = bullet_colour("BulletList")

    def _bullets(self, items: list[tuple[str, list[MarkdownParagraph]]]) -> list[str]:
        return [bullet for bullet, _paragraphs in items]


class NumberedList(OneWidgetList, MarkdownOrderedList):
    """A numbered list as a single widget; its numbers right-aligned as ``MarkdownOrderedList`` draws them."""

    COMPONENT_CLASSES = MarkdownOrderedList.COMPONENT_CLASSES | OneWidgetList.COMPONENT_CLASSES
    DEFAULT_CSS = bullet_colour("NumberedList")

    def _bullets(self, items: list[tuple[str, list[MarkdownParagraph]]]) -> list[str]:
        # Textual's own rule (MarkdownOrderedList.compose): numbered from the first item's, ". " after
        # each number, all right-aligned to the widest plus one.
        try:
            start = int(items[0][0]) if items else 1
        except ValueError:
            start = 1
        numbers = [f"{number}. " for number in range(start, start + len(items))]
        width = max((len(number) for number in numbers), default=0) + 1
        return [number.rjust(width) for number in numbers]


def _take(block: MarkdownBlock, new: MarkdownBlock) -> bool:
    """Make the mounted ``block`` show ``new``'s text, when both are paragraphs, headings of one level or
    lists of one kind; False (nothing changed) otherwise. A heading keeps its id: Textual makes it once
    from the first words and a unique number, and only uses it to find the widget again (the table of
    contents takes the words from the text)."""
    if type(block) is not type(new):
        return False
    if isinstance(block, OneWidgetList):
        if not block.take_items(new):
            return False
    elif isinstance(block, (MarkdownParagraph, MarkdownHeader)) and not block._blocks and not new._blocks:
        block.set_content(new._content)
    else:
        return False
    block._token, block._inline_token, block.source_range = new._token, new._inline_token, new.source_range
    return True


def _kind(block: MarkdownBlock) -> str | int:
    """What a block is, for pairing old blocks with new ones: its class, or itself for a block never reused."""
    return type(block).__name__ if isinstance(block, (OneWidgetList, MarkdownParagraph, MarkdownHeader)) else id(block)


class GuideMarkdown(Markdown):
    """``Markdown`` with one widget per bullet or numbered list, which keeps its widgets when it changes.

    Textual's ``update`` removes every block and mounts new ones; each new block has the whole
    stylesheet applied to it, and again for each of its four inline styles (bold, italic...), which was
    the largest part of turning a page and of switching language (benchmarks/README.md). Here the old
    and new blocks are paired in order by kind (paragraph, heading of a level, list), as ``difflib``
    pairs lines, and each pair keeps the old widget with the new text; only the blocks left over are
    removed or mounted. A language switch mounts nothing (a translation has the same blocks); a page
    turn mounts only what the longer page adds. What is drawn is the same.
    """

    BLOCKS = {**Markdown.BLOCKS, "bullet_list_open": BulletList, "ordered_list_open": NumberedList}

    def update(self, markdown: str) -> AwaitComplete:
        self._theme = self.app.theme
        parser = MarkdownIt("gfm-like") if self._parser_factory is None else self._parser_factory()
        self._markdown = markdown
        self._table_of_contents = None

        async def update_in_place() -> None:
            async with self.lock:
                new_blocks = list(self._parse_markdown(parser.parse(markdown)))
                old_blocks = [child for child in self.children if isinstance(child, MarkdownBlock)]
                kept, stale, waiting = set(), [], []
                pairs = SequenceMatcher(None, [_kind(block) for block in old_blocks], [_kind(block) for block in new_blocks], autojunk=False)
                with self.app.batch_update():
                    for tag, old_start, old_end, new_start, new_end in pairs.get_opcodes():
                        if tag != "equal":
                            stale += old_blocks[old_start:old_end]
                            waiting += new_blocks[new_start:new_end]
                            continue
                        for old, new in zip(old_blocks[old_start:old_end], new_blocks[new_start:new_end]):
                            if not _take(old, new):
                                stale.append(old)
                                waiting.append(new)
                                continue
                            kept.add(old)
                            if waiting:
                                await self.mount_all(waiting, before=old)
                                waiting = []
                    if stale:
                        await self.remove_children(stale)
                    if waiting:
                        await self.mount_all(waiting)
                self._forget_selection(kept)
            lines = markdown.splitlines()
            self._last_parsed_line = len(lines) - (1 if lines and lines[-1] else 0)
            self.post_message(Markdown.TableOfContentsUpdated(self, self.table_of_contents).set_sender(self))

        return AwaitComplete(update_in_place())

    def _forget_selection(self, blocks: set[MarkdownBlock]) -> None:
        """Text selected in a block now showing other words is no longer selected (as when the block went)."""
        selections = self.screen.selections
        if any(block in selections for block in blocks):
            self.screen.selections = {widget: selection for widget, selection in selections.items() if widget not in blocks}
