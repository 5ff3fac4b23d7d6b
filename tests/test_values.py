"""What matters to me (issue 13): a short exercise, never scored, whose answers reach the handout.

The reader rates a few things by words ("Very important"), may add one of their own, and finds them
on the handout under "What matters to me" for their provider. The answers are kept only with saving
on, survive a language switch (they are ids) and are cleared by forget everything.
"""

from __future__ import annotations

import json
import re

import pytest

from recovery_guide import i18n
from recovery_guide.guide_content.folder import ContentFolder, load_guide
from recovery_guide.guide_content.overlay import CURRENT, MISSING, STALE, source_hash
from recovery_guide.guide_content.translators import stamp, states, status
from recovery_guide.my_values import MyValues
from recovery_guide.render.handout import build_handout, handout_html, handout_text
from recovery_guide.session import Change, Session
from recovery_guide.storage import FILE_NAME, Store
from tests.helpers import choose_language, line_of, make_handout, run, run_in_process, settle, type_text

SECTION = "What matters to me"


def section(text: str) -> str:
    """The handout's "What matters to me" section (text or HTML), up to the next heading ("" if none)."""
    start = text.find(SECTION)
    if start < 0:
        return ""
    rest = text[start + len(SECTION):]
    if "<h2" in text:
        end = rest.find("<h2")
    else:
        rest_body = rest.split("\n", 2)[-1]  # past the heading's own underline
        found = re.search(r"\n[^\n]+\n-{3,}\n", rest_body)
        return SECTION + (rest_body[: found.start()] if found else rest_body)
    return SECTION + (rest[:end] if end >= 0 else rest)


# --- the content ---------------------------------------------------------------------------------------


def test_the_exercise_has_plain_items_four_rating_words_and_no_numbers(guide):
    values = guide.values
    assert [item.id for item in values.items] == ["approved", "evidence", "side-effects", "clinic-time", "something-new", "cost", "feeling-cut-off", "ride-home", "daily-clinic", "days-without-opioids"]
    assert [level.text for level in values.levels] == ["Not important", "A little important", "Quite important", "Very important"]
    words = " ".join([values.intro, *(item.text for item in values.items), *(level.text for level in values.levels)])
    assert not re.search(r"\d", words), "rated in words, never by numbers"
    assert "no score" in values.intro
    assert {"methadone-label", "vivitrol-label", "spravato-label"} <= set(values.source_ids), "the facts in the items are sourced"
    assert values.source_ids[0] == "witteman-2021" and guide.sources["witteman-2021"].read_through is not None, "read through a summary, and marked so"


def test_the_newer_items_name_something_that_can_matter_not_a_feature(guide):
    """r12 §4e.14: "Very important" next to "Needing a ride home ..." did not say whether the reader wants
    it or wants to avoid it; each item now names what a reader may want, like "Avoiding side effects"."""
    texts = {item.id: item.text for item in guide.values.items}
    starts = ("Avoiding ", "Being able ", "Not having ")
    for item_id in ("feeling-cut-off", "ride-home", "daily-clinic", "days-without-opioids"):
        assert texts[item_id].startswith(starts), texts[item_id]


def test_the_exercise_reads_at_grade_six_or_below(guide):
    from recovery_guide import readability

    values = guide.values
    text = " ".join([values.intro, *(f"{item.text}." for item in values.items)])
    assert readability.grade(text) <= readability.ENGLISH_AIM


