"""English left in a translation: a sentence, or a contact's wording, that a translator did not translate.

The rule is light and explainable, with no language model: a sentence is English when at least
``MIN_FUNCTION_WORDS`` of its words, and at least ``MIN_SHARE`` of all its words (a run of Chinese characters counts as one), are common
English function words (``FUNCTION_WORDS``: "the", "and", "you", "with" ...). Names keep their own
words ("Canada's Drug Agency", "988 Suicide and Crisis Lifeline" have at most one), so names pass; a
sentence of running English does not. The list leaves out every word that is also a common word in a
language the guide is translated into ("a", "in", "die", "was", "will", "so", "as", "can", "to",
"on", "or", "no", "us" (the US) ...). Names a language keeps in English, and that would count (a service's name),
go in its term base (``terms.yaml``, ``names``); URLs, help-line and region names, glossary headwords
and source citations are not checked.

A contact ("988 (call or text)") is a few words around numbers, too short for a share: any of
``CONTACT_WORDS`` in it is English left in.
"""

from __future__ import annotations

import re

from recovery_guide.audit.report import Problem
from recovery_guide.guide_content.units import TextField, units
from recovery_guide.guide_content.yaml_source import YamlDocument, format_path
from recovery_guide.readability import sentences

FUNCTION_WORDS = frozenset(
    """the and of is are you your yours for with this that these those it its they their them there
    what when which who whom whose not be been being have has had were would should could may might must
    from by if than then but about into only any some each other our we she his her how
    does did doing because while after before until at""".split()
)
MIN_FUNCTION_WORDS = 2
MIN_SHARE = 0.3
CONTACT_WORDS = frozenset("call text then or press dial and only".split())
"""Words of a contact's wording ("Call or text 988", "111, then option 2"); not "option", "chat" or
"email", which French and German write the same."""

UNCHECKED = frozenset({"name", "term"})
"""Help-line, region and option names, and glossary headwords: names, often official English ones."""

_FUNCTION_WORD = re.compile("(?:" + "|".join(sorted(FUNCTION_WORDS)) + ")", re.IGNORECASE)
_LETTERS = re.compile(r"[^\W\d_]+")
_LONGEST = max(map(len, FUNCTION_WORDS))
_URL = re.compile(r"https?://\S+|www\.\S+|\S+@\S+")
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


def english_problems(doc: YamlDocument, fields: list[TextField], names: tuple[str, ...], line_of) -> list[Problem]:
    """Sentences and contacts in English among a translated file's ``fields``. ``line_of(path, unit)``
    gives a unit's line."""
    allowed = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(name) for name in names) + r")(?!\w)", re.IGNORECASE) if names else None
    found = []
    for field in fields:
        name = field.path[-1] if isinstance(field.path[-1], str) else field.path[-2]
        if name in UNCHECKED:
            continue
        text = _without(field.text, allowed)
        if name == "contact":
            words = {word.lower() for word in _WORD.findall(text)} & CONTACT_WORDS
            if words:
                found.append(Problem(str(doc.path), line_of(field.path, None), format_path(field.path), f"English left in a contact: {', '.join(sorted(words))} in {field.text!r}; translate the words, keep every digit"))
            continue
        if not _has_function_word(text):
            continue  # most texts: not one English function word, nothing to split
        for unit in units(text):
            for sentence in sentences(unit.text):
                if is_english(sentence):
                    found.append(Problem(str(doc.path), line_of(field.path, unit), format_path(field.path), f"English left in the translation: {_short(sentence)!r}"))
    return found


def _has_function_word(text: str) -> bool:
    """Whether any run of letters in ``text`` is a function word, in any case. A plain set lookup for
    ASCII runs; other runs go through the same case-insensitive pattern
    (which also folds, say, a dotless ı or a long ſ), so the answer is the pattern's, only sooner."""
    for run in _LETTERS.findall(text):
        if len(run) <= _LONGEST and (run.lower() in FUNCTION_WORDS if run.isascii() else _FUNCTION_WORD.fullmatch(run)):
            return True
    return False


def is_english(sentence: str) -> bool:
    """Whether a sentence reads as running English (see the module's docstring for the rule)."""
    found = [word.lower() for word in _WORD.findall(_URL.sub(" ", sentence))]
    if len(found) < 3:
        return False
    hits = sum(word in FUNCTION_WORDS for word in found)
    return hits >= MIN_FUNCTION_WORDS and hits / len(found) >= MIN_SHARE


def _without(text: str, allowed: re.Pattern | None) -> str:
    return allowed.sub(" ", text) if allowed is not None else text


def _short(text: str, width: int = 70) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"
