"""Glossary terms are listed on the screens that use them, found in the text, sorted and filtered per language."""

from __future__ import annotations

import warnings

import pytest

from recovery_guide.glossary import collation_key, filter_terms, screen_terms, screens_using, sorted_terms, term_spans
from recovery_guide.guide_content.folder import load_guide
from recovery_guide.guide_content.yaml_source import ContentError
from recovery_guide.model import Term
from recovery_guide.guide_content.folder import ContentFolder
from recovery_guide.guide_content.translators import states

SHIPPED = ["es", "fr", "de", "pt_BR", "zh_Hans", "vi"]


def term(term_id: str, text: str, *forms: str) -> Term:
    return Term(id=term_id, term=text, definition="...", forms=forms)


def found(text: str, terms: list[Term]) -> list[tuple[str, str]]:
    return [(text[start:end], term_id) for start, end, term_id in term_spans(text, terms)]


# --- term_spans ---------------------------------------------------------------------------------------


def test_terms_are_found_as_whole_words_ignoring_case():
    terms = [term("review", "review", "reviews")]
    assert found("A Review. Two reviews. It was reviewed, in a preview.", terms) == [("Review", "review"), ("reviews", "review")]


def test_the_longest_match_wins_and_spans_do_not_overlap():
    terms = [term("relapse", "relapse"), term("mbrp", "mindfulness-based relapse prevention"), term("mindfulness", "mindfulness")]
    text = "Mindfulness-based relapse prevention helps. Relapse is common. Mindfulness too."
    assert found(text, terms) == [("Mindfulness-based relapse prevention", "mbrp"), ("Relapse", "relapse"), ("Mindfulness", "mindfulness")]


def test_forms_and_line_breaks_between_words():
    terms = [term("talking-therapy", "talking therapy (psychotherapy)", "talking therapy", "talk therapy")]
    assert found("with talk\ntherapy and talking therapy", terms) == [("talk\ntherapy", "talking-therapy"), ("talking therapy", "talking-therapy")]


def test_markdown_emphasis_does_not_hide_a_term():
    assert found("- **Existential therapy.** Talks", [term("existential-therapy", "existential therapy")]) == [("Existential therapy", "existential-therapy")]


def test_chinese_terms_match_without_word_boundaries():
    terms = [term("psychosis", "精神病性症状"), term("maois", "单胺氧化酶抑制剂（MAOIs）", "MAOIs")]
    text = "曾经与现实脱节（精神病性症状），也请告诉他们。某些抗抑郁药物（单胺氧化酶抑制剂，MAOIs）"
    assert found(text, terms) == [("精神病性症状", "psychosis"), ("MAOIs", "maois")]


def test_latin_terms_inside_chinese_text_still_match():
    assert found("使用FDA批准的药物", [term("fda", "FDA")]) == [("FDA", "fda")]
    assert found("FDAX", [term("fda", "FDA")]) == []


def test_accented_words_and_their_boundaries():
    terms = [term("psychosis", "psicosis"), term("relapse", "tái nghiện")]
    assert found("la psicosis; psicosisx; TÁI NGHIỆN.", terms) == [("psicosis", "psychosis"), ("TÁI NGHIỆN", "relapse")]


# --- the content ----------------------------------------------------------------------------------------


def screen_text(screen) -> str:
    from recovery_guide.readability import option_texts

    return "\n".join([*screen.key_points, screen.body, *option_texts(screen)])


def test_every_listed_term_is_found_on_its_screen_in_english(guide):
    listed = 0
    for screen in guide.pages:
        terms = screen_terms(guide, screen)
        assert len(terms) == len(screen.terms), screen.id
        ids = {term_id for _start, _end, term_id in term_spans(screen_text(screen), terms)}
        assert ids == set(screen.terms), f"{screen.id}: listed but not found in the text: {set(screen.terms) - ids}"
        listed += len(terms)
    assert listed > 50


def test_reading_screens_list_their_terms(guide):
    for screen_id in ["ketamine-basics", "treatment-course", "research-alcohol", "side-effects-safety", "therapy"]:
        assert len(guide.page(screen_id).terms) >= 5, screen_id


