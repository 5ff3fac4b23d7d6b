"""The shape of every content file, declared once: parsing, allowed fields and JSON Schema all read it.

Before, each file's fields were written down three times (the loader's allowed-field sets, the
self-check parser's, the translation overlay's) and nowhere a clinician's editor could use. Here each
file kind is one ``Shape``: its fields, their kinds, whether they are required and what they are for.
``Fields`` reads a mapping by that declaration (so an unknown field warns and a missing one fails in
the same words everywhere; see ``fields``), and ``json_schema(kind)`` turns the same declaration into a JSON Schema
that editors with YAML support (VS Code's YAML extension, for example) use to complete and underline
fields as a clinician types. The committed copies are in ``docs/schema/``.

Cross-references (an unknown source id, a duplicate question id) are not shapes: ``parse`` and
``english`` check them.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from enum import Enum
from typing import Any

from recovery_guide.model import Approval, OutcomeKind, PageKind, ReadThrough, ReviewRole, Urgency

ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")

TEXT_LIMITS = {"text": 2_000, "texts": 2_000, "texts-or-mappings": 2_000, "literal": 200}
"""The most characters in one text of each kind, unless its field says otherwise: a paragraph-sized
field (the longest written is about 500), a number or contact (the longest about 105: a translated
contact explains its words, e.g. what a text phone (TTY) is)."""
NAME_LIMIT = 200
"""A title, a name or a short label: one line (the longest written is about 80)."""
OUTCOME_LIMIT = 80
"""What a filled symbol means in one icon array ("died in a year"): a short phrase, not a sentence
(the longest English one is about 40 characters; a translation may need twice that)."""
BODY_LIMIT = 20_000
"""A screen's body (the longest written is about 5,700)."""


@dataclass(frozen=True)
class Field:
    """One field of a mapping.

    ``kind`` is one of: text, literal (text YAML may read as a number, like 988), id, date, bool,
    texts, ids, choice (one of ``choices``), mapping (one ``shape``), mappings (a list of ``shape``),
    texts-or-mappings (a list whose items are text or a ``shape``), int (a whole number from
    ``low`` to ``high``), number (any number from ``low`` to ``high``, fractions allowed).
    """

    name: str
    kind: str
    about: str
    required: bool = True
    shape: Shape | None = None
    choices: type[Enum] | None = None
    default: Any = None
    english_only: bool = False
    """Required in the English file; a translation may leave it out (it always comes from the English)."""
    low: float | None = None
    high: float | None = None
    """For an int or a number: the smallest and largest allowed value."""
    max_length: int | None = None
    """For text (and each item of a list of texts): the most characters allowed; ``None`` takes the
    kind's usual limit (``TEXT_LIMITS``). Checked before the text is read any further, so a file
    within the size limit but with a 1.5 MB title is refused at once, not laid out for seconds."""

    @property
    def limit(self) -> int | None:
        """The most characters this field's text may have (None for fields that are not text)."""
        return self.max_length or TEXT_LIMITS.get(self.kind)


@dataclass(frozen=True)
class Shape:
    """The fields one mapping may have."""

    title: str
    about: str
    fields: tuple[Field, ...]
    by_name: dict[str, Field] = dataclasses.field(init=False, repr=False, compare=False)
    allowed: frozenset[str] = dataclasses.field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:  # looked up for every field read: computed once
        object.__setattr__(self, "by_name", {field.name: field for field in self.fields})
        object.__setattr__(self, "allowed", frozenset(self.by_name))

    def field(self, name: str) -> Field:
        return self.by_name[name]


# --- the declarations -------------------------------------------------------------------------------

TRANSLATION = Shape(
    "Translation stamp",
    "Written by `recovery-guide translations stamp`: which English text this was translated from.",
    (Field("source_hash", "text", "Hash of the English text this translation matches."),),
)

QUESTION = Shape("Question", "A question to ask your provider.", (Field("id", "id", "Unique id (lowercase letters, digits, dashes)."), Field("text", "text", "The question.")))

STEP = Shape(
    "Timeline step",
    "One step of what a session is like, in the order it happens.",
    (
        Field("id", "id", "Unique step id on this screen (lowercase letters, digits, dashes)."),
        Field("when", "text", 'A short label: "Before", "During, about 40 minutes".', max_length=NAME_LIMIT),
        Field("what", "text", "What happens, in one to three plain sentences."),
        Field("sources", "ids", "Ids of the sources (sources.yaml) this step rests on.", english_only=True),
    ),
)

