"""``recovery-guide print`` for every language, one after another, in this one process.

Times each language from the call of ``recovery_guide.cli.main(["print", "--lang", CODE])`` to its
return, output discarded. The first language also pays for the imports the command needs.
"""

from __future__ import annotations

import contextlib
import io
import time

from _child import report


def main() -> None:
    started = time.monotonic()
    from recovery_guide import cli
    from recovery_guide.guide_content.folder import ContentFolder

    timings = {}
    for code in ContentFolder().languages():
        start = time.monotonic()
        with contextlib.redirect_stdout(io.StringIO()):
            status = cli.main(["print", "--lang", code])
        assert status == 0, code
        timings[code] = (time.monotonic() - start) * 1000
    report(per_language_ms=timings, total_ms=(time.monotonic() - started) * 1000)


if __name__ == "__main__":
    main()
