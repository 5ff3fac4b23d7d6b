"""Every shipped language is complete, current, keeps the numbers and placeholders, and switches live."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from recovery_guide import i18n
from recovery_guide.audit import catalog_problems
from recovery_guide.guide_content.folder import ContentFolder, load_guide
from recovery_guide.paths import content_dir, locales_dir
from recovery_guide.guide_content.overlay import number_mismatches
from recovery_guide.guide_content.translators import states
from tests.helpers import run_in_process

SHIPPED = ["es", "fr", "de", "pt_BR", "zh_Hans", "vi"]
SOURCE_DIR = Path(__file__).resolve().parents[1] / "src" / "recovery_guide"


def test_the_shipped_languages_are_available():
    assert ContentFolder().languages() == ["en", *sorted(SHIPPED)]


@pytest.mark.parametrize("code", SHIPPED)
def test_language_is_complete_and_not_stale(code, guide):
    assert list(states(ContentFolder(), code, "screen").values()) == ["current"] * len(guide.pages)
    translated = load_guide(code)
    assert translated.completeness == 1.0
    assert all(screen.language == code for screen in translated.pages)
    for path in ("sources.yaml", "glossary.yaml", "help-lines.yaml", "language.yaml"):
        assert (content_dir() / code / path).is_file(), path
    assert [term.id for term in translated.glossary] != [] and {t.id for t in translated.glossary} == {t.id for t in guide.glossary}
    assert [region.name for region in translated.regions] != [region.name for region in guide.regions]


@pytest.mark.parametrize("code", SHIPPED)
def test_language_says_how_it_was_made_in_its_own_words(code, guide):
    language = load_guide(code).language
    assert language.reviewed is False
    assert language.produced != guide.language.produced
    assert language.review_status != guide.language.review_status


@pytest.mark.parametrize("code", SHIPPED)
def test_numbers_survive_translation(code):
    folder = ContentFolder()
    assert number_mismatches(folder.english, folder.translation(code)) == []


@pytest.mark.parametrize("code", SHIPPED)
def test_help_line_numbers_are_the_english_ones(code, guide):
    translated = load_guide(code)
    digits = lambda text: re.findall(r"\d+", text)  # noqa: E731
    assert [digits(line.contact) for region in translated.regions for line in region.lines] == [
        digits(line.contact) for region in guide.regions for line in region.lines
    ]


def code_messages() -> set[str]:
    messages = set()
    for _filename, _lineno, message, _comments, _context in extract_from_dir(str(SOURCE_DIR)):
        messages.add(message if isinstance(message, str) else message[0])
    return messages


@pytest.mark.parametrize("code", SHIPPED)
def test_ui_catalog_is_complete_and_placeholders_match(code):
    po_path = locales_dir() / code / "LC_MESSAGES" / "messages.po"
    if not po_path.exists():  # an installed wheel carries the compiled catalog; read the source one
        po_path = Path(__file__).resolve().parents[1] / "locales" / code / "LC_MESSAGES" / "messages.po"
    with po_path.open("rb") as handle:
        catalog = read_po(handle)
    translated = {message.id: message for message in catalog if message.id}
    missing = code_messages() - set(translated)
    assert not missing, f"not in {po_path} (run pybabel extract/update): {sorted(missing)[:5]}"
    # untranslated, fuzzy and placeholder problems: the same rules as `recovery-guide check`
    assert [str(problem) for problem in catalog_problems(po_path)] == []
    if shutil.which("msgfmt"):
        result = subprocess.run(["msgfmt", "--check", "-o", "/dev/null", str(po_path)], capture_output=True, text=True)
        assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("code", SHIPPED)
def test_ui_strings_are_shown_in_the_language(code):
    i18n.set_language(code)
    assert i18n._("Next") != "Next"
    assert "{number}" not in i18n._("Step {number} of {total}").format(number=3, total=14)


@pytest.mark.parametrize("code", SHIPPED)
def test_print_in_every_language(code, capsys):
    """Through ``cli.main`` in this process; test_print_in_a_language_as_a_command runs the real command."""
    printed_in(code, run_in_process(capsys, "print", "--lang", code))


def test_print_in_a_language_as_a_command():
    printed_in("es", subprocess.run([sys.executable, "-m", "recovery_guide", "print", "--lang", "es"], capture_output=True, text=True, timeout=60))


def printed_in(code: str, result: subprocess.CompletedProcess) -> None:
    """``print --lang code`` succeeded and gave every screen's title and the translation's review status."""
    assert result.returncode == 0, result.stderr
    translated = load_guide(code)
    flat = " ".join(result.stdout.split())
    for screen in translated.pages:
        assert " ".join(screen.title.split()) in flat
    assert translated.language.review_status.split()[0] in flat


def test_a_stale_translation_falls_back_to_english_whole(content_copy):
    english_file = content_copy / "en" / "screens" / "02-ketamine-basics.yaml"
    english_file.write_text(english_file.read_text(encoding="utf-8").replace("title: ", "title: Changed - ", 1), encoding="utf-8")
    translated = load_guide("es", content_copy)
    screen = translated.page("ketamine-basics")
    assert screen.language == "en" and screen.title.startswith("Changed -")
    assert translated.completeness < 1.0
    assert states(ContentFolder(content_copy), "es", "screen")["ketamine-basics"] == "stale"


@pytest.mark.parametrize(
    ("requested", "expected"),
    [("es_MX.UTF-8", "es"), ("pt", "pt_BR"), ("pt_PT", "pt_BR"), ("zh_CN", "zh_Hans"), ("de-AT", "de"), ("fr_CA", "fr"), ("vi_VN", "vi"), ("ja", None)],
)
def test_regional_codes_fall_back_sensibly(requested, expected):
    assert i18n.match_language(requested, ContentFolder().languages()) == expected


def test_language_comes_from_the_environment_in_order():
    available = ContentFolder().languages()
    assert i18n.language_from_environment(available, {"LANG": "es_ES.UTF-8"}) == "es"
    assert i18n.language_from_environment(available, {"LANGUAGE": "fr:de", "LANG": "es_ES.UTF-8"}) == "fr"
    assert i18n.language_from_environment(available, {"LC_ALL": "de_DE.UTF-8", "LANG": "es_ES.UTF-8"}) == "de"
    assert i18n.language_from_environment(available, {"LC_MESSAGES": "vi_VN", "LANG": "es_ES"}) == "vi"
    assert i18n.language_from_environment(available, {"LC_ALL": "C.UTF-8", "LANG": "pt_BR.UTF-8"}) == "pt_BR"
    assert i18n.language_from_environment(available, {"LANG": "ja_JP.UTF-8"}) == "en"
    assert i18n.language_from_environment(available, {}) == "en"


def test_unknown_language_lists_the_codes(capsys):
    result = run_in_process(capsys, "print", "--lang", "xx")
    assert result.returncode == 2
    assert all(code in result.stderr for code in SHIPPED)
    assert len(result.stderr.strip().splitlines()) == 1


def test_languages_command_lists_every_language(capsys):
    """Through ``cli.main`` in this process (``print --lang es`` above runs as a real process)."""
    result = run_in_process(capsys, "languages")
    assert result.returncode == 0, result.stderr
    for native in ("English", "Español", "Français", "Deutsch", "Português (Brasil)", "中文 (简体)", "Tiếng Việt"):
        assert native in result.stdout
    assert result.stdout.count("100%") == 7


# --- recovery-guide translations status|stamp ---------------------------------------------------------------


def translations(capsys, *args: str) -> tuple[int, str, str]:
    from recovery_guide.cli import main

    code = main(["translations", *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_status_lists_every_screen_and_self_check_of_every_translation(capsys, guide):
    code, out, err = translations(capsys, "status")
    assert (code, err) == (0, "")
    rows = [line.split() for line in out.splitlines()]
    assert sorted({row[0] for row in rows}) == sorted(SHIPPED)
    assert len(rows) == len(SHIPPED) * (len(guide.pages) + len(guide.self_checks) + 1 + len(guide.glossary) + len(guide.sources) + sum(len(region.lines) for region in guide.regions))
    assert {row[1] for row in rows if row[2] != "values"} == {"current"}
    assert ["de", "current", "glossary:abstinence"] in rows and ["fr", "current", "source:jones-2018"] in rows
    # "What matters to me" (values.yaml) is listed too; missing until it is translated (English is shown)
    assert {row[1] for row in rows if row[2] == "values"} <= {"current", "missing"} and len([row for row in rows if row[2] == "values"]) == len(SHIPPED)
    assert ["es", "current", "self-check:treatment"] in rows and ["vi", "current", guide.pages[0].id] in rows


def test_status_of_english_says_it_is_the_source(capsys, guide):
    code, out, _err = translations(capsys, "status", "--lang", "en")
    assert code == 0 and {line.split()[1] for line in out.splitlines()} == {"english"}


def test_stamp_marks_one_updated_screen_current_and_changes_only_its_hash(capsys, content_copy):
    english = content_copy / "en" / "screens" / "02-ketamine-basics.yaml"
    english.write_text(english.read_text(encoding="utf-8").replace("title: ", "title: Changed - ", 1), encoding="utf-8")
    code, out, _err = translations(capsys, "status", "--lang", "es", "--content", str(content_copy))
    assert code == 0 and "es  stale      ketamine-basics" in out
    spanish = content_copy / "es" / "screens" / "02-ketamine-basics.yaml"
    before = spanish.read_text(encoding="utf-8").splitlines()
    assert translations(capsys, "stamp", "--lang", "es", "ketamine-basics", "--content", str(content_copy))[:2] == (0, "stamped es ketamine-basics\n")
    after = spanish.read_text(encoding="utf-8").splitlines()
    assert [i for i, (a, b) in enumerate(zip(before, after)) if a != b] == [before.index(next(line for line in before if "source_hash" in line))]
    assert states(ContentFolder(content_copy), "es", "screen")["ketamine-basics"] == "current"
    assert states(ContentFolder(content_copy), "fr", "screen")["ketamine-basics"] == "stale"


def test_stamp_all_stamps_every_stale_item_and_adds_a_missing_stamp(capsys, content_copy):
    german = content_copy / "de" / "screens" / "03-treatment-course.yaml"
    text = german.read_text(encoding="utf-8")
    german.write_text(re.sub(r"translation:\n  source_hash: \w+\n", "", text), encoding="utf-8")
    checks = content_copy / "de" / "self-checks.yaml"
    checks.write_text(re.sub(r"    translation:\n      source_hash: \w+\n", "", checks.read_text(encoding="utf-8"), count=1), encoding="utf-8")
    code, out, _err = translations(capsys, "stamp", "--lang", "de", "--all", "--content", str(content_copy))
    assert code == 0 and out.splitlines() == ["stamped de treatment-course", "stamped de self-check:treatment"]
    assert re.search(r"^id: treatment-course\ntranslation:\n  source_hash: \w{16}\n", german.read_text(encoding="utf-8"), flags=re.M)
    assert set(states(ContentFolder(content_copy), "de", "screen").values()) == {"current"}
    assert load_guide("de", content_copy, warn=pytest.fail).completeness == 1.0
    assert translations(capsys, "stamp", "--lang", "de", "--all", "--content", str(content_copy))[1] == "nothing to stamp: no stale screen, self-check, glossary entry or source note in de\n"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["status", "--lang", "xx"], "unknown language 'xx'; available: en, de, es, fr, pt_BR, vi, zh_Hans"),
        (["stamp", "ketamine-basics"], "stamp needs --lang CODE"),
        (["stamp", "--lang", "es"], "stamp needs the screen ids"),
        (["stamp", "--lang", "es", "--all", "welcome"], "stamp needs the screen ids"),
        (["stamp", "--lang", "en", "welcome"], "English is the source"),
        (["stamp", "--lang", "es", "welcome", "no-such-screen"], "'no-such-screen' is not an English screen id, self-check:ID"),
    ],
)
def test_translations_errors_are_one_line_and_write_nothing(capsys, content_copy, args, message):
    before = {path: path.read_bytes() for path in content_copy.rglob("*.yaml")}
    code, out, err = translations(capsys, *args, "--content", str(content_copy))
    assert (code, out) == (2, "")
    assert err.startswith("recovery-guide: ") and message in err and err.count("\n") == 1
    assert {path: path.read_bytes() for path in content_copy.rglob("*.yaml")} == before


def test_the_old_translator_module_is_gone():
    result = subprocess.run([sys.executable, "-m", "recovery_guide.translation", "status", "es"], capture_output=True, text=True, timeout=60)
    assert result.returncode != 0