RESULT_GROUP = Shape(
    "Result group",
    "One group of a study result.",
    (
        Field("label", "text", "Who this group was, in plain words (the ketamine group, the comparison group).", max_length=NAME_LIMIT),
        Field(
            "count",
            "int",
            "How many in 100 had the outcome (0 to 100; the caption must say it too). One number: where studies found "
            "different numbers, the caption says the range in words and which number the picture shows.",
            low=0,
            high=100,
        ),
    ),
)

RESULT = Shape(
    "Result",
    "A headline study result out of 100, with its comparison group beside it (shown as an icon array).",
    (
        Field("id", "id", "Unique result id."),
        Field("caption", "text", 'The result in words, with both counts: "about 48 in 100 ... about 11 in 100".'),
        Field(
            "outcome",
            "text",
            'What a filled symbol means in this picture, a short phrase ("stayed off cocaine in the last 2 weeks", "died in a year"): '
            "in some results it is a good outcome, in others a bad one, so each picture names its own.",
            max_length=OUTCOME_LIMIT,
        ),
        Field("groups", "mappings", "Exactly two: the treatment group, then the comparison group.", shape=RESULT_GROUP),
        Field("design", "text", 'The study design in plain words ("a small randomised study of 55 adults", "not randomised").'),
        Field(
            "caveat",
            "text",
            "Only for a weaker design (not randomised, or no group without the treatment): a short plain label drawn as a band "
            'across the picture ("Not a fair test: this cannot show that ketamine caused the difference"). Left out: a fair test, no band.',
            required=False,
            max_length=NAME_LIMIT,
        ),
        Field("source", "id", "Id of the source (sources.yaml) of this result.", english_only=True),
        Field(
            "outcome_is",
            "choice",
            "Whether the outcome is good or bad for the person (bad: drawn with another symbol, \u2716, and colour). English only.",
            choices=OutcomeKind,
            english_only=True,
        ),
        Field(
            "after_section",
            "int",
            "Show the picture at the end of this section of the body (1 = the first ## heading's section), "
            "next to the words about its study; left out: right after the key points. English only.",
            required=False,
            english_only=True,
            low=1,
            high=20,
        ),
    ),
)

OPTION = Shape(
    "Treatment option",
    "One option, told in the same fields as every other option on the screen.",
    (
        Field("id", "id", "Unique option id on this screen (lowercase letters, digits, dashes)."),
        Field("name", "text", "The option's name, short (it heads the option's card).", max_length=NAME_LIMIT),
        Field("what", "text", "What it is, in plain words."),
        Field("approved", "text", 'Whether it is approved for this problem ("Yes, in the US, for alcohol problems").'),
        Field("research", "text", 'What research found, in the same form for every option ("about 48 in 100 ... about 11 in 100"), with the comparison group, the design and how sure; "not known" when it is not.'),
        Field("like", "text", "What taking part is like (a daily pill, a monthly injection, weekly therapy, meetings). Never a dose."),
        Field("side_effects", "text", "Common side effects."),
        Field("not_for", "text", "Who should not use it, and key cautions."),
        Field("sources", "ids", "Ids of the sources (sources.yaml) these facts rest on.", english_only=True),
        Field("approved_short", "choice", 'Approved for this problem, in one word for the "At a glance" grid: yes, no or not-a-medicine. English only.', choices=Approval, english_only=True),
        Field(
            "involves",
            "text",
            'What taking part involves, a short phrase for the "At a glance" grid ("A pill every day"). Never a dose. '
            "Required in the English; a translation shows the English phrase until it adds its own.",
            required=False,
            max_length=OUTCOME_LIMIT,
        ),
        Field(
            "evidence_level",
            "literal",
            "How strong the research on this option is, 1 (very early) to 5 (strong) as on the screens' scale, or not-rated "
            "where no honest level exists (docs/content.md gives the rule). English only.",
            english_only=True,
        ),
    ),
)

TIER = Shape(
    "Urgency tier",
    "One urgency tier: what to do, and the signs that call for it.",
    (
        Field("heading", "text", 'What to do, starting with the tier\'s word in capitals: "NOW: call your emergency number".', max_length=NAME_LIMIT),
        Field("signs", "texts", "The signs that call for it, one short phrase each."),
    ),
)

