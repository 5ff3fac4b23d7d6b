"""Hostile and broken input, random key presses, and proof that the guide stays private."""

from __future__ import annotations

import random
import socket
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from textual import events

from recovery_guide import i18n, wording
from recovery_guide.clinic import load_clinic
from recovery_guide.guide_content.folder import ContentFolder, load_guide
from recovery_guide.guide_content.yaml_source import ContentError
from recovery_guide.storage import Store
from recovery_guide.session import Session
from recovery_guide.tui.app import RecoveryGuideApp
from recovery_guide.tui.screens.reader import ReaderScreen
from recovery_guide.tui.widgets.key_bar import KeyBar
from tests.helpers import ONE_LINE, THOROUGH, acknowledge, add_question, make_handout, run, settle, visible_text

# --- bad values on the command line --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (("print", "--lang", "xx"), "unknown language 'xx'"),
        (("print", "--region", "ZZ"), "unknown region 'ZZ'"),
        (("--theme", "neon"), "unknown theme 'neon'"),
        (("print", "--content", "/no/such/folder"), "content folder not found"),
        (("print", "--format", "pdf"), "invalid choice"),
    ],
)
def test_bad_option_values_give_one_line_and_exit_2(args, expected):
    result = run(*args)
    assert result.returncode == 2
    assert expected in result.stderr
    assert "Traceback" not in result.stderr


def test_a_content_folder_without_english_is_refused(tmp_path):
    (tmp_path / "es").mkdir()
    result = run("print", "--content", str(tmp_path))
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert str(tmp_path / "en") in result.stderr


def test_a_file_given_as_content_folder_is_refused(tmp_path):
    (tmp_path / "file").write_text("x")
    result = run("print", "--content", str(tmp_path / "file"))
    assert result.returncode == 2 and "content folder not found" in result.stderr


# --- terminal control sequences in content and clinic files ----------------------------------------------

HOSTILE = r"\e]0;owned\a\e[2J\e[31mred\x9b1m\b\x07"
"""YAML escapes that decode to ESC, OSC, CSI, backspace and bell characters."""


def _poison(content: Path) -> None:
    path = content / "en" / "screens" / "02-ketamine-basics.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("title: Ketamine in brief", f'title: "Ketamine {HOSTILE}in brief"', 1)
    path.write_text(text, encoding="utf-8")


def test_control_sequences_in_content_never_reach_print(content_copy):
    _poison(content_copy)
    result = run("print", "--content", str(content_copy))
    assert result.returncode == 0, result.stderr
    assert "Ketamine ]0;owned[2J[31mred1min brief" in result.stdout, "the text stays, the control characters go"
    assert not any(char in result.stdout for char in "\x1b\x07\x08\x9b")
    html = run("print", "--format", "html", "--content", str(content_copy)).stdout
    assert not any(char in html for char in "\x1b\x07\x08\x9b")


@pytest.mark.slow
async def test_control_sequences_in_content_and_clinic_never_reach_the_app_or_handout(content_copy, tmp_path):
    _poison(content_copy)
    clinic_file = tmp_path / "clinic.yaml"
    clinic_file.write_text(f'name: "Clinic {HOSTILE}"\nphone: "555 {HOSTILE}0100"\nquestions:\n  - "Ask {HOSTILE}this"\n', encoding="utf-8")
    clinic = load_clinic(clinic_file)
    guide = load_guide("en", content_copy)
    app = RecoveryGuideApp(Session(guide, ContentFolder(content_copy), clinic=clinic, store=Store(tmp_path / "data"), handout_folder=tmp_path))
    async with app.run_test(size=(100, 40)) as pilot:
        await acknowledge(pilot)
        text = visible_text(app)
        assert "Ketamine ]0;owned" in text and "Clinic ]0;owned" in text
        assert not any(char in text for char in "\x1b\x07\x08\x9b")
        await add_question(pilot, 0)
        await make_handout(pilot, tmp_path / "handout.txt")
    handout = (tmp_path / "handout.txt").read_text(encoding="utf-8")
    assert "Clinic ]0;owned" in handout
    assert not any(char in handout for char in "\x1b\x07\x08\x9b")


# --- property-based: the clinic-file parser ------------------------------------------------------------

_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=30),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.sampled_from(["name", "phone", "hours", "questions", "text", "x"]), children, max_size=4),
    max_leaves=12,
)


@pytest.mark.slow
@settings()  # the profile's number of examples (tests/conftest.py)
@given(document=st.dictionaries(st.sampled_from(["name", "phone", "hours", "questions", "extra"]), _values, max_size=5))
def test_clinic_parser_accepts_or_explains_any_structure(tmp_path, document):
    import yaml

    path = tmp_path / "clinic.yaml"
    path.write_text(yaml.safe_dump(document, allow_unicode=True), encoding="utf-8")
    try:
        clinic = load_clinic(path)
    except ContentError as error:
        assert ONE_LINE.match(str(error)), str(error)
        assert "\n" not in str(error)
    else:
        assert clinic.name.strip()


