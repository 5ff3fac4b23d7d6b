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

    problems = _missing_from_catalog(po_path, catalog)
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


def _missing_from_catalog(po_path: Path, catalog) -> list[Problem]:
    """UI strings in the template (``locales/messages.pot``, beside the catalogs in a source checkout)
    that this catalog does not have yet: readers would see them in English, and a translator who ran
    ``check`` after new strings landed would otherwise be told "No problems found". An installed
    wheel ships no template, so there this check has nothing to compare and stays silent."""
    from babel.messages.pofile import PoFileError, read_po

    template_path = po_path.parents[2] / "messages.pot"
    if not template_path.is_file():
        return []
    try:
        with template_path.open("rb") as handle:
            template = read_po(handle)
    except (OSError, UnicodeDecodeError, PoFileError, ValueError) as error:
        return [Problem(str(template_path), getattr(error, "lineno", None) or 1, "(file)", f"cannot read template: {error}")]
    have = {message.id if not isinstance(message.id, list) else tuple(message.id) for message in catalog if message.id}
    return [
        Problem(str(po_path), 1, "msgid", f"not in this catalog yet (run pybabel update, then translate it): {message.id!r}")
        for message in template
        if message.id and (message.id if not isinstance(message.id, list) else tuple(message.id)) not in have
    ]


def _msgstr_line(lines: list[str], msgid_line: int | None) -> int:
    if not msgid_line:
        return 1
    for number in range(msgid_line, min(len(lines), msgid_line + 200) + 1):
        if lines[number - 1].startswith("msgstr"):
            return number
    return msgid_line


def _braces(names: list[str]) -> str:
    return ", ".join("{" + name + "}" for name in names) or "none"
