"""Review r7 of the printed guide, answered: the main message comes first and stands out (CDC CCI 1-3);
the welcome screen says what the references support about the condition (IPDAS); the sources list is
quieter but still honest (a short tag, one legend); one review line on About; the acknowledgement has a
box to tick on paper; paper says where the help lines are; screens 02-04 and 12 in plain words."""

from __future__ import annotations

import re

import pytest
from textual.widgets import Static

from recovery_guide import wording
from recovery_guide.model import PageKind, ReadThrough
from recovery_guide.render.html import guide_html
from recovery_guide.render.markdown import guide_markdown
from recovery_guide.render.text import TextWriter, guide_text
from recovery_guide.session import Session
from recovery_guide.view.body import plain_texts
from recovery_guide.view.pages import page_view
from tests.helpers import replace_once, run_in_process, without_contents

WRITERS = {"text": guide_text, "markdown": guide_markdown, "html": guide_html}


def flat(text: str) -> str:
    """``text`` with its line breaks and runs of spaces made single spaces, box borders and HTML quotes undone."""
    text = text.replace("&quot;", '"').replace("&#x27;", "'")
    return " ".join(re.sub(r"(?m)^[=|] | [=|]$", " ", text).split())


@pytest.fixture
def welcome(guide):
    return guide.first_of_kind(PageKind.WELCOME)


# --- 1. the main message ---------------------------------------------------------------------------------


def test_the_main_message_is_short_and_says_the_key_point(welcome):
    message = welcome.main_message
    assert message and "approved" in message and "all your options" in message
    assert len(re.findall(r"[.!?](\s|$)", message)) <= 2
    assert not any(point.startswith("The main point") for point in welcome.key_points), "said twice"


def test_the_main_message_claims_only_what_its_us_sources_carry(welcome):
    """r12 §4a.5: "No drug agency ..." was a worldwide claim; the sources are the US FDA's."""
    assert welcome.main_message.startswith("The US drug agency (the FDA) has not approved ketamine")
    assert {"fda-2023", "ketalar-label"} <= set(welcome.source_ids)


@pytest.mark.parametrize("fmt", WRITERS)
def test_print_puts_the_main_message_right_after_the_title_and_disclaimer(guide, welcome, fmt):
    out = WRITERS[fmt](guide)
    flattened = flat(out)
    at = flattened.index(welcome.main_message)
    assert flattened.index(wording.provider_banner().replace("'", "&#x27;") if fmt == "html" else wording.provider_banner()) < at
    for later in (guide.language.produced, wording.step(1, len(guide.pages)), wording.picture_key()):
        assert flattened.index(later) > at, later
    assert flattened.count(welcome.main_message) == 1


def test_print_draws_the_main_message_as_a_ruled_box(guide, welcome):
    lines = guide_text(guide).splitlines()
    top = next(index for index, line in enumerate(lines) if wording.main_message().upper() in line) - 1
    assert set(lines[top]) == {"="} and len(lines[top]) >= 60
    bottom = next(index for index in range(top + 1, len(lines)) if set(lines[index]) == {"="})
    assert all(line.startswith("= ") and line.endswith(" =") for line in lines[top + 1 : bottom])


def test_markdown_and_html_emphasise_the_main_message(guide, welcome):
    assert f"> **{wording.main_message()}: {welcome.main_message}**" in guide_markdown(guide)
    html = guide_html(guide)
    assert re.search(r'<div class="main-message"[^>]*>.*' + re.escape(welcome.main_message), html)
    assert re.search(r"\.main-message \{[^}]*font-weight: bold;[^}]*border: [4-9]px solid #000", html)


def test_read_mode_says_the_main_message_first(guide, welcome):
    out = TextWriter(plain=True).page(page_view(guide, welcome))
    lines = [line for line in out.splitlines() if line.strip()]
    assert lines[1].startswith(f"{wording.main_message()}: ")
    assert welcome.main_message.split(".")[0] in " ".join(lines[1:4])


def test_the_picture_key_comes_just_before_the_first_page_with_a_picture(guide):
    out = without_contents(guide_text(guide))
    key = out.index(wording.picture_key() + "\n")
    steps = [out.index(wording.step(number, len(guide.pages)) + ":") for number in range(1, len(guide.pages) + 1)]
    after = next(index for index, start in enumerate(steps) if start > key)
    assert after >= 1
    row = re.compile(r"[●✖○◒]( [●✖○◒]){9}")  # a row of an icon array (the timeline's ● is not one)
    assert not row.search(out[:key]), "a picture before its key"
    assert row.search(out[key : steps[after + 1] if after + 1 < len(steps) else None]), "the key is not just before the first picture"


