"""Reading-level formulas and counting: right by hand, and compared with textstat 0.7.8."""

from __future__ import annotations

import math

import pytest
import textstat

from recovery_guide import readability as r
from recovery_guide.readability import Counts


@pytest.fixture(autouse=True)
def textstat_in_english():
    textstat.set_lang("en_US")
    yield
    textstat.set_lang("en_US")


# --- formulas, from counts worked out by hand -------------------------------------------------------------

COUNTS = Counts(sentences=10, words=100, syllables=150, polysyllables=12, monosyllables=60, long_words=20)


def test_flesch_kincaid_grade():
    assert r.flesch_kincaid_grade(COUNTS) == pytest.approx(0.39 * 10 + 11.8 * 1.5 - 15.59)


def test_smog():
    assert r.smog(COUNTS) == pytest.approx(1.043 * math.sqrt(30 * 12 / 10) + 3.1291)


def test_fernandez_huerta_uses_words_per_sentence():
    assert r.fernandez_huerta(COUNTS) == pytest.approx(206.84 - 60 * 1.5 - 1.02 * 10)
    longer_sentences = Counts(sentences=5, words=100, syllables=150)
    assert r.fernandez_huerta(longer_sentences) < r.fernandez_huerta(COUNTS)


def test_wiener_sachtextformel_first_variant():
    # MS = 12 %, SL = 10, IW = 20 %, ES = 60 %
    assert r.wiener_sachtextformel(COUNTS) == pytest.approx(0.1935 * 12 + 0.1672 * 10 + 0.1297 * 20 - 0.0327 * 60 - 0.875)


def test_flesch_with_kandel_and_moles_constants():
    assert r.flesch_french(COUNTS) == pytest.approx(207 - 1.015 * 10 - 73.6 * 1.5)


def test_empty_text_scores_zero_not_an_error():
    empty = r.count("", "en")
    assert empty == Counts()
    for formula in (r.flesch_kincaid_grade, r.smog, r.fernandez_huerta, r.wiener_sachtextformel, r.flesch_french):
        assert formula(empty) == 0.0


# --- textstat 0.7.8 computes the same formulas; it counts differently -------------------------------------


def textstat_counts(text: str) -> Counts:
    return Counts(
        sentences=textstat.sentence_count(text),
        words=textstat.lexicon_count(text),
        syllables=textstat.syllable_count(text),
        polysyllables=textstat.polysyllabcount(text),
        monosyllables=textstat.monosyllabcount(text),
        long_words=textstat.long_word_count(text),
    )


SAMPLES = {
    "en": "Ketamine is a medicine used for surgery. It is not approved to treat alcohol problems. Ask your provider.",
    "es": "La ketamina es un medicamento para la cirugía. No está aprobada para tratar problemas con el alcohol. Pregunte a su equipo.",
    "de": "Ketamin ist ein Medikament für Operationen. Es ist nicht für Alkoholprobleme zugelassen. Fragen Sie Ihr Behandlungsteam.",
    "fr": "La kétamine est un médicament pour la chirurgie. Elle n'est pas autorisée pour les problèmes d'alcool. Demandez à votre équipe.",
}


@pytest.mark.parametrize(
    ("language", "ours", "theirs"),
    [
        ("en", r.flesch_kincaid_grade, lambda text: textstat.flesch_kincaid_grade(text)),
        ("en", r.smog, lambda text: textstat.smog_index(text)),
        ("es", r.fernandez_huerta, lambda text: textstat.fernandez_huerta(text)),
        ("de", r.wiener_sachtextformel, lambda text: textstat.wiener_sachtextformel(text, 1)),
        ("fr", r.flesch_french, lambda text: textstat.flesch_reading_ease(text)),
    ],
)
def test_textstat_uses_the_same_formulas(language, ours, theirs):
    """Fed textstat's own counts, our formulas give textstat's scores: only the counting differs."""
    textstat.set_lang(language)
    text = SAMPLES[language]
    assert ours(textstat_counts(text)) == pytest.approx(theirs(text))


@pytest.mark.parametrize(("language", "word", "syllables"), [("es", "agua", 2), ("es", "idea", 3), ("de", "oder", 2), ("de", "aber", 2), ("fr", "ami", 2)])
def test_textstat_counts_hyphenation_points_not_syllables(language, word, syllables):
    """Why we count syllables ourselves: pyphen never splits one letter off a word's end."""
    textstat.set_lang(language)
    assert textstat.syllable_count(word) < syllables
    assert r.SYLLABLE_COUNTERS[language](word) == syllables


def test_textstat_drops_short_sentences_but_keeps_their_words():
    text = "Other choices.\nThe approved medicines for alcohol problems are listed here."
    assert textstat.sentence_count(text) == 1
    assert r.count(text, "en").sentences == 2


def test_english_grade_agrees_with_textstat_on_every_screen(guide):
    for screen in guide.pages:
        text = r.screen_text(screen.key_points, screen.body)
        assert abs(r.grade(text) - textstat.flesch_kincaid_grade(text)) < 1.0, screen.id


