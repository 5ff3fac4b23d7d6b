"""The review workflow in translators' own tools: export a language as PO or XLIFF, edit it the way
Poedit or an XLIFF editor would, import it back (checked, all or nothing), and honest review records.

Every test works on a copy of the content (``content_copy``) through the command itself.
"""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree
from pathlib import Path

import polib
import pytest

from recovery_guide.audit import check_content
from recovery_guide.cli import main
from recovery_guide.guide_content.folder import ContentFolder
from tests.helpers import ONE_LINE

XLIFF = "urn:oasis:names:tc:xliff:document:1.2"
QUESTION = "screens/05-research-alcohol.yaml#questions[alcohol-which-studies].text"
CAPTION = "screens/05-research-alcohol.yaml#results[alcohol-aa-kelly-2020].caption"
EDITED = "¿Qué estudios le hacen pensar que la ketamina me podría ayudar a mí con el alcohol?"


def snapshot(root: Path) -> dict[str, bytes]:
    return {str(path.relative_to(root)): path.read_bytes() for path in sorted(root.rglob("*")) if path.is_file()}


def export(capsys, content: Path, target: Path, kind: str = "po", code: str = "es") -> Path:
    assert main(["translations", "export", "--content", str(content), "--lang", code, "--format", kind, "--output", str(target)]) == 0
    capsys.readouterr()
    return target


def import_(capsys, content: Path, source: Path) -> tuple[int, str, str]:
    status = main(["translations", "import", "--content", str(content), str(source)])
    out = capsys.readouterr()
    return status, out.out, out.err


def printed(capsys, content: Path, code: str = "es") -> str:
    assert main(["print", "--content", str(content), "--lang", code]) == 0
    return capsys.readouterr().out


def edit_po(path: Path, unit: str, change) -> None:
    """As a PO editor does: find the entry by its context, change msgstr, save."""
    catalog = polib.pofile(str(path))
    entry = next(entry for entry in catalog if entry.msgctxt == unit)
    entry.msgstr = change(entry.msgstr)
    catalog.save()


def edit_xliff(path: Path, unit: str, change) -> None:
    ElementTree.register_namespace("", XLIFF)
    tree = ElementTree.parse(path)
    element = next(element for element in tree.getroot().iter(f"{{{XLIFF}}}trans-unit") if element.get("id") == unit)
    target = element.find(f"{{{XLIFF}}}target")
    target.text = change(target.text)
    tree.write(path, encoding="UTF-8", xml_declaration=True)


@pytest.mark.slow  # an import checks the content twice (before and after): seconds
@pytest.mark.parametrize("kind", ["po", "xliff"])
def test_an_edit_made_in_a_translation_tool_comes_back_into_the_guide(capsys, content_copy, tmp_path, kind):
    exported = export(capsys, content_copy, tmp_path / f"es.{kind}", kind)
    text = exported.read_text(encoding="utf-8")
    assert QUESTION in text and "¿Qué estudios le hacen pensar" in text  # context and current translation
    assert "numbers must stay as in English, in this order: 12 12 42 100 12 35 100 2" in text  # the note beside the caption
    (edit_po if kind == "po" else edit_xliff)(exported, QUESTION, lambda _old: EDITED)

    status, out, err = import_(capsys, content_copy, exported)

    assert (status, err) == (0, "")
    assert f"changed es {QUESTION}" in out
    assert EDITED in (content_copy / "es" / "screens" / "05-research-alcohol.yaml").read_text(encoding="utf-8")
    assert check_content(ContentFolder(content_copy)).problems == []
    assert EDITED in " ".join(printed(capsys, content_copy).split())


@pytest.mark.slow  # an import checks the content twice (before and after): seconds
def test_only_the_edited_field_changes_in_the_yaml(capsys, content_copy, tmp_path):
    path = content_copy / "es" / "screens" / "05-research-alcohol.yaml"
    before = path.read_text(encoding="utf-8").splitlines()
    exported = export(capsys, content_copy, tmp_path / "es.po")
    edit_po(exported, QUESTION, lambda _old: EDITED)
    assert import_(capsys, content_copy, exported)[0] == 0
    after = path.read_text(encoding="utf-8").splitlines()
    assert len(after) == len(before)
    assert [(old, new) for old, new in zip(before, after) if old != new] == [(f"    text: {before_text}", f"    text: {EDITED}") for before_text in ["¿Qué estudios le hacen pensar que la ketamina podría ayudarme con el alcohol?"]]


