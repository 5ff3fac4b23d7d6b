"""Every string the code marks for translation is in the catalog template translators start from.

``pybabel extract`` does not look inside f-strings: "... more" (the key bar) and "now: {level}" (read
mode) were marked with ``_()`` inside f-strings, so ``locales/messages.pot`` lacked them and a new
language's catalog would have been made without them (the six existing ones had them by hand).
"""

from __future__ import annotations

import ast
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent
MARKERS = {"_": 0, "N_": 0, "gettext": 0, "pgettext": 1}
"""The marking functions and which argument holds the message."""


def marked_messages() -> set[tuple[str | None, str]]:
    found = set()
    for path in (ROOT / "src" / "recovery_guide").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in MARKERS:
                index = MARKERS[node.func.id]
                arguments = node.args
                if len(arguments) > index and all(isinstance(argument, ast.Constant) and isinstance(argument.value, str) for argument in arguments[: index + 1]):
                    context = arguments[0].value if node.func.id == "pgettext" else None
                    found.add((context, arguments[index].value))
    return found


def test_every_marked_string_is_in_the_template():
    template = {(entry.msgctxt, entry.msgid) for entry in polib.pofile(str(ROOT / "locales" / "messages.pot"))}
    missing = sorted(marked_messages() - template, key=str)
    assert not missing, f"marked for translation but not in locales/messages.pot (re-run pybabel extract, see docs/translating.md): {missing}"


def test_no_catalog_keeps_a_message_the_code_no_longer_marks():
    """A translator should not spend time on a string no reader sees: two such entries ("Do you want
    to quit?", "Who should not use it") sat in all six catalogs after the code stopped using them."""
    marked = marked_messages()
    for catalog in sorted((ROOT / "locales").glob("*/LC_MESSAGES/messages.po")):
        unused = sorted(
            (entry.msgctxt, entry.msgid) for entry in polib.pofile(str(catalog)) if not entry.obsolete and (entry.msgctxt, entry.msgid) not in marked
        )
        assert not unused, f"{catalog.relative_to(ROOT)}: no code marks {unused}"
