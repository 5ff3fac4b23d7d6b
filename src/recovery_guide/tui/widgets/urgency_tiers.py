"""The three urgency tiers on Get help now as a picture: one bordered row per tier, most urgent first.

Each row says its tier in words ("NOW: call your emergency number") after its symbol ("!!!"), and its
border differs in weight and style as well as colour (``urgency_tiers.tcss``), so the tiers are told
apart without colour. Words go in as ``Text`` (never markup).
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static

from recovery_guide import wording
from recovery_guide.view.blocks import UrgencyTiers


class UrgencyTiersView(Vertical):
    """The tiers of the page being read; hidden on pages without them."""

    def compose(self) -> ComposeResult:
        yield Static(id="tiers-heading", classes="box-heading", markup=False)
        for tier in ("now", "today", "next-visit"):
            yield Static(classes=f"tier tier-{tier}", markup=False)

    def show_tiers(self, block: UrgencyTiers | None) -> None:
        self.display = block is not None
        if block is None:
            return
        self.query_one("#tiers-heading", Static).update(Text(wording.urgency_tiers_heading()))
        for row, (tier, symbol, words) in zip(self.query(".tier").results(Static), block.rows):
            row.set_classes(f"tier tier-{tier}")
            row.update(Text(f"{symbol:<3} {words}"))
