"""A reader in the US reads US words ("randomized", "counseling", "fake pill"); everyone else reads the
English as written; the bibliography keeps every title as published (``content/en/us-words.yaml``).

Four independent reviews of the printed guide for a US reader (CDC Clear Communication Index item 7)
marked it down for "randomised, counselling, counsellor, diarrhoea, behavioural, toilet, dummy pill"."""

from __future__ import annotations

import html
import re

import pytest

from recovery_guide import i18n
from recovery_guide.guide_content.folder import ContentFolder, load_guide
from recovery_guide.guide_content.yaml_source import read_yaml
from recovery_guide.my_questions import MyQuestions
from recovery_guide.render.handout import build_handout, handout_html, handout_text
from recovery_guide.search import search
from recovery_guide.session import Session
from recovery_guide.storage import Store
from tests.helpers import ONE_LINE, line_of, run, run_in_process, settle, visible_text

BRITISH = tuple(pair["british"] for pair in read_yaml(ContentFolder().root / "en" / "us-words.yaml").data["words"])
PUBLISHED = ("multicentre randomised trial", "European Monitoring Centre for Drugs and Drug Addiction")
"""Titles and names in the sources list, exactly as published (a Lancet title, an agency's name)."""


def flat(text: str) -> str:
    """``text`` with tags, entities, Markdown escapes, the app's links to glossary ids and line breaks
    gone: what a reader reads, on one line."""
    text = html.unescape(re.sub(r"<[^>]+>|\(term:[a-z0-9-]+\)", " ", text)).replace("\\", "")
    return " ".join(text.split())


def british_in(text: str) -> list[str]:
    """The British forms of the pairs in ``text`` (whole words, any case)."""
    spaced = {form: r"\s+".join(map(re.escape, form.split())) for form in BRITISH}
    return [form for form in BRITISH if re.search(rf"(?<!\w){spaced[form]}(?!\w)", text, re.IGNORECASE)]


def reader_text(printed: str) -> str:
    """A printed guide without its citations (which keep their published words) or its HTML's styles."""
    text = flat(re.sub(r"<style.*?</style>|<[^>]*class=\"[^\"]*\btick\b[^\"]*\"[^>]*>", " ", printed, flags=re.DOTALL))
    for source in load_guide("en").sources.values():
        text = text.replace(flat(source.citation), " ")
    return text


@pytest.fixture(scope="module")
def prints():
    """``print`` for a reader in the US, the UK and nowhere known, in each format (the real command)."""
    found = {}
    for region in ("US", "GB", None):
        for kind in ("text", "markdown", "html"):
            result = run("print", "--format", kind, *(["--region", region] if region else []))
            assert result.returncode == 0, result.stderr
            found[region, kind] = result.stdout
    return found


@pytest.mark.parametrize("kind", ["text", "markdown", "html"])
def test_a_us_print_has_us_words_and_the_sources_keep_their_published_titles(prints, kind):
    printed = prints["US", kind]
    assert british_in(reader_text(printed)) == []
    for words in ("randomized", "counseling", "counselor", "diarrhea", "behavioral", "fake pill", "going to the bathroom", "stayed in the hospital"):
        assert words in reader_text(printed), words
    assert "(randomized)" in reader_text(printed), "the app's own words too: the key to the pictures"
    for title in PUBLISHED:
        assert title in flat(printed), f"a citation is never changed: {title}"


@pytest.mark.parametrize("kind", ["text", "markdown", "html"])
def test_a_reader_in_the_uk_or_nowhere_known_reads_the_english_as_written(prints, kind):
    for region in ("GB", None):
        text = reader_text(prints[region, kind])
        for words in ("randomised", "counselling", "dummy pill", "going to the toilet", "behavioural", "(randomised)"):
            assert words in text, (region, words)
        assert not re.search(r"randomized|counseling|fake pill", text), region
    folder = ContentFolder()
    assert folder.guide("en", "GB") is folder.english is folder.guide("en"), "the English guide itself, not a copy"
    assert folder.guide("es", "US") is folder.guide("es"), "a current translation has no English to change"


def test_translators_and_the_staleness_check_compare_against_the_english_as_written():
    folder = ContentFolder()
    us = folder.guide("en", "US")
    assert "counselling" in folder.english.page("research-opioids").body and "counseling" in us.page("research-opioids").body
    assert folder.english.sources == ContentFolder().english.sources
    assert [region.lines for region in us.regions][0][0].contact == folder.english.regions[0].lines[0].contact
    assert us.page("research-opioids").options[-2].id == "counselling-support", "ids never change"