def test_a_translation_is_laid_over_only_when_current_and_stamp_handles_it(content_copy):
    (content_copy / "es" / "values.yaml").unlink()  # start from a language without the exercise translated
    folder = ContentFolder(content_copy)
    assert folder.guide("es").values == folder.english.values, "no Spanish file yet: English, whole"
    assert states(folder, "es", "values") == {"what-matters-to-me": MISSING}
    spanish = (content_copy / "en" / "values.yaml").read_text(encoding="utf-8").replace("Avoiding side effects", "Evitar efectos secundarios")
    spanish = re.sub(r"^sources: .*$", "", spanish.replace("Very important", "Muy importante"), flags=re.M)
    (content_copy / "es" / "values.yaml").write_text(spanish, encoding="utf-8")
    folder.forget()
    assert states(folder, "es", "values") == {"what-matters-to-me": STALE}, "not stamped yet"
    assert folder.guide("es").values.language == "en"
    assert stamp(folder, "es", ["values"]) == ["values"]
    assert states(folder, "es", "values") == {"what-matters-to-me": CURRENT}
    values = folder.guide("es").values
    assert values.language == "es" and values.item("side-effects").text == "Evitar efectos secundarios" and values.level("very").text == "Muy importante"
    assert values.source_ids == folder.english.values.source_ids, "sources come from the English"
    # the English changes: the Spanish is stale again, and readers see the English
    english = content_copy / "en" / "values.yaml"
    english.write_text(english.read_text(encoding="utf-8").replace("What it costs me", "What it would cost me"), encoding="utf-8")
    folder.forget()
    assert states(folder, "es", "values") == {"what-matters-to-me": STALE}
    assert folder.guide("es").values.item("cost").text == "What it would cost me"
    names = [item.name for item in status(folder, "es")]
    # the worksheet after the screens and self-checks, before the single glossary, source and help-line entries
    assert "values" in names and not any(name.startswith(("glossary:", "source:", "help-line:")) for name in names[: names.index("values")])


def test_a_repeated_id_or_an_unknown_source_stops_loading_with_file_and_line(content_copy):
    from recovery_guide.guide_content.yaml_source import ContentError

    path = content_copy / "en" / "values.yaml"
    english = path.read_text(encoding="utf-8")
    path.write_text(english.replace("id: cost", "id: approved"), encoding="utf-8")
    with pytest.raises(ContentError, match=r"values.yaml:\d+: items\[5\]\.id: duplicate id 'approved'"):
        ContentFolder(content_copy).english
    path.write_text(english.replace("witteman-2021", "no-such-source"), encoding="utf-8")
    with pytest.raises(ContentError, match="unknown source id 'no-such-source'"):
        ContentFolder(content_copy).english


def test_check_reports_changed_numbers_in_a_translated_exercise(content_copy, capsys):
    """In process (tests/test_audit.py runs the command for changed numbers)."""
    english = (content_copy / "en" / "values.yaml").read_text(encoding="utf-8")
    spanish = re.sub(r"^sources: .*$", "", english.replace("What it costs me", "Lo que me cuesta 2"), flags=re.M)
    (content_copy / "es" / "values.yaml").write_text(spanish, encoding="utf-8")
    stamp(ContentFolder(content_copy), "es", ["values"])
    result = run_in_process(capsys, "check", "--content", str(content_copy))
    path = content_copy / "es" / "values.yaml"
    assert re.search(rf"^{re.escape(str(path))}:{line_of(path, 'cuesta 2')}: items\[\d+\]\.text: numbers \[2\] differ from the English \[\]", result.stdout, flags=re.M), result.stdout[-800:]


# --- the answers, the session and saving ----------------------------------------------------------------


def rate_some(session: Session) -> None:
    session.rate_value("evidence", "very")
    session.rate_value("cost", "a-little")
    session.rate_value("clinic-time", "quite")
    session.rate_value("clinic-time", None)  # changed their mind: skipped
    session.set_own_value("Being near my family", "quite")


