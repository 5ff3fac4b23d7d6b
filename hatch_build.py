"""Hatch build hook: compile the gettext catalogs and pre-parse the content for the wheel.

Compiled ``.mo`` files are build output, never committed, so a stale one cannot ship. The hook reads
every ``.po`` with Babel, refuses to build when a catalog has errors (for example a broken
placeholder), and adds the compiled file to the wheel beside its source.

It also parses every content YAML file with the app's own reader and adds the result, per folder,
as ``.parsed.json`` (see ``src/recovery_guide/guide_content/preparsed.py``): the installed app then starts
without importing PyYAML. A stored copy is used only for a file whose bytes are unchanged.
"""

from __future__ import annotations

import sys
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
        self._add_parsed_content(out_dir, build_data)

    def _add_parsed_content(self, out_dir: Path, build_data: dict) -> None:
        sys.path.insert(0, str(Path(self.root, "src")))
        try:
            from recovery_guide.guide_content.preparsed import CACHE_NAME, build_folder
            from recovery_guide.guide_content.yaml_source import read_yaml
        finally:
            sys.path.pop(0)
        content = Path(self.root, "content")
        for folder in sorted({path.parent for path in content.rglob("*.yaml")}):
            text = build_folder(folder, lambda path: read_yaml(path).data)
            if text is None:
                continue
            relative = folder.relative_to(content) / CACHE_NAME
            stored = out_dir / "content" / relative
            stored.parent.mkdir(parents=True, exist_ok=True)
            stored.write_text(text, encoding="utf-8")
            build_data["force_include"][str(stored)] = f"recovery_guide/content/{relative.as_posix()}"
