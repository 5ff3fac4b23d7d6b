"""Items 9, 10 and 16 over every field of every file kind: whatever text a field holds, the file is
either read (with no control, bidi or invisible character left in any text) or refused with one
``file:line: field: message`` line. Documents come from their declared shapes
(``strategies.document``), so a field added to ``schema.py`` is covered without a new test."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from recovery_guide.clinic import load_clinic
from recovery_guide.guide_content import parse
from recovery_guide.guide_content.schema import SHAPES
from recovery_guide.guide_content.yaml_source import ContentError, read_yaml
from tests.adversarial.strategies import BIDI, INVISIBLE, document
from tests.helpers import ONE_LINE

READERS = {
    "screen": lambda path: parse.parse_screen(read_yaml(path), lambda message: None),
    "sources": lambda path: parse.parse_sources(read_yaml(path), lambda message: None),
    "glossary": lambda path: parse.parse_glossary(read_yaml(path), lambda message: None),
    "help-lines": lambda path: parse.parse_help_lines(read_yaml(path), lambda message: None),
    "language": lambda path: parse.parse_language(read_yaml(path), lambda message: None),
    "self-checks": lambda path: parse.parse_self_checks(read_yaml(path), lambda message: None),
    "values": lambda path: parse.parse_values(read_yaml(path), lambda message: None),
    "terms": lambda path: parse.parse_terms(read_yaml(path), lambda message: None),
    "us-words": lambda path: parse.parse_regional_words(read_yaml(path), lambda message: None),
    "clinic": load_clinic,
}


def _texts(value):
    """Every string anywhere in a parsed result (dataclasses, tuples, dicts)."""
    if isinstance(value, str):
        yield value
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for field in dataclasses.fields(value):
            yield from _texts(getattr(value, field.name))
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _texts(key)
            yield from _texts(item)
    elif isinstance(value, (list, tuple, set, frozenset)):
        for item in value:
            yield from _texts(item)


def test_every_file_kind_has_a_reader_here():
    assert set(READERS) == set(SHAPES)


@pytest.mark.slow  # a property test: 40 documents for each of nine kinds of file, about 8 s in all
@pytest.mark.parametrize("kind", sorted(SHAPES))
@settings(max_examples=40, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(data=st.data())
def test_any_text_in_any_field_is_read_clean_or_refused_in_one_line(tmp_path, kind, data):
    content = data.draw(document(SHAPES[kind]))
    path = tmp_path / f"{kind}.yaml"
    path.write_text(yaml.safe_dump(content, allow_unicode=True), encoding="utf-8")
    try:
        result = READERS[kind](path)
    except ContentError as error:
        assert ONE_LINE.match(str(error)) and "\n" not in str(error), str(error)
        return
    for text in _texts(result):
        if text == str(Path(path)):
            continue
        assert not any(char in text for char in BIDI + INVISIBLE), f"{kind}: {text!r} kept an invisible character"
        assert not any(ord(char) < 32 and char not in "\n\t" for char in text), f"{kind}: {text!r} kept a control character"
