"""Reading and writing the two exchange formats: gettext PO (Poedit, Lokalize, Weblate) and XLIFF 1.2.

Both carry, per unit: its name (PO ``msgctxt``, XLIFF ``id``), the English (``msgid``/``source``),
the translation (``msgstr``/``target``), notes (``#.``/``note``) and the file it lives in (``#:``/
``context``). A unit whose screen readers see in English (stale, missing) goes out marked as needing
review (PO ``fuzzy``, XLIFF ``state="needs-review-translation"``); the reviewer clears that mark, and
only then may an import stamp it. XLIFF is read with ``defusedxml`` and a DTD is refused (no entity
tricks, no external files).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass
from pathlib import Path

from recovery_guide.exchange.units import Unit, needs_review

FORMATS = ("po", "xliff")
XLIFF_NS = "urn:oasis:names:tc:xliff:document:1.2"
NEEDS_REVIEW = "needs-review-translation"
DONE_STATES = frozenset({"translated", "final", "signed-off"})


class ExchangeError(Exception):
    """A file that cannot be read; one line, ``file:line: field: message``."""


@dataclass(frozen=True)
class Incoming:
    """One unit as a reviewed file brings it back."""

    id: str
    english: str
    translation: str
    done: bool
    """False while the unit is still marked as needing review (fuzzy, or not a translated state)."""
    line: int


def format_of(path: Path) -> str:
    return "xliff" if path.suffix.lower() in (".xliff", ".xlf") else "po"


# --- PO ---------------------------------------------------------------------------------------------


def po_text(code: str, found: list[Unit]) -> str:
    import polib

    catalog = polib.POFile(wrapwidth=0)
    catalog.metadata = {"Project-Id-Version": "recovery-guide content", "Language": code, "MIME-Version": "1.0", "Content-Type": "text/plain; charset=UTF-8", "Content-Transfer-Encoding": "8bit"}
    for unit in found:
        entry = polib.POEntry(msgctxt=unit.id, msgid=unit.english, msgstr=unit.translation, comment="\n".join(unit.notes), occurrences=[(unit.file, "")])
        if needs_review(unit) and unit.translation:
            entry.flags.append("fuzzy")
        catalog.append(entry)
    return str(catalog) + "\n"


def read_po(path: Path) -> tuple[str, list[Incoming]]:
    import polib

    try:
        catalog = polib.pofile(str(path), wrapwidth=0)
    except (OSError, ValueError, UnicodeDecodeError) as error:
        raise ExchangeError(f"{path}:{_po_line(error)}: (file): not a readable PO file: {_first_line(error)}") from None
    found = [Incoming(entry.msgctxt or "", entry.msgid, entry.msgstr, "fuzzy" not in entry.flags, entry.linenum) for entry in catalog if not entry.obsolete]
    return catalog.metadata.get("Language", ""), found


def _po_line(error: Exception) -> int:
    match = re.search(r"line (\d+)", str(error))
    return int(match.group(1)) if match else 1


def _first_line(error: Exception) -> str:
    text = str(error).strip().splitlines()
    return text[0] if text else type(error).__name__


# --- XLIFF 1.2 ----------------------------------------------------------------------------------------


def xliff_text(code: str, found: list[Unit]) -> str:
    ElementTree.register_namespace("", XLIFF_NS)
    q = lambda name: f"{{{XLIFF_NS}}}{name}"  # noqa: E731
    root = ElementTree.Element(q("xliff"), version="1.2")
    file = ElementTree.SubElement(root, q("file"), original="recovery-guide-content", datatype="plaintext", attrib={"source-language": "en", "target-language": code.replace("_", "-")})
    body = ElementTree.SubElement(file, q("body"))
    for unit in found:
        element = ElementTree.SubElement(body, q("trans-unit"), id=unit.id, resname=unit.id)
        ElementTree.SubElement(element, q("source")).text = unit.english
        state = "new" if not unit.translation else NEEDS_REVIEW if needs_review(unit) else "translated"
        ElementTree.SubElement(element, q("target"), state=state).text = unit.translation
        for note in unit.notes:
            ElementTree.SubElement(element, q("note")).text = note
        group = ElementTree.SubElement(element, q("context-group"), purpose="location")
        ElementTree.SubElement(group, q("context"), attrib={"context-type": "sourcefile"}).text = unit.file
    ElementTree.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ElementTree.tostring(root, encoding="unicode") + "\n"


def read_xliff(path: Path) -> tuple[str, list[Incoming]]:
    import defusedxml.ElementTree as SafeTree
    from defusedxml import DefusedXmlException

    try:
        raw = path.read_bytes()
        root = SafeTree.fromstring(raw, forbid_dtd=True)
    except OSError as error:
        raise ExchangeError(f"{path}:1: (file): cannot read: {error.strerror or error}") from None
    except DefusedXmlException:
        raise ExchangeError(f"{path}:1: (file): refused: the file declares a DTD or entities") from None
    except ElementTree.ParseError as error:
        raise ExchangeError(f"{path}:{error.position[0]}: (file): not well-formed XML: {_first_line(error)}") from None
    if root.tag != f"{{{XLIFF_NS}}}xliff":
        raise ExchangeError(f"{path}:1: xliff: not an XLIFF 1.2 file")
    text = raw.decode("utf-8", "replace")
    file = root.find(f"{{{XLIFF_NS}}}file")
    code = (file.get("target-language", "") if file is not None else "").replace("-", "_")
    found = []
    for element in root.iter(f"{{{XLIFF_NS}}}trans-unit"):
        unit_id = element.get("id", "")
        source = element.find(f"{{{XLIFF_NS}}}source")
        target = element.find(f"{{{XLIFF_NS}}}target")
        translation = "".join(target.itertext()) if target is not None else ""
        done = target is not None and target.get("state", "translated") in DONE_STATES
        line = text[: max(text.find(f'id="{unit_id}"'), 0)].count("\n") + 1
        found.append(Incoming(unit_id, "".join(source.itertext()) if source is not None else "", translation, done, line))
    return code, found


def write(code: str, found: list[Unit], kind: str) -> str:
    return po_text(code, found) if kind == "po" else xliff_text(code, found)


def read(path: Path) -> tuple[str, list[Incoming]]:
    """The file's language code and its units."""
    if not path.is_file():  # polib would read a missing file's name as PO text
        raise ExchangeError(f"{path}:1: (file): cannot read: no such file")
    return read_xliff(path) if format_of(path) == "xliff" else read_po(path)
