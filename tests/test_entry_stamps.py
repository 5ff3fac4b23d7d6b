"""Glossary entries and source notes go stale like screens: each translated entry carries its own
``translation.source_hash``; a changed English definition or note makes that entry (and only that
entry) stale in ``check`` and ``translations status``, readers see the English entry until it is
updated and stamped, and ``translations stamp --lang X glossary:ID source:ID`` stamps it."""

from __future__ import annotations

from pathlib import Path

import pytest

from recovery_guide.guide_content.folder import ContentFolder
from recovery_guide.guide_content.translators import status
from tests.helpers import line_of, replace_once, run_in_process

ENGLISH_DEFINITION = "definition: Not using alcohol or a drug at all."
GERMAN_DEFINITION = "Gar keinen Alkohol trinken und keine Drogen nehmen."
ENGLISH_NOTE = "note: A 2018 review of 7 studies. It found the studies were small and short."
GERMAN_NOTE = "Eine Studie von 2018, die 7 Studien zusammenfasst. Sie fand, dass die Studien klein und kurz waren."


@pytest.fixture
def german(content_copy_of, capsys) -> Path:
    """English and German only: no problem left."""
    root = content_copy_of("en", "de")
    assert problem_lines(run_in_process(capsys, "check", "--content", str(root)).stdout) == []
    return root


def problem_lines(stdout: str) -> list[str]:
    if "\nProblems:\n" not in stdout:
        return []
    return stdout.split("\nProblems:\n", 1)[1].split("\n\n", 1)[0].splitlines()


def stale_names(root: Path) -> list[str]:
    return [item.name for item in status(ContentFolder(root), "de") if item.state != "current"]


def stale_column(stdout: str) -> str:
    return next(line.split()[3] for line in stdout.splitlines() if line.startswith("de "))


def hash_line(path: Path, entry: str) -> int:
    """The ``source_hash`` line of the entry with this id (two lines below its ``id``, as ``stamp`` writes it)."""
    number = line_of(path, f"- id: {entry}")
    assert "source_hash:" in path.read_text(encoding="utf-8").splitlines()[number + 1]
    return number + 2


def test_a_changed_english_definition_makes_only_that_entry_stale(german, capsys):
    replace_once(german / "en" / "glossary.yaml", ENGLISH_DEFINITION, "definition: Not using alcohol or any drug at all.")
    result = run_in_process(capsys, "check", "--content", str(german))
    glossary = german / "de" / "glossary.yaml"
    assert result.returncode == 1
    assert problem_lines(result.stdout) == [
        f"{glossary}:{hash_line(glossary, 'abstinence')}: terms[1].translation.source_hash: stale: the English changed after this was translated; "
        "update the translation, then run: recovery-guide translations stamp --lang de glossary:abstinence"
    ]
    assert stale_column(result.stdout) == "1"
    assert stale_names(german) == ["glossary:abstinence"]


def test_a_changed_english_source_note_makes_only_that_note_stale_but_a_citation_does_not(german, capsys):
    english = german / "en" / "sources.yaml"
    replace_once(english, "Front Psychiatry. 2018;9:277.", "Front. Psychiatry 2018;9:277.")
    assert stale_names(german) == []
    replace_once(english, ENGLISH_NOTE, "note: A 2018 review of 7 studies. The studies were small and short.")
    result = run_in_process(capsys, "check", "--content", str(german))
    sources = german / "de" / "sources.yaml"
    [problem] = problem_lines(result.stdout)
    assert problem.startswith(f"{sources}:{hash_line(sources, 'jones-2018')}: sources[1].translation.source_hash: stale:")
    assert problem.endswith("stamp --lang de source:jones-2018")
    assert stale_names(german) == ["source:jones-2018"]


