"""What the screens look like, at the smallest supported common size and a large one.

Review changes with the HTML report pytest writes on failure; accept them with
``pytest tests/test_snapshots.py --snapshot-update``.
"""

from __future__ import annotations

import pytest

from recovery_guide.loader import load_guide
from recovery_guide.tui.app import RecoveryGuideApp

SIZES = [(80, 24), (120, 40)]


def make_app(**options) -> RecoveryGuideApp:
    return RecoveryGuideApp(load_guide("en"), **options)


@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
def test_welcome(snap_compare, size):
    assert snap_compare(make_app(), terminal_size=size)


@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
def test_reading_research_screen(snap_compare, size):
    async def open_alcohol_research(pilot):
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("n", "n", "n")
        await pilot.pause()

    assert snap_compare(make_app(), terminal_size=size, run_before=open_alcohol_research)


@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
def test_get_help_now_for_the_us(snap_compare, size):
    async def open_help(pilot):
        await pilot.press("h")
        await pilot.pause()

    assert snap_compare(make_app(region_code="US"), terminal_size=size, run_before=open_help)
