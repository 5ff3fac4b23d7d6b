"""The command palette (Ctrl+P): every action of the guide, and every page by title.

The actions are the keys' own declaration (``tui.keys``), plus the few choices that are buttons, not
keys (``MORE_COMMANDS``: saving, forget everything), so the palette offers exactly what the guide
does: a reader who forgets a key can search for it. A command is found by its title (loosely, letters
in order, as Textual matches), and by any word of its line or of its extra words ("colour" finds the
themes, "print" the handout), all in the reader's language. A page title is text, never markup
(``plain_text``): a bracket in it is shown, not parsed.
"""

from __future__ import annotations

from functools import partial
from typing import Any, Callable, NamedTuple

from textual.command import DiscoveryHit, Hit, Hits, Provider

from recovery_guide.i18n import _
from recovery_guide.textfold import fold
from recovery_guide.tui.kiosk import action_allowed
from recovery_guide.tui.keys import MORE_COMMANDS, PALETTE_ORDER, READER_KEYS, Key
from recovery_guide.tui.plain_text import highlighted, plain, plain_markup

WORD_MATCH = 0.5
"""The score of a command found by a word of its line or extra words (a title match scores up to 1)."""


class PaletteCommand(NamedTuple):
    title: str
    run: Callable[[], Any]
    help: str
    words: str = ""


class GuideCommands(Provider):
    """Offers the same actions as the keys, so a reader who forgets a key can search for it."""

    def _run(self, key: Key) -> Callable[[], Any]:
        """A reading-screen key runs on the reading screen (if reading has begun); the others on the app."""
        app = self.app
        if key in READER_KEYS:
            return partial(app.reader_action, key.action)
        return partial(app.run_action, key.action.removeprefix("app."))

    def _commands(self) -> list[PaletteCommand]:
        """What the app offers now: on a shared screen (kiosk mode) no quit and no saving, but Start
        over (``tui.kiosk.action_allowed``, the rule the key bindings follow too)."""
        app = self.app
        kiosk, saving = app.session.kiosk is not None, app.session.saving_offered
        commands = [PaletteCommand(_(key.command), self._run(key), _(key.command_help), _(key.words) if key.words else "")
                    for key in PALETTE_ORDER if action_allowed(key.action, kiosk, saving)]
        commands += [PaletteCommand(_(command.title), partial(app.run_action, command.action), _(command.help), _(command.words))
                     for command in MORE_COMMANDS if action_allowed(command.action, kiosk, saving)]
        for number, page in enumerate(app.session.guide.pages, start=1):
            commands.append(PaletteCommand(_("Go to: {title}").format(title=page.title), partial(app.go_to_page, page.id), _("Step {number}").format(number=number)))
        return commands

    async def discover(self) -> Hits:
        for command in self._commands():
            yield DiscoveryHit(plain(command.title), command.run, text=command.title, help=plain_markup(command.help))

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        wanted = fold(query)
        for command in self._commands():
            score = matcher.match(command.title)
            if wanted and wanted in fold(f"{command.title} {command.help} {command.words}"):
                score = max(score, WORD_MATCH)
            if score > 0:
                yield Hit(score, highlighted(matcher, command.title), command.run, text=command.title, help=plain_markup(command.help))