@pytest.mark.slow
async def test_the_app_shows_the_main_message_first_in_a_bold_bordered_panel(guide, welcome):
    from recovery_guide.tui.app import RecoveryGuideApp

    app = RecoveryGuideApp(Session(guide))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        panel = app.screen.query_one("#main-message", Static)
        assert str(panel.render()).strip().startswith(welcome.main_message[:30])
        assert panel.styles.text_style.bold
        assert panel.styles.border_top[0] not in ("", "none", "hidden")
        assert panel.region.y < app.screen.query_one("#key-points").region.y
        assert panel.region.y < app.screen.query_one("#notice").region.y


@pytest.mark.slow
async def test_at_80x24_the_main_message_the_notice_and_the_focused_button_all_show_at_once(guide):
    """80x24 is the usual terminal: scrolling to the focused button must not push the main message off."""
    from textual.widgets import Button

    from recovery_guide.tui.app import RecoveryGuideApp
    from tests.helpers import welcome_complete

    app = RecoveryGuideApp(Session(guide))
    async with app.run_test(size=(80, 24)) as pilot:
        await welcome_complete(pilot)
        view = app.screen.query_one("#welcome-scroll")
        visible = view.region
        for selector in ("#main-message", "#notice", "#acknowledge"):
            region = app.screen.query_one(selector).region
            assert visible.contains_region(region), (selector, region, visible)
        assert app.focused is app.screen.query_one("#acknowledge", Button)


# --- 2. the condition ------------------------------------------------------------------------------------


def test_the_welcome_screen_says_what_the_references_support_about_the_condition(welcome):
    text = " ".join(plain_texts(welcome.body))
    for words in ("mild or severe", "Many people get better", "dummy pill", "another one can be tried", "more than one kind of help", "died less often", "not randomised"):
        assert words in text, words
    assert {"anton-2006", "niaaa-options", "sordo-2017", "santo-2021"} <= set(welcome.source_ids)


# --- 3. a quieter, honest sources list -------------------------------------------------------------------


def test_no_note_tells_how_it_was_read_in_a_long_sentence(guide):
    for source in guide.sources.values():
        assert "re-check" not in source.note and "read through" not in source.note.lower(), source.id
    assert sum(source.read_through is not None for source in guide.sources.values()) >= 38


@pytest.mark.parametrize("fmt", WRITERS)
def test_every_writer_tags_marked_sources_under_one_legend(guide, fmt):
    out = flat(WRITERS[fmt](guide))
    legend, old_words = wording.sources_legend()
    assert out.count(legend) == 1 and out.count(old_words) == 1
    label = guide.sources["spravato-label"]
    tag = wording.read_through(ReadThrough.COPY)
    assert f"{label.citation.split('.')[0]}" in out
    sources = out[out.index(legend) :]
    assert sources.count(tag) == sum(source.read_through is ReadThrough.COPY for source in guide.sources.values())
    assert wording.read_through(ReadThrough.NEWS_REPORT) in sources


def test_check_wants_the_mark_where_a_note_says_it_was_read_through_a_copy(content_copy, capsys):
    sources = replace_once(content_copy / "en" / "sources.yaml", "    read_through: copy\n", "")
    result = run_in_process(capsys, "check", "--content", str(content_copy))
    assert "read_through" not in result.stdout, "the first copy's note does not say it in words: nothing to find"
    replace_once(sources, 'note: "The official US drug label for esketamine, a medicine related to ketamine that is approved for depression.', 'note: "The esketamine label. We read it through a copy; re-check before release.')
    result = run_in_process(capsys, "check", "--content", str(content_copy))
    assert result.returncode == 1
    [line] = [line for line in result.stdout.splitlines() if "read_through" in line]
    assert re.match(rf"^{re.escape(str(sources))}:\d+: sources\[\d+\]\.note: source 'spravato-label': ", line)


def test_a_wrong_read_through_value_is_a_one_line_error(content_copy, capsys):
    sources = replace_once(content_copy / "en" / "sources.yaml", "    read_through: copy\n", "    read_through: photocopy\n")
    result = run_in_process(capsys, "check", "--content", str(content_copy))
    assert result.returncode == 1 and "Traceback" not in result.stdout + result.stderr
    assert re.search(rf"{re.escape(str(sources))}:\d+: sources\[\d+\]\.read_through: expected one of copy, summary, abstract, news-report, found 'photocopy'", result.stdout)


# --- 6. the acknowledgement on paper ---------------------------------------------------------------------


