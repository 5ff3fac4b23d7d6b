"""Fixtures for the real-browser tests: one headless Chromium and one server per module, a fresh
browser context (its own cookies, downloads and record of requests) per test."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.browser.served import CHROMIUM_ARGS, VIEWPORT, Served, chromium_path


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    executable = chromium_path()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="module")
def served(tmp_path_factory) -> Iterator[Served]:
    server = Served(tmp_path_factory.mktemp("serve-home"))
    yield server
    server.stop()


class Recorded:
    """Every address a test's pages asked for: requests (documents, scripts, fonts, downloads) and websockets."""

    def __init__(self) -> None:
        self.urls: list[str] = []

    def watch(self, context) -> None:
        """Requests of every page of ``context`` (a download's tab too, which opens and closes at once)
        and the websockets of each page it opens."""
        context.on("request", lambda request: self.urls.append(request.url))
        context.on("page", lambda page: page.on("websocket", lambda socket: self.urls.append(socket.url)))


@pytest.fixture
def recorded() -> Recorded:
    return Recorded()


@pytest.fixture
def context(browser, recorded):
    context = browser.new_context(viewport=VIEWPORT, accept_downloads=True)
    recorded.watch(context)
    yield context
    context.close()
