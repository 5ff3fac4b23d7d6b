"""UI wording shared by every view, so the app, ``print`` and handouts say the same thing.

Each function translates at call time: call them after the language is chosen or switched.
"""

from __future__ import annotations

from datetime import date

from recovery_guide.i18n import N_, _, current_language, pgettext
from recovery_guide.key_names import with_keys
from recovery_guide.model import Approval, OutcomeKind, ReadThrough, ReviewState, TreatmentOption, Urgency


def app_title() -> str:
    return _("Recovery Guide")


def provider_banner() -> str:
    """The line shown on every screen."""
    return _("Learning only, not medical advice. Talk with your provider before you decide.")


def step(number: int, total: int) -> str:
    return _("Step {number} of {total}").format(number=number, total=total)


def key_points() -> str:
    return _("In brief")


def contents() -> str:
    """The heading of the list of screens: the app's contents, and the printed guide's list near its top."""
    return _("Contents")


def ask_your_provider() -> str:
    return _("Ask your provider")


def evidence(label: str) -> str:
    return _("How strong is the research? {label}").format(label=label)


FILLED = "●"
"""A filled symbol in an icon array (a person with that picture's outcome, ``Result.outcome``): told from ``EMPTY`` by shape, not colour."""
EMPTY = "○"
"""An empty ring."""
BAD = "✖"
"""A filled symbol for a bad outcome (``OutcomeKind.BAD``: "died in a year"): a heavy cross, not
the dot of a good one, so black-and-white paper tells them apart. East Asian Width "N", so one cell
in every terminal (the dot's width is "A", which the project already counts as one)."""


WEAK_FILLED = "\u25cd"
"""A filled symbol in a weaker study's picture (``Result.caveat``: not a fair test): ◍, a ring with
stripes, not the solid ● of a fair test. An independent review (r15, PEMAT 16) found the text print
drawing the weak study's picture with the same ● as a strong one. East Asian Width "N": one cell."""
WEAK_BAD = "\u2715"
"""A bad outcome's mark in a weaker study's picture: a light cross ✕, not the heavy ✖ of a fair test
("N": one cell)."""


BAND = "\u2504"
"""The dashes of the band across a weak-design picture ("┄┄ Not a fair test: ... ┄┄┄"): a line drawn
across the picture, so the warning is seen without colour and on paper."""


def filled_symbol(outcome_is: OutcomeKind | None, weak: bool = False) -> str:
    """The filled symbol of a picture whose outcome is good (the dot) or bad (the cross); with
    ``weak`` (a weaker study's picture) the striped ring or the light cross."""
    if weak:
        return WEAK_BAD if outcome_is is OutcomeKind.BAD else WEAK_FILLED
    return BAD if outcome_is is OutcomeKind.BAD else FILLED


SCALE_FILLED = "■"
"""A level reached on the evidence scale. Squares, not the icon array's dots: an independent review found
the same ● meaning "had this result" in a picture and "a level reached" just below it."""
SCALE_EMPTY = "□"
"""A level not reached."""


def evidence_level(level: int) -> str:
    """The 1-to-5 evidence scale's level in words: the one place these names are kept."""
    names = {
        1: _("very early evidence"),
        2: _("early evidence"),
        3: _("some evidence"),
        4: _("good evidence"),
        5: _("strong evidence"),
    }
    return names[level]


def evidence_scale(level: int, top: int = 5) -> str:
    """The scale drawn in characters: ``level`` filled squares, then empty ones, ``top`` in all ("■■□□□")."""
    return SCALE_FILLED * level + SCALE_EMPTY * (top - level)


def evidence_scale_line(level: int, top: int = 5, dots: bool = True) -> str:
    """The scale with its words and its level in numbers: "early evidence ■■□□□ (level 2 of 5)"; without
    ``dots`` (read mode: a screen reader would read each dot aloud) "early evidence (level 2 of 5)".
    "level" is said, as a bare "(2 of 5)" beside results such as "about 48 in 100" read as "2 in 5
    people" to an independent reviewer (CDC Clear Communication Index, item 15)."""
    line = _("{name} {dots} (level {level} of {top})").format(name=evidence_level(level), dots=evidence_scale(level, top) if dots else "", level=level, top=top)
    return line if dots else " ".join(line.split())


