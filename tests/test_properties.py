"""Property tests: whatever is in a content file, loading it succeeds or fails with one located line.

Hypothesis writes generated documents (random bytes and text, YAML-shaped structures with the real
field names and wrong types, and small edits of real screens) into a content file and loads it. The
only acceptable failure is a ContentError whose text is ``file:line: field: message`` on one line,
with both of PyYAML's loaders (the C one most readers have, and the pure-Python fallback).

The runs are derandomized and keep no example database, so CI sees the same examples every time
(the profiles are in tests/conftest.py).
"""

from __future__ import annotations

import json
import math
import shutil
import tempfile
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from recovery_guide import readability
from recovery_guide.audit import catalog_problems
from recovery_guide.guide_content.english import load_english
from recovery_guide.guide_content.parse import parse_glossary, parse_help_lines, parse_language, parse_screen, parse_sources
from recovery_guide.guide_content.schema import SCREEN
from recovery_guide.guide_content.yaml_source import ContentError, read_yaml
from recovery_guide.paths import content_dir
from tests.helpers import ONE_LINE

pytestmark = pytest.mark.slow  # hundreds of generated examples per test

PROPERTY_SETTINGS = settings()
"""The loaded profile's (tests/conftest.py): 50 examples a test in CI, 400 with HYPOTHESIS_PROFILE=thorough."""
PARSERS = {
    "screens/05-research-alcohol.yaml": parse_screen,
    "sources.yaml": parse_sources,
    "glossary.yaml": parse_glossary,
    "help-lines.yaml": parse_help_lines,
    "language.yaml": parse_language,
}


