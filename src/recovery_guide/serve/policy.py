"""Where ``serve`` may listen, and what the operator is told about it.

The guide is for one person at a time and holds health questions, so by default it listens only on
this computer's own loopback address. Any other address lets everyone who can reach it open the guide:
that is allowed only when the operator says so (``--allow-remote``), or for a clinic's shared screen
(``--kiosk``, where nothing is saved and nothing stays behind a reader), and is always said out loud.

Every problem is one line for the operator (``ServeRefused``), checked before anything heavy is
loaded; nothing here imports a web library.
"""

from __future__ import annotations

import ipaddress
import socket
from dataclasses import dataclass

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000
DEFAULT_MAX_SESSIONS = 8
"""Each browser tab runs its own app (about 37 MiB PSS); eight share 2 cores at about 13 s to the first
screen when they arrive together, on a loaded machine (benchmarks/README.md)."""

MAX_PORT = 65535


class ServeRefused(Exception):
    """A reason not to start the server, as one line for the operator (the command exits 2)."""


@dataclass(frozen=True)
class Address:
    host: str
    port: int
    loopback: bool
    """Only this computer can reach it."""

    @property
    def url(self) -> str:
        """The address to open in a browser; a wildcard host is named by this computer's name."""
        host = self.host
        if _is_wildcard(host):
            host = socket.gethostname()
        elif ":" in host:
            host = f"[{host}]"  # an IPv6 address in a URL
        return f"http://{host}:{self.port}"


def parse_port(text: str) -> int:
    """A port number from the command line, or ServeRefused naming what is wrong."""
    try:
        port = int(text.strip())
    except ValueError:
        raise ServeRefused(f"--port {text!r}: a port is a whole number from 1 to {MAX_PORT}") from None
    if not 1 <= port <= MAX_PORT:
        raise ServeRefused(f"--port {port}: a port is a whole number from 1 to {MAX_PORT}")
    return port


def parse_max_sessions(text: str) -> int:
    """How many browser tabs may read at once: a whole number, at least 1."""
    try:
        count = int(text.strip())
    except ValueError:
        count = 0
    if count < 1:
        raise ServeRefused(f"--max-sessions {text!r}: give how many readers may use the guide at once, a whole number of 1 or more")
    return count


def is_loopback(host: str) -> bool:
    """True when only this computer can reach ``host``: a loopback address, or a name whose every
    address is one. A name that resolves to nothing is refused rather than guessed at."""
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        pass
    try:
        found = socket.getaddrinfo(host, None, proto=socket.IPPROTO_TCP)
    except (socket.gaierror, UnicodeError):
        raise ServeRefused(f"--host {host!r}: not an address or a name this computer knows") from None
    return all(ipaddress.ip_address(entry[4][0].split("%")[0]).is_loopback for entry in found)


def check_address(host: str, port_text: str, *, kiosk: bool, allow_remote: bool) -> tuple[Address, str | None]:
    """The address to listen on and the warning to print first (None on loopback).

    A non-loopback host is refused unless ``kiosk`` or ``allow_remote``: the warning is then the
    reason for the refusal, so the operator reads the same words either way."""
    host = host.strip()
    if not host:
        raise ServeRefused("--host '': give an address, e.g. 127.0.0.1 (this computer only)")
    port = parse_port(port_text)
    address = Address(host, port, is_loopback(host))
    if address.loopback:
        return address, None
    reachable = "this computer" if _is_wildcard(host) else host
    warning = (
        f"anyone on a network that can reach {reachable} can open the guide at {address.url}; "
        "use it only on a closed network or behind a proxy with TLS and a password (README: For clinics)"
    )
    if not (kiosk or allow_remote):
        raise ServeRefused(f"refusing to serve on {host}: {warning}. Add --kiosk for a shared screen, or --allow-remote if you mean it")
    return address, f"warning: {warning}"


def _is_wildcard(host: str) -> bool:
    try:
        return ipaddress.ip_address(host).is_unspecified
    except ValueError:
        return False