def result_legend(outcome: str, outcome_is: OutcomeKind | None = None, weak: bool = False) -> tuple[str, ...]:
    """What the symbols of one icon array mean, one line each: how many people a block is, what a
    filled symbol stands for in this picture (``Result.outcome``), and what an empty one does. An independent review found one
    legend for all ("had this result") where ● meant staying off alcohol in one picture and dying in
    another. Lines, so a wrap never parts a symbol from its meaning. With ``weak`` (a weaker study's
    picture) the weak symbol, and the outcome says it shows a link, not proof (an independent review found "from a weaker study" clashed with the option's own good rating)."""
    # TRANSLATORS: three lines above each picture; {outcome} is the picture's own phrase from the content ("died within a year").
    text = _("Each block of 10 by 10 is 100 people.\n{filled} = {outcome}\n{empty} = everyone else")
    said = weaker_study(outcome) if weak else outcome
    return tuple(text.format(filled=filled_symbol(outcome_is, weak), outcome=said, empty=EMPTY).splitlines())


def weaker_study(outcome: str) -> str:
    """A weaker study's picture's outcome in its key line: "◍ = stayed off alcohol ... (a link, not proof)"."""
    # TRANSLATORS: {outcome} is a picture's own phrase from the content ("stayed off alcohol for more than 1 year").
    return _("{outcome} (a link, not proof)").format(outcome=outcome)


def mark_key(mark: str) -> str:
    """The printed key's sentence on one mark (``view.pages.picture_key`` says only those a picture in
    the print draws: it once named ◍, which no picture drew). A weaker
    study's marks follow ``band_key``, whose "such a picture" they continue."""
    sentences = {
        # TRANSLATORS: {mark} is one symbol of the pictures (●, ✖ or ○); the key gives only those the print draws.
        FILLED: _("{mark} marks a good result."),
        # TRANSLATORS: {mark} is one symbol of the pictures (●, ✖ or ○); the key gives only those the print draws.
        BAD: _("{mark} marks a bad result."),
        # TRANSLATORS: {mark} is one symbol of the pictures (●, ✖ or ○); the key gives only those the print draws.
        EMPTY: _("{mark} marks everyone else."),
        # TRANSLATORS: follows the sentence on the band of dashes; "such a picture" is one with that band. {mark} is ◍.
        WEAK_FILLED: _("In such a picture, {mark} marks a good result."),
        # TRANSLATORS: follows the sentence on the band of dashes; "such a picture" is one with that band. {mark} is ✕.
        WEAK_BAD: _("In such a picture, {mark} marks a bad result."),
    }
    return sentences[mark].format(mark=mark)


def hatched_marks() -> str:
    """The printed page's key line for a weak design's picture, whose filled marks are grey and striped:
    review r14 found the key showing a solid mark above striped ones, and the stripes never explained."""
    return _("Here the marks are grey and striped: the study cannot show the cause (see the band).")


def thin_grey_crosses() -> str:
    """The HTML page's key line for a weak design's picture of a bad outcome, whose marks are thin grey
    crosses (✕, not a fair test's heavy black ✖): a stripe cannot be drawn in a cross, and an
    independent review found "grey and striped" above marks that had no stripes."""
    return _("Here the marks are thin grey crosses: the study cannot show the cause (see the band).")


def blocks_key() -> str:
    """The printed key's first sentence: what one block of a picture counts."""
    return _("Each block of 10 by 10 is 100 people.")


def each_picture_key() -> str:
    """The printed key's sentence after its marks (``mark_key``): each picture names what its mark means."""
    return _("Above each picture, a key says what the mark means in that picture.")


