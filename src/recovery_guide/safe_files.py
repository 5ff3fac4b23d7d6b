"""Reading and writing the files a reader or an editor names, without trusting what is there.

Every file the guide reads (content, a clinic file, the saved questions) and every file it writes (a
handout, ``print --output``, the saved questions) goes through here, so each rule is written once:

- **Bounded reads.** ``read_limited`` reads at most ``limit`` bytes whatever ``stat`` says (a device
  such as ``/dev/zero`` reports size 0 and never ends), refuses anything but a regular file, and opens
  with ``O_NONBLOCK`` so a named pipe (FIFO) with no writer is refused at once instead of hanging.
- **Writes that respect what is there.** ``write_private`` writes to a temporary file beside the
  target and renames it into place, so a crash or a full disk never leaves half a file. A symbolic
  link is written *through* (its target is replaced, the link stays); a folder, a device, a pipe or a
  socket is refused with a message, so a device node is never turned into a file. A new file is
  private (0600, or stricter if the umask says so): handouts hold health questions. An existing file
  keeps its mode. The temporary file is removed on every path that Python still controls; one left
  by a kill is named ``.NAME.*.tmp`` so its owner can find and remove it (``storage`` does).
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

class NotARegularFile(OSError):
    """The path is a folder, a device, a pipe or a socket: the guide neither reads nor replaces those."""


class TooLarge(ValueError):
    """The file holds more than the limit (found by reading, not by trusting ``stat``)."""

    def __init__(self, limit: int, size: int | None = None) -> None:
        self.limit = limit
        self.size = size
        """The size ``stat`` gave, when it already said too much; None when reading found it out."""
        super().__init__(f"too large ({size} bytes; the limit is {limit})" if size else f"too large (more than {limit} bytes)")


NOT_REGULAR = "it is a folder, a device or a pipe, not a regular file"


def _not_regular(path: Path | str) -> NotARegularFile:
    return NotARegularFile(errno.EINVAL, NOT_REGULAR, str(path))


def read_limited(path: Path | str, limit: int) -> bytes:
    """The bytes of the regular file ``path``; raises ``TooLarge`` past ``limit`` bytes, ``NotARegularFile``
    for anything else, ``OSError`` when it cannot be opened. Never blocks on a pipe."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_BINARY", 0)
    try:
        descriptor = os.open(path, flags)
    except IsADirectoryError:
        raise _not_regular(path) from None
    try:
        found = os.fstat(descriptor)
        if not stat.S_ISREG(found.st_mode):
            raise _not_regular(path)
        if found.st_size > limit:
            raise TooLarge(limit, found.st_size)
        chunks, total = [], 0
        while total <= limit:  # one byte past the limit tells a file that grew (or lied) from one that fits
            chunk = os.read(descriptor, limit + 1 - total)
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
    finally:
        os.close(descriptor)
    if total > limit:
        raise TooLarge(limit)
    return b"".join(chunks)


def write_target(path: Path | str) -> Path:
    """Where writing ``path`` really lands: the final target of a symbolic link, else ``path`` itself.
    Raises ``NotARegularFile`` when something other than a regular file is there (a link that loops
    raises the system's own error)."""
    path = Path(path)
    target = Path(os.path.realpath(path)) if path.is_symlink() else path
    try:
        found = os.stat(target)
    except FileNotFoundError:
        return target
    if not stat.S_ISREG(found.st_mode):
        raise _not_regular(path)
    return target


def write_private(path: Path | str, data: str | bytes) -> Path:
    """Write ``data`` (text as UTF-8) to ``path`` atomically; returns the file written (a link's target).

    The temporary file is made 0600 less the umask (``mkstemp`` asks for 0600 and the system applies
    the umask), which is the mode a new file keeps; a file that was there keeps its own mode.
    Raises ``NotARegularFile`` for a folder, device, pipe or socket, ``OSError`` for any other failure;
    in every case the temporary file is gone and what was there is untouched."""
    target = write_target(path)
    try:
        kept_mode: int | None = stat.S_IMODE(os.stat(target).st_mode)
    except FileNotFoundError:
        kept_mode = None
    payload = data.encode("utf-8") if isinstance(data, str) else data
    import tempfile  # here, not at the top: it costs about 7 ms, and most runs (every read, `print` to the screen) never write

    handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(payload)
            stream.flush()
            os.fsync(stream.fileno())
        if kept_mode is not None:
            os.chmod(temporary, kept_mode)
        os.replace(temporary, target)
    except BaseException:
        try:
            os.unlink(temporary)
        except OSError:
            pass
        raise
    return target