@pytest.mark.parametrize("fmt", WRITERS)
def test_paper_leaves_out_the_sentence_the_app_asks_to_agree_to(guide, welcome, fmt):
    """It answers the app's button: on paper a tick box for it read as a legal form (review r11, PEMAT 2).
    The disclaimer is still there, in the banner and "Please read this first"."""
    out = flat(WRITERS[fmt](guide))
    assert welcome.acknowledge.split(".")[0] not in out and "Tick if you agree" not in out
    assert "This guide is for learning only. It is not medical advice." in out


def test_the_app_and_read_mode_keep_the_plain_sentence(guide, welcome):
    out = TextWriter(plain=True).page(page_view(guide, welcome))
    assert welcome.acknowledge.split(".")[0] in " ".join(out.split())


# --- 7. where the help lines are, on paper ---------------------------------------------------------------


@pytest.mark.parametrize("fmt", WRITERS)
def test_paper_says_on_which_page_the_help_lines_are(guide, fmt):
    help_now = guide.first_of_kind(PageKind.HELP_NOW)
    sentence = wording.help_lines_on_page(guide.index_of(help_now.id) + 1, help_now.title)
    out = flat(WRITERS[fmt](guide))
    assert sentence in out
    assert "(step 13)" in sentence
    danger = out[out.index("If you are in danger now") :]
    assert danger.index(sentence) < danger.index("call your local emergency number")


def test_the_app_still_says_press_h(welcome):
    assert "Press **h** at any time" in welcome.body


# --- 5. plain words --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("screen", "gone"),
    [
        ("ketamine-basics", ["Schedule III", "anaesthetic"]),
        ("treatment-course", ["relapse", "special safety plan", "(REMS). They"]),
        ("how-it-may-work", ["Idea 4", "passes signals between cells"]),
    ],
)
def test_screens_use_plain_words(guide, screen, gone):
    page = guide.page(screen)
    text = " ".join([*page.key_points, *plain_texts(page.body), *(step.what for step in page.timeline)])
    for word in gone:
        assert word not in text, word


def test_the_promising_idea_is_balanced_by_the_systematic_reviews(guide):
    page = guide.page("ketamine-basics")
    body = " ".join(plain_texts(page.body))
    assert "promising idea" in body and "may make the results look better than they are" in body
    assert {"walsh-2022", "janssen-aguilar-2025"} <= set(page.source_ids)
    assert "it is a controlled drug: it is legal only with a prescription" in body and {"ketalar-label", "spravato-label"} <= set(page.source_ids)


def test_the_drip_is_a_drip_into_a_vein(guide):
    page = guide.page("treatment-course")
    assert "a drip into a vein (IV)" in next(step.what for step in page.timeline if step.id == "drip")


def test_how_it_may_work_is_three_short_ideas(guide):
    page = guide.page("how-it-may-work")
    bullets = [line for line in page.body.splitlines() if line.startswith("- ")]
    assert len(bullets) == 3


def test_getting_ready_says_what_to_do_on_paper(guide):
    body = guide.page("is-it-right").body
    step = next(line for line in body.splitlines() if "handout" in line)
    assert "On paper, tick your questions and bring these pages" in step


def test_the_reading_screen_puts_the_main_message_first_when_step_1_is_opened_again(guide, welcome):
    from recovery_guide.tui.reading_page import ReadingPage

    parts = ReadingPage().parts(page_view(guide, welcome))
    assert parts.key_points.startswith(f"{wording.main_message()}: {welcome.main_message}")
    assert welcome.main_message not in parts.extra


@pytest.mark.slow
async def test_after_a_language_switch_on_a_short_terminal_the_buttons_stay_one_line_tall(guide):
    """The switch makes new buttons; they must get the short terminal's one-line layout too
    (an adversarial review found them three lines tall again, pushed below the screen)."""
    from textual.widgets import Button

    from recovery_guide.tui.app import RecoveryGuideApp
    from tests.helpers import choose_language, settle, welcome_complete

    app = RecoveryGuideApp(Session(guide))
    async with app.run_test(size=(80, 24)) as pilot:
        await welcome_complete(pilot)
        await choose_language(app, pilot, "de")
        await settle(pilot)
        assert [button.compact for button in app.screen.query(Button)] == [True]


def test_a_main_message_on_another_screen_is_a_one_line_error(content_copy_of, capsys):
    """It would vanish from print (the guide has one main message, taken to the top): refused instead."""
    from recovery_guide.cli import main

    copy = content_copy_of("en")
    screen = copy / "en" / "screens" / "05-research-alcohol.yaml"
    screen.write_text(screen.read_text(encoding="utf-8").replace("kind: topic\n", "kind: topic\nmain_message: A second main message.\n", 1), encoding="utf-8")
    assert main(["print", "--content", str(copy)]) == 2
    error = capsys.readouterr().err.strip()
    assert error.startswith(f"recovery-guide: {screen}:3: main_message: only the welcome screen") and "\n" not in error
