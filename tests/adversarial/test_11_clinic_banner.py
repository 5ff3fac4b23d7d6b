"""Issue 15, item 11: whatever a clinic file holds, the banner and every dialog stay usable at
60x20. The banner takes at most a few lines and scrolls inside its own area: a five-line ``hours``
must not push Get help now's numbers off screen, and 40 lines must not collapse the dialog."""

from __future__ import annotations

import pytest

from recovery_guide.clinic import load_clinic
from recovery_guide.session import Session
from recovery_guide.storage import Store
from recovery_guide.tui.app import RecoveryGuideApp
from recovery_guide.tui.screens.help_now import HelpNowScreen
from tests.helpers import settle

BANNER_MOST = 5
"""Rows the banner may take at 60x20 (the provider notice in any language, then the clinic)."""

HOURS = {
    "five lines": "\n".join(f"Day {n}: 9 am to 5 pm" for n in range(1, 6)),
    "forty lines": "\n".join(f"Line {n} of the opening hours" for n in range(1, 41)),
    "one long line": "open " * 380,
}


def clinic_file(tmp_path, hours: str):
    path = tmp_path / "clinic.yaml"
    indented = "\n".join("  " + line for line in hours.splitlines())
    path.write_text(f'name: Riverside Recovery Clinic\nphone: "555 0100"\nhours: |\n{indented}\n', encoding="utf-8")
    return load_clinic(path)


@pytest.mark.slow
@pytest.mark.parametrize("hours", HOURS.values(), ids=HOURS.keys())
async def test_help_numbers_stay_on_screen_at_60x20(guide, tmp_path, hours):
    app = RecoveryGuideApp(Session(guide, clinic=clinic_file(tmp_path, hours), store=Store(tmp_path / "data")), acknowledged=True)
    async with app.run_test(size=(60, 20)) as pilot:
        await settle(pilot)
        reader_banner = app.screen.query_one("#banner")
        assert reader_banner.outer_size.height <= BANNER_MOST, reader_banner.outer_size
        await pilot.press("h")
        await settle(pilot, lambda: isinstance(app.screen, HelpNowScreen))
        screen = app.screen
        banner, dialog = screen.query_one("#banner"), screen.query_one("#dialog")
        assert banner.outer_size.height <= BANNER_MOST, banner.outer_size
        assert banner.region.bottom <= 20 and dialog.region.y >= 0
        assert dialog.scrollable_content_region.height >= 8, dialog.scrollable_content_region
        if hours.count("\n") > 10 or len(hours) > 1000:
            assert banner.max_scroll_y > 0, "the rest of the banner scrolls inside it"


def heavy_clinic(tmp_path):
    """The most a clinic file may hold: a 120-character name, long hours, 30 long questions."""
    path = tmp_path / "heavy.yaml"
    questions = "\n".join(f"  - Question {n}, " + "what should I know about this part of my care " * 10 for n in range(1, 31))
    hours = "\n".join(f"  Line {n} of the opening hours" for n in range(1, 41))
    path.write_text(f'name: {"N" * 120}\nphone: "555 0100 " \nhours: |\n{hours}\nquestions:\n{questions}\n', encoding="utf-8")
    return load_clinic(path)


DIALOG_KEYS = ["h", "m", "x", "question_mark", "l", "g", "slash", "w", "q"]


@pytest.mark.slow
async def test_every_dialog_keeps_its_place_at_60x20(guide, tmp_path):
    """One start-up opens each dialog in turn and closes it (it was one start-up a dialog)."""
    session = Session(guide, clinic=heavy_clinic(tmp_path), store=Store(tmp_path / "data"), handout_folder=tmp_path)
    app = RecoveryGuideApp(session, acknowledged=True)
    async with app.run_test(size=(60, 20)) as pilot:
        await settle(pilot)
        session.add_own("Is it safe with my pills?", None)  # so x opens the handout dialog and q asks first
        reader = app.screen
        for key in DIALOG_KEYS:
            await pilot.press(key)
            await settle(pilot, lambda: app.screen is not reader)
            dialog = app.screen.query_one("#dialog")
            assert dialog.region.height >= 8 and dialog.region.bottom <= 20, (key, dialog.region)
            for banner in app.screen.query("#banner"):
                assert banner.outer_size.height <= BANNER_MOST, key
            await pilot.press("escape")
            await settle(pilot, lambda: app.screen is reader)
