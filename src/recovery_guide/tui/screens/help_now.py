"""Get help now: crisis and help lines, one key away from anywhere in the guide."""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.widgets import Markdown

from recovery_guide.model import Clinic, Guide, PageKind
from recovery_guide.render.markdown import escape_markdown
from recovery_guide.tui.widgets.banner import Banner
from recovery_guide.tui.base import MODAL_STYLES, GuideModal, banner_text
from recovery_guide.tui.reading_page import ReadingPage
from recovery_guide.view.body import body_blocks
from recovery_guide.view.pages import help_lines, urgency_tiers
from recovery_guide.tui.keys import HELP_NOW_KEYS, bindings
from recovery_guide.tui.widgets.focus_scroll import FocusScroll
from recovery_guide.tui.widgets.key_bar import KeyBar
from recovery_guide.tui.widgets.urgency_tiers import UrgencyTiersView


def help_now_markdown(guide: Guide, region_code: str | None = None, clinic: Clinic | None = None) -> str:
    """Numbers first: a person in crisis must never have to read, or answer, before they see a number."""
    screen = guide.first_of_kind(PageKind.HELP_NOW)
    lines = ReadingPage().write(help_lines(guide, region_code, clinic))
    return f"## {escape_markdown(screen.title)}\n\n{lines}"


def help_now_body(guide: Guide) -> str:
    """The screen's own text, after the numbers and the urgency tiers, written as the reading screen
    writes a body (the overdose steps drawn as numbered boxes with arrows)."""
    return "---\n\n" + ReadingPage().blocks(body_blocks(guide.first_of_kind(PageKind.HELP_NOW).body))


class HelpNowScreen(GuideModal):
    """A dialog over whatever the reader was doing; closing it returns them to the same place."""

    BINDINGS = bindings(HELP_NOW_KEYS)
    CSS_PATH = [MODAL_STYLES, Path(__file__).parent.parent / "widgets" / "urgency_tiers.tcss"]
    SHOWN_AT_ANY_SIZE = True
    """Never covered by the too-small notice: a person in crisis in a small window still sees the numbers."""

    def compose(self) -> ComposeResult:
        session = self.session
        with FocusScroll(id="dialog"):
            yield Markdown(help_now_markdown(session.guide, session.region_code, session.clinic), id="help-now-text")
            yield UrgencyTiersView(id="tiers")
            yield Markdown(help_now_body(session.guide), id="help-now-body")
        yield Banner(banner_text(session.clinic))
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one(UrgencyTiersView).show_tiers(urgency_tiers(self.session.guide))
        self.app.region_changed_signal.subscribe(self, self.region_changed)
        self.query_one("#dialog").focus()

    async def region_changed(self, _region_code: str | None) -> None:
        await self.recompose()
        self.query_one(UrgencyTiersView).show_tiers(urgency_tiers(self.session.guide))
        self.query_one("#dialog").focus()
