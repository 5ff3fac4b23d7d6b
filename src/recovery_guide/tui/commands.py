"""The command palette (Ctrl+P): every action of the guide, and every page by title.

The actions are the keys' own declaration (``tui.keys``), so the palette offers exactly what the keys
do: a reader who forgets a key can search for it.
"""

from __future__ import annotations

from functools import partial
from typing import Any, Callable

from textual.command import DiscoveryHit, Hit, Hits, Provider

from recovery_guide.i18n import _
from recovery_guide.tui.keys import PALETTE_ORDER, READER_KEYS, Key


class GuideCommands(Provider):
    """Offers the same actions as the keys, so a reader who forgets a key can search for it."""

    def _run(self, key: Key) -> Callable[[], Any]:
        """A reading-screen key runs on the reading screen (if reading has begun); the others on the app."""
        app = self.app
        if key in READER_KEYS:
            return partial(app.reader_action, key.action)
        return partial(app.run_action, key.action.removeprefix("app."))

    def _commands(self) -> list[tuple[str, Callable[[], Any], str]]:
        app = self.app
        commands = [(_(key.command), self._run(key), _(key.command_help)) for key in PALETTE_ORDER]
        for number, page in enumerate(app.session.guide.pages, start=1):
            commands.append((_("Go to: {title}").format(title=page.title), partial(app.go_to_page, page.id), _("Step {number}").format(number=number)))
        return commands

    async def discover(self) -> Hits:
        for title, callback, help_text in self._commands():
            yield DiscoveryHit(title, callback, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, callback, help_text in self._commands():
            score = matcher.match(title)
            if score > 0:
                yield Hit(score, matcher.highlight(title), callback, help=help_text)
