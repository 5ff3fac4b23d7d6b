"""``recovery-guide check`` on good and broken content: the real process for the packaged content and one broken copy of each exit status, the rest through ``cli.main`` in this process (``check_here``)."""

from __future__ import annotations

import re
import shutil

import pytest

from recovery_guide.audit import catalog_problems, check_content, format_report
from recovery_guide.guide_content.folder import ContentFolder
from recovery_guide.guide_content.overlay import number_mismatches
from recovery_guide.guide_content.translators import states
from recovery_guide.guide_content.yaml_source import read_yaml
from recovery_guide.paths import locales_dir
from tests.helpers import line_of, replace_once, run, run_in_process

LANGUAGES = ["en", "de", "es", "fr", "pt_BR", "vi", "zh_Hans"]
PROBLEM_LINE = re.compile(r"^(?P<file>.+?):(?P<line>\d+): (?P<field>[^:]+): (?P<message>.+)$")


def check(*args: str):
    """The real command in a fresh process: for the packaged content and one broken copy of each exit status."""
    return run("check", *args)


@pytest.fixture
def check_here(capsys):
    """``check`` through ``cli.main`` in this process, its output captured as ``check`` gives it.

    A fresh interpreter costs more than the check itself; the process-level behaviour (exit status,
    stdout against stderr, no traceback) is what the tests that call ``check`` assert."""
    return lambda *args: run_in_process(capsys, "check", *args)


def problems(stdout: str) -> list[str]:
    """The lines between "Problems:" and the next blank line."""
    if "\nProblems:\n" not in stdout:
        return []
    return stdout.split("\nProblems:\n", 1)[1].split("\n\n", 1)[0].splitlines()


@pytest.fixture(scope="module")
def packaged():
    return check()


def test_the_packaged_content_passes(packaged):
    assert packaged.stderr == ""
    assert problems(packaged.stdout) == []
    assert packaged.returncode == 0, packaged.stdout + packaged.stderr
    assert packaged.stdout.rstrip().splitlines()[-1] == "No problems found."


def test_the_table_has_one_row_per_language_with_its_formula(packaged):
    rows = {line.split()[0]: line for line in packaged.stdout.splitlines() if line.split() and line.split()[0] in LANGUAGES}
    assert sorted(rows) == sorted(LANGUAGES)
    assert "Flesch-Kincaid grade: worst" in rows["en"] and "SMOG" in rows["en"]
    assert "Fernández-Huerta" in rows["es"]
    assert "Wiener Sachtextformel (WSTF1)" in rows["de"]
    assert "Flesch (Kandel & Moles)" in rows["fr"]
    assert "Flesch (Martins et al. 1996)" in rows["pt_BR"]
    assert "proxy: characters per sentence" in rows["zh_Hans"] and "proxy: syllables per sentence" in rows["vi"]
    for code in LANGUAGES[1:]:
        assert rows[code].split()[1:5] == ["14/14", "100%", "0", "0"], rows[code]


def test_a_stale_translation_points_at_its_source_hash(content_copy):
    replace_once(content_copy / "en" / "screens" / "05-research-alcohol.yaml", "Approved medicines for alcohol problems already exist", "Approved medicines for alcohol problems exist already")
    result = check("--content", str(content_copy))
    assert result.returncode == 1
    spanish = content_copy / "es" / "screens" / "05-research-alcohol.yaml"
    expected = f"{spanish}:{line_of(spanish, 'source_hash:')}: translation.source_hash: stale"
    assert any(line.startswith(expected) for line in problems(result.stdout)), result.stdout
    assert "stamp --lang es research-alcohol" in result.stdout
    assert len(problems(result.stdout)) == 6  # one per translation
    assert result.stdout.rstrip().endswith("6 problems found.")


def test_a_changed_number_points_at_its_line(content_copy_of, check_here):
    content_copy = content_copy_of("en", "es")  # only what this test changes and asserts
    spanish = replace_once(content_copy / "es" / "screens" / "05-research-alcohol.yaml", "Participaron 90 personas", "Participaron 97 personas")
    result = check_here("--content", str(content_copy))
    assert result.returncode == 1
    assert problems(result.stdout) == [
        f"{spanish}:{line_of(spanish, '97 personas')}: body: numbers [2019, 97] differ from the English [2019, 90] (in this order) in '- **Das, 2019.** Participaron 97 personas que bebían mucho …'"
    ]


