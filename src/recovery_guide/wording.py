"""UI wording shared by every view, so the app, ``print`` and handouts say the same thing.

Each function translates at call time: call them after the language is chosen or switched.
"""

from __future__ import annotations

from datetime import date

from recovery_guide.i18n import _, current_language
from recovery_guide.model import Urgency


def app_title() -> str:
    return _("Recovery Guide")


def provider_banner() -> str:
    """The line shown on every screen."""
    return _("Learning only, not medical advice. Talk with your provider before you decide.")


def step(number: int, total: int) -> str:
    return _("Step {number} of {total}").format(number=number, total=total)


def key_points() -> str:
    return _("In brief")


def ask_your_provider() -> str:
    return _("Ask your provider")


def evidence(label: str) -> str:
    return _("How strong is the research? {label}").format(label=label)


def sources() -> str:
    return _("Sources")


def glossary() -> str:
    return _("Words used in this guide")


def reviewed(day: date) -> str:
    return _("Last checked: {date}").format(date=format_day(day))


def help_lines_checked(day: date) -> str:
    return _("Phone numbers last checked: {date}. Numbers can change.").format(date=format_day(day))


def no_local_emergency_number() -> str:
    return _("If a life is in danger, call your local emergency number.")


def language_note() -> str:
    return _("About this language version")


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


def every_region() -> str:
    return _("Emergency and crisis numbers in every region")


def region_checked(name: str, day: date) -> str:
    return _("{region}: numbers last checked {date}").format(region=name, date=format_day(day))


def region_checked_from(citations: tuple[str, ...]) -> str:
    """What a region's numbers were checked against: the sources' citations (never translated), each
    without its closing full stop so that the separators read cleanly."""
    return _("Checked against: {sources}").format(sources="; ".join(citation.rstrip(". ") for citation in citations))


def urgency_heading(level: Urgency) -> str:
    """Headings that grade help lines by urgency, in words."""
    return {
        Urgency.EMERGENCY: _("Emergency number"),
        Urgency.CRISIS: _("Crisis lines"),
        Urgency.SUPPORT: _("Treatment and information helplines"),
    }[level]


def urgency_short(level: Urgency) -> str:
    return {Urgency.EMERGENCY: _("emergency"), Urgency.CRISIS: _("crisis"), Urgency.SUPPORT: _("support")}[level]


# --- understanding: glossary, self-checks, search ----------------------------------------------------


def words_on_this_screen() -> str:
    return _("Words on this screen (Enter shows the meaning)")


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
