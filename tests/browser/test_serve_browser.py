"""``recovery-guide serve`` in headless Chromium: what a reader at a clinic's browser sees and gets.

The installed command serves on a free loopback port; Playwright drives Debian's Chromium (never a
browser of Playwright's own). The screen is read from the terminal's own buffer (see served.py).
Leave these out while editing with ``-m "not browser"``; without Chromium they fail, never skip.
"""

from __future__ import annotations

import re
from datetime import date
from urllib.parse import urlsplit

import pytest

from recovery_guide import i18n, wording
from tests.browser.served import ARTIFACTS, Served, open_guide, press, screen, wait_for_screen
from tests.helpers import wait_until

pytestmark = [pytest.mark.slow, pytest.mark.browser]

QUESTION = "Is ketamine approved for my problem"
"""The first question a reader can add, on the screen after the welcome."""


def start_reading(page) -> str:
    """Acknowledge the welcome screen (step 1) with Enter and wait for the reading screen, which
    opens on step 2; return it."""
    press(page, "Enter")
    return wait_for_screen(page, "1. Welcome to Recovery Guide", wording.step(2, 14))


def add_first_question(page) -> None:
    """On step 2: go to the screen's questions (s), add the first one (s)."""
    press(page, "s")
    wait_for_screen(page, "▶ [+] " + QUESTION)
    press(page, "s")
    wait_for_screen(page, "[✓] " + QUESTION)


def test_the_welcome_screen_appears_under_the_guides_name_and_language_and_enter_starts_reading(served, context):
    """One tab (it was two, each a guide of its own on the server): the welcome, then reading."""
    page = open_guide(context, served.url)
    assert "not medical advice" in screen(page)
    assert wording.step(1, 14) in screen(page)
    assert page.title() == "Recovery Guide · English"
    assert page.evaluate("document.documentElement.lang") == "en"
    html = page.content()
    assert "recovery_guide" not in html and "python" not in html.lower(), "the page shows the guide, never the command behind it"
    # what follows the button, built after the first frame: the options chart under the main message's
    # buttons (it pushes the body below the fold at this size)
    wait_for_screen(page, wording.options_chart())
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    shot = ARTIFACTS / "welcome-1280x800.png"
    page.screenshot(path=shot)
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert "Ketamine in brief" in start_reading(page)
    press(page, "ArrowRight")
    wait_for_screen(page, wording.step(3, 14), "What a course of treatment can")


def test_switching_language_shows_the_guide_in_it(served, context):
    i18n.set_language("es")
    spanish = (wording.provider_banner(), wording.step(2, 14))
    i18n.set_language("en")
    page = open_guide(context, served.url)
    start_reading(page)
    press(page, "l")
    wait_for_screen(page, "Español - Spanish")
    for _ in range(10):
        chosen = next(line for line in screen(page).splitlines() if "▶" in line)
        if "Español" in chosen:
            break
        press(page, "ArrowDown")
        wait_until(lambda: next(line for line in screen(page).splitlines() if "▶" in line) != chosen, timeout=30)
    press(page, "Enter")
    wait_for_screen(page, *spanish)


def test_a_handout_arrives_as_a_download_and_nothing_is_written_on_the_server(served, context, tmp_path):
    before = sorted(served.home.rglob("*"))
    page = open_guide(context, served.url)
    start_reading(page)
    add_first_question(page)
    press(page, "x")
    wait_for_screen(page, "Your browser will download it as:")
    with page.expect_download(timeout=60_000) as started:
        press(page, "Enter")
    download = started.value
    assert download.suggested_filename == f"recovery-guide-questions-{date.today().isoformat()}.txt"
    received = tmp_path / download.suggested_filename
    download.save_as(received)
    text = received.read_text(encoding="utf-8")
    assert QUESTION in text and "My questions" in text
    wait_for_screen(page, "Handout sent to your browser")
    assert sorted(served.home.rglob("*")) == before, "a handout in the browser writes nothing where the guide runs"


def test_two_tabs_are_two_readers(served, context):
    first = open_guide(context, served.url)
    start_reading(first)
    add_first_question(first)
    second = open_guide(context, served.url)
    start_reading(second)
    press(second, "s")
    shown = wait_for_screen(second, "▶ [+] " + QUESTION)
    assert "[✓]" not in shown and "in My questions" not in shown.replace("in My questions (m)", "")
    assert "[✓] " + QUESTION in screen(first)


def test_every_request_goes_to_the_server_itself(served, context, recorded):
    page = open_guide(context, served.url)
    start_reading(page)
    add_first_question(page)
    press(page, "x")
    wait_for_screen(page, "Your browser will download it as:")
    with page.expect_download(timeout=60_000):
        press(page, "Enter")
    own = urlsplit(served.url).netloc
    assert recorded.urls, "no request was recorded"
    assert any(url.startswith("ws://") for url in recorded.urls) and any("/download/" in url for url in recorded.urls)
    elsewhere = [url for url in recorded.urls if urlsplit(url).netloc != own]
    assert not elsewhere, f"the page asked for addresses other than the server: {elsewhere}"


def test_too_many_readers_get_a_page_that_says_so_and_a_closed_tab_frees_its_place(browser, tmp_path):
    from tests.browser.served import VIEWPORT

    served = Served(tmp_path, "--max-sessions", "1")
    try:
        context = browser.new_context(viewport=VIEWPORT)
        first = open_guide(context, served.url)
        wait_until(lambda: len(served.app_processes()) == 1, timeout=30)
        second = context.new_page()
        response = second.goto(served.url)
        assert response.status == 503
        assert "Too many people are reading the guide right now. Please try again in a minute." in second.inner_text("body")
        first.close()
        wait_until(lambda: served.app_processes() == [], timeout=30, message="closing the tab did not end its guide")
        open_guide(context, served.url)
        context.close()
    finally:
        served.stop()


def test_ctrl_c_stops_the_server_and_every_guide_cleanly(browser, tmp_path):
    from tests.browser.served import VIEWPORT

    served = Served(tmp_path)
    context = browser.new_context(viewport=VIEWPORT)
    pages = [open_guide(context, served.url) for _ in range(2)]
    wait_until(lambda: len(served.app_processes()) == 2, timeout=30)
    stopped = served.stop()
    assert stopped.returncode == 0, stopped.stderr
    assert re.search(r"open http://127\.0\.0\.1:\d+ in a web browser", stopped.stdout) and "Press Ctrl+C to stop." in stopped.stdout
    assert "Stopped." in stopped.stdout
    assert "Traceback" not in stopped.stderr + stopped.stdout, stopped.stderr
    assert served.app_processes() == [], "an app process outlived the server"
    wait_until(lambda: pages[0].evaluate("document.body.classList.contains('-closed')"), timeout=30)
    assert "This reading of the guide has ended." in pages[0].inner_text("body")
    context.close()
