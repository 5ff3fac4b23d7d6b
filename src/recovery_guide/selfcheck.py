""""Check your understanding": short, ungraded questions at the end of each main topic.

The questions live in ``content/<lang>/self-checks.yaml``. The English file is the source: it says
which screen each set follows (``after``), which screen covers each question (``screen``) and which
sources back each explanation. A translation gives only the words; ids, answers, screens and sources
always come from the English, as for screens.

A translated check is used only when it has the same question and choice ids and the same answers as
the English, and its ``translation.source_hash`` matches the current English check. Otherwise that
one check is shown in English, whole (with a warning for the content team), so a reader never sees a
half-translated or out-of-date question.

Translators: ``python -m recovery_guide.translation status LANG`` lists self-checks too, as
``self-check:ID``; ``python -m recovery_guide.translation stamp LANG self-check:ID`` records that a
translated check matches the current English.
"""

from __future__ import annotations

import dataclasses
import json
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterable


from recovery_guide.loader import ContentError, Fields, YamlDocument, load_language, read_yaml
from recovery_guide.model import CheckQuestion, Choice, Guide, Page, SelfCheck
from recovery_guide.paths import content_dir

if TYPE_CHECKING:
    import yaml

FILE_NAME = "self-checks.yaml"
CHECK_FIELDS = {"id", "after", "title", "topic", "questions", "translation"}
QUESTION_FIELDS = {"id", "prompt", "choices", "answer", "explanation", "screen", "sources"}
CHOICE_FIELDS = {"id", "text"}


# --- reading -----------------------------------------------------------------------------------------


def _ident(doc: YamlDocument, fields: Fields, key: str) -> str:
    """An id; ``yes``/``no`` unquoted are read by YAML as true/false, so say how to write them."""
    value = fields.data.get(key)
    if isinstance(value, bool):
        raise doc.error(fields.at + (key,), f'write this id in quotes, like "yes" or "no" (without quotes YAML reads it as {str(value).lower()})')
    return fields.ident(key)


def parse_self_checks(
    doc: YamlDocument,
    warn: Callable[[str], None],
    screen_ids: Iterable[str] | None = None,
    source_ids: Iterable[str] | None = None,
) -> tuple[SelfCheck, ...]:
    """Every check in one file, with its structure checked.

    With ``screen_ids`` and ``source_ids`` (the English file) the references are checked too and
    ``after``, ``screen`` and ``sources`` are required; a translation may leave them out, since they
    always come from the English.
    """
    english = screen_ids is not None
    known_screens = set(screen_ids or ())
    known_sources = set(source_ids or ())
    top = Fields(doc, doc.data, (), {"checks"}, warn)
    checks: list[SelfCheck] = []
    question_ids: set[str] = set()
    followed: dict[str, str] = {}
    for c_index, item in enumerate(top.items("checks")):
        at = ("checks", c_index)
        fields = Fields(doc, item, at, CHECK_FIELDS, warn)
        check_id = _ident(doc, fields, "id")
        if any(check.id == check_id for check in checks):
            raise doc.error(at + ("id",), f"duplicate self-check id {check_id!r}")
        after = fields.ident("after") if english or item.get("after") is not None else ""
        if english:
            if after not in known_screens:
                raise doc.error(at + ("after",), f"unknown screen id {after!r} (no screen has this id)")
            if after in followed:
                raise doc.error(at + ("after",), f"the self-check {followed[after]!r} already follows the screen {after!r}")
            followed[after] = check_id
        questions: list[CheckQuestion] = []
        for q_index, q_item in enumerate(fields.items("questions")):
            q_at = at + ("questions", q_index)
            question = Fields(doc, q_item, q_at, QUESTION_FIELDS, warn)
            question_id = _ident(doc, question, "id")
            if question_id in question_ids:
                raise doc.error(q_at + ("id",), f"duplicate question id {question_id!r}")
            question_ids.add(question_id)
            choices: list[Choice] = []
            for ch_index, ch_item in enumerate(question.items("choices")):
                choice_fields = Fields(doc, ch_item, q_at + ("choices", ch_index), CHOICE_FIELDS, warn)
                choice = Choice(id=_ident(doc, choice_fields, "id"), text=choice_fields.text("text"))
                if any(other.id == choice.id for other in choices):
                    raise doc.error(q_at + ("choices", ch_index, "id"), f"duplicate choice id {choice.id!r}")
                choices.append(choice)
            if len(choices) < 2:
                raise doc.error(q_at + ("choices",), "a question needs at least 2 choices")
            answer = _ident(doc, question, "answer")
            if answer not in {choice.id for choice in choices}:
                raise doc.error(q_at + ("answer",), f"the answer {answer!r} is not one of the choice ids ({', '.join(c.id for c in choices)})")
            screen = question.ident("screen") if english or q_item.get("screen") is not None else ""
            sources = question.ids("sources", required=english)
            if english:
                if screen not in known_screens:
                    raise doc.error(q_at + ("screen",), f"unknown screen id {screen!r} (no screen has this id)")
                for s_index, source_id in enumerate(sources):
                    if source_id not in known_sources:
                        raise doc.error(q_at + ("sources", s_index), f"unknown source id {source_id!r} (not in sources.yaml)")
            questions.append(
                CheckQuestion(
                    id=question_id,
                    prompt=question.text("prompt"),
                    choices=tuple(choices),
                    answer=answer,
                    explanation=question.text("explanation"),
                    screen=screen,
                    source_ids=sources,
                )
            )
        translated_from = None
        if item.get("translation") is not None:
            translated_from = Fields(doc, item["translation"], at + ("translation",), {"source_hash"}, warn).text("source_hash")
        checks.append(
            SelfCheck(
                id=check_id,
                after=after,
                title=fields.text("title"),
                topic=fields.text("topic"),
                questions=tuple(questions),
                translated_from=translated_from,
            )
        )
    return tuple(checks)


