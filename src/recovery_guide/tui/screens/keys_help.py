"""The ``?`` screen: every key and what it does, written as Markdown."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Markdown

from recovery_guide.i18n import N_, _
from recovery_guide.tui.base import GuideModal
from recovery_guide.tui.widgets.key_bar import KeyBar

KEYS: list[tuple[str, str]] = [
    (N_("Right arrow or n"), N_("Next screen")),
    (N_("Left arrow or p"), N_("Previous screen")),
    (N_("Up and Down arrows, Page Up, Page Down"), N_("Scroll the text")),
    ("c", N_("Contents: choose a screen, then press Enter")),
    ("h", N_("Get help now: crisis and help lines, from anywhere")),
    ("r", N_("In Get help now: choose your region")),
    ("s", N_("Add the chosen question to My questions (press again to take it out)")),
    ("a", N_("Write a question of your own")),
    ("m", N_("My questions: your list, to reorder, edit and save")),
    (N_("u and d"), N_("In My questions: move a question up or down")),
    ("x", N_("Make a handout to take to your appointment")),
    ("g", N_("Words used in this guide, with their meanings")),
    ("/", N_("Search the whole guide")),
    ("k", N_("At the end of a topic: check your understanding (not a test)")),
    ("Enter", N_("On a word in the list of words on a screen: show its meaning")),
    ("t", N_("Change the colours: standard, light, high contrast, monochrome")),
    ("l", N_("Language: read the guide in another language")),
    ("e", N_("Show the English original of this screen, and back")),
    ("?", N_("This list of keys")),
    ("Tab", N_("Move between the contents, the text and the questions")),
    ("Ctrl+P", N_("Search all actions and screens")),
    ("Escape", N_("Close this window")),
    ("q", N_("Quit")),
]


def keys_markdown() -> str:
    key_heading, action_heading = _("Key"), _("What it does")
    rows = [f"| {key_heading} | {action_heading} |", "|---|---|"]
    rows += [f"| {_(key)} | {_(description)} |" for key, description in KEYS]
    intro = _("You can use the whole guide with the keyboard. A mouse also works.")
    title = _("Keys")
    return f"# {title}\n\n{intro}\n\n" + "\n".join(rows) + "\n"


class KeysHelpScreen(GuideModal):
    """A dialog listing every key."""

    BINDINGS = [("escape,question_mark", "dismiss", N_("Close"))]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="dialog", can_focus=True):
            yield Markdown(keys_markdown())
        yield KeyBar()
