"""The three urgency tiers as a picture (the safety screen and Get help now): one bordered box per
tier, most urgent first, its signs inside it.

Each box says its tier in words ("NOW: call your emergency number") after its symbol ("!!!"), then
lists its signs; its border differs in weight and style as well as colour (``urgency_tiers.tcss``), so
the tiers are told apart without colour. Words go in as ``Text`` (never markup): they are content.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static

from recovery_guide import wording
from recovery_guide.i18n import in_language
from recovery_guide.view.blocks import UrgencyTiers


def tier_text(block: UrgencyTiers, index: int) -> Text:
    """One tier's box: its symbol and heading in bold, then its signs, one to a line."""
    tier = block.tiers[index]
    text = Text()
    text.append(f"{block.symbol(tier):<3} {tier.heading}", style="bold")
    for sign in tier.signs:
        text.append(f"\n- {sign}")
    return text


class UrgencyTiersView(Vertical):
    """The tiers of the page being read; hidden on pages without them."""

    def compose(self) -> ComposeResult:
        yield Static(id="tiers-heading", classes="box-heading", markup=False)
        for tier in ("now", "today", "next-visit"):
            yield Static(classes=f"tier tier-{tier}", markup=False)
        yield Static(id="tiers-unsure", markup=False)

    def show_tiers(self, block: UrgencyTiers | None) -> None:
        """Show ``block`` (None hides the box), its heading in the language of the screen that holds the tiers."""
        self.display = block is not None
        if block is None:
            return
        with in_language(block.language):
            heading = wording.urgency_tiers_heading()
        self.query_one("#tiers-heading", Static).update(Text(heading))
        rows = list(self.query(".tier").results(Static))
        for index, row in enumerate(rows):
            shown = index < len(block.tiers)
            row.display = shown
            if shown:
                row.set_classes(f"tier tier-{block.tiers[index].id}")
                row.update(tier_text(block, index))
        unsure = self.query_one("#tiers-unsure", Static)
        unsure.display = bool(block.unsure)
        unsure.update(Text(block.unsure or ""))
