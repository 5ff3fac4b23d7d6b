"""Kiosk mode (issue 16): the guide on a shared screen keeps nothing of a reader, cannot be left by a
reader, starts over when left alone, and sends handouts only where the clinic allows."""

from __future__ import annotations

import os
import stat
from dataclasses import replace
from pathlib import Path

import pytest

from recovery_guide import i18n
from recovery_guide.cli import main
from recovery_guide.guide_content.folder import ContentFolder
from recovery_guide.model import KioskSettings
from recovery_guide.session import Session
from recovery_guide.tui.app import RecoveryGuideApp
from recovery_guide.tui.screens.dialogs import Confirm
from recovery_guide.tui.screens.kiosk import HandoutOnScreen, IdleNotice, StaffExit
from recovery_guide.tui.screens.reader import ReaderScreen
from recovery_guide.tui.screens.welcome import WelcomeScreen
from tests.helpers import ONE_LINE, acknowledge, record_notifications, settle, type_text, visible_text

KIOSK = KioskSettings(enabled=True, staff_code="4711")


def kiosk_app(guide, **settings) -> RecoveryGuideApp:
    return RecoveryGuideApp(Session(guide, ContentFolder(), kiosk=replace(KIOSK, **settings)))


async def reading_with_a_question(app, pilot) -> None:
    """Past the welcome screen, with one question in My questions and one answer in What matters to me."""
    await acknowledge(pilot)
    await settle(pilot, lambda: isinstance(app.screen, ReaderScreen))
    await pilot.press("s", "s")
    await settle(pilot, lambda: len(app.session.my_questions) == 1)
    item = app.session.guide.values.items[0]
    app.session.rate_value(item.id, app.session.guide.values.levels[0].id)
    assert app.session.my_values


@pytest.mark.slow
async def test_no_reader_key_leaves_the_guide(guide):
    """Before kiosk mode q, Ctrl+C and Ctrl+Q ended the app (with nothing in the list, at once).

    One start-up tries every key, on the reading screen and in a dialog, as one reader would (it
    was one start-up per key: the keys change nothing, so each starts from the same place)."""
    app = kiosk_app(guide)
    async with app.run_test(size=(80, 24)) as pilot:
        await acknowledge(pilot)
        await settle(pilot, lambda: isinstance(app.screen, ReaderScreen))
        for key in ("q", "ctrl+c", "ctrl+q", "ctrl+z"):
            await pilot.press(key)
            await settle(pilot)
            assert app.is_running and app.return_code is None, f"{key} on the reading screen"
            assert isinstance(app.screen, ReaderScreen), f"{key} on the reading screen opened {type(app.screen).__name__}"
            await pilot.press("m")  # from a dialog too (My questions binds Quit as app.quit)
            await settle(pilot, lambda: not isinstance(app.screen, ReaderScreen))
            dialog = app.screen
            await pilot.press(key)
            await settle(pilot)
            assert app.is_running and app.return_code is None, f"{key} in My questions"
            assert app.screen is dialog, f"{key} in My questions closed it or opened {type(app.screen).__name__}"
            assert "Quit" not in visible_text(app), "the key bar offers no Quit on a shared screen"
            await pilot.press("escape")
            await settle(pilot, lambda: isinstance(app.screen, ReaderScreen))


@pytest.mark.slow
async def test_start_over_clears_the_list_and_the_clipboard_after_confirming(guide):
    """What the last reader added, and what they copied in a text box, is not there for the next
    reader (one start-up; the clipboard was a start-up of its own)."""
    app = kiosk_app(guide)
    async with app.run_test(size=(80, 24)) as pilot:
        await reading_with_a_question(app, pilot)
        app.copy_to_clipboard("will my HIV status be shared")
        await pilot.press("o")
        await settle(pilot, lambda: isinstance(app.screen, Confirm))
        await pilot.press("escape")  # changed their mind: nothing cleared
        await settle(pilot, lambda: isinstance(app.screen, ReaderScreen))
        assert len(app.session.my_questions) == 1
        await pilot.press("o")
        await settle(pilot, lambda: isinstance(app.screen, Confirm))
        app.screen.query_one("#confirm-yes").press()
        await settle(pilot, lambda: isinstance(app.screen, WelcomeScreen) and app.screen.query("#acknowledge"))
        assert len(app.session.my_questions) == 0 and not app.session.my_values
        assert "Welcome to Recovery Guide" in visible_text(app) and app.focused is app.screen.query_one("#acknowledge")
        assert app.clipboard == ""