def test_the_handout_lists_rated_items_in_words_marks_the_own_item_and_leaves_out_skipped_ones(guide, tmp_path):
    session = Session(guide, store=Store(tmp_path / "data"))
    rate_some(session)
    for kind, name in (("text", "h.txt"), ("html", "h.html")):
        assert session.write_handout(tmp_path / name, kind) is None, "answers alone are enough for a handout"
        part = section((tmp_path / name).read_text(encoding="utf-8"))
        flat = " ".join(re.sub(r"<[^>]+>", " ", part).split())
        assert "Choosing something with strong research behind it" in flat and "Very important" in flat
        assert "What it costs me" in flat and "A little important" in flat
        assert "Being near my family (my own)" in flat and "Quite important" in flat
        assert "Spending less time at a clinic" not in flat and "Avoiding side effects" not in flat, "skipped items are left out"
        assert "not a score" in flat
        assert not re.search(r"\d", flat), "no number, total or score"
    assert not (tmp_path / "data").exists(), "saving is off: nothing written"


NOTE = "It is not a score and not a recommendation."


def test_no_answers_no_section(guide):
    """No answers, no list of answers: only the lines to write on under the heading (paper the reader
    writes on, issue #13 round 5)."""
    text = handout_text(build_handout(guide, Session(guide).my_questions, None, my_values=MyValues()))
    assert NOTE not in text and text.count(SECTION) == 1
    assert text.index(SECTION) < text.index("Anything else that matters to me:")
    session = Session(guide)
    session.rate_value("approved", "very")
    session.rate_value("approved", None)
    html = handout_html(build_handout(guide, session.my_questions, None, my_values=session.my_values))
    assert NOTE not in html and 'class="values"' not in html


def test_the_handout_has_lines_for_the_options_to_ask_about(guide):
    """Review r11 §8: after what matters, the 1 or 2 options the reader wants to talk over."""
    text = handout_text(build_handout(guide, Session(guide).my_questions, None, my_values=MyValues()))
    prompt = "The one or two options I want to ask my provider about:"
    assert text.index("Anything else that matters to me:") < text.index(prompt) < text.index("Notes from my visit")


def test_typed_text_stays_plain_and_short(guide):
    session = Session(guide)
    session.set_own_value("<b>[bold]x[/bold]</b>\x1b[31m " + "y" * 2000, "very")
    assert "\x1b" not in session.my_values.own_text and len(session.my_values.own_text) <= 500
    html = handout_html(build_handout(guide, session.my_questions, None, my_values=session.my_values))
    assert "<b>[bold]" not in html and "&lt;b&gt;[bold]x[/bold]&lt;/b&gt;" in html


def test_answers_are_saved_only_with_saving_on_and_come_back_in_a_new_session(guide, tmp_path):
    store = tmp_path / "data"
    session = Session(guide, store=Store(store))
    heard: list[Change] = []
    session.subscribe(heard.append)
    rate_some(session)
    assert Change.VALUES in heard and not store.exists()
    assert session.set_saving(True) is None
    session.rate_value("approved", "not-important")
    again = Session(guide, store=Store(store))
    assert again.my_values.ratings == {"evidence": "very", "cost": "a-little", "approved": "not-important"}
    assert (again.my_values.own_text, again.my_values.own_level) == ("Being near my family", "quite")


def test_quitting_warns_about_answers_that_are_not_kept(guide, tmp_path):
    """Answers given with saving off used to be lost on quit without a word (questions were protected)."""
    session = Session(guide, store=Store(tmp_path / "data"))
    assert not session.questions_at_risk
    session.rate_value("evidence", "very")
    assert session.questions_at_risk, "answers only, saving off: quitting would lose them"
    assert session.write_handout(tmp_path / "h.txt", "text") is None
    assert not session.questions_at_risk, "a handout made since holds them"
    session.set_own_value("Being near my family", "quite")
    assert session.questions_at_risk
    assert session.set_saving(True) is None
    assert not session.questions_at_risk, "kept in the saved file"


def test_read_mode_asks_before_quitting_loses_the_answers(tmp_path):
    # acknowledge; w; approved 4, then skip the rest and the own item; quit: asked; 3 = quit without keeping
    script = ["1", "w", "4", "", "", "", "", "", "", "", "", "", "", "0", "3"]
    result = run("read", input="\n".join(script) + "\n", env={"XDG_DATA_HOME": str(tmp_path / "data")})
    assert result.returncode == 0, result.stderr
    assert "Your answers in What matters to me are not saved" in " ".join(result.stdout.split())


