"""Turn the YAML under ``content/<lang>/`` into the typed model, or explain exactly what is wrong.

Content is edited by clinicians and translators, not programmers, so every problem is reported as one
line, ``file:line: field: what is wrong``, and loading stops at the first problem: the guide is never
shown half-valid. YAML is read only with PyYAML's safe loader (the C one when present), so a tag that
tries to build a Python object is refused, not run. PyYAML is imported at the first file that needs
parsing: the packaged files come already parsed from the build (``preparsed``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable

from recovery_guide import preparsed
from recovery_guide.model import (
    Guide,
    HelpLine,
    LanguageInfo,
    Question,
    Region,
    Page,
    PageKind,
    Source,
    Term,
    Urgency,
)
from recovery_guide.paths import content_dir
from recovery_guide.safetext import neutralise

if TYPE_CHECKING:
    import yaml

SafeLoader: Any = None
"""PyYAML's safe loader class (the C one when present), chosen by ``_yaml`` at the first parse."""


def _yaml():
    """PyYAML, imported on first use (about 8 ms: more than parsing a whole language takes)."""
    global SafeLoader
    import yaml

    if SafeLoader is None:
        SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return yaml


_UNPARSED: Any = object()

ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
MAX_FILE_BYTES = 2_000_000
"""Content files are small prose; anything larger is a mistake (or an attack) and is refused unread."""


class ContentError(Exception):
    """A problem in a content file, located to the line and field."""

    def __init__(self, file: Path | str, line: int, field_path: str, message: str) -> None:
        self.file = str(file)
        self.line = line
        self.field_path = field_path
        self.message = message
        super().__init__(str(self))

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.field_path}: {self.message}"


@dataclass
class YamlDocument:
    """Parsed YAML plus its node tree, so any field can be traced back to its line.

    A document read from a stored copy (``preparsed``) has no node tree until a line is asked for
    (to report a problem); then the file is parsed for it.
    """

    path: Path
    data: Any
    _root: Any = _UNPARSED

    @property
    def root(self) -> yaml.Node | None:
        if self._root is _UNPARSED:
            try:
                self._root = _parse(self.path, self.path.read_bytes().decode("utf-8"))[0]
            except (OSError, UnicodeDecodeError, ContentError):  # gone or changed since: no line to give
                self._root = None
        return self._root

    def line(self, field_path: tuple[str | int, ...]) -> int:
        """The 1-based line of the deepest node that exists along ``field_path``."""
        yaml = _yaml()
        node = self.root
        line = 1 if node is None else node.start_mark.line + 1
        for step in field_path:
            child = None
            if isinstance(node, yaml.MappingNode):
                child = next((v for k, v in node.value if k.value == step), None)
                if child is None:
                    break
            elif isinstance(node, yaml.SequenceNode) and isinstance(step, int):
                if step >= len(node.value):
                    break
                child = node.value[step]
            else:
                break
            node = child
            line = node.start_mark.line + 1
        return line

    def error(self, field_path: tuple[str | int, ...], message: str) -> ContentError:
        return ContentError(self.path, self.line(field_path), format_path(field_path), message)


def format_path(field_path: tuple[str | int, ...]) -> str:
    """``("questions", 2, "text")`` -> ``questions[2].text``; odd keys quoted (``''``, ``'a\\nb'``)."""
    text = ""
    for step in field_path:
        if not isinstance(step, int) and not (step and step.isprintable() and not any(char.isspace() for char in step)):
            step = repr(step)  # an empty key, or one with spaces or line breaks: keep the message on one line
        text += f"[{step}]" if isinstance(step, int) else (f".{step}" if text else step)
    return text or "(file)"


