"""Search finds words in the reader's language, ignoring case and accents, with short one-line snippets."""

from __future__ import annotations

import pytest

from recovery_guide.guide_content.folder import load_guide
from recovery_guide.search import search, snippet
from recovery_guide.view.body import plain_texts
from recovery_guide.textfold import cell_width, fold


@pytest.fixture(scope="module")
def spanish():
    return load_guide("es")


def check_snippet(match) -> None:
    assert "\n" not in match.snippet
    start, end = match.highlight
    assert 0 <= start < end <= len(match.snippet)
    assert cell_width(match.snippet) <= 60 + 2 * len("...") + cell_width(match.snippet[start:end])


def test_spanish_psicosis_finds_the_treatment_course(spanish):
    assert "psicosis" in spanish.page("treatment-course").body
    results = search(spanish, "psicosis")
    assert "treatment-course" in [m.screen_id for m in results]
    first = results[0]
    assert first.screen_id == "treatment-course" and first.kind == "body"
    assert first.snippet[slice(*first.highlight)] == "psicosis"
    assert results == search(spanish, "PSICOSIS") == search(spanish, "  Psicosis ")
    for match in results:
        check_snippet(match)


def test_accents_are_ignored_both_ways(spanish):
    found = search(spanish, "rinon")
    assert found and all(fold(m.snippet[slice(*m.highlight)]) == "rinon" for m in found)
    assert any("riñones" in m.snippet for m in found)
    assert found == search(spanish, "RIÑÓN")


def test_chinese_search_is_a_substring_search():
    chinese = load_guide("zh_Hans")
    results = search(chinese, "精神病")
    assert [m.screen_id for m in results if m.screen_id] == [
        # every ketamine card now names psychosis (r13, IPDAS Q5), so each research screen has it
        "treatment-course", "research-alcohol", "research-alcohol", "research-opioids",
        "research-cocaine", "research-cannabis", "side-effects-safety", "is-it-right",
    ]
    assert results[-1].kind == "glossary" and results[-1].term_id == "psychosis"
    for match in results:
        check_snippet(match)
        assert match.snippet[slice(*match.highlight)] == "精神病"


def test_vietnamese_without_tone_marks():
    vietnamese = load_guide("vi")
    assert any(m.screen_id == "research-alcohol" for m in search(vietnamese, "ruou"))  # rượu (alcohol)
    assert any(m.screen_id == "therapy" for m in search(vietnamese, "tai phat"))  # tái phát, in a therapy's name


def test_results_follow_reading_order_titles_first(guide):
    results = search(guide, "alcohol")
    screens = [m.screen_id for m in results if m.screen_id]
    assert screens == sorted(screens, key=guide.index_of)
    on_alcohol = [m.kind for m in results if m.screen_id == "research-alcohol"]
    assert on_alcohol[0] == "title" and on_alcohol[1] == "key-point"
    order = ["title", "key-point", "body", "option", "question"]
    assert on_alcohol == sorted(on_alcohol, key=order.index)


def test_every_part_of_a_screen_is_searched(guide):
    kinds = {m.kind for m in search(guide, "ketamine", limit=1000)}
    assert kinds == {"title", "key-point", "timeline", "body", "tiers", "option", "question", "glossary"}
    assert [m.kind for m in search(guide, "Alcoholics Anonymous")] == ["option", "body", "body", "glossary", "glossary"]
    question = search(guide, "how far apart")
    assert [(m.screen_id, m.kind) for m in question] == [("treatment-course", "question")]


def test_glossary_results_name_the_term(guide):
    results = search(guide, "coin toss")
    assert [(m.screen_id, m.kind, m.term_id) for m in results] == [(None, "glossary", "randomised-trial")]
    assert results[0].snippet[slice(*results[0].highlight)] == "coin toss"
    assert search(guide, "randomised trial")[-1].snippet.startswith("randomised trial: ")


def test_markdown_is_not_in_snippets(guide):
    for match in search(guide, "Grabski", limit=1000):
        assert "**" not in match.snippet and "##" not in match.snippet


def test_limit_and_empty_queries(guide):
    assert len(search(guide, "ketamine", limit=7)) == 7
    assert len(search(guide, "ketamine")) == 50
    assert search(guide, "") == [] == search(guide, "   \n ")
    assert search(guide, "no such words anywhere") == []


def test_snippets_are_cut_between_words_with_dots():
    text = "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen"
    start = text.index("nine")
    shown, (a, b) = snippet(text, start, start + 4, width=30)
    assert shown.startswith("...") and shown.endswith("...")
    assert shown[a:b] == "nine"
    assert all(word in text.split() for word in shown.strip(".").split())
    assert snippet("short text", 0, 5) == ("short text", (0, 5))


def test_body_blocks_strip_markdown():
    body = "## What\nSome **bold** text\ngoes on.\n\n- an item\n- another\n1. numbered"
    assert plain_texts(body) == ["What", "Some bold text goes on.", "an item", "another", "numbered"]


def test_folding_removes_case_and_accents_and_keeps_chinese():
    assert fold("Riñón") == "rinon" == fold("RIÑÓN")
    assert fold("Übelkeit  und\nSchwindel") == "ubelkeit und schwindel"
    assert fold("Đường dẫn") == "duong dan"
    assert fold("Straße") == "strasse"
    assert fold("精神病性症状") == "精神病性症状"
