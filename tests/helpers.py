"""Helpers shared by the test modules: one copy of each, so no test module imports another.

Everything here waits on a condition with a deadline, never on the clock: a wait that sleeps a
fixed time is too short on a loaded machine and too long on an idle one.

- waiting: ``wait_until`` (any condition, polled) and ``settle`` (a Pilot app, until a condition holds)
- the app as a reader uses it: ``visible_text``, ``acknowledge``, ``welcome_complete``,
  ``choose_language``, ``add_question``, ``type_text``, ``make_handout``
- processes: ``run`` (the installed command), ``python_prints`` (a fresh interpreter)
- content files: ``line_of``, ``replace_once``, ``ONE_LINE``
- the printed guide: ``without_contents`` (where a part is printed, past the list that names them all)
- a real terminal: ``Terminal`` and ``needs_tmux`` (tmux send-keys in, capture-pane out)
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

import pytest

if TYPE_CHECKING:  # the helpers below import Textual only when a Pilot test calls them
    from textual.app import App
    from textual.pilot import Pilot

T = TypeVar("T")

ONE_LINE = re.compile(r"^.+:\d+: .+: .+$")
"""A located problem: ``file:line: field: message``, on one line."""

THOROUGH = os.environ.get("HYPOTHESIS_PROFILE", "ci") == "thorough"
"""The long run before a release (``HYPOTHESIS_PROFILE=thorough``, tests/conftest.py): the random
tests that drive the app (the monkey tests) then run as long as they always did; CI and the quick
loop run them short and seeded, still through every screen and field."""


# --- waiting on conditions -----------------------------------------------------------------------------


def wait_until(condition: Callable[[], T], timeout: float = 15.0, interval: float = 0.05, message: str | Callable[[], str] = "") -> T:
    """Poll ``condition`` until it returns something true, and return that; fail after ``timeout`` seconds.

    The interval only spaces the polls: an answer that is ready sooner is seen sooner.
    """
    deadline = time.monotonic() + timeout
    while True:
        result = condition()
        if result:
            return result
        if time.monotonic() > deadline:
            raise AssertionError((message() if callable(message) else message) or f"condition not met within {timeout} s")
        time.sleep(interval)


async def settle(pilot: Pilot, condition: Callable[[], object] = lambda: True, timeout: float = 10.0, workers: bool = True) -> None:
    """Let the app process its messages and finish its animations and workers until ``condition`` holds.

    Replaces ``pilot.pause(delay)``: each round waits for the app to be idle rather than a fixed time,
    so the test goes on as soon as the screen is ready, however busy the machine is. A test that holds
    a worker on purpose (a printer that has not answered yet) passes ``workers=False``: waiting for
    that worker would wait until it ends, not until the screen is ready.
    """
    deadline = time.monotonic() + timeout
    while True:
        await pilot.pause()
        # The animator's own wait, not ``pilot.wait_for_scheduled_animations``: that adds two more
        # rounds of a callback to every widget on the screen and a wait for idle, about half of a
        # round's cost on the reading screen, and the pause below processes what an animation's end posts.
        await pilot.app.animator.wait_until_complete()
        if workers:
            await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        if condition():
            return
        if time.monotonic() > deadline:
            raise AssertionError(f"the app never reached the expected state within {timeout} s; the screen showed:\n{visible_text(pilot.app)}")


# --- labels drawn whole ------------------------------------------------------------------------------

BOX = re.compile(r"[\s\u2500-\u259f▔▁▊▎]+")
"""White space and box drawing: what lies between the pieces of a label that wraps."""


def rendered(widget) -> str:
    """What ``widget`` draws (its border and title included), lines joined, white space and box drawing left out."""
    from textual.geometry import Region

    width, height = widget.outer_size
    return BOX.sub("", "".join(strip.text for strip in widget.render_lines(Region(0, 0, width, height))))


def cut_labels(screen) -> list[str]:
    """Every label on ``screen`` that it does not show whole: buttons, choices, titles and input hints.

    A label may wrap onto more lines; what counts is that all of it is drawn (a label cut at the
    edge, or ended with "…", is not). The key bar is another matter (it folds keys behind a mark).
    """
    from textual.widgets import Button, Input, RadioButton

    from recovery_guide.tui.widgets.key_bar import KeyBar

    cut = []
    for widget in screen.query("*"):
        if not widget.display or isinstance(widget, KeyBar) or widget.outer_size.area == 0:
            continue
        labels = []
        if isinstance(widget, (Button, RadioButton)):
            labels.append(widget.label.plain)
        if isinstance(widget, Input) and not widget.value:
            labels.append(widget.placeholder)
        labels += [str(title) for title in (widget.border_title, widget.border_subtitle) if title]
        if not labels:
            continue
        name = f"{type(widget).__name__}#{widget.id}"
        room = widget.parent.content_size.width
        if widget.virtual_region_with_margin.right > room:
            cut.append(f"{name}: {labels[0]!r} is {widget.outer_size.width} cells wide, with room for {room}")
            continue
        shown = rendered(widget)
        cut += [f"{name}: {label!r} shows as {shown[:120]!r}" for label in labels if BOX.sub("", label) not in shown]
    return cut



# --- labels in another language, in their place ------------------------------------------------------------
# A walk through the screens in one language can check the labels of others at a cheaper layer than a
# walk of their own: each label is put in its place in the other language, the screen is laid out
# again, and ``cut_labels`` (the same rule) must find nothing cut.

LOCALES = Path(__file__).resolve().parents[1] / "locales"
PLACEHOLDER = re.compile(r"\{\w*\}")


def catalog(code: str) -> dict[str, str]:
    """msgid -> msgstr of every entry of ``code``'s catalog; "" where it is not translated or fuzzy
    (readers see the English)."""
    from babel.messages.pofile import read_po

    with (LOCALES / code / "LC_MESSAGES" / "messages.po").open("rb") as handle:
        return {m.id: "" if m.fuzzy else m.string for m in read_po(handle) if m.id and isinstance(m.id, str)}


def label_widgets(screen) -> list[tuple[object, str, str]]:
    """(widget, attribute, text) of every label ``cut_labels`` checks on ``screen``."""
    from textual.widgets import Button, Input, RadioButton

    from recovery_guide.tui.widgets.key_bar import KeyBar

    found = []
    for widget in screen.query("*"):
        if not widget.display or isinstance(widget, KeyBar) or widget.outer_size.area == 0:
            continue
        if isinstance(widget, (Button, RadioButton)):
            found.append((widget, "label", widget.label.plain))
        if isinstance(widget, Input) and not widget.value:
            found.append((widget, "placeholder", widget.placeholder))
        found += [(widget, name, str(getattr(widget, name))) for name in ("border_title", "border_subtitle") if getattr(widget, name)]
    return found


class CatalogLabels:
    """English labels from the catalog, in ``code``: ``translate(text)`` gives the label as the app would
    show it in ``code`` (placeholders filled with the English values), or None for a label not from the
    catalog; ``met`` collects the msgids of the labels met, ``translations`` has "" for one the
    catalog does not translate."""

    def __init__(self, code: str) -> None:
        self.translations = catalog(code)
        self.msgids = sorted(self.translations, key=len, reverse=True)
        self.met: set[str] = set()

    def msgid_of(self, text: str) -> tuple[str, dict[str, str]] | None:
        if text in self.translations:
            return text, {}
        for msgid in self.msgids:
            names = PLACEHOLDER.findall(msgid)
            if not names or "{}" in names or len(set(names)) < len(names):
                continue
            pattern = "".join(re.escape(part) + (f"(?P<{name[1:-1]}>.+?)" if name else "") for part, name in zip(PLACEHOLDER.split(msgid), [*names, ""]))
            match = re.fullmatch(pattern, text)
            if match:
                return msgid, match.groupdict()
        return None

    def translate(self, text: str) -> str | None:
        found = self.msgid_of(text)
        if found is None:
            return None
        msgid, values = found
        self.met.add(msgid)
        return (self.translations[msgid] or msgid).format(**values)



class ContentLabels:
    """English labels from the guide's content, in another language: the same field of the other
    guide (a translation has the English's shape). A label may carry a number before it ("2. ...")."""

    def __init__(self, english: object, other: object) -> None:
        self.strings: dict[str, str] = {}
        self._pair(english, other)

    def _pair(self, english: object, other: object) -> None:
        import dataclasses

        if isinstance(english, str) and isinstance(other, str):
            self.strings.setdefault(english, other)
        elif dataclasses.is_dataclass(english) and type(english) is type(other):
            for field in dataclasses.fields(english):
                self._pair(getattr(english, field.name), getattr(other, field.name))
        elif isinstance(english, (list, tuple)) and isinstance(other, (list, tuple)) and len(english) == len(other):
            for pair in zip(english, other):
                self._pair(*pair)
        elif isinstance(english, dict) and isinstance(other, dict):
            for key in english.keys() & other.keys():
                self._pair(english[key], other[key])

    def translate(self, text: str) -> str | None:
        if text in self.strings:
            return self.strings[text]
        number, _, rest = text.partition(" ")
        if number[:-1].isdigit() and rest in self.strings:
            return f"{number} {self.strings[rest]}"
        return None

async def labels_cut_in(pilot: Pilot, where: str, translators: dict[str, Callable[[str], str | None]], rule: Callable[[object], list[str]] | None = None) -> list[str]:
    """``rule`` (``cut_labels`` unless given) of the current screen with each label put in its place
    in each language of ``translators`` (code -> translate), laid out again, then the labels put back.
    A label no translator knows stays as it is."""
    rule = rule or cut_labels
    screen = pilot.app.screen
    labels = label_widgets(screen)
    cut: list[str] = []

    def put(widget, attribute: str, text: str) -> None:
        from recovery_guide.tui.widgets.option_cards import OptionCard

        if isinstance(widget, OptionCard) and attribute == "border_title":  # the card moves a name too long for its border inside
            widget.title_text, widget.name_inside = text, False
            widget.on_resize()
            widget.border_title = None if widget.name_inside else text
            widget.update(widget.words())
        else:
            setattr(widget, attribute, text)
        widget.refresh(layout=True)  # as when the screen is composed in that language: sized to the label

    for code, translate in translators.items():
        changed = []
        for widget, attribute, text in labels:
            translated = translate(text)
            if translated is not None and translated != text:
                put(widget, attribute, translated)
                changed.append((widget, attribute, text))
        if not changed:
            continue
        await settle(pilot)
        cut += [f"{where} ({code}): {label}" for label in rule(screen)]
        for widget, attribute, text in changed:
            put(widget, attribute, text)
        await settle(pilot)
    return cut


# --- the app, as a reader uses it ------------------------------------------------------------------------


def visible_text(app: App) -> str:
    """Everything the reader can read on the current screen, as plain text."""
    from textual.widgets import Markdown, OptionList, Static

    parts = []
    for widget in app.screen.query("Static, Markdown, OptionList"):
        if not widget.display or widget.id == "contents":
            continue
        if isinstance(widget, Markdown):
            parts.append(widget.source)
        elif isinstance(widget, OptionList):
            parts += [str(option.prompt) for option in widget.options]
        elif isinstance(widget, Static):
            parts.append(str(widget.render()))
    return "\n".join(parts)


async def acknowledge(pilot: Pilot) -> None:
    await pilot.press("enter")
    await pilot.pause()


async def welcome_complete(pilot: Pilot) -> None:
    """Wait for the welcome text and the language note, which follow the first frame."""
    await settle(pilot, lambda: pilot.app.screen.query("#language-note"))
    await pilot.pause()
    await pilot.pause()  # the scroll bar is redrawn one refresh after the note changes the height


async def choose_language(app: App, pilot: Pilot, code: str) -> None:
    """Open the language picker with ``l``, choose ``code`` and wait until the switch has finished."""
    from textual.widgets import OptionList

    from recovery_guide.tui.screens.languages import LanguagePicker

    await pilot.press("l")
    await pilot.pause()
    assert isinstance(app.screen, LanguagePicker)
    picker = app.screen
    options = picker.query_one(OptionList)
    options.highlighted = picker.codes.index(code)
    await pilot.press("enter")
    await settle(pilot, lambda: app.screen is not picker)


async def add_question(pilot: Pilot, position: int) -> None:
    """Go to the screen's questions, move to ``position`` (0-based) and press s."""
    from recovery_guide.tui.widgets.provider_questions import ProviderQuestions

    if not isinstance(pilot.app.focused, ProviderQuestions):
        await pilot.press("s")  # from the text, s moves to the questions
        await pilot.pause()
    assert isinstance(pilot.app.focused, ProviderQuestions)
    await pilot.press("home", *["down"] * position, "s")
    await pilot.pause()


async def type_text(pilot: Pilot, text: str) -> None:
    await pilot.press(*[("space" if char == " " else char) for char in text])


async def make_handout(pilot: Pilot, path: Path, html: bool = False) -> None:
    """Make a handout with ``x``: type ``path`` into the dialog and press Enter."""
    from recovery_guide.tui.screens.handout import HandoutDialog

    await pilot.press("x")
    await pilot.pause()
    assert isinstance(pilot.app.screen, HandoutDialog)
    dialog = pilot.app.screen
    if html:
        dialog.query_one("#format-html").value = True
        await pilot.pause()
    dialog.query_one("#handout-path").value = str(path)
    await pilot.press("enter")
    await pilot.pause()


def record_notifications(app: App) -> list[str]:
    """Every message the app shows as a toast, kept for the test: a toast times out, and on a busy
    machine it may be gone before the test looks at ``app._notifications``."""
    shown: list[str] = []
    notify = app.notify

    def recording(message, *args, **kwargs):
        shown.append(str(message))
        return notify(message, *args, **kwargs)

    app.notify = recording
    return shown


# --- processes -------------------------------------------------------------------------------------------


def run(*args: str, env: dict[str, str] | None = None, **kwargs) -> subprocess.CompletedProcess:
    """``recovery-guide ARGS`` as a reader runs it: a real process, C.UTF-8 unless ``env`` says otherwise."""
    environment = {**os.environ, "LANG": "C.UTF-8", **(env or {})}
    environment.pop("LC_ALL", None)
    environment.pop("LANGUAGE", None)
    return subprocess.run([sys.executable, "-m", "recovery_guide", *args], capture_output=True, text=True, env=environment, timeout=60, **kwargs)


def run_in_process(capsys, *args: str) -> subprocess.CompletedProcess:
    """``recovery-guide ARGS`` through ``cli.main`` in this process, its output captured as ``run`` gives
    it: for the many checks of content copies, where a fresh interpreter per test costs more than the
    check. Each kind of problem keeps one test that runs the real command (``run``)."""
    from recovery_guide.cli import main

    capsys.readouterr()
    status = main(list(args))
    captured = capsys.readouterr()
    return subprocess.CompletedProcess(["recovery-guide", *args], status, captured.out, captured.err)


def python_prints(code: str, timeout: int = 120) -> str:
    """Run ``code`` in a fresh interpreter (so nothing this test process imported counts); its last line printed."""
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=timeout)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip().splitlines()[-1]


