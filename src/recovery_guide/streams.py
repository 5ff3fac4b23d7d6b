"""Writing to standard output that may be closed or full (``>&-``, ``>/dev/full``).

``print`` and ``read`` both write through ``write_through``; the command line turns ``OutputFailed``
into one line on standard error and exit status 2. A closed pipe (``| head``) stays a
BrokenPipeError, which is no error at all.
"""

from __future__ import annotations

from typing import TextIO


class OutputFailed(Exception):
    """The text could not be written; the message is the system's reason (``No space left on device``)."""


def write_through(stream: TextIO, text: str) -> None:
    """Write and flush at once, so a full disk is found here and not by the flush at exit."""
    try:
        stream.write(text)
        stream.flush()
    except BrokenPipeError:
        raise
    except OSError as error:
        raise OutputFailed(error.strerror or str(error)) from None
