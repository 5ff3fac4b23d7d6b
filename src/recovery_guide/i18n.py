"""Languages: which are available, which one the reader wants, and UI strings in that language.

UI strings (buttons, key labels, headings) go through gettext catalogs in ``locales/``; long-form
content lives in ``content/<lang>/`` and is read by ``guide_content``. The standard library's gettext
reads the compiled catalogs at run time, so the light commands never import Babel's heavier parts.
"""

from __future__ import annotations

import contextlib
import contextvars
import functools
import gettext as _gettext
import os
from collections.abc import Callable, Iterator

from recovery_guide.guide_content import SOURCE_LANGUAGE
from recovery_guide.paths import locales_dir

DOMAIN = "messages"

ALIASES = {"pt": "pt_BR", "zh": "zh_Hans", "zh_CN": "zh_Hans", "zh_SG": "zh_Hans", "zh_Hans_CN": "zh_Hans"}
"""Codes readers commonly have that should reach a language we ship under another code."""

_translations: _gettext.NullTranslations = _gettext.NullTranslations()
_current = SOURCE_LANGUAGE
_english: _gettext.NullTranslations = _gettext.NullTranslations()
"""The UI's English for the reader's region: the msgids themselves, or in the region's words (``RegionalEnglish``)."""

_override: contextvars.ContextVar[tuple[str, _gettext.NullTranslations] | None] = contextvars.ContextVar("recovery_guide_language", default=None)
"""The language ``in_language`` switched to, for the code running inside it only (None: the reader's)."""


def _active() -> _gettext.NullTranslations:
    override = _override.get()
    return override[1] if override else _translations


def _(message: str) -> str:
    """Translate a UI string into the current language."""
    return _active().gettext(message)


def pgettext(context: str, message: str) -> str:
    """Translate a UI string that needs a context to tell it apart (a key's name, "Delete", is not the verb)."""
    return _active().pgettext(context, message)


def N_(message: str) -> str:
    """Mark a string for extraction without translating it now (it is translated when shown)."""
    return message


def current_language() -> str:
    override = _override.get()
    return override[0] if override else _current


@contextlib.contextmanager
def in_language(language: str | None) -> Iterator[None]:
    """Catalog strings in ``language`` for the code inside the ``with`` (None or the current language:
    no change), restored on the way out, even on an error.

    The one rule that keeps a page in one language: a page's view is built and written in the page's
    own language (``PageView.language``: English for a screen whose translation is missing or stale),
    so its labels ("What it is:", "Ask your provider", the key lines) never mix with the reader's
    language around it. Neither gettext nor Babel has such a switch (Django's ``translation.override``
    is the same idea); a context variable keeps it to this thread or task, so the app's other work
    and ``serve``'s other requests still speak the reader's language."""
    if language is None or language == current_language():
        yield
        return
    token = _override.set((language, _english if language == SOURCE_LANGUAGE else _catalog(language)))
    try:
        yield
    finally:
        _override.reset(token)


def normalise(code: str) -> str:
    """``es-MX``, ``es_MX.UTF-8``, ``es_MX@euro`` -> ``es_MX``."""
    code = code.strip().split(".")[0].split("@")[0].replace("-", "_")
    parts = code.split("_")
    if not parts[0]:
        return ""
    result = [parts[0].lower()]
    for part in parts[1:]:
        result.append(part.title() if len(part) == 4 else part.upper())
    return "_".join(result)


def match_language(requested: str, available: list[str]) -> str | None:
    """The shipped language that best serves ``requested``, or None.

    ``es_MX`` -> ``es``; ``pt`` or ``pt_PT`` -> ``pt_BR``; ``zh_CN`` -> ``zh_Hans``.
    """
    code = normalise(requested)
    if not code or code.upper() in ("C", "POSIX"):
        return None
    candidates = [code, ALIASES.get(code, "")]
    parts = code.split("_")
    candidates += [ALIASES.get(parts[0], ""), parts[0]]
    for candidate in candidates:
        if candidate in available:
            return candidate
    # any shipped variant of the same base language (pt_PT -> pt_BR)
    return next((language for language in available if language.split("_")[0] == parts[0]), None)


def language_from_environment(available: list[str], environ: dict[str, str] | None = None) -> str:
    """The reader's language from LANGUAGE, LC_ALL, LC_MESSAGES, LANG in that order; English otherwise.

    We read the variables ourselves rather than ask Babel's ``default_locale``: Python may coerce an
    uninstalled ``LANG`` to ``C.UTF-8`` and Babel would then answer ``en_US_POSIX``.
    """
    environ = os.environ if environ is None else environ
    for variable in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(variable, "")
        parts = value.split(":") if variable == "LANGUAGE" else [value]
        parts = [part for part in parts if normalise(part) and normalise(part).upper() not in ("C", "POSIX")]
        if not parts:
            continue  # unset, or the "C" locale that containers set by default: not a reader's choice
        for part in parts:
            found = match_language(part, available)
            if found:
                return found
        if variable != "LANGUAGE":
            return SOURCE_LANGUAGE  # the first locale variable set decides, as POSIX says
    return SOURCE_LANGUAGE