def load_self_checks(
    folder: Path, screens: Iterable[Page], sources: dict[str, Any], warn: Callable[[str], None]
) -> tuple[SelfCheck, ...]:
    """The English self-checks of a content folder, in reading order; none if the file is absent."""
    path = folder / FILE_NAME
    if not path.is_file():
        return ()
    order = {screen.id: index for index, screen in enumerate(screens)}
    checks = parse_self_checks(read_yaml(path), warn, screen_ids=order, source_ids=sources)
    return tuple(sorted(checks, key=lambda check: order[check.after]))


# --- translations ------------------------------------------------------------------------------------


def check_hash(check: SelfCheck) -> str:
    """A short hash of the English words a translator translates, and the answers."""
    payload = {
        "title": check.title,
        "topic": check.topic,
        "questions": [
            [q.id, q.prompt, [[c.id, c.text] for c in q.choices], q.answer, q.explanation] for q in check.questions
        ],
    }
    import hashlib  # only translations are checked against a hash: English loads without it

    digest = hashlib.sha256(json.dumps(payload, ensure_ascii=False, sort_keys=True).encode("utf-8"))
    return digest.hexdigest()[:16]


def _structure(check: SelfCheck) -> list[tuple[str, tuple[str, ...], str]]:
    return [(q.id, tuple(c.id for c in q.choices), q.answer) for q in check.questions]


def check_state(english: SelfCheck, translated: SelfCheck | None) -> str:
    """"current", "stale" (the English changed since), "different" (ids or answers differ) or "missing"."""
    if translated is None:
        return "missing"
    if _structure(translated) != _structure(english):
        return "different"
    if translated.translated_from != check_hash(english):
        return "stale"
    return "current"


def _translated_checks(folder: Path, warn: Callable[[str], None]) -> tuple[dict[str, SelfCheck], YamlDocument | None]:
    path = folder / FILE_NAME
    if not path.is_file():
        return {}, None
    doc = read_yaml(path)
    return {check.id: check for check in parse_self_checks(doc, warn)}, doc


def overlay_self_checks(folder: Path, english: tuple[SelfCheck, ...], code: str, warn: Callable[[str], None]) -> tuple[SelfCheck, ...]:
    """The English checks with every current translated check laid over it, one check at a time."""
    if not english:
        return ()
    translated, doc = _translated_checks(folder, warn)
    if doc is None:
        warn(f"{folder / FILE_NAME}:1: (file): no translated self-checks; they are shown in English")
        return english
    known = {check.id for check in english}
    for check_id in translated:
        if check_id not in known:
            warn(f"{doc.path}:1: checks: no English self-check has the id {check_id!r} (ignored)")
    result = []
    for check in english:
        candidate = translated.get(check.id)
        state = check_state(check, candidate)
        if state != "current":
            reason = {
                "missing": "is missing",
                "different": "has different question ids, choice ids or answers from the English",
                "stale": "is out of date with the English (stamp it after updating)",
            }[state]
            warn(f"{doc.path}:1: checks: the self-check {check.id!r} {reason}; it is shown in English")
            result.append(check)
            continue
        result.append(
            dataclasses.replace(
                check,
                title=candidate.title,
                topic=candidate.topic,
                questions=tuple(
                    dataclasses.replace(
                        question,
                        prompt=other.prompt,
                        explanation=other.explanation,
                        choices=tuple(dataclasses.replace(choice, text=o_choice.text) for choice, o_choice in zip(question.choices, other.choices)),
                    )
                    for question, other in zip(check.questions, candidate.questions)
                ),
                language=code,
                translated_from=candidate.translated_from,
            )
        )
    return tuple(result)


