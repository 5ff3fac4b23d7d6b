"""The safety statements a reader must not miss (issue 13), read from the built English guide.

Each test looks at what a reader is shown (the page's blocks, key points and help lines), not at the
YAML, so it fails if the statement is removed, moved under the wrong heading, or left out of a writer.
"""

from __future__ import annotations

import re

import pytest

from recovery_guide.model import Urgency
from recovery_guide.view.blocks import BulletList, Heading, KeyPoints, Paragraph
from recovery_guide.view.pages import help_lines, page_view

NEVER_ALONE = re.compile(r"do not use ketamine on your own", re.I)
ALONE_PLACES = ("street", "online", "at home outside your treatment team's plan")


def plain(text: str) -> str:
    return text.replace("**", "")


def sections(guide, screen_id: str) -> dict[str, str]:
    """Each heading of a screen's body and the words under it (paragraphs and list items, joined)."""
    view = page_view(guide, guide.page(screen_id))
    found: dict[str, list[str]] = {}
    current = ""
    for block in view.blocks:
        if isinstance(block, Heading):
            current = plain(block.text)
            found.setdefault(current, [])
        elif isinstance(block, Paragraph):
            found.setdefault(current, []).append(plain(block.text))
        elif isinstance(block, BulletList):
            found.setdefault(current, []).extend(plain(item.text) for item in block.items)
    return {heading: "\n".join(words) for heading, words in found.items()}


def key_points(guide, screen_id: str) -> tuple[str, ...]:
    view = page_view(guide, guide.page(screen_id))
    return next(block.points for block in view.blocks if isinstance(block, KeyPoints))


def whole(guide, screen_id: str) -> str:
    return "\n".join(sections(guide, screen_id).values())


@pytest.mark.parametrize("screen_id", ["ketamine-basics", "research-cocaine", "side-effects-safety"])
def test_never_on_your_own_is_said_with_street_online_and_home(guide, screen_id):
    text = whole(guide, screen_id)
    sentence = next((line for line in re.split(r"(?<=\.)\s+|\n", text) if NEVER_ALONE.search(line)), None)
    assert sentence, f"{screen_id}: no 'do not use ketamine on your own'"
    for place in ALONE_PLACES:
        assert place in text, f"{screen_id}: never-on-your-own does not name {place!r}"


def test_safety_key_points_say_never_on_your_own(guide):
    points = key_points(guide, "side-effects-safety")
    assert any(NEVER_ALONE.search(point) and "street" in point for point in points), points


def test_pregnancy_and_breastfeeding_and_blood_pressure_conditions(guide):
    text = whole(guide, "side-effects-safety").lower()
    for words in ("pregnan", "breastfeed", "pre-eclampsia", "eclampsia", "heart disease", "stroke", "head injury"):
        assert words in text, words
    questions = " ".join(question.text for question in guide.page("side-effects-safety").questions).lower()
    assert "pregnant" in questions and "breastfeeding" in questions


@pytest.mark.parametrize("screen_id", ["research-opioids", "side-effects-safety"])
def test_breathing_danger_has_its_own_heading_and_names_what_not_to_mix(guide, screen_id):
    found = sections(guide, screen_id)
    heading = next((title for title in found if title.lower().startswith("breathing")), None)
    assert heading, f"{screen_id}: no heading about breathing: {list(found)}"
    first = re.split(r"(?<=\.)\s", found[heading])[0].lower()
    for words in ("opioids", "benzodiazepines", "alcohol", "breathing", "coma", "die"):
        assert words in first, f"{screen_id}: the first sentence under {heading!r} lacks {words!r}: {first}"
    raw = guide.page(screen_id).body
    assert raw.count("**Ketamine taken with opioids") == 1, "the warning is in bold, once"


@pytest.mark.parametrize("screen_id", ["get-help-now"])
def test_overdose_signs_and_naloxone(guide, screen_id):
    """The signs in full on Get help now; the opioid screen points there (r7: printed twice), which
    test_comparable_numbers checks, and keeps its own naloxone section."""
    found = sections(guide, screen_id)
    signs = next((words for title, words in found.items() if "overdose" in title.lower() and "sign" in title.lower()), "")
    for sign in ("small pupils", "not waking", "slow, shallow breathing", "choking or gurgling", "limp body", "blue or cold skin"):
        assert sign in signs, f"{screen_id}: overdose signs lack {sign!r}"
    naloxone = next((words for title, words in found.items() if "naloxone" in title.lower()), "")
    assert "undo an opioid overdose" in naloxone and "without a prescription since 2023" in naloxone, naloxone


