"""Keys that are not UTF-8 never end the app: the terminal driver decodes its input with replacement.

Textual 8.2's Linux driver decodes what the terminal sends with a strict UTF-8 decoder
(``codecs.getincrementaldecoder("utf-8")()`` in ``run_input_thread``). One byte that is not UTF-8
(an accented key on a terminal set to Latin-1) raised ``UnicodeDecodeError`` in the input thread and
the app ended. The edge is the one place to fix it: the driver's decoder now replaces such a byte with
U+FFFD, so the key types "\N{REPLACEMENT CHARACTER}" and the reader carries on. The driver looks the
decoder factory up in its module's namespace, so swapping that one name is the smallest change (no copy
of the driver's loop); Textual is pinned to 8.2, and the real-terminal test
(``tests/adversarial/test_03_invalid_input.py``) fails if a new version decodes elsewhere.
"""

from __future__ import annotations

import codecs
from functools import partial


def replacing_decoder(encoding: str):
    """What ``codecs.getincrementaldecoder`` gives, set to replace what does not decode."""
    return partial(codecs.getincrementaldecoder(encoding), errors="replace")


def install_input_decoding() -> None:
    """Make the terminal driver (where there is one: not on Windows) decode input with replacement."""
    try:
        from textual.drivers import linux_driver
    except ImportError:  # no termios: Windows, whose driver reads keys as text already
        return
    linux_driver.getincrementaldecoder = replacing_decoder
