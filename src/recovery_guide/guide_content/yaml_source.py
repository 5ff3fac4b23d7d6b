"""Reading content YAML safely, keeping every value's line so a problem can be reported where it is.

Content is edited by clinicians and translators, not programmers, so every problem is one line,
``file:line: field: what is wrong``. YAML is read only with PyYAML's safe loader (the C one when
present), so a tag that tries to build a Python object is refused, not run; two equal keys (which
PyYAML would silently merge, hiding a lost edit) and oversized files are refused too. PyYAML is
imported at the first file that needs parsing: the packaged files come already parsed from the
build (``preparsed``), and importing PyYAML costs more than parsing a whole language.
"""

from __future__ import annotations

from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterator

from recovery_guide.guide_content import preparsed
from recovery_guide.safe_files import TooLarge, read_limited

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
    def has_nodes(self) -> bool:
        """Whether the node tree is at hand without parsing (false for a stored copy not yet traced)."""
        return self._root is not _UNPARSED

    @property
    def root(self) -> yaml.Node | None:
        if self._root is _UNPARSED:
            try:
                self._root = _parse(self.path, read_limited(self.path, MAX_FILE_BYTES).decode("utf-8"))[0]
            except (OSError, TooLarge, UnicodeDecodeError, ContentError):  # gone or changed since: no line to give
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

    def node(self, field_path: tuple[str | int, ...]) -> yaml.Node | None:
        """The node exactly at ``field_path``, or None when any step is missing (for editing in place)."""
        yaml = _yaml()
        node = self.root
        for step in field_path:
            if isinstance(node, yaml.MappingNode):
                node = next((v for k, v in node.value if k.value == step), None)
            elif isinstance(node, yaml.SequenceNode) and isinstance(step, int) and step < len(node.value):
                node = node.value[step]
            else:
                return None
        return node

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


def mappings_in(data: Any, key: str) -> list[dict]:
    """The mappings in the list ``data[key]``, skipping anything else: for looking into a file that
    may not have passed its schema (the audit reports what it can, not only the first problem)."""
    value = data.get(key) if isinstance(data, dict) else None
    return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []


def read_yaml(path: Path) -> YamlDocument:
    """Read one YAML file safely, turning every failure into a located ContentError."""
    try:
        raw = read_limited(path, MAX_FILE_BYTES)  # a device or a pipe is refused, never read without end
    except TooLarge as error:
        raise ContentError(path, 1, "(file)", f"file is {error}") from None
    except (OSError, ValueError) as error:  # ValueError: a NUL in the path
        raise ContentError(path, 1, "(file)", f"cannot read file: {getattr(error, 'strerror', None) or error}") from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise ContentError(path, line, "(file)", "file is not UTF-8 text") from None
    stored, data = preparsed.lookup(path, raw)
    if stored:
        return YamlDocument(path, data)
    key = (SafeLoader, raw)
    if _parsed_once is not None and key in _parsed_once:
        root, data = _parsed_once[key]
    else:
        root, data = _parse(path, text)
        if data is None:
            raise ContentError(path, 1, "(file)", "file is empty")
        if _parsed_once is not None:
            _parsed_once[(SafeLoader, raw)] = (root, data)  # SafeLoader is chosen by the first parse
            if len(_parsed_once) > _PARSED_ONCE_LIMIT:
                del _parsed_once[next(iter(_parsed_once))]
    return YamlDocument(path, data, root)


_parsed_once: dict[tuple[Any, bytes], tuple[Any, Any]] | None = None
"""Inside ``each_file_parsed_once``: the node tree and data parsed from each file's bytes (and the loader used)."""
_PARSED_ONCE_LIMIT = 2000
"""More distinct files than any content folder has: a bound on the memory it takes, whatever is read."""


@contextmanager
def each_file_parsed_once() -> Iterator[None]:
    """Within this block, bytes already parsed (by the same loader) are not parsed again.

    ``check`` reads the English files for the guide, again beside each translation and again to
    look for avoided terms: parsing is most of reading, and it was done three times or more. The
    file is still read each time, and parsed again if its bytes changed, so an edit made meanwhile is
    seen; a file that fails is not kept. What is kept depends on the bytes alone (never on the path,
    which each document gets its own), so the documents read are exactly those a fresh parse gives.
    Callers must not change a document's data or nodes (none does).
    """
    global _parsed_once
    outer = _parsed_once
    _parsed_once = {} if outer is None else outer
    try:
        yield
    finally:
        _parsed_once = outer


def _parse(path: Path, text: str) -> tuple[Any, Any]:
    """The node tree and the data of one YAML text, every failure turned into a located ContentError."""
    yaml = _yaml()
    loader = None
    try:
        loader = SafeLoader(text)  # the pure-Python loader already checks the characters here
        root = loader.get_single_node()
        _reject_duplicate_keys(path, root)
        data = _construct(loader, root) if root is not None else None
    except _Unbuildable as error:
        raise _unbuildable_error(path, root, error.node) from None
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


class _Unbuildable(Exception):
    """A value that parsed but that PyYAML could not turn into its type (raised by ``_construct``)."""

    def __init__(self, node: yaml.Node) -> None:
        self.node = node
        super().__init__(node.tag)


def _construct(loader: Any, root: yaml.Node) -> Any:
    """The document's data. PyYAML's constructors raise plain ValueError, KeyError or AttributeError
    (``2026-02-30``, ``!!int abc``, ``!!bool abc``, ``!!timestamp abc``, an integer of 5000 digits)
    with no line; each node's construction is wrapped so the failing node is known, and reported
    where it is. Wrapping the instance keeps whichever loader class (C or pure Python) is in use."""
    yaml = _yaml()
    construct_object = loader.construct_object

    def located(node: yaml.Node, deep: bool = False) -> Any:
        try:
            return construct_object(node, deep=deep)
        except (yaml.YAMLError, _Unbuildable, RecursionError):
            raise
        except Exception:
            raise _Unbuildable(node) from None

    loader.construct_object = located
    return loader.construct_document(root)


EXPECTED = {
    "tag:yaml.org,2002:timestamp": "a date like 2026-11-27",
    "tag:yaml.org,2002:int": "a whole number",
    "tag:yaml.org,2002:float": "a number",
    "tag:yaml.org,2002:bool": "true or false",
}
"""What a value of each scalar type must look like, for the message about one that does not."""


def _unbuildable_error(path: Path, root: yaml.Node, node: yaml.Node) -> ContentError:
    value = node.value if isinstance(node.value, str) else ""
    shown = repr(value) if len(value) <= 40 else f"{value[:20]!r}... ({len(value)} characters)"
    expected = EXPECTED.get(node.tag, f"a value of type {node.tag.rsplit(':', 1)[-1]}")
    return ContentError(path, node.start_mark.line + 1, format_path(_path_of(root, node)), f"expected {expected}, found {shown}")


def _path_of(root: yaml.Node, target: yaml.Node) -> tuple[str | int, ...]:
    """Where ``target`` is in the tree (a key is reported at its mapping), for the message."""
    yaml = _yaml()
    stack: list[tuple[Any, tuple[str | int, ...]]] = [(root, ())]
    seen: set[int] = set()
    while stack:
        node, at = stack.pop()
        if node is target:
            return at
        if id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                if key is target:
                    return at
                stack.append((value, at + (key.value if isinstance(key, yaml.ScalarNode) else "?",)))
        elif isinstance(node, yaml.SequenceNode):
            stack.extend((child, at + (index,)) for index, child in enumerate(node.value))
    return ()
