"""Markdown that is built just after its screen is first drawn.

The welcome screen is the first thing a reader sees. Its notice and "I understand" button are plain
widgets, but its longer text below is Markdown, and Textual's Markdown widget (with markdown-it and
Pygments) takes about 25 ms to import. Textual's Markdown already filled itself in a frame after it
was mounted, so the first frame never showed this text; now the import waits for that frame too.
The text still appears a few tens of milliseconds after the rest of the screen, and the screen
itself appears sooner (benchmarks/README.md).
"""

from __future__ import annotations

import sys

from textual.message import Message
from textual.widget import Widget

_GUIDE_MARKDOWN = "recovery_guide.tui.widgets.guide_markdown"


class DeferredMarkdown(Widget):
    """A ``GuideMarkdown`` of ``markdown``: built by the app after the first frame, or one refresh
    after this is mounted once the module is loaded (a language switch)."""

    class Built(Message):
        """The Markdown is mounted: what belongs below it can follow without jumping down later."""

        def __init__(self, deferred: DeferredMarkdown) -> None:
            super().__init__()
            self.deferred = deferred

    DEFAULT_CSS = """
    DeferredMarkdown {
        height: auto;
    }
    """

    def __init__(self, markdown: str, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.markdown = markdown
        self._wanted = False

    def on_mount(self) -> None:
        # Already imported (a language switch, not a cold start), or asked for before this was mounted.
        # Built after a refresh: built inside this mount, the boxes above kept a stale width.
        if self._wanted or _GUIDE_MARKDOWN in sys.modules:
            self.call_after_refresh(self.build)

    def build(self) -> None:
        """Mount the Markdown now (once). The app calls this when its first frame has been drawn."""
        if not (self.is_mounted and self.is_attached):  # not yet (built once it is), or no longer (closing)
            self._wanted = True
            return
        if self.children:
            return
        from recovery_guide.tui.widgets.guide_markdown import GuideMarkdown

        self.mount(GuideMarkdown(self.markdown))
        self.post_message(self.Built(self))

    @property
    def source(self) -> str:
        """The Markdown text, as ``Markdown.source`` gives it."""
        return self.markdown
