"""``check`` of ``content/en/us-words.yaml``: every pair still used, none touching a number or a contact.

The loader already refuses what would make a pair unsafe on its own (a digit, the same word on both
sides, a form given twice: ``parse.parse_regional_words``); with no digit on either side and whole
words only, a swap can neither add, drop nor split a number. Here the pairs are held against the
English a reader sees, the content's (``regional.reader_texts``, the same list the swap changes) and
the app's own UI strings (the msgids of ``locales/messages.pot``):

- a pair whose British form no English text uses any more is dead: an error, so the file says only
  what is true of the guide (a reworded screen must take its pair along);
- a pair whose British form is in a help line's contact would change what a reader dials: refused,
  though contacts are never swapped, so the file cannot even suggest it;
- a region the help lines do not list would never be anyone's region.
"""

from __future__ import annotations

from pathlib import Path

from recovery_guide.audit.report import Problem
from recovery_guide.guide_content import SOURCE_LANGUAGE
from recovery_guide.guide_content.parse import parse_regional_words
from recovery_guide.guide_content.regional import REGIONAL_WORDS_FILE, Swapper, reader_texts
from recovery_guide.guide_content.yaml_source import read_yaml
from recovery_guide.model import Guide
from recovery_guide.paths import locales_dir


def regional_word_problems(root: Path, english: Guide) -> list[Problem]:
    """Every problem of the regional words file of the content folder ``root`` (none without the file),
    once its English has loaded (``ContentFolder.english`` reads the file: what the loader refuses is
    reported there)."""
    path = root / SOURCE_LANGUAGE / REGIONAL_WORDS_FILE
    if not path.is_file():
        return []
    doc = read_yaml(path)
    words = parse_regional_words(doc, lambda message: None)  # its unknown fields were warned of as the English loaded

    def problem(at: tuple[str | int, ...], message: str) -> Problem:
        return Problem.from_error(doc.error(at, message))

    problems = []
    listed = {region.code for region in english.regions}
    problems += [problem(("regions", index), f"no region {code!r} in help-lines.yaml") for index, code in enumerate(words.regions) if code not in listed]
    texts = reader_texts(english) + ui_strings()
    swapper = Swapper(words)
    used = {form for text in texts for form in swapper.forms_in(text)}
    in_contact: dict[str, str] = {}  # a British form -> the first help line whose contact has it
    for line in (line for region in english.regions for line in region.lines):
        for form in swapper.forms_in(line.contact):
            in_contact.setdefault(form, line.id)
    for index, swap in enumerate(words.swaps):
        if swap.british in in_contact:
            problems.append(problem(("words", index, "british"), f"{swap.british!r} is in the contact of help line {in_contact[swap.british]!r}: a pair must never change a contact"))
        elif swap.british not in used:
            problems.append(problem(("words", index, "british"), f"{swap.british!r} is in no English text a reader sees: remove the pair (or mend its spelling)"))
    return problems


def ui_strings() -> list[str]:
    """The app's English UI strings: the msgids of the template the catalogs are made from."""
    template = locales_dir() / "messages.pot"
    try:
        text = template.read_text(encoding="utf-8")
    except OSError:
        return []
    from io import StringIO

    from babel.messages.pofile import read_po  # as the catalogs' own check reads them

    return [message.id if isinstance(message.id, str) else " ".join(message.id) for message in read_po(StringIO(text)) if message.id]
