"""textual-serve's server, made fit for readers: our page, a cap on sessions, clean stops, safe downloads.

textual-serve (the Textual project's own server) does the real work: each browser tab opens a
websocket, each websocket gets its own app process running the web driver, and files the app
delivers (``App.deliver_text``) are streamed to the browser as downloads. This subclass changes only
what a clinic needs different:

- the page is ours (``templates/``): no web font or any other request to outside this server, the
  guide's name and language instead of the command, the guide opens without a click;
- at most ``max_sessions`` tabs at once; one more gets a "try again in a minute" page (HTTP 503);
- a websocket from a page of another site (a different ``Origin``) is refused: a web page the reader
  visits must not start guides on the clinic's computer;
- each app runs without a shell and in a session of its own, so Ctrl+C at the server's terminal
  reaches only the server, which then asks every app to quit and waits for it (none is left behind);
- each app has an empty home folder of its own, removed when its tab closes: no tab sees the saved
  file of the person who runs the server, or of another tab, and nothing a tab saved stays behind;
- a download's file name is sent as RFC 6266 says, so a name with spaces or accents arrives whole;
- the console says where to open the guide and how to stop it, and logs no request (no reader's
  address or path is written anywhere).

This is the only module that imports ``textual_serve`` or ``aiohttp`` (an import-linter contract).
"""

from __future__ import annotations

import asyncio
import errno
import ipaddress
import logging
import os
import shutil
import signal
import site
import sys
import tempfile
from pathlib import Path
from typing import Callable
from urllib.parse import quote, urlsplit

import aiohttp_jinja2
from aiohttp import WSCloseCode, web
from textual_serve.app_service import AppService
from textual_serve.server import Server

from recovery_guide.serve.policy import Address, ServeRefused
from recovery_guide.session import SERVED_VARIABLE

TEMPLATES = Path(__file__).parent / "templates"
STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)
"""What stops the server and, with it, every reader's app (which run in sessions of their own and
would not hear the terminal's hang-up themselves)."""
STOP_WAIT = 10.0
"""Seconds an app has to quit when asked before it is ended (a healthy one needs well under one)."""

log = logging.getLogger("recovery-guide.serve")

SECURITY_HEADERS = {
    # The page may load and connect only to this server: a stray link to outside is blocked by the
    # browser too, not only left out of the template.
    "Content-Security-Policy": (
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
        "connect-src 'self'; img-src 'self' data:; font-src 'self'; frame-ancestors 'none'; base-uri 'none'"
    ),
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
    "Cache-Control": "no-store",
}


class GuideAppService(AppService):
    """One reader's app process, started without a shell and in a session of its own.

    textual-serve runs its command through ``/bin/sh``; the guide's command is a list (paths are
    never parsed by a shell). A session of its own keeps the terminal's Ctrl+C away from the app:
    the server asks it to quit instead, and ends it only if it does not."""

    def __init__(self, argv: list[str], **kwargs) -> None:
        super().__init__(" ".join(argv), **kwargs)
        self.argv = argv
        self.home = Path(tempfile.mkdtemp(prefix="recovery-guide-reader-"))
        """This reader's own empty home folder (0700), removed when the session ends."""

    def _build_environment(self, width: int = 80, height: int = 24) -> dict[str, str]:
        """textual-serve's environment, with a home of this reader's own: the guide finds no saved
        file of the operator's or of another tab's, and what it saves is gone when the tab closes."""
        environment = super()._build_environment(width=width, height=height)
        environment.update(private_home(self.home))
        environment[SERVED_VARIABLE] = "1"
        return environment

    async def _open_app_process(self, width: int = 80, height: int = 24):
        environment = self._build_environment(width=width, height=height)
        pipe = asyncio.subprocess.PIPE
        self._process = process = await asyncio.create_subprocess_exec(
            *self.argv, stdin=pipe, stdout=pipe, stderr=pipe, env=environment, start_new_session=True
        )
        self._stdin = process.stdin
        return process

    async def run(self) -> None:
        """Relay the app's output until it ends, then close the tab's connection: textual-serve closes
        it only when the app says goodbye, so an app that failed to start left the page waiting forever.
        The page then says the reading has ended, with a button to start again."""
        await super().run()
        await self.remote_close()

    async def stop(self) -> None:
        """Ask the app to quit (textual-serve's way); end it if it has not within ``STOP_WAIT``."""
        try:
            await asyncio.wait_for(super().stop(), STOP_WAIT)
        except (asyncio.TimeoutError, ConnectionError):
            pass
        process = self._process
        if process is not None and process.returncode is None:
            try:
                await asyncio.wait_for(process.wait(), STOP_WAIT)
            except asyncio.TimeoutError:
                process.kill()
                await process.wait()
        shutil.rmtree(self.home, ignore_errors=True)