@pytest.mark.slow  # an import checks the content twice (before and after): seconds
@pytest.mark.parametrize("kind", ["po", "xliff"])
def test_an_import_that_swaps_two_numbers_is_refused_and_writes_nothing(capsys, content_copy, tmp_path, kind):
    exported = export(capsys, content_copy, tmp_path / f"es.{kind}", kind)
    edit = edit_po if kind == "po" else edit_xliff
    edit(exported, QUESTION, lambda _old: EDITED)  # a good edit beside the bad one is not written either
    edit(exported, CAPTION, lambda old: old.replace("42", "#").replace("35", "42").replace("#", "35"))
    before = snapshot(content_copy)

    status, out, err = import_(capsys, content_copy, exported)

    assert status == 1
    problems = err.splitlines()[:-1]
    assert len(problems) == 1 and ONE_LINE.match(problems[0])
    assert CAPTION in problems[0] and "05-research-alcohol.yaml:" in problems[0]
    assert "nothing was written" in err.splitlines()[-1]
    assert snapshot(content_copy) == before


@pytest.mark.slow  # an import checks the content twice (before and after): seconds
def test_a_stale_screen_is_stamped_only_once_the_reviewer_clears_every_fuzzy_mark(capsys, content_copy, tmp_path):
    english = content_copy / "en" / "screens" / "05-research-alcohol.yaml"
    text = english.read_text(encoding="utf-8")
    assert "\ntitle: What research shows for alcohol\n" in text
    english.write_text(text.replace("\ntitle: What research shows for alcohol", "\ntitle: What the research shows for alcohol", 1), encoding="utf-8")
    exported = export(capsys, content_copy, tmp_path / "es.po")
    title = "screens/05-research-alcohol.yaml#title"
    edit_po(exported, title, lambda _old: "Lo que muestra la investigación sobre el alcohol hoy")

    status, out, _err = import_(capsys, content_copy, exported)  # still fuzzy: written, not stamped
    assert status == 0 and "not stamped es research-alcohol" in out
    assert "stale      research-alcohol" in _status(capsys, content_copy)

    catalog = polib.pofile(str(exported))
    for entry in catalog:
        if entry.msgctxt.startswith("screens/05-research-alcohol.yaml#") and "fuzzy" in entry.flags:
            entry.flags.remove("fuzzy")
        if entry.msgctxt == title:
            entry.msgstr = "Lo que muestra hoy la investigación sobre el alcohol"
    catalog.save()
    status, out, _err = import_(capsys, content_copy, exported)
    assert status == 0 and "stamped es research-alcohol" in out.splitlines()
    assert "current    research-alcohol" in _status(capsys, content_copy)


def _status(capsys, content: Path) -> str:
    assert main(["translations", "status", "--content", str(content), "--lang", "es"]) == 0
    return capsys.readouterr().out


@pytest.mark.parametrize(
    "text",
    [
        '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2"><file target-language="es"><body><trans-unit id="a"><source>&e;</source></trans-unit></body></file></xliff>',
        "<xliff><file>",
        "",
    ],
    ids=["entity", "broken", "empty"],
)
def test_a_hostile_or_broken_xliff_is_one_line_never_a_traceback(capsys, content_copy, tmp_path, text):
    path = tmp_path / "es.xliff"
    path.write_text(text, encoding="utf-8")
    before = snapshot(content_copy)
    status, _out, err = import_(capsys, content_copy, path)
    assert status == 1 and ONE_LINE.match(err.splitlines()[0]) and "Traceback" not in err
    assert snapshot(content_copy) == before


def test_a_broken_po_file_is_one_line(capsys, content_copy, tmp_path):
    path = tmp_path / "es.po"
    path.write_text('msgid "a"\nmsgstr "b\n', encoding="utf-8")
    status, _out, err = import_(capsys, content_copy, path)
    assert status == 1 and ONE_LINE.match(err.splitlines()[0]) and "Traceback" not in err


