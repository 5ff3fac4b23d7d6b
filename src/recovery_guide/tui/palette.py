"""The command palette (Ctrl+P), with Textual's own English words in the reader's language."""

from __future__ import annotations

from rich.align import Align
from rich.text import Text
from textual.command import CommandList, CommandPalette
from textual.widgets.option_list import Option

from recovery_guide.i18n import _


class GuidePalette(CommandPalette):
    """Textual's palette, saying "No matches found" in the reader's language (Textual's is English only)."""

    def _start_no_matches_countdown(self, search_value: str) -> None:
        # Textual 8.2's own method, with the one English string translated (Textual is pinned to one minor version).
        self._stop_no_matches_countdown()

        def _show_no_matches() -> None:
            if search_value:
                self.query_one(CommandList).add_option(
                    Option(Align.center(Text(_("No matches found"), style="not bold")), disabled=True, id=self._NO_MATCHES)
                )
                self._list_visible = True
            else:
                self._list_visible = False

        self._no_matches_timer = self.set_timer(self._NO_MATCHES_COUNTDOWN, _show_no_matches)