def test_stopping_methadone_or_buprenorphine_explains_tolerance(guide):
    text = whole(guide, "research-opioids")
    assert "tolerance falls" in text and "methadone or buprenorphine" in text
    assert re.search(r"talk to your provider before", text, re.I)


def test_memory_flashbacks_liver_signs_and_adults_only(guide):
    text = whole(guide, "side-effects-safety").lower()
    for words in ("memory", "paying attention", "flashbacks", "yellow skin or yellow eyes", "pain in the belly", "were in adults"):
        assert words in text, words


TIERS = {
    "NOW: call your emergency number": ("sudden confusion", "weakness on one side", "trouble speaking", "cannot wake", "very slow breathing", "chest pain"),
    "TODAY: call your clinic": ("pass urine often", "strong urges to use ketamine again", "used ketamine outside the clinic", "used drugs in the days around a session"),
    "NEXT VISIT: tell your team": ("memory",),
}


def test_urgency_tiers_are_in_distinct_words_with_their_symptoms(guide):
    found = {tier.heading: " ".join(tier.signs) for tier in guide.page("side-effects-safety").urgency_tiers}
    assert list(found) == list(TIERS), "three tiers, most urgent first"
    for tier, symptoms in TIERS.items():
        for symptom in symptoms:
            assert symptom in found[tier], f"{symptom!r} is not under {tier!r}"
    others = {tier: set(tier.lower().split()) for tier in TIERS}
    for tier, words in others.items():
        for other, other_words in others.items():
            if other != tier:
                assert words - other_words, f"{tier!r} is not told apart from {other!r} by its words"
    # bladder symptoms and urges moved up from "next visit" to "today"
    assert "urges" not in found["NEXT VISIT: tell your team"]
    assert "urine" not in found["NEXT VISIT: tell your team"]


REQUIRED_REGIONS = {"US", "GB", "ES", "AU", "CA", "IE", "FR", "DE", "MX", "BR", "IN", "VN", "CN", "TW"}


def test_every_required_region_is_listed(guide):
    assert REQUIRED_REGIONS <= {region.code for region in guide.regions}


def test_every_region_has_an_emergency_number_a_checked_date_and_a_source(guide):
    for region in guide.regions:
        emergency = region.lines_of(Urgency.EMERGENCY)
        assert emergency and all(re.search(r"\d", line.contact) for line in emergency), region.code
        assert region.checked is not None, region.code
        assert region.checked_from, region.code
        for line in region.lines:
            assert line.source_id in guide.sources, (region.code, line.id)


def test_vietnam_says_it_has_no_crisis_line_rather_than_inventing_one(guide):
    vietnam = guide.region("VN")
    assert not vietnam.lines_of(Urgency.CRISIS)
    assert any("could not find a national crisis line" in line.about for line in vietnam.lines)


@pytest.mark.parametrize("writer", ["text", "markdown", "html"])
def test_the_readers_region_shows_when_and_from_what_it_was_checked(guide, writer):
    from recovery_guide.render.html import HtmlWriter
    from recovery_guide.render.markdown import MarkdownWriter
    from recovery_guide.render.text import TextWriter

    write = {"text": TextWriter(), "markdown": MarkdownWriter(), "html": HtmlWriter()}[writer].write
    shown = write(help_lines(guide, "CA"))
    assert "numbers last checked November 27, 2026" in shown
    assert "Checked against: Government of Canada" in shown
    assert "9-1-1" in shown


def test_no_contact_starts_with_a_capital_after_the_urgency_word(guide):
    from recovery_guide.render.text import compact_region

    for region in guide.regions:
        assert not re.search(r"(emergency|crisis): [A-Z]", compact_region(region).replace("\n    ", " ")), region.code


@pytest.mark.parametrize(
    ("locale", "region"),
    [("vi", "VN"), ("zh_Hant", "TW"), ("zh_Hans.UTF-8", "CN"), ("de", "DE"), ("pt_BR.UTF-8", "BR"), ("es_MX.UTF-8", "MX"), ("C.UTF-8", None)],
)
def test_a_locale_that_names_only_a_language_picks_a_listed_region(guide, locale, region):
    from recovery_guide.i18n import region_from_environment

    found = region_from_environment({"LANG": locale})
    assert found == region
    if region:
        assert guide.region(found) is not None, f"{found} is guessed but not listed"