class Scratch:
    """A copy of the English content, shared by the examples; each example rewrites one file and puts
    it back, so the module-scoped copy stays valid."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.originals = {relative: (folder / relative).read_bytes() for relative in PARSERS}

    def __repr__(self) -> str:  # Hypothesis prints the arguments of a failing example
        return f"Scratch({self.folder})"


@pytest.fixture(scope="module")
def scratch():
    folder = Path(tempfile.mkdtemp(prefix="recovery-guide-properties-"))
    shutil.copytree(content_dir() / "en", folder / "en")
    yield Scratch(folder / "en")
    shutil.rmtree(folder)


def assert_loads_or_explains(path: Path, parse) -> None:
    """Read and parse one file: fine, or a one-line located ContentError; nothing else escapes."""
    warnings: list[str] = []
    try:
        parse(read_yaml(path), warnings.append)
    except ContentError as error:
        text = str(error)
        assert ONE_LINE.fullmatch(text), repr(text)
        assert text.startswith(f"{path}:"), text
        assert error.line >= 1
    for warning in warnings:
        assert ONE_LINE.fullmatch(warning), repr(warning)


def write_and_check(scratch: Scratch, relative: str, payload: bytes | str) -> None:
    path = scratch.folder / relative
    try:
        if isinstance(payload, str):
            path.write_text(payload, encoding="utf-8", errors="surrogatepass")
        else:
            path.write_bytes(payload)
        assert_loads_or_explains(path, PARSERS[relative])
    finally:
        path.write_bytes(scratch.originals[relative])


# --- generated documents -----------------------------------------------------------------------------

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**20), max_value=10**20),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=30),
    st.dates().map(str),
    st.sampled_from(["research-alcohol", "grabski-2022", "welcome", "topic", "emergency", "2026-11-27", "", " "]),
)
keys = st.one_of(st.sampled_from(sorted(SCREEN.allowed | {"sources", "terms", "regions", "lines", "code", "name", "contact", "urgency", "source", "checked", "produced", "review_status"})), st.text(max_size=12))
structures = st.recursive(
    scalars,
    lambda children: st.one_of(st.lists(children, max_size=5), st.dictionaries(keys, children, max_size=8)),
    max_leaves=30,
)


@PROPERTY_SETTINGS
@given(relative=st.sampled_from(sorted(PARSERS)), payload=st.binary(max_size=400))
def test_random_bytes(scratch, yaml_loader, relative, payload):
    write_and_check(scratch, relative, payload)


@PROPERTY_SETTINGS
@given(relative=st.sampled_from(sorted(PARSERS)), payload=st.text(max_size=400))
def test_random_text(scratch, yaml_loader, relative, payload):
    write_and_check(scratch, relative, payload)


@PROPERTY_SETTINGS
@given(relative=st.sampled_from(sorted(PARSERS)), document=st.one_of(structures, st.dictionaries(keys, structures, max_size=12)))
def test_yaml_shaped_documents_with_real_field_names(scratch, yaml_loader, relative, document):
    write_and_check(scratch, relative, yaml.safe_dump(document, allow_unicode=True))


@PROPERTY_SETTINGS
@given(relative=st.sampled_from(sorted(PARSERS)), key=keys, first=scalars, second=scalars, nested=st.booleans())
def test_any_key_given_twice(scratch, yaml_loader, relative, key, first, second, nested):
    """Duplicate keys are refused, and the message stays on one line whatever the key looks like."""
    quoted = json.dumps(key)
    pair = f"{quoted}: {json.dumps(first)}\n{quoted}: {json.dumps(second)}\n"
    if nested:
        pair = "questions:\n  - " + pair.replace("\n", "\n    ").rstrip() + "\n"
    write_and_check(scratch, relative, pair)


@PROPERTY_SETTINGS
@given(
    relative=st.sampled_from(sorted(PARSERS)),
    cut=st.integers(min_value=0, max_value=10_000),
    length=st.integers(min_value=0, max_value=40),
    insert=st.one_of(st.text(max_size=20), st.sampled_from(["[", "{", "- ", ": ", "\n  ", "\t", "&a ", "*a", "!!python/object:os.system ", "'", '"', "#", "\x00", "? "])),
)
def test_small_edits_of_real_files(scratch, yaml_loader, relative, cut, length, insert):
    """Cut a piece out of a real file and put something else there: the near misses editors make."""
    text = scratch.originals[relative].decode("utf-8")
    cut %= len(text) + 1
    write_and_check(scratch, relative, text[:cut] + insert + text[cut + length :])


@PROPERTY_SETTINGS
@given(field=st.sampled_from(sorted(SCREEN.allowed)), value=structures)
def test_any_value_in_any_screen_field_of_a_whole_language(scratch, field, value):
    """The whole language folder loads, or names the file, line and field: cross-checks included."""
    relative = "screens/05-research-alcohol.yaml"
    path = scratch.folder / relative
    data = yaml.safe_load(scratch.originals[relative])
    data[field] = value
    try:
        path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
        try:
            load_english(scratch.folder, warn=lambda message: None)
        except ContentError as error:
            assert ONE_LINE.fullmatch(str(error)), repr(str(error))
    finally:
        path.write_bytes(scratch.originals[relative])


# --- readability and catalogs never fail either ---------------------------------------------------------


@PROPERTY_SETTINGS
@given(text=st.text(max_size=600), language=st.sampled_from(["en", "es", "de", "fr", "pt_BR", "zh_Hans", "vi"]))
def test_reading_level_of_any_text_is_a_finite_number(text, language):
    counts = readability.count(readability.plain_text(text), language)
    assert counts.words >= counts.polysyllables
    formula = readability.formula_for(language) or readability.FORMULAS["en"]
    for value in (formula.compute(counts), readability.smog(counts)):
        assert math.isfinite(value)


@PROPERTY_SETTINGS
@given(payload=st.one_of(st.binary(max_size=300), st.text(max_size=300).map(lambda text: text.encode("utf-8"))))
def test_any_catalog_is_reported_not_raised(tmp_path_factory, payload):
    path = tmp_path_factory.mktemp("po") / "messages.po"
    path.write_bytes(b'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=utf-8\\n"\n\n' + payload)
    for problem in catalog_problems(path):
        assert ONE_LINE.fullmatch(str(problem)), repr(str(problem))
