"""The command palette (Ctrl+P): every action of the guide, and every screen by title."""

from __future__ import annotations

from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider

from recovery_guide.i18n import _


class GuideCommands(Provider):
    """Offers the same actions as the keys, so a reader who forgets a key can search for it."""

    def _commands(self) -> list[tuple[str, object, str]]:
        app = self.app
        commands: list[tuple[str, object, str]] = [
            (_("Get help now"), app.action_help_now, _("Crisis and help lines")),
            (_("Choose your region"), app.action_choose_region, _("Show the help lines for where you are")),
            (_("My questions"), app.action_my_questions, _("Your list of questions for your provider")),
            (_("Write a question"), partial(app.reader_action, "write_question"), _("Add a question in your own words")),
            (_("Make a handout"), app.action_export, _("Save your questions to print or take along")),
            (_("Words used in this guide"), app.action_glossary, _("Plain meanings of medical words")),
            (_("Search the guide"), app.action_search, _("Find a word on any screen")),
            (_("Check your understanding"), partial(app.reader_action, "self_check"), _("A few questions at the end of a topic, never scored")),
            (_("Theme"), app.action_next_theme, _("Change the colours: standard, light, high contrast, monochrome")),
            (_("Keys"), app.action_keys_help, _("Show every key and what it does")),
            (_("Next screen"), partial(app.reader_action, "next"), _("Go to the next screen")),
            (_("Previous screen"), partial(app.reader_action, "previous"), _("Go back one screen")),
            (_("Contents"), partial(app.reader_action, "contents"), _("Choose a screen from the list")),
            (_("Language"), app.action_choose_language, _("Read the guide in another language")),
            (_("English original"), partial(app.reader_action, "toggle_english"), _("Show this screen in English, and back")),
            (_("Quit"), app.action_quit, _("Close the guide")),
        ]
        for number, screen in enumerate(app.guide.pages, start=1):
            commands.append((_("Go to: {title}").format(title=screen.title), partial(app.go_to_screen, screen.id), _("Step {number}").format(number=number)))
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