@pytest.mark.slow
@settings()  # the profile's number of examples (tests/conftest.py)
@given(raw=st.binary(max_size=300) | st.text(max_size=300).map(lambda text: text.encode("utf-8", "surrogatepass")))
def test_clinic_parser_survives_arbitrary_bytes(tmp_path, raw):
    path = tmp_path / "clinic.yaml"
    path.write_bytes(raw)
    try:
        load_clinic(path)
    except ContentError as error:
        assert ONE_LINE.match(str(error)), str(error)


# --- monkey test -----------------------------------------------------------------------------------------

MONKEY_KEYS = [
    "right", "left", "up", "down", "pageup", "pagedown", "home", "end", "tab", "shift+tab", "enter", "escape",
    "space", "backspace", "delete", "n", "p", "c", "h", "l", "e", "s", "a", "m", "x", "g", "k", "t", "r", "u", "d",
    "slash", "question_mark", "y", "z", "1", "7",
]
"""Every key the guide uses and some it does not; never q or Ctrl+P (they would end the run early)."""
KEYS_PER_BURST, BURSTS_PER_SIZE = (25, 8) if THOROUGH else (10, 5)
"""Random keys queued at once (the app handles each in turn, as when someone types fast), and bursts
at each size. The quick and CI run ("ci" profile): 150 random keys; before a release
(``HYPOTHESIS_PROFILE=thorough``): 600, as this test always ran. Both are derandomized (seeded)."""


def _add_own_question(app) -> None:
    app.session.add_own("A question of my own", None)


def _open_a_words_meaning(app) -> None:
    from recovery_guide.tui.screens.glossary import TermDefinition

    app.show(TermDefinition, app.session.guide.glossary[0].id)  # as Enter on a word in a page's list of words


TOUR = [
    ("h",), ("h", "r"), ("m",), ("m", "a"), (_add_own_question, "x"), ("g",), (_open_a_words_meaning,), ("slash",),
    ("question_mark",), ("l",), ("w",), ("c", "end", "enter", "k"), ("m", "end", "e"), ("l", "down"), ("x",),
]
"""What each burst starts with, in turn, from a page of the guide: the keys that open each screen and
dialog (or, first, what a button or a list row would do), so that even the short run opens every one
of them (``SCREENS_REACHED``); the random keys then go on from there."""
SCREENS_REACHED = {
    "HelpNowScreen", "RegionPicker", "MyQuestionsScreen", "TextPrompt", "HandoutDialog", "GlossaryScreen",
    "TermDefinition", "SearchScreen", "KeysHelpScreen", "LanguagePicker", "ValuesScreen", "SelfCheckScreen",
    "TooSmallScreen",
}
CHARACTERS = {"space": " ", "slash": "/", "question_mark": "?", "enter": "\r", "tab": "\t", "escape": "\x1b", "backspace": "\x7f"}


SIZES = [(60, 20), (80, 24), (200, 60)]
"""The smallest supported size, the standard one and a very large one, in turn in one run."""