def test_readers_see_the_english_entry_while_it_is_stale_and_stamping_makes_it_current(german, capsys):
    replace_once(german / "en" / "glossary.yaml", ENGLISH_DEFINITION, "definition: Not using alcohol or any drug at all.")
    replace_once(german / "en" / "sources.yaml", ENGLISH_NOTE, "note: A 2018 review of 7 studies. The studies were small and short.")
    guide = ContentFolder(german).guide("de")
    assert next(term for term in guide.glossary if term.id == "abstinence").definition == "Not using alcohol or any drug at all."
    assert guide.sources["jones-2018"].note == "A 2018 review of 7 studies. The studies were small and short."
    assert next(term for term in guide.glossary if term.id == "anxiety").term == "Angst"  # the others stay German

    glossary = german / "de" / "glossary.yaml"
    before = glossary.read_text(encoding="utf-8").splitlines()
    result = run_in_process(capsys, "translations", "stamp", "--lang", "de", "--content", str(german), "glossary:abstinence", "source:jones-2018")
    assert result.stdout.splitlines() == ["stamped de glossary:abstinence", "stamped de source:jones-2018"]
    after = glossary.read_text(encoding="utf-8").splitlines()
    assert [number for number, (old, new) in enumerate(zip(before, after)) if old != new] == [hash_line(glossary, "abstinence") - 1]  # one line, comments kept

    assert problem_lines(run_in_process(capsys, "check", "--content", str(german)).stdout) == []
    guide = ContentFolder(german).guide("de")
    assert next(term for term in guide.glossary if term.id == "abstinence").definition == GERMAN_DEFINITION
    assert guide.sources["jones-2018"].note == GERMAN_NOTE


def test_an_entry_without_a_stamp_is_stale_at_its_own_line(german, capsys):
    glossary = german / "de" / "glossary.yaml"
    number = line_of(glossary, "- id: abstinence")
    lines = glossary.read_text(encoding="utf-8").splitlines(keepends=True)
    del lines[number : number + 2]  # its translation block
    glossary.write_text("".join(lines), encoding="utf-8")
    [problem] = problem_lines(run_in_process(capsys, "check", "--content", str(german)).stdout)
    assert problem.startswith(f"{glossary}:{number}: terms[1].translation: not stamped:")
    assert next(term for term in ContentFolder(german).guide("de").glossary if term.id == "abstinence").term == "abstinence"


def test_a_stale_entry_is_still_found_by_the_translated_word(german):
    replace_once(german / "en" / "glossary.yaml", ENGLISH_DEFINITION, "definition: Not using alcohol or any drug at all.")
    from recovery_guide.glossary import term_spans

    entry = next(term for term in ContentFolder(german).guide("de").glossary if term.id == "abstinence")
    assert (entry.term, entry.definition) == ("abstinence", "Not using alcohol or any drug at all.")
    assert term_spans("Abstinenz ist ein Ziel.", [entry])  # the German word on a screen still opens the (English) entry


def test_a_changed_english_help_line_text_makes_only_that_line_stale_and_shows_it_in_english(german, capsys):
    """The numbers were compared already; now a changed name, contact wording or ``about`` is caught too."""
    english = german / "en" / "help-lines.yaml"
    replace_once(english, "about: Call if someone is in danger right now.", "about: Call if someone is in danger now.")
    result = run_in_process(capsys, "check", "--content", str(german))
    lines = german / "de" / "help-lines.yaml"
    [problem] = problem_lines(result.stdout)
    assert problem.startswith(f"{lines}:{hash_line(lines, 'us-emergency')}: regions[0].lines[0].translation.source_hash: stale:")
    assert problem.endswith("stamp --lang de help-line:us-emergency")
    assert stale_names(german) == ["help-line:us-emergency"]
    regions = {region.code: region for region in ContentFolder(german).guide("de").regions}
    assert regions["US"].lines[0].about == "Call if someone is in danger now."
    assert regions["US"].lines[1].about.startswith("Kostenlos")  # the other lines stay German
    run_in_process(capsys, "translations", "stamp", "--lang", "de", "--content", str(german), "help-line:us-emergency")
    assert problem_lines(run_in_process(capsys, "check", "--content", str(german)).stdout) == []
    assert {region.code: region for region in ContentFolder(german).guide("de").regions}["US"].lines[0].about == "Rufen Sie an, wenn jemand gerade in Gefahr ist."
