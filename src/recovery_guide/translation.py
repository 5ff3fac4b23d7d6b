"""Translations of the guide: laid over the English, checked for staleness by hash.

Each translated screen records ``translation.source_hash``, the hash of the English text it was
translated from. When the English changes, the hash no longer matches and the screen is shown in
English (with a notice in the reader's language) until a translator updates it. Numbers, ids,
sources and dates always come from the English files: a translation can change words, not facts.

Translators: ``python -m recovery_guide.translation status LANG`` lists missing and stale screens;
``python -m recovery_guide.translation stamp LANG SCREEN_ID...`` records that those screens now match
the current English (run it only after updating the translation).
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import re
import sys
from pathlib import Path
from typing import Callable

from recovery_guide.loader import (
    ContentError,
    Fields,
    load_language,
    parse_glossary,
    parse_language,
    parse_screen,
    read_yaml,
)
from recovery_guide.model import Guide, Region, Page
from recovery_guide.paths import content_dir

NUMBER = re.compile(r"\d+")


def source_hash(screen: Page) -> str:
    """A short hash of the English words a translator translates (not ids, sources or dates)."""
    payload = {
        "title": screen.title,
        "key_points": list(screen.key_points),
        "body": screen.body,
        "questions": [[question.id, question.text] for question in screen.questions],
        "evidence": screen.evidence,
        "acknowledge": screen.acknowledge,
    }
    digest = hashlib.sha256(json.dumps(payload, ensure_ascii=False, sort_keys=True).encode("utf-8"))
    return digest.hexdigest()[:16]


def _screen_is_current(english: Page, translated: Page | None) -> bool:
    return (
        translated is not None
        and translated.translated_from == source_hash(english)
        and [question.id for question in translated.questions] == [question.id for question in english.questions]
        and bool(translated.evidence) == bool(english.evidence)
        and bool(translated.acknowledge) == bool(english.acknowledge)
    )


def _translated_screens(folder: Path, warn: Callable[[str], None]) -> dict[str, Page]:
    screens: dict[str, Page] = {}
    for path in sorted((folder / "screens").glob("*.yaml")):
        screen = parse_screen(read_yaml(path), warn)
        screens[screen.id] = screen
    return screens


def _optional(folder: Path, name: str):
    path = folder / name
    return read_yaml(path) if path.is_file() else None


def load_translation(folder: Path, english: Guide, warn: Callable[[str], None]) -> Guide:
    """The English guide with every current translated part laid over it."""
    if not (folder / "language.yaml").is_file():
        raise ContentError(folder / "language.yaml", 1, "(file)", "language folder has no language.yaml")
    language = parse_language(read_yaml(folder / "language.yaml"), warn)
    code = folder.name
    translated = _translated_screens(folder, warn)
    for screen_id, screen in translated.items():
        if screen_id not in {item.id for item in english.pages}:
            warn(f"{screen.file}:1: id: no English screen has the id {screen_id!r} (ignored)")

    screens = []
    for screen in english.pages:
        candidate = translated.get(screen.id)
        if _screen_is_current(screen, candidate):
            screens.append(
                dataclasses.replace(
                    screen,
                    title=candidate.title,
                    key_points=candidate.key_points,
                    body=candidate.body,
                    questions=candidate.questions,
                    evidence=candidate.evidence,
                    acknowledge=candidate.acknowledge,
                    file=candidate.file,
                    language=code,
                    translated_from=candidate.translated_from,
                )
            )
        else:
            screens.append(screen)

    sources = dict(english.sources)
    sources_doc = _optional(folder, "sources.yaml")
    if sources_doc is not None:
        top = Fields(sources_doc, sources_doc.data, (), {"sources"}, warn)
        for index, item in enumerate(top.items("sources")):
            fields = Fields(sources_doc, item, ("sources", index), {"id", "citation", "url", "note"}, warn)
            source_id = fields.ident("id")
            if source_id in sources:
                sources[source_id] = dataclasses.replace(sources[source_id], note=fields.text("note"))

    glossary = english.glossary
    glossary_doc = _optional(folder, "glossary.yaml")
    if glossary_doc is not None:
        terms = parse_glossary(glossary_doc, warn)
        if {term.id for term in terms} >= {term.id for term in english.glossary}:
            glossary = tuple(term for term in terms if term.id in {item.id for item in english.glossary})

    regions = english.regions
    help_doc = _optional(folder, "help-lines.yaml")
    if help_doc is not None:
        regions = _translated_regions(help_doc, english.regions, warn)

    from recovery_guide.selfcheck import overlay_self_checks

    fresh = sum(screen.language == code for screen in screens)
    return Guide(
        language=dataclasses.replace(language, code=code),
        pages=tuple(screens),
        sources=sources,
        glossary=glossary,
        regions=regions,
        help_lines_checked=english.help_lines_checked,
        translated_pages=fresh,
        self_checks=overlay_self_checks(folder, english.self_checks, code, warn),
    )


def _translated_regions(doc, english_regions: tuple[Region, ...], warn: Callable[[str], None]) -> tuple[Region, ...]:
    """Region and line names from the translation; contacts (the numbers) always from the English."""
    top = Fields(doc, doc.data, (), {"checked", "regions"}, warn)
    names: dict[str, str] = {}
    lines: dict[str, tuple[str, str]] = {}
    for r_index, item in enumerate(top.items("regions")):
        fields = Fields(doc, item, ("regions", r_index), {"code", "name", "lines", "checked"}, warn)
        names[fields.text("code")] = fields.text("name")
        for l_index, line_item in enumerate(fields.items("lines")):
            line = Fields(doc, line_item, ("regions", r_index, "lines", l_index), {"id", "urgency", "name", "contact", "about", "source"}, warn)
            lines[line.ident("id")] = (line.text("name"), line.text("about"), line.literal("contact"))
    complete = all(region.code in names for region in english_regions) and all(
        line.id in lines for region in english_regions for line in region.lines
    )
    if not complete:
        return english_regions
    return tuple(
        dataclasses.replace(
            region,
            name=names[region.code],
            lines=tuple(
                dataclasses.replace(line, name=lines[line.id][0], about=lines[line.id][1], contact=_same_numbers_or_english(lines[line.id][2], line.contact))
                for line in region.lines
            ),
        )
        for region in english_regions
    )


def _same_numbers_or_english(translated: str, english: str) -> str:
    """A translated contact ("Llame o envíe un texto al 988") only if it dials exactly the same numbers."""
    return translated if NUMBER.findall(translated) == NUMBER.findall(english) else english


# --- translator tools ------------------------------------------------------------------------------


def status(code: str, root: Path | None = None) -> list[tuple[str, str]]:
    """(screen id, "current" | "stale" | "missing") for every English screen."""
    root = root or content_dir()
    english = load_language(root / "en")
    translated = _translated_screens(root / code, lambda message: None)
    result = []
    for screen in english.pages:
        candidate = translated.get(screen.id)
        state = "missing" if candidate is None else ("current" if _screen_is_current(screen, candidate) else "stale")
        result.append((screen.id, state))
    return result


def stamp(code: str, screen_ids: list[str], root: Path | None = None) -> None:
    """Record that the named translated screens now match the current English text."""
    root = root or content_dir()
    english = load_language(root / "en")
    translated = _translated_screens(root / code, lambda message: None)
    for screen_id in screen_ids:
        screen = translated[screen_id]
        digest = source_hash(english.page(screen_id))
        path = Path(screen.file)
        text = path.read_text(encoding="utf-8")
        block = f"translation:\n  source_hash: {digest}\n"
        if re.search(r"^translation:\n(  .*\n)+", text, flags=re.M):
            text = re.sub(r"^translation:\n(  .*\n)+", block, text, flags=re.M)
        else:
            text = text.rstrip("\n") + "\n" + block
        path.write_text(text, encoding="utf-8")


def _main(argv: list[str]) -> int:
    from recovery_guide import selfcheck

    prefix = "self-check:"
    if len(argv) >= 2 and argv[0] == "status":
        for screen_id, state in status(argv[1]):
            print(f"{state:8} {screen_id}")
        for check_id, state in selfcheck.status(argv[1]):
            print(f"{state:8} {prefix}{check_id}")
        return 0
    if len(argv) >= 3 and argv[0] == "stamp":
        stamp(argv[1], [item for item in argv[2:] if not item.startswith(prefix)])
        selfcheck.stamp(argv[1], [item[len(prefix) :] for item in argv[2:] if item.startswith(prefix)])
        return 0
    print("usage: python -m recovery_guide.translation status LANG | stamp LANG SCREEN_ID|self-check:ID...", file=sys.stderr)
    return 2


if __name__ == "__main__":
    raise SystemExit(_main(sys.argv[1:]))



def numbers_in(*texts: str) -> set[str]:
    """Every run of digits: study sizes, years, phone numbers. They must survive translation."""
    return {match.group() for text in texts for match in NUMBER.finditer(text)}


def _screen_texts(screen: Page) -> list[str]:
    return [screen.title, *screen.key_points, screen.body, *(q.text for q in screen.questions), screen.evidence or "", screen.acknowledge or ""]


def number_mismatches(code: str, root: Path | None = None) -> list[str]:
    """Places where a translation's numbers differ from the English ones, as readable lines."""
    root = root or content_dir()
    english = load_language(root / "en")
    problems = []
    for screen_id, screen in _translated_screens(root / code, lambda message: None).items():
        if screen_id not in {item.id for item in english.pages}:
            continue
        expected, found = numbers_in(*_screen_texts(english.page(screen_id))), numbers_in(*_screen_texts(screen))
        if expected != found:
            problems.append(f"{screen.file}: missing {sorted(expected - found)}, extra {sorted(found - expected)}")
    help_doc = _optional(root / code, "help-lines.yaml")
    if help_doc is not None:
        contacts = {line.id: line.contact for region in english.regions for line in region.lines}
        for region in help_doc.data.get("regions", []):
            for line in region.get("lines", []):
                english_contact = contacts.get(line.get("id"), "")
                if NUMBER.findall(str(line.get("contact", ""))) != NUMBER.findall(english_contact):
                    problems.append(f"{help_doc.path}: {line.get('id')}: contact {line.get('contact')!r} differs from {english_contact!r}")
    return problems
