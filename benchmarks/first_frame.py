"""Recovery Guide, started exactly as the ``recovery-guide`` command starts it, exiting on its first frame.

``recovery_guide.cli.main`` parses the arguments, loads the guide and builds the session as usual;
the only change is that the app class it imports is swapped for a subclass that exits on the first
frame, with the same hook the minimal app uses (see ``_child.py``). No product code knows about it.

    python benchmarks/first_frame.py [--lang CODE ...]
"""

from __future__ import annotations

import sys
from pathlib import Path

from _child import ExitOnFirstFrame


def main(argv: list[str]) -> int:
    import recovery_guide.tui.app as tui_app
    from recovery_guide import cli

    class FirstFrameApp(ExitOnFirstFrame, tui_app.RecoveryGuideApp):
        CSS_PATH = Path(tui_app.__file__).with_name("app.tcss")  # Textual resolves it beside the subclass

    tui_app.RecoveryGuideApp = FirstFrameApp  # what cli.command_app imports
    return cli.main(argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