URGENCY = Shape(
    "Urgency tiers",
    "How urgent each sign is, in three tiers (most urgent first): drawn as the tier picture with its signs on this screen and on Get help now.",
    (
        Field("now", "mapping", "Signs to call the emergency number for at once.", shape=TIER),
        Field("today", "mapping", "Signs to call the clinic about the same day.", shape=TIER),
        Field("next_visit", "mapping", "Things to tell the team at the next visit.", shape=TIER),
        Field("unsure", "text", "What to do when no tier seems to fit (shown under the tiers).", required=False),
    ),
)

SCREEN = Shape(
    "Screen",
    "One screen of the guide: content/<lang>/screens/*.yaml.",
    (
        Field("id", "id", "Unique screen id (lowercase letters, digits, dashes)."),
        Field("kind", "choice", "What kind of screen this is (default: topic).", required=False, choices=PageKind, default=PageKind.TOPIC),
        Field("title", "text", "The screen's title.", max_length=NAME_LIMIT),
        Field("reviewed", "date", "When a clinician last reviewed this screen (2026-11-27)."),
        Field("evidence", "text", "How strong the research is, in plain words.", required=False),
        Field("evidence_level", "int", "How strong the research is, 1 (very early) to 5 (strong); required with evidence.", required=False, english_only=True, low=1, high=5),
        Field("main_message", "text", "The guide's main message in one or two short sentences, shown first and emphasised (welcome screen).", required=False),
        Field("key_points", "texts", "Three or so short sentences: what to take away."),
        Field("timeline", "mappings", "What a session is like, step by step (shown after the key points).", required=False, shape=STEP),
        Field("results", "mappings", "Headline study results, each out of 100 with its comparison group.", required=False, shape=RESULT),
        Field("body", "text", "The screen's text, in Markdown.", max_length=BODY_LIMIT),
        Field("app_only", "text", "Markdown shown after the body in the app and read mode only: what the app itself does (works offline, saves nothing unasked), which means nothing on paper.", required=False),
        Field("questions", "mappings", "Questions to ask your provider.", shape=QUESTION),
        Field("sources", "ids", "Ids of the sources (sources.yaml) this screen relies on."),
        Field("terms", "ids", "Ids of glossary terms used on this screen.", required=False),
        Field("acknowledge", "text", "The sentence the reader agrees to (required on the welcome screen).", required=False),
        Field("options_intro", "text", "A short lead-in above the options: the decision, and the condition in plain words.", required=False),
        Field("urgency", "mapping", "The urgency tiers with their signs (the safety screen): the one source of the tier picture here and on Get help now.", required=False, shape=URGENCY),
        Field("options", "mappings", "Treatment options set side by side in the same fields (the research screens), at the end of the file.", required=False, shape=OPTION),
        Field("translation", "mapping", "In a translation only.", required=False, shape=TRANSLATION),
    ),
)

SOURCE = Shape(
    "Source",
    "A study, label or guideline the guide relies on.",
    (
        Field("id", "id", "Unique source id."),
        Field("citation", "text", "The citation."),
        Field("url", "text", "Where to read it.", required=False),
        Field("note", "text", "What it shows, in plain words."),
        Field(
            "read_through",
            "choice",
            "Set when the team read the source through a copy, a summary, an abstract or a news report, not the original: "
            "shown as a short tag after the citation; it must be re-checked before the guide is used in care. English only.",
            required=False,
            choices=ReadThrough,
            english_only=True,
        ),
        Field("translation", "mapping", "In a translation only: the stamp of the English note it was translated from.", required=False, shape=TRANSLATION),
    ),
)
SOURCES = Shape("Sources", "content/<lang>/sources.yaml.", (Field("sources", "mappings", "Every source.", shape=SOURCE),))

TERM = Shape(
    "Term",
    "A word the guide explains.",
    (
        Field("id", "id", "Unique term id."),
        Field("term", "text", "The word.", max_length=NAME_LIMIT),
        Field("definition", "text", "What it means, in plain words."),
        Field("forms", "texts", "Other spellings and inflections to find in the text.", required=False),
        Field("translation", "mapping", "In a translation only: the stamp of the English entry (term, definition, forms) it was translated from.", required=False, shape=TRANSLATION),
    ),
)
GLOSSARY = Shape("Glossary", "content/<lang>/glossary.yaml.", (Field("terms", "mappings", "Every term.", shape=TERM),))

