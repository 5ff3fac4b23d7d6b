"""End to end: the installed ``recovery-guide`` command in a real terminal (tmux), keys and screen text."""

from __future__ import annotations

import pytest

from recovery_guide import i18n
from recovery_guide.guide_content.folder import ContentFolder, load_guide
from recovery_guide.handout_paths import default_path
from tests.helpers import Terminal, needs_tmux, wait_until

pytestmark = [needs_tmux, pytest.mark.terminal, pytest.mark.slow]


@pytest.fixture
def terminal_factory(tmp_path):
    opened: list[Terminal] = []

    def open_terminal(lang: str) -> Terminal:
        opened.append(Terminal(tmp_path, lang))
        return opened[-1]

    yield open_terminal
    for terminal in opened:
        terminal.close()


def test_spanish_locale_then_switch_to_german(terminal_factory):
    spanish, german = load_guide("es"), load_guide("de")
    terminal = terminal_factory("es_ES.UTF-8")
    terminal.wait_for(spanish.pages[0].title[:20])
    terminal.send("Enter")
    terminal.wait_for(spanish.pages[1].title[:20])
    terminal.send("l")
    terminal.wait_for("Deutsch")
    terminal.wait_for_cursor_on(i18n.language_names("es")[0])  # the picker has the focus, on the current language
    codes = ContentFolder().languages()
    steps = codes.index("de") - codes.index("es")
    terminal.send(*(["Up"] * -steps if steps < 0 else ["Down"] * steps), "Enter")
    terminal.wait_for(german.pages[1].title[:20])


def test_read_the_guide_add_a_question_and_export_a_handout_in_a_real_terminal(terminal_factory, tmp_path):
    """One terminal (it was two): the notice, the first screen, a question, a handout, three screens
    on, the help lines (the US first, from LANG=en_US), and q, which quits at once after the handout."""
    guide = load_guide("en")
    question = guide.pages[1].questions[0].text
    terminal = terminal_factory("en_US.UTF-8")
    shown = terminal.wait_for("I understand - start reading")
    assert "Step 1 of 14" in shown and "not medical advice" in shown
    terminal.send("Enter")
    shown = terminal.wait_for("Step 2 of 14")
    assert "Ketamine in brief" in shown
    assert "Talk with your provider" in shown
    terminal.send("s")
    terminal.wait_for("Choose a question with the arrows")
    terminal.wait_for_cursor_on("[+]")  # the questions have the focus: the next s adds, not moves
    terminal.send("s")
    terminal.wait_for("[✓]")
    terminal.send("x")
    terminal.wait_for("Save to this file")
    target = tmp_path / "my-handout.txt"
    offered = default_path("text").stem
    terminal.wait_for_cursor_on(offered)  # the field has the focus: typing goes into it
    terminal.send("C-u")
    terminal.wait_until_gone(offered)
    terminal.send("-l", str(target))
    terminal.wait_for(target.name)
    terminal.send("Enter")
    terminal.wait_for("Handout saved")
    handout = target.read_text(encoding="utf-8")
    assert " ".join(question.split()) in " ".join(handout.split())
    assert "Answer:" in handout and "988" in handout
    terminal.wait_until_gone("Save to this file")
    terminal.send("n", "n", "n")
    shown = terminal.wait_for("Step 5 of 14")
    assert "How strong is the research?" in shown
    terminal.send("h")
    shown = terminal.wait_for("If a life is in danger")
    assert "988" in shown, "LANG=en_US puts the US help lines first"
    terminal.send("Escape")
    terminal.wait_for("Step 5 of 14")
    terminal.send("q")
    wait_until(lambda: terminal.program_pid(timeout=0) == 0, timeout=30, message="q did not end the guide")
    assert sorted(path.name for path in tmp_path.iterdir()) == ["my-handout.txt"], "nothing else written: saving was not turned on"


def test_german_reader_at_80x24_is_asked_before_quitting_loses_the_list(tmp_path):
    """Issue #12, end to end: the installed command, in German, at 80x24 (the commonest terminal).

    The reader turns the page, scrolls the text with Down (focus is on the text after a page change),
    adds a question and presses ``q``: the app asks, in German, whether to keep the list, instead of
    exiting with the question lost (saving is off by default).
    """
    german = load_guide("de")
    catalog = i18n.load_catalog("de")
    terminal = Terminal(tmp_path, "de_DE.UTF-8", size=(80, 24))
    try:
        terminal.wait_for(german.pages[0].title[:20])
        terminal.send("Enter")
        terminal.wait_for(german.pages[1].title[:20])
        terminal.send("n")
        top = terminal.wait_for(german.pages[2].title[:20])
        terminal.send("Down", "Down", "Down")
        wait_until(lambda: terminal.screen() != top, message=lambda: f"Down did not scroll the text:\n{terminal.screen()}")
        terminal.wait_until_still()  # s while the text still scrolls can leave the questions out of view (see #12 note)
        terminal.send("s")
        terminal.wait_for(catalog.gettext("Choose a question with the arrows, then press s to add it.")[:30])
        terminal.wait_for_cursor_on("[+]")  # the questions have the focus: the next s adds, not moves
        terminal.send("s")
        terminal.wait_for("[✓]")
        terminal.send("q")
        shown = terminal.wait_for(catalog.gettext("Keep them for next time, and quit"))
        assert catalog.gettext("Quit without keeping them") in shown
        assert catalog.gettext("Make a handout to take along") in shown
        assert "Keep them for next time" not in shown, "the choice is in German"
        terminal.send("Escape")  # going back keeps the list and the place
        terminal.wait_until_gone(catalog.gettext("Keep them for next time, and quit"))
        assert "[✓]" in terminal.screen()
    finally:
        terminal.close()
