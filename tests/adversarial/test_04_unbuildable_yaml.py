"""Issue 15, item 4: YAML that parses but cannot be built (an impossible date, a tag whose value is
not of its type, an integer too long to convert) is reported as ``file:line: field: message``, in
the loader and in ``check``, never as a traceback."""

from __future__ import annotations

import pytest

from tests.helpers import ONE_LINE, line_of, replace_once, run
from recovery_guide.guide_content.yaml_source import ContentError, read_yaml

UNBUILDABLE = {
    "impossible date": "2026-02-30",
    "int tag on letters": "!!int abc",
    "bool tag on letters": "!!bool abc",
    "timestamp tag on letters": "!!timestamp abc",
    "float tag on letters": "!!float abc",
    "5000-digit integer": "1" * 5000,
}


@pytest.mark.parametrize("value", UNBUILDABLE.values(), ids=UNBUILDABLE.keys())
def test_the_loader_names_file_line_and_field(tmp_path, yaml_loader, value):
    path = tmp_path / "screen.yaml"
    path.write_text(f"id: welcome\ntitle: Welcome\nnested:\n  - first: ok\n    reviewed: {value}\n", encoding="utf-8")
    with pytest.raises(ContentError) as raised:
        read_yaml(path)
    message = str(raised.value)
    assert ONE_LINE.match(message), message
    assert message.startswith(f"{path}:5: nested[0].reviewed: "), message
    assert len(message) < 300, message  # one short line, not the 5000 digits


@pytest.mark.parametrize("value", UNBUILDABLE.values(), ids=UNBUILDABLE.keys())
def test_check_reports_it_and_does_not_raise(content_copy, value):
    screen = content_copy / "en" / "screens" / "03-treatment-course.yaml"
    replace_once(screen, "reviewed: 2026-11-27", f"reviewed: {value}")
    result = run("check", "--content", str(content_copy))
    assert "Traceback" not in result.stderr, result.stderr
    assert result.returncode in (1, 2), result.stdout + result.stderr
    wanted = f"{screen}:{line_of(screen, 'reviewed:')}: reviewed: "
    assert wanted in result.stdout + result.stderr, result.stdout + result.stderr
