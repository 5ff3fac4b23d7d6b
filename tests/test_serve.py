"""``recovery-guide serve`` without a browser: where it may listen, its one-line errors, the page it
serves (nothing from outside, the guide's name and language, escaped), the session cap, refused
websockets from other sites, download names, and the handout sent to the browser instead of written.
The same server in a real browser: tests/browser/."""

from __future__ import annotations

import asyncio
import os
import re
import socket
import sys
import time
from datetime import date
from pathlib import Path

import pytest

from recovery_guide import i18n
from recovery_guide.serve.policy import Address, ServeRefused, check_address
from tests.helpers import acknowledge, add_question, run, settle

# --- where it may listen ---------------------------------------------------------------------------


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost", "::1", "127.0.0.2"])
def test_loopback_is_served_without_a_warning(host):
    address, warning = check_address(host, "8000", kiosk=False, allow_remote=False)
    assert address.loopback and warning is None
    assert address.port == 8000


@pytest.mark.parametrize("host", ["0.0.0.0", "192.168.1.20", "::"])
def test_another_address_is_refused_without_kiosk_or_allow_remote(host):
    with pytest.raises(ServeRefused) as refused:
        check_address(host, "8000", kiosk=False, allow_remote=False)
    message = str(refused.value)
    assert "anyone on a network" in message and "can open the guide" in message
    assert "--kiosk" in message and "--allow-remote" in message
    assert "\n" not in message


@pytest.mark.parametrize("flag", ["kiosk", "allow_remote"])
def test_another_address_with_kiosk_or_allow_remote_is_served_with_a_warning(flag):
    address, warning = check_address("192.168.1.20", "8000", **{"kiosk": flag == "kiosk", "allow_remote": flag == "allow_remote"})
    assert not address.loopback
    assert warning.startswith("warning: anyone on a network that can reach 192.168.1.20 can open the guide at http://192.168.1.20:8000")


def test_an_ipv6_address_is_written_in_brackets():
    assert Address("::1", 8000, True).url == "http://[::1]:8000"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--host", "0.0.0.0"], "refusing to serve on 0.0.0.0: anyone on a network that can reach this computer can open the guide"),
        (["--port", "70000"], "--port 70000: a port is a whole number from 1 to 65535"),
        (["--port", "eighty"], "--port 'eighty': a port is a whole number from 1 to 65535"),
        (["--port", "0"], "--port 0: a port is a whole number from 1 to 65535"),
        (["--max-sessions", "0"], "--max-sessions '0': give how many readers"),
        (["--host", ""], "--host '': give an address"),
    ],
)
def test_serve_mistakes_are_one_line_and_exit_2(args, message):
    result = run("serve", *args)
    assert result.returncode == 2
    assert result.stderr.startswith(f"recovery-guide: {message}"), result.stderr
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr


def test_a_port_in_use_is_one_line_naming_it():
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = run("serve", "--port", str(port))
    assert result.returncode == 2
    assert result.stderr == f"recovery-guide: port {port} on 127.0.0.1 is already in use (another program, or the guide already running?): choose another with --port\n"


# --- the page -------------------------------------------------------------------------------------------


def make_server(max_sessions: int = 8, language: str = "en", **page_changes):
    from recovery_guide.serve.page import page_context
    from recovery_guide.serve.server import GuideServer

    i18n.set_language(language)
    page = {**page_context(language), **page_changes}
    return GuideServer(["/srv/clinic-secret/bin/python", "-m", "recovery_guide"], Address("127.0.0.1", 8000, True), page, max_sessions, say=lambda line: None)


@pytest.fixture
async def client_of():
    """``client_of(server)``: an aiohttp test client of the server's web application."""
    from aiohttp.test_utils import TestClient, TestServer

    clients = []

    async def start(server):
        client = TestClient(TestServer(await server._make_app()))
        await client.start_server()
        clients.append(client)
        return client

    yield start
    for client in clients:
        await client.close()


