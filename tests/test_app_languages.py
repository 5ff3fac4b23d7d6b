"""Switching language in the running app: same screen, same place; footer and help follow; e shows English."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time

import pytest
from textual.widgets import OptionList

from recovery_guide import i18n
from recovery_guide.loader import load_guide
from recovery_guide.tui.app import RecoveryGuideApp
from recovery_guide.tui.screens.keys_help import KeysHelpScreen
from recovery_guide.tui.screens.languages import LanguagePicker
from recovery_guide.tui.screens.reader import ReaderScreen
from tests.test_app import visible_text

LANGUAGES = ["es", "fr", "de", "pt_BR", "zh_Hans", "vi"]


async def choose_language(app, pilot, code: str) -> None:
    await pilot.press("l")
    await pilot.pause()
    assert isinstance(app.screen, LanguagePicker)
    options = app.screen.query_one(OptionList)
    options.highlighted = app.screen.codes.index(code)
    await pilot.press("enter")
    await pilot.pause(0.2)


def footer_descriptions(app) -> set[str]:
    return {active.binding.description for active in app.screen.active_bindings.values()}


@pytest.mark.parametrize(("start", "code"), [(4, "es"), (8, "zh_Hans"), (12, "de")])
async def test_switching_language_keeps_the_screen_and_translates_everything(start, code):
    english = load_guide("en")
    translated = load_guide(code)
    app = RecoveryGuideApp(english, acknowledged=True)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        app.screen.go_to(start)
        await pilot.pause()
        assert english.screens[start].title in visible_text(app)
        await choose_language(app, pilot, code)
        assert isinstance(app.screen, ReaderScreen)
        assert app.screen.index == start, "the reader stays on the same screen"
        text = visible_text(app)
        assert translated.screens[start].title in text
        assert english.screens[start].title not in text
        assert i18n._("Next") in footer_descriptions(app) and "Next" not in footer_descriptions(app)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, KeysHelpScreen)
        assert i18n._("Previous screen") in visible_text(app)


async def test_language_switch_keeps_the_scroll_position():
    app = RecoveryGuideApp(load_guide("en"), acknowledged=True)
    async with app.run_test(size=(100, 30)) as pilot:
        app.screen.go_to(8)
        await pilot.pause()
        await pilot.press("pagedown")
        await pilot.pause()
        pane = app.screen.query_one("#reading")
        before = pane.scroll_y
        assert before > 0
        await choose_language(app, pilot, "fr")
        assert app.screen.query_one("#reading").scroll_y == pytest.approx(before, abs=3)


async def test_e_shows_the_english_original_and_back():
    english, spanish = load_guide("en"), load_guide("es")
    i18n.set_language("es")
    app = RecoveryGuideApp(spanish, acknowledged=True)
    async with app.run_test(size=(100, 30)) as pilot:
        app.screen.go_to(5)
        await pilot.pause()
        assert spanish.screens[5].title in visible_text(app)
        await pilot.press("e")
        await pilot.pause(0.2)
        text = visible_text(app)
        assert english.screens[5].title in text and spanish.screens[5].title not in text
        await pilot.press("e")
        await pilot.pause(0.2)
        assert spanish.screens[5].title in visible_text(app)


async def test_welcome_switches_language_before_acknowledging():
    app = RecoveryGuideApp(load_guide("en"))
    async with app.run_test(size=(100, 30)) as pilot:
        await choose_language(app, pilot, "vi")
        assert load_guide("vi").screens[0].acknowledge in visible_text(app)
        assert load_guide("vi").language.review_status in visible_text(app)


@pytest.mark.parametrize("code", LANGUAGES)
def test_welcome_snapshot_in_every_language(snap_compare, code):
    i18n.set_language(code)
    assert snap_compare(RecoveryGuideApp(load_guide(code)), terminal_size=(80, 24))


@pytest.mark.skipif(shutil.which("tmux") is None and not os.environ.get("CI"), reason="tmux is not installed")
def test_spanish_locale_in_a_real_terminal(tmp_path):
    from pathlib import Path

    command = Path(sys.executable).with_name("recovery-guide")
    session = f"recovery-guide-es-{os.getpid()}"

    def screen() -> str:
        return subprocess.run(["tmux", "capture-pane", "-p", "-t", session], capture_output=True, text=True).stdout

    def wait_for(text: str) -> str:
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline:
            shown = screen()
            if text in shown:
                return shown
            time.sleep(0.2)
        raise AssertionError(f"{text!r} never appeared:\n{screen()}")

    spanish, german = load_guide("es"), load_guide("de")
    environment = f"env -u LC_ALL -u LANGUAGE -u LC_MESSAGES LANG=es_ES.UTF-8 TERM=xterm-256color HOME={tmp_path}"
    subprocess.run(["tmux", "new-session", "-d", "-s", session, "-x", "100", "-y", "30", "-c", str(tmp_path), f"{environment} {command}; sleep 5"], check=True)
    try:
        wait_for(spanish.screens[0].title[:20])
        subprocess.run(["tmux", "send-keys", "-t", session, "Enter"], check=True)
        wait_for(spanish.screens[1].title[:20])
        subprocess.run(["tmux", "send-keys", "-t", session, "l"], check=True)
        wait_for("Deutsch")
        codes = i18n.available_languages()
        steps = codes.index("de") - codes.index("es")
        keys = ["Up"] * -steps if steps < 0 else ["Down"] * steps
        subprocess.run(["tmux", "send-keys", "-t", session, *keys, "Enter"], check=True)
        wait_for(german.screens[1].title[:20])
    finally:
        subprocess.run(["tmux", "kill-session", "-t", session], capture_output=True)