# --- content files ---------------------------------------------------------------------------------------


def without_contents(printed: str) -> str:
    """A whole printed guide (text, Markdown or HTML, in the language in force) with its contents list
    cut out: the list names every step and part, so a test of where one is printed looks past it."""
    from recovery_guide import wording

    html = re.sub(r'<nav class="contents".*?</nav>\n?', "", printed, count=1, flags=re.S)
    if html != printed:
        return html
    return re.sub(rf"(?m)^(?:## )?{re.escape(wording.contents())}\n(?:=+\n)?\n(?:.+\n)+\n*", "", printed, count=1)


def line_of(path: Path, needle: str) -> int:
    """The number (from 1) of the first line of ``path`` that contains ``needle``."""
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if needle in line:
            return number
    raise AssertionError(f"{needle!r} not in {path}")


def replace_once(path: Path, old: str, new: str) -> Path:
    """Break (or change) a content file on purpose: the first ``old`` becomes ``new``; ``old`` must be there."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


# --- a real terminal -------------------------------------------------------------------------------------

COMMAND = Path(sys.executable).with_name("recovery-guide")
needs_tmux = pytest.mark.skipif(shutil.which("tmux") is None and not os.environ.get("CI"), reason="tmux is not installed")
UNSET = ("LC_ALL", "LANGUAGE", "LC_MESSAGES", "COLUMNS", "LINES", "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME", "XDG_DOCUMENTS_DIR", "RECOVERY_GUIDE_CLINIC")
"""Unset for the program: locale beyond LANG; COLUMNS and LINES, which override the size of the pane
(the shell exports 80x24 from whatever started tmux); every folder but HOME."""


class Terminal:
    """``recovery-guide`` in a tmux server of its own, started in ``home`` with ``home`` as HOME.

    Each terminal has a private tmux socket, so its server, size and environment are its own: a
    session shared with other tests (or another user's tmux) could take its environment from
    whichever process started the server, and a server that closes as another test ends its last
    session refuses new ones. Nothing but ``home`` is the program's home (see ``UNSET``).
    """

    def __init__(self, home: Path, lang: str, size: tuple[int, int] = (100, 30), command_args: str = "", environment: str = "") -> None:
        assert COMMAND.exists(), f"the console script is not installed at {COMMAND}"
        self.socket = f"recovery-guide-test-{os.getpid()}-{time.monotonic_ns()}"
        unset = " ".join(f"-u {variable}" for variable in UNSET)
        environment = f"env {unset} LANG={lang} TERM=xterm-256color HOME={home} {environment}"
        width, height = size
        # "sleep" keeps the pane (and what the program printed last) until the test has read it
        self._tmux("-f", "/dev/null", "new-session", "-d", "-s", "guide", "-x", str(width), "-y", str(height), "-c", str(home), f"{environment} {COMMAND} {command_args}; sleep 60")
        self.socket_path = Path(self._tmux("display-message", "-p", "#{socket_path}").strip())

    def _tmux(self, *args: str) -> str:
        return subprocess.run(["tmux", "-L", self.socket, *args], check=True, capture_output=True, text=True, timeout=20).stdout

    def send(self, *keys: str) -> None:
        self._tmux("send-keys", "-t", "guide", *keys)

    def screen(self, scrollback: bool = False) -> str:
        """What the terminal shows; with ``scrollback``, every line printed so far (line-by-line programs)."""
        return self._tmux("capture-pane", "-p", "-t", "guide", *(["-S", "-"] if scrollback else []))

    def cursor(self) -> tuple[int, int]:
        """Where the terminal cursor is (column, row, from 0): the app puts it on the focused item."""
        column, row = self._tmux("display-message", "-p", "-t", "guide", "#{cursor_x} #{cursor_y}").split()
        return int(column), int(row)

    def wait_for_cursor_on(self, text: str, timeout: float = 30.0) -> None:
        """Wait until the focused item (where the app puts the cursor) shows ``text``: keys sent before
        a new dialog or list has taken the focus would go to whatever had it before."""

        def focused() -> bool:
            rows = self.screen().splitlines()
            row = self.cursor()[1]
            return row < len(rows) and text in rows[row]

        wait_until(focused, timeout, interval=0.1, message=lambda: f"the cursor never reached {text!r}: at {self.cursor()} on\n{self.screen()}")

    def wait_for(self, text: str, timeout: float = 30.0, scrollback: bool = False) -> str:
        """The screen, as soon as it shows ``text``."""
        shown = ""

        def showing() -> str:
            nonlocal shown
            shown = self.screen(scrollback)
            return shown if text in shown else ""

        return wait_until(showing, timeout, interval=0.1, message=lambda: f"{text!r} never appeared; the screen showed:\n{shown}")

    def wait_until_still(self, timeout: float = 30.0) -> str:
        """The screen, once two captures a poll apart are the same (a scroll has finished moving)."""
        captures = [""]

        def still() -> str:
            captures.append(self.screen())
            return captures[-1] if captures[-1] == captures[-2] else ""

        return wait_until(still, timeout, interval=0.2, message=lambda: f"the screen kept changing:\n{captures[-1]}")

    def wait_until_gone(self, text: str, timeout: float = 30.0) -> None:
        wait_until(lambda: text not in self.screen(), timeout, interval=0.1, message=lambda: f"{text!r} is still shown:\n{self.screen()}")

    def program_pid(self, timeout: float = 30.0) -> int:
        """The guide's process: the child of the pane's shell (the shell then runs ``sleep``); 0 once it
        has ended (with ``timeout=0``: no waiting for it to start)."""
        shell = self._tmux("display-message", "-p", "-t", "guide", "#{pane_pid}").strip()

        def child() -> int:
            found = subprocess.run(["ps", "-ww", "-o", "pid=,args=", "--ppid", shell], capture_output=True, text=True).stdout
            return next((int(line.split()[0]) for line in found.splitlines() if "recovery-guide" in line or "recovery_guide" in line), 0)

        return wait_until(child, timeout=timeout, message="the guide's process was not found") if timeout else child()

    def close(self) -> None:
        """End the program and its tmux server, remove the server's socket (tmux leaves it), and wait
        for the program to end: killing the server closes its terminal, which must end the app. One
        still running after that fails the test (and is killed, so it does not spin on after the suite)."""
        try:
            program = self.program_pid(timeout=0)
        except subprocess.SubprocessError:  # the server has gone already
            program = 0
        subprocess.run(["tmux", "-L", self.socket, "kill-server"], capture_output=True, timeout=20)
        self.socket_path.unlink(missing_ok=True)
        if program:
            wait_for_process_end(program)


def process_running(pid: int) -> bool:
    """Whether ``pid`` is a live process (a zombie, ended but not yet reaped, is not)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state not in ("Z", "X")


def wait_for_process_end(pid: int, timeout: float = 20.0) -> None:
    """Wait until ``pid`` has ended; if it has not within ``timeout``, kill it and fail."""
    try:
        wait_until(lambda: not process_running(pid), timeout, interval=0.1, message=f"process {pid} was still running {timeout:g} s after its terminal closed")
    except AssertionError:
        if process_running(pid):
            os.kill(pid, 9)
        raise
