"""Item 16: each text field has a size limit, declared once in ``schema.py``.

A 1.5 MB title (under the 2 MB file limit) loaded, and took about 10 s and 260 MB to lay out on the
first frame. Now every text of every file kind is refused past its field's limit, with the file,
line and field, before anything else reads it.
"""

from __future__ import annotations

import json
import time

import pytest

from recovery_guide.clinic import load_clinic
from recovery_guide.guide_content.folder import load_guide
from recovery_guide.guide_content.schema import SHAPES, json_schema
from recovery_guide.guide_content.yaml_source import ContentError
from tests.helpers import ONE_LINE, line_of, replace_once, run

HUGE = "Ketamine " * 170_000
"""About 1.5 MB of one line of words."""


def test_a_huge_title_is_refused_at_once_with_its_line(content_copy):
    path = replace_once(content_copy / "en" / "screens" / "02-ketamine-basics.yaml", "title: Ketamine in brief", f"title: {HUGE}")
    started = time.monotonic()
    with pytest.raises(ContentError) as raised:
        load_guide("en", content_copy)
    assert time.monotonic() - started < 5
    message = str(raised.value)
    assert ONE_LINE.match(message) and ": title: too long: 1,5" in message and "characters, at most 200 are allowed" in message
    assert raised.value.line == line_of(path, "title:")


@pytest.mark.slow
def test_check_reports_a_huge_body_in_one_line(content_copy):
    replace_once(content_copy / "en" / "screens" / "02-ketamine-basics.yaml", "  ## What ketamine is\n", f"  ## What ketamine is\n  {HUGE}\n")
    result = run("check", "--content", str(content_copy))
    assert result.returncode != 0 and "Traceback" not in result.stderr
    located = [line for line in (result.stdout + result.stderr).splitlines() if ": body: too long" in line]
    assert located and len(located[0]) < 400, "the message names the limit; it never repeats the text"


@pytest.mark.parametrize(("field", "value"), [("name", f'"{HUGE}"'), ("hours", f'"{HUGE}"'), ("phone", '"' + "5" * 500 + '"'), ("questions", f'["{HUGE}"]')])
def test_a_clinic_file_with_a_huge_field_is_refused(tmp_path, field, value):
    clinic = tmp_path / "clinic.yaml"
    fields = {"name": '"Riverside"', field: value}
    clinic.write_text("".join(f"{key}: {text}\n" for key, text in fields.items()), encoding="utf-8")
    with pytest.raises(ContentError) as raised:
        load_clinic(clinic)
    assert ONE_LINE.match(str(raised.value)) and field in str(raised.value) and "too long" in str(raised.value)


def _texts(schema: dict):
    """Every text (string) property of a JSON Schema, nested ones and list items included."""
    if isinstance(schema, dict):
        types = schema.get("type")
        if types == "string" or (isinstance(types, list) and "string" in types and "pattern" not in schema or schema.get("pattern") == r"\S"):
            yield schema
        for value in schema.values():
            yield from _texts(value)
    elif isinstance(schema, list):
        for value in schema:
            yield from _texts(value)


@pytest.mark.parametrize("kind", sorted(SHAPES))
def test_every_text_field_of_every_file_kind_has_a_limit_editors_see_too(kind):
    for shape in [SHAPES[kind]]:
        stack = [shape]
        while stack:
            current = stack.pop()
            for field in current.fields:
                if field.kind in ("text", "texts", "literal", "texts-or-mappings"):
                    assert field.limit, f"{kind}: {current.title}.{field.name} has no limit"
                if field.shape:
                    stack.append(field.shape)
    texts = [schema for schema in _texts(json_schema(kind)) if schema.get("format") != "date"]
    assert texts and all("maxLength" in schema for schema in texts), json.dumps(json_schema(kind))[:500]
