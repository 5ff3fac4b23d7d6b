"""Item 9: characters that draw nothing but change what is read never pass.

``contact: "\\u202e911"`` passed ``check`` (same digits) and the HTML page showed 119. Now a bidi
override or isolate, a zero-width character or a line/paragraph separator is refused in a contact or
a phone number (``file:line: field: message``), and dropped, with a warning from ``check``, from any
other text of content and clinic files.
"""

from __future__ import annotations

import pytest

from recovery_guide.clinic import load_clinic
from recovery_guide.guide_content.folder import load_guide
from recovery_guide.guide_content.yaml_source import ContentError
from tests.adversarial.strategies import BIDI, INVISIBLE
from tests.helpers import ONE_LINE, line_of, replace_once, run

SPOOFS = ["\u202e", "\u2066", "\u200b", "\u2028"]
"""Right-to-left override, left-to-right isolate, zero-width space, line separator (as the issue lists)."""


def _escaped(char: str) -> str:
    return f"\\u{ord(char):04x}"


@pytest.mark.slow
def test_check_refuses_a_reversed_emergency_number_with_its_line(content_copy):
    path = replace_once(content_copy / "en" / "help-lines.yaml", 'contact: "911"', 'contact: "\\u202e911"')
    result = run("check", "--content", str(content_copy))
    assert result.returncode != 0, result.stdout
    line = line_of(path, "\\u202e911")
    located = [text for text in result.stdout.splitlines() + result.stderr.splitlines() if f"help-lines.yaml:{line}:" in text]
    assert located and "contact" in located[0] and "U+202E" in located[0], result.stdout + result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("char", SPOOFS + BIDI + INVISIBLE)
def test_a_contact_with_an_invisible_character_is_refused(content_copy, char):
    replace_once(content_copy / "en" / "help-lines.yaml", 'contact: "911"', f'contact: "9{_escaped(char)}11"')
    with pytest.raises(ContentError) as raised:
        load_guide("en", content_copy)
    assert ONE_LINE.match(str(raised.value)) and "contact" in str(raised.value) and f"U+{ord(char):04X}" in str(raised.value)


@pytest.mark.parametrize("char", SPOOFS)
def test_a_clinic_phone_with_an_invisible_character_is_refused_and_its_name_is_cleaned(tmp_path, char):
    clinic = tmp_path / "clinic.yaml"
    clinic.write_text(f'name: "River{_escaped(char)}side"\nphone: "555 0{_escaped(char)}100"\n', encoding="utf-8")
    with pytest.raises(ContentError) as raised:
        load_clinic(clinic)
    assert ONE_LINE.match(str(raised.value)) and "phone" in str(raised.value)
    clinic.write_text(f'name: "River{_escaped(char)}side"\nphone: "555 0100"\nhours: "9{_escaped(char)}-5"\nquestions: ["Why{_escaped(char)}?"]\n', encoding="utf-8")
    warnings: list[str] = []
    loaded = load_clinic(clinic, warn=warnings.append)
    assert loaded.name in ("Riverside", "River side") and loaded.hours in ("9-5", "9 -5")
    assert loaded.questions[0].text in ("Why?", "Why ?")
    assert any("name" in warning and f"U+{ord(char):04X}" in warning for warning in warnings)


@pytest.mark.slow
def test_invisible_characters_in_content_text_are_dropped_from_every_writer_and_reported(content_copy):
    path = replace_once(content_copy / "en" / "screens" / "02-ketamine-basics.yaml", "title: Ketamine in brief", 'title: "Keta\\u200bmine \\u202ein\\u2069 brief\\u2028"')
    check = run("check", "--content", str(content_copy))
    assert f"02-ketamine-basics.yaml:{line_of(path, 'Keta')}: title: U+200B" in check.stdout + check.stderr
    for output in ("text", "markdown", "html"):
        printed = run("print", "--format", output, "--content", str(content_copy))
        assert printed.returncode == 0, printed.stderr
        assert "Ketamine in brief" in printed.stdout
        assert not any(char in printed.stdout for char in SPOOFS + BIDI + INVISIBLE), output
