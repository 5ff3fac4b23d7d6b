"""The yardstick: the smallest useful Textual app (a Header, a Static and a Footer).

It exits on its first frame, using the same hook as ``first_frame.py`` (see ``_child.py``).
Run by ``run.py``; ``python benchmarks/minimal_app.py`` in a terminal flashes it once.
"""

from __future__ import annotations

from _child import ExitOnFirstFrame
from textual.app import App, ComposeResult
from textual.widgets import Footer, Header, Static


class MinimalApp(ExitOnFirstFrame, App):
    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("Hello")
        yield Footer()


if __name__ == "__main__":
    MinimalApp().run()