def test_forget_everything_clears_the_answers(guide, tmp_path):
    session = Session(guide, store=Store(tmp_path / "data"))
    session.set_saving(True)
    rate_some(session)
    heard: list[Change] = []
    session.subscribe(heard.append)
    session.forget_everything()
    assert not session.my_values and Change.VALUES in heard
    assert not Session(guide, store=Store(tmp_path / "data")).my_values


def test_an_old_saved_file_loads_and_a_damaged_values_part_is_left_out_with_a_notice(guide, tmp_path):
    old = {"version": 1, "app": "recovery-guide", "screen": "therapy", "language": "en", "region": None, "theme": None,
           "entries": [{"kind": "own", "topic": None, "question": None, "text": "Mine"}], "visited": ["welcome", "therapy"]}
    (tmp_path / FILE_NAME).write_text(json.dumps(old), encoding="utf-8")
    session = Session(guide, store=Store(tmp_path))
    assert session.startup_notice is None and session.saving and not session.my_values
    assert [entry.text for entry in session.my_questions.entries] == ["Mine"]
    damaged = {**old, "values": {"ratings": ["not", "a", "mapping"]}}
    (tmp_path / FILE_NAME).write_text(json.dumps(damaged), encoding="utf-8")
    session = Session(guide, store=Store(tmp_path))
    assert "What matters to me" in session.startup_notice and "questions are kept" in session.startup_notice
    assert [entry.text for entry in session.my_questions.entries] == ["Mine"], "the questions are never lost"
    assert (tmp_path / FILE_NAME).exists(), "the file is kept, not set aside"


def test_a_language_switch_keeps_the_answers(guide):
    session = Session(guide)
    rate_some(session)
    session.switch_language("es")
    handout = handout_text(build_handout(session.guide, session.my_questions, None, my_values=session.my_values))
    title = i18n._("What matters to me")
    assert title != SECTION and title in handout, "the section heading is in Spanish"
    assert "Being near my family" in handout
    # item and level words come from content/es/values.yaml once translated; until then, English
    spanish = session.guide.values
    assert spanish.item("evidence").text in handout and spanish.level("very").text in handout


# --- read mode ---------------------------------------------------------------------------------------------


def test_read_mode_asks_each_item_on_a_line_and_puts_the_answers_on_the_handout(tmp_path):
    target = tmp_path / "handout.txt"
    # acknowledge; w; evidence skipped, ... : approved 4, evidence Enter, side effects 2, then 7x Enter; own item and 3;
    # My questions (5), Make a handout (6), plain text (1), the file; back; quit
    script = ["1", "w", "4", "", "2", "", "", "", "", "", "", "", "Being near my family", "3", "5", "6", "1", str(target), "0", "0"]
    result = run("read", input="\n".join(script) + "\n", env={"XDG_DATA_HOME": str(tmp_path / "data")})
    assert result.returncode == 0, result.stderr
    assert "1 Not important, 2 A little important, 3 Quite important, 4 Very important" in result.stdout
    part = " ".join(section(target.read_text(encoding="utf-8")).split())
    assert "Using a treatment that is approved for my problem: Very important" in part
    assert "Avoiding side effects: A little important" in part
    assert "Being near my family (my own): Quite important" in part
    assert "strong research" not in part and "What it costs me" not in part
    assert not (tmp_path / "data").exists(), "saving is opt-in"


# --- the app -----------------------------------------------------------------------------------------------


