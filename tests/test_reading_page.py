"""The reading page is comfortable and dependable (issue #12, items 5, 6 and 7): a focused list always
shows its chosen row by a symbol, the text column stays readable, the contents fit, a screen's
questions are part of the page, a language switch keeps the section, and no label is cut."""

from __future__ import annotations

from pathlib import Path

import pytest
from rich.cells import cell_len

from recovery_guide.clinic import load_clinic
from recovery_guide.guide_content.folder import load_guide
from recovery_guide.model import PageKind
from recovery_guide.session import Session
from recovery_guide.tui.app import RecoveryGuideApp
from recovery_guide.tui.screens.glossary import TermDefinition
from recovery_guide.tui.screens.my_questions import MyQuestionsScreen
from recovery_guide.tui.screens.reader import ContentsList, ReaderScreen, ReadingPane, TermList
from recovery_guide.tui.widgets.key_list import CHOSEN_MARK, SafeOptionList
from recovery_guide.tui.widgets.provider_questions import ProviderQuestions
from tests.helpers import CatalogLabels, ContentLabels, acknowledge, choose_language, label_widgets, labels_cut_in, settle, welcome_complete

pytestmark = pytest.mark.slow  # each starts the app (about 2 s): out of the quick loop, in the full suite

LANGUAGES = ["en", "es", "fr", "de", "pt_BR", "vi", "zh_Hans"]


def screen_lines(app) -> list[str]:
    """The characters on the terminal, one string a row, as the reader sees them."""
    return [strip.text for strip in app.screen._compositor.render_strips()]


def cells(app, region) -> list[str]:
    """The characters inside ``region`` of the terminal, one string a row."""
    strips = app.screen._compositor.render_strips()[region.y : region.bottom]
    return [strip.crop(region.x, region.right).text for strip in strips]


async def start(pilot) -> ReaderScreen:
    await acknowledge(pilot)
    await settle(pilot, lambda: isinstance(pilot.app.screen, ReaderScreen))
    return pilot.app.screen


# --- item 5: a focused list always has a chosen row, marked by a symbol ------------------------------------------


LISTS = {
    "words": (("tab",), TermList),
    "questions": (("tab", "tab"), ProviderQuestions),
    "contents": (("c",), ContentsList),
    "languages": (("l",), SafeOptionList),
}
"""Each list a reader reaches from the text: the keys that reach it, and what it is."""


async def focus_list(pilot, name: str):
    keys, kind = LISTS[name]
    await pilot.press(*keys)
    await settle(pilot, lambda: isinstance(pilot.app.focused, kind))
    return pilot.app.focused


@pytest.mark.slow
@pytest.mark.parametrize("theme", ["standard", "monochrome"])
async def test_every_focused_list_marks_its_chosen_row_with_a_symbol_and_an_unfocused_button_has_a_frame(guide, theme):
    """One start-up per theme visits each list in turn from the text (it was one start-up per list):
    the words, the questions, the contents and the language list; then My questions, where the
    unfocused handout button must still look like a button (it was a start-up of its own per theme)."""
    from recovery_guide.tui.screens.languages import LanguagePicker

    app = RecoveryGuideApp(Session(guide), theme)
    async with app.run_test(size=(80, 24)) as pilot:
        reader = await start(pilot)
        pane = reader.query_one(ReadingPane)
        for name in LISTS:
            options = await focus_list(pilot, name)
            await settle(pilot, lambda: options.highlighted is not None)
            options.scroll_to_highlight()
            await settle(pilot)
            rows = cells(app, options.content_region)
            marked = [number for number, row in enumerate(rows) if row.startswith(CHOSEN_MARK)]
            assert len(marked) == 1, f"{name}: one row marked {CHOSEN_MARK!r}; the list showed:\n" + "\n".join(rows)
            chosen_line = options._index_to_line[options.highlighted] - round(options.scroll_offset.y)
            assert marked == [chosen_line], f"{name}: the marked row is the chosen one"
            before = options.highlighted
            await pilot.press("down")
            await settle(pilot)
            assert options.highlighted == before + 1, name
            rows = cells(app, options.content_region)
            assert sum(row.startswith(CHOSEN_MARK) for row in rows) == 1, f"{name}: the mark follows the chosen row"
            if isinstance(app.screen, LanguagePicker):
                await pilot.press("escape")
                await settle(pilot, lambda: app.screen is reader)
            pane.focus()  # back to the text, where a reader starts from
            pane.scroll_home(animate=False, immediate=True)
            await settle(pilot, lambda: app.focused is pane)
        await assert_unfocused_button_has_a_frame(app, pilot)


