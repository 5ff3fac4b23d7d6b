"""The already-parsed copies of the packaged content that the wheel carries (``preparsed``).

A stored copy must give exactly what parsing gives, must never stand in for a file that changed,
and must never be trusted outside the packaged content folder.
"""

from __future__ import annotations

import dataclasses
import json
import shutil
from pathlib import Path

import pytest

from recovery_guide.guide_content import preparsed, yaml_source
from recovery_guide.guide_content.english import load_english
from recovery_guide.guide_content.folder import ContentFolder, load_guide
from recovery_guide.guide_content.yaml_source import ContentError, read_yaml
from recovery_guide.paths import PACKAGE_DIR, content_dir
from tests.helpers import python_prints

LANGUAGES = sorted(path.name for path in content_dir().iterdir() if (path / "language.yaml").is_file())


def parse_fresh(path: Path):
    """What PyYAML gives for ``path``, never a stored copy."""
    return yaml_source._parse(path, path.read_text(encoding="utf-8"))[1]


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    """The content with stored copies built as the wheel's hook builds them: once per module, as
    building parses every file with PyYAML (a second or two); each test gets its own copy of it."""
    root = tmp_path_factory.mktemp("built") / "content"
    shutil.copytree(content_dir(), root, ignore=shutil.ignore_patterns(preparsed.CACHE_NAME))
    for folder in sorted({path.parent for path in root.rglob("*.yaml")}):
        text = preparsed.build_folder(folder, parse_fresh)
        assert text is not None, f"nothing in {folder} could be stored"
        (folder / preparsed.CACHE_NAME).write_text(text, encoding="utf-8")
    return root


@pytest.fixture
def packaged(built, tmp_path, monkeypatch) -> Path:
    """A copy of the content, treated as the packaged folder, with its stored copies (``built``): a test may change it."""
    root = tmp_path / "content"
    shutil.copytree(built, root)
    monkeypatch.setattr(preparsed, "_PACKAGED", root)
    monkeypatch.setattr(preparsed, "_folders", {})
    return root


def no_parsing(monkeypatch) -> list[Path]:
    """Record every file that had to be parsed with PyYAML from now on."""
    parsed: list[Path] = []
    original = yaml_source._parse

    def recording(path, text):
        parsed.append(path)
        return original(path, text)

    monkeypatch.setattr(yaml_source, "_parse", recording)
    monkeypatch.setattr(yaml_source, "_parsed_once", None)  # the session's cache (conftest.parsed_once) would hide parses
    return parsed


@pytest.mark.parametrize("code", LANGUAGES)
def test_every_packaged_file_is_stored_and_gives_exactly_what_parsing_gives(packaged, monkeypatch, code):
    paths = sorted((packaged / code).rglob("*.yaml"))
    expected = [parse_fresh(path) for path in paths]
    parsed = no_parsing(monkeypatch)
    for path, data in zip(paths, expected):
        assert preparsed._same(read_yaml(path).data, data), path
    assert parsed == [], "a packaged file was parsed although a stored copy exists"


@pytest.mark.parametrize("code", ["en", "es", "zh_Hans"])
def test_a_guide_from_stored_copies_equals_a_guide_from_yaml(packaged, monkeypatch, code):
    from_yaml = load_guide(code, content_dir())
    parsed = no_parsing(monkeypatch)
    from_store = load_guide(code, packaged)
    assert parsed == []
    assert from_store.language == from_yaml.language
    assert from_store.pages == tuple(
        dataclasses.replace(screen, file=str(packaged / Path(screen.file).relative_to(content_dir()))) for screen in from_yaml.pages
    )
    assert from_store.regions == from_yaml.regions and from_store.glossary == from_yaml.glossary
    assert from_store.self_checks == from_yaml.self_checks
    assert from_store.values == dataclasses.replace(from_yaml.values, file=str(packaged / Path(from_yaml.values.file).relative_to(content_dir())))


def test_an_edited_file_is_parsed_again_and_the_others_are_not(packaged, monkeypatch):
    course = packaged / "en" / "screens" / "03-treatment-course.yaml"
    text = course.read_text(encoding="utf-8")
    course.write_text(text.replace("title: ", "title: Edited - ", 1), encoding="utf-8")
    parsed = no_parsing(monkeypatch)
    guide = load_english(packaged / "en")
    assert guide.page("treatment-course").title.startswith("Edited - "), "the stale stored copy was used"
    assert parsed == [course]


