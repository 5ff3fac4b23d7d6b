"""Helpers imported inside every measured process (both apps), so both are measured the same way.

Kept to the standard library and tiny: it is loaded into the processes whose start-up we time.
Results go back to the parent as JSON lines on the file descriptor named by ``BENCH_FD``.
"""

from __future__ import annotations

import json
import os
import resource
import time


def report(**values) -> None:
    """Send one JSON line to the parent (nothing happens when run by hand, without ``BENCH_FD``)."""
    fd = os.environ.get("BENCH_FD")
    if fd:
        os.write(int(fd), (json.dumps(values) + "\n").encode())


def maxrss_kib() -> int:
    """This process's peak resident memory so far, in KiB (Linux reports ru_maxrss in KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


class ExitOnFirstFrame:
    """Mixin for a Textual ``App``: report the moment of the first frame, then exit.

    "First frame" is the first time the app hands a composited screen to the terminal driver
    (``App._display`` with something to draw, outside a batch). Textual's own ``Ready`` event is not
    used: it is sent after the first layout of *any* screen, and when ``on_mount`` pushes a screen
    (as Recovery Guide does) that layout is of the hidden default screen, so nothing has been drawn
    yet. The same hook serves both apps. ``time.monotonic`` is CLOCK_MONOTONIC, shared with the
    parent process, which read it just before it launched this one.
    """

    _bench_painted = False

    def _display(self, screen, renderable) -> None:
        super()._display(screen, renderable)
        if renderable is not None and not self._batch_count and not self._bench_painted:
            self._bench_painted = True
            report(first_frame=time.monotonic(), maxrss_at_frame_kib=maxrss_kib(), screen=type(screen).__name__)
            self.exit()
