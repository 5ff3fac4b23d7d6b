"""Self-checks: one short, kind, ungraded set per main topic, sourced, readable, and the same in every language."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import textstat

from recovery_guide.guide_content.folder import ContentFolder, load_guide
from recovery_guide.guide_content.overlay import check_texts, number_mismatches, numbers_in
from recovery_guide.guide_content.overlay import source_hash as check_hash
from recovery_guide.guide_content.translators import stamp, states
from recovery_guide.guide_content.yaml_source import ContentError
from recovery_guide.model import check_after
from tests.helpers import replace_once

SHIPPED = ["es", "fr", "de", "pt_BR", "zh_Hans", "vi"]
TOPICS = {"treatment": "treatment-course", "research": "research-cannabis", "safety": "side-effects-safety", "therapy": "therapy"}
EN_FILE = Path("en") / "self-checks.yaml"


def structure(guide):
    return [(c.id, c.after, [(q.id, [ch.id for ch in q.choices], q.answer, q.screen, q.source_ids) for q in c.questions]) for c in guide.self_checks]


# --- the English content --------------------------------------------------------------------------------


def test_one_check_per_main_topic_in_reading_order(guide):
    assert {check.id: check.after for check in guide.self_checks} == TOPICS
    positions = [guide.index_of(check.after) for check in guide.self_checks]
    assert positions == sorted(positions)
    for check in guide.self_checks:
        assert 2 <= len(check.questions) <= 3, check.id
        assert check.title and check.topic
        assert check_after(guide, check.after) is check
    assert check_after(guide, "welcome") is None


def test_questions_point_to_screens_and_cite_that_screens_sources(guide):
    for check in guide.self_checks:
        for question in check.questions:
            screen = guide.page(question.screen)
            assert question.source_ids, question.id
            assert set(question.source_ids) <= set(guide.sources)
            assert set(question.source_ids) <= set(screen.source_ids), f"{question.id}: cite sources that {screen.id} rests on"
            assert question.answer in {choice.id for choice in question.choices}


def test_question_ids_are_unique_and_distinct_from_screen_questions(guide):
    ids = [q.id for check in guide.self_checks for q in check.questions]
    assert len(ids) == len(set(ids))
    assert not set(ids) & {q.id for screen in guide.pages for q in screen.questions}


def test_every_question_lets_the_reader_say_they_are_not_sure(guide):
    for check in guide.self_checks:
        for question in check.questions:
            assert "unsure" in [choice.id for choice in question.choices], question.id


def test_wording_is_a_self_check_not_a_test(guide):
    graded = re.compile(r"\b(wrong|correct|incorrect|right answer|score|fail|pass(ed)?|test)\b", re.I)
    for check in guide.self_checks:
        for text in check_texts(check):
            assert not graded.search(text), text


def test_no_doses_and_no_characters_that_break_wide_terminals(guide):
    dose = re.compile(r"\b\d+(\.\d+)?\s*(mg|milligrams?|ml|mcg)\b|mg/kg", re.I)
    for check in guide.self_checks:
        for text in check_texts(check):
            assert not dose.search(text), text
            assert not re.search("[\u2018\u2019\u201c\u201d\u2026]", text), text


@pytest.mark.parametrize("check_id", list(TOPICS))
def test_english_prompts_and_explanations_read_at_grade_8_or_below(guide, check_id):
    check = next(c for c in guide.self_checks if c.id == check_id)
    text = "\n".join(part for q in check.questions for part in (q.prompt, q.explanation))
    grade = textstat.flesch_kincaid_grade(text)
    assert grade <= 8.0, f"{check_id} reads at grade {grade}"


# --- translations ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("code", SHIPPED)
def test_each_language_has_every_check_current_with_the_same_structure(code, guide):
    translated = load_guide(code, warn=pytest.fail)
    assert structure(translated) == structure(guide)
    assert all(check.language == code for check in translated.self_checks)
    assert list(states(ContentFolder(), code, "self-check").values()) == ["current"] * len(guide.self_checks)
    for english, check in zip(guide.self_checks, translated.self_checks):
        assert check.title != english.title
        for e_question, question in zip(english.questions, check.questions):
            assert question.prompt != e_question.prompt and question.explanation != e_question.explanation


@pytest.mark.parametrize("code", SHIPPED)
def test_numbers_survive_translation_of_self_checks(code, guide):
    folder = ContentFolder()
    assert number_mismatches(folder.english, folder.translation(code)) == []
    translated = load_guide(code)
    for english, check in zip(guide.self_checks, translated.self_checks):
        assert numbers_in(*check_texts(check)) == numbers_in(*check_texts(english)), check.id


def test_a_check_whose_answer_differs_falls_back_to_english(content_copy):
    path = content_copy / "es" / "self-checks.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('answer: "one-to-three"', 'answer: "ten-or-more"', 1), encoding="utf-8")
    warnings: list[str] = []
    translated = load_guide("es", content_copy, warn=warnings.append)
    by_id = {check.id: check for check in translated.self_checks}
    assert by_id["treatment"].language == "en" and by_id["treatment"].title.startswith("Check your understanding")
    assert by_id["research"].language == "es"
    assert any("'treatment'" in warning and "answers" in warning for warning in warnings)
    assert states(ContentFolder(content_copy), "es", "self-check")["treatment"] == "different"


def test_a_missing_translated_check_falls_back_to_english(content_copy):
    path = content_copy / "fr" / "self-checks.yaml"
    text = path.read_text(encoding="utf-8")
    start = text.index("  - id: safety")
    end = text.index("  - id: therapy")
    path.write_text(text[:start] + text[end:], encoding="utf-8")
    warnings: list[str] = []
    translated = load_guide("fr", content_copy, warn=warnings.append)
    assert [check.language for check in translated.self_checks] == ["fr", "fr", "en", "fr"]
    assert any("'safety' is missing" in warning for warning in warnings)


def test_a_language_without_self_checks_shows_them_in_english(content_copy):
    (content_copy / "vi" / "self-checks.yaml").unlink()
    warnings: list[str] = []
    translated = load_guide("vi", content_copy, warn=warnings.append)
    assert [check.language for check in translated.self_checks] == ["en"] * 4
    assert len(warnings) == 1


def test_a_changed_english_check_makes_its_translation_stale_until_stamped(content_copy):
    english = content_copy / EN_FILE
    english.write_text(english.read_text(encoding="utf-8").replace("Can ketamine itself be misused?", "Can ketamine be misused?"), encoding="utf-8")
    translated = load_guide("de", content_copy)
    assert [check.language for check in translated.self_checks] == ["de", "de", "en", "de"]
    assert states(ContentFolder(content_copy), "de", "self-check")["safety"] == "stale"
    stamp(ContentFolder(content_copy), "de", ["self-check:safety"])
    assert states(ContentFolder(content_copy), "de", "self-check")["safety"] == "current"
    assert load_guide("de", content_copy).self_checks[2].language == "de"


def test_stamp_adds_a_hash_to_an_unstamped_check(content_copy):
    path = content_copy / "pt_BR" / "self-checks.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(re.sub(r"    translation:\n      source_hash: \w+\n", "", text), encoding="utf-8")
    assert set(states(ContentFolder(content_copy), "pt_BR", "self-check").values()) == {"stale"}
    stamp(ContentFolder(content_copy), "pt_BR", ["self-check:treatment", "self-check:therapy"])
    assert states(ContentFolder(content_copy), "pt_BR", "self-check") == {"treatment": "current", "research": "stale", "safety": "stale", "therapy": "current"}
    english = load_guide("en", content_copy).self_checks[0]
    assert f"source_hash: {check_hash(english)}" in path.read_text(encoding="utf-8")


def test_translator_command_lists_and_stamps_self_checks(capsys):
    from recovery_guide.cli import main

    assert main(["translations", "status", "--lang", "es"]) == 0
    out = capsys.readouterr().out
    assert re.search(r"current +self-check:treatment", out) and out.count("self-check:") == 4


# --- loader errors --------------------------------------------------------------------------------------


def break_checks(root: Path, old: str, new: str) -> Path:
    return replace_once(root / EN_FILE, old, new)


def located_error(root: Path, path: Path, needle: str) -> ContentError:
    with pytest.raises(ContentError) as caught:
        load_guide("en", root)
    error = caught.value
    assert error.file == str(path)
    assert needle in path.read_text(encoding="utf-8").splitlines()[error.line - 1], str(error)
    return error


@pytest.mark.parametrize(
    ("old", "new", "field", "message", "needle"),
    [
        ("after: research-cannabis", "after: research-nothing", "checks[1].after", "unknown screen id 'research-nothing'", "research-nothing"),
        ("after: research-cannabis", "after: treatment-course", "checks[1].after", "already follows the screen", "after: treatment-course"),
        ("screen: ketamine-basics", "screen: no-screen", "checks[0].questions[0].screen", "unknown screen id 'no-screen'", "no-screen"),
        ("sources: [ketalar-label, fda-2023]", "sources: [ketalar-label, no-source]", "checks[0].questions[0].sources[1]", "unknown source id 'no-source'", "no-source"),
        ('answer: one-to-three', 'answer: "maybe"', "checks[0].questions[1].answer", "not one of the choice ids", '"maybe"'),
        ("id: check-sessions", "id: check-approved", "checks[0].questions[1].id", "duplicate question id 'check-approved'", "id: check-approved"),
        ("id: research", "id: treatment", "checks[1].id", "duplicate self-check id 'treatment'", "id: treatment"),
        ('- id: "no"\n            text: "No"', '- id: "yes"\n            text: "No"', "checks[0].questions[0].choices[1].id", "duplicate choice id 'yes'", 'id: "yes"'),
        ('- id: "yes"', "- id: yes", "checks[0].questions[0].choices[0].id", "write this id in quotes", "id: yes"),
    ],
)
def test_broken_self_checks_are_located(content_copy, old, new, field, message, needle):
    path = break_checks(content_copy, old, new)
    error = located_error(content_copy, path, needle)
    assert error.field_path == field
    assert message in error.message


def test_no_self_checks_file_means_no_self_checks(content_copy):
    (content_copy / EN_FILE).unlink()
    assert load_guide("en", content_copy).self_checks == ()
    assert load_guide("es", content_copy).self_checks == ()
