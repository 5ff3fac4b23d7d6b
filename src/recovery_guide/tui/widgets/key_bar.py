"""The line of keys at the bottom of every screen, drawn by one widget.

It looks and behaves like Textual's ``Footer`` (key in bold, then what it does; a click presses the
key; a key that cannot be used now is dim), but the ``Footer`` builds one widget per key and
rebuilds them all whenever the keys change: on the welcome screen that was about 40 ms of the time
to the first frame, and each language switch left the old key widgets behind (about 0.7 MiB each
time). One widget that redraws its line does the same job (benchmarks/README.md).
"""

from __future__ import annotations

from typing import NamedTuple

from rich.cells import cell_len
from rich.text import Text
from textual import events
from textual.widget import Widget


class ShownKey(NamedTuple):
    """One key as the bar shows it, and the columns it takes."""

    key: str
    display: str
    description: str
    enabled: bool
    start: int
    end: int


class KeyBar(Widget, can_focus=False):
    """Every binding of the current screen with ``show=True``, one per action, in binding order."""

    ALLOW_SELECT = False
    COMPONENT_CLASSES = {"key-bar--key", "key-bar--description", "key-bar--hover"}
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
        & > .key-bar--hover {
            color: $footer-key-foreground;
            background: $block-hover-background;
        }
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._hovered: str | None = None
        self._keys: list[ShownKey] | None = None

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, _screen) -> None:
        self._keys = None
        self.refresh()

    def shown_keys(self) -> list[ShownKey]:
        """The keys on the bar, as Textual's Footer chooses them: the first binding of each action."""
        if self._keys is None:
            self._keys = self._find_keys()
        return self._keys

    def _find_keys(self) -> list[ShownKey]:
        keys: list[ShownKey] = []
        actions: set[str] = set()
        column = 0
        for _node, binding, enabled, _tooltip in self.screen.active_bindings.values():
            if not binding.show or binding.action in actions:
                continue
            actions.add(binding.action)
            display = self.app.get_key_display(binding)
            width = cell_len(display) + 2 + (cell_len(binding.description) + 1 if binding.description else 0)
            keys.append(ShownKey(binding.key, display, binding.description, enabled, column, column + width))
            column += width
        return keys

    def render(self) -> Text:
        key_style = self.get_component_rich_style("key-bar--key")
        description_style = self.get_component_rich_style("key-bar--description")
        hover_style = self.get_component_rich_style("key-bar--hover")
        line = Text(no_wrap=True, overflow="crop", end="")
        for shown in self.shown_keys():
            item = Text.assemble((f" {shown.display} ", key_style))
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

    def on_mouse_down(self, event: events.MouseDown) -> None:
        """A click presses the key, as on Textual's Footer (a dim key only rings the bell)."""
        shown = self._key_at(event.x)
        if shown is None:
            return
        event.stop()
        if shown.enabled:
            self.app.simulate_key(shown.key)
        else:
            self.app.bell()
