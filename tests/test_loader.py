"""Broken content is reported as one line, file:line: field: message, and never half-loaded."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from recovery_guide.guide_content.folder import load_guide
from recovery_guide.guide_content.schema import SHAPES, json_schema, json_schema_text
from recovery_guide.guide_content.yaml_source import ContentError, read_yaml
from recovery_guide.paths import content_dir
from tests.helpers import ONE_LINE, line_of, replace_once

SCREEN = "screens/05-research-alcohol.yaml"


def break_file(root: Path, relative: str, old: str, new: str) -> Path:
    return replace_once(root / "en" / relative, old, new)


def load_error(root: Path) -> ContentError:
    with pytest.raises(ContentError) as caught:
        load_guide("en", root)
    return caught.value


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
    first_id = guide.pages[1].questions[0].id
    target = guide.page("research-alcohol").questions[0].id
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
    screen = load_guide("en", content_copy).page("research-alcohol")
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


# --- hardening: hostile or mangled files never give a traceback or a hang -------------------------------

def test_huge_file_is_refused_before_it_is_read(content_copy, monkeypatch):
    path = content_copy / "en" / SCREEN
    with path.open("r+b") as handle:
        handle.truncate(20_000_000)  # sparse: 20 MB on paper, nothing to write

    read_bytes = Path.read_bytes

    def must_not_read(self):
        assert self != path, "the huge file was read"
        return read_bytes(self)

    monkeypatch.setattr(Path, "read_bytes", must_not_read)
    error = load_error(content_copy)
    assert (error.file, error.line, error.field_path) == (str(path), 1, "(file)")
    assert "too large (20000000 bytes" in error.message


@pytest.mark.parametrize("nesting", ["[" * 10_000, "[" * 5_000 + "]" * 5_000, "{a: " * 10_000, "- " * 10_000 + "x", "title:\n" + "  - " * 3_000 + "x"], ids=["open lists", "closed lists", "open mappings", "block lists", "indented lists"])
def test_deeply_nested_yaml(content_copy, yaml_loader, nesting):
    (content_copy / "en" / SCREEN).write_text(nesting, encoding="utf-8")
    error = load_error(content_copy)
    assert ONE_LINE.match(str(error))
    assert error.field_path == "(yaml)"


def test_nested_aliases_do_not_hang(content_copy):
    """A "billion laughs" file: each alias repeats the one before nine times (9^9 items if expanded)."""
    path = content_copy / "en" / SCREEN
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    lines += [f"a{n}: &a{n} [{', '.join([f'*a{n - 1}'] * 9)}]" for n in range(1, 10)]
    break_file(content_copy, SCREEN, "title: What research shows for alcohol", "\n".join(lines) + "\ntitle: *a9")
    result = subprocess.run([sys.executable, "-m", "recovery_guide", "print", "--content", str(content_copy)], capture_output=True, text=True, timeout=30)
    assert result.returncode == 2, result.stderr
    assert result.stderr.startswith(f"recovery-guide: {path}:") and "title: expected text, found a list" in result.stderr


def test_python_tags_are_refused_by_both_loaders(content_copy, yaml_loader, tmp_path):
    marker = tmp_path / "ran"
    for tag in (f"!!python/object/apply:os.system ['touch {marker}']", "!!python/name:os.system", "!!python/object:object {}"):
        break_file(content_copy, SCREEN, "title:", f"boom: {tag}\ntitle:")
        error = load_error(content_copy)
        assert error.field_path == "(yaml)" and "python" in error.message
        break_file(content_copy, SCREEN, f"boom: {tag}\n", "")
    assert not marker.exists()


def test_control_characters_with_the_pure_python_loader(content_copy, yaml_loader):
    path = break_file(content_copy, SCREEN, "title: What", "title: \x00 What")
    error = load_error(content_copy)
    assert error.file == str(path) and error.field_path == "(yaml)"
    assert error.line == line_of(path, "\x00")


@pytest.mark.parametrize("text", ["# only a comment\n", "\n\n   \n", "---\n...\n"])
def test_file_with_nothing_in_it(content_copy, text):
    (content_copy / "en" / SCREEN).write_text(text, encoding="utf-8")
    error = load_error(content_copy)
    assert (error.field_path, error.message) == ("(file)", "file is empty")


@pytest.mark.parametrize("text", ["- a list\n- of things\n", "just a sentence\n", "42\n"])
def test_a_screen_that_is_not_a_mapping(content_copy, text):
    (content_copy / "en" / SCREEN).write_text(text, encoding="utf-8")
    assert "expected a mapping of fields" in load_error(content_copy).message


def test_a_folder_where_a_file_should_be(content_copy):
    path = content_copy / "en" / "screens" / "99-extra.yaml"
    path.mkdir()
    error = load_error(content_copy)
    assert (error.file, error.field_path) == (str(path), "(file)")
    assert "cannot read file" in error.message


@pytest.mark.parametrize(
    ("old", "new", "field_path", "message"),
    [
        ("title: What research shows for alcohol", "title: [What, research]", "title", "expected text, found a list"),
        ("reviewed: 2026-11-27", "reviewed: soon", "reviewed", "expected a date like 2026-11-27"),
        ("kind: topic", "kind: quiz", "kind", "expected one of welcome, topic"),
        ("  - id: alcohol-which-studies\n", "  - Which studies?\n  - id: alcohol-which-studies\n", "questions[0]", "expected a mapping of fields, found text"),
        ("  - grabski-2022", "  - Grabski 2022", "sources[0]", "expected an id, found 'Grabski 2022'"),
        ("id: research-alcohol", "id: Research Alcohol", "id", "expected an id of lowercase letters"),
        ("body: |", "body: 12\nold_body: |", "body", "expected text, found a number"),
        ("key_points:\n", "key_points: []\nold_key_points:\n", "key_points", "list must not be empty"),
    ],
)
def test_wrong_types_name_the_field_and_line(content_copy, old, new, field_path, message):
    path = break_file(content_copy, SCREEN, old, new)
    error = load_error(content_copy)
    assert (error.file, error.field_path) == (str(path), field_path)
    assert message in error.message
    assert error.line == line_of(path, new.splitlines()[0])


@pytest.mark.parametrize("field", ["id", "body", "key_points", "questions", "sources", "reviewed"])
def test_each_required_field_missing(content_copy, field):
    path = content_copy / "en" / SCREEN
    text = path.read_text(encoding="utf-8")
    path.write_text(re.sub(rf"^{field}:", f"old_{field}:", text, count=1, flags=re.M), encoding="utf-8")
    error = load_error(content_copy)
    assert (error.file, error.field_path, error.message) == (str(path), field, "required field is missing")


def test_a_key_given_twice(content_copy):
    path = break_file(content_copy, SCREEN, "title:", "title: First try\ntitle:")
    error = load_error(content_copy)
    assert (error.field_path, error.message) == ("title", "this key appears twice")
    assert error.line == line_of(path, "title: What")


def test_an_odd_key_given_twice_stays_on_one_line(content_copy):
    break_file(content_copy, SCREEN, "title:", '"a\\nb": 1\n"a\\nb": 2\n"": 1\ntitle:')
    error = load_error(content_copy)
    assert str(error).count("\n") == 0 and error.field_path == "'a\\nb'"


@pytest.mark.parametrize(
    ("relative", "old", "new", "message"),
    [
        ("sources.yaml", "  - id: jones-2018", "  - id: alpha-2024", "duplicate source id 'alpha-2024'"),
        ("glossary.yaml", "- id: infusion", "- id: injection", "duplicate term id 'injection'"),
        ("help-lines.yaml", "      - id: gb-samaritans", "      - id: gb-emergency", "duplicate help line id 'gb-emergency'"),
        ("help-lines.yaml", "  - code: IE", "  - code: GB", "duplicate region 'GB'"),
    ],
)
def test_duplicate_ids_in_the_other_files(content_copy, relative, old, new, message):
    path = break_file(content_copy, relative, old, new)
    error = load_error(content_copy)
    assert error.file == str(path) and message in error.message
    lines = path.read_text(encoding="utf-8").splitlines()
    assert error.line == max(number for number, line in enumerate(lines, start=1) if line == new)  # the second one


# --- the declared shapes: JSON Schema for editors --------------------------------------------------------

SCHEMA_DIR = Path(__file__).resolve().parents[1] / "docs" / "schema"
SCHEMA_OF = {"language.yaml": "language", "sources.yaml": "sources", "glossary.yaml": "glossary", "help-lines.yaml": "help-lines", "self-checks.yaml": "self-checks", "values.yaml": "values", "terms.yaml": "terms", "us-words.yaml": "us-words"}


@pytest.mark.parametrize("kind", sorted(SHAPES))
def test_the_committed_json_schemas_are_the_declared_shapes(kind):
    committed = (SCHEMA_DIR / f"{kind}.json").read_text(encoding="utf-8")
    assert committed == json_schema_text(kind), "regenerate: python -c \"from recovery_guide.guide_content.schema import write_json_schemas; write_json_schemas('docs/schema')\""


def schema_problems(value, schema: dict, at: str = "") -> list[str]:
    """The parts of JSON Schema the declarations use: types, enums, required and unknown keys, items."""
    import datetime

    kinds = schema.get("type", [])
    kinds = [kinds] if isinstance(kinds, str) else kinds
    python = {"string": (str, datetime.date), "integer": int, "boolean": bool, "object": dict, "array": list, "null": type(None)}
    if kinds and not any(isinstance(value, python[kind]) for kind in kinds):
        return [f"{at}: {value!r} is not {kinds}"]
    if "enum" in schema and value not in schema["enum"]:
        return [f"{at}: {value!r} not in {schema['enum']}"]
    if "anyOf" in schema:
        return [] if any(not schema_problems(value, option, at) for option in schema["anyOf"]) else [f"{at}: matches no option"]
    problems = []
    if isinstance(value, dict):
        problems += [f"{at}.{key}: required" for key in schema.get("required", []) if key not in value]
        for key, item in value.items():
            if key not in schema["properties"]:
                problems.append(f"{at}.{key}: not declared")
            else:
                problems += schema_problems(item, schema["properties"][key], f"{at}.{key}")
    if isinstance(value, list):
        for index, item in enumerate(value):
            problems += schema_problems(item, schema["items"], f"{at}[{index}]")
    return problems


def test_every_shipped_file_matches_its_json_schema():
    for path in sorted(content_dir().rglob("*.yaml")):
        kind = "screen" if path.parent.name == "screens" else SCHEMA_OF[path.name]
        assert schema_problems(read_yaml(path).data, json_schema(kind)) == [], path


def test_a_clinic_file_matches_the_clinic_schema(tmp_path):
    data = {"name": "Riverside", "phone": 5550100, "hours": "9 to 5", "questions": ["Who do I call?", {"text": "When?"}]}
    assert schema_problems(data, json_schema("clinic")) == []
    assert schema_problems({"name": "Riverside", "fax": "1"}, json_schema("clinic")) == [".fax: not declared"]


# --- ContentFolder: each language loaded once ------------------------------------------------------------


def test_a_content_folder_reads_each_file_once_for_every_language(monkeypatch):
    from recovery_guide.guide_content import english, folder as folder_module
    from recovery_guide.guide_content.folder import ContentFolder

    reads: list[Path] = []
    original = folder_module.read_yaml

    def recording(path):
        reads.append(Path(path))
        return original(path)

    for module in (english, folder_module):
        monkeypatch.setattr(module, "read_yaml", recording)
    folder = ContentFolder()
    guides = {code: folder.guide(code) for code in folder.languages()}
    assert len(reads) == len(set(reads)) and {path.relative_to(folder.root).parts[0] for path in reads} == set(guides)
    count = len(reads)
    assert folder.guide("es") is guides["es"] and folder.english is guides["en"]
    assert len(reads) == count, "asking again reads nothing"


def test_text_of_only_control_characters_counts_as_empty(content_copy, tmp_path):
    """Control characters are dropped as text is read, so a field of nothing else is empty, not blank."""
    from recovery_guide.clinic import load_clinic

    break_file(content_copy, SCREEN, "title:", 'title: "\\b\\x7f"\nx_title:')
    error = load_error(content_copy)
    assert (error.field_path, error.message) == ("title", "must not be empty")
    clinic = tmp_path / "clinic.yaml"
    clinic.write_text('name: "\\b"\n', encoding="utf-8")
    with pytest.raises(ContentError, match="name: must not be empty"):
        load_clinic(clinic)
    clinic.write_text('name: Riverside\nquestions: ["\\b"]\n', encoding="utf-8")
    with pytest.raises(ContentError, match=r"questions\[0\]: expected the text of a question"):
        load_clinic(clinic)