def band_key() -> str:
    """The printed key's sentence on the band across a weak-design picture (``Result.caveat``), true of
    every such picture: no picture's own words."""
    # TRANSLATORS: {band} is a short row of dashes drawn across some pictures; the words in it are the content's.
    return _("A band of dashes ({band}) across a picture means its study cannot show that the treatment caused the difference. The words in the band say why.").format(band=BAND * 2)


def result_count(count: int) -> str:
    """ "19 in 100"."""
    return _("{count} in 100").format(count=count)


def result_design(design: str, source_number: int | None) -> str:
    """The study's design and its number in the source list (None: no source list goes with it, as on a handout)."""
    if source_number is None:
        return _("Study: {design}.").format(design=design)
    return _("Study: {design}. Source [{number}].").format(design=design, number=source_number)


def options_heading() -> str:
    return _("Your options, side by side")


def option_column() -> str:
    return _("Option")


def at_a_glance() -> str:
    """The heading of the grid before the option cards."""
    return _("At a glance")


def approved_for_this() -> str:
    return _("Approved for this?")


def what_it_involves() -> str:
    return _("What it involves")


def research_column() -> str:
    return _("Research")


def not_rated() -> str:
    """An option's research where no honest level on the 1-to-5 scale exists (staying with current care)."""
    return _("not rated")


def approval_word(approval: Approval | None) -> str:
    """Approved for this, in one word for the grid."""
    return {Approval.YES: _("Yes"), Approval.NO: _("No"), Approval.NOT_A_MEDICINE: _("Not a medicine")}.get(approval, "")


def options_chart() -> str:
    """The title of the chart under the main message (``view.options_chart``)."""
    return _("The options at a glance")


def options_chart_caption() -> str:
    """The chart's one-line caption: how to read the squares, and the one fact it must carry."""
    return _("More filled squares mean stronger research. Ketamine is not approved for any of these problems.")


def chart_approval(approval: Approval) -> str:
    """Approved for this problem, in words that stand alone in a row of the chart (no column header there)."""
    return {Approval.YES: _("approved"), Approval.NO: _("not approved"), Approval.NOT_A_MEDICINE: _("not a medicine")}[approval]


def chart_more(count: int, step: int) -> str:
    """Under a group of the chart: where the options it leaves out are (a sentence, for read mode too)."""
    return _("See all options in step {step} ({count} more).").format(count=count, step=step)


def chart_group(title: str, step: int) -> str:
    """A group's heading in the chart: the research screen's title and its step. Not "Step 5 of 14: ...",
    which in read mode and on paper reads as the start of another page."""
    return _("{title} (step {step})").format(title=title, step=step)


def chart_sentence(option: str, approval: str, research: str) -> str:
    """One row of the chart as a sentence, for read mode and screen readers."""
    return _("{option}: {approval}, {research}.").format(option=option, approval=approval, research=research)


OPTION_LABELS = {
    "what": N_("What it is"),
    "approved": N_("Approved?"),
    "research": N_("What research found"),
    "like": N_("What it is like"),
    "side_effects": N_("Side effects"),
    "not_for": N_("Who should not use it, or take care"),
}
"""What each field of a treatment option is called. Which fields there are, and their order, is
``TreatmentOption.TEXT_FIELDS`` alone (the model cannot import the catalogs)."""


def option_labels() -> tuple[tuple[str, str], ...]:
    """(field, label) for each field of a treatment option after its name, in the order every writer
    shows them: ``TreatmentOption.TEXT_FIELDS``."""
    return tuple((name, _(OPTION_LABELS[name])) for name in TreatmentOption.TEXT_FIELDS if name != "name")


QUESTION_MARKS = ("?", "？")
"""A label that ends in one of these ("Approved?") is a question and takes no colon."""