@pytest.mark.parametrize("code", SHIPPED)
def test_translations_inherit_the_terms_and_report_coverage(code, guide):
    translated = load_guide(code)
    missing = []
    total = 0
    for english, screen in zip(guide.pages, translated.pages):
        assert screen.terms == english.terms
        terms = screen_terms(translated, screen)
        ids = {term_id for _start, _end, term_id in term_spans(screen_text(screen), terms)}
        total += len(terms)
        missing += [f"{screen.id}: {t.term}" for t in terms if t.id not in ids]
    if missing:  # reported, not failed: a translation may use a form no glossary entry lists yet
        warnings.warn(f"{code}: {total - len(missing)} of {total} listed terms found in the text; not found: {missing}", stacklevel=1)


def test_terms_do_not_change_the_translation_hash(content_copy):
    path = content_copy / "en" / "screens" / "03-treatment-course.yaml"
    text = path.read_text(encoding="utf-8")
    before = states(ContentFolder(content_copy), "es", "screen")["treatment-course"]
    path.write_text(text.replace("terms: [psychosis, ", "terms: [placebo, psychosis, "), encoding="utf-8")
    assert load_guide("en", content_copy).page("treatment-course").terms[0] == "placebo"
    assert states(ContentFolder(content_copy), "es", "screen")["treatment-course"] == before


def test_an_unknown_term_id_is_located(content_copy):
    path = content_copy / "en" / "screens" / "03-treatment-course.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("terms: [psychosis, ", "terms: [psychosis, no-such-term, "), encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        load_guide("en", content_copy)
    error = caught.value
    assert (error.file, error.field_path) == (str(path), "terms[1]")
    assert "unknown term id 'no-such-term'" in error.message
    assert "no-such-term" in path.read_text(encoding="utf-8").splitlines()[error.line - 1]


def test_forms_come_from_each_language(guide):
    assert "infusions" in next(t for t in guide.glossary if t.id == "infusion").forms
    spanish = load_guide("es")
    assert "infusiones" in next(t for t in spanish.glossary if t.id == "infusion").forms


# --- where used, sorting, filtering ---------------------------------------------------------------------


def test_screens_using_a_term_in_reading_order(guide):
    used = [screen.id for screen in screens_using(guide, "psychosis")]
    assert used == ["treatment-course", "side-effects-safety", "is-it-right"]
    assert screens_using(guide, "no-such-term") == []


def test_every_glossary_term_is_used_somewhere(guide):
    unused = [t.id for t in guide.glossary if not screens_using(guide, t.id)]
    assert unused == []


def test_english_terms_sort_alphabetically_ignoring_case(guide):
    names = [t.term for t in sorted_terms(guide)]
    assert names == sorted(names, key=str.casefold)
    assert names.index("FDA") < names.index("gabapentin")


def test_sorting_is_accent_aware():
    assert collation_key("Übelkeit", "de") < collation_key("Vene", "de")
    assert collation_key("éthique", "fr") < collation_key("fin", "fr")
    assert collation_key("anzuelo", "es") < collation_key("año", "es") < collation_key("apio", "es")
    assert collation_key("dùng", "vi") < collation_key("đường", "vi") < collation_key("esketamine", "vi")
    assert collation_key("an", "vi") < collation_key("ăn", "vi") < collation_key("ấn", "vi") < collation_key("bé", "vi")


@pytest.mark.parametrize("code", SHIPPED)
def test_every_language_sorts_every_term(code):
    translated = load_guide(code)
    ordered = sorted_terms(translated)
    assert {t.id for t in ordered} == {t.id for t in translated.glossary}


def test_chinese_sorts_latin_first_then_by_character():
    terms = [t.term for t in sorted_terms(load_guide("zh_Hans"))]
    assert terms[:3] == ["12步互助小组", "FDA", "丁丙诺啡"]
    assert terms[2:] == sorted(terms[2:])


def test_filter_ignores_case_and_accents_and_reads_definitions():
    spanish = sorted_terms(load_guide("es"))
    assert [t.id for t in filter_terms(spanish, "PSICOSIS")] == ["psychosis"]
    assert "abstinence" in [t.id for t in filter_terms(spanish, "abstinencia")]
    assert "infusion" in [t.id for t in filter_terms(spanish, "traves")]  # "a través de un goteo" in the definition
    assert filter_terms(spanish, "  ") == spanish
    assert filter_terms(spanish, "zzzz") == []


def test_filter_chinese_by_substring():
    chinese = load_guide("zh_Hans").glossary
    assert [t.id for t in filter_terms(chinese, "精神病")] == ["psychosis"]
