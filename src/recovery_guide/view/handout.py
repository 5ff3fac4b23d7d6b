"""The handout a reader takes to their appointment, as a view: a few facts, then blocks.

The handout says, in this order: what to do in danger now (the reader's emergency and crisis
numbers when the region is known: ``view.pages.danger_now``, as at the top of ``print``), the
reader's clinic, their questions with room to write the answers and ruled lines for their own, what
matters to them (only what they rated; never a score) with lines for anything else, a box for notes
from the visit, what they want checked, the key points of the topic pages they read (and their study
results as icon arrays), and help lines for their region (or every region's urgent numbers when the
region is unknown). Text and HTML writers (``recovery_guide.render.handout``) write the same view, so
the two formats always say the same.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Iterable

from recovery_guide import wording
from recovery_guide.model import Clinic, Guide, PageKind
from recovery_guide.my_questions import EntryKind, MyQuestions
from recovery_guide.my_values import MyValues
from recovery_guide.view.blocks import Block, ClinicDetails, HelpLines, IconArray, MyUnderstanding, PagesRead, QuestionsToAsk, WhatMattersToMe, WritingSpace
from recovery_guide.view.pages import danger_now, leaning_space, urgency_tiers, writing_spaces
from recovery_guide.view.pages import language_note
from recovery_guide.view.paper import paper_points

@dataclass(frozen=True)
class HandoutView:
    language: str
    title: str
    made_on: str
    framing: str
    blocks: tuple[Block, ...]
    """Only the sections that have something to say; the help lines always."""
    footer: tuple[str, ...]


def build_handout(
    guide: Guide,
    my_questions: MyQuestions,
    region_code: str | None,
    clinic: Clinic | None = None,
    today: date | None = None,
    visited: Iterable[str] = (),
    my_values: MyValues | None = None,
) -> HandoutView:
    """The reader's handout from their list, their answers to "What matters to me" and the pages they
    opened (``visited``, in any order)."""
    today = today or date.today()
    general = wording.general_questions()
    questions = tuple((group.title, tuple(text for _entry, text in group.entries)) for group in my_questions.groups(guide, clinic, general))
    understanding = tuple(
        (group.title, text) for group in my_questions.groups(guide, clinic, general, kinds=(EntryKind.UNDERSTANDING,)) for _entry, text in group.entries
    )
    visited = set(visited)
    read = tuple((page.title, paper_points(page.key_points)) for page in guide.pages if page.id in visited and page.kind is PageKind.TOPIC)
    region = guide.region(region_code) if region_code else None
    heading = wording.help_lines_heading()
    unknown = wording.two_sentences(wording.no_local_emergency_number(), wording.every_region_below(heading))
    danger = danger_now(region, wording.other_help_lines_below(heading), unknown)
    blocks: list[Block] = [danger] if danger else []  # first: the help lines are at the end
    if clinic:
        blocks.append(ClinicDetails(clinic))
    own_questions, anything_else, notes = writing_spaces()
    if questions:
        blocks.append(QuestionsToAsk(questions))
    blocks.append(own_questions if not questions else WritingSpace(own_questions.prompt, own_questions.lines))
    answers = my_values.answers(guide.values) if my_values else []
    if answers:
        blocks.append(WhatMattersToMe(tuple((answer.text, answer.level, answer.own) for answer in answers)))
    blocks.append(anything_else if not answers else WritingSpace(anything_else.prompt, anything_else.lines))
    blocks.append(leaning_space())
    blocks.append(notes)
    if understanding:
        blocks.append(MyUnderstanding(understanding))
    if read:
        blocks.append(PagesRead(read))
        # the study results of those pages, as pictures with their words (no source number: a handout has no source list)
        blocks += [IconArray(result, None) for page in guide.pages if page.id in visited and page.kind is PageKind.TOPIC for result in page.results]
    tiers = urgency_tiers(guide)
    blocks += [*([tiers] if tiers else []), HelpLines(guide.regions, region, guide.help_lines_checked, clinic)]
    return HandoutView(
        language=guide.language.code,
        title=wording.handout_title(),
        made_on=wording.made_on(today),
        framing=wording.appointment_framing(),
        blocks=tuple(blocks),
        footer=(wording.provider_banner(), language_note(guide), wording.help_lines_checked(guide.help_lines_checked)),
    )

