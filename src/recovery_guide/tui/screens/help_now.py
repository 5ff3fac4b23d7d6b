"""Get help now: crisis and help lines, one key away from anywhere in the guide."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Footer, Markdown, Static

from recovery_guide import labels
from recovery_guide.i18n import N_
from recovery_guide.model import Guide, ScreenKind
from recovery_guide.render.markdown import help_lines_markdown
from recovery_guide.tui.base import GuideModal


def help_now_markdown(guide: Guide, region_code: str | None = None) -> str:
    """Numbers first: a person in crisis must never have to read before they see a phone number."""
    screen = guide.first_of_kind(ScreenKind.HELP_NOW)
    return f"## {screen.title}\n\n" + help_lines_markdown(guide, region_code) + "\n---\n\n" + screen.body


class HelpNowScreen(GuideModal):
    """A dialog over whatever the reader was doing; closing it returns them to the same place."""

    BINDINGS = [("escape,h", "dismiss", N_("Close"))]

    def __init__(self, guide: Guide, region_code: str | None = None) -> None:
        super().__init__()
        self.guide = guide
        self.region_code = region_code

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="dialog", can_focus=True):
            yield Markdown(help_now_markdown(self.guide, self.region_code), id="help-now-text")
        yield Static(labels.provider_banner(), id="banner", markup=False)
        yield Footer(show_command_palette=False)

    def on_mount(self) -> None:
        self.query_one("#dialog").focus()
