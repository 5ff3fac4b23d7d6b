"""``recovery-guide read``: the line-by-line mode for screen readers, driven through standard input."""

from __future__ import annotations

import io
import re
import sys

import pytest

from recovery_guide import i18n
from recovery_guide.guide_content.folder import ContentFolder, load_guide
from tests.helpers import Terminal, needs_tmux, run, run_in_process

ESCAPE = re.compile(r"[\x1b\x07\x08\x0e\x0f\x9b]")
DECORATION = re.compile(r"[─-╿▀-▟■-◿═║╔╗╚╝]")


@pytest.fixture
def read(capsys, monkeypatch):
    """``read(lines, *args, env=...)``: ``recovery-guide read ARGS`` with ``lines`` typed, through
    ``cli.main`` in this process (a fresh interpreter per run cost more than the run). The walk through
    the whole guide below runs the installed command for real."""

    def reading(lines: list[str], *args: str, env: dict[str, str] | None = None):
        for variable, value in (env or {}).items():
            monkeypatch.setenv(variable, value)
        monkeypatch.setattr(sys, "stdin", io.StringIO("\n".join(lines) + "\n"))
        return run_in_process(capsys, "read", *args)

    return reading


def test_walk_the_whole_guide_switch_language_get_help_and_quit(guide):
    spanish = load_guide("es")
    codes = ContentFolder().languages()
    steps = ["1"] * (len(guide.pages) - 1)  # acknowledge, then next to the end
    script = steps + ["6", "0", "7", str(codes.index("es") + 1), "3", "0"]
    result = run("read", "--region", "US", input="\n".join(script) + "\n")  # the installed command, for real
    assert result.returncode == 0, result.stderr
    out = result.stdout
    for number, screen in enumerate(guide.pages, start=1):
        assert f"Step {number} of {len(guide.pages)}: {screen.title}" in out
    assert "988" in out and "Emergency number" in out
    assert spanish.pages[-1].title in out, "after switching, the screen is shown again in Spanish"
    assert "Paso 14 de 14" in out
    assert out.rstrip().endswith(i18n.load_catalog("es").gettext("Goodbye. Talk with your provider before you decide anything."))


def test_output_has_no_escape_sequences_or_box_drawing(read):
    result = read(["1", "1", "4", "9", "6", "1", "5", "0", "5", "1", "1", "0", "0", "0"])
    assert result.returncode == 0, result.stderr
    assert not ESCAPE.search(result.stdout)
    assert not DECORATION.search(result.stdout)
    assert "=====" not in result.stdout and "-----" not in result.stdout, "no underlines for a screen reader to read aloud"


def test_help_first_with_an_unknown_region_shows_every_number(read):
    result = read(["h", "0", "0"])
    for number in ("911", "999", "024", "3114", "188", "13 11 14", "14416"):
        assert number in result.stdout


def test_add_questions_and_make_a_handout(tmp_path, guide, read):
    target = tmp_path / "handout.txt"
    script = ["1", "5", "1", "2", "2", "My own words here", "6", "1", str(target), "0", "0"]
    result = read(script, env={"XDG_DATA_HOME": str(tmp_path / "data")})
    assert result.returncode == 0, result.stderr
    assert "Added to My questions." in result.stdout
    text = target.read_text(encoding="utf-8")
    assert " ".join(guide.pages[1].questions[1].text.split()) in " ".join(text.split())
    assert "My own words here" in text
    assert not (tmp_path / "data").exists(), "saving is opt-in"


def test_bad_input_is_explained_and_end_of_input_leaves_quietly(read):
    result = read(["banana", "99"])
    assert result.returncode == 0
    assert result.stdout.count("Please type one of the numbers shown") == 2
    assert "Traceback" not in result.stderr


def test_term_dumb_and_plain_flag_use_read_mode():
    for args, env in (((), {"TERM": "dumb"}), (("--plain",), {})):
        result = run(*args, input="0\n", env=env)
        assert result.returncode == 0, result.stderr
        assert "Step 1 of 14" in result.stdout and "What next?" in result.stdout
        assert not ESCAPE.search(result.stdout)


def test_read_never_imports_textual():
    import subprocess
    import sys

    code = "import sys, io; sys.stdin = io.StringIO('0\\n'); from recovery_guide.cli import main; main(['read']); print('textual' in sys.modules, file=sys.stderr)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.stderr.strip().endswith("False")