def test_a_change_of_one_byte_that_keeps_the_length_is_still_noticed(packaged):
    course = packaged / "en" / "screens" / "03-treatment-course.yaml"
    raw = bytearray(course.read_bytes())
    index = raw.index(b"title: ") + len(b"title: ")
    raw[index] = ord("X") if raw[index] != ord("X") else ord("Y")
    course.write_bytes(bytes(raw))
    assert read_yaml(course).data["title"][0] in "XY"


@pytest.mark.parametrize("damage", ["{not json", '{"format": 99, "files": {}}', '["a list"]', ""])
def test_a_damaged_store_is_ignored(packaged, monkeypatch, damage):
    (packaged / "en" / "screens" / preparsed.CACHE_NAME).write_text(damage, encoding="utf-8")
    parsed = no_parsing(monkeypatch)
    guide = load_english(packaged / "en")
    assert len(guide.pages) == 14
    assert len(parsed) == 14, "every screen is parsed from its YAML instead"


def test_a_store_outside_the_packaged_folder_is_never_trusted(packaged, tmp_path, monkeypatch):
    """A clinic's --content copy is always parsed, even if it carries a .parsed.json claiming otherwise."""
    clinic = tmp_path / "clinic-content"
    shutil.copytree(packaged, clinic)
    store = clinic / "en" / "screens" / preparsed.CACHE_NAME
    store.write_text(store.read_text(encoding="utf-8").replace("Welcome to Recovery Guide", "Forged title"), encoding="utf-8")
    parsed = no_parsing(monkeypatch)
    guide = ContentFolder(clinic).english  # the English files, and us-words.yaml with them
    assert guide.pages[0].title == "Welcome to Recovery Guide"
    assert len(parsed) == len([path for path in (clinic / "en").rglob("*.yaml") if path.name != "terms.yaml"])  # the term base is read by check only


def test_a_problem_found_in_a_stored_file_still_names_its_exact_line(packaged):
    """The stored copy has no line numbers; reporting a problem parses the file to find the line."""
    sources = packaged / "en" / "sources.yaml"
    sources.write_text(sources.read_text(encoding="utf-8").replace("id: alpha-2024", "id: alpha-2024-renamed"), encoding="utf-8")
    welcome = packaged / "en" / "screens" / "01-welcome.yaml"
    with pytest.raises(ContentError) as raised:
        load_english(packaged / "en")
    lines = welcome.read_text(encoding="utf-8").splitlines()
    assert raised.value.file == str(welcome)
    assert "alpha-2024" in lines[raised.value.line - 1] and "unknown source id 'alpha-2024'" in str(raised.value)


def test_only_what_json_gives_back_unchanged_is_stored(tmp_path):
    folder = tmp_path / "odd"
    folder.mkdir()
    (folder / "plain.yaml").write_text("id: a\nwhen: 2026-11-27\nn: 3\nok: true\n", encoding="utf-8")
    (folder / "int-keys.yaml").write_text("1: one\n2: two\n", encoding="utf-8")
    (folder / "broken.yaml").write_text("id: [unclosed\n", encoding="utf-8")
    (folder / "lookalike.yaml").write_text('x:\n  $date: "2026-11-27"\n', encoding="utf-8")
    stored = json.loads(preparsed.build_folder(folder, lambda path: read_yaml(path).data))["files"]
    assert sorted(stored) == ["plain.yaml"], "integer keys, a broken file and a date look-alike are left to the parser"


def test_the_installed_wheel_carries_a_store_for_every_content_folder():
    """Only in a non-editable install (as in CI): the build hook stored every packaged YAML file."""
    packaged_content = PACKAGE_DIR / "content"
    if not packaged_content.is_dir():
        pytest.skip("running from a source checkout (editable install): the build hook has not run")
    for folder in sorted({path.parent for path in packaged_content.rglob("*.yaml")}):
        stored = json.loads((folder / preparsed.CACHE_NAME).read_text(encoding="utf-8"))["files"]
        assert sorted(stored) == sorted(path.name for path in folder.glob("*.yaml")), folder


def test_the_installed_app_starts_without_pyyaml():
    if not (PACKAGE_DIR / "content").is_dir():
        pytest.skip("running from a source checkout (editable install): the build hook has not run")
    code = (
        "import sys\n"
        "from recovery_guide import cli\n"
        "session = cli.make_session(cli.build_parser().parse_args(['--lang', 'es']))\n"
        "assert session.guide.language.code == 'es'\n"
        "print('yaml' in sys.modules)\n"
    )
    assert python_prints(code) == "False"