@pytest.mark.slow
async def test_choosing_the_us_in_get_help_now_rewords_the_open_screen_at_once(tmp_path):
    from recovery_guide.tui.app import RecoveryGuideApp
    from recovery_guide.tui.screens.help_now import HelpNowScreen
    from recovery_guide.tui.screens.regions import RegionPicker

    guide = load_guide("en")
    app = RecoveryGuideApp(Session(guide, store=Store(tmp_path / "data")), acknowledged=True)
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot, lambda: app.reader is not None)
        app.go_to_page("research-opioids")
        await settle(pilot, lambda: "counselling" in visible_text(app))
        await pilot.press("h")
        await settle(pilot, lambda: isinstance(app.screen, HelpNowScreen))
        await pilot.press("r")
        await settle(pilot, lambda: isinstance(app.screen, RegionPicker))
        await pilot.press("down", "enter")  # every region, then US
        await settle(pilot, lambda: isinstance(app.screen, HelpNowScreen) and "It does not give counseling." in visible_text(app))  # the help lines' words too
        assert app.session.region_code == "US"
        await pilot.press("escape")
        await settle(pilot, lambda: app.screen is app.reader and "counseling" in visible_text(app))
        text = visible_text(app)
        assert "Both groups also had counseling." in text and "What talk therapy or counseling would come with the ketamine?" in text
        assert british_in(flat(text)) == []
        tooltips = [active.binding.tooltip for active in app.screen.active_bindings.values()]
        assert "Change the colors: standard, light, high contrast, monochrome" in tooltips, "the app's own words too"


def test_the_english_original_of_a_translated_screen_and_the_ui_speak_us_words_for_a_us_reader():
    session = Session(load_guide("es"), region_code="US")
    english = session.guide_in("en").page("research-opioids")
    assert "counseling" in english.body and "counselling" not in english.body
    with i18n.in_language("en"):
        assert i18n._("Change the colours: standard, light, high contrast, monochrome") == "Change the colors: standard, light, high contrast, monochrome"
    session.switch_language("en")
    assert i18n._("Change the colours: standard, light, high contrast, monochrome").startswith("Change the colors")
    session.set_region("GB")
    assert "counselling" in session.guide.page("research-opioids").body
    assert i18n._("Change the colours: standard, light, high contrast, monochrome").startswith("Change the colours")


def test_the_handout_for_a_us_reader_has_us_words():
    for region in ("US", "GB"):
        session = Session(load_guide("en"), region_code=region)
        guide = session.guide
        page = guide.page("research-opioids")
        question = next(question for question in page.questions if "ounsel" in question.text)
        session.toggle_question(page.id, question.id, question.text)
        for kind in ("text", "html"):
            handout = reader_text(session.handout(kind))
            if region == "US":
                assert british_in(handout) == [], kind
                assert "What talk therapy or counseling would come with the ketamine?" in handout
            else:
                assert "What talk therapy or counselling would come with the ketamine?" in handout, "a reader in the UK reads the English as written"
        view = build_handout(guide, MyQuestions(), region, visited=[page.id for page in guide.pages])
        assert ("It does not give counseling." in handout_text(view)) is (region == "US")
        assert ("randomized" in handout_html(view)) is (region == "US")


def test_a_us_reader_who_types_counseling_finds_it():
    us = Session(load_guide("en"), region_code="US").guide
    found = search(us, "counseling")
    assert {"research-opioids", "other-treatments"} <= {match.screen_id for match in found}
    assert all(match.snippet[slice(*match.highlight)].lower() == "counseling" for match in found)
    assert search(load_guide("en"), "counseling") == [], "a reader elsewhere reads (and finds) counselling"


# --- check ----------------------------------------------------------------------------------------------


def words_file(root):
    return root / "en" / "us-words.yaml"


def test_check_refuses_a_pair_no_english_text_uses(content_copy, capsys):
    path = words_file(content_copy)
    path.write_text(path.read_text(encoding="utf-8") + "  - {british: programme, us: program}\n", encoding="utf-8")
    result = run_in_process(capsys, "check", "--content", str(content_copy))
    assert result.returncode == 1
    found = [line for line in result.stdout.splitlines() if "us-words.yaml" in line]
    assert found == [f"{path}:{line_of(path, 'programme')}: words[{len(BRITISH)}].british: 'programme' is in no English text a reader sees: remove the pair (or mend its spelling)"]
    assert ONE_LINE.match(found[0]) and "Traceback" not in result.stdout + result.stderr


def test_a_pair_with_a_digit_stops_the_guide_with_one_line(content_copy):
    path = words_file(content_copy)
    path.write_text(path.read_text(encoding="utf-8") + "  - {british: ring 999, us: call 911}\n", encoding="utf-8")
    result = run("check", "--content", str(content_copy))
    assert result.returncode == 1
    expected = f"{path}:{line_of(path, 'ring 999')}: words[{len(BRITISH)}].british: 'ring 999' has a digit: a pair must never change a number or a contact"
    assert expected in result.stdout.splitlines()
    printed = run("print", "--content", str(content_copy), "--region", "US")
    assert printed.returncode == 2 and printed.stderr == f"recovery-guide: {expected}\n", "no traceback"


def test_check_refuses_a_pair_that_would_change_a_contact(content_copy, capsys):
    path = words_file(content_copy)
    path.write_text(path.read_text(encoding="utf-8") + "  - {british: call or text, us: phone or text}\n", encoding="utf-8")
    result = run_in_process(capsys, "check", "--content", str(content_copy))
    assert result.returncode == 1
    assert f"{path}:{line_of(path, 'call or text')}: words[{len(BRITISH)}].british: 'call or text' is in the contact of help line 'us-988': a pair must never change a contact" in result.stdout


def test_without_the_file_every_reader_reads_the_english_as_written(content_copy):
    words_file(content_copy).unlink()
    folder = ContentFolder(content_copy)
    assert folder.guide("en", "US") is folder.english