async def test_the_page_loads_nothing_from_outside_the_server(client_of):
    client = await client_of(make_server())
    response = await client.get("/")
    assert response.status == 200
    html = await response.text()
    assert not re.search(r"(?:https?:)?//\w", html, re.IGNORECASE), "the page names an address outside this server"
    assert "fonts.googleapis" not in html
    references = [reference for reference in re.findall(r'(?:src|href)="([^"]*)"', html) if not reference.startswith("data:")]
    assert references and all(reference.startswith("/static/") for reference in references), references
    for reference in references:
        assert (await client.get(reference)).status == 200, reference
    assert "default-src 'self'" in response.headers["Content-Security-Policy"]


async def test_the_page_names_the_guide_and_its_language_not_the_command(client_of):
    html = await (await (await client_of(make_server(language="es"))).get("/")).text()
    i18n.set_language("es")
    from recovery_guide import wording

    assert '<html lang="es" dir="ltr">' in html
    assert f"<title>{wording.app_title()} · Español</title>" in html
    assert i18n._("Opening the guide…") in html and i18n._("Opening the guide…") != "Opening the guide…"
    assert "clinic-secret" not in html and "recovery_guide" not in html, "the page never shows the command it runs"


async def test_the_page_escapes_what_it_is_given(client_of):
    html = await (await (await client_of(make_server(name="<script>alert(1)</script>"))).get("/")).text()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


async def test_when_every_place_is_taken_readers_get_a_page_that_says_so(client_of):
    server = make_server(max_sessions=1)
    client = await client_of(server)
    assert (await client.get("/")).status == 200
    server.sockets.add(object())  # one reader is reading
    busy = await client.get("/")
    assert busy.status == 503 and busy.headers["Retry-After"] == "60"
    assert "Too many people are reading the guide right now. Please try again in a minute." in await busy.text()
    assert (await client.get("/ws")).status == 503
    server.sockets.clear()
    assert (await client.get("/")).status == 200


async def test_a_websocket_from_a_page_of_another_site_is_refused(client_of):
    client = await client_of(make_server())
    response = await client.get("/ws", headers={"Origin": "http://example.org", "Connection": "Upgrade", "Upgrade": "websocket"})
    assert response.status == 403


def test_a_download_keeps_its_name_with_spaces_and_accents():
    from recovery_guide.serve.server import content_disposition

    header = content_disposition("attachment", 'mis preguntas "ñ".txt')
    assert header == "attachment; filename=\"mis preguntas ___.txt\"; filename*=UTF-8''mis%20preguntas%20%22%C3%B1%22.txt"


# --- the handout in a browser ---------------------------------------------------------------------


@pytest.fixture
def web_app(monkeypatch, tmp_path):
    """The app as ``serve`` runs it (``is_web``), with ``deliver_text`` recorded: (text, options) each."""
    from recovery_guide.guide_content.folder import ContentFolder, load_guide
    from recovery_guide.session import Session
    from recovery_guide.storage import Store
    from recovery_guide.tui.app import RecoveryGuideApp

    delivered: list[tuple[str, dict]] = []

    def deliver_text(self, file, **options):
        delivered.append((file.read(), options))
        return "key"

    monkeypatch.setattr(RecoveryGuideApp, "is_web", property(lambda self: True))
    monkeypatch.setattr(RecoveryGuideApp, "deliver_text", deliver_text)
    (tmp_path / "documents").mkdir()
    session = Session(load_guide("en"), ContentFolder(), store=Store(tmp_path / "data"), handout_folder=tmp_path / "documents")
    return RecoveryGuideApp(session), delivered, tmp_path / "documents"