def _label_separator() -> str:
    """How this language joins a label and its text, from the catalog: a colon is not the same mark
    in every language. Translators asked for it: French puts a no-break space before the colon
    ("Ce que c'est\u00a0: ..."), Chinese writes a full-width colon with no space ("要点：..."); the
    others write ": ". One rule here, so every writer (print, handouts, read mode, the app) agrees."""
    # TRANSLATORS: joins a label and its text ("What it is: A medicine ..."). Keep {label} and {text}. French: "{label}, no-break space U+00A0, colon, space, {text}"; Chinese: "{label}：{text}".
    return pgettext("label separator", "{label}: {text}")


def label_parts(label: str) -> tuple[str, str, str]:
    """A label, the mark after it and the space before its text, the way the reader's language
    writes them: ("What it is", ":", " "), ("Ce que c'est", "\u00a0:", " "), ("这是什么", "：", "").
    A label that is a question ("Approved?") takes no mark. For writers that style the label on its
    own (bold, a span) and must escape each piece; ``labelled`` joins them."""
    between = _label_separator().partition("{text}")[0].partition("{label}")[2]
    mark = between.rstrip()
    gap = between[len(mark) :]
    return label, ("" if label.endswith(QUESTION_MARKS) else mark), gap


def label_separator(label: str) -> str:
    """What goes between ``label`` and its text (": ", "\u00a0: ", "：", or " " after a question)."""
    return "".join(label_parts(label)[1:])


def labelled(label: str, text: str) -> str:
    """A label and its text on one line, the way the reader's language writes it: "What it is: A
    medicine", "Ce que c'est\u00a0: Un médicament", "这是什么：一种药物"."""
    return f"{label}{label_separator(label)}{text}"


FULL_WIDTH_STOPS = ("。", "！", "？", "；", "：")
"""Chinese and Japanese end a sentence with a full-width mark, which carries its own space."""


def two_sentences(first: str, then: str) -> str:
    """Two sentences in a row: a space between them, except after a full-width stop ("…翻译。AI…", not
    "…翻译。 AI…", which a Chinese translator's read found in the language note)."""
    return f"{first}{'' if first.endswith(FULL_WIDTH_STOPS) else ' '}{then}"


def contact_and_about(contact: str, about: str) -> str:
    """A help line's number, then the sentence about it, with the reader's language's full stop
    ("911. Emergency …", "911。紧急…")."""
    # TRANSLATORS: a phone number, then one sentence about the line. Chinese: "{contact}。{about}".
    return pgettext("number then sentence", "{contact}. {about}").format(contact=contact, about=about)


def list_separator() -> str:
    """Between the items of a list written on one line ("emergency: 999; crisis: 116 123")."""
    # TRANSLATORS: between items of a list on one line. French: no-break space U+00A0, then "; "; Chinese: "；".
    return pgettext("list separator", "; ")


def label_line(label: str) -> str:
    """A label or heading that introduces what follows it, on the lines below ("In brief:", "En
    bref\u00a0:", "要点："): the reader's language's colon, from the catalog, like ``labelled``. A
    label that is a question ("Approved?") takes no colon."""
    if label.endswith(QUESTION_MARKS):
        return label
    # TRANSLATORS: a heading that introduces a list below it ("In brief:"). French: "{label}, no-break space U+00A0, colon"; Chinese: "{label}：".
    return pgettext("label separator", "{label}:").format(label=label)


def sources() -> str:
    return _("Sources")


def sources_list() -> str:
    """The heading of the numbered source list: a patient sees it is there to check the guide, not to
    read through (an independent review found 101 academic titles with nothing to say what they are for)."""
    return _("Sources (for you or your provider to check)")


def glossary() -> str:
    return _("Words used in this guide")


def reviewed(day: date) -> str:
    return _("Last checked: {date}").format(date=format_day(day))


def timeline() -> str:
    return _("A session, step by step")


def review_dates() -> str:
    return _("When each screen was checked")


def review_due(title: str, reviewed: date, due: date) -> str:
    """One screen's review dates, in words: "Title: last checked 27 November 2026; next check due by ..."."""
    return _("{title}: last checked {reviewed}; next check due by {due}").format(title=title, reviewed=format_day(reviewed), due=format_day(due))