@pytest.mark.slow
async def test_idle_notice_then_reset_in_the_clinic_language(guide):
    """A key during the notice cancels the reset. A reader who walked away: the notice in their
    language, then welcome in the clinic's language, with My questions and What matters to me cleared
    and the open dialog closed. One start-up (the cancelled reset was one of its own)."""
    app = kiosk_app(guide, idle_minutes=1, default_language="en")
    async with app.run_test(size=(80, 24)) as pilot:
        await reading_with_a_question(app, pilot)
        # first a key during the notice: it only closes the notice (not the next page) and cancels the reset
        page = app.reader.index
        app.kiosk.last_activity -= 60
        await settle(pilot, lambda: isinstance(app.screen, IdleNotice), timeout=20)
        await pilot.press("n")
        await settle(pilot, lambda: isinstance(app.screen, ReaderScreen))
        assert app.reader.index == page
        assert len(app.session.my_questions) == 1
        # then the reader walks away
        await app.switch_language("es")
        await pilot.press("m")  # a dialog left open
        await settle(pilot, lambda: app.screen.query("#keep-help"))
        app.kiosk.last_activity -= 60  # a minute without a key (the clock is not waited on: a busy machine is slow)
        await settle(pilot, lambda: isinstance(app.screen, IdleNotice), timeout=20)
        spanish = i18n.load_catalog("es").gettext("Still reading? Press any key.")
        assert spanish != "Still reading? Press any key." and spanish in visible_text(app)
        app.screen.deadline -= 30  # the 30 seconds are over
        welcome = app.screen_stack[0]
        await settle(pilot, lambda: len(app.screen_stack) == 1 and not welcome.retired, timeout=20)
        assert app.session.guide.language.code == "en"
        assert len(app.session.my_questions) == 0 and not app.session.my_values
        assert "Welcome to Recovery Guide" in visible_text(app) and app.focused is welcome.query_one("#acknowledge")


@pytest.mark.slow
async def test_nothing_is_written_under_home_after_questions_and_a_handout(guide, tmp_path, monkeypatch):
    home = tmp_path / "home"
    home.mkdir()
    for variable, folder in (("HOME", home), ("XDG_DATA_HOME", home / "data"), ("XDG_CONFIG_HOME", home / "config"), ("XDG_CACHE_HOME", home / "cache"), ("XDG_STATE_HOME", home / "state")):
        monkeypatch.setenv(variable, str(folder))
    app = kiosk_app(guide)
    async with app.run_test(size=(80, 24)) as pilot:
        await reading_with_a_question(app, pilot)
        await pilot.press("t")  # a theme change is saved when saving is on
        await pilot.press("m")
        await settle(pilot, lambda: app.screen.query("#keep-help"))
        assert not app.screen.query("#keep") and not app.screen.query("#forget"), "saving is not offered"
        await pilot.press("escape")
        await pilot.press("x")
        await settle(pilot, lambda: isinstance(app.screen, HandoutOnScreen))
        assert app.session.my_questions.entries[0].text[:30] in visible_text(app)
        assert app.session.set_saving(True) is not None and not app.session.saving
    assert [path for path in home.rglob("*")] == []