HELP_LINE = Shape(
    "Help line",
    "A phone line or service.",
    (
        Field("id", "id", "Unique help line id."),
        Field("urgency", "choice", "How urgent a need it serves.", choices=Urgency),
        Field("name", "text", "Its name.", max_length=NAME_LIMIT),
        Field("contact", "literal", "Numbers and addresses exactly as dialled (a translation must dial the same numbers)."),
        Field("about", "text", "What it is for."),
        Field("source", "id", "Id of the source (sources.yaml) that lists it."),
        Field("translation", "mapping", "In a translation only: the stamp of the English name, contact and about it was translated from.", required=False, shape=TRANSLATION),
    ),
)
REGION = Shape(
    "Region",
    "A country and its help lines.",
    (
        Field("code", "text", "Two-letter country code, like US.", max_length=NAME_LIMIT),
        Field("name", "text", "The country's name.", max_length=NAME_LIMIT),
        Field("lines", "mappings", "Its help lines.", shape=HELP_LINE),
        Field("checked", "date", "When this region's numbers were last checked (default: the file's).", required=False),
    ),
)
HELP_LINES = Shape(
    "Help lines",
    "content/<lang>/help-lines.yaml.",
    (Field("checked", "date", "When the numbers were last checked against their sources."), Field("regions", "mappings", "Every region.", shape=REGION)),
)

REVIEW = Shape(
    "Review record",
    "Written by `recovery-guide translations review`: who read this translation against the English.",
    (
        Field("reviewer", "text", "The reviewer's name."),
        Field("role", "choice", "Their role.", choices=ReviewRole),
        Field("date", "date", "When they finished (2026-11-27)."),
        Field("screen", "id", "The one screen reviewed (default: the whole language).", required=False),
        Field("source_hash", "text", "The English version read against (for one screen: the hash `translations stamp` writes)."),
        Field("translation_hash", "text", "The translated words read; when they change, the state is \"changed since review\"."),
    ),
)

LANGUAGE = Shape(
    "Language",
    "content/<lang>/language.yaml: how this language version was made.",
    (
        Field("code", "text", "The language code, like es or pt_BR.", max_length=NAME_LIMIT),
        Field("produced", "text", "How it was produced, in this language."),
        Field("review_status", "text", "Whether it was reviewed, in this language."),
        Field("reviewed", "bool", "True once a qualified reviewer has checked it.", required=False, default=False),
        Field("reviews", "mappings", "Review records, oldest first (never invented: none until someone has reviewed it).", required=False, shape=REVIEW),
    ),
)

CHOICE = Shape("Choice", "One answer the reader can pick.", (Field("id", "id", 'Choice id (write "yes" and "no" in quotes).'), Field("text", "text", "The answer.")))
CHECK_QUESTION = Shape(
    "Self-check question",
    "One ungraded question.",
    (
        Field("id", "id", "Unique question id."),
        Field("prompt", "text", "The question."),
        Field("choices", "mappings", "At least two answers.", shape=CHOICE),
        Field("answer", "id", "The id of the choice the guide supports."),
        Field("explanation", "text", "What the guide says, for whichever choice was made."),
        Field("screen", "id", "The id of the screen that covers it.", english_only=True),
        Field("sources", "ids", "Ids of the sources that back the explanation.", english_only=True),
    ),
)
CHECK = Shape(
    "Self-check",
    "Check your understanding, after one screen.",
    (
        Field("id", "id", "Unique self-check id."),
        Field("after", "id", "The id of the screen it follows.", english_only=True),
        Field("title", "text", "Its title.", max_length=NAME_LIMIT),
        Field("topic", "text", "The topic in a few words.", max_length=NAME_LIMIT),
        Field("questions", "mappings", "Its questions.", shape=CHECK_QUESTION),
        Field("translation", "mapping", "In a translation only.", required=False, shape=TRANSLATION),
    ),
)
SELF_CHECKS = Shape("Self-checks", "content/<lang>/self-checks.yaml.", (Field("checks", "mappings", "Every self-check.", shape=CHECK),))

