"""Already-parsed copies of the packaged YAML, made when the wheel is built, so start-up skips PyYAML.

Importing PyYAML and parsing one language's files took about 14 ms of the 200 ms to the first frame
(benchmarks/README.md). The build hook (``hatch_build.py``) parses every packaged YAML file with the
same safe loader the app uses and stores the result, per folder, in ``.parsed.json``. At start-up
``yaml_source.read_yaml`` still reads every file, and uses the stored result only when the file's bytes
are exactly those that were parsed (same length and CRC-32); any other file is parsed as usual. So
an edited file can never be shown from a stale copy, and everything else (field checks, cross-checks,
warnings) runs on the stored data exactly as on freshly parsed data.

Only the packaged content folder is trusted with stored copies: a ``--content`` folder is always parsed.
A file is stored only if JSON gives back exactly what YAML gave (same types, dates included).
"""

from __future__ import annotations

import json
import zlib
from datetime import date
from pathlib import Path
from typing import Any

from recovery_guide.paths import PACKAGE_DIR

CACHE_NAME = ".parsed.json"
FORMAT = 1
_DATE = "$date"
_PACKAGED = PACKAGE_DIR / "content"

_folders: dict[Path, dict[str, Any]] = {}
"""Stored copies already read, by folder (each folder's file is read at most once per process)."""


def fingerprint(raw: bytes) -> list[int]:
    """What identifies a file's bytes: its length and CRC-32 (a check against stale copies, not a seal)."""
    return [len(raw), zlib.crc32(raw)]


def lookup(path: Path, raw: bytes) -> tuple[bool, Any]:
    """``(True, data)`` when a stored copy of exactly these bytes exists, else ``(False, None)``."""
    folder = path.parent
    if not folder.is_relative_to(_PACKAGED):
        return False, None
    entries = _folders.get(folder)
    if entries is None:
        entries = _folders[folder] = _read_folder(folder)
    entry = entries.get(path.name)
    if entry is None or entry.get("bytes") != fingerprint(raw):
        return False, None
    return True, entry["data"]


def _read_folder(folder: Path) -> dict[str, Any]:
    """The folder's stored copies; none when the file is missing, unreadable or of another format."""
    try:
        stored = json.loads((folder / CACHE_NAME).read_bytes(), object_hook=_decode)
    except (OSError, ValueError):
        return {}
    if not isinstance(stored, dict) or stored.get("format") != FORMAT or not isinstance(stored.get("files"), dict):
        return {}
    return stored["files"]


def _decode(mapping: dict[str, Any]) -> Any:
    if len(mapping) == 1 and isinstance(mapping.get(_DATE), str):
        return date.fromisoformat(mapping[_DATE])  # a bad date raises ValueError: the store is not used
    return mapping


def _encode(value: Any) -> Any:
    if isinstance(value, date):
        return {_DATE: value.isoformat()}
    raise TypeError(f"cannot store {type(value).__name__}")


def _same(a: Any, b: Any) -> bool:
    """Equal and of the same types all the way down (``1 == True`` and ``1 == 1.0`` do not count)."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return a.keys() == b.keys() and all(type(key) is str for key in a) and all(_same(a[key], b[key]) for key in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b))
    return a == b


def build_folder(folder: Path, parse) -> str | None:
    """The ``.parsed.json`` text for the YAML files directly in ``folder``, or None if none can be stored.

    ``parse(path) -> data`` is the app's own reader (``yaml_source.read_yaml``), so a file that the app
    would refuse is simply not stored, and is reported by the app as usual.
    """
    files: dict[str, Any] = {}
    for path in sorted(folder.glob("*.yaml")):
        try:
            data = parse(path)
            faithful = _same(json.loads(json.dumps(data, default=_encode), object_hook=_decode), data)
        except Exception:  # noqa: BLE001 - not storable: the app will parse (and report) it itself
            continue
        if faithful:
            files[path.name] = {"bytes": fingerprint(path.read_bytes()), "data": data}
    if not files:
        return None
    return json.dumps({"format": FORMAT, "files": files}, ensure_ascii=False, default=_encode)
