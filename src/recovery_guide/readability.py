"""Reading level of the guide's text, in each language that has a formula worth trusting.

Used by ``recovery-guide check`` and by the content tests, so both judge the text the same way. It
needs nothing outside the standard library: editors run ``check`` from a plain install, and the
command must stay fast.

What is scored: a screen's key points and its body, with the Markdown taken out first (``#``
headings, ``-`` and ``1.`` list markers, ``**bold**`` and ``*emphasis*``). Each heading, list item and
key point is its own sentence, as a reader meets it.

Formulas and the thresholds chosen
----------------------------------

English: Flesch-Kincaid grade level, ``0.39 * words/sentence + 11.8 * syllables/word - 15.59``, a US
school grade. A screen above grade 8 is a problem (``check`` exits 1); the aim is grade 6, and the
guide as a whole must stay at or below 6.5 (the aim plus half a grade of measuring noise). SMOG
(``1.043 * sqrt(30 * words of 3+ syllables / sentences) + 3.1291``) is reported for the whole guide
only: it was made for samples of 30 sentences or more, so a single screen is too short for it.

Every screen must stay within its language's limit: ``check`` lists each one that does not. The
formulas outside English are calibrated on fewer texts and their syllable counts are rougher, so their
limits are set at the plain "fine" end of each scale, not tighter.

Spanish: Fernández-Huerta, ``206.84 - 60 * syllables/word - 1.02 * words/sentence``, on the Flesch
scale (higher is easier). 60 or more is "standard" (normal) or easier, and is what we want. Some
sources print the sentence term as "sentences per 100 words", which would make shorter sentences
read *harder*; like textstat and legible.es we use words per sentence, parallel to Flesch.

German: Wiener Sachtextformel, first variant (WSTF1, Bamberger & Vanecek 1984):
``0.1935 * MS + 0.1672 * SL + 0.1297 * IW - 0.0327 * ES - 0.875``, where MS is the percentage of
words with 3 or more syllables, SL words per sentence, IW the percentage of words with more than 6
letters and ES the percentage of one-syllable words. It is roughly a school year (4 very easy, 15
very hard); 8 or below is fine.

French: Flesch reading ease with Kandel & Moles' constants (1958),
``207 - 1.015 * words/sentence - 73.6 * syllables/word``, on the Flesch scale; 60 or more is fine.

Brazilian Portuguese: Flesch reading ease as adapted by Martins, Ghiraldelo, Nunes and Oliveira Jr.
(1996, "Readability formulas applied to textbooks in Brazilian Portuguese", Notas do ICMSC-USP,
Série Computação 28): ``248.835 - 1.015 * words/sentence - 84.6 * syllables/word``. Their bands: 75
to 100 very easy (school years 1 to 4), 50 to 75 easy (years 5 to 8), 25 to 50 difficult (secondary
school and college), below 25 very difficult. 50 or more (year 8 or below, as for English) is fine.
Syllables are counted by the Spanish rule with Portuguese letters (``portuguese_syllables``).

Vietnamese and Chinese have no formula we trust, so each gets an honest proxy, labelled "proxy":
average sentence length. Vietnamese is written syllable by syllable, with a space between syllables
(a word like "bệnh viện" is two), so its "words per sentence" are syllables per sentence. Chinese has
no spaces at all; its length is characters per sentence (a Latin name or a number counts as one),
sentences ending at 。！？ or ；. A proxy sees only sentence length, not hard words. The limits come
from the English one: at about 1.5 syllables per word, Flesch-Kincaid grade 8 is about 15 words per
sentence; on our own screens, each English word becomes about 1.45 Vietnamese syllables and 1.9
Chinese characters (measured on the 14 screens side by side, November 2026). So a screen is fine up
to 22 Vietnamese syllables, or 28 Chinese characters, per sentence on average (close to the
25 to 30 characters plain-language guides for Chinese suggest).

Any other language: "no formula", not a misleading number.

Counting, and what textstat 0.7.8 does differently
--------------------------------------------------

textstat (kept as a test dependency only) gets the formulas above right: its ``flesch_reading_ease``
with ``set_lang("fr")`` uses Kandel & Moles' constants, ``fernandez_huerta`` uses the corrected
sentence term, ``wiener_sachtextformel(text, 1)`` is WSTF1 and ``smog_index`` is SMOG. Its counting is
where we differ, on purpose:

- Syllables outside English come from pyphen's hyphenation points plus one. Hyphenation is not
  syllabification: it never splits off one letter at either end of a word, so Spanish "agua" and
  "idea" (i-de-a), German "oder" and "aber", French "ami" all count as one syllable. We count vowel groups
  with each language's rules (diphthongs, hiatus, silent letters). For English textstat uses the
  CMU pronouncing dictionary where a word is in it (slow to load), pyphen otherwise; we use rules.
  The tests check the two agree to within one grade on every English screen; most of the gap is
  textstat's: pyphen gives "ketamine" two syllables.
- Sentences of one or two words ("Other choices.", a heading) are dropped from textstat's sentence
  count while their words still count, which inflates words per sentence. We count every sentence.
- Hyphens are deleted, so "proof-of-concept" becomes one long word. We count one word and the
  syllables of its parts.
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass, fields
from functools import lru_cache
from typing import Callable, Iterable

from recovery_guide.view.body import plain_lines

# --- plain text --------------------------------------------------------------------------------------

_ENDS_SENTENCE = re.compile(r"[.!?:;][\"')\]]*$")


def plain_text(markdown: str) -> str:
    """Markdown to one sentence-like unit per line: headings and list items end with a full stop.

    The Markdown is read by ``recovery_guide.view.body``, as every view of the guide reads it.
    """
    lines = [line.strip() for line in plain_lines(markdown)]
    return "\n".join(line if _ENDS_SENTENCE.search(line) else line + "." for line in lines if line)


def screen_text(key_points: Iterable[str], body: str, more: Iterable[str] = ()) -> str:
    """What is scored for one screen: its key points, then its body, then ``more`` (the options,
    ``option_texts``), as plain text."""
    return "\n".join([plain_text("\n".join(key_points)), plain_text(body), *(plain_text(text) for text in more)])


def option_texts(page) -> list[str]:
    """Every text of a page's options (and their lead-in) that a reader sees, one per field."""
    texts = [page.options_intro] if page.options_intro else []
    return texts + [getattr(option, name) for option in page.options for name in option.TEXT_FIELDS]


