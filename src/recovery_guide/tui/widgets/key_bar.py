"""The line of keys at the bottom of every screen, drawn by one widget.

It looks and behaves like Textual's ``Footer`` (key in bold, then what it does; a click presses the
key; a key that cannot be used now is dim), but the ``Footer`` builds one widget per key and
rebuilds them all whenever the keys change: on the welcome screen that was about 40 ms of the time
to the first frame, and each language switch left the old key widgets behind (about 0.7 MiB each
time). One widget that redraws its line does the same job (benchmarks/README.md).

When the line is too short for every key, the least needed keys fold away first (each key's
``importance``, declared in ``tui/keys.py``) behind a "... more" mark that opens the keys help, so
Get help now, Keys and Quit always show, and a key is shown whole or not at all.
"""

from __future__ import annotations

from typing import NamedTuple

from rich.cells import cell_len
from rich.text import Text
from textual import events
from textual.widget import Widget

from recovery_guide.i18n import _
from recovery_guide.tui.keys import ESSENTIAL, KEYS_HELP, importance


class ShownKey(NamedTuple):
    """One key as the bar shows it, and the columns it takes (``key`` is empty for the "more" mark,
    whose ``display`` is the mark as drawn)."""

    key: str
    display: str
    description: str
    enabled: bool
    start: int
    end: int


class Candidate(NamedTuple):
    """A key the bar would show if the line were long enough."""

    key: str
    display: str
    description: str
    enabled: bool
    importance: int

    @property
    def width(self) -> int:
        return item_width(self.display, self.description)


def item_width(display: str, description: str) -> int:
    """`` key description ``: the columns one key takes on the bar."""
    return cell_len(display) + 2 + (cell_len(description) + 1 if description else 0)


def more_marks() -> tuple[str, str]:
    """The mark shown after the keys when some are folded away, as it is drawn, and the shortest
    form, for a line with room for nothing else (plain dots: the ellipsis character is two columns
    wide in some terminals set up for Chinese)."""
    # TRANSLATORS: the end of the key bar when some keys did not fit (press ? to see them all). Keep it short.
    more = _("... more")  # outside the f-string, where the catalog extractor finds it
    return f" {more} ", "..."


def fold(candidates: list[Candidate], width: int) -> tuple[list[Candidate], str]:
    """The keys that fit in ``width`` columns, most important first, and the mark ("" if none is folded).

    Keys fold away least important first: everything shown is at least as important as everything
    folded. The essential keys are kept with the short mark if the whole mark leaves no room for them,
    and fold only on a line too short for them even so (narrower than the app allows).
    """
    ordered = sorted(candidates, key=lambda candidate: candidate.importance)
    if sum(candidate.width for candidate in ordered) <= width:
        return ordered, ""
    essential = sum(candidate.importance <= ESSENTIAL for candidate in ordered)
    mark, short_mark = more_marks()
    for shown_mark in (mark, short_mark):
        used, count = cell_len(shown_mark), 0
        while count < len(ordered) and used + ordered[count].width <= width:
            used += ordered[count].width
            count += 1
        if count >= essential:
            break
    return ordered[:count], shown_mark


class KeyBar(Widget, can_focus=False):
    """Every binding of the current screen with ``show=True``, one per action, most important first,
    as many as fit whole; then a "... more" mark if some did not fit."""

    ALLOW_SELECT = False
    COMPONENT_CLASSES = {"key-bar--key", "key-bar--description", "key-bar--hover", "key-bar--more"}
    DEFAULT_CSS = """
    KeyBar {
        dock: bottom;
        height: 1;
        color: $footer-foreground;
        background: $footer-background;
        text-wrap: nowrap;
        text-overflow: clip;
        & > .key-bar--key {
            color: $footer-key-foreground;
            background: $footer-key-background;
            text-style: bold;
        }
        & > .key-bar--description {
            color: $footer-description-foreground;
            background: $footer-description-background;
        }
        & > .key-bar--more {
            color: $footer-key-foreground;
            background: $footer-background;
            text-style: bold;
        }
        & > .key-bar--hover {
            color: $footer-key-foreground;
            background: $block-hover-background;
        }
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._hovered: str | None = None
        self._keys: tuple[int, list[ShownKey]] | None = None
        """The keys shown, and the width they were chosen for."""

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, _screen) -> None:
        self._keys = None
        self.refresh()

    def shown_keys(self) -> list[ShownKey]:
        """The keys on the bar (the first binding of each action, as Textual's Footer chooses them),
        folded to the bar's width; the "more" mark last, if some are folded away."""
        width = self.size.width
        if self._keys is None or self._keys[0] != width:
            self._keys = (width, self._find_keys(width))
        return self._keys[1]

    def _find_keys(self, width: int) -> list[ShownKey]:
        candidates: list[Candidate] = []
        actions: set[str] = set()
        for _node, binding, enabled, _tooltip in self.screen.active_bindings.values():
            if not binding.show or binding.action in actions:
                continue
            actions.add(binding.action)
            display = self.app.get_key_display(binding)
            candidates.append(Candidate(binding.key, display, binding.description, enabled, importance(binding.id)))
        kept, mark = fold(candidates, width)
        keys: list[ShownKey] = []
        column = 0
        for candidate in kept:
            keys.append(ShownKey(candidate.key, candidate.display, candidate.description, candidate.enabled, column, column + candidate.width))
            column += candidate.width
        if mark:
            keys.append(ShownKey("", mark, "", True, column, column + cell_len(mark)))
        return keys

    def render(self) -> Text:
        key_style = self.get_component_rich_style("key-bar--key")
        description_style = self.get_component_rich_style("key-bar--description")
        hover_style = self.get_component_rich_style("key-bar--hover")
        more_style = self.get_component_rich_style("key-bar--more")
        line = Text(no_wrap=True, overflow="crop", end="")
        for shown in self.shown_keys():
            item = Text.assemble((f" {shown.display} ", key_style) if shown.key else (shown.display, more_style))
            if shown.description:
                item.append(f"{shown.description} ", description_style)
            if shown.key == self._hovered:
                item.stylize_before(hover_style)
            if not shown.enabled:
                item.stylize("dim")
            line.append_text(item)
        return line

    def _key_at(self, x: int) -> ShownKey | None:
        return next((shown for shown in self.shown_keys() if shown.start <= x < shown.end), None)

    def on_mouse_move(self, event: events.MouseMove) -> None:
        shown = self._key_at(event.x)
        hovered = shown.key if shown else None
        if hovered != self._hovered:
            self._hovered = hovered
            self.refresh()

    def on_leave(self, event: events.Leave) -> None:
        if self._hovered is not None:
            self._hovered = None
            self.refresh()

    async def on_mouse_down(self, event: events.MouseDown) -> None:
        """A click presses the key, as on Textual's Footer (a dim key only rings the bell); a click on
        the "more" mark opens the keys help, where every key is listed."""
        shown = self._key_at(event.x)
        if shown is None:
            return
        event.stop()
        if not shown.key:
            await self.app.run_action(f"app.{KEYS_HELP.action}")
        elif shown.enabled:
            self.app.simulate_key(shown.key)
        else:
            self.app.bell()