async def assert_unfocused_button_has_a_frame(app, pilot) -> None:
    """In My questions the handout button, not focused, is drawn with a frame, not as plain words."""
    await pilot.press("m")
    await settle(pilot, lambda: isinstance(app.screen, MyQuestionsScreen))
    button = app.screen.query_one("#handout")
    assert app.focused is not button
    [row] = cells(app, button.region)[:1]
    assert row[0] != " " and row[-1] != " " and row.strip() != button.label.plain, f"an unfocused button {row!r} looks like plain text"


# --- item 7: a comfortable page --------------------------------------------------------------------------------


@pytest.mark.parametrize("size", [(200, 50), (120, 40)], ids=lambda size: f"{size[0]}x{size[1]}")
async def test_the_text_is_at_most_76_cells_wide(guide, size):
    """At 200x50 the welcome screen first (it was a start-up of its own), then a page of the guide."""
    app = RecoveryGuideApp(Session(guide))
    async with app.run_test(size=size) as pilot:
        if size == (200, 50):
            await welcome_complete(pilot)
            scroll = app.screen.query_one("#welcome-scroll")
            widest = max(child.outer_size.width for child in scroll.children if child.display)
            assert widest <= 76, f"a part of the welcome screen {widest} cells wide"
        reader = await start(pilot)
        await pilot.press("n", "n", "n")
        await settle(pilot, lambda: reader.index == 4)
        pane = reader.query_one(ReadingPane)
        body = reader.query_one("#body")
        assert body.content_region.width <= 76, f"the body is {body.content_region.width} cells wide"
        longest = max(cell_len(line.rstrip()) for line in cells(app, pane.scrollable_content_region))
        assert longest <= 76, f"a line of {longest} cells"
        assert body.content_region.width >= 60, "and still uses the room it has"


@pytest.mark.parametrize("language", ["en", "zh_Hans"])
async def test_the_contents_show_every_title_with_a_hanging_indent_at_80x24(language):
    guide = load_guide(language)
    app = RecoveryGuideApp(Session(guide))
    async with app.run_test(size=(80, 24)) as pilot:
        reader = await start(pilot)
        contents = reader.query_one(ContentsList)
        assert contents.max_scroll_y == 0, "all 14 titles show without scrolling"
        rows = [row.rstrip() for row in cells(app, contents.content_region) if row.strip()]
        numbered = [row for row in rows if row[len(CHOSEN_MARK) :].lstrip()[:1].isdigit()]
        assert len(numbered) == len(guide.pages)
        assert len(rows) <= len(guide.pages) + 6, "titles wrap rarely"
        title_column = {row.index(". ") + 2 for row in numbered}
        assert len(title_column) == 1, "every title starts in the same column"
        column = title_column.pop()
        for row in rows:
            if row not in numbered:
                assert row[:column].strip() == "" and row[column] != " ", f"a wrapped line hangs under its title: {row!r}"
        shown = "".join(row[column:] for row in rows).replace(" ", "")
        for page in guide.pages:
            assert page.title.replace(" ", "") in shown, f"{page.title!r} is cut or missing"