def page_text(page) -> str:
    """What is scored for one ``Page``: its main message, key points, the steps of its timeline, its body
    and the app's own text after it (``app_only``), then its options and its urgency tiers (each heading
    and sign, as a reader meets them)."""
    steps = [text for step in page.timeline for text in (step.when, step.what)]
    main = [page.main_message] if getattr(page, "main_message", None) else []
    tiers = [text for tier in page.urgency_tiers for text in (tier.heading, *tier.signs)] + ([page.urgency_unsure] if page.urgency_unsure else [])
    body = "\n\n".join(part for part in (page.body, getattr(page, "app_only", None)) if part)
    return screen_text([*main, *page.key_points, *steps], body, option_texts(page) + tiers)


# --- counting ----------------------------------------------------------------------------------------

_SENTENCE_END = re.compile(r"(?<![.!?])[.!?]++[\"')\]]*+\s++(?=[^\s\w]*+\w)(?![^\s\w]*+[a-zà-ÿ])")
"""A full stop, question or exclamation mark, then space, then a word that does not start in lower
case: "e.g. the" and "z. B. eine" do not end a sentence; "2.5" has no space and stays one number.
A match starts only at the first mark of a run and never backtracks, so a megabyte of "....." is
still read in linear time."""
_WORD = re.compile(r"[^\W_]+(?:['\u2019\-][^\W_]+)*")
_ZH_SENTENCE_END = re.compile(r"(?<=[。！？!?；;])")


def sentences(text: str, end: re.Pattern = _SENTENCE_END) -> list[str]:
    """Split plain text into sentences where ``end`` matches: every line is at least one; sentences
    without words are dropped."""
    found = []
    for line in text.splitlines():
        found += [part for part in end.split(line) if _WORD.search(part)]
    return found


def words(text: str) -> list[str]:
    """Words, with their inner apostrophes and hyphens ("don't", "proof-of-concept"); numbers count."""
    return _WORD.findall(text)


