"""The ``?`` screen: every key and what it does, written as Markdown from the keys' one declaration."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Markdown

from recovery_guide.i18n import N_, _
from recovery_guide.tui.base import GuideModal
from recovery_guide.tui.keys import APP_KEYS_IN_DIALOGS, bindings, keys_table
from recovery_guide.tui.widgets.focus_scroll import FocusScroll
from recovery_guide.tui.widgets.key_bar import KeyBar


def keys_markdown(kiosk: bool = False) -> str:
    intro = _("You can use the whole guide with the keyboard. A mouse also works.")
    title = _("Keys")
    return f"# {title}\n\n{intro}\n\n" + "\n".join(keys_table(_, kiosk)) + "\n"


class KeysHelpScreen(GuideModal):
    """A dialog listing every key."""

    BINDINGS = [("escape,question_mark", "dismiss", N_("Close")), *bindings(tuple(key for key in APP_KEYS_IN_DIALOGS if key.id != "keys-help"))]

    def compose(self) -> ComposeResult:
        with FocusScroll(id="dialog"):
            yield Markdown(keys_markdown(self.session.kiosk is not None))
        yield KeyBar()