@pytest.mark.slow
async def test_rating_ones_own_item_before_typing_it_shows_nothing_chosen(guide):
    """With nothing typed there is nothing to keep; the row used to show a choice that was not stored."""
    from recovery_guide.tui.app import RecoveryGuideApp
    from recovery_guide.tui.screens.reader import ReaderScreen
    from recovery_guide.tui.screens.values import ValuesScreen

    app = RecoveryGuideApp(Session(guide))
    async with app.run_test(size=(80, 30)) as pilot:
        await pilot.press("enter")
        await settle(pilot, lambda: isinstance(app.screen, ReaderScreen))
        await pilot.press("w")
        await settle(pilot, lambda: isinstance(app.screen, ValuesScreen))
        screen = app.screen
        own_row = screen.query_one("#value-own")
        own_row.focus()
        await settle(pilot, lambda: app.focused is own_row)
        await pilot.press("3")
        await settle(pilot)
        assert app.session.my_values.own_level is None
        shown = str(own_row.render())
        assert "(•) Quite important" not in shown and "(•) Not sure / skip" in shown, "no choice shown that is not kept"


@pytest.mark.slow
async def test_rate_with_the_keyboard_add_an_own_item_and_find_them_on_both_handouts(guide, tmp_path):
    from recovery_guide.tui.app import RecoveryGuideApp
    from recovery_guide.tui.screens.reader import ReaderScreen
    from recovery_guide.tui.screens.values import ValuesScreen

    app = RecoveryGuideApp(Session(guide, store=Store(tmp_path / "data")))
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.press("enter")
        await settle(pilot, lambda: isinstance(app.screen, ReaderScreen))
        await pilot.press("w")
        await settle(pilot, lambda: isinstance(app.screen, ValuesScreen))
        screen = app.screen
        await pilot.press("right", "right", "right", "right", "right")  # approved: up to "Very important", and no further
        await pilot.press("down", "down", "2", "down", "3", "left")  # side effects: A little; clinic time: Quite, then A little
        await pilot.press("down", "4", "0")  # something new: rated, then skipped
        assert "(•) Very important" in str(screen.query_one("#value-approved").render())
        await pilot.press(*["down"] * 6)  # past cost and the 4 items after it, to the typing line of one's own item
        assert app.focused is screen.query_one("#own-value")
        await type_text(pilot, "Being near my family")
        await pilot.press("enter", "4")  # Enter goes on to how much it matters
        own_row = screen.query_one("#value-own")
        assert app.focused is own_row
        assert own_row.region.bottom <= screen.query_one("#values-body").region.bottom, "scrolled into view at 60x20"
        await pilot.press("enter")
        await settle(pilot, lambda: isinstance(app.screen, ReaderScreen))
        assert app.session.my_values.ratings == {"approved": "very", "side-effects": "a-little", "clinic-time": "a-little"}
        await make_handout(pilot, tmp_path / "mine.txt")
        await settle(pilot, lambda: (tmp_path / "mine.txt").exists())
        await make_handout(pilot, tmp_path / "mine.html", html=True)
        await settle(pilot, lambda: (tmp_path / "mine.html").exists())
    for name in ("mine.txt", "mine.html"):
        flat = " ".join(re.sub(r"<[^>]+>", " ", section((tmp_path / name).read_text(encoding="utf-8"))).split())
        assert "Using a treatment that is approved for my problem" in flat and "Very important" in flat
        assert "Avoiding side effects" in flat and "Spending less time at a clinic" in flat and "A little important" in flat
        assert "Being near my family (my own)" in flat
        assert "Trying something new" not in flat and "What it costs me" not in flat
        assert not re.search(r"\d", flat)
    assert not (tmp_path / "data").exists(), "saving off: nothing written"


@pytest.mark.slow
async def test_a_live_switch_to_spanish_keeps_the_answers_and_changes_the_words(guide):
    from recovery_guide.tui.app import RecoveryGuideApp
    from recovery_guide.tui.screens.values import ValuesScreen

    app = RecoveryGuideApp(Session(guide))
    async with app.run_test(size=(80, 30)) as pilot:
        await settle(pilot)
        await pilot.press("w")
        await settle(pilot, lambda: isinstance(app.screen, ValuesScreen))
        await pilot.press("4", "down", "1")
        await pilot.press("escape")
        await settle(pilot, lambda: not isinstance(app.screen, ValuesScreen))
        await choose_language(app, pilot, "es")
        await pilot.press("w")
        await settle(pilot, lambda: isinstance(app.screen, ValuesScreen))
        screen = app.screen
        assert screen.query_one("#dialog").border_title == "Lo que me importa"
        row = str(screen.query_one("#value-approved").render())
        assert "No estoy seguro / saltar" in row and "(•) Muy importante" in row, row
        assert "Usar un tratamiento que esté aprobado para mi problema" in row, "the item itself in Spanish (values.yaml translated)"
        assert app.session.my_values.ratings == {"approved": "very", "evidence": "not-important"}