def help_lines_checked(day: date) -> str:
    return _("Phone numbers last checked: {date}. Numbers can change.").format(date=format_day(day))


def no_local_emergency_number() -> str:
    return _("If a life is in danger, call your local emergency number.")


def language_note() -> str:
    return _("About this language version")


def review_state(state: ReviewState) -> str:
    """A translation's review state, from its review records, for readers (About screen)."""
    return {
        ReviewState.REVIEWED: _("Review: reviewed by a qualified reviewer against the current English."),
        ReviewState.NOT_REVIEWED: _("Review: machine-assisted, not reviewed."),
        ReviewState.CHANGED: _("Review: changed since review (the English or this translation changed after it was reviewed)."),
    }[state]


def format_day(day: date) -> str:
    """A date written the way the reader's language writes it (Babel), e.g. 27 November 2026."""
    from babel.dates import format_date

    try:
        return format_date(day, format="long", locale=current_language())
    except Exception:  # an unknown locale must never hide a date
        return day.isoformat()


# --- My questions and handouts ------------------------------------------------------------------------


def my_questions() -> str:
    return _("My questions")


def handout_title() -> str:
    return _("My questions for my appointment")


def appointment_framing() -> str:
    """The handout's framing: the reader's provider, not this guide, knows their situation."""
    return _("Bring this to your appointment. Your provider knows your situation and can answer these questions for you.")


def answer() -> str:
    return _("Answer:")


def general_questions() -> str:
    return _("My other questions")


def what_matters_to_me() -> str:
    return _("What matters to me")


def not_kept_warning(has_questions: bool) -> str:
    """What quitting would lose, said before the reader chooses (the app's quit question and read mode)."""
    if has_questions:
        return _("Your questions in {my_questions} are not saved. If you quit now, they are lost.").format(my_questions=my_questions())
    return _("Your answers in {what_matters} are not saved. If you quit now, they are lost.").format(what_matters=what_matters_to_me())


def what_matters_note() -> str:
    return _("This is for talking with my provider. It is not a score and not a recommendation.")


def picture_key() -> str:
    """The heading of the printed guide's key to its pictures."""
    return _("How to read the pictures")


def evidence_key() -> str:
    """The lines before the evidence scale's five levels in the printed guide's key: what the squares
    show and how a level is given (``docs/content.md``: by the studies' design and size), so "(level 2 of 5)"
    is never a grade the reader cannot place (an independent review: CCI item 16)."""
    return _(
        "The squares show how strong the research is. We give the level by how the studies were done and how big they were. "
        "A fair test is a study that puts people into groups by chance (randomised). The 5 levels are:"
    )


def evidence_level_meaning(level: int) -> str:
    """What one level of the evidence scale takes, in plain words (the rule in ``docs/content.md``,
    shortened), for the printed guide's key."""
    meanings = {
        1: _("1 small study, or studies with no fair group to compare with"),
        2: _("a few small fair tests, or reviews that found only a small or mixed effect"),
        3: _("a review of many fair tests with a clear result, or 1 large fair test"),
        4: _("reviews of fair tests agree, and so do studies that followed people over time"),
        5: _("several large, good reviews of fair tests agree"),
    }
    return meanings[level]


def on_paper() -> str:
    """The words that open a content sentence meant for paper only ("On paper, tick your questions
    and bring these pages."): the app and ``read`` mode leave that sentence out (view/on_screen.py).
    A translation is the exact opener that language's content uses."""
    return _("On paper")


def worksheet_how() -> str:
    """How to fill in "What matters to me" on paper."""
    return _("For each one, tick one box. You can skip any of them.")


def something_else_matters() -> str:
    """The printed worksheet's line for the reader's own item (a line to write on follows it)."""
    return _("Something else that matters to me:")


def my_own_value() -> str:
    return _("(my own)")


