"""``ContentFolder``: one content folder (the packaged one, or a clinic's copy), each language loaded once.

Every caller (the command line, the session, the audit, the translator tools) takes a ContentFolder
instead of a path, so the question "which folder, and is it loaded yet?" has one answer. English is
read once and reused by every translation laid over it; each translation's own files are read once
too, and kept (``translation``) for the audit, which needs their documents for line numbers.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Callable

from recovery_guide.guide_content import SOURCE_LANGUAGE
from recovery_guide.guide_content.english import SELF_CHECKS_FILE, VALUES_FILE, load_english
from recovery_guide.guide_content.overlay import Translation, translate
from recovery_guide.guide_content.parse import parse_glossary, parse_help_line_words, parse_language, parse_regional_words, parse_screen, parse_self_checks, parse_source_notes, parse_values
from recovery_guide.guide_content.regional import REGIONAL_WORDS_FILE, Swapper, reworded
from recovery_guide.guide_content.yaml_source import ContentError, read_yaml
from recovery_guide.model import Guide
from recovery_guide.paths import content_dir


LANGUAGE_FOLDER = re.compile(r"[a-z]{2,3}(_[A-Z][a-z]{3})?(_(?:[A-Z]{2}|[0-9]{3}))?")
"""The one rule for a language folder's name: a language code as ``--lang`` and the locale name it
(``es``, ``pt_BR``, ``zh_Hans``, ``es_419``). A folder with a ``language.yaml`` and any other name
(``..hidden``, ``EN``, ``es-MX``) is not a language: not listed, not offered, not loadable."""


def is_language_folder(folder: Path) -> bool:
    return LANGUAGE_FOLDER.fullmatch(folder.name) is not None and (folder / "language.yaml").is_file()


class ContentFolder:
    """A folder holding one sub-folder per language (``en/``, ``es/``, ...).

    ``warn`` hears every "unknown field (ignored)" and fallback notice, once per file read.
    """

    def __init__(self, root: Path | None = None, warn: Callable[[str], None] | None = None) -> None:
        self.root = Path(root) if root is not None else content_dir()
        self.warn = warn or (lambda message: None)
        self._english: Guide | None = None
        self._guides: dict[str, Guide] = {}
        self._translations: dict[str, Translation] = {}
        self._swapper: Swapper | None = None
        """The regional words (``us-words.yaml``) as a function on text, read with the English; None without the file."""
        self._regional: dict[int, tuple[Guide, Guide]] = {}
        """By ``id`` of a guide: (that guide, kept so the id stays its own; the guide in the regional words)."""

    def __repr__(self) -> str:
        return f"ContentFolder({str(self.root)!r})"

    def languages(self) -> list[str]:
        """Language codes that have a content folder, the source language first."""
        try:
            codes = sorted(entry.name for entry in self.root.iterdir() if is_language_folder(entry))
        except OSError:
            return [SOURCE_LANGUAGE]
        return sorted(codes, key=lambda code: (code != SOURCE_LANGUAGE, code))

    def misnamed(self) -> list[Path]:
        """Folders with a ``language.yaml`` whose name is not a language code: ignored (``check`` says so)."""
        try:
            return sorted(entry for entry in self.root.iterdir() if (entry / "language.yaml").is_file() and not is_language_folder(entry))
        except OSError:
            return []

    @property
    def english(self) -> Guide:
        """The English guide, read and cross-checked once (raises ContentError for broken content)."""
        if self._english is None:
            english = load_english(self.root / SOURCE_LANGUAGE, self.warn)
            self._swapper = self._read_words()
            self._english = english
        return self._english

    def _read_words(self) -> Swapper | None:
        """``us-words.yaml``, read with the English (so a broken file stops the guide for every reader
        at once, as any broken English file does, not later for one who picks a region); None without it."""
        path = self.root / SOURCE_LANGUAGE / REGIONAL_WORDS_FILE
        return Swapper(parse_regional_words(read_yaml(path), self.warn)) if path.is_file() else None

    def guide(self, code: str, region: str | None = None) -> Guide:
        """The guide in ``code`` for a reader in ``region``: each current translated part laid over the
        English, loaded once, and its English in the region's words (``regional``)."""
        if code == SOURCE_LANGUAGE:
            return self.regional(self.english, region)
        if code not in self._guides:
            english = self.english
            self._guides[code] = translate(english, self.translation(code), self.warn)
        return self.regional(self._guides[code], region)

    def english_words(self, region: str | None) -> Swapper | None:
        """The change from the guide's English to the words a reader in ``region`` reads (US: "colors",
        "randomized"), or None where the region has none (or is unknown): the app's English UI
        strings go through it too (``i18n.set_language``). Raises ContentError for a broken file."""
        if not region or self.english is None:  # loading the English reads the words too
            return None
        swapper = self._swapper
        return swapper if swapper is not None and region.upper() in swapper.words.regions else None

    def regional(self, guide: Guide, region: str | None) -> Guide:
        """``guide`` as a reader in ``region`` reads it: every English text in the region's words
        (``regional.reworded``), made once per guide; ``guide`` itself where the region has none."""
        change = self.english_words(region)
        if change is None:
            return guide
        made = self._regional.get(id(guide))
        if made is None or made[0] is not guide:
            made = self._regional[id(guide)] = (guide, reworded(guide, self.english, change))
        return made[1]

    def translation(self, code: str) -> Translation:
        """A translation's own files, as read (for the overlay, the audit and the translator tools)."""
        if code not in self._translations:
            self._translations[code] = self._read_translation(code)
        return self._translations[code]

    def forget(self) -> None:
        """Drop everything loaded (after a file was rewritten, as ``stamp`` does)."""
        self._english = None
        self._guides.clear()
        self._translations.clear()
        self._swapper = None
        self._regional.clear()

    def _read_translation(self, code: str) -> Translation:
        folder = self.root / code
        english = self.english
        warn = self.warn
        if not is_language_folder(folder):
            problem = "the folder name is not a language code like es or pt_BR" if (folder / "language.yaml").is_file() else "language folder has no language.yaml"
            raise ContentError(folder / "language.yaml", 1, "(file)", problem)
        translation = Translation(code=code, folder=folder, language=parse_language(read_yaml(folder / "language.yaml"), warn), pages={})
        for path in sorted((folder / "screens").glob("*.yaml")):
            doc = read_yaml(path)
            page = parse_screen(doc, warn)
            if page.id in translation.pages:
                translation.duplicate_pages.append((doc, page, translation.pages[page.id][0].path.name))
            translation.pages[page.id] = (doc, page)
        files = translation.files  # each file read, then parsed, in this order: the first problem wins
        if (path := folder / "sources.yaml").is_file():
            files[path.name] = doc = read_yaml(path)
            translation.source_notes = parse_source_notes(doc, warn, english.sources)
        if (path := folder / "glossary.yaml").is_file():
            files[path.name] = doc = read_yaml(path)
            translation.glossary = parse_glossary(doc, warn)
        if (path := folder / "help-lines.yaml").is_file():
            files[path.name] = doc = read_yaml(path)
            translation.help_words = parse_help_line_words(doc, warn)
        if english.self_checks and (path := folder / SELF_CHECKS_FILE).is_file():
            files[path.name] = translation.checks_doc = read_yaml(path)
            translation.checks = {check.id: check for check in parse_self_checks(translation.checks_doc, warn)}
        if english.values is not None and (path := folder / VALUES_FILE).is_file():
            files[path.name] = translation.values_doc = read_yaml(path)
            translation.values = parse_values(translation.values_doc, warn)
        return translation


def load_guide(language: str = SOURCE_LANGUAGE, root: Path | None = None, warn: Callable[[str], None] | None = None) -> Guide:
    """One language from a fresh ContentFolder: a convenience for tests and scripts."""
    return ContentFolder(root, warn).guide(language)