@pytest.mark.slow
@pytest.mark.parametrize("language", ["de", "zh_Hans"])
async def test_a_language_switch_keeps_the_reader_at_the_same_section(guide, language):
    app = RecoveryGuideApp(Session(guide))
    async with app.run_test(size=(80, 24)) as pilot:
        reader = await start(pilot)
        await pilot.press("n", "n", "n")
        await settle(pilot, lambda: reader.index == 4)
        pane = reader.query_one(ReadingPane)

        def heading(number: int):
            return [block for block in pane.blocks() if type(block).__name__ == "MarkdownH2"][number]

        third = heading(2)
        pane.scroll_to(y=pane.scroll_y + third.region.y - pane.content_region.y, animate=False, immediate=True)
        await settle(pilot, lambda: heading(2).region.y == pane.content_region.y)
        await choose_language(app, pilot, language)
        await settle(pilot, lambda: app.screen is reader and heading(2).region.y - pane.content_region.y in range(0, 3))
        assert pane.scroll_y > 0


# --- item 6 (part): no nested scroll boxes ---------------------------------------------------------------------

CLINIC = "name: Riverside Clinic\nphone: 555 0100\nquestions:\n" + "".join(f'  - "Clinic question number {n}?"\n' for n in range(1, 10))


@pytest.mark.slow
async def test_end_on_the_page_reaches_the_last_clinic_question(guide, tmp_path: Path):
    clinic_file = tmp_path / "clinic.yaml"
    clinic_file.write_text(CLINIC, encoding="utf-8")
    app = RecoveryGuideApp(Session(guide, clinic=load_clinic(clinic_file)))
    async with app.run_test(size=(80, 24)) as pilot:
        reader = await start(pilot)
        last_topic = max(index for index, page in enumerate(guide.pages) if page.kind is PageKind.TOPIC)
        reader.index = last_topic
        await settle(pilot, lambda: reader.index == last_topic)
        questions = reader.query_one(ProviderQuestions)
        assert questions.option_count == len(guide.pages[last_topic].questions) + 9
        assert questions.max_scroll_y == 0, "the questions are part of the page, not a scroll box of their own"
        await pilot.press("end")
        await settle(pilot)
        assert any("Clinic question number 9?" in line for line in screen_lines(app)), "End shows the last question"


# --- no cut label on the reading screen ------------------------------------------------------------------------


def cut_labels(screen) -> list[str]:
    """Border titles too long for their box (Textual cuts them with …), and buttons whose label does not fit."""
    from textual.content import Content
    from textual.widgets import Button

    cut = []
    for widget in screen.query("*"):
        if not widget.display or not widget.region:
            continue
        for label in (widget.border_title, widget.border_subtitle):
            text = Content.from_text(label).plain if label else ""
            if text and cell_len(text) > widget.region.width - 6:
                cut.append(f"{widget.id}: {text!r} in {widget.region.width} cells")
        if isinstance(widget, Button):
            needed = widget.label.get_height(widget.styles, widget.content_region.width)
            if needed > widget.content_region.height or widget.label.cell_length > widget.content_region.width * widget.content_region.height:
                cut.append(f"{widget.id}: {widget.label.plain!r} in {widget.content_region}")
    return cut


WALKED = ["en", "de", "zh_Hans"]
"""Walked step by step: English, German (long words) and Chinese (wide characters, no spaces)."""
CHECKED_IN_THE_ENGLISH_WALK = ["es", "fr", "pt_BR", "vi"]
"""Written in the same script as German and shown by the same code: each step of the English walk
puts their labels (from their content and catalog) in place of the English ones, lays the screen
out again and checks them by the same rule (``helpers.labels_cut_in``)."""


