"""The optional clinic file: a clinic's name, phone, hours and extra questions.

Clinics hand the guide to their patients and want their own details beside it. The file is YAML,
read with the same safe loader and the same ``file:line: field: message`` errors as content::

    name: Riverside Recovery Clinic
    phone: "555 0100"
    hours: Monday to Friday, 9 am to 5 pm
    questions:
      - Who do I call if I feel unwell after a session?
    kiosk: true              # a shared screen: see docs/clinic.md
    idle_minutes: 3
    staff_code: "4711"
    handout_folder: /srv/handouts
    printer: front-desk
    default_language: en
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Callable

from recovery_guide.guide_content.fields import Fields
from recovery_guide.guide_content.schema import CLINIC, CLINIC_QUESTION
from recovery_guide.guide_content.yaml_source import ContentError, read_yaml
from recovery_guide.model import Clinic, KioskSettings, Question
from recovery_guide.safetext import neutralise

ENVIRONMENT_VARIABLE = "RECOVERY_GUIDE_CLINIC"
MAX_QUESTIONS = 30
MIN_STAFF_CODE = 4
"""A staff code shorter than this is too easy for a reader to hit by chance."""
PRINTER_NAME = re.compile(r"^[^\s/\\#'\"-][^\s/\\#'\"]*$")
"""A CUPS printer name: printable, no spaces, slashes, backslashes, quotes or #; not starting with a
dash (so ``lp`` could never read it as an option)."""


def clinic_path(requested: Path | None, environ: dict[str, str] | None = None) -> Path | None:
    """``--clinic FILE`` wins; else the environment variable; else no clinic."""
    if requested:
        return _expand(Path(requested))
    value = (environ if environ is not None else os.environ).get(ENVIRONMENT_VARIABLE, "").strip()
    return _expand(Path(value)) if value else None


def _expand(path: Path) -> Path:
    """``~`` expanded; a ``~name`` with no such user (``~Documents/clinic.yaml``) is a located error,
    not the RuntimeError ``expanduser`` raises."""
    try:
        return path.expanduser()
    except RuntimeError:
        home = path.parts[0]
        raise ContentError(path, 1, "(file)", f"there is no home folder for {home}; write the whole path, or start it with ~/ for your own home folder") from None


def load_clinic(path: Path, warn: Callable[[str], None] | None = None, languages: list[str] | None = None) -> Clinic:
    """Read and check a clinic file; raises ContentError naming the file, line and field.

    ``languages``: the language codes the guide has, to check ``default_language`` against."""
    doc = read_yaml(Path(path))
    fields = Fields(doc, doc.data, (), CLINIC, warn or (lambda message: None))
    questions = []
    for index, item in enumerate(fields.get("questions")):
        if isinstance(item, dict):
            item = Fields(doc, item, ("questions", index), CLINIC_QUESTION, warn or (lambda message: None)).get("text")
        if not isinstance(item, str) or not neutralise(item).strip():
            raise doc.error(("questions", index), "expected the text of a question")
        if len(item) > CLINIC.field("questions").limit:
            raise doc.error(("questions", index), f"too long: {len(item):,} characters, at most {CLINIC.field('questions').limit:,} are allowed")
        if index >= MAX_QUESTIONS:
            raise doc.error(("questions", index), f"at most {MAX_QUESTIONS} questions are allowed")
        questions.append(Question(id=f"clinic-{index + 1}", text=" ".join(neutralise(item).split())))
    return Clinic(
        name=fields.get("name"),
        phone=fields.get("phone"),
        hours=fields.get("hours"),
        questions=tuple(questions),
        file=str(path),
        kiosk=_kiosk(doc, fields, languages),
    )


def _kiosk(doc, fields: Fields, languages: list[str] | None) -> KioskSettings:
    """The shared-screen settings, each checked here so a mistake stops the guide before it starts,
    not when the first reader makes a handout."""
    code = fields.get("staff_code")
    if code is not None and len(code) < MIN_STAFF_CODE:
        raise doc.error(("staff_code",), f"too short: at least {MIN_STAFF_CODE} characters, so a reader does not type it by chance")
    folder = fields.get("handout_folder")
    if folder is not None:
        try:
            folder_path = Path(folder).expanduser()
        except RuntimeError:
            raise doc.error(("handout_folder",), "there is no such home folder; write the whole path") from None
        if not folder_path.is_absolute():
            raise doc.error(("handout_folder",), "write the whole path, starting with / (the folder must not depend on where the guide starts)")
        if not folder_path.is_dir():
            raise doc.error(("handout_folder",), f"no such folder: {folder_path}")
        folder = str(folder_path)
    printer = fields.get("printer")
    if printer is not None and not PRINTER_NAME.match(printer):
        raise doc.error(("printer",), "not a printer name: no spaces, slashes, quotes or #, and not starting with - (see lpstat -p)")
    language = fields.get("default_language")
    if language is not None and languages is not None and language not in languages:
        raise doc.error(("default_language",), f"no such language {language!r}; available: {', '.join(languages)}")
    return KioskSettings(
        enabled=fields.get("kiosk"),
        idle_minutes=fields.get("idle_minutes"),
        staff_code=code,
        handout_folder=folder,
        printer=printer,
        default_language=language,
    )


__all__ = ["ContentError", "ENVIRONMENT_VARIABLE", "clinic_path", "load_clinic"]
