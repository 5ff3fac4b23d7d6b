"""The guide as typed, immutable data.

Every view (the full-screen app, ``print``, handouts, checks) reads these objects and nothing else,
so a fact lives in exactly one place: the YAML under ``content/``. Objects are frozen so that a
view cannot change what another view will show.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import Enum


class PageKind(str, Enum):
    """What a screen is for; the app gives some kinds special behaviour."""

    WELCOME = "welcome"
    """The first screen: the reader acknowledges the notice before reading on."""
    TOPIC = "topic"
    """An ordinary reading screen."""
    HELP_NOW = "help-now"
    """Crisis and help lines; reachable from anywhere with ``h``."""
    ABOUT = "about"
    """How the guide was made; the full source list is shown after it."""


class ReviewRole(str, Enum):
    """Who read a translation against the English."""

    MEDICAL_TRANSLATOR = "medical-translator"
    CLINICIAN = "clinician"


class ReviewState(str, Enum):
    """Whether a translation has been reviewed, from its review records (never invented)."""

    REVIEWED = "reviewed"
    NOT_REVIEWED = "machine-assisted, not reviewed"
    CHANGED = "changed since review"


class OutcomeKind(str, Enum):
    """Whether a result's outcome is good or bad for the person: a bad one is drawn with another
    symbol (and colour), so a filled mark never means "stayed off alcohol" in one picture and
    "died" in the next."""

    GOOD = "good"
    BAD = "bad"


class ReadThrough(str, Enum):
    """How the team read a source when it was not the original: a source marked so must be checked
    against the original before the guide is used in care (the sources list says so once, in its
    legend, and marks each such source with a short tag)."""

    COPY = "copy"
    SUMMARY = "summary"
    ABSTRACT = "abstract"
    NEWS_REPORT = "news-report"


class Approval(str, Enum):
    """Whether an option is approved for this problem, in one word for the "At a glance" grid (the
    option's ``approved`` words say it in full)."""

    YES = "yes"
    NO = "no"
    NOT_A_MEDICINE = "not-a-medicine"


NOT_RATED = "not-rated"
"""An option's ``evidence_level`` where no honest level exists (staying with current care)."""


class Urgency(str, Enum):
    """How urgent a help line is. Shown in words, never by colour alone."""

    EMERGENCY = "emergency"
    CRISIS = "crisis"
    SUPPORT = "support"


@dataclass(frozen=True)
class Question:
    """One "Ask your provider" question. Its id is stable across languages and versions."""

    id: str
    text: str


@dataclass(frozen=True)
class Source:
    """A full citation that facts rest on."""

    id: str
    citation: str
    url: str | None
    note: str
    """What the source is, in plain words (translated)."""
    read_through: ReadThrough | None = None
    """Read through a copy, a summary, an abstract or a news report, not the original (None: the original)."""


@dataclass(frozen=True)
class Term:
    """A medical word and its plain definition."""

    id: str
    term: str
    definition: str
    forms: tuple[str, ...] = ()
    """Other spellings and inflections to find in the text ("infusions"), in this term's language."""
    translated_from: str | None = None
    """In a translation: the hash of the English entry it was translated from (``translation.source_hash``)."""


@dataclass(frozen=True)
class SourceNote:
    """A translation's plain-words note on one source (citations and URLs stay as published)."""

    id: str
    note: str
    translated_from: str | None = None
    """The hash of the English note it was translated from (``translation.source_hash``)."""


@dataclass(frozen=True)
class AvoidedTerm:
    """A word a language's term base refuses (``content/<lang>/terms.yaml``), what to say instead, and why."""

    term: str
    forms: tuple[str, ...]
    instead: str | None
    reason: str


@dataclass(frozen=True)
class TermBase:
    """One language's term base: words to avoid, words to prefer, and names that stay in English."""

    avoid: tuple[AvoidedTerm, ...] = ()
    prefer: tuple[tuple[str, str, str], ...] = ()
    """(term, English meaning, reason)."""
    names: tuple[str, ...] = ()


@dataclass(frozen=True)
class TimelineStep:
    """One step of "what a session is like": when it happens, what happens, and the sources it rests on."""

    id: str
    when: str
    """A short label: "Before", "During, about 40 minutes"."""
    what: str
    """One to three plain sentences."""
    source_ids: tuple[str, ...] = ()


@dataclass(frozen=True)
class UrgencyTier:
    """One urgency tier of the safety screen: what to do, in words that start with the tier's word
    ("NOW: call your emergency number"), and the signs that call for it. The one source of the tiers:
    the safety screen and Get help now both draw them from here."""

    id: str
    """``now``, ``today`` or ``next-visit``, most urgent first (the writers pick the tier's symbol and border by it)."""
    heading: str
    signs: tuple[str, ...]


REVIEW_INTERVAL_MONTHS = 12
"""How long after a screen's last review the next one is due (the one place this rule lives)."""


def next_review(reviewed: date) -> date:
    """The day the next review of a screen checked on ``reviewed`` is due: ``REVIEW_INTERVAL_MONTHS`` later
    (the last day of the month when that month is shorter: 29 February becomes 28 February)."""
    import calendar

    months = reviewed.month - 1 + REVIEW_INTERVAL_MONTHS
    year, month = reviewed.year + months // 12, months % 12 + 1
    return date(year, month, min(reviewed.day, calendar.monthrange(year, month)[1]))


@dataclass(frozen=True)
class ResultGroup:
    """One group of a study result: who they were and how many in 100 had the outcome."""

    label: str
    count: int
    """Out of 100 (always: one denominator everywhere), 0 to 100: one number per group. Where studies
    found different numbers, the caption says the range in words and the picture shows one number (an
    independent review found a "maybe" symbol for a range hard to read)."""


@dataclass(frozen=True)
class Result:
    """A headline study result, out of 100, with its comparison group beside it (shown as an icon array)."""

    id: str
    caption: str
    """The result in words ("... about 48 in 100 ... about 11 in 100 did."); it holds both counts."""
    outcome: str
    """What a filled symbol means in this result's picture ("died in a year"): good in some
    results and bad in others, so every picture's legend names it."""
    groups: tuple[ResultGroup, ...]
    """Exactly two: the treatment group, then the comparison group."""
    design: str
    """The study design in plain words ("a small randomised study of 55 adults", "not randomised")."""
    source_id: str
    outcome_is: OutcomeKind | None = None
    """Good or bad for the person (English only; None only while a translation is read, before the
    overlay takes the English's)."""
    after_section: int | None = None
    """The body section (1 = the first heading's) at whose end the picture is shown, next to the words
    about its study; None: right after the key points (English only, like ``outcome_is``)."""
    caveat: str = ""
    """For a weaker design (not a randomised comparison with a group that did not get the treatment):
    a short label drawn as a band across the picture ("Not a fair test: this cannot show that ketamine
    caused the difference"), so the picture cannot be read as proof; "" for a fair test. An
    independent review found the most striking pictures illustrated the weakest studies."""


@dataclass(frozen=True)
class TreatmentOption:
    """One treatment option, told in the same fields as every other (IPDAS "equal detail")."""

    id: str
    name: str
    what: str
    """What it is."""
    approved: str
    """Whether it is approved for this problem, in plain words."""
    research: str
    """What research found, in the same form for every option ("about N in 100 ..."), or "not known"."""
    like: str
    """What taking part is like (a daily pill, weekly therapy, meetings)."""
    side_effects: str
    not_for: str
    """Who should not use it, and key cautions."""
    source_ids: tuple[str, ...] = ()
    approved_short: Approval | None = None
    """Approved for this problem, in one word (English only; the "At a glance" grid)."""
    involves: str | None = None
    """What taking part involves, in a short phrase ("A pill every day"): the grid's column."""
    evidence_level: int | None = None
    """How strong the research on this option is, 1 to 5 as the screens' scale; 0 where the content
    says ``not-rated`` (no honest level exists). English only: None only while a translation is read."""

    TEXT_FIELDS = ("name", "what", "approved", "research", "like", "side_effects", "not_for")
    """The fields a reader sees (and a translator translates), in the order they are shown: the one
    list (``wording.option_labels`` follows it; parsing, the overlay, search and scoring read it)."""


@dataclass(frozen=True)
class Page:
    """One screen of the guide, in one language."""

    id: str
    title: str
    kind: PageKind
    key_points: tuple[str, ...]
    body: str
    """Markdown."""
    questions: tuple[Question, ...]
    source_ids: tuple[str, ...]
    reviewed: date
    evidence: str | None = None
    """Plain-words label of how strong the research is, wherever research results are described."""
    acknowledge: str | None = None
    """The sentence the reader agrees to (welcome screen only)."""
    main_message: str | None = None
    """The one thing to take away, shown first and emphasised (welcome screen; the print puts it right
    under the title)."""
    app_only: str | None = None
    """Markdown after the body that only the app and read mode show: what the app itself does ("works
    without the internet"). Paper leaves it out (an independent review found it made no sense printed)."""
    file: str = ""
    """The file it came from, for messages."""
    language: str = "en"
    """The language this screen's text is actually in (English when a translation is missing or stale)."""
    translated_from: str | None = None
    """In a translation file: the hash of the English text it was translated from."""
    terms: tuple[str, ...] = ()
    """Ids of the glossary terms used on this screen (from the English file; translations inherit it)."""
    timeline: tuple[TimelineStep, ...] = ()
    """What a session is like, step by step (shown right after the key points); empty on most screens."""

    evidence_level: int | None = None
    """How strong the research is on a scale of 1 to 5 (from the English file; translations inherit it)."""
    results: tuple[Result, ...] = ()
    """Headline study results, each out of 100 with its comparison group (shown as icon arrays)."""

    options: tuple[TreatmentOption, ...] = ()
    """The options set side by side in the same fields (the research screens)."""
    options_intro: str | None = None
    """A short lead-in shown above the options: the decision, and the condition in plain words."""

    urgency_tiers: tuple[UrgencyTier, ...] = ()
    """The urgency tiers with their signs, most urgent first (the safety screen); empty on other screens."""
    urgency_unsure: str | None = None
    """What to do when no tier seems to fit, shown under the tiers."""

    @property
    def next_review(self) -> date:
        """When this screen's next review is due (``next_review``)."""
        return next_review(self.reviewed)


@dataclass(frozen=True)
class HelpLine:
    """A phone line or service, for one region."""

    id: str
    urgency: Urgency
    name: str
    contact: str
    """Numbers and addresses exactly as dialled; never translated."""
    about: str
    source_id: str
    translated_from: str | None = None
    """In a translation: the hash of the English line (name, contact, about) it was translated from."""


@dataclass(frozen=True)
class Region:
    """A country or area and its help lines, most urgent first."""

    code: str
    name: str
    lines: tuple[HelpLine, ...]
    checked: date | None = None
    """When this region's numbers were last verified against their sources."""
    checked_from: tuple[str, ...] = ()
    """The citations of the sources its lines rest on, in the order its lines first cite them (what the
    numbers were checked against; filled in from sources.yaml when the guide is built)."""

    def lines_of(self, urgency: Urgency) -> tuple[HelpLine, ...]:
        return tuple(line for line in self.lines if line.urgency is urgency)


@dataclass(frozen=True)
class KioskSettings:
    """How the guide behaves on a shared screen: ``kiosk: true`` in the clinic file (or ``--kiosk``).

    The other fields are read from the clinic file whether or not ``enabled`` is set, so ``--kiosk``
    with a clinic file uses the clinic's choices (docs/clinic.md)."""

    enabled: bool = False
    idle_minutes: float = 3.0
    """Minutes without a key or a click before the "Still reading?" notice (fractions allowed)."""
    staff_code: str | None = None
    """What staff type after Ctrl+X to close the guide; None: only the system can stop it."""
    handout_folder: str | None = None
    """Where a reader's handout is written (None: printed, or shown on the screen)."""
    printer: str | None = None
    """A printer name for ``lp -d NAME``; used when there is no handout folder."""
    default_language: str | None = None
    """The language the guide starts in and returns to after a reset (None: the one it started in)."""


@dataclass(frozen=True)
class Clinic:
    """A clinic's own details, from an optional clinic file; shown beside the guide, never inside it."""

    name: str
    phone: str | None = None
    hours: str | None = None
    questions: tuple[Question, ...] = ()
    """Extra questions the clinic suggests, in the clinic's own words (never translated)."""
    file: str = ""
    kiosk: KioskSettings = KioskSettings()
    """The clinic's choices for a shared screen (used when kiosk mode is on)."""


@dataclass(frozen=True)
class LanguageInfo:
    """How one language version was produced and whether it has been reviewed."""

    code: str
    produced: str
    review_status: str
    reviewed: bool = False
    reviews: tuple[Review, ...] = ()
    """Who reviewed this translation (or one of its screens), in what role, when, against which version."""
    review_state: ReviewState = ReviewState.NOT_REVIEWED
    """Set when the translation is laid over the English (``overlay.review_state``)."""
    screen_review_states: tuple[tuple[str, ReviewState], ...] = ()
    """(screen id, state) for every screen with its own review record."""


@dataclass(frozen=True)
class Review:
    """One review record of ``language.yaml``: ``source_hash`` is the English version it was read
    against (for one screen, the hash ``translations stamp`` uses), ``translation_hash`` the words read."""

    reviewer: str
    role: ReviewRole
    date: date
    source_hash: str
    translation_hash: str
    screen: str | None = None


@dataclass(frozen=True)
class Choice:
    """One answer the reader can pick in a self-check question."""

    id: str
    text: str


@dataclass(frozen=True)
class CheckQuestion:
    """A short self-check question. Ungraded: whatever the reader picks, they see the explanation."""

    id: str
    prompt: str
    choices: tuple[Choice, ...]
    answer: str
    """The id of the choice the guide supports."""
    explanation: str
    """What the guide says, in plain words, for whichever choice was made."""
    screen: str
    """The id of the screen that covers it."""
    source_ids: tuple[str, ...]


@dataclass(frozen=True)
class SelfCheck:
    """"Check your understanding" at the end of a main topic, shown after the screen ``after``."""

    id: str
    after: str
    title: str
    topic: str
    """The topic in a few words ("What treatment involves"), for the "in my own words" note."""
    questions: tuple[CheckQuestion, ...]
    language: str = "en"
    """The language this check's text is actually in (English when a translation is missing or stale)."""
    translated_from: str | None = None
    """In a translation file: the hash of the English check it was translated from."""


@dataclass(frozen=True)
class ValueItem:
    """One thing the reader may rate in "What matters to me". Its id is stable (saved answers use it)."""

    id: str
    text: str


@dataclass(frozen=True)
class Values:
    """"What matters to me": a short exercise, never scored and never turned into a recommendation."""

    id: str
    intro: str
    levels: tuple[Choice, ...]
    """The rating words, least important first; skipping is always possible and is not a level."""
    items: tuple[ValueItem, ...]
    paper_intro: str = ""
    """The intro on paper (``print``, the handout's worksheet): the app's ``intro`` says the answers
    go on the handout, and on paper there is no handout to put them on."""
    source_ids: tuple[str, ...] = ()
    """Why the guide has this exercise (from the English file; translations inherit it)."""
    after: str = ""
    """The id of the screen that offers it (from the English file); ``w`` opens it from anywhere."""
    language: str = "en"
    """The language this exercise's words are actually in (English when a translation is missing or stale)."""
    translated_from: str | None = None
    """In a translation file: the hash of the English it was translated from."""
    file: str = ""

    def level(self, level_id: str) -> Choice | None:
        return next((level for level in self.levels if level.id == level_id), None)

    def item(self, item_id: str) -> ValueItem | None:
        return next((item for item in self.items if item.id == item_id), None)


@dataclass(frozen=True)
class WordSwap:
    """One of the English content's British forms ("randomised") and what a reader in the regions of
    ``RegionalWords`` reads instead ("randomized")."""

    british: str
    us: str


@dataclass(frozen=True)
class RegionalWords:
    """The words English readers in some regions read in place of the guide's British forms
    (``content/en/us-words.yaml``): the content keeps one English, and a reader in the US reads
    "randomized", "counseling" and "fake pill" (four independent reviews marked the British forms
    down for US readers, CDC Clear Communication Index item 7)."""

    regions: tuple[str, ...]
    swaps: tuple[WordSwap, ...]


@dataclass(frozen=True)
class Guide:
    """The whole guide in one language."""

    language: LanguageInfo
    pages: tuple[Page, ...]
    sources: dict[str, Source]
    glossary: tuple[Term, ...]
    regions: tuple[Region, ...]
    help_lines_checked: date
    translated_pages: int = 0
    """How many screens are in this guide's language and up to date with the English."""
    self_checks: tuple[SelfCheck, ...] = ()
    """"Check your understanding" questions, one set per main topic, in reading order."""
    values: Values | None = None
    """"What matters to me" (None when the content has no values.yaml)."""
    _by_id: dict[str, int] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        self._by_id.update({screen.id: index for index, screen in enumerate(self.pages)})

    @property
    def completeness(self) -> float:
        """Share of screens shown in this language (1.0 for English)."""
        if self.language.code == "en":
            return 1.0
        return self.translated_pages / len(self.pages) if self.pages else 0.0

    def index_of(self, screen_id: str) -> int:
        """Position of a screen in reading order."""
        return self._by_id[screen_id]

    def page(self, screen_id: str) -> Page:
        return self.pages[self._by_id[screen_id]]

    def first_of_kind(self, kind: PageKind) -> Page:
        return next(screen for screen in self.pages if screen.kind is kind)

    @property
    def tiers_page(self) -> Page | None:
        """The screen that holds the urgency tiers (the safety screen): Get help now and the handout
        draw the same tiers from it. None when no screen has them."""
        return next((screen for screen in self.pages if screen.urgency_tiers), None)

    def region(self, code: str) -> Region | None:
        return next((region for region in self.regions if region.code == code.upper()), None)


def check_after(guide: Guide, screen_id: str) -> SelfCheck | None:
    """The self-check shown after a screen, if any (both readers, the app and ``read``, ask this)."""
    return next((check for check in guide.self_checks if check.after == screen_id), None)
