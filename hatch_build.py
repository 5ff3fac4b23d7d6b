"""Hatch build hook: compile the gettext catalogs in ``locales/`` into the wheel.

Compiled ``.mo`` files are build output, never committed, so a stale one cannot ship. The hook reads
every ``.po`` with Babel, refuses to build when a catalog has errors (for example a broken
placeholder), and adds the compiled file to the wheel beside its source.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


class CustomBuildHook(BuildHookInterface):
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict) -> None:
        if self.target_name != "wheel":
            return
        from babel.messages.mofile import write_mo
        from babel.messages.pofile import read_po

        out_dir = Path(tempfile.mkdtemp(prefix="recovery-guide-mo-"))
        problems: list[str] = []
        for po_path in sorted(Path(self.root, "locales").glob("*/LC_MESSAGES/*.po")):
            with po_path.open("rb") as handle:
                catalog = read_po(handle)
            for message, errors in catalog.check():
                problems += [f"{po_path}:{message.lineno}: {error}" for error in errors]
            relative = po_path.relative_to(Path(self.root, "locales")).with_suffix(".mo")
            mo_path = out_dir / relative
            mo_path.parent.mkdir(parents=True, exist_ok=True)
            with mo_path.open("wb") as handle:
                write_mo(handle, catalog)
            build_data["force_include"][str(mo_path)] = f"recovery_guide/locales/{relative.as_posix()}"
        if problems:
            raise RuntimeError("gettext catalog errors:\n" + "\n".join(problems))
