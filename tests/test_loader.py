"""Broken content is reported as one line, file:line: field: message, and never half-loaded."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from recovery_guide.loader import ContentError, load_guide

SCREEN = "screens/05-research-alcohol.yaml"


def break_file(root: Path, relative: str, old: str, new: str) -> Path:
    path = root / "en" / relative
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture text not found in {relative}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def load_error(root: Path) -> ContentError:
    with pytest.raises(ContentError) as caught:
        load_guide("en", root)
    return caught.value


def line_of(path: Path, needle: str) -> int:
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if needle in line:
            return number
    raise AssertionError(needle)


def test_invalid_yaml_names_file_and_line(content_copy):
    path = break_file(content_copy, SCREEN, "title:", "title: [unclosed\nx:")
    error = load_error(content_copy)
    assert error.file == str(path)
    assert error.field_path == "(yaml)"
    assert re.match(rf"^{re.escape(str(path))}:\d+: \(yaml\): ", str(error))


def test_missing_required_field(content_copy):
    path = break_file(content_copy, SCREEN, "title:", "tittle:")
    error = load_error(content_copy)
    assert (error.file, error.field_path, error.message) == (str(path), "title", "required field is missing")


def test_wrongly_typed_field_points_at_its_line(content_copy):
    path = break_file(content_copy, SCREEN, "key_points:", "key_points: 5\nold_key_points:")
    error = load_error(content_copy)
    assert error.field_path == "key_points"
    assert error.line == line_of(path, "key_points: 5")
    assert "expected a list" in error.message


def test_unknown_source_id(content_copy):
    path = break_file(content_copy, SCREEN, "sources:\n", "sources:\n  - no-such-study\n")
    error = load_error(content_copy)
    assert error.field_path == "sources[0]"
    assert "unknown source id 'no-such-study'" in error.message
    assert error.line == line_of(path, "no-such-study")


def test_duplicate_question_id_across_screens(content_copy):
    guide = load_guide("en", content_copy)
    first_id = guide.screens[1].questions[0].id
    target = guide.screen("research-alcohol").questions[0].id
    path = break_file(content_copy, SCREEN, f"id: {target}", f"id: {first_id}")
    error = load_error(content_copy)
    assert error.file == str(path)
    assert error.field_path == "questions[0].id"
    assert "duplicate question id" in error.message


def test_duplicate_screen_id(content_copy):
    break_file(content_copy, SCREEN, "id: research-alcohol", "id: research-opioids")
    error = load_error(content_copy)
    assert "duplicate screen id 'research-opioids'" in error.message


def test_yaml_python_tags_are_refused_not_run(content_copy, tmp_path):
    marker = tmp_path / "ran"
    break_file(content_copy, SCREEN, "title:", f"boom: !!python/object/apply:os.system ['touch {marker}']\ntitle:")
    error = load_error(content_copy)
    assert error.field_path == "(yaml)"
    assert not marker.exists()


def test_file_that_is_not_utf8(content_copy):
    path = content_copy / "en" / SCREEN
    path.write_bytes(path.read_bytes() + b"\nbody2: \xff\xfe\n")
    error = load_error(content_copy)
    assert "not UTF-8" in error.message


def test_empty_file(content_copy):
    (content_copy / "en" / SCREEN).write_text("", encoding="utf-8")
    assert "empty" in load_error(content_copy).message


def test_escaped_control_sequences_in_content_are_neutralised(content_copy):
    break_file(content_copy, SCREEN, "title: What", 'title: "\\e]0;hacked\\a\\e[2J What"\nold_title: What')
    screen = load_guide("en", content_copy).screen("research-alcohol")
    assert screen.title.startswith("]0;hacked")
    assert "\x1b" not in screen.title and "\x07" not in screen.title


def test_raw_control_characters_are_refused_with_their_line(content_copy):
    path = break_file(content_copy, SCREEN, "title: What", "title: \x1b[2J What")
    error = load_error(content_copy)
    assert error.line == line_of(path, "\x1b[2J")
    assert "control characters" in error.message


def test_unknown_fields_are_warned_not_fatal(content_copy):
    break_file(content_copy, SCREEN, "title:", "colour: red\ntitle:")
    warnings: list[str] = []
    load_guide("en", content_copy, warn=warnings.append)
    assert any("colour: unknown field" in warning for warning in warnings)