@pytest.mark.slow
async def test_handout_goes_into_the_clinic_folder(guide, tmp_path):
    app = kiosk_app(guide, handout_folder=str(tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        await reading_with_a_question(app, pilot)
        await pilot.press("x")
        await settle(pilot, lambda: list(tmp_path.iterdir()))
    written = list(tmp_path.iterdir())
    assert len(written) == 1
    assert guide.pages[1].questions[0].text[:30] in written[0].read_text(encoding="utf-8")


@pytest.mark.slow
async def test_handout_printed_through_lp_with_a_list_of_arguments(guide, tmp_path, monkeypatch):
    """A fake ``lp`` records its arguments and what it was given to print."""
    bin_folder = tmp_path / "bin"
    bin_folder.mkdir()
    lp = bin_folder / "lp"
    lp.write_text(f'#!/bin/sh\nprintf "%s\\n" "$@" > {tmp_path}/argv\ncat > {tmp_path}/printed\n')
    lp.chmod(lp.stat().st_mode | stat.S_IEXEC)
    monkeypatch.setenv("PATH", f"{bin_folder}{os.pathsep}{os.environ['PATH']}")
    app = kiosk_app(guide, printer="front-desk")
    async with app.run_test(size=(80, 24)) as pilot:
        shown = record_notifications(app)
        await reading_with_a_question(app, pilot)
        await pilot.press("x")
        await settle(pilot, lambda: any("sent to the printer" in message for message in shown))
    assert (tmp_path / "argv").read_text().split("\n")[:3] == ["-d", "front-desk", "-t"]
    assert guide.pages[1].questions[0].text[:30] in (tmp_path / "printed").read_text(encoding="utf-8")


@pytest.mark.slow
async def test_a_printer_that_fails_is_reported_in_the_reader_language(guide, tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path))  # no lp at all
    app = kiosk_app(guide, printer="front-desk")
    async with app.run_test(size=(80, 24)) as pilot:
        shown = record_notifications(app)
        await reading_with_a_question(app, pilot)
        await app.switch_language("es")
        await pilot.press("x")
        expected = i18n.load_catalog("es").gettext("Could not print the handout: {reason}. Please ask the front desk for help.").split("{")[0]
        await settle(pilot, lambda: any(expected in message for message in shown))
        assert app.is_running


@pytest.mark.slow
async def test_palette_has_no_quit_theme_file_saving_or_screenshot(guide):
    from recovery_guide.tui.commands import GuideCommands

    app = kiosk_app(guide)
    async with app.run_test(size=(80, 24)) as pilot:
        titles = [command.title for command in GuideCommands(app.screen)._commands()]
        assert "Start over — clears my questions" in titles
        for forbidden in ("Quit", "Saving on or off", "Forget everything"):
            assert forbidden not in titles
        assert not any("screenshot" in title.lower() or "theme file" in title.lower() for title in titles)
        app.action_screenshot()
        await settle(pilot)
        assert app.is_running


@pytest.mark.parametrize(
    ("line", "field"),
    [
        ("idle_minutes: 0", "idle_minutes"),
        ("idle_minutes: soon", "idle_minutes"),
        ("staff_code: '12'", "staff_code"),
        ("handout_folder: /no/such/folder", "handout_folder"),
        ("printer: '-o evil'", "printer"),
        ("default_language: xx", "default_language"),
        ("kiosk: maybe", "kiosk"),
    ],
)
def test_bad_kiosk_values_are_one_located_line(tmp_path, capsys, line, field):
    clinic = tmp_path / "clinic.yaml"
    clinic.write_text(f"name: Riverside\n{line}\n", encoding="utf-8")
    assert main(["--kiosk", "--clinic", str(clinic)]) == 2
    error = capsys.readouterr().err.strip()
    assert len(error.splitlines()) == 1 and ONE_LINE.match(error.removeprefix("recovery-guide: "))
    assert f"clinic.yaml:2: {field}:" in error


def test_kiosk_refuses_the_line_by_line_mode(tmp_path, capsys):
    assert main(["--kiosk", "--plain"]) == 2
    assert "kiosk mode needs the full-screen guide" in capsys.readouterr().err


@pytest.mark.slow
async def test_typing_in_a_dialog_counts_as_activity(guide):
    """A reader typing a question is still there: each key they type puts the idle time back to its start."""
    from recovery_guide.tui.screens.dialogs import TextPrompt

    app = kiosk_app(guide, idle_minutes=1)
    async with app.run_test(size=(80, 24)) as pilot:
        await acknowledge(pilot)
        await settle(pilot, lambda: isinstance(app.screen, ReaderScreen))
        await pilot.press("a")
        await settle(pilot, lambda: isinstance(app.screen, TextPrompt))
        app.kiosk.last_activity -= 59  # nearly a minute without a key
        await type_text(pilot, "why")
        await settle(pilot)
        app.kiosk._check_idle()
        assert not isinstance(app.screen, IdleNotice) and app.screen.query_one("#prompt-input").value == "why"
        app.kiosk.last_activity -= 61
        app.kiosk._check_idle()
        await settle(pilot, lambda: isinstance(app.screen, IdleNotice))


@pytest.mark.slow
async def test_an_untouched_welcome_screen_is_not_interrupted(guide):
    """Nobody has used the screen: no "Still reading?" every few minutes over the welcome screen."""
    app = kiosk_app(guide, idle_minutes=1)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, lambda: app.screen.query("#acknowledge"))
        app.kiosk.last_activity -= 61
        app.kiosk._check_idle()
        await settle(pilot)
        assert isinstance(app.screen, WelcomeScreen)
        await pilot.press("l")  # the language list left open: that is not untouched
        await settle(pilot, lambda: not isinstance(app.screen, WelcomeScreen))
        app.kiosk.last_activity -= 61
        app.kiosk._check_idle()
        await settle(pilot, lambda: isinstance(app.screen, IdleNotice))