def test_a_help_line_that_dials_another_number(content_copy_of, check_here):
    content_copy = content_copy_of("en", "fr")  # only what this test changes and asserts
    french = replace_once(content_copy / "fr" / "help-lines.yaml", 'contact: "116 123"', 'contact: "116 124"')
    result = check_here("--content", str(content_copy))
    assert result.returncode == 1
    [line] = problems(result.stdout)
    assert line.startswith(f"{french}:{line_of(french, '116 124')}: regions[") and "contact" in line


def test_a_hard_english_screen_is_named(content_copy, check_here):
    screen = content_copy / "en" / "screens" / "10-therapy.yaml"
    hard = (
        "Pharmacological interventions necessitate comprehensive multidisciplinary evaluation, incorporating "
        "psychotherapeutic methodologies and longitudinal observational assessment of cardiovascular, "
        "neuropsychiatric and dissociative manifestations in vulnerable populations with concurrent comorbidities. "
    )
    text = screen.read_text(encoding="utf-8")
    text = re.sub(r"^body: \|\n(?:  .*\n|\n)+", "body: |\n  " + hard * 3 + "\n", text, flags=re.M)
    screen.write_text(text, encoding="utf-8")
    result = check_here("--content", str(content_copy))
    assert result.returncode == 1
    expected = f"{screen}:{line_of(screen, 'body:')}: body: screen 'therapy' reads at US grade"
    assert any(line.startswith(expected) for line in problems(result.stdout)), result.stdout
    assert "the limit is 8" in result.stdout


def test_broken_yaml_is_a_located_problem(content_copy):
    screen = replace_once(content_copy / "en" / "screens" / "03-treatment-course.yaml", "title:", "title: [oops\nx:")
    result = check("--content", str(content_copy))
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    [line] = problems(result.stdout)
    assert PROBLEM_LINE.match(line).group("file", "field") == (str(screen), "(yaml)")


def test_a_broken_translation_does_not_stop_the_others(content_copy_of, check_here):
    content_copy = content_copy_of("en", "de", "es")  # only what this test changes and asserts
    german = replace_once(content_copy / "de" / "screens" / "03-treatment-course.yaml", "kind: topic", "kind: [topic")
    result = check_here("--content", str(content_copy))
    assert result.returncode == 1
    [line] = problems(result.stdout)
    assert line.startswith(f"{german}:")
    assert "Fernández-Huerta: worst" in result.stdout  # Spanish still checked


def test_a_missing_translation_is_a_problem(content_copy_of, check_here):
    content_copy = content_copy_of("en", "vi")  # only what this test changes and asserts
    missing = content_copy / "vi" / "screens" / "07-research-cocaine.yaml"
    missing.unlink()
    result = check_here("--content", str(content_copy))
    assert result.returncode == 1
    assert problems(result.stdout) == [f"{missing}:1: (file): missing: screen 'research-cocaine' is not translated (readers see it in English)"]
    assert re.search(r"^vi\s+13/14\s+93%\s+0", result.stdout, flags=re.M)


def test_two_translated_files_with_one_id(content_copy_of, check_here):
    content_copy = content_copy_of("en", "es")  # only what this test changes and asserts
    copy = content_copy / "es" / "screens" / "15-copy.yaml"
    shutil.copy(content_copy / "es" / "screens" / "05-research-alcohol.yaml", copy)
    result = check_here("--content", str(content_copy))
    assert result.returncode == 1
    assert problems(result.stdout) == [f"{copy}:1: id: duplicate screen id 'research-alcohol' (also in 05-research-alcohol.yaml)"]