@pytest.mark.slow
@pytest.mark.parametrize("language", WALKED)
async def test_no_label_is_cut_on_the_reading_screen(language):
    """Every step, in every language, at 80x24: the narrowest text column there is (the contents
    pane takes its share from 80 columns; below 80 it is hidden and the text is wider), and the only
    size with the contents pane, so a label whole here is whole at 60x20 too. The welcome screen and
    the dialogs are checked at 60x20 by the live-switch walk (test_live_switch_words.py). Spanish,
    French, Brazilian Portuguese and Vietnamese are checked in the English walk (``WALKED``)."""
    size = (80, 24)
    guide = load_guide(language)
    others = {code: (ContentLabels(guide, load_guide(code)), CatalogLabels(code)) for code in CHECKED_IN_THE_ENGLISH_WALK} if language == "en" else {}
    translators = {code: (lambda text, content=content, ui=ui: content.translate(text) or ui.translate(text)) for code, (content, ui) in others.items()}
    unknown: set[str] = set()

    async def look(where: str, screen) -> list[str]:
        cut = [f"{where}: {label}" for label in cut_labels(screen)]
        if translators:
            unknown.update(text for _widget, _attribute, text in label_widgets(screen) if any(translate(text) is None for translate in translators.values()))
            cut += await labels_cut_in(pilot, where, translators, cut_labels)
        return cut

    session = Session(guide)
    session.progress.page = guide.pages[4].id  # the welcome screen offers to continue at a long title
    app = RecoveryGuideApp(session)
    async with app.run_test(size=size) as pilot:
        await settle(pilot, lambda: app.screen.query("#resume"))
        cut = await look("welcome", app.screen)
        await acknowledge(pilot)
        await settle(pilot, lambda: isinstance(app.screen, ReaderScreen))
        reader = app.screen
        for index in range(len(guide.pages)):
            reader.index = index
            await settle(pilot, lambda: reader.index == index)
            cut += await look(f"step {index + 1}", reader)
    assert not cut, "\n".join(cut)
    assert not unknown, f"labels the English walk could not put in the other languages: {sorted(unknown)}"


# --- item 11: the empty list's hint is true; buttons look like buttons -----------------------------------------


# (an unfocused button's frame: checked at the end of the focused-list walk above, in both themes)


@pytest.mark.slow
async def test_the_words_and_questions_are_part_of_the_page_and_reached_by_their_keys(guide):
    """One start-up (it was three): the words are shown on the page, not in a scroll box of their own;
    Enter on a focused word opens its meaning; the empty list's hint names the key that reaches the
    questions, and one press of it there, then s, adds the row marked as chosen."""
    import re

    app = RecoveryGuideApp(Session(guide))
    async with app.run_test(size=(80, 24)) as pilot:
        reader = await start(pilot)
        pane = reader.query_one(ReadingPane)

        words = reader.query_one(TermList)
        assert words.option_count >= 8, "a screen with many words"
        pane.scroll_to_widget(words, animate=False, top=True)
        await settle(pilot)
        shown = "\n".join(screen_lines(app))
        missing = [str(option.prompt) for option in words.options if str(option.prompt) not in shown]
        assert not missing, f"words hidden in a scroll box of their own: {missing}"

        pane.focus()
        pane.scroll_home(animate=False, immediate=True)
        await settle(pilot, lambda: app.focused is pane)
        words = await focus_list(pilot, "words")
        first = words.get_option_at_index(0).id
        await pilot.press("enter")
        await settle(pilot, lambda: isinstance(app.screen, TermDefinition))
        assert app.screen.term_id == first
        await pilot.press("escape")
        await settle(pilot, lambda: app.screen is reader)

        await pilot.press("m")
        await settle(pilot, lambda: isinstance(app.screen, MyQuestionsScreen))
        hint = str(app.screen.query_one("#questions-help").render())
        key = re.search(r"press (\S+) to (?:go to|reach) its questions", hint).group(1)
        await pilot.press("escape")
        await settle(pilot, lambda: app.screen is reader)
        pane.focus()
        await settle(pilot, lambda: app.focused is pane)
        await pilot.press(key.lower())
        await settle(pilot)
        assert isinstance(app.focused, ProviderQuestions), f"one press of {key} reaches the questions"
        questions = app.focused
        questions.scroll_to_highlight()
        await settle(pilot)
        rows = cells(app, questions.content_region)
        assert sum(row.startswith(CHOSEN_MARK) for row in rows) == 1, "the chosen row is marked"
        await pilot.press("s")
        await settle(pilot, lambda: len(list(app.session.my_questions.questions())) == 1)
        chosen = questions.get_option_at_index(questions.highlighted).id
        assert app.session.my_questions.has(chosen), "s adds the row marked as chosen"