def read_yaml(path: Path) -> YamlDocument:
    """Read one YAML file safely, turning every failure into a located ContentError."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise ContentError(path, 1, "(file)", f"file is too large ({size} bytes; the limit is {MAX_FILE_BYTES})")
        raw = path.read_bytes()
    except OSError as error:
        raise ContentError(path, 1, "(file)", f"cannot read file: {error.strerror or error}") from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise ContentError(path, line, "(file)", "file is not UTF-8 text") from None
    stored, data = preparsed.lookup(path, raw)
    if stored:
        return YamlDocument(path, data)
    root, data = _parse(path, text)
    if data is None:
        raise ContentError(path, 1, "(file)", "file is empty")
    return YamlDocument(path, data, root)


def _parse(path: Path, text: str) -> tuple[Any, Any]:
    """The node tree and the data of one YAML text, every failure turned into a located ContentError."""
    yaml = _yaml()
    loader = None
    try:
        loader = SafeLoader(text)  # the pure-Python loader already checks the characters here
        root = loader.get_single_node()
        _reject_duplicate_keys(path, root)
        data = loader.construct_document(root) if root is not None else None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else 1
        problem = (error.problem or error.context or "invalid YAML").strip()
        raise ContentError(path, line, "(yaml)", problem) from None
    except yaml.reader.ReaderError as error:
        line = text[: error.position].count("\n") + 1
        raise ContentError(path, line, "(yaml)", f"unacceptable character #x{error.character:04x}: control characters are not allowed") from None
    except yaml.YAMLError as error:
        raise ContentError(path, 1, "(yaml)", str(error).splitlines()[0]) from None
    except RecursionError:
        raise ContentError(path, 1, "(yaml)", "nesting is too deep") from None
    finally:
        if loader is not None:
            loader.dispose()
    return root, data


def _reject_duplicate_keys(path: Path, node: yaml.Node | None) -> None:
    """PyYAML silently keeps the last of two equal keys; for content that hides a lost edit."""
    yaml = _yaml()
    stack = [node]
    seen_nodes: set[int] = set()  # aliases share nodes: visit each once, or nested aliases take forever
    while stack:
        current = stack.pop()
        if id(current) in seen_nodes:
            continue
        seen_nodes.add(id(current))
        if isinstance(current, yaml.MappingNode):
            seen: set[str] = set()
            for key, value in current.value:
                if isinstance(key, yaml.ScalarNode):
                    if key.value in seen:
                        raise ContentError(path, key.start_mark.line + 1, format_path((key.value,)), "this key appears twice")
                    seen.add(key.value)
                stack.append(value)
        elif isinstance(current, yaml.SequenceNode):
            stack.extend(current.value)


# --- field readers ---------------------------------------------------------------------------------


class Fields:
    """Typed access to one mapping in a document, each failure naming its line and field."""

    def __init__(self, doc: YamlDocument, data: Any, at: tuple[str | int, ...], allowed: set[str], warn: Callable[[str], None]):
        if not isinstance(data, dict):
            raise doc.error(at, f"expected a mapping of fields, found {_type_name(data)}")
        self.doc, self.data, self.at = doc, data, at
        for key in data:
            if key not in allowed:
                warn(str(doc.error(at + (str(key),), "unknown field (ignored)")))

    def _get(self, key: str, required: bool) -> Any:
        if key not in self.data or self.data[key] is None:
            if required:
                raise self.doc.error(self.at + (key,), "required field is missing")
            return None
        return self.data[key]

    def text(self, key: str, required: bool = True) -> str | None:
        value = self._get(key, required)
        if value is None:
            return None
        if not isinstance(value, str):
            raise self.doc.error(self.at + (key,), f"expected text, found {_type_name(value)}")
        if not value.strip():
            raise self.doc.error(self.at + (key,), "must not be empty")
        return neutralise(value.strip())

    def literal(self, key: str) -> str:
        """Text that YAML may have read as a number (a phone number such as 988)."""
        value = self._get(key, True)
        if isinstance(value, int) and not isinstance(value, bool):
            return str(value)
        return self.text(key)

    def ident(self, key: str) -> str:
        value = self._get(key, True)
        if isinstance(value, int) and not isinstance(value, bool):
            value = str(value)
        if not isinstance(value, str) or not ID_PATTERN.match(value):
            raise self.doc.error(self.at + (key,), f"expected an id of lowercase letters, digits and dashes, found {value!r}")
        return value

    def day(self, key: str) -> date:
        value = self._get(key, True)
        if isinstance(value, date):
            return value
        if isinstance(value, str):
            try:
                return date.fromisoformat(value)
            except ValueError:
                pass
        raise self.doc.error(self.at + (key,), f"expected a date like 2026-11-27, found {value!r}")

    def items(self, key: str, required: bool = True) -> list[Any]:
        value = self._get(key, required)
        if value is None:
            return []
        if not isinstance(value, list):
            raise self.doc.error(self.at + (key,), f"expected a list, found {_type_name(value)}")
        if required and not value:
            raise self.doc.error(self.at + (key,), "list must not be empty")
        return value

    def texts(self, key: str, required: bool = True) -> tuple[str, ...]:
        values = self.items(key, required)
        for index, value in enumerate(values):
            if not isinstance(value, str) or not value.strip():
                raise self.doc.error(self.at + (key, index), f"expected text, found {_type_name(value)}")
        return tuple(neutralise(value.strip()) for value in values)

    def ids(self, key: str, required: bool = True) -> tuple[str, ...]:
        values = self.items(key, required)
        for index, value in enumerate(values):
            if not isinstance(value, str) or not ID_PATTERN.match(value):
                raise self.doc.error(self.at + (key, index), f"expected an id, found {value!r}")
        return tuple(values)

    def choice(self, key: str, enum: type, default: Any = None) -> Any:
        value = self._get(key, default is None)
        if value is None:
            return default
        try:
            return enum(value)
        except ValueError:
            allowed = ", ".join(member.value for member in enum)
            raise self.doc.error(self.at + (key,), f"expected one of {allowed}, found {value!r}") from None


def _type_name(value: Any) -> str:
    return {str: "text", int: "a number", float: "a number", bool: "true/false", list: "a list", dict: "a mapping"}.get(
        type(value), "nothing" if value is None else type(value).__name__
    )


# --- files -----------------------------------------------------------------------------------------

SCREEN_FIELDS = {"id", "kind", "title", "reviewed", "evidence", "key_points", "body", "questions", "sources", "terms", "acknowledge", "translation"}
QUESTION_FIELDS = {"id", "text"}


def parse_screen(doc: YamlDocument, warn: Callable[[str], None]) -> Page:
    fields = Fields(doc, doc.data, (), SCREEN_FIELDS, warn)
    questions = []
    for index, item in enumerate(fields.items("questions")):
        question = Fields(doc, item, ("questions", index), QUESTION_FIELDS, warn)
        questions.append(Question(id=question.ident("id"), text=question.text("text")))
    kind = fields.choice("kind", PageKind, PageKind.TOPIC)
    acknowledge = fields.text("acknowledge", required=kind is PageKind.WELCOME)
    translated_from = None
    if doc.data.get("translation") is not None:
        translation = Fields(doc, doc.data["translation"], ("translation",), {"source_hash"}, warn)
        translated_from = translation.text("source_hash")
    return Page(
        translated_from=translated_from,
        id=fields.ident("id"),
        title=fields.text("title"),
        kind=kind,
        key_points=fields.texts("key_points"),
        body=fields.text("body"),
        questions=tuple(questions),
        source_ids=fields.ids("sources"),
        terms=fields.ids("terms", required=False),
        reviewed=fields.day("reviewed"),
        evidence=fields.text("evidence", required=False),
        acknowledge=acknowledge,
        file=str(doc.path),
    )


def parse_sources(doc: YamlDocument, warn: Callable[[str], None]) -> dict[str, Source]:
    """The sources by id, in file order (the n-th is at ``("sources", n)``)."""
    top = Fields(doc, doc.data, (), {"sources"}, warn)
    found: dict[str, Source] = {}
    for index, item in enumerate(top.items("sources")):
        fields = Fields(doc, item, ("sources", index), {"id", "citation", "url", "note"}, warn)
        source = Source(id=fields.ident("id"), citation=fields.text("citation"), url=fields.text("url", required=False), note=fields.text("note"))
        if source.id in found:
            raise doc.error(("sources", index, "id"), f"duplicate source id {source.id!r}")
        found[source.id] = source
    return found


def parse_glossary(doc: YamlDocument, warn: Callable[[str], None]) -> tuple[Term, ...]:
    top = Fields(doc, doc.data, (), {"terms"}, warn)
    terms: list[Term] = []
    for index, item in enumerate(top.items("terms")):
        fields = Fields(doc, item, ("terms", index), {"id", "term", "definition", "forms"}, warn)
        term = Term(id=fields.ident("id"), term=fields.text("term"), definition=fields.text("definition"), forms=fields.texts("forms", required=False))
        if any(existing.id == term.id for existing in terms):
            raise doc.error(("terms", index, "id"), f"duplicate term id {term.id!r}")
        terms.append(term)
    return tuple(terms)


def parse_help_lines(doc: YamlDocument, warn: Callable[[str], None]) -> tuple[date, tuple[Region, ...], list[tuple[str, tuple]]]:
    """Regions and their lines; also returns (source id, field path) pairs to cross-check later."""
    top = Fields(doc, doc.data, (), {"checked", "regions"}, warn)
    checked = top.day("checked")
    regions: list[Region] = []
    references: list[tuple[str, tuple]] = []
    seen_lines: set[str] = set()
    for r_index, item in enumerate(top.items("regions")):
        at = ("regions", r_index)
        fields = Fields(doc, item, at, {"code", "name", "lines", "checked"}, warn)
        code = fields.text("code")
        if not re.fullmatch(r"[A-Z]{2}", code):
            raise doc.error(at + ("code",), f"expected a two-letter country code like US, found {code!r}")
        if any(region.code == code for region in regions):
            raise doc.error(at + ("code",), f"duplicate region {code!r}")
        lines = []
        for l_index, line_item in enumerate(fields.items("lines")):
            line_at = at + ("lines", l_index)
            line_fields = Fields(doc, line_item, line_at, {"id", "urgency", "name", "contact", "about", "source"}, warn)
            line = HelpLine(
                id=line_fields.ident("id"),
                urgency=line_fields.choice("urgency", Urgency),
                name=line_fields.text("name"),
                contact=line_fields.literal("contact"),
                about=line_fields.text("about"),
                source_id=line_fields.ident("source"),
            )
            if line.id in seen_lines:
                raise doc.error(line_at + ("id",), f"duplicate help line id {line.id!r}")
            seen_lines.add(line.id)
            references.append((line.source_id, line_at + ("source",)))
            lines.append(line)
        urgency_order = list(Urgency)
        lines.sort(key=lambda line: urgency_order.index(line.urgency))
        region_checked = fields.day("checked") if item.get("checked") is not None else checked
        regions.append(Region(code=code, name=fields.text("name"), lines=tuple(lines), checked=region_checked))
    return checked, tuple(regions), references


def parse_language(doc: YamlDocument, warn: Callable[[str], None]) -> LanguageInfo:
    fields = Fields(doc, doc.data, (), {"code", "produced", "review_status", "reviewed"}, warn)
    reviewed = doc.data.get("reviewed", False)
    if not isinstance(reviewed, bool):
        raise doc.error(("reviewed",), "expected true or false")
    return LanguageInfo(code=fields.text("code"), produced=fields.text("produced"), review_status=fields.text("review_status"), reviewed=reviewed)


# --- the whole guide -------------------------------------------------------------------------------


def load_language(folder: Path, warn: Callable[[str], None] | None = None) -> Guide:
    """Load and cross-check one language folder (``content/<lang>/``)."""
    warnings: list[str] = []
    warn = warn or warnings.append
    if not folder.is_dir():
        raise ContentError(folder, 1, "(folder)", "content folder does not exist")
    language = parse_language(read_yaml(folder / "language.yaml"), warn)
    sources_doc = read_yaml(folder / "sources.yaml")
    sources = parse_sources(sources_doc, warn)
    glossary = parse_glossary(read_yaml(folder / "glossary.yaml"), warn)
    term_ids = {term.id for term in glossary}
    help_doc = read_yaml(folder / "help-lines.yaml")
    checked, regions, line_refs = parse_help_lines(help_doc, warn)
    for source_id, at in line_refs:
        if source_id not in sources:
            raise help_doc.error(at, f"unknown source id {source_id!r} (not in sources.yaml)")

    screen_files = sorted((folder / "screens").glob("*.yaml"))
    if not screen_files:
        raise ContentError(folder / "screens", 1, "(folder)", "no screen files found")
    screens: list[Page] = []
    question_ids: dict[str, str] = {}
    for path in screen_files:
        doc = read_yaml(path)
        screen = parse_screen(doc, warn)
        if any(other.id == screen.id for other in screens):
            raise doc.error(("id",), f"duplicate screen id {screen.id!r}")
        for index, source_id in enumerate(screen.source_ids):
            if source_id not in sources:
                raise doc.error(("sources", index), f"unknown source id {source_id!r} (not in sources.yaml)")
        for index, term_id in enumerate(screen.terms):
            if term_id not in term_ids:
                raise doc.error(("terms", index), f"unknown term id {term_id!r} (not in glossary.yaml)")
            if term_id in screen.terms[:index]:
                raise doc.error(("terms", index), f"term id {term_id!r} is listed twice")
        for index, question in enumerate(screen.questions):
            if question.id in question_ids:
                raise doc.error(("questions", index, "id"), f"duplicate question id {question.id!r} (also in {question_ids[question.id]})")
            question_ids[question.id] = path.name
        screens.append(screen)

    for kind in (PageKind.WELCOME, PageKind.HELP_NOW, PageKind.ABOUT):
        count = sum(screen.kind is kind for screen in screens)
        if count != 1:
            raise ContentError(folder / "screens", 1, "kind", f"expected exactly one {kind.value!r} screen, found {count}")
    if screens[0].kind is not PageKind.WELCOME:
        raise ContentError(screens[0].file, 1, "kind", "the first screen must be the welcome screen")

    from recovery_guide.selfcheck import load_self_checks

    return Guide(
        language=language,
        pages=tuple(screens),
        sources=sources,
        glossary=glossary,
        regions=regions,
        help_lines_checked=checked,
        self_checks=load_self_checks(folder, screens, sources, warn),
    )


def load_guide(language: str = "en", root: Path | None = None, warn: Callable[[str], None] | None = None) -> Guide:
    """Load the guide in one language from ``root`` (the packaged content by default).

    A translation is laid over the English: any screen whose translation is missing, stale or does
    not match the English question ids is shown in English, whole, never mixed.
    """
    root = root or content_dir()
    english = load_language(root / "en", warn)
    if language == "en":
        return english
    from recovery_guide.translation import load_translation

    return load_translation(root / language, english, warn or (lambda message: None))