# --- syllables --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("word", "syllables"),
    [
        ("the", 1), ("rule", 1), ("rules", 1), ("table", 2), ("people", 2), ("called", 1), ("tested", 2), ("needed", 2),
        ("changes", 2), ("makes", 1), ("trial", 2), ("idea", 3), ("being", 2), ("likely", 2), ("safety", 2),
        ("something", 2), ("ketamine", 3), ("anaesthetic", 4), ("naltrexone", 3), ("FDA", 3), ("III", 1),
        ("2022", 1), ("proof-of-concept", 4), ("don't", 1), ("nation", 2), ("usual", 3),
    ],
)
def test_english_syllables(word, syllables):
    assert r.english_syllables(word) == syllables


@pytest.mark.parametrize(
    ("word", "syllables"),
    [("agua", 2), ("bueno", 2), ("país", 2), ("día", 2), ("idea", 3), ("que", 1), ("guía", 2), ("muy", 1), ("y", 1), ("alcohol", 3), ("ketamina", 4), ("pingüino", 3)],
)
def test_spanish_syllables(word, syllables):
    assert r.spanish_syllables(word) == syllables


@pytest.mark.parametrize(
    ("word", "syllables"),
    [("oder", 2), ("Zeit", 1), ("Haus", 1), ("Leute", 2), ("Boot", 1), ("Liebe", 2), ("Studien", 3), ("Ärzte", 2), ("Behandlung", 3), ("USA", 3)],
)
def test_german_syllables(word, syllables):
    assert r.german_syllables(word) == syllables


@pytest.mark.parametrize(
    ("word", "syllables"),
    [("ami", 2), ("eau", 1), ("table", 1), ("femmes", 1), ("idée", 2), ("réaction", 3), ("naïf", 2), ("quand", 1), ("l'usage", 2), ("kétamine", 3), ("cocaïne", 3)],
)
def test_french_syllables(word, syllables):
    assert r.french_syllables(word) == syllables


# --- text, sentences and languages ------------------------------------------------------------------------


def test_markdown_is_stripped_and_every_line_is_a_sentence():
    text = r.plain_text("## What was studied\nSome **bold** and *soft* words.\n- a list item\n1. a numbered one\n\n`code`")
    assert text.splitlines() == ["What was studied.", "Some bold and soft words.", "a list item.", "a numbered one.", "code."]
    assert r.count(text, "en").sentences == 5


def test_sentence_ends():
    assert r.sentences("It costs 2.5 dollars, e.g. the usual price. Then 55 people came! Why? Because.") == [
        "It costs 2.5 dollars, e.g. the usual price",
        "Then 55 people came",
        "Why",
        "Because.",
    ]


def test_key_points_and_body_are_scored():
    assert r.screen_text(["One point.", "Two points."], "## Head\nBody text.") == "One point.\nTwo points.\nHead.\nBody text."


@pytest.mark.parametrize(("code", "name"), [("en", "Flesch-Kincaid grade"), ("es", "Fernández-Huerta"), ("es_MX", "Fernández-Huerta"), ("de", "Wiener Sachtextformel (WSTF1)"), ("fr", "Flesch (Kandel & Moles)")])
def test_formula_for_each_language(code, name):
    assert r.formula_for(code).name == name


@pytest.mark.parametrize("code", ["ja", "ko"])
def test_no_formula_rather_than_a_misleading_number(code):
    assert r.formula_for(code) is None


def test_portuguese_vietnamese_and_chinese_have_a_formula_or_a_stated_proxy():
    portuguese = r.count("A cetamina não é aprovada. Fale com a sua equipe de saúde.", "pt_BR")
    assert (portuguese.sentences, portuguese.words) == (2, 12)
    assert [r.portuguese_syllables(word) for word in ("não", "saúde", "ações", "equipe", "muito")] == [1, 3, 2, 3, 2]
    assert r.formula_for("pt_BR").score("A cetamina não é aprovada.", "pt_BR") == pytest.approx(248.835 - 1.015 * 5 - 84.6 * 11 / 5)
    assert r.formula_for("vi").score("Ketamine chưa được phê duyệt. Hãy hỏi bác sĩ.", "vi") == pytest.approx(4.5)  # 9 space-separated words, 2 sentences
    assert r.formula_for("zh_Hans").score("氯胺酮没有获批。请问医生，好吗？", "zh_Hans") == pytest.approx(6.5)  # 13 characters, 2 sentences
    assert "proxy" in r.formula_for("vi").name and "proxy" in r.formula_for("zh_Hans").name


def test_thresholds():
    english, spanish, german, french = (r.FORMULAS[code] for code in ("en", "es", "de", "fr"))
    assert english.hard_limit and not any(formula.hard_limit for formula in (spanish, german, french))
    assert english.fine(8.0) and not english.fine(8.01)
    assert spanish.fine(60) and not spanish.fine(59.9) and spanish.label(65) == "standard"
    assert german.fine(8) and not german.fine(8.1)
    assert french.fine(60) and not french.fine(59.9)