def value_entry(text: str, level: str | None, own: bool) -> str:
    """One answer on a handout: "Avoiding side effects: Very important", the own item marked."""
    if own:
        text = f"{text} {my_own_value()}"
    return labelled(text, level) if level else text


def write_own_questions() -> str:
    """The prompt above ruled lines under "My questions" on paper."""
    return _("Write your own questions here:")


def anything_else_matters() -> str:
    """The prompt above ruled lines under "What matters to me" on paper."""
    return _("Anything else that matters to me:")


def options_to_ask_about() -> str:
    """The prompt above ruled lines after "What matters to me" on paper: the options the reader leans
    toward (an independent review found the guide never asks which one that is)."""
    return _("The one or two options I want to ask my provider about:")


def notes_from_visit() -> str:
    """The heading of the box to write notes in at the appointment."""
    return _("Notes from my visit")


def check_my_understanding() -> str:
    return _("Please check my understanding")


def what_i_read() -> str:
    return _("What I read in the guide")


def help_lines_heading() -> str:
    return _("Where to get help")


def your_clinic() -> str:
    return _("Your clinic")


def clinic_phone(phone: str) -> str:
    return _("Phone: {phone}").format(phone=phone)


def clinic_hours(hours: str) -> str:
    return _("Hours: {hours}").format(hours=hours)


def made_on(day: date) -> str:
    return _("Made on {date}").format(date=format_day(day))


def danger_now() -> str:
    """The heading of the box with the reader's emergency and crisis numbers, at the top of paper
    (``view.blocks.DangerNow``)."""
    return _("If you are in danger now")


def other_help_lines_on_page(number: int, title: str) -> str:
    """On paper, under the reader's emergency and crisis numbers at the top: where the rest are."""
    # TRANSLATORS: {title} is the title of the help screen ("Get help now"), {number} its step.
    return _("Other help lines are in step {number}, \"{title}\".").format(number=number, title=title)


def other_help_lines_below(heading: str) -> str:
    """On a handout, under the reader's emergency and crisis numbers at the top: where the rest are."""
    # TRANSLATORS: {heading} is the handout's help-lines heading ("Where to get help").
    return _("Other help lines are at the end, under \"{heading}\".").format(heading=heading)


def every_region_below(heading: str) -> str:
    """On a handout for a reader whose region is unknown, at the top: where every country's numbers are."""
    # TRANSLATORS: {heading} is the handout's help-lines heading ("Where to get help").
    return _("The numbers for each country are at the end, under \"{heading}\".").format(heading=heading)


def every_region() -> str:
    return _("Emergency and crisis numbers for other countries")


def other_countries_in_app(title: str) -> str:
    """On paper printed for one country: where the other countries' numbers are."""
    # TRANSLATORS: {title} is the title of the app's help screen ("Get help now").
    return _("Numbers for other countries are in the app, on the \"{title}\" screen.").format(title=title)


def region_checked(name: str, day: date) -> str:
    return _("{region}: numbers last checked {date}").format(region=name, date=format_day(day))


def region_checked_from(citations: tuple[str, ...]) -> str:
    """What a region's numbers were checked against: the sources' citations (never translated), each
    without its closing full stop so that the separators read cleanly."""
    return _("Checked against: {sources}").format(sources="; ".join(citation.rstrip(". ") for citation in citations))


def region_checked_against(day: date, numbers: tuple[int, ...]) -> tuple[str, str]:
    """When a region's numbers were checked, then against which sources of the list, as two short
    lines (``print``: the citations themselves are in the source list, not between the numbers)."""
    return _("We last checked these numbers on {date}.").format(date=format_day(day)), sources_by_number(numbers)


def sources_by_number(numbers: tuple[int, ...]) -> str:
    """ "Sources: [28], [30]": sources by their numbers in the printed source list."""
    return labelled(sources(), ", ".join(f"[{number}]" for number in numbers))


def urgency_heading(level: Urgency) -> str:
    """Headings that grade help lines by urgency, in words."""
    return {
        Urgency.EMERGENCY: _("Emergency number"),
        Urgency.CRISIS: _("Crisis lines"),
        Urgency.SUPPORT: _("Treatment and information helplines"),
    }[level]


