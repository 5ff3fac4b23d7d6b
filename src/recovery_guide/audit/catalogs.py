"""UI catalogs (``locales/<code>/LC_MESSAGES/messages.po``): untranslated, fuzzy, or with placeholders
that differ from the English msgid's. Babel is imported only here, and only to read a catalog."""

from __future__ import annotations

import re
from pathlib import Path

from recovery_guide.audit.report import Problem

PLACEHOLDER = re.compile(r"\{(\w*)\}")
"""A ``str.format`` placeholder in a UI string: ``{number}``, ``{}``."""


def catalog_files(locales: Path | None) -> dict[str, Path]:
    if locales is None:
        return {}
    return {path.parents[1].name: path for path in sorted(locales.glob("*/LC_MESSAGES/messages.po"))}


def catalog_problems(po_path: Path) -> list[Problem]:
    """Untranslated and fuzzy entries, and msgstrs whose ``{placeholders}`` differ from the msgid's."""
    from babel.messages.pofile import PoFileError, read_po

    try:
        lines = po_path.read_text(encoding="utf-8").splitlines()
        with po_path.open("rb") as handle:
            catalog = read_po(handle, abort_invalid=True)
    except (OSError, UnicodeDecodeError, PoFileError, ValueError) as error:
        line = getattr(error, "lineno", None) or 1
        return [Problem(str(po_path), line, "(file)", f"cannot read catalog: {error}")]

    problems = []
    for message in catalog:
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, (list, tuple)) else (message.id,)
        strings = message.string if isinstance(message.string, (list, tuple)) else (message.string,)
        line = _msgstr_line(lines, message.lineno)
        where = f"msgid {ids[0]!r}"
        if message.fuzzy:  # not shown to readers, so its placeholders are checked once the flag goes
            problems.append(Problem(str(po_path), line, "msgstr", f"fuzzy (readers see the English until it is checked and the flag removed): {where}"))
            continue
        if not all(strings):
            problems.append(Problem(str(po_path), line, "msgstr", f"not translated: {where}"))
            continue
        wanted = sorted(PLACEHOLDER.findall(ids[0]))
        for string in strings:
            found = sorted(PLACEHOLDER.findall(string))
            if found != wanted:
                problems.append(
                    Problem(str(po_path), line, "msgstr", f"placeholders {_braces(found)} differ from the msgid's {_braces(wanted)} in {where}: keep them exactly")
                )
                break
    return problems


def _msgstr_line(lines: list[str], msgid_line: int | None) -> int:
    if not msgid_line:
        return 1
    for number in range(msgid_line, min(len(lines), msgid_line + 200) + 1):
        if lines[number - 1].startswith("msgstr"):
            return number
    return msgid_line


def _braces(names: list[str]) -> str:
    return ", ".join("{" + name + "}" for name in names) or "none"