@needs_tmux
@pytest.mark.terminal
@pytest.mark.slow
def test_read_mode_in_a_real_terminal(tmp_path):
    terminal = Terminal(tmp_path, "en_US.UTF-8", command_args="read")
    try:
        terminal.wait_for("Type a number or a letter, then press Enter")
        terminal.send("1", "Enter")
        terminal.wait_for("Step 2 of 14", scrollback=True)
        terminal.send("7", "Enter")
        terminal.wait_for("Deutsch")
        terminal.send(str(ContentFolder().languages().index("de") + 1), "Enter")
        terminal.wait_for("Schritt 2 von 14", scrollback=True)
        terminal.send("6", "Enter")
        terminal.wait_for("911", scrollback=True)
        terminal.send("0", "Enter", "0", "Enter")
        goodbye = i18n.load_catalog("de").gettext("Goodbye. Talk with your provider before you decide anything.")
        assert goodbye.startswith("Auf Wiedersehen"), "the goodbye is in German"
        terminal.wait_for(goodbye.split(".")[0], scrollback=True)
    finally:
        terminal.close()


def test_with_saving_on_read_mode_offers_to_continue_where_you_left_off(tmp_path, guide, read):
    env = {"XDG_DATA_HOME": str(tmp_path / "data")}
    # acknowledge, go to step 4, turn saving on in My questions, back, quit
    first = read(["1", "1", "1", "5", "7", "0", "0"], env=env)
    assert "Saving is on" in first.stdout, first.stdout[-500:]
    second = read(["10", "0"], env=env)
    assert f"continue where I left off (step 4: {guide.pages[3].title})" in second.stdout
    assert f"Step 4 of 14: {guide.pages[3].title}" in second.stdout.split("continue where I left off")[-1]


def test_read_mode_shows_the_english_original_of_a_translated_screen(guide, read):
    spanish = load_guide("es")
    result = read(["1", "10", "0"], "--lang", "es")
    assert spanish.pages[1].title in result.stdout
    english_part = " ".join(result.stdout.split(spanish.pages[1].title)[-1].split())
    assert guide.pages[1].title in english_part and guide.pages[1].key_points[0] in english_part


def test_main_menu_accepts_the_letters_the_welcome_speaks_of(guide, read):
    """The welcome says n for next, p for back, ? for the keys, q to quit: read mode accepts them all."""
    result = read(["n", "N", "p", "?", "h", "0", "q"], "--region", "US")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "Please type one of the numbers shown" not in out
    steps = re.findall(r"^Step (\d+) of 14", out, flags=re.MULTILINE)
    assert steps == ["1", "2", "3", "2"], "n, N, p move like 1 and 2"
    after_question_mark = out.split("Step 2 of 14")[-1]
    assert after_question_mark.count("In this line-by-line mode") == 1, "? explains what can be typed"
    assert after_question_mark.count("What next?") >= 2, "? shows the menu again"
    assert "988" in after_question_mark, "h shows the help lines"
    assert out.rstrip().endswith("Goodbye. Talk with your provider before you decide anything."), "q quits"


def test_read_mode_says_what_it_accepts_right_after_the_welcome(read):
    """The welcome text is written for the full-screen guide (arrow keys): read mode says what works here."""
    result = read(["q"])
    out = " ".join(result.stdout.split())
    welcome_end = out.index("What next?")
    assert "Use the arrow keys" in out[:welcome_end]
    assert "The arrow keys do not work here." in out[:welcome_end]
    assert "n next screen, p previous screen, ? what you can type, h help lines, q quit" in out
    assert "Type a number or a letter, then press Enter:" in out


def test_letters_are_explained_when_a_wrong_answer_is_typed_at_the_main_menu(read):
    result = read(["x", "0"])
    assert "from 0 to 9, or one of the letters n, p, ?, h or q." in result.stdout


def test_letters_work_in_another_language(read):
    spanish = load_guide("es")
    result = read(["n", "q"], "--lang", "es")
    assert f"Paso 2 de 14: {spanish.pages[1].title}" in result.stdout
    assert result.stdout.rstrip().endswith(i18n.load_catalog("es").gettext("Goodbye. Talk with your provider before you decide anything."))