def test_the_sources_a_region_was_checked_against_join_cleanly(guide):
    from recovery_guide import wording

    shown = wording.region_checked_from(guide.region("US").checked_from)
    assert ".;" not in shown
    assert all(citation.rstrip(".") in shown for citation in guide.region("US").checked_from)


@pytest.mark.slow
async def test_the_app_region_picker_offers_the_new_regions_and_shows_when_and_from_what_they_were_checked(guide):
    from recovery_guide.session import Session
    from recovery_guide.tui.app import RecoveryGuideApp
    from recovery_guide.tui.screens.help_now import HelpNowScreen
    from recovery_guide.tui.screens.regions import RegionPicker
    from tests.helpers import settle, visible_text

    app = RecoveryGuideApp(Session(guide))
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("h")
        await settle(pilot, lambda: isinstance(app.screen, HelpNowScreen))
        await pilot.press("r")
        await settle(pilot, lambda: isinstance(app.screen, RegionPicker))
        listed = visible_text(app)
        for name in ("Vietnam (VN)", "China (CN)", "Taiwan (TW)"):
            assert name in listed, name
        await pilot.press("end", "enter")  # the last region: Taiwan
        await settle(pilot, lambda: isinstance(app.screen, HelpNowScreen) and app.session.region_code == "TW")
        text = visible_text(app)
        assert "Taiwan: numbers last checked November 27, 2026" in text
        assert "Checked against: Hsinchu City Fire Bureau" in text


@pytest.mark.parametrize(("language", "first"), [("es", {"ES", "MX"}), ("fr", {"FR", "CA"}), ("de", {"DE"}), ("pt_BR", {"BR"}), ("vi", {"VN"}), ("zh_Hans", {"CN", "TW"})])
def test_the_countries_where_the_readers_language_is_spoken_are_listed_first(language, first):
    """Every translation's reviewer found their readers' countries listed after ones few of them live in."""
    from recovery_guide.guide_content.folder import load_guide

    regions = [region.code for region in help_lines(load_guide(language), None).regions]
    assert set(regions[: len(first)]) == first, regions
    assert sorted(regions) == sorted(region.code for region in load_guide("en").regions), "no region is dropped"


def test_the_opioid_screen_keeps_what_naloxone_is(guide):
    found = sections(guide, "research-opioids")
    naloxone = next((words for title, words in found.items() if "naloxone" in title.lower()), "")
    assert "undo an opioid overdose" in naloxone and "without a prescription since 2023" in naloxone, naloxone


# --- pregnancy on the opioid medicines, and naltrexone's opioid-free days (review r10, section 4 items 1
# and 14: under "who should not use it", a pregnant reader could stop; "you go 7 to 10 days with no
# opioids" read as withdrawing alone) ---


def option(guide, screen_id: str, option_id: str):
    return next(found for found in guide.page(screen_id).options if found.id == option_id)


@pytest.mark.parametrize("option_id", ["buprenorphine", "methadone"])
def test_the_pregnancy_line_on_opioid_medicines_says_talk_to_your_provider_and_do_not_stop_alone(guide, option_id):
    said = " ".join(option(guide, "research-opioids", option_id).not_for.split())
    assert "If you are pregnant or could be, talk with your provider." in said
    assert "Do not stop it on your own: stopping without a plan raises the risk of an overdose." in said
    assert said.index("pregnancy") < said.index("Do not stop it on your own"), "the fact, then what to do"


def test_naltrexone_injections_opioid_free_days_are_planned_with_the_care_team(guide):
    like = " ".join(option(guide, "research-opioids", "naltrexone-injection").like.split())
    assert "Your care team plans this with you" in like and "you do not do it alone" in like
    assert "If you take methadone or buprenorphine now, this needs medical care." in like


@pytest.mark.parametrize("screen_id", ["research-alcohol", "research-cocaine"])
def test_no_reassurance_the_sources_do_not_give(guide, screen_id):
    """Review r10 (section 4 item 4): "people handled ketamine well" says more than a small trial can."""
    text = " ".join(plain(section) for section in sections(guide, screen_id).values())
    assert "handled" not in text


def test_safety_in_brief_says_the_numbers_are_esketamine_in_depression_not_ketamine_for_drug_problems(guide):
    """Review r13 ("Population mismatch"): the step 9 side-effect numbers come from esketamine trials in
    depression; the "In brief" says so, and that there are no good numbers for ketamine in addiction care."""
    points = " ".join(key_points(guide, "side-effects-safety"))
    assert "esketamine" in points and "depression" in points, points
    assert "no good numbers for ketamine's side effects when it is used for drug or alcohol problems" in points
