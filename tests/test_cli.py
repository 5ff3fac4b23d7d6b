"""The command line: print, version, errors. Run as a real process, the way readers run it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from recovery_guide import __version__
from tests.helpers import python_prints, run, run_in_process


@pytest.fixture(scope="module")
def printed() -> str:
    result = run("print")
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_print_contains_every_title_and_question(printed, guide):
    for screen in guide.pages:
        assert screen.title in printed
        for question in screen.questions:
            # questions are wrapped at 78 columns, so compare word sequences
            assert " ".join(question.text.split()) in " ".join(printed.split()), question.id


def test_print_contains_key_points_sources_and_disclaimer(printed, guide):
    """Every key point, as paper gives it (without the app's key instructions)."""
    from recovery_guide.view.paper import paper_points

    flat = " ".join(printed.split())
    for screen in guide.pages:
        for point in paper_points(screen.key_points):
            assert " ".join(point.split()) in flat
    for source in guide.sources.values():
        assert " ".join(source.citation.split()) in flat
    assert "not medical advice" in flat
    assert "Step 14 of 14" in flat


def test_print_has_no_escape_codes_when_piped(printed):
    assert "\x1b" not in printed


def test_print_shows_help_lines_of_the_chosen_region_only(guide, capsys):
    """Only the chosen country's numbers on paper; the rest are in the app (review r15, PEMAT 2)."""
    flat = " ".join(run_in_process(capsys, "print", "--region", "GB").stdout.split())
    assert "116 123" in flat and "United Kingdom (GB)" in flat
    assert "United States (US)" not in flat and "Numbers for other countries are in the app" in flat


def test_version_and_help():
    assert run("--version").stdout.strip() == f"recovery-guide {__version__}"
    help_text = run("--help").stdout
    assert "not medical advice" in help_text and "print" in help_text


def test_invalid_content_exits_2_with_one_line_and_no_traceback(content_copy):
    screen = content_copy / "en" / "screens" / "03-treatment-course.yaml"
    screen.write_text(screen.read_text(encoding="utf-8").replace("title:", "title: [oops\nx:", 1), encoding="utf-8")
    for args in (["print"], []):
        result = run(*args, "--content", str(content_copy))
        assert result.returncode == 2
        assert "Traceback" not in result.stderr
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1
        assert f"{screen}:" in lines[0] and "(yaml)" in lines[0]


def test_unknown_language_and_region_list_what_exists(capsys):
    """In process: test_invalid_content_exits_2_with_one_line_and_no_traceback runs the command for exit status 2."""
    result = run_in_process(capsys, "print", "--lang", "xx")
    assert result.returncode == 2 and "available: en" in result.stderr
    result = run_in_process(capsys, "print", "--region", "ZZ")
    assert result.returncode == 2 and "US" in result.stderr and "Traceback" not in result.stderr


def test_print_to_a_file_and_to_an_unwritable_place(tmp_path):
    target = tmp_path / "guide.txt"
    assert run("print", "--output", str(target)).returncode == 0
    assert "Ketamine in brief" in target.read_text(encoding="utf-8")
    result = run("print", "--output", str(tmp_path / "missing" / "guide.txt"))
    assert result.returncode == 2 and "cannot write" in result.stderr and "Traceback" not in result.stderr


def test_print_into_a_closed_pipe_is_quiet():
    environment = {**os.environ, "LANG": "C.UTF-8"}
    result = subprocess.run(
        f"{sys.executable} -m recovery_guide print | head -1", shell=True, capture_output=True, text=True, env=environment, timeout=60
    )
    assert result.stdout.strip() == "Recovery Guide"
    assert result.stderr == ""


@pytest.mark.slow  # a fresh interpreter that runs ``check`` of every language: about 3 s of CPU
def test_light_commands_do_not_import_textual():
    """--help, --version, print, languages and check must start instantly: Textual is for the full-screen
    app only, the web server (textual_serve, aiohttp) for ``serve`` only."""
    code = (
        "import sys, contextlib, io\n"
        "from recovery_guide.cli import main\n"
        "for args in (['print'], ['languages'], ['check'], ['--version'], ['--help'], ['serve', '--help']):\n"
        "    with contextlib.redirect_stdout(io.StringIO()):\n"
        "        try: main(args)\n"
        "        except SystemExit: pass\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich', 'textual_serve', 'aiohttp')))\n"
    )
    assert python_prints(code) == "[]"


def test_print_to_the_screen_does_not_load_what_writing_a_file_needs():
    """``print`` starts a fresh process each time, so what it imports is part of its speed: the
    temporary-file machinery (``tempfile``, about 7 ms, seeding a random generator) is for writing
    files, and ``print`` to the screen writes none."""
    code = (
        "import sys, contextlib, io\n"
        "from recovery_guide.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    main(['--region', 'US', 'print'])\n"
        "print('tempfile' in sys.modules)\n"
    )
    assert python_prints(code) == "False"


def test_packaged_content_is_inside_the_installed_package():
    """A non-editable install carries its own content; running from another folder still finds it."""
    import recovery_guide.paths as paths

    if not (paths.PACKAGE_DIR / "content").is_dir():
        pytest.skip("running from a source checkout (editable install)")
    assert (paths.content_dir() / "en" / "screens").is_dir()
    assert Path(paths.content_dir()).is_relative_to(paths.PACKAGE_DIR)


@pytest.mark.parametrize(
    ("region", "language", "number"),
    [("ES", "es", "024"), ("US", "en", "988"), ("GB", "en", "116 123"), ("FR", "fr", "3114"), ("AU", "en", "13 11 14")],
)
def test_print_shows_the_regions_crisis_line(region, language, number, capsys):
    """In process: test_print_shows_help_lines_of_the_chosen_region_first runs the command with a region."""
    result = run_in_process(capsys, "print", "--region", region, "--lang", language)
    assert result.returncode == 0, result.stderr
    assert number in result.stdout


def test_print_without_a_known_region_lists_every_region_in_full(guide, printed):
    flat = " ".join(printed.split())
    for region in guide.regions:
        assert f"{region.name} ({region.code})" in flat
        for line in region.lines:
            assert line.contact in flat


@pytest.mark.parametrize("form", ["markdown", "html"])
def test_print_formats(form, guide, tmp_path, capsys):
    """Through ``cli.main`` in this process (``print`` as a real process: ``printed`` above)."""
    target = tmp_path / f"guide.{form}"
    result = run_in_process(capsys, "print", "--format", form, "--lang", "de", "--output", str(target))
    assert result.returncode == 0, result.stderr
    text = target.read_text(encoding="utf-8")
    german = __import__("recovery_guide.guide_content.folder", fromlist=["load_guide"]).load_guide("de")
    for screen in german.pages:
        assert screen.title.replace("&", "&amp;") in text if form == "html" else screen.title in text
    if form == "html":
        assert text.startswith("<!DOCTYPE html>") and '<html lang="de" dir="ltr">' in text
        assert "<script" not in text
    else:
        assert text.startswith("# ")
    assert "\x1b" not in text


CLINIC = """\
name: Riverside Recovery Clinic
phone: "555 0100"
hours: Monday to Friday, 9 am to 5 pm
questions:
  - Who do I call if I feel unwell after a session?
"""


def test_print_includes_the_clinic_from_the_option_or_the_environment(tmp_path, capsys):
    """The option through ``cli.main`` in this process; the environment variable in a real process."""
    clinic = tmp_path / "clinic.yaml"
    clinic.write_text(CLINIC, encoding="utf-8")
    by_option = run_in_process(capsys, "print", "--clinic", str(clinic))
    assert by_option.returncode == 0, by_option.stderr
    assert "Riverside Recovery Clinic" in by_option.stdout and "555 0100" in by_option.stdout
    by_environment = run("print", env={"RECOVERY_GUIDE_CLINIC": str(clinic)})
    assert "Riverside Recovery Clinic" in by_environment.stdout


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("phone: 1\n", ":1: name: required field is missing"),
        ("name: A\nquestions:\n  - 5\n", ":3: questions[0]: expected the text of a question"),
        ("name: [unclosed\n", ":2: (yaml):"),
        ("name: !!python/object/apply:os.system ['echo hacked']\n", ":1: (yaml):"),
        ("name: Clinic\x1b]0;owned\x07\n", ": (yaml): unacceptable character"),
    ],
)
def test_a_bad_clinic_file_gives_one_line_with_file_and_line(tmp_path, text, expected, capsys):
    """In process: test_a_missing_clinic_file_is_reported runs the command with a clinic file it cannot use."""
    clinic = tmp_path / "clinic.yaml"
    clinic.write_text(text, encoding="utf-8")
    result = run_in_process(capsys, "print", "--clinic", str(clinic))
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert str(clinic) in result.stderr and expected in result.stderr
    assert "hacked" not in result.stdout


def test_a_missing_clinic_file_is_reported(tmp_path):
    result = run("print", "--clinic", str(tmp_path / "nope.yaml"))
    assert result.returncode == 2 and "cannot read file" in result.stderr