class GuideServer(Server):
    """Serves ``argv`` (the guide's own command) to browsers; see the module's docstring."""

    def __init__(self, argv: list[str], address: Address, page: dict[str, object], max_sessions: int, say: Callable[[str], None] = print) -> None:
        super().__init__(" ".join(argv), host=address.host, port=address.port, title=str(page["name"]), templates_path=TEMPLATES)
        self.argv = argv
        self.address = address
        self.page = page
        self.max_sessions = max_sessions
        self.say = say
        self.sockets: set[web.WebSocketResponse] = set()
        """The open readers' websockets: one app process each."""
        self.endings: set[asyncio.Future] = set()
        """Sessions being ended (their apps asked to quit); a stop waits for them."""

    # --- the web application ---------------------------------------------------------------------------

    async def _make_app(self) -> web.Application:
        app = await super()._make_app()
        app.middlewares.insert(0, self._own_host_only)
        app.on_response_prepare.append(self._add_security_headers)
        return app

    @web.middleware
    async def _own_host_only(self, request: web.Request, handler):
        """Listening on this computer only, answer only requests addressed to it: a web page elsewhere
        could otherwise point a name of its own at 127.0.0.1 (DNS rebinding), pass the same-origin
        check under that name and open sessions."""
        if self.address.loopback and not loopback_host(request.host):
            raise web.HTTPMisdirectedRequest(text="This guide answers only at its own address on this computer.")
        return await handler(request)

    @staticmethod
    async def _add_security_headers(_request: web.Request, response: web.StreamResponse) -> None:
        for name, value in SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)

    @property
    def full(self) -> bool:
        return len(self.sockets) >= self.max_sessions

    async def handle_index(self, request: web.Request) -> web.StreamResponse:
        """The page that opens the guide, or the "too many readers" page when every place is taken."""
        if self.full:
            response = aiohttp_jinja2.render_template("busy.html", request, self.page, status=503)
            response.headers["Retry-After"] = "60"
            return response
        font_size = min(max(_whole(request.query.get("fontsize"), 16), 8), 48)
        return aiohttp_jinja2.render_template("app_index.html", request, {**self.page, "font_size": font_size})

    async def handle_websocket(self, request: web.Request) -> web.StreamResponse:
        """One reader: an app process for as long as the tab's websocket is open."""
        if not same_origin(request.headers.get("Origin"), request.host):
            raise web.HTTPForbidden(text="This guide opens only from its own page.")
        if self.full:
            raise web.HTTPServiceUnavailable(text=str(self.page["words"]["busy"]), headers={"Retry-After": "60"})
        websocket = web.WebSocketResponse(heartbeat=15)
        width = min(max(_whole(request.query.get("width"), 80), 10), 500)
        height = min(max(_whole(request.query.get("height"), 24), 5), 300)
        self.sockets.add(websocket)
        app_service: GuideAppService | None = None
        try:
            await websocket.prepare(request)
            app_service = GuideAppService(
                self.argv,
                write_bytes=websocket.send_bytes,
                write_str=websocket.send_str,
                close=lambda: close_quietly(websocket),
                download_manager=self.download_manager,
            )
            await app_service.start(width, height)
            await self._process_messages(websocket, app_service)
        except asyncio.CancelledError:
            pass
        except Exception as error:  # one reader's broken connection must not stop the others
            log.warning("a reader's session ended with an error: %s", error)
        finally:
            # aiohttp may cancel this handler when the tab goes away: the ending runs as a task of its
            # own, so a cancelled handler still stops its app and frees its place.
            ending = asyncio.ensure_future(self._end_session(websocket, app_service))
            self.endings.add(ending)
            ending.add_done_callback(self.endings.discard)
            try:
                await asyncio.shield(ending)
            except asyncio.CancelledError:
                pass
        return websocket

    async def _end_session(self, websocket: web.WebSocketResponse, app_service: GuideAppService | None) -> None:
        """Stop the tab's app, close its connection, then free its place (only once the app has ended
        and its home is gone, so the cap counts every process still running)."""
        try:
            if app_service is not None:
                await app_service.stop()
            await close_quietly(websocket)
        finally:
            self.sockets.discard(websocket)

    async def handle_download(self, request: web.Request) -> web.StreamResponse:
        """A file the app delivered (a handout), streamed once to the browser under its own name."""
        key = request.match_info["key"]
        try:
            download = await self.download_manager.get_download_metadata(key)
        except KeyError:
            raise web.HTTPNotFound(text="This download has ended. Make the handout again.") from None
        response = web.StreamResponse()
        content_type = download.mime_type + (f"; charset={download.encoding}" if download.encoding else "")
        response.headers["Content-Type"] = content_type
        disposition = "inline" if download.open_method == "browser" else "attachment"
        response.headers["Content-Disposition"] = content_disposition(disposition, download.file_name)
        await response.prepare(request)
        async for chunk in self.download_manager.download(key):
            await response.write(chunk)
        await response.write_eof()
        return response

    async def on_startup(self, app: web.Application) -> None:
        """textual-serve prints its logo and the command here; the operator's lines come from ``run``."""

    async def on_shutdown(self, app: web.Application) -> None:
        """Close every reader's websocket: each handler then asks its app to quit and waits for it."""
        await asyncio.gather(
            *(socket.close(code=WSCloseCode.GOING_AWAY, message=b"The guide was stopped.") for socket in list(self.sockets)),
            return_exceptions=True,
        )
        await wait_until_true(lambda: not self.sockets, STOP_WAIT * 2)
        await asyncio.gather(*list(self.endings), return_exceptions=True)

    def initialize_logging(self) -> None:
        """Warnings only, as plain lines: no request log (it would record readers' addresses)."""
        logging.basicConfig(level=logging.WARNING, format="recovery-guide serve: %(message)s", stream=sys.stderr)

    # --- running -----------------------------------------------------------------------------------

    def serve(self, debug: bool = False) -> None:
        """Listen until Ctrl+C (SIGINT) or SIGTERM, then stop every app and return."""
        self.initialize_logging()
        asyncio.run(self._serve())

    async def _serve(self) -> None:
        runner = web.AppRunner(await self._make_app(), handle_signals=False, access_log=None, shutdown_timeout=STOP_WAIT)
        await runner.setup()
        site = web.TCPSite(runner, self.address.host, self.address.port)
        try:
            await site.start()
        except OSError as error:
            await runner.cleanup()
            raise ServeRefused(listen_problem(error, self.address)) from None
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for number in STOP_SIGNALS:  # SIGHUP: the terminal closed or the SSH session dropped
            loop.add_signal_handler(number, stop.set)
        self.say(f"Recovery Guide is ready: open {self.address.url} in a web browser (readers at a time: at most {self.max_sessions}).")
        self.say("Press Ctrl+C to stop.")
        try:
            await stop.wait()
            self.say(f"Stopping (readers open: {len(self.sockets)})...")
            await runner.cleanup()
        finally:
            for number in STOP_SIGNALS:
                loop.remove_signal_handler(number)
        self.say("Stopped.")