@pytest.mark.slow
async def test_the_too_small_notice_does_not_offer_quit(guide):
    app = kiosk_app(guide)
    async with app.run_test(size=(40, 12)) as pilot:
        await settle(pilot, lambda: "Please make this window larger" in visible_text(app))
        assert "Press h for help lines." in visible_text(app) and "q to quit" not in visible_text(app)


@pytest.mark.slow
async def test_in_a_browser_the_idle_reset_ends_the_app(guide, monkeypatch):
    """``recovery-guide serve`` ends a browser session left alone by this: the app exits instead of starting over."""
    monkeypatch.setattr(RecoveryGuideApp, "is_web", property(lambda self: True))
    app = kiosk_app(guide, idle_minutes=1)
    async with app.run_test(size=(80, 24)) as pilot:
        await reading_with_a_question(app, pilot)
        app.kiosk.last_activity -= 60
        await settle(pilot, lambda: isinstance(app.screen, IdleNotice))
        app.screen.deadline -= 30
        await settle(pilot, lambda: not app.is_running)
    assert app.return_code == 0


def test_a_staff_code_yaml_would_read_as_another_number_is_refused(tmp_path):
    """``staff_code: 0042`` is the number 34 to YAML: staff would be locked out with the code they wrote."""
    from recovery_guide.clinic import load_clinic
    from recovery_guide.guide_content.yaml_source import ContentError

    path = tmp_path / "clinic.yaml"
    path.write_text("name: Riverside\nkiosk: true\nstaff_code: 0042\n", encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        load_clinic(path)
    assert 'write 0042 in quotes, like "0042"' in str(caught.value)
    assert ":3:" in str(caught.value)
    path.write_text('name: Riverside\nkiosk: true\nstaff_code: "0042"\n', encoding="utf-8")
    assert load_clinic(path).kiosk.staff_code == "0042"


@pytest.mark.slow  # a long app flow: about 3.5 s
async def test_in_a_browser_a_kiosk_handout_is_a_download_not_a_file_in_the_clinic_folder(guide, tmp_path, monkeypatch):
    """``serve --kiosk``: the reader's browser gets the handout; the clinic's folder on the server stays empty."""
    monkeypatch.setattr(RecoveryGuideApp, "is_web", property(lambda self: True))
    delivered = []
    monkeypatch.setattr(RecoveryGuideApp, "deliver_text", lambda self, stream, save_filename=None, **kwargs: delivered.append((save_filename, stream.read())))
    app = kiosk_app(guide, handout_folder=str(tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        await reading_with_a_question(app, pilot)
        await pilot.press("x")
        await settle(pilot, lambda: delivered)
    assert list(tmp_path.iterdir()) == []
    name, text = delivered[0]
    assert name.endswith(".html") and guide.pages[1].questions[0].text[:30] in text


@pytest.mark.slow  # a long app flow: about 4 s
async def test_in_a_browser_tab_saving_is_not_offered(guide, monkeypatch, tmp_path):
    """``recovery-guide serve`` runs each tab's guide on the clinic's computer, not the reader's: My
    questions says nothing is saved (no "Keep my list" or "Forget everything"), the palette offers
    neither, and turning saving on is refused with the reason."""
    from recovery_guide.cli import make_session
    from recovery_guide.cli import build_parser
    from recovery_guide.session import SERVED_VARIABLE
    from recovery_guide.tui.screens.my_questions import MyQuestionsScreen
    from textual.widgets import Button

    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv(SERVED_VARIABLE, "1")
    session = make_session(build_parser().parse_args(["--lang", "en"]))
    assert not session.saving_offered
    assert "nothing is saved" in (session.set_saving(True) or "") and not session.saving
    app = RecoveryGuideApp(session)
    async with app.run_test(size=(80, 24)) as pilot:
        await acknowledge(pilot)
        await settle(pilot, lambda: isinstance(app.screen, ReaderScreen))
        await pilot.press("m")
        await settle(pilot, lambda: isinstance(app.screen, MyQuestionsScreen))
        buttons = {button.id for button in app.screen.query(Button)}
        assert "keep" not in buttons and "forget" not in buttons
        assert "nothing is saved" in visible_text(app.screen)
        assert not app.check_action("in_my_questions('toggle_saving')", ())
        await pilot.press("escape")
        await settle(pilot, lambda: isinstance(app.screen, ReaderScreen))
        await pilot.press("s", "s")  # a question on the list (as reading_with_a_question), so quitting asks first
        await settle(pilot, lambda: len(app.session.my_questions) == 1)
        await pilot.press("q")
        await settle(pilot, lambda: app.screen.query("#quit-handout"))
        assert not app.screen.query("#quit-keep"), "a browser tab offers no keeping"
    assert not any(tmp_path.rglob("*.json"))


@pytest.mark.slow  # a long app flow: about 3 s
async def test_the_staff_code_closes_the_guide_a_wrong_one_does_not_and_five_wrong_lock_it_for_a_minute(guide):
    """A wrong code leaves the guide open; a reader cannot try every four-digit code: after 5 wrong
    ones even the right one is refused for a minute (an adversarial review found the code in 43
    tries); then the right one closes the guide. One start-up (it was two)."""
    app = kiosk_app(guide, staff_code="4711")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+x")
        await settle(pilot, lambda: isinstance(app.screen, StaffExit))
        await type_text(pilot, "1234")
        await pilot.press("enter")
        await settle(pilot, lambda: "not the staff code" in visible_text(app))
        assert app.is_running
        for guess in ("0001", "0002", "0003", "0004"):
            await type_text(pilot, guess)
            await pilot.press("enter")
        await type_text(pilot, "4711")
        await pilot.press("enter")
        await settle(pilot, lambda: "Too many tries" in visible_text(app.screen))
        assert app.is_running
        app.kiosk.codes_locked_until = 0
        await type_text(pilot, "4711")
        await pilot.press("enter")
        await settle(pilot, lambda: not app.is_running)
        assert app.return_code == 0


@pytest.mark.slow  # a long app flow (a question, then the help lines over a busy printer): about 3 s
async def test_a_slow_printer_does_not_freeze_the_screen(guide, tmp_path, monkeypatch):
    """``lp`` runs beside the app: keys keep working while it waits on the printer."""
    import threading

    release = threading.Event()
    monkeypatch.setattr("recovery_guide.tui.kiosk.print_handout", lambda text, printer: (release.wait(20), None)[1])
    app = kiosk_app(guide, printer="front-desk")
    async with app.run_test(size=(80, 24)) as pilot:
        shown = record_notifications(app)
        await reading_with_a_question(app, pilot)
        await pilot.press("x")
        await pilot.press("h")  # help lines open while the printer is still busy
        await settle(pilot, lambda: type(app.screen).__name__ != "ReaderScreen", timeout=30, workers=False)  # a deadline on a loaded machine, not a wait
        assert not release.is_set() and not any("sent to the printer" in message for message in shown)
        release.set()
        await settle(pilot, lambda: any("sent to the printer" in message for message in shown))


async def test_the_welcome_screen_on_a_shared_screen_does_not_offer_q_to_quit(guide):
    """q does nothing on a shared screen, so its welcome text does not tell a reader to press it."""
    app = kiosk_app(guide)
    async with app.run_test(size=(100, 60)) as pilot:
        await settle(pilot, lambda: "Press c to see the contents" in visible_text(app))
        assert "Press q to quit" not in visible_text(app)
