"""The ``l`` language picker: every language by its own name, with the English name beside it."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from recovery_guide.i18n import N_, _, current_language, language_names
from recovery_guide.key_names import with_keys
from recovery_guide.tui.plain_text import plain
from recovery_guide.tui.widgets.key_list import SafeOptionList
from recovery_guide.tui.base import GuideModal
from recovery_guide.tui.keys import APP_KEYS_IN_DIALOGS, bindings
from recovery_guide.tui.widgets.key_bar import KeyBar


class LanguagePicker(GuideModal):
    """Returns the chosen language code, or None when closed with Escape."""

    CSS_PATH = [*GuideModal.CSS_PATH, "languages.tcss"]
    BINDINGS = [("escape,l", "dismiss", N_("Close")), *bindings(APP_KEYS_IN_DIALOGS)]

    def __init__(self, codes: list[str]) -> None:
        super().__init__()
        self.codes = codes

    def compose(self) -> ComposeResult:
        options = []
        for code in self.codes:
            native, english = language_names(code)
            mark = "  " + _("(current)") if code == current_language() else ""
            options.append(Option(Text(f"{native} - {english}{mark}"), id=code))
        with Vertical(id="dialog", classes="picker"):
            yield Static(with_keys(_("Choose a language. Use the arrows, then press {enter}.")), id="picker-help", markup=False)
            yield SafeOptionList(*options, id="language-list")
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one("#dialog").border_title = plain(_("Language"))
        options = self.query_one(OptionList)
        options.highlighted = self.codes.index(current_language()) if current_language() in self.codes else 0
        options.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option.id)