def urgency_tiers_heading() -> str:
    return _("How urgent is it?")


def urgency_short(level: Urgency) -> str:
    return {Urgency.EMERGENCY: _("emergency"), Urgency.CRISIS: _("crisis"), Urgency.SUPPORT: _("support")}[level]


# --- understanding: glossary, self-checks, search ----------------------------------------------------


def words_on_this_screen() -> str:
    return with_keys(_("Words on this screen ({enter} shows the meaning)"))


def used_on() -> str:
    return _("Used on:")


def check_your_understanding() -> str:
    return _("Check your understanding")


def self_check_intro() -> str:
    """Framing: a self-check for the reader, never a test."""
    return _("A few short questions to check your own understanding. This is not a test and nothing is scored.")


def matches_the_guide() -> str:
    return _("That matches what the guide says.")


def not_sure_is_fine() -> str:
    return _("Not being sure is fine. Here is what the guide says.")


def guide_says_otherwise() -> str:
    return _("The guide says something different. Here is what it says.")


def self_check_verdict(question, choice_id: str) -> str:
    """What to say before the explanation: kind whatever was chosen, never "wrong"."""
    if choice_id == question.answer:
        return matches_the_guide()
    if choice_id == "unsure":
        return not_sure_is_fine()
    return guide_says_otherwise()


def read_more(number: int, title: str) -> str:
    return _("Read more: step {number}, {title}").format(number=number, title=title)


def own_words_prompt(topic: str) -> str:
    return _("In your own words, what did you understand about: {topic}? Your provider can check it with you.").format(topic=topic)


def empty_list_message() -> str:
    """Said instead of making a handout with no questions in it (the app's key and its dialog)."""
    return _("Your list is empty, so there is no handout to make yet. Press s on any screen to add a question, or a to write your own.")


def main_message() -> str:
    """The label of the guide's main message (the emphasised box that comes first)."""
    return _("Main message")


def read_through(how: ReadThrough) -> str:
    """The short tag after a citation the team did not read in the original: "(read through a copy)"."""
    return {
        ReadThrough.COPY: _("(read through a copy)"),
        ReadThrough.SUMMARY: _("(read through a summary)"),
        ReadThrough.ABSTRACT: _("(read through an abstract)"),
        ReadThrough.NEWS_REPORT: _("(read through a news report)"),
    }[how]


def sources_legend() -> tuple[str, str]:
    """The lines above the sources list: what a tag means, once, and why some old titles use old words."""
    return (
        _("Marked sources were read through a copy or a summary, not the original. They must be re-checked before this guide is used in care."),
        _("Some older titles use words for drug and alcohol problems that we no longer use."),
    )


def all_reviewed(reviewed: date, due: date, others: bool = False) -> str:
    """The usual review dates in one line: of every screen, or (``others``) of every screen not
    listed just above it with its own dates."""
    if others:
        return _("Every other screen was last checked on {reviewed}. Next review due by {due}.").format(reviewed=format_day(reviewed), due=format_day(due))
    return _("Every screen was last checked on {reviewed}. Next review due by {due}.").format(reviewed=format_day(reviewed), due=format_day(due))


def help_lines_on_page(number: int, title: str) -> str:
    """On paper, instead of the app's "press h": where the help lines are printed."""
    return _("Help lines are on the \"{title}\" page (step {number}).").format(title=title, number=number)


def said_on_page(number: int, title: str) -> str:
    """On paper, under a section's heading, in place of words printed in full on an earlier page."""
    return _("See this part in step {number}, \"{title}\".").format(number=number, title=title)


def tiers_on_page(number: int, title: str) -> str:
    """On paper, in place of the urgency tiers printed in full on an earlier page: where to find them."""
    return _("Not sure how fast to get help? The signs to act on now, today or at your next visit are in step {number}, \"{title}\".").format(number=number, title=title)