# --- for the app ---------------------------------------------------------------------------------------


def check_after(guide: Guide, screen_id: str) -> SelfCheck | None:
    """The self-check shown after a screen, if any."""
    return next((check for check in guide.self_checks if check.after == screen_id), None)


def check_texts(check: SelfCheck) -> list[str]:
    """Every piece of text a reader sees in a check (for number and reading-level checks)."""
    texts = [check.title, check.topic]
    for question in check.questions:
        texts += [question.prompt, *(choice.text for choice in question.choices), question.explanation]
    return texts


# --- translator tools ----------------------------------------------------------------------------------


def status(code: str, root: Path | None = None) -> list[tuple[str, str]]:
    """(check id, "current" | "stale" | "different" | "missing") for every English self-check."""
    root = root or content_dir()
    english = load_language(root / "en").self_checks
    translated, _doc = _translated_checks(root / code, lambda message: None)
    return [(check.id, check_state(check, translated.get(check.id))) for check in english]


def stamp(code: str, check_ids: list[str], root: Path | None = None) -> None:
    """Record that the named translated self-checks now match the current English."""
    root = root or content_dir()
    english = {check.id: check for check in load_language(root / "en").self_checks}
    path = root / code / FILE_NAME
    for check_id in check_ids:
        if check_id not in english:
            raise ContentError(root / "en" / FILE_NAME, 1, "checks", f"no English self-check has the id {check_id!r}")
        doc = read_yaml(path)
        index = next((i for i, item in enumerate(doc.data.get("checks") or []) if isinstance(item, dict) and item.get("id") == check_id), None)
        if index is None:
            raise ContentError(path, 1, "checks", f"no translated self-check has the id {check_id!r}")
        digest = check_hash(english[check_id])
        lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
        if isinstance(doc.data["checks"][index].get("translation"), dict):
            number = doc.line(("checks", index, "translation", "source_hash")) - 1
            lines[number] = re.sub(r"source_hash:[ \t]*[0-9A-Za-z]*", f"source_hash: {digest}", lines[number], count=1)
        else:
            item_node = _node(doc, ("checks", index))
            column = item_node.start_mark.column
            number = doc.line(("checks", index, "id"))  # insert after the id line
            lines.insert(number, f"{' ' * column}translation:\n{' ' * (column + 2)}source_hash: {digest}\n")
        path.write_text("".join(lines), encoding="utf-8")


def _node(doc: YamlDocument, field_path: tuple[str | int, ...]) -> yaml.Node:
    import yaml

    node = doc.root
    for step in field_path:
        if isinstance(node, yaml.MappingNode):
            node = next(v for k, v in node.value if k.value == step)
        else:
            node = node.value[step]
    return node


def number_mismatches(code: str, root: Path | None = None) -> list[str]:
    """Translated self-checks whose numbers differ from the English ones, as readable lines."""
    from recovery_guide.translation import numbers_in

    root = root or content_dir()
    english = {check.id: check for check in load_language(root / "en").self_checks}
    translated, doc = _translated_checks(root / code, lambda message: None)
    problems = []
    for check_id, check in translated.items():
        if check_id not in english:
            continue
        for question, other in zip(english[check_id].questions, check.questions):
            expected = numbers_in(question.prompt, question.explanation, *(c.text for c in question.choices))
            found = numbers_in(other.prompt, other.explanation, *(c.text for c in other.choices))
            if expected != found:
                problems.append(f"{doc.path}: {check_id}/{question.id}: missing {sorted(expected - found)}, extra {sorted(found - expected)}")
        expected, found = numbers_in(english[check_id].title, english[check_id].topic), numbers_in(check.title, check.topic)
        if expected != found:
            problems.append(f"{doc.path}: {check_id}: title or topic: missing {sorted(expected - found)}, extra {sorted(found - expected)}")
    return problems