@pytest.mark.slow
@pytest.mark.parametrize(("html", "typed", "name", "mime_type"), [
    (False, None, f"recovery-guide-questions-{date.today().isoformat()}.txt", "text/plain"),
    (True, "../../srv/elsewhere/my handout.html", "my handout.html", "text/html"),
])
async def test_a_handout_in_a_browser_is_a_download_and_nothing_is_written(web_app, html, typed, name, mime_type):
    from recovery_guide.tui.screens.handout import HandoutDialog

    app, delivered, documents = web_app
    async with app.run_test(size=(100, 40)) as pilot:
        await acknowledge(pilot)
        await add_question(pilot, 0)
        await pilot.press("x")
        await settle(pilot, lambda: isinstance(app.screen, HandoutDialog))
        path_input = app.screen.query_one("#handout-path")
        assert path_input.value == f"recovery-guide-questions-{date.today().isoformat()}.txt", "a file name only: no folder of the server"
        if html:
            app.screen.query_one("#format-html").value = True
            await pilot.pause()
        if typed:
            path_input.value = typed
        await pilot.press("enter")
        await settle(pilot, lambda: not isinstance(app.screen, HandoutDialog))
        assert not app.session.questions_at_risk, "the downloaded handout holds the list"
    [(text, options)] = delivered
    assert options["save_filename"] == name and options["mime_type"] == mime_type and options["encoding"] == "utf-8"
    assert app.session.guide.pages[1].questions[0].text in " ".join(text.split())
    assert text.startswith("<!DOCTYPE html>") == html
    assert list(documents.iterdir()) == [], "nothing is written where the guide runs"


@pytest.mark.slow
async def test_quitting_with_a_handout_in_a_browser_waits_for_the_download(web_app):
    """Quitting by way of a handout: the app serves the download itself, so it quits once the browser has it."""
    from textual import events

    from recovery_guide.tui.screens.handout import HandoutDialog
    from recovery_guide.tui.screens.quit import QuitDialog

    app, delivered, _documents = web_app
    async with app.run_test(size=(100, 40)) as pilot:
        app.session.add_own("Can my sister come with me?")
        await pilot.press("q")
        await settle(pilot, lambda: isinstance(app.screen, QuitDialog))
        app.screen.query_one("#quit-handout").press()
        await settle(pilot, lambda: isinstance(app.screen, HandoutDialog))
        await pilot.press("enter")
        await settle(pilot, lambda: delivered and not isinstance(app.screen, HandoutDialog))
        assert app.is_running, "quitting now would end the download"
        app.post_message(events.DeliveryComplete(key="key"))
        await settle(pilot, lambda: not app.is_running)
    assert "Can my sister come with me?" in delivered[0][0]


# --- a session's lifetime: one app process per connection -----------------------------------------------

STUB_APP = """
import sys
from textual.app import App
from textual.widgets import Static

class Stub(App):
    def compose(self):
        yield Static("stub")

    def on_mount(self):
        if sys.argv[1] == "exit-soon":  # as a kiosk's app ends itself after its idle reset
            self.set_timer(0.5, self.exit)

if sys.argv[1] == "fail":  # as the guide does with content it cannot read
    sys.exit("stub: cannot start")
if sys.argv[1] == "save":  # as the guide saves: report what it found in its data folder, then write there
    import json
    from pathlib import Path
    from platformdirs import user_data_dir

    saved = Path(user_data_dir("recovery-guide", appauthor=False)) / "saved.json"
    Path(sys.argv[2]).write_text(json.dumps({"found": saved.read_text() if saved.exists() else None, "path": str(saved)}))
    saved.parent.mkdir(parents=True, exist_ok=True)
    saved.write_text("this reader's questions")
Stub().run()
"""


async def stub_session(client_of, tmp_path, mode: str, *extra: str):
    """A server whose app is a small Textual app (``mode``: "exit-soon", "fail", "save" or "stay"), and one connection to it."""
    script = tmp_path / "stub_app.py"
    script.write_text(STUB_APP, encoding="utf-8")
    from recovery_guide.serve.page import page_context
    from recovery_guide.serve.server import GuideServer

    server = GuideServer([sys.executable, str(script), mode, *extra], Address("127.0.0.1", 8000, True), page_context("en"), 8, say=lambda line: None)
    client = await client_of(server)
    socket = await client.ws_connect("/ws?width=80&height=24")
    return server, socket


