"""Equal detail for every option (issue #13, IPDAS): each research screen sets ketamine beside the
standard options in the same fields, and every writer shows every option under every label."""

from __future__ import annotations

import dataclasses
import io
import re

import pytest

from recovery_guide import wording
from recovery_guide.guide_content.overlay import CURRENT, DIFFERENT, source_hash, state
from recovery_guide.model import TreatmentOption
from recovery_guide.plain import PlainReader
from recovery_guide.render.html import HtmlWriter, guide_html
from recovery_guide.render.markdown import guide_markdown
from recovery_guide.render.text import TextWriter, guide_text
from recovery_guide.session import Session
from recovery_guide.tui.reading_page import ReadingPage
from recovery_guide.view.blocks import OptionsTable, Questions
from recovery_guide.view.pages import page_view

RESEARCH = {
    "research-alcohol": ["naltrexone-pill", "naltrexone-injection", "acamprosate", "disulfiram", "topiramate", "gabapentin", "talking-therapies", "mutual-help"],
    "research-opioids": ["buprenorphine", "methadone", "naltrexone-injection", "naloxone"],
    "research-cocaine": ["contingency-management", "talking-therapy"],
    "research-cannabis": ["talking-therapy", "contingency-management"],
}
"""Each research screen and the standard options it must set beside ketamine."""

FIELDS = [field.name for field in dataclasses.fields(TreatmentOption)]


def labels() -> list[str]:
    return [label for _name, label in wording.option_labels()]


def options_of(guide, screen_id: str) -> tuple[TreatmentOption, ...]:
    return guide.page(screen_id).options


# --- the content --------------------------------------------------------------------------------------


@pytest.mark.parametrize("screen_id", RESEARCH)
def test_every_option_has_every_field_filled(guide, screen_id):
    options = options_of(guide, screen_id)
    assert options, f"{screen_id} has no options"
    for option in options:
        for name in FIELDS:
            value = getattr(option, name)
            if name == "evidence_level":  # 0: not rated (staying with current care), said so in the grid
                assert value in range(0, 6), f"{screen_id}/{option.id}: evidence_level {value!r}"
                continue
            assert value and (not isinstance(value, str) or value.strip()), f"{screen_id}/{option.id}: {name} is empty"
        assert set(option.source_ids) <= set(guide.sources), f"{screen_id}/{option.id}: unknown source"


@pytest.mark.parametrize("screen_id", RESEARCH)
def test_ketamine_first_current_care_last_and_the_standard_options_between(guide, screen_id):
    ids = [option.id for option in options_of(guide, screen_id)]
    assert ids[0] == "ketamine"
    assert ids[-1] == "current-care"
    assert ids[1:-1] == RESEARCH[screen_id] or set(RESEARCH[screen_id]) <= set(ids[1:-1]), ids
    assert "not approved" in options_of(guide, screen_id)[0].approved
    intro = guide.page(screen_id).options_intro
    assert "ketamine-assisted treatment, another option, or a mix" in intro, "the decision is stated before the options"


def test_no_option_gives_a_dose_or_a_bare_percentage(guide):
    for screen_id in RESEARCH:
        for option in options_of(guide, screen_id):
            for name in TreatmentOption.TEXT_FIELDS:
                text = getattr(option, name)
                assert not re.search(r"\d\s*(mg|milligram|ml)\b", text, re.IGNORECASE), f"{option.id}.{name}: a dose"
                assert "%" not in text and "per cent" not in text and "percent" not in text, f"{option.id}.{name}: a percentage"


def test_numbers_in_the_research_field_are_out_of_100_with_a_comparison(guide):
    """"about 48 in 100 ... about 11 in 100": an "in 100" figure always has its comparison beside it."""
    for screen_id in RESEARCH:
        for option in options_of(guide, screen_id):
            count = len(re.findall(r"\bin 100\b", option.research))
            if count:
                assert count >= 2 or "than with" in option.research or "fewer in 100" in option.research, f"{option.id}: {option.research}"


