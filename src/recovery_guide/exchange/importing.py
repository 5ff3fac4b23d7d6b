"""``translations import FILE``: a reviewed PO or XLIFF file back into the content, all of it or nothing.

The changed strings are written, in a scratch copy of the content folder, into their own YAML fields
(``yaml_edit``); the items they belong to are stamped (``translations stamp``) when the file says they
were reviewed (no ``fuzzy`` mark, a done XLIFF state) against the English as it is now. Then the copy
is checked by ``recovery-guide check`` itself: any problem it has that the content did not have
before refuses the import, and nothing is written. Before that, every edited unit must keep the
English numbers in the English order (``check`` compares them per screen; a swap inside one sentence
is caught here, naming the unit).
"""

from __future__ import annotations

import shutil
import tempfile
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from recovery_guide.safe_files import write_private
from recovery_guide.exchange.files import ExchangeError, Incoming, read
from recovery_guide.exchange.units import Unit, units
from recovery_guide.exchange.yaml_edit import CannotEdit, edited
from recovery_guide.guide_content import SOURCE_LANGUAGE
from recovery_guide.guide_content.folder import ContentFolder
from recovery_guide.guide_content.overlay import CURRENT, NUMBER
from recovery_guide.guide_content.translators import stamp
from recovery_guide.guide_content.yaml_source import ContentError, read_yaml


class ImportRefused(Exception):
    """The import was refused; ``problems`` are ``file:line: field: message`` lines. Nothing was written."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__("\n".join(problems))


@dataclass
class Imported:
    code: str
    changed: list[str] = field(default_factory=list)
    """Unit ids whose translation changed."""
    stamped: list[str] = field(default_factory=list)
    not_stamped: list[str] = field(default_factory=list)
    """Items with changes that were not stamped, with the reason."""


def import_file(folder: ContentFolder, path: Path) -> Imported:
    try:
        code, incoming = read(path)
    except ExchangeError as error:
        raise ImportRefused([str(error)]) from None
    if code not in folder.languages() or code == SOURCE_LANGUAGE:
        raise ImportRefused([f"{path}:1: language: {code!r} is not a translation in {folder.root}"])
    current = {unit.id: unit for unit in units(folder, code)}
    problems: list[str] = []
    changes: dict[str, dict[tuple, str]] = defaultdict(dict)
    result = Imported(code)
    for unit_in in incoming:
        unit = current.get(unit_in.id)
        if unit is None:
            problems.append(f"{path}:{unit_in.line}: {unit_in.id or '(no id)'}: no such string in the content (was the file exported from another version?)")
            continue
        if not unit_in.translation or unit_in.translation == unit.translation:
            continue
        where = _where(folder, code, unit)
        if unit.at is None:
            problems.append(f"{where}: {unit.id}: not in the translated file yet; add the field there first")
            continue
        english, new, old = NUMBER.findall(unit.english), NUMBER.findall(unit_in.translation), NUMBER.findall(unit.translation)
        if new != english and new != old:
            problems.append(f"{where}: {unit.id}: numbers {' '.join(new) or '(none)'} differ from the English {' '.join(english) or '(none)'}: keep every number, in the same order")
            continue
        changes[unit.file][unit.at] = unit_in.translation
        result.changed.append(unit.id)
    if problems:
        raise ImportRefused(problems)
    if not changes:
        return result
    _apply(folder, code, path, changes, _stampable(current, incoming, result), result)
    return result


def _where(folder: ContentFolder, code: str, unit: Unit) -> str:
    path = folder.root / code / unit.file
    try:
        line = read_yaml(path).line(unit.at) if unit.at is not None else 1
    except ContentError:
        line = 1
    return f"{path}:{line}"


def _stampable(current: dict[str, Unit], incoming: list[Incoming], result: Imported) -> list[str]:
    """Items with a changed unit that the file shows reviewed, whole, against the current English."""
    by_id = {unit.id: unit for unit in incoming}
    changed_items = {current[unit_id].item for unit_id in result.changed if current[unit_id].item}
    names = []
    for item in sorted(changed_items):
        item_units = [unit for unit in current.values() if unit.item == item]
        if item_units[0].state == CURRENT:
            continue  # already current: its stamp stays right
        if any(unit.id not in by_id for unit in item_units):
            result.not_stamped.append(f"{item}: the file does not have all of its strings")
        elif any(by_id[unit.id].english != unit.english for unit in item_units):
            result.not_stamped.append(f"{item}: the English changed after the file was exported; export again")
        elif not all(by_id[unit.id].done for unit in item_units):
            result.not_stamped.append(f"{item}: some of its strings are still marked fuzzy / needing review")
        else:
            names.append(item)
    return names


def _apply(folder: ContentFolder, code: str, path: Path, changes: dict[str, dict[tuple, str]], names: list[str], result: Imported) -> None:
    """Edit and stamp a scratch copy, check it with ``check``'s rules, then write back only what changed."""
    from recovery_guide.audit import check_content

    root = folder.root
    with tempfile.TemporaryDirectory(prefix="recovery-guide-import-") as scratch:
        copy = Path(scratch) / "content"
        shutil.copytree(root, copy)
        problems = []
        for file, edits in changes.items():
            target = copy / code / file
            try:
                target.write_text(edited(target.read_text(encoding="utf-8"), edits), encoding="utf-8")
            except CannotEdit as error:
                problems.append(f"{root / code / file}:1: (file): {error}")
        if problems:
            raise ImportRefused(problems)
        copy_folder = ContentFolder(copy)
        if names:
            result.stamped = stamp(copy_folder, code, names)
        before = {_key(problem, root) for problem in check_content(ContentFolder(root)).problems}
        after = check_content(ContentFolder(copy)).problems
        new = [problem for problem in after if _key(problem, copy) not in before]
        if new:
            raise ImportRefused([str(problem).replace(str(copy), str(root), 1) for problem in new])
        for source in sorted((copy / code).rglob("*.yaml")):
            relative = source.relative_to(copy)
            text = source.read_text(encoding="utf-8")
            if text != (root / relative).read_text(encoding="utf-8"):
                write_private(root / relative, text)
    folder.forget()


def _key(problem, root: Path) -> tuple[str, str, str]:
    """A problem without its line (edits move lines), with its file relative to the content folder."""
    file = problem.file
    try:
        file = str(Path(file).relative_to(root))
    except ValueError:
        pass
    return file, problem.field, problem.message
