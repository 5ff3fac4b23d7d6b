"""Write new text into fields of a YAML file, changing only those fields' own characters.

Translators' files carry comments and a layout they chose; rewriting the whole file through a YAML
dumper would lose both. So each edited value's characters (found from the node's marks, read with
PyYAML's pure-Python safe loader, whose marks count characters) are replaced by the new value,
written as a ``|`` block where the old one was a block and the new text has lines, else as one
double-quoted line. The result is read back and must equal the old data with exactly those values
changed; otherwise nothing is written (``CannotEdit``).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import yaml

from recovery_guide.guide_content.yaml_source import YamlDocument


class CannotEdit(Exception):
    """The file could not be edited in place without changing something else."""


def _block(value: str, indent: int) -> str | None:
    """``value`` as a literal block (``|`` or ``|-``) at ``indent`` spaces, or None when a block cannot hold it."""
    if "\n" not in value.rstrip("\n") or value.endswith("\n\n") or value[:1] in " \t" or "\t" in value or "\r" in value:
        return None
    chomp = "" if value.endswith("\n") else "-"
    lines = value.rstrip("\n").split("\n")
    return f"|{chomp}\n" + "".join((" " * indent + line if line else "") + "\n" for line in lines)


def _plain_holds(value: str) -> bool:
    """Whether ``value`` reads back as itself written plain (unquoted) on one line, as it was."""
    if not value or "\n" in value or value != value.strip():
        return False
    try:
        return yaml.load(f"k: {value}\n", Loader=yaml.SafeLoader) == {"k": value}
    except yaml.YAMLError:
        return False


def _set(data: Any, at: tuple[str | int, ...], value: str) -> None:
    for step in at[:-1]:
        data = data[step]
    data[at[-1]] = value


def edited(text: str, changes: dict[tuple[str | int, ...], str]) -> str:
    """``text`` (a YAML file) with the string at each place in ``changes`` replaced; raises ``CannotEdit``."""
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
        expected = yaml.load(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as error:
        raise CannotEdit(f"the file is not valid YAML: {str(error).splitlines()[0]}") from None
    located = YamlDocument(Path("(edited)"), expected, root)  # its node lookup, on this loader's marks
    spans = []
    for at, value in changes.items():
        node = located.node(at)
        if not isinstance(node, yaml.ScalarNode):
            raise CannotEdit(f"{'.'.join(map(str, at))} is not a text field")
        start, end = node.start_mark.index, node.end_mark.index
        old = text[start:end]
        replacement = None
        if node.style in ("|", ">"):
            body_lines = [line for line in old.split("\n")[1:] if line.strip()]
            indent = len(body_lines[0]) - len(body_lines[0].lstrip(" ")) if body_lines else node.start_mark.column + 2
            replacement = _block(value, indent)
            if replacement is not None:
                end = start + len(old.rstrip(" \n")) + 1 if not old.endswith("\n") else end  # a block ends after its last line break
                replacement = replacement if old.endswith("\n") else replacement.rstrip("\n")
        if replacement is None and not node.style and _plain_holds(value) and "\n" not in old.strip():
            replacement = value + old[len(old.rstrip(" \n")) :]
        if replacement is None:
            replacement = json.dumps(value, ensure_ascii=False) + old[len(old.rstrip(" \n")) :]
        spans.append((start, end, replacement))
        _set(expected, at, value)
    for start, end, replacement in sorted(spans, reverse=True):
        text = text[:start] + replacement + text[end:]
    try:
        result = yaml.load(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        result = None
    if result != expected:
        raise CannotEdit("the new text could not be written into the YAML without changing other fields")
    return text