@pytest.mark.slow
async def test_monkey_presses_random_keys_everywhere_and_the_app_survives(guide, tmp_path, monkeypatch):
    """One start-up, then each size in turn: bursts of random keys, each burst started with the keys
    of the next screen or dialog of ``TOUR`` (with resizes now and then, down to too small), then
    Escape must lead back to a page of the guide with its step, title and keys line. Every screen
    and dialog of ``SCREENS_REACHED`` must have been opened on the way."""
    monkeypatch.chdir(tmp_path)  # a typed handout name must never land in the working folder anyway
    app = RecoveryGuideApp(Session(guide, store=Store(tmp_path / "data"), handout_folder=tmp_path))
    app.animation_level = "none"  # as with TEXTUAL_ANIMATIONS=none: scrolling jumps, so thousands of keys run quickly
    opened: set[str] = set()
    push_screen = app.push_screen

    def recording_push(screen, *args, **kwargs):
        opened.add(type(screen).__name__)
        return push_screen(screen, *args, **kwargs)

    app.push_screen = recording_push
    tour = iter(TOUR * BURSTS_PER_SIZE)

    def post(key: str) -> None:
        # straight into the app's queue, as the terminal driver does: a fast typist, no harness pauses
        app.post_message(events.Key(key, CHARACTERS.get(key, key if len(key) == 1 else None)))

    try:
        async with app.run_test(size=SIZES[0]) as pilot:
            await acknowledge(pilot)
            for size in SIZES:
                rng = random.Random(f"monkey-{size}")
                await pilot.resize_terminal(*size)
                for burst in range(BURSTS_PER_SIZE):
                    for _ in range(8):  # back to the page, where the tour's keys work
                        if isinstance(app.screen, ReaderScreen):
                            break
                        await pilot.press("escape")
                    for key in next(tour):
                        key(app) if callable(key) else post(key)
                    for key in (rng.choice(MONKEY_KEYS) for _ in range(KEYS_PER_BURST)):
                        post(key)
                    await pilot.pause()
                    if burst == 3:  # once a size: another size, including too small, and back
                        await pilot.resize_terminal(rng.choice([50, 60, 100]), rng.choice([15, 20, 30]))
                        await pilot.pause()
                        await pilot.resize_terminal(*size)
                await pilot.pause()
                assert app.is_running, f"no exception ended the app at {size}"
                for _ in range(8):  # close whatever dialog is open
                    await pilot.press("escape")
                await settle(pilot)
                # what the reader sees then: a page of the guide with its step and title, and the keys line
                # still offering help, in whichever language the keys switched to
                assert isinstance(app.screen, ReaderScreen), f"escape led to {app.screen!r}, not back to the guide, at {size}"
                index = app.screen.index
                assert str(app.screen.query_one("#progress").render()) == wording.step(index + 1, len(guide.pages))
                assert str(app.screen.query_one("#title").render()) in {load_guide(code).pages[index].title for code in ContentFolder().languages()}
                bar = app.screen.query_one(KeyBar)
                assert bar.display and i18n._("Get help now") in str(bar.render())
            await pilot.press("q")
            await pilot.pause()
        assert not app.is_running and app.return_code in (0, None)
        assert SCREENS_REACHED <= opened, f"never opened: {sorted(SCREENS_REACHED - opened)}"
    finally:
        i18n.set_language("en")


# --- privacy proof ---------------------------------------------------------------------------------------


@pytest.fixture
def no_network(monkeypatch):
    """Every way to open a connection records the attempt and fails."""
    attempts: list[object] = []

    def refuse(*args, **kwargs):
        attempts.append(args)
        raise OSError("network access is blocked in this test")

    monkeypatch.setattr(socket.socket, "connect", lambda self, *args: refuse(*args))
    monkeypatch.setattr(socket.socket, "connect_ex", lambda self, *args: refuse(*args))
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    return attempts


def _files(folder: Path) -> list[str]:
    return sorted(str(path.relative_to(folder)) for path in folder.rglob("*") if path.is_file())


@pytest.mark.slow
@pytest.mark.parametrize("opt_in", [False, True])
async def test_a_full_walk_through_makes_no_connection_and_writes_only_what_was_asked(guide, tmp_path, monkeypatch, no_network, opt_in):
    """Every screen, a question, My questions, a language switch, the help lines and every dialog, then
    a handout: no connection, and nothing written but the handout (and, with saving turned on, the
    saved file). Without opting in this is also test_saving's old walk (nothing written without consent)."""
    home = tmp_path / "home"
    home.mkdir()
    for variable, folder in (("HOME", home), ("XDG_DATA_HOME", home / ".local/share"), ("XDG_CONFIG_HOME", home / ".config"), ("XDG_CACHE_HOME", home / ".cache"), ("XDG_STATE_HOME", home / ".local/state")):
        monkeypatch.setenv(variable, str(folder))
    monkeypatch.chdir(home)
    exports = home / "exports"
    exports.mkdir()
    app = RecoveryGuideApp(Session(guide, handout_folder=exports))  # the real store, under the empty home
    try:
        async with app.run_test(size=(100, 30)) as pilot:
            await acknowledge(pilot)
            await add_question(pilot, 0)
            await pilot.press("m")  # My questions opened either way: with saving off it must write nothing
            await pilot.pause()
            if opt_in:
                app.screen.query_one("#keep").press()
                await pilot.pause()
            await pilot.press("escape")
            for _ in range(len(guide.pages)):
                await pilot.press("right")
            await pilot.pause()
            await app.switch_language("es")
            await pilot.press("left", "left", "h")
            await pilot.pause()
            await pilot.press("escape", "g", "escape", "slash")
            await pilot.press("k", "e", "t", "a", "escape")
            await make_handout(pilot, exports / "handout.html", html=True)
            await pilot.press("q")
    finally:
        i18n.set_language("en")
    assert no_network == [], "the guide must never try to connect anywhere"
    written = _files(home)
    expected = ["exports/handout.html"] + ([".local/share/recovery-guide/saved.json"] if opt_in else [])
    assert written == sorted(expected)