VALUE_ITEM = Shape("Value item", "One thing that may matter to the reader.", (Field("id", "id", "Unique item id (saved answers refer to it)."), Field("text", "text", "The thing, in plain words.")))
VALUES = Shape(
    "What matters to me",
    "content/<lang>/values.yaml: a short exercise, never scored, for the reader to take to their provider.",
    (
        Field("id", "id", "The exercise's id (always what-matters-to-me)."),
        Field("after", "id", "The id of the screen that offers it (a box with a button under its text).", english_only=True),
        Field("intro", "text", "One or two sentences saying what the exercise is for."),
        Field("paper_intro", "text", "The intro on paper (print and the handout's worksheet), where there is no app: the reader ticks on the page and takes it to the visit."),
        Field("levels", "mappings", "The rating words, least important first (4 of them; no numbers).", shape=CHOICE),
        Field("items", "mappings", "The things to rate.", shape=VALUE_ITEM),
        Field("sources", "ids", "Ids of the sources (sources.yaml) the exercise rests on.", english_only=True),
        Field("translation", "mapping", "In a translation only.", required=False, shape=TRANSLATION),
    ),
)

AVOIDED_TERM = Shape(
    "Term to avoid",
    "A word `check` refuses in this language's content and UI catalog (outside source citations).",
    (
        Field("term", "text", "The word or phrase to avoid, as written (matched as whole words, ignoring case)."),
        Field("forms", "texts", "Its other forms (plural, inflections) to refuse too.", required=False),
        Field("instead", "text", "The preferred word or words to use instead.", required=False),
        Field("reason", "text", "Why: stigma, a wrong meaning, a calque."),
    ),
)
PREFERRED_TERM = Shape(
    "Preferred term",
    "A word this language's content uses for one idea, so every screen says it the same way.",
    (Field("term", "text", "The word or phrase to use."), Field("meaning", "text", "The English idea it stands for."), Field("reason", "text", "Why this word.")),
)
TERMS = Shape(
    "Term base",
    "content/<lang>/terms.yaml: words to use, words to avoid (with reasons), and names that stay in English.",
    (
        Field("avoid", "mappings", "Terms `check` refuses.", required=False, shape=AVOIDED_TERM),
        Field("prefer", "mappings", "Terms to use.", required=False, shape=PREFERRED_TERM),
        Field("names", "texts", "Names and English words allowed in a translation (Narcan, Lifeline): not counted as English left in.", required=False),
    ),
)

WORD_SWAP = Shape(
    "Word swap",
    "One of the guide's British forms and the word a reader in these regions reads instead (matched as a whole word, ignoring case; the case of the text is kept).",
    (
        Field("british", "text", 'The form the English content writes, as in the text ("randomised", "dummy pill"). No digits.', max_length=NAME_LIMIT),
        Field("us", "text", 'What a reader in these regions reads instead ("randomized", "fake pill"). No digits.', max_length=NAME_LIMIT),
    ),
)
REGIONAL_WORDS = Shape(
    "US words",
    "content/en/us-words.yaml: the words an English reader in the US reads in place of the guide's British forms. "
    "Citations, URLs, contacts and translations are never changed.",
    (
        Field("regions", "texts", "The two-letter region codes (as in help-lines.yaml) whose readers read these words: US.", max_length=2),
        Field("words", "mappings", "Every pair, one British form each (every form of a word is a pair of its own: counselling, counsellor).", shape=WORD_SWAP),
    ),
)

CLINIC_QUESTION = Shape("Clinic question", "A question the clinic suggests.", (Field("text", "text", "The question."),))
CLINIC = Shape(
    "Clinic",
    "A clinic's own details, shown beside the guide (--clinic FILE).",
    (
        Field("name", "text", "The clinic's name (at most 120 characters).", max_length=120),
        Field("phone", "literal", "Its phone number.", required=False),
        Field("hours", "text", "Its opening hours.", required=False),
        Field("questions", "texts-or-mappings", "Extra questions (at most 30).", required=False, shape=CLINIC_QUESTION),
        Field("kiosk", "bool", "true: a shared screen (waiting room). Nothing is saved, readers cannot close the guide, and it starts over after a time without use.",
              required=False, default=False),
        Field("idle_minutes", "number", "Kiosk: minutes without a key or click before the guide asks \"Still reading?\" and then starts over (default 3).",
              required=False, default=3.0, low=0.01, high=1440),
        Field("staff_code", "literal", "Kiosk: the code staff type after Ctrl+X to close the guide (at least 4 characters). Without it, only the system can stop it.",
              required=False, max_length=64),
        Field("handout_folder", "text", "Kiosk: an existing folder where readers' handouts are written.", required=False, max_length=4096),
        Field("printer", "text", "Kiosk: a printer name; handouts are printed with `lp -d NAME` (when there is no handout_folder).", required=False, max_length=127),
        Field("default_language", "id", "Kiosk: the language code the guide starts in and returns to after starting over (e.g. en, es).", required=False),
    ),
)

