"""``translations review``: add a review record to ``language.yaml`` for a language or one screen.

The record says who read the translation, in what role, when, and against which English version and
which translated words (``overlay.review_hashes``), so that a later change to either shows as
"changed since review". Records are only ever added by a person running this command: none is
invented. The record is appended at the end of the file, so comments and layout stay as they are.
"""

from __future__ import annotations

import datetime
import json

from recovery_guide.guide_content import SOURCE_LANGUAGE
from recovery_guide.guide_content.folder import ContentFolder
from recovery_guide.guide_content.overlay import review_hashes
from recovery_guide.guide_content.yaml_source import read_yaml
from recovery_guide.model import ReviewRole


def add_review(folder: ContentFolder, code: str, reviewer: str, role: str, screen: str | None = None, day: datetime.date | None = None) -> str:
    """Append one record; returns a line saying what was recorded. ``ValueError`` when it cannot be."""
    if code == SOURCE_LANGUAGE:
        raise ValueError("English is the source: review records are for translations")
    if not reviewer.strip() or "\n" in reviewer:
        raise ValueError("--reviewer needs a name on one line")
    ReviewRole(role)
    english, translated = folder.english, folder.guide(code)
    if screen is not None and screen not in {page.id for page in english.pages}:
        raise ValueError(f"{screen!r} is not an English screen id")
    if screen is not None and translated.page(screen).language != code:
        raise ValueError(f"screen {screen!r} is not current in {code} (readers see it in English): update and stamp it first")
    source, words = review_hashes(english, translated, screen)
    path = folder.root / code / "language.yaml"
    text = path.read_text(encoding="utf-8")
    if not text.endswith("\n"):
        text += "\n"
    if "reviews" not in read_yaml(path).data:
        text += "reviews:\n"
    record = [f"  - reviewer: {json.dumps(reviewer.strip(), ensure_ascii=False)}", f"    role: {role}", f"    date: {(day or datetime.date.today()).isoformat()}"]
    record += [f"    screen: {screen}"] if screen else []
    record += [f"    source_hash: {source}", f"    translation_hash: {words}"]
    path.write_text(text + "\n".join(record) + "\n", encoding="utf-8")
    folder.forget()
    return f"recorded: {code} {screen or '(whole language)'} reviewed by {reviewer.strip()} ({role})"