@dataclass(frozen=True)
class Counts:
    """The numbers every formula here is built from."""

    sentences: int = 0
    words: int = 0
    syllables: int = 0
    polysyllables: int = 0
    """Words of 3 or more syllables."""
    monosyllables: int = 0
    long_words: int = 0
    """Words of more than 6 letters."""

    def __add__(self, other: Counts) -> Counts:
        return Counts(*(getattr(self, name) + getattr(other, name) for name in _COUNT_FIELDS))


_COUNT_FIELDS = tuple(f.name for f in fields(Counts))


_ZH_UNIT = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]|[^\W_\u3400-\u9fff\uf900-\ufaff]+(?:['\u2019.,\-][^\W_\u3400-\u9fff]+)*")
"""A Chinese character, or a run of Latin letters or digits (a name, a number) counted as one."""


def chinese_sentences(text: str) -> list[str]:
    """Chinese sentences end at 。！？ (and ；, which joins clauses a reader takes one at a time)."""
    return sentences(text, _ZH_SENTENCE_END)


@lru_cache(maxsize=1024)
def count(text: str, language: str) -> Counts:
    """Count sentences, words and syllables of plain ``text`` in ``language`` (en, es, de, fr, ...).

    Chinese: "words" are characters (a Latin name or a number counts as one), sentences end at 。！？；.
    Vietnamese: "words" are what spaces separate, which in Vietnamese are syllables. Kept for texts
    counted again (a screen that did not change since the last ``check`` in this process); ``Counts``
    cannot be changed, so sharing one is safe."""
    base = _base(language)
    total = Counts()
    if base == "zh":
        for sentence in chinese_sentences(text):
            found = _ZH_UNIT.findall(sentence)
            total += Counts(sentences=1, words=len(found), syllables=len(found), monosyllables=len(found))
        return total
    n_sentences = n_words = n_syllables = polysyllables = monosyllables = long_words = 0
    for sentence in sentences(text):
        found = words(sentence)
        n_sentences += 1
        n_words += len(found)
        for word in found:
            n, long = _word(base, word)
            n_syllables += n
            polysyllables += n >= 3
            monosyllables += n == 1
            long_words += long
    return Counts(n_sentences, n_words, n_syllables, polysyllables, monosyllables, long_words)


@lru_cache(maxsize=1 << 16)
def _word(base: str, word: str) -> tuple[int, bool]:
    """A word's syllables in a language (its base code), and whether it has more than 6 letters,
    worked out once: a guide says the same few thousand words again and again, and ``check``
    scores every screen of every language."""
    letters = len(word) if word.isalpha() else len(_NOT_LETTER.sub("", word))
    return SYLLABLE_COUNTERS.get(base, english_syllables)(word), letters > 6


def _base(language: str) -> str:
    return language.replace("-", "_").split("_")[0].lower()


def _fold(word: str) -> str:
    return unicodedata.normalize("NFC", word.lower().replace("\u2019", "'"))


_NOT_LETTER = re.compile(r"[\W_]")
_ROMAN = re.compile(r"[IVX]{2,}")


def _parts(word: str, counter: Callable[[str], int]) -> int | None:
    """Shared handling for every language: a number is one syllable, an acronym one per letter,
    a hyphenated word the sum of its parts."""
    if word.isalpha() and not word.isupper():  # most words: nothing to do here (checked first: it is fast)
        return None
    if any(char.isdigit() for char in word):
        return 1
    letters = _NOT_LETTER.sub("", word)
    if _ROMAN.fullmatch(letters):  # Schedule III: a number
        return 1
    if letters.isupper() and 2 <= len(letters) <= 5:  # FDA, USA, EE. UU.: said letter by letter
        return len(letters)
    if "-" in word:
        return sum(counter(part) for part in word.split("-") if part)
    return None


# English ---------------------------------------------------------------------------------------------

_EN_NOT_LETTER = re.compile(r"[^a-z]")
_EN_SOUNDED_ES = re.compile(r"(?:[sxz]|ch|sh|[cg])es$")
_EN_SOUNDED_ED = re.compile(r"[td]ed$")
_EN_SOUNDED_E = re.compile(r"(?:[^aeiouy]le|ee|ye)$")
_EN_FIRST_Y = re.compile(r"^y(?=[aeiou])")
_EN_VOWEL_GROUP = re.compile(r"[aeiouy]+")
_EN_SILENT_INNER_E = re.compile(r"(?<=[aeiouy][^aeiouy])e(?=(?:ly|ty|ment|ments|ness|ful|less|thing|times|where|way)$)")
_EN_EXTRA = [
    re.compile(r"(?<![cgst])ia"),  # tri-al, bi-as; not spe-cial, Ru-ssia, ini-tial
    re.compile(r"(?<![cgstx])io"),  # vi-o-lence, peri-od; not na-tion, re-gion
    re.compile(r"(?<![cgstx])iou"),  # seri-ous; not pre-cious
    re.compile(r"(?<![qg])ua"),  # usu-al; not equal, language
    re.compile(r"ie(?=r$|st$|t)"),  # earli-er, anxi-ety, qui-et
    re.compile(r"ea$"),  # ide-a
    re.compile(r"[aeiouy](?=ing$)"),  # be-ing, stay-ing
    re.compile(r"[^aeiouy]sm$"),  # auti-sm
]


def english_syllables(word: str) -> int:
    """Syllables in an English word, by rule (silent e, -ed, -es, and common two-vowel splits)."""
    split = _parts(word, english_syllables)
    if split is not None:
        return split
    w = _EN_NOT_LETTER.sub("", word.lower())
    if len(w) > 2:
        if w.endswith("es") and not _EN_SOUNDED_ES.search(w):
            w = w[:-2]
        elif w.endswith("ed") and not _EN_SOUNDED_ED.search(w):
            w = w[:-2]
        elif w.endswith("e") and not _EN_SOUNDED_E.search(w):
            w = w[:-1]
    w = _EN_SILENT_INNER_E.sub("", w)
    w = _EN_FIRST_Y.sub("", w)
    n = len(_EN_VOWEL_GROUP.findall(w)) + sum(len(pattern.findall(w)) for pattern in _EN_EXTRA)
    return max(1, n)


# Spanish ---------------------------------------------------------------------------------------------

_ES_STRONG = set("aeoáéíóú")
_SILENT_U = re.compile(r"(?<=[qg])u(?=[eéií])")
"""The u of que, qui, gue, gui (Spanish and Portuguese)."""
_ES_Y_VOWEL = re.compile(r"y(?![aeiouáéíóú])")
_ES_VOWELS = _ES_STRONG | set("iuü")


def spanish_syllables(word: str) -> int:
    """Syllables in a Spanish word: one per vowel group, plus one for each hiatus of two strong vowels.

    Strong vowels are a, e, o and any accented vowel (pa-ís, dí-a); an unaccented i or u next to
    another vowel forms a diphthong with it (bue-no). The u of que/qui/gue/gui is silent; a final y
    is a vowel (muy, hoy).
    """
    split = _parts(word, spanish_syllables)
    if split is not None:
        return split
    w = _fold(word)
    w = _SILENT_U.sub("", w)
    w = _ES_Y_VOWEL.sub("i", w)
    return _vowel_groups(w, _ES_VOWELS, _ES_STRONG)


def _vowel_groups(w: str, vowels: set[str], strong: set[str]) -> int:
    """One syllable per group of vowels, plus one for each hiatus of two strong vowels (Spanish, Portuguese)."""
    n = 0
    previous = ""
    for char in w:
        if char in vowels:
            if previous not in vowels or (char in strong and previous in strong):
                n += 1
        previous = char
    return max(1, n)


# German ----------------------------------------------------------------------------------------------

_DE_VOWELS = set("aeiouyäöü")
_DE_FINAL_IEN = re.compile(r"[aeiouyäöü].*[^aeiouyäöü]ien$")
_DE_NUCLEI = ("aa", "ee", "oo", "ai", "ay", "au", "äu", "ei", "ey", "eu", "ie")


def german_syllables(word: str) -> int:
    """Syllables in a German word: vowels, with doubled vowels and diphthongs (ei, au, eu, ie...) as one.

    A final "-ien" after other vowels is two (Stu-di-en, Fe-ri-en).
    """
    split = _parts(word, german_syllables)
    if split is not None:
        return split
    w = _fold(word)
    n, i = 0, 0
    while i < len(w):
        if w[i] in _DE_VOWELS:
            n += 1
            i += 2 if w[i : i + 2] in _DE_NUCLEI else 1
        else:
            i += 1
    if _DE_FINAL_IEN.search(w):
        n += 1
    return max(1, n)


# French ----------------------------------------------------------------------------------------------

_FR_VOWELS = set("aeiouyàâäéèêëîïôöûùüœæ")
_FR_SILENT_U = re.compile(r"(?<=q)u|(?<=g)u(?=[eéèêiy])")
_FR_MUTE_END = re.compile(r"[^aeiouyàâäéèêëîïôöûùüœæ]es?$")


def french_syllables(word: str) -> int:
    """Syllables in a French word as read aloud in careful speech.

    One per group of vowel letters (eau, oi, ou, ai, ie... are one sound or a glide plus a vowel); a
    new syllable after é before another vowel (ré-action) and at a vowel with a diaeresis (na-ïf);
    a final mute e or es is not counted (tab-le, fem-mes); the u of qu and of gue/gui is silent.
    """
    split = _parts(word, french_syllables)
    if split is not None:
        return split
    w = _fold(word)
    w = w.replace("'", "")  # l'usage, quelqu'un: the elided vowel is not said
    w = _FR_SILENT_U.sub("", w)
    n, previous = 0, ""
    for char in w:
        if char in _FR_VOWELS and (previous not in _FR_VOWELS or (previous == "é" and char != "e") or char in "ïüë"):
            n += 1
        previous = char
    if n > 1 and _FR_MUTE_END.search(w):
        n -= 1
    return max(1, n)


# Portuguese ------------------------------------------------------------------------------------------

_PT_STRONG = set("aeoáéíóúâêôãõà")
_PT_NASAL_DIPHTHONG = re.compile(r"ão|ãe|õe")
_PT_VOWELS = _PT_STRONG | set("iuü")


def portuguese_syllables(word: str) -> int:
    """Syllables in a Brazilian Portuguese word, by the Spanish rule with Portuguese letters.

    One per vowel group, plus one for each hiatus of two strong vowels (a, e, o and any accented
    vowel: sa-ú-de, di-a); the nasal diphthongs ão, ãe, õe are one (não, mães, ações); the u of
    que/qui/gue/gui is silent.
    """
    split = _parts(word, portuguese_syllables)
    if split is not None:
        return split
    w = _fold(word)
    w = _SILENT_U.sub("", w)
    w = _PT_NASAL_DIPHTHONG.sub("ã", w)
    return _vowel_groups(w, _PT_VOWELS, _PT_STRONG)


SYLLABLE_COUNTERS: dict[str, Callable[[str], int]] = {
    "en": english_syllables,
    "es": spanish_syllables,
    "de": german_syllables,
    "fr": french_syllables,
    "pt": portuguese_syllables,
    "vi": lambda word: 1,  # written syllable by syllable: each space-separated "word" is one
}


# --- formulas ----------------------------------------------------------------------------------------


def _ratio(numerator: float, denominator: float) -> float:
    return numerator / denominator if denominator else 0.0


def flesch_kincaid_grade(c: Counts) -> float:
    if not c.words:
        return 0.0
    return 0.39 * _ratio(c.words, c.sentences) + 11.8 * _ratio(c.syllables, c.words) - 15.59


def smog(c: Counts) -> float:
    if not c.sentences:
        return 0.0
    return 1.043 * math.sqrt(30 * c.polysyllables / c.sentences) + 3.1291


def fernandez_huerta(c: Counts) -> float:
    if not c.words:
        return 0.0
    return 206.84 - 60 * _ratio(c.syllables, c.words) - 1.02 * _ratio(c.words, c.sentences)


def wiener_sachtextformel(c: Counts) -> float:
    """WSTF1, for non-fiction."""
    if not c.words:
        return 0.0
    ms, iw, es = (100 * value / c.words for value in (c.polysyllables, c.long_words, c.monosyllables))
    return 0.1935 * ms + 0.1672 * _ratio(c.words, c.sentences) + 0.1297 * iw - 0.0327 * es - 0.875


def flesch_french(c: Counts) -> float:
    """Flesch reading ease with Kandel & Moles' constants."""
    if not c.words:
        return 0.0
    return 207 - 1.015 * _ratio(c.words, c.sentences) - 73.6 * _ratio(c.syllables, c.words)


def flesch_martins(c: Counts) -> float:
    """Flesch reading ease adapted to Brazilian Portuguese (Martins et al. 1996)."""
    if not c.words:
        return 0.0
    return 248.835 - 1.015 * _ratio(c.words, c.sentences) - 84.6 * _ratio(c.syllables, c.words)


def words_per_sentence(c: Counts) -> float:
    """The proxy for languages without a formula: average sentence length (in that language's units)."""
    return _ratio(c.words, c.sentences)


def _martins_label(score: float) -> str:
    for floor, label in ((75, "very easy"), (50, "easy"), (25, "difficult")):
        if score >= floor:
            return label
    return "very difficult"


def _length_label(limit: float) -> Callable[[float], str]:
    return lambda length: "short" if length <= limit * 0.75 else ("fine" if length <= limit else "too long")


def _flesch_label(score: float) -> str:
    for floor, label in ((90, "very easy"), (80, "easy"), (70, "fairly easy"), (60, "standard"), (50, "fairly difficult"), (30, "difficult")):
        if score >= floor:
            return label
    return "very difficult"


def _grade_label(grade: float) -> str:
    return "at the aim" if grade <= ENGLISH_AIM else ("within the limit" if grade <= ENGLISH_SCREEN_LIMIT else "above the limit")


def _wstf_label(grade: float) -> str:
    return "easy" if grade <= 6 else ("fine" if grade <= 8 else ("fairly difficult" if grade <= 11 else "difficult"))


ENGLISH_SCREEN_LIMIT = 8.0
"""A screen above this Flesch-Kincaid grade is a problem."""
ENGLISH_AIM = 6.0
ENGLISH_GUIDE_LIMIT = 6.5
"""The guide as a whole must read at or below this grade: the aim, plus half a grade of noise."""


VIETNAMESE_LIMIT = 22.0
"""Average syllables per sentence on a Vietnamese screen (see the module's docstring for why)."""
CHINESE_LIMIT = 28.0
"""Average characters per sentence on a Chinese screen (see the module's docstring for why)."""


@dataclass(frozen=True)
class Formula:
    """A reading-level formula for one language, and where its "fine" ends."""

    name: str
    compute: Callable[[Counts], float]
    limit: float
    higher_is_easier: bool
    label: Callable[[float], str]
    hard_limit: bool = False
    """Whether a screen past ``limit`` is a problem here (the English grade); ``check`` fails every
    translated screen past its language's limit too."""

    def fine(self, score: float) -> bool:
        return score >= self.limit if self.higher_is_easier else score <= self.limit

    def worst(self, scores: Iterable[float]) -> float:
        return (min if self.higher_is_easier else max)(scores)

    def score(self, text: str, language: str) -> float:
        return self.compute(count(text, language))


FORMULAS: dict[str, Formula] = {
    "en": Formula("Flesch-Kincaid grade", flesch_kincaid_grade, ENGLISH_SCREEN_LIMIT, False, _grade_label, hard_limit=True),
    "es": Formula("Fernández-Huerta", fernandez_huerta, 60.0, True, _flesch_label),
    "de": Formula("Wiener Sachtextformel (WSTF1)", wiener_sachtextformel, 8.0, False, _wstf_label),
    "fr": Formula("Flesch (Kandel & Moles)", flesch_french, 60.0, True, _flesch_label),
    "pt": Formula("Flesch (Martins et al. 1996)", flesch_martins, 50.0, True, _martins_label),
    "vi": Formula("proxy: syllables per sentence", words_per_sentence, VIETNAMESE_LIMIT, False, _length_label(VIETNAMESE_LIMIT)),
    "zh": Formula("proxy: characters per sentence", words_per_sentence, CHINESE_LIMIT, False, _length_label(CHINESE_LIMIT)),
}


def formula_for(language: str) -> Formula | None:
    """The formula for a language code (``es_MX`` uses Spanish's), or None: "no formula"."""
    return FORMULAS.get(_base(language))


def grade(text: str) -> float:
    """Flesch-Kincaid grade of plain English text."""
    return flesch_kincaid_grade(count(text, "en"))
