"""Choose your region (``r`` in Get help now), so the right help lines come first."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from recovery_guide.i18n import N_, _
from recovery_guide.key_names import with_keys
from recovery_guide.tui.plain_text import plain
from recovery_guide.tui.widgets.key_list import SafeOptionList
from recovery_guide.tui.base import GuideModal
from recovery_guide.tui.keys import APP_KEYS_IN_DIALOGS, bindings
from recovery_guide.tui.widgets.key_bar import KeyBar

EVERY_REGION = "*"


class RegionPicker(GuideModal):
    """Returns a region code, EVERY_REGION for "show every region", or None when closed."""

    CSS_PATH = [*GuideModal.CSS_PATH, "regions.tcss"]
    BINDINGS = [("escape,r", "dismiss", N_("Close")), *bindings(APP_KEYS_IN_DIALOGS)]

    @property
    def current(self) -> str | None:
        return self.session.region_code

    def compose(self) -> ComposeResult:
        options = [Option(Text(_("I am somewhere else: show every region")), id=EVERY_REGION)]
        for region in self.guide.regions:
            mark = "  " + _("(current)") if region.code == self.current else ""
            options.append(Option(Text(f"{region.name} ({region.code}){mark}"), id=region.code))
        with Vertical(id="dialog", classes="picker"):
            yield Static(with_keys(_("Where are you? Use the arrows, then press {enter}.")), markup=False)
            yield SafeOptionList(*options, id="region-list")
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one("#dialog").border_title = plain(_("Your region"))
        options = self.query_one(OptionList)
        codes = [region.code for region in self.guide.regions]
        options.highlighted = codes.index(self.current) + 1 if self.current in codes else 0
        options.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option.id)