# --- the view and every writer ----------------------------------------------------------------------------


def options_block(guide, screen_id: str) -> OptionsTable:
    view = page_view(guide, guide.page(screen_id))
    blocks = list(view.blocks)
    found = [block for block in blocks if isinstance(block, OptionsTable)]
    assert len(found) == 1
    questions = next(index for index, block in enumerate(blocks) if isinstance(block, Questions))
    assert blocks.index(found[0]) < questions, "the options come after the body, before the questions"
    return found[0]


def test_screens_without_options_have_no_options_block(guide):
    assert not any(isinstance(block, OptionsTable) for block in page_view(guide, guide.page("therapy")).blocks)


def flat(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("screen_id", RESEARCH)
def test_text_and_read_mode_write_a_card_per_option_with_every_label(guide, screen_id):
    block = options_block(guide, screen_id)
    for writer in (TextWriter(), TextWriter(plain=True)):
        text = flat(writer.write(block))
        for option in block.options:
            assert option.name in text
            for name, label in wording.option_labels():
                assert flat(wording.labelled(label, getattr(option, name))) in text, f"{option.id}: {label}"
    assert all(len(line) <= 78 for line in TextWriter().write(block).splitlines()), "wrapped for paper and terminals"


@pytest.mark.parametrize("screen_id", RESEARCH)
def test_every_card_shows_its_research_strength_on_the_one_scale_right_after_the_research(guide, screen_id):
    """r7 (PEMAT 6e, CCI 16): the cards rated themselves in words ("How sure: fairly sure") beside the
    grid's squares, two scales with no link. Now each card, in every writer, shows the grid's own
    scale line right after the research text, and before the next field."""
    from html import escape

    from recovery_guide.render.markdown import MarkdownWriter, escape_markdown
    from recovery_guide.tui.widgets.option_cards import card_text

    block = options_block(guide, screen_id)
    next_label = wording.option_labels()[3][1]
    for option in block.options:
        scale = option.evidence_level and wording.evidence_scale_line(option.evidence_level)
        words = option.evidence_level and wording.evidence_scale_line(option.evidence_level, dots=False)
        research = flat(option.research)
        expected = {
            "print": (TextWriter().write(block), scale, research),
            "read": (TextWriter(plain=True).write(block), words, research),
            "markdown": (MarkdownWriter().write(block), scale, flat(escape_markdown(option.research))),
            "html": (HtmlWriter().write(block).replace('<span class="marks">', "").replace("</span>", ""), scale, flat(escape(option.research))),  # the squares' own span
            "app": (card_text(option).plain, scale, research),
        }
        for writer, (text, line, said) in expected.items():
            text = flat(text)
            line = flat(wording.evidence(line or wording.not_rated()))
            after = text.index(said) + len(said)
            assert text.index(line, after) - after <= 12, f"{writer}: {option.id}: the scale right after the research"
            assert text.index(line, after) < text.index(next_label, after), f"{writer}: {option.id}"


def test_read_mode_shows_the_options(guide):
    out = io.StringIO()
    reader = PlainReader(Session(guide), stdin=io.StringIO(""), stdout=out)
    reader.say(reader.writer.page(page_view(guide, guide.page("research-opioids"))))
    text = flat(out.getvalue())
    assert wording.options_heading() in text
    for option in options_of(guide, "research-opioids"):
        assert option.name in text


def test_print_markdown_and_html_show_every_option_and_label(guide):
    text, markdown, html = flat(guide_text(guide)), guide_markdown(guide), guide_html(guide)
    for screen_id in RESEARCH:
        for option in options_of(guide, screen_id):
            assert option.name in text
            assert f"#### " in markdown and option.name in markdown
            assert f"{option.name}</h4>" in html.replace("&#x27;", "'")
    for label in labels():
        assert f"**{wording.label_line(label)}**" in markdown
        assert f"<dt>{''.join(wording.label_parts(label)[:2])}</dt>" in html
        assert label in text


def test_the_html_options_are_cards_and_their_content_is_escaped():
    """Review r16: the options table ran off the page; each option is a card (tests/test_html_option_cards.py)."""
    written = HtmlWriter().write(OptionsTable((TreatmentOption("x", "<b>X</b>", "a", "b", "c", "d", "e", "f"),)))
    assert "<table" not in written and '<section class="option-card"><h4>1. ' in written
    assert "<b>X</b>" not in written and "&lt;b&gt;X&lt;/b&gt;" in written, "content is escaped"


def test_the_reading_page_hands_the_options_to_their_own_widget(guide):
    parts = ReadingPage().parts(page_view(guide, guide.page("research-cocaine")))
    assert parts.options is not None and len(parts.options.options) == len(options_of(guide, "research-cocaine"))
    assert wording.options_heading() not in parts.extra


# --- translations ---------------------------------------------------------------------------------------------


def test_option_words_are_hashed_and_option_ids_are_structure(guide):
    page = guide.page("research-alcohol")
    stamped = dataclasses.replace(page, translated_from=source_hash(page))
    assert state(page, stamped) == CURRENT
    reworded = dataclasses.replace(page, options=(dataclasses.replace(page.options[0], research="Changed."), *page.options[1:]))
    assert source_hash(reworded) != source_hash(page), "a changed option makes the translation stale"
    dropped = dataclasses.replace(stamped, options=page.options[:-1])
    assert state(page, dropped) == DIFFERENT, "a translation must keep the same options in the same order"
    reordered = dataclasses.replace(stamped, options=tuple(reversed(page.options)))
    assert state(page, reordered) == DIFFERENT


def test_a_current_translation_replaces_the_option_words(guide, content_copy):
    import yaml

    from recovery_guide.guide_content.folder import load_guide

    english = guide.page("research-cannabis")
    path = content_copy / "es" / "screens" / "08-research-cannabis.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["options_intro"] = "Introducción."
    data["options"] = [{"id": option.id, **{name: f"ES {option.id} {name}" for name in TreatmentOption.TEXT_FIELDS}} for option in english.options]
    data["translation"] = {"source_hash": source_hash(english)}  # as `translations stamp` would
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    spanish = load_guide("es", content_copy).page("research-cannabis")
    assert spanish.language == "es"
    assert [option.name for option in spanish.options] == [f"ES {option.id} name" for option in english.options]
    assert [option.source_ids for option in spanish.options] == [option.source_ids for option in english.options], "sources come from the English"
    assert spanish.options_intro == "Introducción."


# --- the app: stacked cards, nothing cut off ---------------------------------------------------------------


def screen_text(app) -> str:
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


@pytest.mark.slow
@pytest.mark.parametrize("size", [(60, 20), (100, 30)], ids=["60x20", "100x30"])
async def test_app_shows_every_option_card_whole_when_scrolled(guide, size):
    from recovery_guide.tui.app import RecoveryGuideApp
    from recovery_guide.tui.screens.reader import ReaderScreen, ReadingPane
    from recovery_guide.tui.widgets.option_cards import OptionCard
    from tests.helpers import BOX, acknowledge, rendered, settle

    app = RecoveryGuideApp(Session(guide))
    async with app.run_test(size=size) as pilot:
        await acknowledge(pilot)
        await settle(pilot, lambda: isinstance(app.screen, ReaderScreen))
        reader = app.screen
        pane = reader.query_one(ReadingPane)
        for screen_id in RESEARCH:
            index = guide.index_of(screen_id)
            reader.index = index
            await settle(pilot, lambda: reader.index == index and len(reader.query(OptionCard)) == len(options_of(guide, screen_id)))
            for card, option in zip(reader.query(OptionCard), options_of(guide, screen_id)):
                room = card.parent.content_size.width
                assert card.outer_size.width <= room, f"{option.id}: {card.outer_size.width} cells wide, room for {room}"
                pane.scroll_to_widget(card, animate=False, top=True)
                await settle(pilot, lambda: card.region.y >= pane.content_region.y)
                shown = screen_text(app)
                whole = rendered(card)
                # a long name ("Staying with your current care, or no treatment for now") may wrap: its start is on
                # screen at the top of the card, and the card draws all of it, nothing cut off
                assert " ".join(option.name.split()[:4]) in shown, f"{screen_id}/{option.id}: the name is not shown at {size}:\n{shown}"
                assert BOX.sub("", option.name) in whole, f"{screen_id}/{option.id}: the name is not drawn whole at {size}"
                assert "…" not in whole
                for label in labels():
                    assert BOX.sub("", wording.label_line(label)) in whole, f"{option.id}: {label}"
                for name in TreatmentOption.TEXT_FIELDS[1:]:
                    assert BOX.sub("", getattr(option, name)) in whole, f"{option.id}: {name} is cut"


@pytest.mark.slow
async def test_a_search_match_in_an_option_lands_on_its_card(guide):
    from recovery_guide.search import search
    from recovery_guide.tui.app import RecoveryGuideApp
    from recovery_guide.tui.screens.reader import ReaderScreen, ReadingPane
    from recovery_guide.tui.widgets.option_cards import OptionCard
    from tests.helpers import acknowledge, settle

    match = next(match for match in search(guide, "nose spray") if match.kind == "option")
    assert match.screen_id == "research-opioids"
    app = RecoveryGuideApp(Session(guide))
    async with app.run_test(size=(60, 20)) as pilot:
        await acknowledge(pilot)
        await settle(pilot, lambda: isinstance(app.screen, ReaderScreen))
        reader = app.screen
        await reader.land_on(match, "nose spray")
        pane = reader.query_one(ReadingPane)
        card = next(card for card in reader.query(OptionCard) if card.option.id == "naloxone")
        await settle(pilot, lambda: card.region.overlaps(pane.region) and pane.scroll_y > 0)
        assert reader.index == guide.index_of("research-opioids")
        from recovery_guide.tui.screens.reader import HIT_STYLE

        marked = [card.content.plain[span.start : span.end] for span in card.content.spans if str(span.style) == HIT_STYLE]
        assert marked == ["nose spray"], "the words found are marked in the card"


def test_a_screen_lists_the_sources_of_its_options_results_and_timeline(guide):
    """The screen's source list used to leave out the studies behind its option cards."""
    from recovery_guide.view.pages import page_view, source_numbers
    from recovery_guide.view.blocks import SourceRefs

    numbers = source_numbers(guide)
    for page in guide.pages:
        [refs] = [block for block in page_view(guide, page).blocks if isinstance(block, SourceRefs)]
        wanted = {*page.source_ids, *(s for o in page.options for s in o.source_ids), *(r.source_id for r in page.results)}
        wanted |= {s for step in page.timeline for s in step.source_ids}
        assert {numbers[s] for s in wanted} == set(refs.numbers), page.id
        assert len(refs.numbers) == len(set(refs.numbers)), "each source once"


async def test_an_option_name_with_brackets_is_shown_as_written_not_as_markup():
    """A card's border title is parsed as markup unless it is given as Content: "[b]" vanished."""
    from textual.app import App

    from recovery_guide.model import TreatmentOption
    from recovery_guide.tui.widgets.option_cards import OptionCard

    class OneCard(App):
        CSS = "OptionCard { border: round white; height: auto; }"  # the reading screen's card border

        def compose(self):
            yield OptionCard(TreatmentOption("x", "Care [b]plan[/b] [at=1]", "a", "b", "c", "d", "e", "f"), 1)

    app = OneCard()
    async with app.run_test(size=(80, 30)) as pilot:
        await pilot.pause()
        from textual.geometry import Region

        card = app.query_one(OptionCard)
        top = card.render_lines(Region(0, 0, *card.outer_size))[0].text
        assert "1. Care [b]plan[/b] [at=1]" in top, top


OFF_LABEL_SIDE_EFFECTS = {"topiramate": ("Tingling", "slower thinking", "not feeling hungry"), "gabapentin": ("Dizziness", "feeling sleepy", "feeling unsteady", "misuse")}
"""Review r15 (IPDAS Q3 (a)): what other-treatments.md section 1a lists from the CCJM table [11]."""


@pytest.mark.parametrize("option_id", OFF_LABEL_SIDE_EFFECTS)
def test_topiramate_and_gabapentin_have_full_cards_with_their_sourced_side_effects(guide, option_id):
    """Review r15 (IPDAS Q3 (a)): off-label ketamine had a card and these two off-label options only a
    sentence, though the reference lists their side effects. Each is a card with every field, in the
    "At a glance" table, says it is off-label, cites the CCJM table, and where our sources list no one
    who should not use it, says so and points to the provider."""
    option = next(option for option in options_of(guide, "research-alcohol") if option.id == option_id)
    for field in ("what", "approved", "research", "like", "side_effects", "not_for", "involves"):
        assert getattr(option, field).strip(), field
    assert option.approved.startswith("No. It is used off-label.") and option.approved_short.value == "no"
    assert "A 2023 review of trials compared" in option.research and "with a dummy pill (a placebo)" in option.research, "the comparison and the design"
    for effect in OFF_LABEL_SIDE_EFFECTS[option_id]:
        assert effect in option.side_effects, effect
    assert "Our sources do not say how often" in option.side_effects
    assert "Ask your provider." in option.not_for and "not list" in option.not_for
    assert {"mcpheeters-2023", "ccjm-aud-table"} <= set(option.source_ids)
    assert option.evidence_level == {"topiramate": 3, "gabapentin": 2}[option_id], "the rule in docs/content.md"
    text = guide_text(guide)
    start = text.index("At a glance\n-----------")
    screen = text[start : text.index("Step 6 of 14", start)]
    assert option.name in screen
    body = " ".join(guide.page("research-alcohol").body.split())
    other = body[body.index("## Other choices") : body.index("## Comparing the options")]
    assert "Our sources say little about their risks" not in other and "Each has a card below." in other


@pytest.mark.parametrize("screen_id", ["research-alcohol", "research-cocaine", "research-cannabis"])
def test_every_research_screen_names_no_treatment_for_now_as_a_choice(guide, screen_id):
    """Review r15 (IPDAS Q3 (c)): "Staying with your current care" did not fit a reader who has no
    care. The last card's name says both, in the same words on every screen, and so does its "At a
    glance" row; its side effects say nothing new but that the problem may not get better."""
    last = options_of(guide, screen_id)[-1]
    assert last.id == "current-care" and last.name == "Your current care, or no treatment for now"
    assert last.involves == "No change, or no treatment for now"
    assert last.side_effects.startswith("None new. But") and "may not get better" in last.side_effects
    assert last.not_for.startswith("Take care if")
    for page in guide.pages:
        if page.options:
            assert "no treatment for now" in " ".join(option.name + " " + option.what for option in page.options), page.id


def test_costs_are_given_only_where_sourced_and_the_comparing_section_says_to_ask(guide):
    """Review r15 (IPDAS Q5): only ketamine had a cost, yet the values sheet asks about cost. Free
    meetings and the rewards in 1 cocaine trial are said on their cards; every research screen's
    "Comparing the options" says our sources cost only a few options and to ask the provider and insurer."""
    mutual = next(option for option in options_of(guide, "research-alcohol") if option.id == "mutual-help")
    assert mutual.like.startswith("Free meetings")
    rewards = next(option for option in options_of(guide, "research-cocaine") if option.id == "contingency-management")
    assert "up to $1,150 over 12 weeks" in " ".join(rewards.like.split()) and "mckay-2010" in rewards.source_ids
    for page in guide.pages:
        if "## Comparing the options\n" in page.body:
            section = " ".join(page.body.split("## Comparing the options\n", 1)[1].split())
            assert "Ask your provider and your insurer what each one would cost you." in section, page.id