@pytest.mark.slow
async def test_the_screen_the_content_names_offers_the_exercise_with_a_button(guide):
    from textual.widgets import Button

    from recovery_guide.tui.app import RecoveryGuideApp
    from recovery_guide.tui.screens.values import ValuesScreen

    assert guide.values.after == "is-it-right"
    app = RecoveryGuideApp(Session(guide), acknowledged=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        reader = app.screen
        assert not reader.query_one("#values-offer").display, "only on the screen values.yaml names"
        reader.go_to(guide.index_of("is-it-right"))
        await settle(pilot, lambda: reader.query_one("#values-offer").display)
        reader.query_one("#values-button", Button).press()
        await settle(pilot, lambda: isinstance(app.screen, ValuesScreen))


@pytest.mark.slow
@pytest.mark.parametrize("leave", ["down", "quit"])
async def test_the_arrows_write_the_saved_file_once_when_the_reader_leaves_the_row_or_quits(guide, tmp_path, leave):
    """Each arrow key used to write the saved file; now the rating is written once, when the reader
    moves to another row or quits (nothing chosen is lost)."""
    from recovery_guide.tui.app import RecoveryGuideApp
    from recovery_guide.tui.screens.reader import ReaderScreen
    from recovery_guide.tui.screens.values import ValuesScreen

    session = Session(guide, store=Store(tmp_path / "data"))
    assert session.set_saving(True) is None
    writes: list[object] = []
    real_save = session.store.save_merged  # every save goes through the merge with other windows
    session.store.save_merged = lambda state: writes.append(state) or real_save(state)
    app = RecoveryGuideApp(session)
    async with app.run_test(size=(80, 30)) as pilot:
        await pilot.press("enter")
        await settle(pilot, lambda: isinstance(app.screen, ReaderScreen))
        await pilot.press("w")
        await settle(pilot, lambda: isinstance(app.screen, ValuesScreen))
        writes.clear()
        await pilot.press("right", "right", "right")
        await settle(pilot, lambda: app.session.my_values.ratings.get("approved") == "quite")
        assert writes == [], "stepping through the words writes nothing yet"
        if leave == "down":
            await pilot.press("down")
            await settle(pilot, lambda: len(writes) == 1)
        else:
            await app.run_action("quit")  # the app's quit, as from the key bar or the palette, over this screen
            await settle(pilot, lambda: not app.is_running)
    assert len(writes) == 1
    saved = json.loads((tmp_path / "data" / FILE_NAME).read_text(encoding="utf-8"))
    assert "quite" in json.dumps(saved) and "approved" in json.dumps(saved)


def test_read_mode_enter_at_ones_own_items_rating_keeps_it(guide, tmp_path):
    """Enter means "leave it as it is" at every rating; at one's own item it used to clear the rating."""
    import io

    from recovery_guide.plain import PlainReader

    session = Session(guide, store=Store(tmp_path / "data"))
    session.set_own_value("Being near my family", "quite")
    answers = [""] * len(guide.values.items) + ["Being near my family", ""]
    out = io.StringIO()
    PlainReader(session, stdin=io.StringIO("\n".join(answers) + "\n"), stdout=out).what_matters()
    assert (session.my_values.own_text, session.my_values.own_level) == ("Being near my family", "quite")
    assert "(now: Quite important)" in " ".join(out.getvalue().split())