SHAPES: dict[str, Shape] = {
    "screen": SCREEN,
    "sources": SOURCES,
    "glossary": GLOSSARY,
    "help-lines": HELP_LINES,
    "language": LANGUAGE,
    "self-checks": SELF_CHECKS,
    "values": VALUES,
    "terms": TERMS,
    "us-words": REGIONAL_WORDS,
    "clinic": CLINIC,
}
"""Every file kind, by the name of its JSON Schema in ``docs/schema/``."""


# --- JSON Schema for editors -------------------------------------------------------------------------

_TEXT = {"type": "string", "pattern": r"\S"}
_ID = {"type": ["string", "integer"], "pattern": ID_PATTERN.pattern}


def json_schema(kind: str) -> dict:
    """The JSON Schema (2020-12) of one file kind (a key of ``SHAPES``), for clinicians' editors."""
    shape = SHAPES[kind]
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", **_object(shape)}


def _object(shape: Shape) -> dict:
    required = [field.name for field in shape.fields if field.required and not field.english_only]
    schema: dict[str, Any] = {"title": shape.title, "description": shape.about, "type": "object"}
    schema["properties"] = {field.name: {"description": field.about, **_optional(field, _value(field))} for field in shape.fields}
    if required:
        schema["required"] = required
    schema["additionalProperties"] = False  # the loader ignores (and warns about) unknown fields: flag typos early
    return schema


def _optional(field: Field, value: dict) -> dict:
    """An optional field may be left empty (``url:``): the loader reads that as absent."""
    if field.required and not field.english_only:
        return value
    if "enum" in value:
        return {**value, "enum": [*value["enum"], None]}
    kinds = value["type"] if isinstance(value["type"], list) else [value["type"]]
    return {**value, "type": [*kinds, "null"]}


def _value(field: Field) -> dict:
    kind = field.kind
    if kind == "text":
        return {**_TEXT, "maxLength": field.limit}
    if kind == "literal":
        return {"type": ["string", "integer"], "maxLength": field.limit}
    if kind == "id":
        return dict(_ID)
    if kind == "date":
        return {"type": "string", "format": "date"}
    if kind == "bool":
        return {"type": "boolean"}
    if kind == "int":
        return {"type": "integer", "minimum": field.low, "maximum": field.high}
    if kind == "number":
        return {"type": "number", "minimum": field.low, "maximum": field.high}
    if kind == "choice":
        return {"enum": [member.value for member in field.choices]}
    if kind == "mapping":
        return _object(field.shape)
    items = {"texts": {**_TEXT, "maxLength": field.limit}, "ids": _ID, "mappings": None, "texts-or-mappings": None}[kind]
    if kind == "mappings":
        items = _object(field.shape)
    elif kind == "texts-or-mappings":
        items = {"anyOf": [{**_TEXT, "maxLength": field.limit}, _object(field.shape)]}
    array: dict[str, Any] = {"type": "array", "items": dict(items)}
    if field.required and not field.english_only:
        array["minItems"] = 1
    return array


def json_schema_text(kind: str) -> str:
    """``json_schema(kind)`` as the committed file ``docs/schema/<kind>.json`` holds it."""
    import json

    return json.dumps(json_schema(kind), indent=2, ensure_ascii=False) + "\n"


def write_json_schemas(folder) -> None:
    """Write every file kind's schema into ``folder`` (``docs/schema``) after changing a declaration."""
    from pathlib import Path

    for kind in SHAPES:
        (Path(folder) / f"{kind}.json").write_text(json_schema_text(kind), encoding="utf-8")