def load_catalog(language: str) -> _gettext.NullTranslations:
    """The compiled catalog for ``language``; compiles the ``.po`` in memory in a source checkout."""
    if language == SOURCE_LANGUAGE:
        return _gettext.NullTranslations()
    folder = locales_dir() / language / "LC_MESSAGES"
    mo_path = folder / f"{DOMAIN}.mo"
    if mo_path.is_file():
        with mo_path.open("rb") as handle:
            return _gettext.GNUTranslations(handle)
    po_path = folder / f"{DOMAIN}.po"
    if po_path.is_file():
        from io import BytesIO

        from babel.messages.mofile import write_mo
        from babel.messages.pofile import read_po

        with po_path.open("rb") as handle:
            catalog = read_po(handle)
        buffer = BytesIO()
        write_mo(buffer, catalog)
        buffer.seek(0)
        return _gettext.GNUTranslations(buffer)
    return _gettext.NullTranslations()


@functools.lru_cache(maxsize=8)
def _catalog(language: str) -> _gettext.NullTranslations:
    """``load_catalog``, kept: ``in_language`` is entered for every stale page written or turned to,
    and a reader may switch back and forth between languages (in a source checkout each load compiles
    a ``.po`` file, a tenth of a switch)."""
    return load_catalog(language)


class RegionalEnglish(_gettext.NullTranslations):
    """The English UI strings in the words of the reader's region ("Change the colors" in the US).

    One rule for the content and the UI: the same pairs (``content/en/us-words.yaml``) that the
    guide's English goes through, applied to each msgid. An ``en_US`` gettext catalog would repeat
    every whole msgid that has a British form, go stale each time one changes, and be a language of
    its own to Babel's negotiation and the language picker, when the reader's language is English and
    only their region differs."""

    def __init__(self, change: Callable[[str], str]) -> None:
        super().__init__()
        self._change = change
        self._said: dict[str, str] = {}
        """Each msgid once changed (the app asks for the same strings on every redraw)."""

    def gettext(self, message: str) -> str:
        said = self._said.get(message)
        if said is None:
            said = self._said[message] = self._change(message)
        return said

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
        return self.gettext(msgid1 if n == 1 else msgid2)

    def pgettext(self, context: str, message: str) -> str:
        return self.gettext(message)

    def npgettext(self, context: str, msgid1: str, msgid2: str, n: int) -> str:
        return self.ngettext(msgid1, msgid2, n)


def set_language(language: str, english_words: Callable[[str], str] | None = None) -> None:
    """Switch UI strings to ``language`` for every view in this process; ``english_words``: the
    reader's region's words for English (``ContentFolder.english_words``), for English strings
    wherever they are shown (an English page inside a translation too), None for the msgids as written."""
    global _translations, _current, _english
    _english = RegionalEnglish(english_words) if english_words is not None else _gettext.NullTranslations()
    _translations = _english if language == SOURCE_LANGUAGE else _catalog(language)
    _current = language


def region_from_environment(environ: dict[str, str] | None = None) -> str | None:
    """The country part of the reader's locale (``es_MX.UTF-8`` -> ``MX``); when the locale names only a
    language, the country where most people speak it (CLDR's likely subtags: ``vi`` -> ``VN``,
    ``zh_Hant`` -> ``TW``); None when there is no locale."""
    environ = os.environ if environ is None else environ
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG"):
        code = normalise(environ.get(variable, ""))
        if code and code.upper() not in ("C", "POSIX"):
            parts = code.split("_")
            territory = next((part for part in parts[1:] if len(part) == 2 and part.isalpha()), None)
            return territory or likely_territory(code)
    return None


def likely_territory(code: str) -> str | None:
    """The territory CLDR thinks most likely for a language (and script) code: ``de`` -> ``DE``."""
    from babel.core import get_global

    likely = get_global("likely_subtags")
    for key in (code, code.split("_")[0]):
        found = likely.get(key)
        if found:
            territory = next((part for part in found.split("_")[1:] if len(part) == 2 and part.isalpha()), None)
            if territory:
                return territory.upper()
    return None


@functools.cache
def language_names(code: str) -> tuple[str, str]:
    """(native name, English name) from Babel's CLDR data, capitalised for menus: ("Español", "Spanish").

    Kept per code: CLDR's names never change while the guide runs, and each call is about 2 ms (the
    reading screen asks on every page turn, the language picker once per language)."""
    from babel import Locale, UnknownLocaleError

    try:
        locale = Locale.parse(code)
    except (UnknownLocaleError, ValueError):
        return code, code
    native = locale.get_display_name(locale) or code
    english = locale.get_display_name("en") or code
    return native[:1].upper() + native[1:], english


def language_tag(code: str) -> str:
    """The BCP 47 tag for HTML's ``lang`` attribute: ``pt_BR`` -> ``pt-BR``, ``zh_Hans`` -> ``zh-Hans``."""
    return code.replace("_", "-")


def text_direction(code: str) -> str:
    """``ltr`` or ``rtl`` for HTML's ``dir`` attribute, from Babel's CLDR data."""
    from babel import Locale, UnknownLocaleError

    try:
        return Locale.parse(code).text_direction
    except (UnknownLocaleError, ValueError):
        return "ltr"


def official_in(territory: str, language: str) -> bool:
    """Whether ``language`` (any script or variant: ``zh_Hans`` matches Taiwan's ``zh_Hant``) is an
    official or de facto language of ``territory``, by CLDR (Babel). Used to list the help lines of
    the countries where a reader's language is spoken first: reviewers of every translation found
    their own countries after ones their readers rarely live in."""
    from babel.languages import get_official_languages

    base = language.split("_")[0]
    try:
        spoken = get_official_languages(territory, de_facto=True)
    except Exception:  # an unknown territory code
        return False
    return any(code.split("_")[0] == base for code in spoken)