def _languages(capsys, content: Path | None = None) -> dict[str, str]:
    assert main(["languages", *(["--content", str(content)] if content else [])]) == 0
    rows = capsys.readouterr().out.splitlines()[1:]
    return {row.split()[0]: row for row in rows}


def test_today_no_translation_claims_a_review(capsys, packaged_report):
    rows = _languages(capsys)
    assert all("machine-assisted, not reviewed" in row for code, row in rows.items() if code != "en")
    report = packaged_report
    assert {row.code: row.review for row in report.rows if row.code != "en"} == {code: "machine-assisted, not reviewed" for code in rows if code != "en"}


def test_a_review_record_says_reviewed_until_the_english_changes(capsys, content_copy):
    assert main(["translations", "review", "--content", str(content_copy), "--lang", "es", "--reviewer", "Ana Pérez", "--role", "medical-translator"]) == 0
    capsys.readouterr()
    language = (content_copy / "es" / "language.yaml").read_text(encoding="utf-8")
    assert "reviewer: \"Ana Pérez\"" in language and "role: medical-translator" in language and "source_hash:" in language
    assert "  reviewed  " in _languages(capsys, content_copy)["es"]
    assert "machine-assisted, not reviewed" in _languages(capsys, content_copy)["fr"]
    assert "Revisión: revisada por un revisor calificado" in " ".join(printed(capsys, content_copy).split())

    english = content_copy / "en" / "screens" / "10-therapy.yaml"
    text = english.read_text(encoding="utf-8")
    english.write_text(text.replace("\ntitle: ", "\ntitle: Now, ", 1), encoding="utf-8")

    assert "changed since review" in _languages(capsys, content_copy)["es"]
    assert "Revisión: cambió desde la revisión" in " ".join(printed(capsys, content_copy).split())


@pytest.mark.slow  # an import checks the content twice (before and after): seconds
def test_a_changed_translation_after_review_says_changed_since_review(capsys, content_copy, tmp_path):
    assert main(["translations", "review", "--content", str(content_copy), "--lang", "es", "--reviewer", "Dr Lee", "--role", "clinician", "--screen", "research-alcohol"]) == 0
    capsys.readouterr()
    report = check_content(ContentFolder(content_copy))
    assert next(row.review for row in report.rows if row.code == "es") == "machine-assisted, not reviewed (screens: research-alcohol reviewed)"
    exported = export(capsys, content_copy, tmp_path / "es.po")
    edit_po(exported, QUESTION, lambda _old: EDITED)
    assert import_(capsys, content_copy, exported)[0] == 0
    report = check_content(ContentFolder(content_copy))
    assert next(row.review for row in report.rows if row.code == "es") == "machine-assisted, not reviewed (screens: research-alcohol changed since review)"


def test_the_about_screen_tells_readers_the_review_state_in_their_language(capsys):
    assert main(["print", "--lang", "es"]) == 0
    text = " ".join(capsys.readouterr().out.split())
    from recovery_guide.guide_content.folder import load_guide

    assert " ".join(load_guide("es").language.review_status.split()) in text, "the translation's own review status is shown"
    assert "Revisión: traducción asistida por máquina, sin revisar." not in text, "and not said twice"


@pytest.mark.slow  # starts the app and checks the content twice
async def test_the_app_shows_an_imported_edit(capsys, content_copy, tmp_path):
    from recovery_guide.guide_content.folder import load_guide
    from recovery_guide.session import Session
    from recovery_guide.tui.app import RecoveryGuideApp
    from tests.helpers import settle, visible_text

    title = "Lo que la investigación muestra sobre el alcohol, en breve"
    exported = export(capsys, content_copy, tmp_path / "es.po")
    edit_po(exported, "screens/05-research-alcohol.yaml#title", lambda _old: title)
    assert import_(capsys, content_copy, exported)[0] == 0
    guide = load_guide("es", root=content_copy)
    app = RecoveryGuideApp(Session(guide), acknowledged=True)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        app.screen.go_to(guide.index_of("research-alcohol"))
        await settle(pilot, lambda: title in visible_text(app))
        assert title in visible_text(app)
