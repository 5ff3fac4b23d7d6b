"""The term base (``content/<lang>/terms.yaml``): words a language's content and UI catalog must not use.

A term is matched as whole words, ignoring case, in every translatable text (``units.text_fields``)
of the language's content files and in every msgstr of its catalog (for English, the msgids of the
template). Source citations are never checked: a study keeps its title ("Motivational interviewing
for substance abuse"). Chinese has no spaces between words, so there a term is matched wherever its
characters stand.
"""

from __future__ import annotations

import re
from pathlib import Path

from recovery_guide.audit.report import Problem
from recovery_guide.guide_content.parse import parse_terms
from recovery_guide.guide_content.units import TextField
from recovery_guide.guide_content.yaml_source import ContentError, YamlDocument, format_path, read_yaml
from recovery_guide.model import AvoidedTerm, TermBase

TERMS_FILE = "terms.yaml"
_NO_SPACES = ("zh", "ja")


def load_terms(folder: Path, problems: list[Problem]) -> TermBase:
    """A language folder's term base; an empty one when it has none (a broken one is a problem)."""
    path = folder / TERMS_FILE
    if not path.is_file():
        return TermBase()
    try:
        return parse_terms(read_yaml(path), lambda message: None)
    except ContentError as error:
        problems.append(Problem.from_error(error))
        return TermBase()


def _patterns(terms: TermBase, language: str) -> list[tuple[re.Pattern, dict[str, AvoidedTerm]]]:
    """One pattern for every avoided term and form (longest first), and which term each form is of."""
    if not terms.avoid:
        return []
    whole_words = language.split("_")[0].lower() not in _NO_SPACES
    by_form = {form.casefold(): term for term in terms.avoid for form in (term.term, *term.forms)}
    body = "|".join(r"\s+".join(re.escape(part) for part in form.split()) for form in sorted(by_form, key=len, reverse=True))
    pattern = re.compile(rf"(?<![\w-])(?:{body})(?![\w-])" if whole_words else f"(?:{body})", re.IGNORECASE)
    return [(pattern, by_form)]


def _term(by_form: dict[str, AvoidedTerm], said: str) -> AvoidedTerm:
    return by_form[" ".join(said.split()).casefold()]


def _advice(term: AvoidedTerm, said: str) -> str:
    instead = f'; use "{term.instead}"' if term.instead else ""
    return f'avoid "{said}"{instead} ({term.reason})'


def content_term_problems(doc: YamlDocument, fields: list[TextField], terms: TermBase, language: str, line_of) -> list[Problem]:
    """Avoided terms in a content file's texts; ``line_of(path, text)`` finds the line."""
    patterns = _patterns(terms, language)
    names = re.compile("|".join(re.escape(name) for name in terms.names), re.IGNORECASE) if terms.names else None
    found = []
    for field in fields:
        text = field.text
        if names is not None:  # a name keeps its words ("Hội Người nghiện rượu Ẩn danh" is Alcoholics Anonymous)
            text = names.sub(lambda match: " " * len(match.group()), text)
        for pattern, by_form in patterns:
            for match in pattern.finditer(text):
                found.append(Problem(str(doc.path), line_of(field.path, match.group()), format_path(field.path), _advice(_term(by_form, match.group()), match.group())))
    return found


def catalog_term_problems(po_path: Path, terms: TermBase, language: str, *, msgids: bool = False) -> list[Problem]:
    """Avoided terms in a catalog's msgstrs (``msgids``: in its msgids, for the English template)."""
    patterns = _patterns(terms, language)
    if not patterns:
        return []
    found = []
    try:
        lines = po_path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return []
    wanted = "msgid" if msgids else "msgstr"
    current = None
    for number, line in enumerate(lines, start=1):
        if line.startswith(("msgid", "msgstr", "msgctxt")):
            current = line.split(" ", 1)[0].split("[", 1)[0]
        elif not line.startswith('"'):
            current = None
        if current != wanted or line.startswith("#"):
            continue
        text = line.split('"', 1)[1] if '"' in line else ""
        for pattern, by_form in patterns:
            for match in pattern.finditer(text):
                found.append(Problem(str(po_path), number, wanted, _advice(_term(by_form, match.group()), match.group())))
    return found


def english_term_problems(root: Path, report) -> list[Problem]:
    """Avoided terms in the English content (not in source citations) and in the catalog template's msgids."""
    from recovery_guide.audit.paired import line_with
    from recovery_guide.guide_content.units import text_fields

    problems: list[Problem] = []
    folder = root / "en"
    terms = load_terms(folder, problems)
    if not terms.avoid:
        return problems
    for path in sorted([*folder.glob("*.yaml"), *(folder / "screens").glob("*.yaml")]):
        if path.name in (TERMS_FILE, "language.yaml"):
            continue
        try:
            doc = read_yaml(path)
        except ContentError:
            continue  # reported where the English is loaded
        fields = [field for field in text_fields(doc.data) if field.path[:1] != ("sources",) or field.path[-1] == "note"]
        problems += content_term_problems(doc, fields, terms, "en", line_with(doc))
    if report.locales is not None and (template := report.locales / "messages.pot").is_file():
        problems += catalog_term_problems(template, terms, "en", msgids=True)
    return list(dict.fromkeys(problems))