def test_unknown_fields_are_warnings_not_problems(content_copy, check_here):
    screen = replace_once(content_copy / "en" / "screens" / "04-how-it-may-work.yaml", "title:", "colour: red\ntitle:")
    result = check_here("--content", str(content_copy))
    assert result.returncode == 0, result.stdout
    assert f"\nWarnings:\n{screen}:{line_of(screen, 'colour')}: colour: unknown field (ignored)\n" in result.stdout
    assert result.stdout.rstrip().endswith("No problems found (1 warning).")


def test_a_missing_folder_cannot_be_checked(tmp_path):
    for folder in (tmp_path / "nonexistent", tmp_path):  # missing; exists but is not a content folder
        result = check("--content", str(folder))
        assert result.returncode == 2
        assert result.stdout == ""
        assert len(result.stderr.strip().splitlines()) == 1 and str(folder) in result.stderr
        assert "Traceback" not in result.stderr


def test_an_unreadable_folder_cannot_be_checked(content_copy, monkeypatch, capsys):
    """As the command does it, in process: we may run as root, who can read anything."""
    from recovery_guide import audit
    from recovery_guide.cli import main

    def listdir(path):
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr(audit.os, "listdir", listdir)
    assert main(["check", "--content", str(content_copy)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == f"recovery-guide: {content_copy}: cannot read: Permission denied\n"


def test_catalog_placeholders_are_checked_when_locales_sit_beside_the_content(tmp_path, content_copy, check_here):
    shutil.copytree(locales_dir(), tmp_path / "locales", ignore=shutil.ignore_patterns("*.mo"))
    catalog = tmp_path / "locales" / "es" / "LC_MESSAGES" / "messages.po"
    replace_once(catalog, 'msgstr "Paso {number} de {total}"', 'msgstr "Paso {numero} de {total}"')
    result = check_here("--content", str(content_copy))
    assert result.returncode == 1
    assert problems(result.stdout) == [
        f"{catalog}:{line_of(catalog, 'Paso {numero}')}: msgstr: placeholders {{numero}}, {{total}} differ from the msgid's "
        "{number}, {total} in msgid 'Step {number} of {total}': keep them exactly"
    ]
    assert re.search(r"^es\s+14/14\s+100%\s+0\s+0\s+1\s", result.stdout, flags=re.M)


def test_catalog_entries_readers_would_see_in_english(tmp_path):
    catalog = tmp_path / "messages.po"
    catalog.write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=utf-8\\n"\n\n'
        'msgid "Next"\nmsgstr ""\n\n'
        '#, fuzzy\nmsgid "Theme: {name}"\nmsgstr "Tema: {number}"\n\n'
        'msgid "Step {number} of {total}"\nmsgstr "Paso {total} de {number}"\n',
        encoding="utf-8",
    )
    assert [str(problem) for problem in catalog_problems(catalog)] == [
        f"{catalog}:6: msgstr: not translated: msgid 'Next'",
        f"{catalog}:10: msgstr: fuzzy (readers see the English until it is checked and the flag removed): msgid 'Theme: {{name}}'",
    ]  # placeholders in another order are fine; a fuzzy entry's are checked once it is confirmed


def test_strings_new_in_the_template_are_reported_until_the_catalog_has_them(tmp_path):
    """New UI strings landed in ``messages.pot`` but nobody ran ``pybabel update``: a translator
    running ``check`` must hear it, not "No problems found" while readers see English."""
    catalog_dir = tmp_path / "locales" / "es" / "LC_MESSAGES"
    catalog_dir.mkdir(parents=True)
    header = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=utf-8\\n"\n\n'
    (tmp_path / "locales" / "messages.pot").write_text(header + 'msgid "Next"\nmsgstr ""\n\nmsgid "If you are in danger now"\nmsgstr ""\n', encoding="utf-8")
    catalog = catalog_dir / "messages.po"
    catalog.write_text(header + 'msgid "Next"\nmsgstr "Siguiente"\n', encoding="utf-8")
    assert [str(problem) for problem in catalog_problems(catalog)] == [
        f"{catalog}:1: msgid: not in this catalog yet (run pybabel update, then translate it): 'If you are in danger now'"
    ]
    catalog.write_text(catalog.read_text(encoding="utf-8") + '\nmsgid "If you are in danger now"\nmsgstr "Si está en peligro ahora"\n', encoding="utf-8")
    assert catalog_problems(catalog) == []


def test_a_clinic_copy_without_locales_skips_the_catalogs(content_copy, check_here):
    result = check_here("--content", str(content_copy))
    assert result.returncode == 0
    assert "UI catalogs: not checked" in result.stdout
    assert re.search(r"^fr\s+14/14\s+100%\s+0\s+0\s+not checked\s", result.stdout, flags=re.M)


# --- in process: the check agrees with the translation helpers the tests use ---------------------------------


def test_states_and_numbers_agree_with_the_translation_helpers(content_copy):
    replace_once(content_copy / "en" / "screens" / "02-ketamine-basics.yaml", "title: ", "title: Changed - ")
    replace_once(content_copy / "fr" / "screens" / "06-research-opioids.yaml", "2002", "2003")
    report = check_content(ContentFolder(content_copy))
    folder = ContentFolder(content_copy)
    for code in LANGUAGES[1:]:
        stale = {screen_id for screen_id, state in states(folder, code, "screen").items() if state == "stale"}
        flagged = {line.split("stamp --lang " + code + " ")[1] for line in map(str, report.problems) if f"/{code}/" in line and "stale" in line}
        assert flagged == stale
        mismatched = {str(line).split(":")[0] for line in number_mismatches(folder.english, folder.translation(code))}
        assert {problem.file for problem in report.problems if problem.message.startswith("numbers [") and f"/{code}/" in problem.file} == mismatched
    assert report.exit_code == 1
    assert format_report(report).rstrip().endswith(f"{len(report.problems)} problems found.")


def test_stale_line_is_the_line_of_translated_from(content_copy):
    replace_once(content_copy / "en" / "screens" / "02-ketamine-basics.yaml", "title: ", "title: Changed - ")
    german = content_copy / "de" / "screens" / "02-ketamine-basics.yaml"
    [problem] = [problem for problem in check_content(ContentFolder(content_copy)).problems if problem.file == str(german)]
    assert problem.line == read_yaml(german).line(("translation", "source_hash"))


def test_a_changed_number_in_a_translated_self_check_is_found(content_copy_of, capsys):
    """In process, like check_here: test_a_stale_translation_points_at_its_source_hash runs the real command on a broken copy."""
    content_copy = content_copy_of("en", "es")  # only what this test changes and asserts
    path = content_copy / "es" / "self-checks.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace(" 3 ", " 5 ", 1), encoding="utf-8")
    result = run_in_process(capsys, "check", "--content", str(content_copy))
    assert result.returncode == 1
    [problem] = problems(result.stdout)
    assert problem.startswith(f"{path}:{line_of(path, ' 5 ')}: checks[") and "numbers [1, 5] differ from the English [1, 3]" in problem


def test_a_stale_self_check_translation_is_found(content_copy_of, capsys):
    """In process: test_a_stale_translation_points_at_its_source_hash runs the command for this kind of problem."""
    content_copy = content_copy_of("en", "es")  # only what this test changes and asserts
    path = content_copy / "en" / "self-checks.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("Is ketamine approved to treat alcohol or drug problems?", "Is ketamine approved for drug or alcohol problems?"), encoding="utf-8")
    result = run_in_process(capsys, "check", "--content", str(content_copy))
    assert result.returncode == 1
    assert "self-check treatment: stale" in result.stdout


def test_a_step_named_by_number_and_title_must_be_that_step(content_copy_of, check_here):
    """The English points to other steps as 'step 9, "Side effects and safety"' (words that work in the
    app and on paper); a screen moved, or a number mistyped, would send the reader to the wrong step."""
    content = content_copy_of("en")
    screen = content / "en" / "screens" / "02-ketamine-basics.yaml"
    replace_once(screen, 'See step 9, "Side effects and safety".', 'See step 8, "Side effects and safety".')
    result = check_here("--content", str(content))
    assert result.returncode == 1
    assert f'{screen}:{line_of(screen, "body: |")}: body: screen \'ketamine-basics\' points to step 8, "Side effects and safety": it is step 9' in problems(result.stdout)