async def wait_until_true(condition: Callable[[], bool], timeout: float) -> None:
    """Let the handlers run until ``condition`` holds, or ``timeout`` seconds have passed."""
    deadline = asyncio.get_running_loop().time() + timeout
    while not condition() and asyncio.get_running_loop().time() < deadline:
        await asyncio.sleep(0.05)


async def close_quietly(websocket: web.WebSocketResponse) -> None:
    """Close a tab's connection if it is still open, waiting at most a moment for the browser's
    answer: a tab that went away first (closed, or its network gone) must not hold the session."""
    if websocket.closed:
        return
    try:
        await asyncio.wait_for(websocket.close(), 2)
    except (asyncio.TimeoutError, ConnectionError):
        pass


def private_home(home: Path) -> dict[str, str]:
    """Variables that give an app process ``home`` as its home and data folders (platformdirs reads
    HOME and the XDG variables), while Python still finds packages installed with ``pip --user``."""
    return {
        "HOME": str(home),
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_STATE_HOME": str(home / "state"),
        "XDG_CACHE_HOME": str(home / "cache"),
        "PYTHONUSERBASE": os.environ.get("PYTHONUSERBASE") or site.getuserbase(),
    }


def loopback_host(host: str) -> bool:
    """Whether a request's ``Host`` names this computer: localhost or a loopback address, any port."""
    name = urlsplit(f"//{host}").hostname or ""
    if name == "localhost" or name.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


def same_origin(origin: str | None, host: str) -> bool:
    """True unless a browser says the request comes from a page of another site.

    A request without ``Origin`` comes from no web page (a browser always sends it on a websocket)."""
    if origin is None:
        return True
    return urlsplit(origin).netloc.lower() == host.lower()


def content_disposition(disposition: str, file_name: str) -> str:
    """``attachment; filename="..."; filename*=UTF-8''...`` (RFC 6266): a plain ASCII name for old
    browsers and the exact name, accents and spaces included, for every current one."""
    fallback = "".join(char if char.isascii() and char.isprintable() and char not in '"\\' else "_" for char in file_name)
    return f"{disposition}; filename=\"{fallback}\"; filename*=UTF-8''{quote(file_name, safe='')}"


def listen_problem(error: OSError, address: Address) -> str:
    """One line for the operator: why the server could not listen, and what to do."""
    where = f"port {address.port} on {address.host}"
    if error.errno == errno.EADDRINUSE:
        return f"{where} is already in use (another program, or the guide already running?): choose another with --port"
    if error.errno == errno.EACCES:
        return f"not allowed to use {where} (ports below 1024 need special rights): choose another with --port"
    if error.errno == errno.EADDRNOTAVAIL:
        return f"{address.host} is not an address of this computer: check --host"
    return f"cannot listen on {where}: {error.strerror or error}"


def _whole(text: str | None, default: int) -> int:
    try:
        return int(text) if text is not None else default
    except ValueError:
        return default