async def wait_for(condition, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "condition not met in time"
        await asyncio.sleep(0.05)


def running_pids(pids: set[int]) -> set[int]:
    return {pid for pid in pids if Path(f"/proc/{pid}").exists() and "zombie" not in Path(f"/proc/{pid}/status").read_text().lower()}


def children_of(pid: int) -> set[int]:
    found = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if Path(entry / "stat").read_text().rsplit(")", 1)[1].split()[1] == str(pid):
                    found.add(int(entry.name))
            except OSError:
                continue
    return found


@pytest.mark.slow
@pytest.mark.parametrize("mode", ["exit-soon", "fail"])
async def test_a_session_ends_when_its_app_ends_by_itself(client_of, tmp_path, mode):
    """A kiosk's app ends itself after its idle reset when it runs in a browser, and an app can fail
    to start: either way the tab's connection closes (its page says so) and its place is free again."""
    server, socket = await stub_session(client_of, tmp_path, mode)
    await wait_for(lambda: len(server.sockets) == 1)

    async def until_closed() -> None:
        async for _message in socket:
            pass

    await asyncio.wait_for(until_closed(), 30)  # the server closes it (a timeout fails the test)
    assert socket.closed
    await wait_for(lambda: not server.sockets)
    await wait_for(lambda: not running_pids(children_of(os.getpid())))


@pytest.mark.slow
async def test_closing_the_tab_ends_its_app(client_of, tmp_path):
    server, socket = await stub_session(client_of, tmp_path, "stay")
    await wait_for(lambda: len(server.sockets) == 1 and running_pids(children_of(os.getpid())))
    await socket.receive()  # the app has started and drawn
    await socket.close()
    await wait_for(lambda: not server.sockets)
    await wait_for(lambda: not running_pids(children_of(os.getpid())))


@pytest.mark.slow
async def test_each_tab_has_a_home_of_its_own_that_ends_with_it(client_of, tmp_path):
    """The person running the server may have saved their own questions: no tab sees them, no tab
    sees another's, and nothing a tab saved is left once it closes."""
    import json

    from platformdirs import user_data_dir

    operators = Path(user_data_dir("recovery-guide", appauthor=False)) / "saved.json"
    operators.parent.mkdir(parents=True, exist_ok=True)
    operators.write_text("the operator's own questions")
    reports = []
    for number in (1, 2):
        report = tmp_path / f"report-{number}.json"
        server, socket = await stub_session(client_of, tmp_path, "save", str(report))
        await wait_for(report.exists)
        await wait_for(lambda: report.read_text())
        reports.append(json.loads(report.read_text()))
        await socket.close()
        await wait_for(lambda: not server.sockets)
        await wait_for(lambda: not running_pids(children_of(os.getpid())))
        assert not Path(reports[-1]["path"]).exists(), "what the tab saved is gone with it"
    assert [each["found"] for each in reports] == [None, None], "a tab found someone else's saved questions"
    assert reports[0]["path"] != reports[1]["path"]
    assert operators.read_text() == "the operator's own questions"


async def test_listening_on_this_computer_it_answers_only_its_own_names(client_of):
    """DNS rebinding: a page of another site that points its own name at 127.0.0.1 passes the
    same-origin check under that name; the Host it sends gives it away (adversarial review)."""
    client = await client_of(make_server())
    assert (await client.get("/", headers={"Host": "evil.example:8000"})).status == 421
    response = await client.get("/ws", headers={"Host": "evil.example:8000", "Origin": "http://evil.example:8000", "Connection": "Upgrade", "Upgrade": "websocket"})
    assert response.status == 421
    for host in ("localhost:8000", "127.0.0.1:8000", "[::1]:8000"):
        assert (await client.get("/", headers={"Host": host})).status == 200, host


def test_a_clinic_default_language_no_tab_could_open_is_refused_at_start(tmp_path):
    clinic = tmp_path / "clinic.yaml"
    clinic.write_text("name: Riverside\nkiosk: true\ndefault_language: xx\n", encoding="utf-8")
    result = run("serve", "--clinic", str(clinic), "--port", "8799")
    assert result.returncode == 2
    assert result.stderr.startswith(f"recovery-guide: {clinic}:3: default_language: no such language 'xx'"), result.stderr
    assert "Traceback" not in result.stderr


def test_the_server_stops_on_a_hang_up_too():
    """The terminal that started it closing (or an SSH session dropping) stops the server and so its
    readers' apps, which run in sessions of their own and would not hear the hang-up."""
    import signal

    from recovery_guide.serve.server import STOP_SIGNALS

    assert signal.SIGHUP in STOP_SIGNALS and signal.SIGINT in STOP_SIGNALS and signal.SIGTERM in STOP_SIGNALS
