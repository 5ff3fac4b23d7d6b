"""Start-up does only what the first screen needs.

The app opens as ``recovery-guide --lang CODE`` opens it: the session is built by the CLI's own
code, then the app runs to its welcome screen. Only the reader's language is read, laid over the
English it is translated from; every other language waits until the reader picks it.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

import pytest

from recovery_guide import audit, cli, clinic
from recovery_guide.guide_content import english as english_reader, folder as folder_reader, translators, yaml_source
from recovery_guide.paths import content_dir
from tests.helpers import python_prints, settle, visible_text

READERS = (yaml_source, english_reader, folder_reader, translators, audit, clinic)
"""Modules that import ``read_yaml`` by name, some of them lazily: imported here, before any test
patches it, so none keeps a patched copy after the test."""


def record_yaml_reads(monkeypatch) -> list[Path]:
    """Every content file read from now on (``read_yaml`` wherever it was imported by name)."""
    reads: list[Path] = []
    original = yaml_source.read_yaml

    def recording(path):
        reads.append(Path(path).resolve())
        return original(path)

    loaded = [module for name, module in sys.modules.items() if name.split(".")[0] == "recovery_guide"]
    for module in {*READERS, *loaded}:
        if hasattr(module, "read_yaml"):
            monkeypatch.setattr(module, "read_yaml", recording)
    return reads


@pytest.mark.parametrize("code", ["es", "zh_Hans", "en"])
async def test_start_reads_only_the_readers_language_over_english(monkeypatch, code):
    from recovery_guide.tui.app import RecoveryGuideApp
    from recovery_guide.tui.screens.welcome import WelcomeScreen

    reads = record_yaml_reads(monkeypatch)
    session = cli.make_session(cli.build_parser().parse_args(["--lang", code]))
    app = RecoveryGuideApp(session)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, WelcomeScreen)

    root = content_dir().resolve()
    assert reads and all(path.is_relative_to(root) for path in reads)
    languages = {path.relative_to(root).parts[0] for path in reads}
    assert languages == {"en", code}, f"start-up read {sorted(languages - {'en', code})} too"
    assert [path for path, count in Counter(reads).items() if count > 1] == [], "a file was read twice"


@pytest.fixture(scope="module")
def english_start_imports() -> dict[str, list[str]]:
    """What a fresh interpreter has imported when it has the app class (as the command does before the
    first frame), and Babel's modules once that app has run: one interpreter for both tests below,
    as the first moment comes before the second in the same start-up."""
    code = (
        "import asyncio, json, sys\n"
        "from recovery_guide import cli\n"
        "session = cli.make_session(cli.build_parser().parse_args(['--lang', 'en']))\n"
        "from recovery_guide.tui.app import RecoveryGuideApp\n"
        "first = sorted(m for m in sys.modules if m.split('.')[0] in ('markdown_it', 'pygments')"
        " or m.startswith('recovery_guide.tui.screens.') and not m.endswith(('.welcome', '.too_small'))"
        " or m == 'textual.widgets._markdown')\n"
        "app = RecoveryGuideApp(session)\n"
        "async def main():\n"
        "    async with app.run_test(size=(100, 30)) as pilot:\n"
        "        await pilot.pause()\n"
        "asyncio.run(main())\n"
        "print(json.dumps({'before the first frame': first, 'babel': sorted(m for m in sys.modules if m.split('.')[0] == 'babel')}))\n"
    )
    return json.loads(python_prints(code))


def test_english_start_does_not_load_babel(english_start_imports):
    """Babel's locale data is for language names and the picker; English starts without it."""
    assert english_start_imports["babel"] == []


def test_the_first_screen_needs_no_markdown_and_no_other_screen(english_start_imports):
    """Importing the app (as the command does before the first frame) leaves Markdown and every other screen for later."""
    assert english_start_imports["before the first frame"] == []


async def test_the_welcome_text_follows_the_first_frame_and_reading_replaces_it(guide):
    """The Markdown under the notice is built just after the first frame; after "I understand" the
    welcome screen stays under the reading screen, emptied, and ignores language switches."""
    from recovery_guide.session import Session
    from recovery_guide.tui.app import RecoveryGuideApp
    from recovery_guide.tui.screens.reader import ReaderScreen
    from recovery_guide.tui.screens.welcome import WelcomeScreen
    from recovery_guide.tui.widgets.deferred_markdown import DeferredMarkdown
    from recovery_guide.tui.widgets.guide_markdown import GuideMarkdown

    app = RecoveryGuideApp(Session(guide))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        welcome = app.screen
        assert isinstance(welcome, WelcomeScreen) and app.screen_stack == [welcome], "the welcome is the first screen itself"
        body = welcome.query_one(DeferredMarkdown)
        await settle(pilot, lambda: body.query(GuideMarkdown))
        markdown = body.query_one(GuideMarkdown)
        assert markdown.source.startswith(guide.pages[0].body) and markdown.source.endswith(guide.pages[0].app_only.strip()), "the body, then the app's own text (privacy)"
        welcome.query_one("#welcome-scroll").scroll_to_widget(markdown, animate=False, top=True)
        await pilot.pause()
        assert "What this guide is for" in visible_text(app)

        welcome.query_one("#acknowledge").press()
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        assert app.screen_stack == [welcome, app.screen]
        await settle(pilot, lambda: not welcome.children)
        assert welcome.retired and not welcome.children, "the welcome lets go of its widgets"
        await app.switch_language("es")
        await pilot.pause()
        assert not welcome.children, "a language switch does not rebuild the hidden welcome"
        assert "Paso 2 de 14" in str(app.screen.query_one("#progress").render())
